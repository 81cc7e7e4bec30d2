"""The built graph as compact plain data for the cache, and back.

The snapshot holds networkx's own node and successor dicts, which :mod:`marshal`
rebuilds in C; only the predecessor index is rebuilt in Python, sharing each edge's
key dict with the successor index exactly as networkx does, and in the order a cold
build leaves it: an integration's sources as the note lists them, a system's inbound
integrations in note order (so every answer is the same cold and warm). The integrations'
template fields are kept in a separate blob that is only decoded when something
asks for them (see :func:`intgraph.graph.fields_of`); the index of system names and
aliases is saved with the graph, so a query never scans every node to find its system.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from typing import Any

import networkx as nx

from intgraph.codec import decode_fields, encode_fields
from intgraph.graph import INTEGRATION, fields_of, remember_index, system_index
from intgraph.model import IntegrationFields


def encode_graph(graph: nx.MultiDiGraph, aliases: Mapping[str, tuple[str, ...]]) -> tuple[Any, ...]:
    """The graph's nodes and successors, the alias map and the fields blob, as primitives."""
    nodes: dict[str, dict[str, Any]] = {}
    fields: dict[str, tuple[Any, ...]] = {}
    for node, data in graph.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k != "fields"}
        if "aliases" in attrs:
            attrs["aliases"] = tuple(attrs["aliases"])
        nodes[node] = attrs
        if data["kind"] == INTEGRATION:
            fields[node] = encode_fields(fields_of(graph, node))
    aliases_data = {path: tuple(a) for path, a in aliases.items()}
    sources = {node: tuple(graph._pred[node]) for node in fields}
    # The successor dicts hold only str keys and str-valued edge data: marshal takes
    # them as they are, without a copy.
    return (nodes, graph._succ, aliases_data, marshal.dumps(fields), sources, system_index(graph))


def decode_graph(data: Any) -> tuple[nx.MultiDiGraph, dict[str, tuple[str, ...]]]:
    """The graph and alias map that :func:`encode_graph` turned into ``data``."""
    nodes, succ, aliases, blob, sources, index = data
    graph = nx.MultiDiGraph()
    # networkx's adjacency structure, filled in directly: add_node and add_edge check
    # and copy per call, which costs a warm run more than everything else together.
    pred: dict[str, dict[str, Any]] = {node: {} for node in nodes}
    for u, nbrs in succ.items():
        if u in sources:
            for v, keys in nbrs.items():
                pred[v][u] = keys
    for v, us in sources.items():
        pred[v] = {u: succ[u][v] for u in us}
    graph._node = nodes
    graph._adj = graph._succ = succ
    graph._pred = pred

    def load_fields() -> dict[str, IntegrationFields]:
        return {node: decode_fields(f) for node, f in marshal.loads(blob).items()}

    graph.graph["fields_loader"] = load_fields
    if isinstance(index, dict):
        remember_index(graph, index)
    return graph, dict(aliases)
