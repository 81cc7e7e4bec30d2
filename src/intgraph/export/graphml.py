"""GraphML (yEd, Gephi, Cytoscape) of the flat landscape graph.

The document is written as text in one pass, with exactly the bytes networkx's writer
(``nx.generate_graphml`` on ElementTree, pretty-printed) gives for the same graph:
keys numbered in the order their data first appear (graph, then nodes, then edges) and
listed newest first, each element's data in attribute order, the graph's own data after
its edges, and every character outside ASCII as a character reference. Building the
ElementTree and serializing it took half of a large export's time. A graph holding a
value of another type than text or a flag (which :func:`landscape_graph` never makes)
is handed to networkx's writer instead.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from intgraph.export.landscape import ExportModel
from intgraph.export.nxgraph import landscape_graph
from intgraph.export.xmltext import OtherType, attr, document, element, kind, text

_NAMESPACES = (
    'xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"'
)


def render(model: ExportModel) -> str:
    """The landscape as a GraphML document: systems as nodes, integrations as edges."""
    graph = landscape_graph(model, flat=True)
    try:
        body = _document(graph)
    except OtherType:
        body = "\n".join(nx.generate_graphml(graph, encoding="utf-8", prettyprint=True))
    return document(body)


def _document(graph: nx.MultiDiGraph) -> str:
    keys: dict[tuple[str, str, str], str] = {}

    def data(scope: str, attrs: dict[str, Any], indent: str) -> list[str]:
        out = []
        for name, value in attrs.items():
            key = keys.setdefault((str(name), kind(name, value), scope), f"d{len(keys)}")
            written = text(str(value))
            tag = f'{indent}<data key="{key}"'
            out.append(f"{tag}>{written}</data>" if written else tag + " />")
        return out

    if {"id", "node_default", "edge_default"} & set(graph.graph):
        raise OtherType("graph attributes networkx's writer reads itself")
    own = data("graph", dict(graph.graph), "    ")
    lines = []
    for node, attrs in graph._node.items():
        head = f'    <node id="{attr(str(node))}"'
        lines.append(element(head, data("node", attrs, "      "), "    </node>"))
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        head = f'    <edge source="{attr(str(u))}" target="{attr(str(v))}" id="{attr(str(key))}"'
        lines.append(element(head, data("edge", attrs, "      "), "    </edge>"))
    lines.extend(own)
    declared = [
        f'  <key id="{key}" for="{scope}" attr.name="{attr(name)}" attr.type="{declared_kind}" />'
        for (name, declared_kind, scope), key in reversed(keys.items())
    ]
    graph_open = '  <graph edgedefault="directed"'
    inner = element(graph_open, lines, "  </graph>")
    return "\n".join([f"<graphml {_NAMESPACES}>", *declared, inner, "</graphml>"])
