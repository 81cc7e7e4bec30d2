"""Render ``intgraph retire`` as an Obsidian checklist note, JSON or a table."""

from __future__ import annotations

import itertools
import json
from typing import Any

from rich.table import Table
from rich.text import Text

from intgraph.model import note_name
from intgraph.queries.retire import RetiredIntegration, Retirement
from intgraph.render import escape
from intgraph.render.console import to_string

FORMATS = ("markdown", "json", "table")
NO_OWNER = "No owner"


def to_dict(result: Retirement) -> dict[str, Any]:
    """The JSON contract of ``intgraph retire --format json``."""
    return {
        "system": result.system,
        "system_path": result.system_path,
        "middleware": result.middleware,
        "integrations": [
            {
                "id": i.id,
                "title": i.title,
                "path": i.path,
                "status": i.status,
                "role": i.role,
                "roles": list(i.roles),
                "owner": i.owner,
                "technical_lead": i.technical_lead,
            }
            for i in result.integrations
        ],
        "sole_feed_of": list(result.sole_feed_of),
        "reduced": list(result.reduced),
        "mentions": [{"path": m.path, "line": m.line} for m in result.mentions],
    }


def render_json(result: Retirement) -> str:
    """JSON text of :func:`to_dict`."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"


def by_owner(result: Retirement) -> list[tuple[str | None, list[RetiredIntegration]]]:
    """The integrations grouped by owner (as sorted by the query: owner, then ID)."""
    return [
        (owner, list(group))
        for owner, group in itertools.groupby(result.integrations, key=lambda i: i.owner)
    ]


def _name(integration: RetiredIntegration) -> str:
    return f"{integration.id} {integration.title}" if integration.id else integration.title


def _roles(integration: RetiredIntegration) -> str:
    return ", ".join(integration.roles)


def render_markdown(result: Retirement) -> str:
    """A note to paste into the vault: ``generated_by: intgraph`` front matter, wikilinks
    and ``- [ ]`` tasks to tick off in Obsidian."""
    system = (
        escape.wikilink(result.system_path, result.system, in_table=False)
        if result.system_path
        else escape.markdown(result.system)
    )
    lines = [
        "---",
        "generated_by: intgraph",
        "tags: [intgraph-report]",
        "---",
        f"# Retire {escape.markdown(result.system)}",
        "",
        f"Decommissioning checklist for {system}"
        + (" (middleware)" if result.middleware else "")
        + ".",
        "",
        f"## Integrations to re-point or retire ({len(result.integrations)})",
        "",
    ]
    if not result.integrations:
        lines.append("None.")
    for owner, group in by_owner(result):
        lines += [f"### {escape.markdown(owner or NO_OWNER)}", ""]
        for i in group:
            lead = i.technical_lead and f", technical lead {escape.markdown(i.technical_lead)}"
            lines.append(
                f"- [ ] {escape.wikilink(i.path, _name(i), in_table=False)}: "
                f"{escape.markdown(result.system)} is {_roles(i)}; "
                f"status {escape.markdown(i.status or '—')}{lead or ''}"
            )
        lines.append("")
    lines += [f"## Systems left with no inbound feed ({len(result.sole_feed_of)})", ""]
    lines += [f"- [ ] {escape.markdown(n)}: find a new supply" for n in result.sole_feed_of]
    if not result.sole_feed_of:
        lines.append("None.")
    lines += ["", f"## Systems that lose some data ({len(result.reduced)})", ""]
    lines += [f"- [ ] {escape.markdown(n)}: check what it still receives" for n in result.reduced]
    if not result.reduced:
        lines.append("None.")
    lines += ["", f"## Notes that mention {escape.markdown(result.system)}", ""]
    lines += [
        f"- [ ] {escape.wikilink(m.path, note_name(m.path), in_table=False)} (line {m.line})"
        for m in result.mentions
    ]
    if not result.mentions:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def render_table(result: Retirement, width: int | None = None, color: bool = False) -> str:
    """Rich tables of the integrations, the systems cut off or reduced, and the mentions."""
    head = Text(f"Retire {escape.terminal(result.system)}", style="bold")
    integrations = Table(
        title=f"Integrations to re-point or retire ({len(result.integrations)})",
        title_justify="left",
    )
    for column in ("Owner", "Integration", "Role", "Status", "Technical lead", "Note"):
        integrations.add_column(column)
    for i in result.integrations:
        integrations.add_row(
            Text(escape.terminal(i.owner) or "—"),
            Text(escape.terminal(_name(i))),
            _roles(i),
            Text(escape.terminal(i.status) or "—"),
            Text(escape.terminal(i.technical_lead) or "—"),
            Text(escape.terminal(i.path)),
        )
    systems = Table(title="Downstream systems", title_justify="left")
    systems.add_column("System")
    systems.add_column("Loses")
    for name in result.sole_feed_of:
        systems.add_row(Text(escape.terminal(name)), "every inbound feed")
    for name in result.reduced:
        systems.add_row(Text(escape.terminal(name)), "some data")
    mentions = Table(title=f"Notes that mention it ({len(result.mentions)})", title_justify="left")
    mentions.add_column("Note")
    mentions.add_column("Line", justify="right")
    for m in result.mentions:
        mentions.add_row(Text(escape.terminal(m.path)), str(m.line))
    return to_string([head, integrations, systems, mentions], width=width, color=color)


def render(result: Retirement, fmt: str, width: int | None = None, color: bool = False) -> str:
    """Render ``result`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "table":
        return render_table(result, width, color)
    return {"json": render_json, "markdown": render_markdown}[fmt](result)
