"""Render the system list as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from intgraph.queries.systems import SystemSummary
from intgraph.render import escape
from intgraph.render.console import to_string

FORMATS = ("table", "json")


def render_json(systems: Sequence[SystemSummary]) -> str:
    """``{"systems": [...], "count": N}`` as JSON text."""
    rows = [
        {
            "name": s.name,
            "kind": s.kind,
            "path": s.path,
            "aliases": list(s.aliases),
            "integrations_in": s.integrations_in,
            "integrations_out": s.integrations_out,
            "integrations_via": s.integrations_via,
        }
        for s in systems
    ]
    return json.dumps({"count": len(rows), "systems": rows}, indent=2, ensure_ascii=False) + "\n"


def render_table(
    systems: Sequence[SystemSummary], width: int | None = None, color: bool = False
) -> str:
    """A rich table of the systems, or a sentence when there are none."""
    if not systems:
        return "No systems found: the vault has no integration notes.\n"
    table = Table(title=f"Systems ({len(systems)})", title_justify="left")
    for column in ("System", "Kind", "In", "Out", "Via", "Aliases", "Note"):
        table.add_column(column, justify="right" if column in ("In", "Out", "Via") else "left")
    for s in systems:
        table.add_row(
            Text(escape.terminal(s.name)),
            s.kind,
            str(s.integrations_in),
            str(s.integrations_out),
            str(s.integrations_via),
            Text(escape.terminal(", ".join(s.aliases))),
            Text(escape.terminal(s.path) or "—"),
        )
    return to_string([table], width=width, color=color)


def render(
    systems: Sequence[SystemSummary], fmt: str, width: int | None = None, color: bool = False
) -> str:
    """Render ``systems`` in ``fmt`` (one of :data:`FORMATS`)."""
    return render_json(systems) if fmt == "json" else render_table(systems, width, color)
