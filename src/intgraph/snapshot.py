"""The built graph as compact plain data for the cache, and back.

Nodes become tuples by kind and edges index pairs, so a warm run loads the graph
without rebuilding it from the notes. The integrations' template fields are kept in
a separate blob that is only decoded when something asks for them (see
:func:`intgraph.graph.fields_of`).
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from typing import Any

import networkx as nx

from intgraph.codec import decode_fields, encode_fields
from intgraph.graph import DOCUMENT, INTEGRATION, SYSTEM, fields_of
from intgraph.model import IntegrationFields


def encode_graph(graph: nx.MultiDiGraph, aliases: Mapping[str, tuple[str, ...]]) -> tuple[Any, ...]:
    """The graph's nodes and edges, the alias map and the fields blob, as primitives."""
    index: dict[str, int] = {}
    nodes: list[tuple[Any, ...]] = []
    fields: dict[int, tuple[Any, ...]] = {}
    for node, d in graph.nodes(data=True):
        index[node] = len(nodes)
        kind = d["kind"]
        if kind == SYSTEM:
            nodes.append((node, kind, d["name"], d["path"], tuple(d["aliases"]), d["middleware"]))
        elif kind == INTEGRATION:
            fields[index[node]] = encode_fields(fields_of(graph, node))
            nodes.append((node, kind, d["name"], d["path"], d["status"], d["id"], d["title"]))
        else:
            nodes.append((node, kind, d["name"], d["path"]))
    edges = [
        (index[u], index[v], key, data.get("label"))
        for u, v, key, data in graph.edges(keys=True, data=True)
    ]
    aliases_data = {path: tuple(a) for path, a in aliases.items()}
    return (nodes, edges, aliases_data, marshal.dumps(fields))


def decode_graph(data: Any) -> tuple[nx.MultiDiGraph, dict[str, tuple[str, ...]]]:
    """The graph and alias map that :func:`encode_graph` turned into ``data``."""
    nodes, edges, aliases, blob = data
    graph = nx.MultiDiGraph()
    # Filled in directly: add_node and add_edge check and copy per call, which costs a
    # warm run more than everything else together.
    node_data, succ, pred = graph._node, graph._succ, graph._pred
    ids: list[str] = []
    for t in nodes:
        ident = t[0]
        ids.append(ident)
        if t[1] == SYSTEM:
            attrs = {"kind": SYSTEM, "name": t[2], "path": t[3], "aliases": t[4],
                     "middleware": t[5]}  # fmt: skip
        elif t[1] == INTEGRATION:
            attrs = {"kind": INTEGRATION, "name": t[2], "path": t[3], "status": t[4],
                     "id": t[5], "title": t[6]}  # fmt: skip
        else:
            attrs = {"kind": DOCUMENT, "name": t[2], "path": t[3]}
        node_data[ident] = attrs
        succ[ident] = {}
        pred[ident] = {}
    for u, v, key, label in edges:
        a, b = ids[u], ids[v]
        attrs = {"role": key} if label is None else {"role": "document", "label": label}
        succ[a].setdefault(b, {})[key] = attrs
        pred[b].setdefault(a, {})[key] = attrs

    def load_fields() -> dict[str, IntegrationFields]:
        return {ids[i]: decode_fields(f) for i, f in marshal.loads(blob).items()}

    graph.graph["fields_loader"] = load_fields
    return graph, dict(aliases)
