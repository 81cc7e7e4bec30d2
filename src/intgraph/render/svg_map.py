"""The architecture map as a static SVG (``intgraph map --format svg``), for wikis and slides.

Same layout as the page: the same positions, groups as labelled regions, middleware on the
flow, status as the arrow's colour and dash. A map the page opens collapsed (a large
landscape) is drawn collapsed too: one node per group with its count and the heaviest
flows between groups. Every piece of note text is XML-escaped; nothing is scripted.
"""

from __future__ import annotations

import math
import re
from html import escape
from typing import Any

from intgraph.render.map_data import MapData

PAD = 80.0
STATUS = {
    "production": ("#1e40af", ""),
    "development": ("#0f766e", "10 6"),
    "planning": ("#7c3aed", "3 5"),
    "deprecated": ("#9ca3af", "2 3"),
    "other": ("#475569", "12 4 2 4"),
}
HEAVIEST = 150  # flows between groups drawn on a collapsed map
_FORBIDDEN = re.compile(
    "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]"
)


def _t(value: object) -> str:
    return escape(_FORBIDDEN.sub("\ufffd", str(value)), quote=True)


def render_svg(data: MapData, summary: str = "") -> str:
    """The SVG document for ``data`` (see :func:`intgraph.render.html_map.map_data`)."""
    if data.collapsed:
        shapes, box = _collapsed(data)
    else:
        shapes, box = _expanded(data)
    left, top, right, bottom = box
    left, top, right, bottom = left - PAD, top - PAD - 30, right + PAD, bottom + PAD
    width, height = right - left, bottom - top
    title = f"{data.vault} · intgraph architecture map"
    if data.focus:
        title += f" · impact of {data.focus['name']}"
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} '
        f'{height:.1f}" width="{width:.0f}" height="{height:.0f}" '
        'font-family="system-ui, sans-serif" font-size="14">',
        f"<title>{_t(title)}</title>",
        f"<desc>{_t(summary)}</desc>",
        "<defs>",
        *(
            f'<marker id="a-{cls}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{color}"/></marker>'
            for cls, (color, _) in STATUS.items()
        ),
        '<marker id="a-group" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#64748b"/></marker>',
        "</defs>",
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" '
        'fill="#ffffff"/>',
        f'<text x="{left + 20:.1f}" y="{top + 30:.1f}" font-size="18" font-weight="600" '
        f'fill="#111827">{_t(title)}</text>',
    ]
    return "\n".join([*head, *shapes, "</svg>", ""])


def _expanded(data: MapData) -> tuple[list[str], tuple[float, float, float, float]]:
    nodes = {n["id"]: n for n in data.nodes}
    out: list[str] = []
    xs = [n["x"] for n in data.nodes] or [0.0]
    ys = [n["y"] for n in data.nodes] or [0.0]
    box = (min(xs), min(ys), max(xs), max(ys))
    for group in data.groups:
        members = [n for n in data.nodes if n.get("g") == int(group["id"][1:])]
        if not members:
            continue
        gl = min(n["x"] - n["size"] for n in members) - 30
        gt = min(n["y"] - n["size"] for n in members) - 36
        gr = max(max(n["x"] + n["size"] for n in members) + 30, gl + 9 * len(group["label"]) + 50)
        gb = max(n["y"] + n["size"] for n in members) + 36
        box = (min(box[0], gl), min(box[1], gt), max(box[2], gr), max(box[3], gb))
        out.append(
            f'<g class="group"><rect x="{gl:.1f}" y="{gt:.1f}" width="{gr - gl:.1f}" '
            f'height="{gb - gt:.1f}" rx="16" fill="#f1f5f9" stroke="#cbd5e1"/>'
            f'<text x="{gl + 10:.1f}" y="{gt + 18:.1f}" font-weight="600" fill="#334155">'
            f"{_t(group['label'])} ({group['count']})</text></g>"
        )
    if data.focus:
        for column in data.focus.get("columns", []):
            out.append(
                f'<text x="{column["x"]:.1f}" y="{box[1] - 20:.1f}" text-anchor="middle" '
                f'font-weight="600" fill="#374151">{_t(column["label"])}</text>'
            )
    for arrow in data.arrows:
        a, b = nodes[arrow["from"]], nodes[arrow["to"]]
        color, dash = STATUS[arrow["cls"]]
        records = [data.records[i] for i in arrow["items"]]
        label = "; ".join(f"{r['ref'] or '—'}: {r['title']}" for r in records[:20])
        if len(records) > 20:
            label += f"; … and {len(records) - 20} more"
        line = _line(a, b, color, dash, arrow["cls"], label, arrow.get("curve"))
        width = 1.5 + math.log2(len(records))
        out.append(line.replace('stroke-width="1.5"', f'stroke-width="{width:.1f}"', 1))
    for node in data.nodes:
        out.append(_node(node, data.focus is not None and data.focus["node"] == node["id"]))
    return out, box


