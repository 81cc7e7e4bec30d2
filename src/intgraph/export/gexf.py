"""GEXF 1.3 (Gephi) of the flat landscape graph.

The document is written as text in one pass, with exactly the bytes networkx's writer
(``nx.generate_gexf``, version 1.3, pretty-printed) gives for the same graph, but for
its date and version stamp, which is intgraph's own so that the same vault gives the
same bytes: attributes numbered in the order they first appear (nodes, then edges), the
edges' declared first, an edge's multigraph key as its last value (``networkx_key``),
edges numbered in order. A graph that uses what this writer does not write (a value of
another type than text or a flag, or GEXF's own node and edge fields: ids, weights,
spells, colours...), which :func:`landscape_graph` never makes, goes to networkx's writer.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

from intgraph.export.landscape import ExportModel
from intgraph.export.nxgraph import landscape_graph
from intgraph.export.xmltext import OtherType, attr, document, element, kind
from intgraph.render.escape import terminal

_META = re.compile(r'<meta lastmodifieddate="[^"]*">\s*<creator>[^<]*</creator>', re.S)
_ROOT = (
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">'
)
#: What networkx's writer reads from a node's or an edge's data as GEXF's own fields.
_NODE_FIELDS = frozenset({"id", "pid", "start", "end", "parents", "spells", "viz"})
_EDGE_FIELDS = frozenset({"id", "key", "weight", "type", "start", "end", "spells", "viz"})


def render(model: ExportModel) -> str:
    """The landscape as a GEXF 1.3 document: systems as nodes, integrations as edges."""
    graph = landscape_graph(model, flat=True)
    # networkx would take these graph attributes as GEXF's mode and edge type
    for reserved in ("mode", "defaultedgetype"):
        graph.graph.pop(reserved, None)
    creator = f"<meta><creator>intgraph {terminal(model.version)}</creator>"
    try:
        text = _document(graph, creator)
    except OtherType:
        text = "\n".join(nx.generate_gexf(graph, encoding="utf-8", prettyprint=True, version="1.3"))
        text, count = _META.subn(creator, text, count=1)
        if count != 1:
            raise RuntimeError("unexpected GEXF meta element from networkx") from None
    return document(text)


def _document(graph: nx.MultiDiGraph, creator: str) -> str:
    if graph.graph.get("node_default") or graph.graph.get("edge_default"):
        raise OtherType("default attribute values")
    ids: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}  # title -> (id, type)
    count = 0

    def values(scope: str, data: dict[str, Any], indent: str) -> list[str]:
        nonlocal count
        if not data:
            return []
        out = [f"{indent}<attvalues>"]
        for name, value in data.items():
            declared = kind(name, value)
            title = str(name)
            known = ids[scope].get(title)
            if known is None:
                known = ids[scope][title] = (str(count), declared)
                count += 1
            shown = str(value).lower() if declared == "boolean" else str(value)
            out.append(f'{indent}  <attvalue for="{known[0]}" value="{attr(shown)}" />')
        out.append(f"{indent}</attvalues>")
        return out

    nodes = []
    for node, data in graph._node.items():
        if _NODE_FIELDS & data.keys():
            raise OtherType("GEXF node fields")
        rest = {k: v for k, v in data.items() if k != "label"}
        head = f'      <node id="{attr(str(node))}" label="{attr(str(data.get("label", node)))}"'
        nodes.append(element(head, values("node", rest, "        "), "      </node>"))
    edges = []
    for number, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        if _EDGE_FIELDS & data.keys():
            raise OtherType("GEXF edge fields")
        rest = {k: value for k, value in data.items() if k != "label"}
        rest["networkx_key"] = key
        label = f' label="{attr(str(data["label"]))}"' if "label" in data else ""
        head = f'      <edge source="{attr(str(u))}" target="{attr(str(v))}" id="{number}"{label}'
        edges.append(element(head, values("edge", rest, "        "), "      </edge>"))
    declared = []
    for scope in ("edge", "node"):  # each inserted first when declared: edges end up first
        if ids[scope]:
            declared.append(f'    <attributes mode="static" class="{scope}">')
            declared.extend(
                f'      <attribute id="{number}" title="{attr(title)}" type="{declared}" />'
                for title, (number, declared) in ids[scope].items()
            )
            declared.append("    </attributes>")
    name = attr(str(graph.graph.get("name", "")))
    body = [
        *declared,
        element("    <nodes", nodes, "    </nodes>"),
        element("    <edges", edges, "    </edges>"),
    ]
    head = f'  <graph defaultedgetype="directed" mode="static" name="{name}"'
    graph_element = element(head, body, "  </graph>")
    return "\n".join([_ROOT, f"  {creator}", "  </meta>", graph_element, "</gexf>"])
