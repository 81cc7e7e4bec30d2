"""Render ``intgraph path`` as table, json, markdown or mermaid."""

from __future__ import annotations

import json
from typing import Any

from rich.table import Table
from rich.text import Text

from intgraph.queries.path import Paths, Route
from intgraph.render import escape
from intgraph.render.console import to_string

FORMATS = ("table", "json", "markdown", "mermaid")


def to_dict(result: Paths) -> dict[str, Any]:
    """The JSON contract of ``intgraph path --format json``."""
    return {
        "from": result.source,
        "to": result.target,
        "from_path": result.source_path,
        "to_path": result.target_path,
        "max_paths": result.max_paths,
        "max_length": result.max_length,
        "statuses": list(result.statuses),
        "paths": [
            {
                "length": route.length,
                "systems": list(route.systems),
                "hops": [
                    {
                        "integration": {
                            "id": h.id,
                            "title": h.title,
                            "path": h.path,
                            "status": h.status,
                        },
                        "from": h.source,
                        "to": h.target,
                        "middleware": list(h.middleware),
                    }
                    for h in route.hops
                ],
            }
            for route in result.paths
        ],
        "truncated": result.truncated,
    }


def render_json(result: Paths) -> str:
    """JSON text of :func:`to_dict`."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"


def _count(length: int) -> str:
    return f"{length} integration{'' if length == 1 else 's'}"


def _limits(result: Paths) -> str:
    statuses = ", ".join(result.statuses) or "all"
    return (
        f"at most {result.max_paths} paths of at most {result.max_length} integrations; "
        f"statuses: {statuses}"
    )


def render_table(result: Paths, width: int | None = None, color: bool = False) -> str:
    """One rich table per path, hop by hop."""
    title = f"Paths from {escape.terminal(result.source)} to {escape.terminal(result.target)}"
    items: list[Any] = [Text(title, style="bold"), Text(_limits(result))]
    if not result.paths:
        items.append(Text("No path."))
    for number, route in enumerate(result.paths, 1):
        table = Table(
            title=f"Path {number} ({_count(route.length)}): "
            + " → ".join(escape.terminal(s) for s in route.systems),
            title_justify="left",
        )
        for column in ("#", "From", "Integration", "Status", "To", "Middleware", "Note"):
            table.add_column(column, justify="right" if column == "#" else "left")
        for step, h in enumerate(route.hops, 1):
            name = f"{h.id} {h.title}" if h.id else h.title
            table.add_row(
                str(step),
                Text(escape.terminal(h.source)),
                Text(escape.terminal(name)),
                Text(escape.terminal(h.status) or "—"),
                Text(escape.terminal(h.target)),
                Text(escape.terminal(", ".join(h.middleware)) or "—"),
                Text(escape.terminal(h.path)),
            )
        items.append(table)
    if result.truncated:
        items.append(Text("More paths exist: raise --max-paths to see them."))
    return to_string(items, width=width, color=color)


def _system(name: str, path: str | None) -> str:
    return escape.wikilink(path, name, in_table=False) if path else escape.markdown(name)


def _route_lines(number: int, route: Route) -> list[str]:
    lines = [
        f"## Path {number}: {_count(route.length)}",
        "",
        " → ".join(escape.markdown(s) for s in route.systems),
        "",
        "| # | From | Integration | Status | To | Middleware |",
        "|---:|---|---|---|---|---|",
    ]
    for step, h in enumerate(route.hops, 1):
        name = f"{h.id} {h.title}" if h.id else h.title
        cells = [
            str(step),
            escape.markdown(h.source),
            escape.wikilink(h.path, name),
            escape.markdown(h.status or "—"),
            escape.markdown(h.target),
            ", ".join(escape.markdown(m) for m in h.middleware) or "—",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def render_markdown(result: Paths) -> str:
    """An Obsidian note (front matter ``generated_by: intgraph``) with wikilinks."""
    lines = [
        "---",
        "generated_by: intgraph",
        "tags: [intgraph-report]",
        "---",
        f"# Paths from {escape.markdown(result.source)} to {escape.markdown(result.target)}",
        "",
        f"- From: {_system(result.source, result.source_path)}",
        f"- To: {_system(result.target, result.target_path)}",
        f"- Limits: {escape.markdown(_limits(result))}",
        "",
    ]
    if not result.paths:
        lines += ["No path.", ""]
    for number, route in enumerate(result.paths, 1):
        lines += _route_lines(number, route)
    if result.truncated:
        lines += ["More paths exist: raise `--max-paths` to see them.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_mermaid(result: Paths) -> str:
    """A Mermaid flowchart of every hop of every path (Deprecated dotted)."""
    ids: dict[str, str] = {}

    def node(name: str) -> str:
        if name not in ids:
            ids[name] = f"s{len(ids)}"
        return ids[name]

    node(result.source)
    node(result.target)
    edges: list[str] = []
    for route in result.paths:
        for h in route.hops:
            text = escape.mermaid(h.id or h.title)
            if h.middleware:
                text += " via " + escape.mermaid(", ".join(h.middleware))
            arrow = "-.->" if (h.status or "").lower() == "deprecated" else "-->"
            edge = f'    {node(h.source)} {arrow}|"{text}"| {node(h.target)}'
            if edge not in edges:
                edges.append(edge)
    lines = ["flowchart LR"]
    lines += [f'    {ident}["{escape.mermaid(name)}"]' for name, ident in ids.items()]
    lines += edges
    lines += [
        "    classDef endpoint stroke-width:3px",
        f"    class {ids[result.source]},{ids[result.target]} endpoint",
    ]
    return "\n".join(lines) + "\n"


def render(result: Paths, fmt: str, width: int | None = None, color: bool = False) -> str:
    """Render ``result`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "table":
        return render_table(result, width, color)
    return {"json": render_json, "markdown": render_markdown, "mermaid": render_mermaid}[fmt](
        result
    )
