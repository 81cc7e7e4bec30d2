"""CI formats for lint and orphans: SARIF, GitHub workflow commands, a GitLab Code
Quality report and reviewdog's rdjsonl, all from the same annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from intgraph.render import escape, sarif
from intgraph.render.annotations import Annotation, Rule

FORMATS = ("sarif", "github", "gitlab", "rdjsonl")
GITHUB = {"error": "error", "warning": "warning", "note": "notice"}
GITLAB = {"error": "major", "warning": "minor", "note": "info"}
REVIEWDOG = {"error": "ERROR", "warning": "WARNING", "note": "INFO"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(command: str, annotations: Sequence[Annotation]) -> str:
    """One ``::error file=...,line=...,title=...::message`` workflow command per finding."""
    return "".join(
        f"::{GITHUB.get(a.level, 'warning')} file={_property(escape.terminal(a.path))},"
        f"line={a.line},title={_property(f'intgraph {command} {a.rule}')}"
        f"::{_data(escape.terminal(a.message))}\n"
        for a in annotations
    )


def render_gitlab(command: str, annotations: Sequence[Annotation]) -> str:
    """A GitLab Code Quality report: a JSON array of issues."""
    issues = [
        {
            "type": "issue",
            "description": a.message,
            "check_name": a.rule,
            "categories": ["Style"],
            "fingerprint": a.fingerprint,
            "severity": GITLAB.get(a.level, "minor"),
            "engine_name": f"intgraph {command}",
            "location": {"path": a.path, "lines": {"begin": a.line}},
        }
        for a in annotations
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def render_rdjsonl(command: str, annotations: Sequence[Annotation]) -> str:
    """reviewdog's rdjsonl: one Diagnostic JSON object per line."""
    return "".join(
        json.dumps(
            {
                "message": a.message,
                "location": {"path": a.path, "range": {"start": {"line": a.line}}},
                "severity": REVIEWDOG.get(a.level, "WARNING"),
                "source": {"name": f"intgraph {command}"},
                "code": {"value": a.rule},
            },
            ensure_ascii=False,
        )
        + "\n"
        for a in annotations
    )


def render(fmt: str, command: str, rules: Sequence[Rule], annotations: Sequence[Annotation]) -> str:
    """Render ``annotations`` of ``command`` (lint or orphans) in ``fmt`` (one of FORMATS)."""
    if fmt == "sarif":
        return sarif.render(command, rules, annotations)
    return {"github": render_github, "gitlab": render_gitlab, "rdjsonl": render_rdjsonl}[fmt](
        command, annotations
    )
