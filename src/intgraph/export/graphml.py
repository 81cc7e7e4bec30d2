"""GraphML (yEd, Gephi, Cytoscape): networkx's writer over the flat landscape graph."""

from __future__ import annotations

import networkx as nx

from intgraph.export.landscape import ExportModel
from intgraph.export.nxgraph import landscape_graph


def render(model: ExportModel) -> str:
    """The landscape as a GraphML document: systems as nodes, integrations as edges."""
    graph = landscape_graph(model, flat=True)
    body = "\n".join(nx.generate_graphml(graph, encoding="utf-8", prettyprint=True))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
