"""Render the orphaned-link report as an Obsidian note, JSON, CSV or a standalone HTML page."""

from __future__ import annotations

import json
from typing import Any

from intgraph.model import note_name, without_md
from intgraph.queries.orphans import Occurrence, OrphanReport
from intgraph.render import escape
from intgraph.render.page import render_template

FORMATS = ("markdown", "json", "csv", "html", "summary")
#: How many findings the terminal summary shows.
SUMMARY_LIMIT = 10
LABELS = {
    "missing": "missing links",
    "placeholder": "placeholder links",
    "alias": "alias links",
    "ambiguous": "ambiguous links",
    "orphan_notes": "orphan notes",
    "parse_errors": "parse errors",
}
TITLES = {
    "missing": "Missing",
    "placeholder": "Template placeholders",
    "alias": "Alias links Obsidian does not resolve",
}


def to_dict(report: OrphanReport) -> dict[str, Any]:
    """The JSON contract of ``intgraph orphans --format json``."""
    return {
        "vault": report.vault,
        "unresolved": [
            {
                "target": u.target,
                "kind": u.kind,
                "alias_of": u.alias_of,
                "occurrences": [{"path": o.path, "line": o.line} for o in u.occurrences],
            }
            for u in report.unresolved
        ],
        "ambiguous": [
            {
                "target": a.target,
                "alias": a.alias,
                "candidates": list(a.candidates),
                "occurrences": [
                    {"path": o.path, "line": o.line, "resolved_to": o.resolved_to}
                    for o in a.occurrences
                ],
            }
            for a in report.ambiguous
        ],
        "orphan_notes": [{"path": p} for p in report.orphan_notes],
        "parse_errors": [
            {"path": p.path, "line": p.line, "message": p.message, "code": p.code}
            for p in report.parse_errors
        ],
        "summary": summary(report),
    }


def summary(report: OrphanReport) -> dict[str, int]:
    """The counts of the report (occurrences for link categories)."""
    return {
        "notes": report.notes,
        "links": report.links,
        "missing": report.count("missing"),
        "placeholder": report.count("placeholder"),
        "alias": report.count("alias"),
        "ambiguous": sum(len(a.occurrences) for a in report.ambiguous),
        "orphan_notes": len(report.orphan_notes),
        "parse_errors": len(report.parse_errors),
    }


def render_json(report: OrphanReport) -> str:
    """JSON text of :func:`to_dict`."""
    return json.dumps(to_dict(report), indent=2, ensure_ascii=False) + "\n"


def _source(o: Occurrence) -> str:
    return f"{escape.wikilink(o.path, note_name(o.path), in_table=False)} (line {o.line})"


