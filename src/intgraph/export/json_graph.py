"""JSON: networkx node-link data of the landscape graph under an intgraph header."""

from __future__ import annotations

import json
from typing import Any

from intgraph.export.landscape import ExportModel
from intgraph.export.nxgraph import integration_attrs, landscape_graph


def payload(model: ExportModel) -> dict[str, Any]:
    """``{"intgraph": version, "vault": name, ...node-link data}``; ``networkx``'s
    ``node_link_graph(data, edges="links")`` reads it back (``links`` for the edges)."""
    graph = landscape_graph(model)
    unconnected = set(graph.graph["unconnected"])
    return {
        "intgraph": model.version,
        "vault": model.vault,
        "statuses": list(model.statuses),
        "directed": True,
        "multigraph": True,
        "graph": {"intgraph": model.version, "vault": model.vault},
        "nodes": [{"id": node, **data} for node, data in graph.nodes(data=True)],
        "links": [
            {"source": u, "target": v, "key": k, **data}
            for u, v, k, data in graph.edges(keys=True, data=True)
        ],
        "unconnected": [
            integration_attrs(model, i) for i in model.integrations if i.path in unconnected
        ],
    }


def render(model: ExportModel) -> str:
    """The JSON text: indented, keys in a fixed order, non-ASCII kept."""
    return json.dumps(payload(model), ensure_ascii=False, indent=2) + "\n"
