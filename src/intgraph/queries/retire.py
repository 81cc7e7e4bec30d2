"""The decommissioning checklist of one system: what to re-point, who is cut off, which
notes mention it."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from intgraph.graph import after, before, system_node
from intgraph.model import LinkKind, Ref
from intgraph.pipeline import Landscape
from intgraph.queries.critical import sole_feeds
from intgraph.queries.impact import impact
from intgraph.queries.people import owner_of, technical_lead_of

ROLES: tuple[str, ...] = ("source", "target", "middleware")


@dataclass(frozen=True)
class RetiredIntegration:
    """An integration that touches the retired system: re-point it or retire it too.

    ``role`` is the first of source, target, middleware that the system plays in it;
    ``roles`` lists every one.
    """

    node: str
    id: str | None
    title: str
    path: str
    status: str | None
    role: str
    roles: tuple[str, ...]
    owner: str | None
    technical_lead: str | None


@dataclass(frozen=True)
class Mention:
    """A link to the retired system outside the integration fields: a note to edit."""

    path: str
    line: int


@dataclass(frozen=True)
class Retirement:
    """The answer to ``intgraph retire``."""

    query: str
    system: str
    system_path: str | None
    middleware: bool
    integrations: tuple[RetiredIntegration, ...]
    sole_feed_of: tuple[str, ...]
    reduced: tuple[str, ...]
    mentions: tuple[Mention, ...]


def retire(landscape: Landscape, query: str) -> Retirement:
    """What retiring the system ``query`` names means; raises UnknownSystemError.

    ``sole_feed_of`` are the systems left with no inbound integration (as in
    ``intgraph critical``); ``reduced`` the rest of its downstream impact, which keeps
    some feeds but loses data. Every status counts: a Planning integration must be
    re-planned too.
    """
    graph = landscape.graph
    downstream = impact(landscape, query)
    system = downstream.system_node
    integrations = sorted(
        (_touching(graph, system, node) for node in _integrations(graph, system)),
        key=lambda i: ((i.owner or "").lower(), (i.id or "").lower(), i.title.lower(), i.path),
    )
    cut = {graph._node[n]["name"] for n in sole_feeds(graph).get(system, set())}
    reduced = [s.name for s in downstream.systems if s.name not in cut]
    return Retirement(
        query=query,
        system=downstream.system,
        system_path=downstream.system_path,
        middleware=bool(graph._node[system].get("middleware")),
        integrations=tuple(integrations),
        sole_feed_of=tuple(sorted(cut, key=str.lower)),
        reduced=tuple(sorted(reduced, key=str.lower)),
        mentions=tuple(mentions(landscape, system)),
    )


def _integrations(graph: nx.MultiDiGraph, system: str) -> list[str]:
    found = [
        *after(graph, system, "source"),
        *before(graph, system, "target"),
        *before(graph, system, "via"),
    ]
    return list(dict.fromkeys(found))


def _touching(graph: nx.MultiDiGraph, system: str, node: str) -> RetiredIntegration:
    data = graph._node[node]
    roles = tuple(
        role
        for role, ends in (
            ("source", before(graph, node, "source")),
            ("target", after(graph, node, "target")),
            ("middleware", after(graph, node, "via")),
        )
        if system in ends
    )
    return RetiredIntegration(
        node=node,
        id=data.get("id"),
        title=data["title"],
        path=data["path"],
        status=data.get("status"),
        role=roles[0],
        roles=roles,
        owner=owner_of(graph, node),
        technical_lead=technical_lead_of(graph, node),
    )


def mentions(landscape: Landscape, system: str) -> list[Mention]:
    """Links that name ``system`` (by its note, an alias or its plain name) outside the
    source, target and middleware fields of integration notes (and the front matter of
    the integrations that touch it), outside its own note and intgraph's reports, in
    path and line order."""
    graph = landscape.graph
    own = graph._node[system].get("path")
    # Front-matter links of the integrations that touch the system name it in their fields
    # (a source list spans several lines): those notes are on the checklist already.
    listed = {graph._node[n]["path"] for n in _integrations(graph, system)}
    found: set[Mention] = set()
    for note in landscape.notes:
        if note.generated or note.path == own:
            continue
        field_lines: set[int] = set()
        if note.is_integration:
            f = note.fields
            refs = [*(e.ref for e in f.sources), *(e.ref for e in f.targets), *f.middleware]
            field_lines = {r.line for r in refs}
        for link in note.links:
            if not link.target or link.placeholder or link.line in field_lines:
                continue
            if link.kind is LinkKind.FRONTMATTER and note.path in listed:
                continue
            named = landscape.names.for_ref(Ref(link.target, link.line, True), note.path)
            if system_node(named.key) == system:
                found.add(Mention(note.path, link.line))
    return sorted(found, key=lambda m: (m.path, m.line))
