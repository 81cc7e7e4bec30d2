"""Build the NetworkX graph: source system → integration → target system.

Node kinds are ``system``, ``integration`` and ``document``. Edge roles:
``source`` (system → integration), ``target`` (integration → system),
``via`` (integration → middleware system) and ``document`` (integration → document).
The key of a flow edge is its role, so :func:`after` and :func:`before` find them
without looking at edge data.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from intgraph.flows import (
    Flows,
    document_node,
    integration_node,
    note_attrs,
    orders,
    system_node,
)
from intgraph.model import (
    DOCUMENT,
    INTEGRATION,
    SYSTEM,
    IntegrationFields,
    Note,
    Ref,
    name_key,
    note_name,
)
from intgraph.names import SystemId, SystemNames
from intgraph.records import (
    SYSTEM_MARKERS,
)
from intgraph.resolve import Resolver

if TYPE_CHECKING:  # imported where a graph is made: a cold scan starts its workers first
    import networkx as nx

__all__ = [
    "DOCUMENT",
    "INTEGRATION",
    "SYSTEM",
    "SYSTEM_MARKERS",
    "after",
    "before",
    "build_graph",
    "document_node",
    "fields_of",
    "flows_of",
    "has_status",
    "integration_node",
    "known_flows",
    "remember_flows",
    "remember_index",
    "system_index",
    "system_node",
    "systems",
]


def fields_of(graph: nx.MultiDiGraph, node: str) -> IntegrationFields:
    """An integration node's template fields.

    A graph loaded from the cache fills them in on first use (through the loader the
    cache left in ``graph.graph["fields_loader"]``), since most queries never need them.
    """
    data = graph.nodes[node]
    if "fields" not in data:
        loader = graph.graph.pop("fields_loader", None)
        if loader is not None:
            for other, fields in loader().items():
                graph.nodes[other]["fields"] = fields
    fields = data["fields"]
    assert isinstance(fields, IntegrationFields)
    return fields


def after(graph: nx.MultiDiGraph, node: str, role: str) -> list[str]:
    """The nodes that ``node`` has a ``role`` edge to (source, target or via), in order."""
    # networkx's own algorithms read the adjacency dicts directly; the views cost 10x.
    return [v for v, keys in graph._succ[node].items() if role in keys]


def before(graph: nx.MultiDiGraph, node: str, role: str) -> list[str]:
    """The nodes that have a ``role`` edge to ``node``, in order."""
    return [u for u, keys in graph._pred[node].items() if role in keys]


def has_status(graph: nx.MultiDiGraph, node: str, wanted: Collection[str]) -> bool:
    """True when ``wanted`` (lower-case statuses) is empty or holds the node's status."""
    if not wanted:
        return True
    status = graph._node[node].get("status")
    return status is not None and status.lower() in wanted


#: graph -> (its node count when indexed, name key -> system node, name key -> every
#: system node of that name when several have it); see system_index.
_INDEXES: WeakKeyDictionary[
    nx.MultiDiGraph, tuple[int, dict[str, str], dict[str, tuple[str, ...]]]
] = WeakKeyDictionary()