def _line(
    a: dict[str, Any],
    b: dict[str, Any],
    color: str,
    dash: str,
    cls: str,
    tip: str,
    curve: int | None = None,
) -> str:
    """An arrow from node ``a`` to node ``b``; parallel and opposite arrows curve (clockwise,
    more for each further one), as on the page."""
    x1, y1, x2, y2 = a["x"], a["y"], b["x"], b["y"]
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    bend = 0.0 if curve is None else 0.2 * (curve + 1) * length
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    sx, sy = cx - x1, cy - y1
    start = math.hypot(sx, sy) or 1.0
    ex, ey = x2 - cx, y2 - cy
    end = math.hypot(ex, ey) or 1.0
    x1, y1 = x1 + sx / start * a["size"], y1 + sy / start * a["size"]
    x2, y2 = x2 - ex / end * (b["size"] + 2), y2 - ey / end * (b["size"] + 2)
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    shape = (
        f'd="M{x1:.1f},{y1:.1f} L{x2:.1f},{y2:.1f}"'
        if curve is None
        else f'd="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"'
    )
    return (
        f'<path class="arrow" {shape} fill="none" stroke="{color}" stroke-width="1.5"{dashes} '
        f'marker-end="url(#a-{cls})"><title>{_t(tip)}</title></path>'
    )


def _node(node: dict[str, Any], focused: bool) -> str:
    x, y, r = node["x"], node["y"], node["size"]
    stroke = "#dc2626" if focused else "#b45309" if node["kind"] == "middleware" else "#1d4ed8"
    width = 4 if focused else 1.5
    if node["kind"] == "middleware":
        fill = "#fde68a"
        shape = (
            f'<polygon points="{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} '
            f'{x - r:.1f},{y:.1f}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>'
        )
    else:
        fill = "#dbeafe" if node["url"] else "#f1f5f9"
        dash = "" if node["url"] or focused else ' stroke-dasharray="4 3"'
        stroke = stroke if node["url"] or focused else "#64748b"
        shape = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{width}"{dash}/>'
        )
    label = (
        f'<text x="{x:.1f}" y="{y + r + 16:.1f}" text-anchor="middle" fill="#111827" '
        f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{_t(node["name"])}</text>'
    )
    return f'<g class="system"><title>{_t(node["name"])}</title>{shape}{label}</g>'


def group_flows(data: MapData) -> list[tuple[int, int, int]]:
    """(from group, to group, integrations) between different groups, heaviest first."""
    group = {n["id"]: n.get("g", -1) for n in data.nodes}
    seen: dict[tuple[int, int], set[int]] = {}
    for arrow in data.arrows:
        a, b = group[arrow["from"]], group[arrow["to"]]
        if a != b:
            seen.setdefault((a, b), set()).update(arrow["items"])
    flows = [(a, b, len(items)) for (a, b), items in seen.items()]
    return sorted(flows, key=lambda f: (-f[2], f[0], f[1]))


def _collapsed(data: MapData) -> tuple[list[str], tuple[float, float, float, float]]:
    out: list[str] = []
    groups = data.groups
    radius = [18 + 3 * math.sqrt(g["count"]) for g in groups]
    flows = group_flows(data)[:HEAVIEST]
    heaviest = max((f[2] for f in flows), default=1)
    for a, b, count in reversed(flows):
        ga, gb = groups[a], groups[b]
        width = 1 + 9 * count / heaviest
        line = _line(
            {"x": ga["x"], "y": ga["y"], "size": radius[a]},
            {"x": gb["x"], "y": gb["y"], "size": radius[b]},
            "#64748b",
            "",
            "group",
            f"{ga['label']} → {gb['label']}: {count} integrations",
        )
        out.append(line.replace('stroke-width="1.5"', f'stroke-width="{width:.1f}" opacity="0.7"'))
    for group, r in zip(groups, radius, strict=True):
        x, y = group["x"], group["y"]
        out.append(
            f'<g class="group"><title>{_t(group["label"])}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#e0e7ff" stroke="#4338ca" '
            'stroke-width="2"/>'
            f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" font-weight="600" '
            f'fill="#1e1b4b">{group["count"]}</text>'
            f'<text x="{x:.1f}" y="{y + r + 18:.1f}" text-anchor="middle" fill="#111827" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{_t(group["label"])}'
            "</text></g>"
        )
    xs = [g["x"] for g in groups] or [0.0]
    ys = [g["y"] for g in groups] or [0.0]
    return out, (min(xs) - 100, min(ys) - 60, max(xs) + 100, max(ys) + 80)
