"""Render a landscape diff as JSON, a pull-request comment (markdown) or rich tables."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from rich.table import Table

from intgraph.queries.diff import Change, LandscapeDiff, State
from intgraph.render import escape
from intgraph.render.console import to_string

FORMATS = ("markdown", "json", "table")
MARKER = "<!-- intgraph-diff -->"
#: GitHub refuses comments over 65,536 characters; the comment is cut below this.
COMMENT_LIMIT = 60_000


def _state(state: State | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "id": state.id,
        "title": state.title,
        "path": state.path,
        "status": state.status,
        "sources": list(state.sources),
        "targets": list(state.targets),
        "middleware": list(state.middleware),
        "fields": dict(state.fields),
    }


def to_dict(diff: LandscapeDiff) -> dict[str, Any]:
    """The JSON contract of ``intgraph diff --format json``."""
    return {
        "base": diff.base,
        "head": diff.head,
        "base_commit": diff.base_commit,
        "head_commit": diff.head_commit,
        "changes": [
            {
                "kind": c.kind,
                "integration": {
                    "id": c.current.id,
                    "title": c.current.title,
                    "path": c.current.path,
                },
                "production": c.production,
                "changed": list(c.changed),
                "before": _state(c.before),
                "after": _state(c.after),
            }
            for c in diff.changes
        ],
        "systems": {
            "added": list(diff.systems_added),
            "removed": list(diff.systems_removed),
            "renamed": [{"before": r.before, "after": r.after} for r in diff.systems_renamed],
        },
        "affected": [
            {"name": a.name, "path": a.path, "distance": a.distance, "because": list(a.because)}
            for a in diff.affected
        ],
    }


def render_json(diff: LandscapeDiff) -> str:
    """JSON text of :func:`to_dict`."""
    return json.dumps(to_dict(diff), indent=2, ensure_ascii=False) + "\n"


def verdict(diff: LandscapeDiff) -> str:
    """One line saying what the change does."""
    if not (diff.changes or diff.systems_added or diff.systems_removed or diff.systems_renamed):
        return "No change to the integration landscape."
    kinds = Counter(c.kind for c in diff.changes)
    prod = Counter(c.kind for c in diff.changes if c.production)
    parts = []
    for kind, word in (
        ("removed", "removed"),
        ("added", "added"),
        ("rewired", "rewired"),
        ("status", "status changed"),
        ("metadata", "metadata only"),
    ):
        if kinds[kind]:
            extra = f" ({prod[kind]} Production)" if prod[kind] else ""
            parts.append(f"{kinds[kind]} {word}{extra}")
    integrations = len({c.current.path for c in diff.changes})
    text = f"{integrations} integration{'s' if integrations != 1 else ''} changed"
    text += f": {', '.join(parts)}" if parts else ""
    systems = []
    if diff.systems_added:
        systems.append(f"{len(diff.systems_added)} added")
    if diff.systems_removed:
        systems.append(f"{len(diff.systems_removed)} removed")
    if diff.systems_renamed:
        systems.append(f"{len(diff.systems_renamed)} renamed")
    if systems:
        text += f"; systems: {', '.join(systems)}"
    count = len(diff.affected)
    text += f"; {count} system{'s' if count != 1 else ''} affected downstream."
    return text


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(escape.markdown(n) for n in names) or "—"


def _wiring(state: State | None) -> str:
    if state is None:
        return "—"
    text = f"{_names(state.sources)} → {_names(state.targets)}"
    if state.middleware:
        text += f" via {_names(state.middleware)}"
    return text


def _cell(change: Change, state: State | None) -> str:
    if state is None:
        return "—"
    if change.kind == "status":
        return escape.markdown(state.status or "(none)")
    if change.kind == "metadata":
        return escape.markdown(_metadata(change, state))
    return f"{_wiring(state)} ({escape.markdown(state.status or 'no status')})"


def _detail(change: Change) -> list[str]:
    state = change.current
    name = f"**{escape.markdown(state.id)}** " if state.id else ""
    lines = [
        f"{name}{escape.markdown(state.title)} ({change.kind}), `{escape.code(state.path)}`",
        "",
    ]
    b, a = change.before, change.after
    if b is not None and a is not None:
        old, new = dict(b.fields), dict(a.fields)
        rows = [("status", b.status, a.status)] if b.status != a.status else []
        rows += [
            (w, _names(getattr(b, w)), _names(getattr(a, w)))
            for w in ("sources", "targets", "middleware")
            if getattr(b, w) != getattr(a, w)
        ]
        rows += [
            (k, old.get(k), new.get(k))
            for k in sorted(old.keys() | new.keys())
            if old.get(k) != new.get(k)
        ]
        if b.path != a.path:
            rows.insert(0, ("path", b.path, a.path))
        lines += ["| field | before | after |", "|---|---|---|"]
        lines += [
            f"| {escape.markdown(k)} | {escape.markdown(x or '—')} | {escape.markdown(y or '—')} |"
            for k, x, y in rows
        ]
    else:
        lines.append(f"- {_wiring(state)}, status {escape.markdown(state.status or 'none')}")
    return [*lines, ""]


def markdown_sections(diff: LandscapeDiff) -> tuple[list[str], list[str]]:
    """(the comment's main lines, the lines inside its collapsed details)."""
    span = f"`{escape.code(diff.base)}` → `{escape.code(diff.head)}`"
    lines = [MARKER, f"### intgraph diff: {span}", "", f"**{verdict(diff)}**", ""]
    if diff.changes:
        lines += ["| change | integration | before | after |", "|---|---|---|---|"]
        for c in diff.changes:
            s = c.current
            kind = f"**{c.kind}**" if c.production and c.kind != "metadata" else c.kind
            name = (
                f"{escape.markdown(s.label)} {escape.markdown(s.title)}"
                if s.id
                else escape.markdown(s.title)
            )
            lines.append(f"| {kind} | {name} | {_cell(c, c.before)} | {_cell(c, c.after)} |")
        lines.append("")
    for label, names in (("added", diff.systems_added), ("removed", diff.systems_removed)):
        if names:
            lines += [f"Systems {label}: {_names(names)}", ""]
    if diff.systems_renamed:
        renamed = ", ".join(
            f"{escape.markdown(r.before)} → {escape.markdown(r.after)}"
            for r in diff.systems_renamed
        )
        lines += [f"Systems renamed: {renamed}", ""]
    if diff.affected:
        lines += [f"#### Affected downstream ({len(diff.affected)})", "",
                  "| system | distance | because of |", "|---|---:|---|"]  # fmt: skip
        lines += [
            f"| {escape.markdown(a.name)} | {a.distance} | {_names(a.because)} |"
            for a in diff.affected
        ]
        lines.append("")
    details: list[str] = []
    for c in diff.changes:
        details += _detail(c)
    return lines, details


def render_markdown(diff: LandscapeDiff, limit: int = COMMENT_LIMIT) -> str:
    """A pull-request comment: the hidden marker, a verdict, the changes, the affected
    systems and collapsed details; cut with a note so its UTF-8 size stays under
    ``limit`` bytes (and so under ``limit`` characters)."""
    main_lines, details = markdown_sections(diff)
    lines = list(main_lines)
    if details:
        lines += ["<details><summary>Details of every change</summary>", "", *details, "</details>"]
    text = "\n".join(lines) + "\n"
    if len(text.encode("utf-8")) < limit:
        return text
    return _cut(lines, limit)


def _cut(lines: list[str], limit: int) -> str:
    note = (
        "\n_Cut to stay under {limit:,} characters: {left:,} more lines not shown. Run "
        "`intgraph diff --format json` for the whole diff._\n"
    )
    budget = limit - len(note.format(limit=limit, left=len(lines)).encode("utf-8")) - 32
    kept: list[str] = []
    used = 0
    open_details = False
    for line in lines:
        size = len(line.encode("utf-8")) + 1
        if used + size > budget:
            break
        kept.append(line)
        used += size
        if line.startswith("<details>"):
            open_details = True
        elif line == "</details>":
            open_details = False
    left = len(lines) - len(kept)
    if open_details:
        kept.append("</details>")
    return "\n".join(kept) + "\n" + note.format(limit=limit, left=left)


def render_table(diff: LandscapeDiff, width: int | None = None, color: bool = False) -> str:
    """Rich tables of the changes, the systems and the affected systems."""
    parts: list[Any] = [verdict(diff)]
    if diff.changes:
        table = Table(title="Changes", show_lines=False)
        for column in ("change", "integration", "path", "before", "after"):
            table.add_column(column)
        for c in diff.changes:
            s = c.current
            table.add_row(
                c.kind + (" (Production)" if c.production else ""),
                escape.terminal(f"{s.id} {s.title}" if s.id else s.title),
                escape.terminal(s.path),
                escape.terminal(_plain(c, c.before)),
                escape.terminal(_plain(c, c.after)),
            )
        parts.append(table)
    for label, names in (
        ("Systems added", diff.systems_added),
        ("Systems removed", diff.systems_removed),
    ):
        if names:
            parts.append(f"{label}: " + ", ".join(escape.terminal(n) for n in names))
    if diff.systems_renamed:
        parts.append(
            "Systems renamed: "
            + ", ".join(escape.terminal(f"{r.before} → {r.after}") for r in diff.systems_renamed)
        )
    if diff.affected:
        table = Table(title="Affected downstream")
        for column in ("system", "distance", "because of"):
            table.add_column(column)
        for a in diff.affected:
            table.add_row(
                escape.terminal(a.name), str(a.distance), escape.terminal(", ".join(a.because))
            )
        parts.append(table)
    return to_string(parts, width, color)


def _metadata(change: Change, state: State, shown: int = 3) -> str:
    """``field: value`` of the first changed fields of ``state``."""
    values = {"id": state.id, "path": state.path, **dict(state.fields)}
    parts = [f"{k}: {values.get(k) or '—'}" for k in change.changed[:shown]]
    if len(change.changed) > shown:
        parts.append(f"… {len(change.changed) - shown} more")
    return "; ".join(parts)


def _plain(change: Change, state: State | None) -> str:
    if state is None:
        return "—"
    if change.kind == "status":
        return state.status or "(none)"
    if change.kind == "metadata":
        return _metadata(change, state)
    wiring = f"{', '.join(state.sources) or '—'} → {', '.join(state.targets) or '—'}"
    if state.middleware:
        wiring += f" via {', '.join(state.middleware)}"
    return f"{wiring} ({state.status or 'no status'})"


def render(
    diff: LandscapeDiff,
    fmt: str,
    width: int | None = None,
    color: bool = False,
    limit: int = COMMENT_LIMIT,
) -> str:
    """Render ``diff`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(diff)
    if fmt == "table":
        return render_table(diff, width, color)
    return render_markdown(diff, limit)