def system_index(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Map every system name and alias key (:func:`~intgraph.model.name_key`) to its node
    id; names win over aliases, earlier nodes over later ones among aliases. A name that
    several system notes have (one file name in different folders) means the one a link
    by that name written at the vault's root opens in Obsidian, as a plain name in a
    note does (see :func:`system_homonyms`).

    Built once per graph (a graph loaded from the cache brings the one saved with it) and
    built again when the graph's node count changes.
    """
    return _indexed(graph)[1]


def system_homonyms(graph: nx.MultiDiGraph) -> dict[str, tuple[str, ...]]:
    """Map every name key that several system nodes have (notes of one file name in
    different folders) to those nodes, the one the name means in :func:`system_index`
    first, then as Obsidian ranks them. Built with it."""
    return _indexed(graph)[2]


def _indexed(
    graph: nx.MultiDiGraph,
) -> tuple[int, dict[str, str], dict[str, tuple[str, ...]]]:
    known = _INDEXES.get(graph)
    if known is not None and known[0] == len(graph._node):
        return known
    named: dict[str, list[str]] = {}
    aliases: dict[str, str] = {}
    for node, data in graph._node.items():
        if data["kind"] != SYSTEM:
            continue
        named.setdefault(name_key(data["name"]), []).append(node)
        for alias in data.get("aliases", ()):
            aliases.setdefault(name_key(alias), node)
    found: dict[str, str] = {}
    shared: dict[str, tuple[str, ...]] = {}
    for key, nodes in named.items():
        if len(nodes) > 1:
            nodes.sort(key=lambda n: _from_root(graph._node[n].get("path")))
            shared[key] = tuple(nodes)
        found[key] = nodes[0]
    for key, node in aliases.items():
        found.setdefault(key, node)
    remember_index(graph, found, shared)
    return _INDEXES[graph]


def _from_root(path: str | None) -> tuple[bool, bool, int, str]:
    """How Obsidian ranks notes of one file name for a link by that name written at the
    vault's root (:func:`intgraph.resolve._rank`): the note at the root, then the
    shortest path, then by path."""
    return (path is None, "/" in (path or ""), len(path or ""), path or "")


#: graph -> (its node count when derived, its flows view); see flows_of.
_FLOWS: WeakKeyDictionary[nx.MultiDiGraph, tuple[int, Flows]] = WeakKeyDictionary()


def flows_of(graph: nx.MultiDiGraph) -> Flows:
    """The :class:`~intgraph.flows.Flows` view of ``graph``: derived once per graph (a
    graph loaded from the cache brings the one saved with it), and again when its node
    count changes."""
    known = known_flows(graph)
    if known is not None:
        return known
    node = {n: d for n, d in graph._node.items() if d["kind"] != DOCUMENT}
    tables: list[dict[str, tuple[str, ...]]] = [{} for _ in range(6)]
    feeds, fed_by, routed, sources, targets, via = tables
    succ, pred = graph._succ, graph._pred
    # after() and before(), written out: a flows view of 100,000 integrations asks them
    # 375,000 times.
    for n, data in node.items():
        into, out = pred[n], succ[n]
        if data["kind"] == SYSTEM:
            wanted = ((feeds, "source", out), (fed_by, "target", into), (routed, "via", into))
        else:
            wanted = ((sources, "source", into), (targets, "target", out), (via, "via", out))
        for table, role, adjacent in wanted:
            if adjacent:
                found = tuple([v for v, keys in adjacent.items() if role in keys])
                if found:
                    table[n] = found
    integrations = [n for n, data in node.items() if data["kind"] == INTEGRATION]
    name = {n: str(data["name"]) for n, data in node.items()}.__getitem__
    ends = {
        n: (
            tuple(map(name, sources.get(n, ()))),
            tuple(map(name, targets.get(n, ()))),
            tuple(map(name, via.get(n, ()))),
        )
        for n in integrations
    }
    rank, tie = orders(node, integrations)
    _, index, homonyms = _indexed(graph)
    flows = Flows(
        node, feeds, fed_by, routed, sources, targets, via, index, ends, rank, tie, homonyms
    )
    remember_flows(graph, flows)
    return flows


def known_flows(graph: nx.MultiDiGraph) -> Flows | None:
    """The flows view :func:`flows_of` ``graph`` has derived (or been told) and still
    holds for the graph as it is now, or None: nothing is derived."""
    known = _FLOWS.get(graph)
    return known[1] if known is not None and known[0] == len(graph._node) else None


def remember_flows(graph: nx.MultiDiGraph, flows: Flows) -> None:
    """Keep ``flows`` as :func:`flows_of` ``graph`` (as it is now)."""
    _FLOWS[graph] = (len(graph._node), flows)


def remember_index(
    graph: nx.MultiDiGraph, index: dict[str, str], homonyms: dict[str, tuple[str, ...]]
) -> None:
    """Keep ``index`` and ``homonyms`` as :func:`system_index` and
    :func:`system_homonyms` of ``graph`` (as it is now)."""
    _INDEXES[graph] = (len(graph._node), index, homonyms)


def build_graph(notes: Sequence[Note], resolver: Resolver, names: SystemNames) -> nx.MultiDiGraph:
    """Build the landscape graph of ``notes``; see the module docstring for its shape."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    integrations = [n for n in notes if n.is_integration]
    integration_paths = {n.path for n in integrations}
    for note in notes:
        if not note.is_integration and _declares_system(note):
            _add_system(graph, names, names.for_path(note.path))
    for note in integrations:
        node = integration_node(note.path)
        f = note.fields
        graph.add_node(node, **note_attrs(note), fields=f)
        for endpoint in f.sources:
            system = _add_ref(graph, names, endpoint.ref, note.path)
            graph.add_edge(system, node, key="source", role="source")
        for endpoint in f.targets:
            system = _add_ref(graph, names, endpoint.ref, note.path)
            graph.add_edge(node, system, key="target", role="target")
        for ref in f.middleware:
            system = _add_ref(graph, names, ref, note.path)
            graph.nodes[system]["middleware"] = True
            graph.add_edge(node, system, key="via", role="via")
    not_documents = integration_paths | {
        data["path"] for _, data in graph.nodes(data=True) if data.get("kind") == SYSTEM
    }
    for note in integrations:
        node = integration_node(note.path)
        for label, path in _documents(note, resolver, not_documents):
            doc = document_node(path)
            if doc not in graph:
                graph.add_node(doc, kind=DOCUMENT, name=note_name(path), path=path)
            graph.add_edge(node, doc, key=f"document:{label}", role="document", label=label)
    return graph


def _declares_system(note: Note) -> bool:
    kinds = {(note.note_type or "").lower(), *(t.lower() for t in note.tags)}
    return bool(kinds & SYSTEM_MARKERS)


def _add_system(graph: nx.MultiDiGraph, names: SystemNames, sid: SystemId) -> str:
    node = system_node(sid.key)
    if node not in graph:
        graph.add_node(
            node,
            kind=SYSTEM,
            name=sid.name,
            path=sid.path,
            aliases=names.aliases_of(sid.path),
            middleware=False,
        )
    return node


def _add_ref(graph: nx.MultiDiGraph, names: SystemNames, ref: Ref, source: str) -> str:
    return _add_system(graph, names, names.for_ref(ref, source))


def _documents(
    note: Note, resolver: Resolver, not_documents: set[str | None]
) -> Iterable[tuple[str, str]]:
    """(label, path) of the documents a note links: its Documentation links and other
    resolved links that are not systems, integrations or people in the Metadata footer."""
    skip_lines = set(note.meta_lines)
    seen: set[str] = set()
    for label, ref in note.fields.documents:
        path = resolver.resolve_path(ref.text, note.path)
        if path and path not in seen:
            seen.add(path)
            yield label, path
    for link in note.links:
        if link.placeholder or link.line in skip_lines or not link.target:
            continue
        path = resolver.resolve_path(link.target, note.path)
        if path and path != note.path and path not in seen and path not in not_documents:
            seen.add(path)
            yield "link", path


def systems(graph: nx.MultiDiGraph) -> list[str]:
    """Node ids of every system, sorted by name."""
    ids = [n for n, d in graph.nodes(data=True) if d["kind"] == SYSTEM]
    return sorted(ids, key=lambda n: (graph.nodes[n]["name"].lower(), n))
