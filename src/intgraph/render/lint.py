"""Render lint findings as text lines or JSON."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from intgraph.queries.lint import CODES, Finding
from intgraph.render import escape

FORMATS = ("text", "json")


def codes_table() -> str:
    """Every lint code with its severity and meaning, one per line (``lint --list-codes``)."""
    return "".join(f"{code}  {sev:<7}  {meaning}\n" for code, (sev, meaning) in CODES.items())


def render_text(findings: Sequence[Finding]) -> str:
    """One ``path:line: CODE severity: message`` line per finding."""
    return "".join(escape.terminal(f.text()) + "\n" for f in findings)


def render_json(findings: Sequence[Finding]) -> str:
    """``[{"path", "line", "code", "message", "severity"}]`` as JSON text."""
    rows = [
        {
            "path": f.path,
            "line": f.line,
            "code": f.code,
            "message": f.message,
            "severity": f.severity,
        }
        for f in findings
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def summary(findings: Sequence[Finding]) -> str:
    """A one-line count of the findings by severity."""
    if not findings:
        return "No findings."
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s]]
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun}: " + ", ".join(parts)


def render(findings: Sequence[Finding], fmt: str) -> str:
    """Render ``findings`` in ``fmt`` (one of :data:`FORMATS`)."""
    return render_json(findings) if fmt == "json" else render_text(findings)
