"""The built graph as compact plain data for the cache, and back.

Nodes become tuples by kind and edges index pairs, so a warm run loads the graph
without rebuilding it from the notes. Integration fields stay encoded until asked
for (see :func:`intgraph.graph.fields_of`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from intgraph.codec import encode_fields
from intgraph.graph import DOCUMENT, INTEGRATION, SYSTEM, fields_of


def encode_graph(graph: nx.MultiDiGraph, aliases: Mapping[str, tuple[str, ...]]) -> tuple[Any, ...]:
    """The graph's nodes and edges, and the alias map, as primitives."""
    index: dict[str, int] = {}
    nodes: list[tuple[Any, ...]] = []
    for node, d in graph.nodes(data=True):
        index[node] = len(nodes)
        kind = d["kind"]
        if kind == SYSTEM:
            nodes.append((node, kind, d["name"], d["path"], tuple(d["aliases"]), d["middleware"]))
        elif kind == INTEGRATION:
            fields = encode_fields(fields_of(d))
            nodes.append(
                (node, kind, d["name"], d["path"], d["status"], d["id"], d["title"], fields)
            )
        else:
            nodes.append((node, kind, d["name"], d["path"]))
    edges = [
        (index[u], index[v], key, data.get("label"))
        for u, v, key, data in graph.edges(keys=True, data=True)
    ]
    return (nodes, edges, {path: tuple(a) for path, a in aliases.items()})


def decode_graph(data: Any) -> tuple[nx.MultiDiGraph, dict[str, tuple[str, ...]]]:
    """The graph and alias map that :func:`encode_graph` turned into ``data``."""
    nodes, edges, aliases = data
    graph = nx.MultiDiGraph()
    add_node = graph.add_node
    ids: list[str] = []
    for t in nodes:
        ids.append(t[0])
        if t[1] == SYSTEM:
            add_node(t[0], kind=SYSTEM, name=t[2], path=t[3], aliases=t[4], middleware=t[5])
        elif t[1] == INTEGRATION:
            add_node(
                t[0], kind=INTEGRATION, name=t[2], path=t[3], status=t[4], id=t[5], title=t[6],
                fields_raw=t[7],
            )  # fmt: skip
        else:
            add_node(t[0], kind=DOCUMENT, name=t[2], path=t[3])
    add_edge = graph.add_edge
    for u, v, key, label in edges:
        if label is None:
            add_edge(ids[u], ids[v], key=key, role=key)
        else:
            add_edge(ids[u], ids[v], key=key, role="document", label=label)
    return graph, dict(aliases)
