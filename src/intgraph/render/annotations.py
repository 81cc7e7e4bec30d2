"""Lint findings and orphans entries as tool-neutral annotations: a rule, a level, a
repository-relative path and line, a message and a stable fingerprint. The CI formats
(SARIF, GitHub, GitLab, reviewdog) are rendered from these."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from intgraph.model import note_name
from intgraph.queries.lint import CODES, Finding
from intgraph.queries.locations import Locations
from intgraph.queries.orphans import CATEGORIES, OrphanReport

#: intgraph severities (and orphans levels) as SARIF levels.
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

#: Orphans categories: (rule id, level, short description, help).
ORPHAN_RULES: dict[str, tuple[str, str, str, str]] = {
    "missing": (
        "missing-link",
        "error",
        "link to a note or file that does not exist",
        "Create the note, or correct the link's spelling or path.",
    ),
    "placeholder": (
        "placeholder-link",
        "warning",
        "template placeholder link left unfilled",
        "Replace the template's placeholder (such as [[system_1]]) with a real link.",
    ),
    "alias": (
        "alias-link",
        "warning",
        "link through an alias that Obsidian leaves unresolved",
        "Link the note by its name and show the alias: [[Note Name|Alias]].",
    ),
    "ambiguous": (
        "ambiguous-link",
        "warning",
        "bare-name link that several files match",
        "Write the link with its folder so that it names one file.",
    ),
    "orphans": (
        "orphan-note",
        "note",
        "note with no inbound and no outbound link",
        "Link the note from where it belongs, or delete it.",
    ),
    "errors": (
        "parse-error",
        "error",
        "file intgraph could not read as a note",
        "Fix the front matter, the encoding or the unrendered template tag.",
    ),
}


@dataclass(frozen=True)
class Rule:
    """One rule (a lint code or an orphans category)."""

    id: str
    name: str
    short: str
    full: str
    help: str
    level: str


@dataclass(frozen=True)
class Annotation:
    """One finding, located for CI tools."""

    rule: str
    level: str
    path: str
    line: int
    message: str
    fingerprint: str


def _camel(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in text.replace("-", " ").split() if w.isalnum())


def lint_rules() -> list[Rule]:
    """One rule per lint code, from :data:`intgraph.queries.lint.CODES`."""
    return [
        Rule(
            id=code,
            name=_camel(meaning) or code,
            short=meaning,
            full=f"{code} ({severity}): {meaning}.",
            help=f"{code}: {meaning}. See the lint codes table in intgraph's README.",
            level=LEVELS.get(severity, "warning"),
        )
        for code, (severity, meaning) in sorted(CODES.items())
    ]


def orphan_rules() -> list[Rule]:
    """One rule per orphans category, from :data:`intgraph.queries.orphans.CATEGORIES`."""
    rules = []
    for category in CATEGORIES:
        rule_id, level, short, help_text = ORPHAN_RULES.get(
            category, (category, "warning", category, category)
        )
        rules.append(
            Rule(
                rule_id,
                _camel(rule_id),
                short,
                f"{short} (orphans category {category})",
                help_text,
                level,
            )
        )
    return rules


def _fingerprinted(
    items: Iterable[tuple[str, str, str, int, str, str]], locations: Locations
) -> list[Annotation]:
    """(rule, level, vault path, line, message, identity) → annotations whose fingerprint
    hashes rule, path, identity and the line's text (never its number), numbered when
    several are alike."""
    out: list[Annotation] = []
    seen: Counter[str] = Counter()
    for rule, level, path, line, message, identity in sorted(
        items, key=lambda i: (i[2], i[3], i[0], i[4])
    ):
        text = locations.text(path, line)
        key = hashlib.sha256(f"{rule}\0{path}\0{identity}\0{text}".encode()).hexdigest()
        seen[key] += 1
        fingerprint = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()[:40]
        out.append(
            Annotation(rule, level, locations.path(path), max(line, 1), message, fingerprint)
        )
    return out


def from_lint(findings: Sequence[Finding], locations: Locations) -> list[Annotation]:
    """Annotations of lint findings, by path, line and code."""
    return _fingerprinted(
        (
            (f.code, LEVELS.get(f.severity, "warning"), f.path, f.line, f"{f.code} {f.message}", "")
            for f in findings
        ),
        locations,
    )


def orphan_places(report: OrphanReport) -> list[tuple[str, int]]:
    """Every (vault path, line) the report points at."""
    return [(a.path, a.line) for a in from_orphans(report, Locations())]


def from_orphans(report: OrphanReport, locations: Locations) -> list[Annotation]:
    """Annotations of every entry of the orphans report, by path, line and rule."""
    rule = {c: ORPHAN_RULES.get(c, (c, "warning", c, c)) for c in CATEGORIES}
    items: list[tuple[str, str, str, int, str, str]] = []
    for u in report.unresolved:
        rid, level, _, _ = rule.get(u.kind, (u.kind, "warning", "", ""))
        for o in u.occurrences:
            if u.kind == "missing":
                message = f"broken link [[{u.target}]]: no note or file has that name"
            elif u.kind == "placeholder":
                message = f"template placeholder [[{u.target}]] left unfilled"
            else:
                name = note_name(u.alias_of or "")
                message = (
                    f"[[{u.target}]] is an alias of {name}, which Obsidian leaves "
                    f"unresolved: write [[{name}|{u.target}]]"
                )
            items.append((rid, level, o.path, o.line, message, u.target.lower()))
    rid, level, _, _ = rule["ambiguous"]
    for a in report.ambiguous:
        for o in a.occurrences:
            if a.alias:
                message = (
                    f"[[{a.target}]] is an alias of {len(a.candidates)} notes "
                    f"({', '.join(a.candidates)}), which Obsidian leaves unresolved; "
                    f"intgraph takes it for {o.resolved_to}"
                )
            else:
                message = (
                    f"[[{a.target}]] matches {len(a.candidates)} files "
                    f"({', '.join(a.candidates)}); from here Obsidian opens {o.resolved_to}"
                )
            items.append((rid, level, o.path, o.line, message, a.target.lower()))
    rid, level, _, _ = rule["orphans"]
    for path in report.orphan_notes:
        items.append(
            (rid, level, path, 1, "orphan note: no note links here and it links nowhere", "")
        )
    rid, level, _, _ = rule["errors"]
    for p in report.parse_errors:
        items.append((rid, level, p.path, p.line or 1, f"{p.code}: {p.message}", p.code))
    return _fingerprinted(items, locations)
