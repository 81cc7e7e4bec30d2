"""An edit to integration notes, applied to the saved flows view instead of a rebuild.

When the notes that changed are integration notes that stay integration notes, keep
their aliases, and reference only systems the graph already has, the flows view a full
build would make differs from the saved one only in those integrations' own entries and
in the lists of the systems they touch; :func:`patch_flows` rewrites exactly those. The
systems themselves (their nodes, names and order) are kept, so an edit that could add,
drop or reorder one (a new system, or a change to a system's first integration in note
order, which is where a full build creates it) returns None: the caller rebuilds. An
integration that names the same system notes as before changes none of them, even when
it is their first. The rest of the graph (documents and every edge) is then built again
only when a command asks for it. ``tests/test_incremental.py`` holds random edits to a
full rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from intgraph.flows import (
    Flows,
    display_names,
    integration_node,
    loaded_text,
    note_attrs,
    orders,
    system_node,
)
from intgraph.model import INTEGRATION, Note
from intgraph.names import SystemNames
from intgraph.resolve import Resolver
from intgraph.snapshot import Decoded, encode_light


def patch_flows(
    saved: Decoded,
    notes: Mapping[str, Note],
    all_files: Iterable[str],
) -> tuple[Any, Flows] | None:
    """(the light part (see :mod:`intgraph.snapshot`), the flows view) of the graph
    after the notes in ``notes`` (vault path -> note as it is now) changed, for a vault
    whose files are ``all_files``, from the saved graph's (flows view, alias map);
    None when the edit is not one this module patches."""
    flows, aliases = saved
    names = SystemNames(Resolver(all_files), aliases)
    integrations = [n for n, data in flows.node.items() if data["kind"] == INTEGRATION]
    place = {n: i for i, n in enumerate(integrations)}
    node = dict(flows.node)
    tables = {
        "feeds": dict(flows.feeds),
        "fed_by": dict(flows.fed_by),
        "routed": dict(flows.routed),
        "sources": dict(flows.sources),
        "targets": dict(flows.targets),
        "via": dict(flows.via),
    }
    ends = dict(flows.ends)
    text = dict(loaded_text(flows.text))
    touched: set[str] = set()
    for path, note in notes.items():
        n = integration_node(path)
        if n not in place or not note.is_integration or note.aliases != aliases.get(path, ()):
            return None
        refs = {
            role: list(dict.fromkeys(system_node(names.for_ref(ref, path).key) for ref in found))
            for role, found in (
                ("sources", [e.ref for e in note.fields.sources]),
                ("targets", [e.ref for e in note.fields.targets]),
                ("via", list(note.fields.middleware)),
            )
        }
        # The integration's adjacency lists its targets first, then its middleware.
        order = list(dict.fromkeys([*refs["targets"], *refs["via"]]))
        refs["via"] = [s for s in order if s in set(refs["via"])]
        if not (_unchanged(flows, n, refs) or _same_systems(flows, n, place, refs)):
            return None
        touched.update(*refs.values(), tables["via"].get(n, ()))
        for role, system_table in (("sources", "feeds"), ("targets", "fed_by"), ("via", "routed")):
            for s in tables[role].get(n, ()):
                tables[system_table][s] = tuple(i for i in tables[system_table][s] if i != n)
            for s in refs[role]:
                listed = {*tables[system_table].get(s, ()), n}
                tables[system_table][s] = tuple(sorted(listed, key=place.__getitem__))
            tables[role][n] = tuple(refs[role])
        node[n] = note_attrs(note)
        text.pop(n, None)  # made again from the new attributes and ends
        ends[n] = (
            display_names(node, refs["sources"]),
            display_names(node, refs["targets"]),
            display_names(node, refs["via"]),
        )
    for s in sorted(touched):  # a system is middleware while something is routed through it
        routed = bool(tables["routed"].get(s))
        if node[s]["middleware"] != routed:
            node[s] = {**node[s], "middleware": routed}
    tables = {name: {k: v for k, v in table.items() if v} for name, table in tables.items()}
    rank, tie = orders(node, integrations)
    patched = Flows(
        node,
        tables["feeds"],
        tables["fed_by"],
        tables["routed"],
        tables["sources"],
        tables["targets"],
        tables["via"],
        flows.index,
        ends,
        rank,
        tie,
        flows.homonyms,
        text,
    )
    return encode_light(patched, aliases), patched


def _unchanged(flows: Flows, n: str, refs: Mapping[str, list[str]]) -> bool:
    """True when integration ``n`` names the systems it named, in the same roles and
    order, and each is a system note (whose node nothing in ``n`` shapes: a system
    without a note is named by the text of its first mention, which may be in ``n``)."""
    before = {"sources": flows.sources, "targets": flows.targets, "via": flows.via}
    note_made = system_node("note:")
    return all(
        tuple(found) == before[role].get(n, ()) and all(s.startswith(note_made) for s in found)
        for role, found in refs.items()
    )


def _same_systems(
    flows: Flows, n: str, place: Mapping[str, int], refs: Mapping[str, list[str]]
) -> bool:
    """True when the systems integration ``n`` now names all exist, and the edit changes
    no system's first integration (a full build creates each system at its first)."""
    before = {*flows.sources.get(n, ()), *flows.targets.get(n, ()), *flows.via.get(n, ())}
    after = {s for found in refs.values() for s in found}
    for s in before | after:
        if s not in flows.node:
            return False
        users = {*flows.feeds.get(s, ()), *flows.fed_by.get(s, ()), *flows.routed.get(s, ())}
        if not users:
            continue  # a system no integration names: its note made it, before any
        first = min(users, key=place.__getitem__)
        others = users - {n}
        if first == n or (s in after and (not others or place[n] < place[first])):
            return False
    return True
