"""The architecture map as a JSON Canvas 1.0 file (``.canvas``) that Obsidian opens natively.

A ``file`` node per system with a note (the box is the real note), a ``text`` node for
one without; a ``group`` framing each middleware system, listed first so that groups lie
underneath; an edge per (integration, source, target) labelled with the integration's
ID and coloured by status. Positions come from the HTML map's layout (same systems, same
filters, same focus), scaled to canvas boxes and rounded to integers.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from intgraph.export.landscape import clean
from intgraph.pipeline import Landscape
from intgraph.queries.impact import impact
from intgraph.queries.statuses import check_statuses
from intgraph.render.escape import markdown, terminal
from intgraph.render.map_data import build_map_data, status_class
from intgraph.render.output import write_text

DEFAULT_OUT = "reports/map.canvas"
WIDTH, HEIGHT = 240, 60
SCALE_X, SCALE_Y = 2.6, 1.8  # map layout units → canvas pixels, so boxes do not overlap
PAD = 20  # group frame around a middleware box (frames of neighbours do not overlap)
COLORS = {"production": "4", "development": "2", "planning": "5", "deprecated": "#9e9e9e"}
MIDDLEWARE_COLOR = "6"


def canvas(
    landscape: Landscape,
    focus: str | None = None,
    depth: int | None = None,
    direction: str = "downstream",
    statuses: Collection[str] = (),
) -> dict[str, Any]:
    """The canvas as a JSON-ready dict; ``focus``, ``depth``, ``direction`` and
    ``statuses`` as for the HTML map (UsageError for an unknown status,
    UnknownSystemError for an unknown focus)."""
    graph = landscape.graph
    statuses = check_statuses(graph, statuses)
    result = impact(landscape, focus, direction, depth, statuses) if focus is not None else None
    data = build_map_data(landscape, statuses, result)
    groups: list[dict[str, Any]] = []
    boxes: list[dict[str, Any]] = []
    for number, (node, drawn) in enumerate(zip(data.systems, data.nodes, strict=True)):
        attrs = graph.nodes[node]
        x = round(float(drawn["x"]) * SCALE_X) - WIDTH // 2
        y = round(float(drawn["y"]) * SCALE_Y) - HEIGHT // 2
        box: dict[str, Any] = {
            "id": f"system-{number}",
            "x": x,
            "y": y,
            "width": WIDTH,
            "height": HEIGHT,
        }
        path = attrs.get("path")
        if path:
            box.update(type="file", file=path)
        else:
            box.update(type="text", text=markdown(clean(attrs["name"])))
        if attrs.get("middleware"):
            box["color"] = MIDDLEWARE_COLOR
            groups.append(
                {
                    "id": f"middleware-{number}",
                    "type": "group",
                    "x": x - PAD,
                    "y": y - PAD,
                    "width": WIDTH + 2 * PAD,
                    "height": HEIGHT + 2 * PAD,
                    "color": MIDDLEWARE_COLOR,
                    "label": "Middleware: " + terminal(clean(attrs["name"])),
                }
            )
        boxes.append(box)
    edges: list[dict[str, Any]] = []
    for edge in data.edges:
        node = data.integrations[edge["i"]]
        attrs = graph.nodes[node]
        line: dict[str, Any] = {
            "id": f"edge-{edge['id'][1:]}",
            "fromNode": f"system-{edge['from'][1:]}",
            "toNode": f"system-{edge['to'][1:]}",
            "toEnd": "arrow",
            "label": terminal(clean(str(attrs.get("id") or attrs["title"]))),
        }
        color = COLORS.get(status_class(attrs.get("status")))
        if color:
            line["color"] = color
        edges.append(line)
    return {"nodes": [*groups, *boxes], "edges": edges}


def render(canvas_data: dict[str, Any]) -> str:
    """The canvas file's text: JSON with tab indentation, as Obsidian writes it."""
    return json.dumps(canvas_data, ensure_ascii=False, indent="\t") + "\n"


def write_canvas(
    landscape: Landscape,
    out: str | Path = DEFAULT_OUT,
    focus: str | None = None,
    depth: int | None = None,
    direction: str = "downstream",
    statuses: Collection[str] = (),
    force: bool = False,
) -> Path:
    """Write the canvas to ``out`` (folders created); raises OutputError when it cannot,
    or when ``out`` is a file intgraph did not write and not ``force``."""
    return write_text(out, render(canvas(landscape, focus, depth, direction, statuses)), force)
