"""GEXF 1.3 (Gephi): networkx's writer over the flat landscape graph, with the writer's
date and version stamp replaced so that the same vault gives the same bytes."""

from __future__ import annotations

import re

import networkx as nx

from intgraph.export.landscape import ExportModel
from intgraph.export.nxgraph import landscape_graph
from intgraph.render.escape import terminal

_META = re.compile(r'<meta lastmodifieddate="[^"]*">\s*<creator>[^<]*</creator>', re.S)


def render(model: ExportModel) -> str:
    """The landscape as a GEXF 1.3 document: systems as nodes, integrations as edges."""
    graph = landscape_graph(model, flat=True)
    # networkx would take these graph attributes as GEXF's mode and edge type
    for reserved in ("mode", "defaultedgetype"):
        graph.graph.pop(reserved, None)
    text = "\n".join(nx.generate_gexf(graph, encoding="utf-8", prettyprint=True, version="1.3"))
    creator = f"<meta><creator>intgraph {terminal(model.version)}</creator>"
    text, count = _META.subn(creator, text, count=1)
    if count != 1:
        raise RuntimeError("unexpected GEXF meta element from networkx")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
