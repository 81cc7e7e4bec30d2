"""Render ``intgraph critical`` as table, json, csv or markdown."""

from __future__ import annotations

import json
from typing import Any

from rich.table import Table
from rich.text import Text

from intgraph.queries.critical import Critical
from intgraph.render import escape
from intgraph.render.console import to_string

FORMATS = ("table", "json", "csv", "markdown")


def to_dict(result: Critical) -> dict[str, Any]:
    """The JSON contract of ``intgraph critical --format json``."""
    return {
        "statuses": list(result.statuses),
        "top": result.top,
        "total": result.total,
        "systems": [
            {
                "name": s.name,
                "path": s.path,
                "sole_feed_of": list(s.sole_feed_of),
                "reach": s.reach,
                "integrations": s.integrations,
                "production_integrations": s.production_integrations,
                "middleware": s.middleware,
            }
            for s in result.systems
        ],
        "cycles": [{"systems": list(c.systems), "witness": list(c.witness)} for c in result.cycles],
    }


def render_json(result: Critical) -> str:
    """JSON text of :func:`to_dict`."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"


def _scope(result: Critical) -> str:
    shown = f"top {len(result.systems)} of {result.total} systems"
    return f"{shown}; statuses: {', '.join(result.statuses) or 'all'}"


def render_table(result: Critical, width: int | None = None, color: bool = False) -> str:
    """The ranking as a rich table, then the cycles."""
    head = Text(f"Single points of failure ({_scope(result)})", style="bold")
    table = Table(title_justify="left")
    for column in ("System", "Kind", "Cuts off", "Reach", "Integrations", "Production"):
        table.add_column(column, justify="left" if column in ("System", "Kind") else "right")
    table.add_column("Sole feed of")
    for s in result.systems:
        table.add_row(
            Text(escape.terminal(s.name)),
            "middleware" if s.middleware else "system",
            str(len(s.sole_feed_of)),
            str(s.reach),
            str(s.integrations),
            str(s.production_integrations),
            Text(escape.terminal(", ".join(s.sole_feed_of)) or "—"),
        )
    cycles = Table(title=f"Cycles ({len(result.cycles)})", title_justify="left")
    cycles.add_column("Systems")
    cycles.add_column("Witness cycle")
    for c in result.cycles:
        cycles.add_row(
            Text(escape.terminal(", ".join(c.systems))),
            Text(escape.terminal(" → ".join(c.witness))),
        )
    return to_string([head, table, cycles], width=width, color=color)


def render_csv(result: Critical) -> str:
    """One row per ranked system; ``sole_feed_of`` joined by "; "."""
    header = [
        "name",
        "path",
        "middleware",
        "sole_feed_count",
        "sole_feed_of",
        "reach",
        "integrations",
        "production_integrations",
    ]
    rows = [
        (
            s.name,
            s.path,
            "true" if s.middleware else "false",
            len(s.sole_feed_of),
            "; ".join(s.sole_feed_of),
            s.reach,
            s.integrations,
            s.production_integrations,
        )
        for s in result.systems
    ]
    return escape.csv_text(header, rows)


def render_markdown(result: Critical) -> str:
    """An Obsidian note (front matter ``generated_by: intgraph``) with wikilinks."""
    lines = [
        "---",
        "generated_by: intgraph",
        "tags: [intgraph-report]",
        "---",
        "# Single points of failure",
        "",
        escape.markdown(_scope(result)),
        "",
        "| System | Kind | Cuts off | Reach | Integrations | Production | Sole feed of |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for s in result.systems:
        name = escape.wikilink(s.path, s.name) if s.path else escape.markdown(s.name)
        cells = [
            name,
            "middleware" if s.middleware else "system",
            str(len(s.sole_feed_of)),
            str(s.reach),
            str(s.integrations),
            str(s.production_integrations),
            ", ".join(escape.markdown(n) for n in s.sole_feed_of) or "—",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"## Cycles ({len(result.cycles)})", ""]
    if not result.cycles:
        lines.append("None.")
    for c in result.cycles:
        systems = ", ".join(escape.markdown(n) for n in c.systems)
        witness = " → ".join(escape.markdown(w) for w in c.witness)
        lines.append(f"- {systems}: {witness}")
    return "\n".join(lines) + "\n"


def render(result: Critical, fmt: str, width: int | None = None, color: bool = False) -> str:
    """Render ``result`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "table":
        return render_table(result, width, color)
    return {"json": render_json, "csv": render_csv, "markdown": render_markdown}[fmt](result)
