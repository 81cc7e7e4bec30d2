"""Render ``intgraph integrations`` as table, json, csv or markdown."""

from __future__ import annotations

import json
from typing import Any

from rich.table import Table
from rich.text import Text

from intgraph.queries.integrations import IntegrationList, IntegrationRow
from intgraph.render import escape
from intgraph.render.console import to_string

FORMATS = ("table", "json", "csv", "markdown")
COLUMNS = (
    "id",
    "title",
    "status",
    "sources",
    "targets",
    "middleware",
    "owner",
    "technical_lead",
    "category",
    "classification",
    "next_review",
    "last_tested",
    "path",
)


def row_dict(row: IntegrationRow) -> dict[str, Any]:
    """One integration as in the JSON contract."""
    return {
        "id": row.id,
        "title": row.title,
        "status": row.status,
        "sources": list(row.sources),
        "targets": list(row.targets),
        "middleware": list(row.middleware),
        "owner": row.owner,
        "technical_lead": row.technical_lead,
        "category": row.category,
        "classification": row.classification,
        "next_review": row.next_review,
        "last_tested": row.last_tested,
        "path": row.path,
    }


def to_dict(result: IntegrationList) -> dict[str, Any]:
    """The JSON contract of ``intgraph integrations --format json``."""
    rows = [row_dict(r) for r in result.integrations]
    return {
        "select": list(result.select),
        "statuses": list(result.statuses),
        "count": len(rows),
        "integrations": rows,
    }


def render_json(result: IntegrationList) -> str:
    """JSON text of :func:`to_dict`."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"


def render_csv(result: IntegrationList) -> str:
    """One row per integration, lists joined by "; ", spreadsheet-safe."""
    values = [row_dict(row) for row in result.integrations]
    return escape.csv_text(
        COLUMNS,
        (
            [("; ".join(v) if isinstance(v, list) else v) for v in (d[c] for c in COLUMNS)]
            for d in values
        ),
    )


def render_table(result: IntegrationList, width: int | None = None, color: bool = False) -> str:
    """A rich table of the integrations (the note paths are in the other formats)."""
    chosen = " ∪ ".join(result.select) if result.select else "all"
    table = Table(
        title=f"Integrations ({len(result.integrations)}; selected: {escape.terminal(chosen)})",
        title_justify="left",
    )
    fixed = {"ID", "Status", "Next review", "Last tested"}
    for column in (
        "ID",
        "Title",
        "Status",
        "Flow",
        "Owner",
        "Category",
        "Class.",
        "Next review",
        "Last tested",
    ):
        table.add_column(column, no_wrap=column in fixed)
    for r in result.integrations:
        flow = ", ".join(r.sources) + " → " + ", ".join(r.targets)
        if r.middleware:
            flow += " via " + ", ".join(r.middleware)
        cells = (
            r.id,
            r.title,
            r.status,
            flow,
            r.owner,
            r.category,
            r.classification,
            r.next_review,
            r.last_tested,
        )
        table.add_row(*(Text(escape.terminal(c) or "—") for c in cells))
    return to_string([table], width=width, color=color)


def render_markdown(result: IntegrationList) -> str:
    """An Obsidian note (front matter ``generated_by: intgraph``) with a wikilinked table."""
    chosen = ", ".join(f"`{escape.code(s)}`" for s in result.select) or "all"
    lines = [
        "---",
        "generated_by: intgraph",
        "tags: [intgraph-report]",
        "---",
        f"# Integrations ({len(result.integrations)})",
        "",
        f"Selected: {chosen}",
        "",
        "| Integration | Status | Sources | Targets | Middleware | Owner | Category "
        "| Classification | Next review | Last tested |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result.integrations:
        name = f"{r.id} {r.title}" if r.id else r.title
        cells = [
            escape.wikilink(r.path, name),
            *(
                escape.markdown(v) or "—"
                for v in (
                    r.status,
                    ", ".join(r.sources),
                    ", ".join(r.targets),
                    ", ".join(r.middleware),
                    r.owner,
                    r.category,
                    r.classification,
                    r.next_review,
                    r.last_tested,
                )
            ),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render(result: IntegrationList, fmt: str, width: int | None = None, color: bool = False) -> str:
    """Render ``result`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "table":
        return render_table(result, width, color)
    return {"json": render_json, "csv": render_csv, "markdown": render_markdown}[fmt](result)
