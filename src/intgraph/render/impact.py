"""Render an impact answer as table, json, markdown, mermaid or csv."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from json.encoder import encode_basestring as _str  # the encoder's own (C) string writer
from typing import TYPE_CHECKING, Any

from intgraph.flows import RowText, loaded_text
from intgraph.jsontext import Encoded, Pieces, names, null_or_str, row_pieces
from intgraph.pipeline import paused_gc
from intgraph.queries.impact import AffectedIntegration, AffectedSystem, Impact, Integrations
from intgraph.render import escape

if TYPE_CHECKING:
    from rich.text import Text

FORMATS = ("table", "json", "markdown", "mermaid", "csv")


def to_dict(result: Impact, rows: bool = True) -> dict[str, Any]:
    """The JSON contract of ``intgraph impact --format json`` (without the systems and
    integrations when ``rows`` is false)."""
    head = {
        "query": result.query,
        "system": result.system,
        "system_path": result.system_path,
        "direction": result.direction,
        "max_depth": result.max_depth,
        "statuses": list(result.statuses),
    }
    if not rows:
        return {**head, "systems": [], "integrations": []}
    return {
        **head,
        "systems": [
            {
                "name": s.name,
                "distance": s.distance,
                "direction": s.direction,
                "path": s.path,
                "via": list(s.via),
                "middleware": s.middleware,
            }
            for s in result.systems
        ],
        "integrations": [
            {
                "id": i.id,
                "title": i.title,
                "path": i.path,
                "status": i.status,
                "distance": i.distance,
                "sources": list(i.sources),
                "targets": list(i.targets),
                "middleware": list(i.middleware),
                "directions": list(i.directions),
                "feedback": i.feedback,
                "owner": i.owner,
                "next_review": i.next_review,
            }
            for i in result.integrations
        ],
    }


def render_json(result: Impact) -> str:
    """JSON text of :func:`to_dict`: one key per line, one system or integration per line,
    exactly as ``json.dumps(value, ensure_ascii=False)`` writes each value.

    The rows are written straight from the answer with the json module's own string
    encoder (in C), and a value that recurs (a status, an owner, a list of system names)
    is encoded once: building a dict per row and encoding it costs more than the query
    on a large answer, and ``json.dumps(indent=...)`` more still (it falls back to the
    pure-Python encoder). An integration whose row text the answer brings (see
    :attr:`Impact.text`) is not encoded again. ``tests/test_flows.py`` checks the bytes
    against json.dumps.
    """
    with paused_gc():
        return _json(result)


def _json(result: Impact) -> str:
    data = to_dict(result, rows=False)
    known = Encoded()
    data["systems"] = _system_rows(result.systems, known)
    data["integrations"] = _integration_rows(
        result.integrations, _text_for(result.integrations, result.text), known
    )
    # One join makes the document: each copy of a text this large costs page faults.
    parts = ["{\n"]
    for key, value in data.items():
        parts.append(f"  {json.dumps(key)}: ")
        if key not in ("systems", "integrations"):
            parts.append(json.dumps(value, ensure_ascii=False))
        elif value:
            parts.append("[\n    ")
            for row in value:
                parts.append(row)
                parts.append(",\n    ")
            parts[-1] = "\n  ]"
        else:
            parts.append("[]")
        parts.append(",\n")
    parts[-1] = "\n}\n"
    return "".join(parts)


def _system_rows(systems: Iterable[AffectedSystem], known: Encoded) -> list[str]:
    return [
        f'{{"name": {_str(s.name)}, "distance": {s.distance!r}, '
        f'"direction": {known[s.direction]}, "path": {null_or_str(s.path)}, '
        f'"via": {names(s.via)}, '
        f'"middleware": {"true" if s.middleware else "false"}}}'
        for s in systems
    ]


def _integration_rows(
    integrations: Sequence[AffectedIntegration], text: Mapping[str, Pieces], known: Encoded
) -> list[str]:
    saved = text.get
    if isinstance(integrations, Integrations):  # written from its columns: no row made
        order, distance, ways, feedback = integrations.columns()
        # A row without text is made for it alone, or, with none made (a cold answer),
        # with the others.
        row = integrations.row if text else integrations.__getitem__
        rows = []
        for at, n in enumerate(order):
            pieces = saved(n)
            if pieces is None:
                pieces = _pieces(row(at), known)
            head, middle, tail = pieces
            rows.append(
                f"{head}{distance[n]!r}{middle}{known[ways[at]]}"
                f"{_TRUE if feedback[at] else _FALSE}{tail}"
            )
        return rows
    return [
        f"{head}{i.distance!r}{middle}{known[i.directions]}{_TRUE if i.feedback else _FALSE}{tail}"
        for i in integrations
        for head, middle, tail in (saved(i.node) or _pieces(i, known),)
    ]


def _text_for(
    rows: Sequence[AffectedIntegration], text: Mapping[str, Pieces]
) -> Mapping[str, Pieces]:
    """The saved row text worth looking rows up in: none for an answer of fewer rows than
    an eighth of the integrations whose text the cache holds (decoding it all would cost
    more than writing those rows)."""
    if isinstance(text, RowText) and len(rows) * 8 < text.count:
        return {}
    return loaded_text(text)


def _pieces(row: AffectedIntegration, known: Encoded) -> Pieces:
    ends = (row.sources, row.targets, row.middleware)
    return row_pieces(
        row.id, row.title, row.path, row.status, ends, row.owner, row.next_review, known
    )


_TRUE, _FALSE = ', "feedback": true', ', "feedback": false'


def _status_text(status: str | None) -> Text:
    from rich.text import Text

    style = {"deprecated": "dim strike", "production": "green", "development": "yellow"}
    value = escape.terminal(status) or "—"
    return Text(value, style=style.get(value.lower(), ""))


def filters(result: Impact) -> str:
    """Every filter in force, for headings: direction, depth and statuses."""
    scope = "unlimited depth" if result.max_depth is None else f"depth ≤ {result.max_depth}"
    statuses = "status " + ", ".join(result.statuses) if result.statuses else "every status"
    return f"{result.direction}, {scope}, {statuses}"


def _nothing(result: Impact) -> str:
    where = {"downstream": "downstream of", "upstream": "upstream of", "both": "around"}
    return (
        f"Nothing is affected {where[result.direction]} {escape.terminal(result.system)} "
        f"({escape.terminal(filters(result))}).\n"
    )


FEEDBACK = "↺ feedback loop"


def render_table(result: Impact, width: int | None = None, color: bool = False) -> str:
    """A readable rich table of the affected systems and integrations; one line when
    nothing is affected."""
    if not result.systems and not result.integrations:
        return _nothing(result)
    # rich is imported only for a table: a JSON answer does not pay for it.
    from rich.table import Table
    from rich.text import Text

    from intgraph.render.console import to_string

    head = Text(f"Impact of {escape.terminal(result.system)} ({escape.terminal(filters(result))})")
    head.stylize("bold")
    both = result.direction == "both"
    systems = Table(title=f"Affected systems ({len(result.systems)})", title_justify="left")
    for column in ("Dist", "System", "Direction", "Kind", "Via", "Note"):
        systems.add_column(column, justify="right" if column == "Dist" else "left")
    for s in result.systems:
        systems.add_row(
            str(s.distance),
            Text(escape.terminal(s.name)),
            s.direction,
            "middleware" if s.middleware else "system",
            Text(" → ".join(escape.terminal(v) for v in s.via)),
            Text(escape.terminal(s.path) or "—"),
        )
    integrations = Table(
        title=f"Affected integrations ({len(result.integrations)})", title_justify="left"
    )
    columns = ["Dist", "ID", "Title", "Status", "Sources → Targets", "Middleware"]
    if both:
        columns.insert(1, "Direction")
    for column in columns:
        integrations.add_column(column, justify="right" if column == "Dist" else "left")
    for i in result.integrations:
        flow = ", ".join(i.sources) + " → " + ", ".join(i.targets)
        if i.feedback:
            flow += f" ({FEEDBACK})"
        row: list[str | Text] = [
            str(i.distance),
            Text(escape.terminal(i.id) or "—"),
            Text(escape.terminal(i.title)),
            _status_text(i.status),
            Text(escape.terminal(flow)),
            Text(escape.terminal(", ".join(i.middleware)) or "—"),
        ]
        if both:
            row.insert(1, " + ".join(i.directions))
        integrations.add_row(*row)
    return to_string([head, systems, integrations], width=width, color=color)


def render_markdown(result: Impact) -> str:
    """An Obsidian note, with wikilinks to the systems and integrations."""
    system = (
        escape.wikilink(result.system_path, result.system, in_table=False)
        if result.system_path
        else escape.markdown(result.system)
    )
    depth = "unlimited" if result.max_depth is None else str(result.max_depth)
    statuses = ", ".join(escape.markdown(s) for s in result.statuses) or "all"
    lines = [
        "---",
        "generated_by: intgraph",
        "tags: [intgraph-report]",
        "---",
        f"# Impact of {escape.markdown(result.system)}",
        "",
        f"- System: {system}",
        f"- Direction: {result.direction}",
        f"- Depth: {depth}",
        f"- Status filter: {statuses}",
        "",
        f"## Affected systems ({len(result.systems)})",
        "",
    ]
    if result.systems:
        lines += ["| Distance | System | Direction | Via |", "|---:|---|---|---|"]
        for s in result.systems:
            name = escape.wikilink(s.path, s.name) if s.path else escape.markdown(s.name)
            via = " → ".join(escape.markdown(v) for v in s.via)
            lines.append(f"| {s.distance} | {name} | {s.direction} | {via} |")
    else:
        lines.append("No system is affected.")
    lines += ["", f"## Affected integrations ({len(result.integrations)})", ""]
    if result.integrations:
        lines += [
            "| Distance | Integration | Direction | Status | Sources | Targets | Middleware |",
            "|---:|---|---|---|---|---|---|",
        ]
        for i in result.integrations:
            label = f"{i.id} {i.title}" if i.id else i.title
            targets = ", ".join(escape.markdown(x) for x in i.targets)
            cells = [
                str(i.distance),
                escape.wikilink(i.path, label),
                " + ".join(i.directions),
                escape.markdown(i.status or "—"),
                ", ".join(escape.markdown(x) for x in i.sources),
                targets + (f" ({FEEDBACK})" if i.feedback else ""),
                ", ".join(escape.markdown(x) for x in i.middleware) or "—",
            ]
            lines.append("| " + " | ".join(cells) + " |")
    else:
        lines.append("No integration is affected.")
    return "\n".join(lines) + "\n"


def render_mermaid(result: Impact) -> str:
    """A Mermaid flowchart of the affected integrations (dotted when Deprecated)."""
    ids: dict[str, str] = {}

    def node(name: str) -> str:
        if name not in ids:
            ids[name] = f"s{len(ids)}"
        return ids[name]

    node(result.system)
    edges: list[str] = []
    for i in result.integrations:
        label = escape.mermaid(i.id or i.title)
        if i.middleware:
            label += " via " + escape.mermaid(", ".join(i.middleware))
        arrow = "-.->" if (i.status or "").lower() == "deprecated" else "-->"
        for source in i.sources:
            for target in i.targets:
                edges.append(f'    {node(source)} {arrow}|"{label}"| {node(target)}')
    lines = ["flowchart LR"]
    lines += [f'    {ident}["{escape.mermaid(name)}"]' for name, ident in ids.items()]
    lines += edges
    lines += ["    classDef focus stroke-width:3px", f"    class {ids[result.system]} focus"]
    return "\n".join(lines) + "\n"


def render_csv(result: Impact) -> str:
    """One row per affected system and per affected integration."""
    header = [
        "kind",
        "name",
        "id",
        "distance",
        "direction",
        "status",
        "path",
        "via",
        "sources",
        "targets",
        "middleware",
        "owner",
        "next_review",
    ]
    systems = [
        ("system", s.name, "", s.distance, s.direction, "", s.path, " > ".join(s.via)) + ("",) * 5
        for s in result.systems
    ]
    integrations = [
        (
            "integration",
            i.title,
            i.id,
            i.distance,
            "",
            i.status,
            i.path,
            "",
            "; ".join(i.sources),
            "; ".join(i.targets),
            "; ".join(i.middleware),
            i.owner,
            i.next_review,
        )
        for i in result.integrations
    ]
    return escape.csv_text(header, [*systems, *integrations])


def render(result: Impact, fmt: str, width: int | None = None, color: bool = False) -> str:
    """Render ``result`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "table":
        return render_table(result, width, color)
    return {
        "json": render_json,
        "markdown": render_markdown,
        "mermaid": render_mermaid,
        "csv": render_csv,
    }[fmt](result)
