"""Check integration notes against the template, the way a linter checks code."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from intgraph.errors import UsageError
from intgraph.model import Field, Note, Ref
from intgraph.pipeline import Landscape

SEVERITIES = ("info", "warning", "error")
STATUSES = ("Planning", "Development", "Production", "Deprecated")
CATEGORIES = ("System", "Process", "Data", "API")
CLASSIFICATIONS = ("Internal", "External", "Hybrid")
_ID = re.compile(r"^INT-\d{4}-\d{3,}$")
# A date, alone or followed by a time ("2026-06-01T10:00") or a note.
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\b|(?=T\d))")
_BRACKETED = re.compile(r"^\[[^\[\]]*\]$")

#: (code, section name fragment, severity) for placeholders left unfilled.
SECTIONS = (
    ("IG100", "integration overview", "warning"),
    ("IG101", "purpose", "warning"),
    ("IG102", "architecture", "warning"),
    ("IG103", "technical specification", "info"),
    ("IG104", "data mapping", "info"),
    ("IG105", "security", "info"),
    ("IG106", "performance", "info"),
    ("IG107", "monitoring", "info"),
    ("IG108", "testing", "info"),
    ("IG109", "deployment", "info"),
    ("IG110", "documentation", "info"),
    ("IG111", "change management", "info"),
    ("IG112", "metadata", "warning"),
)
OTHER_SECTION = ("IG119", "info")

#: Every code with its default severity and what it means (the README's table).
CODES: dict[str, tuple[str, str]] = {
    **{code: (sev, f"placeholder left unfilled in {name.title()}") for code, name, sev in SECTIONS},
    "IG119": ("info", "placeholder left unfilled in another section"),
    "IG201": ("error", "unrendered Templater tag"),
    "IG301": ("error", "Status outside Planning/Development/Production/Deprecated"),
    "IG302": ("warning", "Category outside System/Process/Data/API"),
    "IG303": ("warning", "Classification outside Internal/External/Hybrid"),
    "IG401": ("error", "no source system"),
    "IG402": ("error", "no target system"),
    "IG403": ("warning", "a system named in plain text that several notes have"),
    "IG501": ("error", "Integration ID not of the form INT-YYYY-NNN"),
    "IG502": ("error", "the same Integration ID in two notes"),
    "IG503": ("error", "no Integration ID, or only a placeholder"),
    "IG601": ("warning", "Document ID in the Metadata footer disagrees with the Integration ID"),
    "IG602": ("warning", "Integration Status in the Metadata footer disagrees with the Status"),
    "IG701": ("warning", "Next Review is in the past"),
    "IG702": ("warning", "Last Tested is older than --max-test-age days"),
    "IG703": (
        "warning",
        "a date field of the Metadata footer (Created, Last Updated, Next Review, Last Tested) "
        "is not YYYY-MM-DD (a time after it, or a link to a daily note `[[2027-01-01]]`, is "
        "fine)",
    ),
    "IG801": ("error", "a Production integration with no runbook link"),
    "IG901": ("error", "front matter that is not valid YAML"),
    "IG902": ("warning", "a file that is not valid UTF-8, read as cp1252"),
    "IG903": ("error", "a file that cannot be read"),
    "IG904": ("error", "a file that holds binary data"),
    "IG905": ("error", "a note that is not a regular file (FIFO, device, ...)"),
    "IG906": ("error", "a note larger than the size limit"),
    "IG907": ("warning", "a front-matter property written twice (the last value counts)"),
    "IG909": ("error", "another problem reading a file"),
}

#: The lint code of each kind of reading problem (Problem.code); templater is IG201.
PROBLEM_CODES = {
    "yaml": "IG901",
    "encoding": "IG902",
    "unreadable": "IG903",
    "binary": "IG904",
    "not-a-file": "IG905",
    "too-large": "IG906",
    "duplicate-key": "IG907",
}


@dataclass(frozen=True)
class Finding:
    """One lint finding, printed as ``path:line: CODE message``."""

    path: str
    line: int
    code: str
    message: str
    severity: str

    def text(self) -> str:
        """The finding as one line of text: ``path:line: CODE severity: message``."""
        return f"{self.path}:{self.line}: {self.code} {self.severity}: {self.message}"


def lint(
    landscape: Landscape,
    today: dt.date,
    max_test_age: int = 365,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
) -> list[Finding]:
    """Lint every integration note, and report every file the vault could not read
    properly; findings sorted by path, line and code.

    Raises UsageError when ``select`` or ``ignore`` names no known code or prefix."""
    check_codes(select, "--select")
    check_codes(ignore, "--ignore")
    notes = landscape.with_raw_fields([n for n in landscape.integrations if not n.generated])
    findings: list[Finding] = []
    for note in notes:
        findings += _note_findings(note, landscape, today, max_test_age)
    findings += _duplicate_ids(notes)
    findings += _reading_problems(landscape)
    kept = [f for f in findings if _wanted(f.code, select, ignore)]
    return sorted(set(kept), key=lambda f: (f.path, f.line, f.code, f.message))


def check_codes(codes: Collection[str], option: str) -> None:
    """Raise UsageError for a code or prefix that matches no lint code."""
    unknown = [c for c in codes if not any(k.startswith(c.strip().upper()) for k in CODES)]
    if unknown:
        groups = sorted({k[:3] for k in CODES})
        raise UsageError(
            f"unknown lint code {', '.join(repr(c) for c in unknown)} for {option}: "
            f"valid codes are {', '.join(CODES)} (or a prefix such as {', '.join(groups)}); "
            "see intgraph lint --list-codes"
        )


def _reading_problems(landscape: Landscape) -> list[Finding]:
    """The problems the orphans report lists as parse errors, except Templater tags
    (IG201, reported on integration notes) and reports intgraph wrote itself."""
    generated = {n.path for n in landscape.notes if n.generated}
    out = []
    for problem in landscape.problems:
        if problem.code == "templater" or problem.path in generated:
            continue
        code = PROBLEM_CODES.get(problem.code, "IG909")
        out.append(Finding(problem.path, problem.line or 1, code, problem.message, CODES[code][0]))
    return out


def _wanted(code: str, select: Collection[str], ignore: Collection[str]) -> bool:
    chosen = not select or any(code.startswith(s.strip().upper()) for s in select)
    return chosen and not any(code.startswith(i.strip().upper()) for i in ignore)


def at_least(findings: Iterable[Finding], level: str) -> bool:
    """True when any finding is of severity ``level`` or worse."""
    floor = SEVERITIES.index(level)
    return any(SEVERITIES.index(f.severity) >= floor for f in findings)


def _finding(note: Note, line: int, code: str, message: str) -> Finding:
    return Finding(note.path, line, code, message, CODES[code][0])


def _unfilled(field: Field) -> bool:
    value = field.value.strip()
    if not value or _BRACKETED.match(value) or value.upper() in ("TBD", "TBC"):
        return True
    if "<%" in value:
        return True
    return field.placeholder and "[[" in value


def _section_code(section: str) -> tuple[str, str]:
    low = section.lower()
    for code, fragment, severity in SECTIONS:
        if fragment in low:
            return code, severity
    return OTHER_SECTION


def _note_findings(
    note: Note, landscape: Landscape, today: dt.date, max_test_age: int
) -> list[Finding]:
    f = note.fields
    out: list[Finding] = []
    unfilled: dict[str, list[Field]] = defaultdict(list)
    for field in note.raw_fields or ():
        if field.placeholder and _unfilled(field):
            unfilled[field.section or "(top)"].append(field)
    for section, fields in unfilled.items():
        code, _ = _section_code(section)
        labels = ", ".join(dict.fromkeys(x.label for x in fields))
        count = f"{len(fields)} placeholder{'s' if len(fields) > 1 else ''}"
        out.append(
            _finding(note, fields[0].line, code, f"{count} left unfilled in {section}: {labels}")
        )
    out += [
        _finding(note, p.line or 1, "IG201", p.message)
        for p in note.problems
        if p.code == "templater"
    ]
    for value, allowed, code, name in (
        (f.status, STATUSES, "IG301", "status"),
        (f.category, CATEGORIES, "IG302", "category"),
        (f.classification, CLASSIFICATIONS, "IG303", "classification"),
    ):
        if value and value.lower() not in {a.lower() for a in allowed}:
            message = f"{name.title()} {value!r} is not one of {'/'.join(allowed)}"
            out.append(_finding(note, f.line_of(name), code, message))
    components = f.line_of("heading:components", f.line_of("heading:integration architecture"))
    if not f.sources:
        out.append(_finding(note, f.line_of("source", components), "IG401", "no source system"))
    if not f.targets:
        out.append(_finding(note, f.line_of("target", components), "IG402", "no target system"))
    out += _shared_names(note, landscape)
    if f.integration_id and not _ID.match(f.integration_id):
        message = f"Integration ID {f.integration_id!r} is not of the form INT-YYYY-NNN"
        out.append(_finding(note, f.line_of("integration_id"), "IG501", message))
    if not f.integration_id:
        line = next(
            (x.line for x in note.raw_fields or () if x.label.lower() == "integration id"),
            f.line_of("heading:integration overview"),
        )
        out.append(_finding(note, line, "IG503", "no Integration ID (missing or a placeholder)"))
    out += _footer(note)
    out += _dates(note, today, max_test_age)
    if (f.status or "").lower() == "production" and not _has_runbook(note):
        line = f.line_of("heading:documentation", f.line_of("status"))
        out.append(_finding(note, line, "IG801", "Production integration with no runbook link"))
    return out


def _shared_names(note: Note, landscape: Landscape) -> list[Finding]:
    """IG403: a source, target or middleware named in plain text ("Name: CRM") that
    several notes have. It is taken for the note a link by that name opens (as the
    orphans report says of such a link), silently: a link says which one is meant."""
    f = note.fields
    refs: list[Ref] = [*(e.ref for e in f.sources), *(e.ref for e in f.targets), *f.middleware]
    out = []
    for ref in refs:
        if ref.is_link:
            continue
        found = landscape.names.notes_named(ref.text, note.path)
        if len(found) > 1:
            message = (
                f"{ref.text!r} names {len(found)} notes and is taken for {found[0]} "
                f"(not {', '.join(found[1:])}): link the one meant"
            )
            out.append(_finding(note, ref.line, "IG403", message))
    return out


def _meta_line(note: Note, label: str) -> int:
    for field in note.raw_fields or ():
        if field.section == "Metadata" and field.label.lower() == label.lower():
            return field.line
    return 1


def _footer(note: Note) -> list[Finding]:
    f = note.fields
    out: list[Finding] = []
    for label, value, code, name in (
        ("Document ID", f.integration_id, "IG601", "Integration ID"),
        ("Integration Status", f.status, "IG602", "Status"),
    ):
        footer = f.meta(label)
        if footer and value and _unlinked(footer).lower() != value.strip().lower():
            message = f"{label} {footer!r} disagrees with the {name} {value!r}"
            out.append(_finding(note, _meta_line(note, label), code, message))
    return out


def _unlinked(value: str) -> str:
    """A footer value without the wikilink around it, if it is one (a daily note,
    ``[[2027-01-01]]``; an ID note, ``[[INT-2025-001]]``): the note it names."""
    # Imported here: importing the parser costs every other command's start-up.
    from intgraph.parse.links import split_wikilink
    from intgraph.parse.values import one_wikilink

    text = value.strip()
    inner = one_wikilink(text)
    path = split_wikilink(inner)[0] if inner is not None else ""
    return path or text


def _dates(note: Note, today: dt.date, max_test_age: int) -> list[Finding]:
    # Imported here: importing the parser costs every other command's start-up.
    from intgraph.parse.values import is_unset

    out: list[Finding] = []
    for label in ("Created", "Last Updated", "Next Review", "Last Tested"):
        raw = note.fields.meta(label)
        if raw is None or is_unset(raw):
            continue
        line = _meta_line(note, label)
        m = _DATE.match(_unlinked(raw))
        try:
            when = dt.date.fromisoformat(m.group(1)) if m else None
        except ValueError:
            when = None
        if when is None:
            out.append(_finding(note, line, "IG703", f"{label} {raw!r} is not a YYYY-MM-DD date"))
        elif label == "Next Review" and when < today:
            out.append(_finding(note, line, "IG701", f"Next Review {when} is in the past"))
        elif label == "Last Tested" and (today - when).days > max_test_age:
            days = (today - when).days
            message = f"Last Tested {when} is {days} days old (more than {max_test_age})"
            out.append(_finding(note, line, "IG702", message))
    return out


def _has_runbook(note: Note) -> bool:
    """A Runbook documentation link, or any link to a note named like a runbook."""
    if any("runbook" in label.lower() for label, _ in note.fields.documents):
        return True
    return any(
        "runbook" in link.target.rsplit("/", 1)[-1].lower()
        for link in note.links
        if not link.placeholder
    )


def _duplicate_ids(notes: Sequence[Note]) -> list[Finding]:
    by_id: dict[str, list[Note]] = defaultdict(list)
    for note in notes:
        if note.fields.integration_id:
            by_id[note.fields.integration_id.upper()].append(note)
    out: list[Finding] = []
    for ident, owners in by_id.items():
        if len(owners) < 2:
            continue
        for note in owners:
            others = ", ".join(o.path for o in owners if o is not note)
            message = f"Integration ID {ident} is also used by {others}"
            out.append(_finding(note, note.fields.line_of("integration_id"), "IG502", message))
    return out
