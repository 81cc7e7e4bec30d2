"""The built graph as compact plain data for the cache, and back, in two parts.

The *light* part is what a traversal reads: the :class:`~intgraph.flows.Flows` view
(every system and integration node's attributes, its flow neighbours by role, the index
of system names and aliases) and the alias map. A warm ``impact`` decodes only this.

The *detail* part is the rest of the graph: every node in graph order (the light
nodes as ``None``), networkx's own successor dicts, which :mod:`marshal` rebuilds in C,
and the integrations' template fields as a blob decoded only when something asks for
them (see :func:`intgraph.graph.fields_of`). :func:`decode_graph` rebuilds the
predecessor index from it in Python, sharing each edge's key dict with the successor
index exactly as networkx does and in the order a cold build leaves it (an integration's
sources as the note lists them, a system's inbound integrations in note order), so every
answer is the same cold and warm.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any

from intgraph.codec import decode_fields, encode_fields
from intgraph.flows import (
    LAYOUT_ERRORS,
    NODE_KEYS,
    Flows,
    FlowsLayoutError,
    decode_flows,
    row_text,
)
from intgraph.model import DOCUMENT, INTEGRATION, IntegrationFields

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "LAYOUT_ERRORS",
    "SnapshotError",
    "decode_graph",
    "decode_light",
    "encode_detail",
    "encode_graph",
    "encode_light",
]


class SnapshotError(FlowsLayoutError):
    """The snapshot does not have the layout this build writes."""


#: A light part decoded: (the flows view, the alias map).
Decoded = tuple[Flows, dict[str, tuple[str, ...]]]


def _plain(
    attrs: Mapping[str, Any], share: Callable[[Any, Any], Any] | None = None
) -> dict[str, Any]:
    """A node's attributes as marshal takes them (its fields go to the blob); ``share``
    (a dict's ``setdefault``) gives one object per distinct recurring value."""
    out = dict(attrs)
    out.pop("fields", None)
    if "aliases" in out:
        out["aliases"] = tuple(out["aliases"])
    if share is not None:
        for key in _RECURRING:
            if key in out:
                out[key] = share(out[key], out[key])
    return out


#: The attributes whose values recur from node to node.
_RECURRING = ("status", "owner", "next_review")


def encode_graph(
    graph: nx.MultiDiGraph, aliases: Mapping[str, tuple[str, ...]], blob: bytes | None = None
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """(light part, detail part) of the graph and its alias map, as primitives; ``blob``
    is the integrations' fields already marshalled (see :func:`intgraph.records.blob_parts`),
    else they are encoded from the graph."""
    from intgraph.graph import flows_of

    return encode_light(flows_of(graph), aliases), encode_detail(graph, blob)


def encode_detail(graph: nx.MultiDiGraph, blob: bytes | None = None) -> tuple[Any, ...]:
    """The detail part of :func:`encode_graph` alone (``blob`` as there)."""
    from intgraph.graph import fields_of

    # The nodes of the light part (its flows view) are every node but the documents.
    nodes = {n: None if a["kind"] != DOCUMENT else _plain(a) for n, a in graph._node.items()}
    if blob is None:
        fields = {
            node: encode_fields(fields_of(graph, node))
            for node, attrs in graph._node.items()
            if attrs["kind"] == INTEGRATION
        }
        blob = marshal.dumps(fields, 2)
    # The successor dicts hold only str keys and str-valued edge data: marshal takes
    # them as they are, without a copy.
    return nodes, graph._succ, blob


def encode_light(flows: Flows, aliases: Mapping[str, tuple[str, ...]]) -> tuple[Any, ...]:
    """The light part of a graph whose flows view is ``flows``, as primitives."""
    # One object per distinct value (a node id; a status, owner or review date; a list
    # of system names; the recurring pieces of row text), so that marshal writes every
    # later use as a reference: the file is a third smaller and loads faster.
    one = {n: n for n in flows.node}.__getitem__
    share: Callable[[Any, Any], Any] = {}.setdefault
    light_nodes = {one(n): _plain(attrs, share) for n, attrs in flows.node.items()}
    tables = (flows.feeds, flows.fed_by, flows.routed, flows.sources, flows.targets, flows.via)
    # What every integration has, as lists in node order: marshal loads a list far
    # faster than a dict keyed by node, and the keys cannot disagree.
    integrations = [n for n, attrs in light_nodes.items() if attrs["kind"] == INTEGRATION]
    ends = [flows.ends[n] for n in integrations]
    # Held while marshalled: marshal marks an object for back-references by whether
    # anything else holds it, and the text may be held by ``flows`` or made here.
    rows = row_text(flows, integrations)
    return (
        (
            light_nodes,
            *({one(k): tuple(map(one, v)) for k, v in t.items()} for t in tables),
            {key: one(n) for key, n in flows.index.items()},
            [(share(s, s), share(t, t), share(m, m)) for s, t, m in ends],
            [flows.rank[n] for n in integrations],
            [flows.tie[n] for n in integrations],
            {key: tuple(map(one, nodes)) for key, nodes in flows.homonyms.items()},
            marshal.dumps([(h, share(m, m), share(t, t)) for h, m, t in rows]),
        ),
        {path: tuple(a) for path, a in aliases.items()},
    )


def decode_light(data: Any) -> Decoded:
    """(the flows view, the alias map) of a light part; raises :class:`SnapshotError`
    (or another :data:`LAYOUT_ERRORS`) when it has another layout."""
    if not (type(data) is tuple and len(data) == 2 and type(data[1]) is dict):
        raise SnapshotError("not a graph snapshot")
    flows = decode_flows(data[0])
    for names in data[1].values():
        if type(names) is not tuple or not all(type(n) is str for n in names):
            raise SnapshotError("graph snapshot aliases of another layout")
    return flows, data[1]


def check(flows: Flows, detail: Any) -> None:
    """Raise :class:`SnapshotError` unless ``detail`` is the detail part of the graph
    whose light part gave ``flows``: every light node in it (as ``None``), every other
    node a document with its attributes, every adjacency a dict of known nodes and every
    edge a dict (a source without its edge fails as the predecessors are rebuilt)."""
    if not (type(detail) is tuple and len(detail) == 3):
        raise SnapshotError("not a graph snapshot detail")
    nodes, succ, blob = detail
    if not (
        type(nodes) is dict
        and type(succ) is dict
        and type(blob) is bytes
        and nodes.keys() == succ.keys()
        # dict.keys refuses anything but a dict; both maps run at C speed
        and all(map(nodes.keys().__ge__, map(dict.keys, succ.values())))
    ):
        raise SnapshotError("graph snapshot of another layout")
    light = {n for n, attrs in nodes.items() if attrs is None}
    if light != flows.node.keys():
        raise SnapshotError("graph snapshot detail of another graph")
    wanted = NODE_KEYS[DOCUMENT]
    for n, attrs in nodes.items():
        if n not in light and not (
            type(attrs) is dict and attrs.get("kind") == DOCUMENT and attrs.keys() >= wanted
        ):
            raise SnapshotError("graph snapshot node of another layout")
    try:  # dict.values refuses anything but a dict; the chains run at C speed
        edges = chain.from_iterable(
            map(dict.values, chain.from_iterable(map(dict.values, succ.values())))
        )
        if set(map(type, edges)) - {dict}:
            raise SnapshotError("graph snapshot edge data of another layout")
    except TypeError as exc:
        raise SnapshotError("graph snapshot edge of another layout") from exc


def decode_graph(
    flows: Flows,
    aliases: Mapping[str, tuple[str, ...]],
    detail: Any,
    rebuild_fields: Callable[[], dict[str, IntegrationFields]] | None = None,
) -> nx.MultiDiGraph:
    """The graph whose light part gave ``flows`` and ``aliases`` and whose detail part
    is ``detail``; the nodes share their attribute dicts with ``flows``.

    Raises :class:`SnapshotError` when ``detail`` has another layout. The integrations'
    fields are decoded on first use; should that blob prove to be of another layout,
    ``rebuild_fields`` (when given) supplies them instead.
    """
    import networkx as nx

    from intgraph.graph import remember_flows, remember_index

    check(flows, detail)
    layout, succ, blob = detail
    light = flows.node
    nodes = {n: light[n] if attrs is None else attrs for n, attrs in layout.items()}
    integrations = [n for n, attrs in light.items() if attrs["kind"] == INTEGRATION]
    graph = nx.MultiDiGraph()
    # networkx's adjacency structure, filled in directly: add_node and add_edge check
    # and copy per call, which costs a warm run more than everything else together.
    pred: dict[str, dict[str, Any]] = {node: {} for node in nodes}
    for u in integrations:
        for v, keys in succ[u].items():
            pred[v][u] = keys
    for v in integrations:
        pred[v] = {u: succ[u][v] for u in flows.sources.get(v, ())}
    graph._node = nodes
    graph._adj = graph._succ = succ
    graph._pred = pred

    def load_fields() -> dict[str, IntegrationFields]:
        try:
            loaded = {node: decode_fields(f) for node, f in marshal.loads(blob).items()}
            if loaded.keys() != set(integrations):
                raise SnapshotError("graph snapshot fields of another layout")
        except LAYOUT_ERRORS:
            if rebuild_fields is None:
                raise
            return rebuild_fields()
        return loaded

    graph.graph["fields_loader"] = load_fields
    remember_index(graph, dict(flows.index), dict(flows.homonyms))
    remember_flows(graph, flows)
    return graph