def render_markdown(report: OrphanReport) -> str:
    """An Obsidian note grouped by category; every entry is a clickable wikilink."""
    counts = summary(report)
    lines = [
        "---",
        "generated_by: intgraph",
        "tags: [intgraph-report]",
        "---",
        f"# Orphaned links report: {escape.markdown(report.vault)}",
        "",
        f"{counts['notes']} notes, {counts['links']} links.",
        "",
        "| Category | Count |",
        "|---|---:|",
    ]
    lines += [
        f"| {label} | {counts[key]} |"
        for key, label in (
            ("missing", "Missing links"),
            ("placeholder", "Template placeholders"),
            ("alias", "Alias links"),
            ("ambiguous", "Ambiguous links"),
            ("orphan_notes", "Orphan notes"),
            ("parse_errors", "Parse errors"),
        )
    ]
    for kind, title in TITLES.items():
        entries = [u for u in report.unresolved if u.kind == kind]
        lines += ["", f"## {title} ({counts[kind]})", ""]
        if not entries:
            lines.append("None.")
        for u in entries:
            # Clicking a placeholder or alias link would create a stray note: show it as code.
            target = (
                escape.link_or_code(u.target)
                if kind == "missing"
                else f"`[[{escape.code(u.target)}]]`"
            )
            for o in u.occurrences:
                hint = ""
                if u.alias_of:
                    name = note_name(u.alias_of)
                    hint = f" — write `[[{escape.code(name)}|{escape.code(u.target)}]]`"
                lines.append(f"- {target} ← {_source(o)}{hint}")
    lines += ["", f"## Ambiguous links ({counts['ambiguous']})", ""]
    if not report.ambiguous:
        lines.append("None.")
    for a in report.ambiguous:
        options = ", ".join(escape.wikilink(c, without_md(c), False) for c in a.candidates)
        if a.alias:
            lines.append(
                f"- `{escape.code(a.target)}` is an alias of {options} (Obsidian opens none)"
            )
        else:
            lines.append(f"- `{escape.code(a.target)}` could be {options}")
        for o in a.occurrences:
            chosen = escape.wikilink(o.resolved_to or "", without_md(o.resolved_to or ""), False)
            verb = "taken for" if a.alias else "opens"
            lines.append(f"    - {_source(o)} {verb} {chosen}")
    lines += ["", f"## Orphan notes ({counts['orphan_notes']})", ""]
    if not report.orphan_notes:
        lines.append("None.")
    lines += [f"- {escape.wikilink(p, without_md(p), False)}" for p in report.orphan_notes]
    lines += ["", f"## Parse errors ({counts['parse_errors']})", ""]
    if not report.parse_errors:
        lines.append("None.")
    for p in report.parse_errors:
        where = f" (line {p.line})" if p.line else ""
        link = escape.wikilink(p.path, note_name(p.path), False)
        lines.append(f"- {link}{where}: {escape.markdown(p.message)}")
    return "\n".join(lines) + "\n"


def rows(report: OrphanReport) -> list[list[str | int | None]]:
    """One row per occurrence: category, target, path, line, detail."""
    out: list[list[str | int | None]] = []
    for u in report.unresolved:
        for o in u.occurrences:
            out.append([u.kind, u.target, o.path, o.line, u.alias_of or ""])
    for a in report.ambiguous:
        for o in a.occurrences:
            out.append(["ambiguous", a.target, o.path, o.line, o.resolved_to])
    out += [["orphan_note", "", p, None, ""] for p in report.orphan_notes]
    out += [["parse_error", "", p.path, p.line, p.message] for p in report.parse_errors]
    return out


def render_csv(report: OrphanReport) -> str:
    """CSV, one row per occurrence; formula-like cells are neutralised."""
    return escape.csv_text(["category", "target", "path", "line", "detail"], rows(report))


def render_html(report: OrphanReport) -> str:
    """A standalone, offline HTML page with a sortable table; all note text escaped."""
    return render_template(
        "report.html.j2",
        title=f"Orphaned links report: {report.vault}",
        summary=summary(report),
        columns=["Category", "Target", "Path", "Line", "Detail"],
        rows=[["" if c is None else str(c) for c in row] for row in rows(report)],
    )


def render_summary(report: OrphanReport, limit: int = SUMMARY_LIMIT) -> str:
    """For a terminal: the counts, then the first ``limit`` findings as ``path:line``."""
    counts = summary(report)
    lines = [
        f"Orphaned links in {escape.terminal(report.vault)}: "
        f"{counts['notes']} notes, {counts['links']} links",
        "",
    ]
    lines += [f"  {counts[key]:>6}  {label}" for key, label in LABELS.items()]
    found = list(rows(report))
    if found:
        lines += ["", f"First findings ({min(limit, len(found))} of {len(found)}):"]
        for category, target, path, line, detail in found[:limit]:
            where = f"{path}:{line}" if line else str(path)
            what = f"{category}: {target}" if target else str(category)
            extra = f" ({detail})" if detail else ""
            lines.append(f"  {escape.terminal(where)}  {escape.terminal(what + extra)}")
        lines += ["", "The full report: intgraph orphans --format markdown (or --out FILE)."]
    else:
        lines += ["", "Nothing to report."]
    return "\n".join(lines) + "\n"


def render(report: OrphanReport, fmt: str) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`FORMATS`)."""
    return {
        "summary": render_summary,
        "markdown": render_markdown,
        "json": render_json,
        "csv": render_csv,
        "html": render_html,
    }[fmt](report)
