"""How one line of a note's body reads as a template field: which overview field or
Components group a label names, what a heading says, and a value as a reader takes it.
(The parts of :func:`intgraph.parse.fields.read_fields` that look at one line or one
value.)"""

from __future__ import annotations

import re
from collections.abc import Collection

from intgraph.model import Ref
from intgraph.parse.values import refs_in

_COMMENT = re.compile(r"<!--.*?(?:-->|$)")
# A label at the start of a line, without a bullet: "Status: Production".
_PLAIN_LABEL = re.compile(r"^([A-Za-z][\w ()/&'.-]{0,40})::?[ \t]")
#: How a value may start when it is dressed: a dash after its label ("**Status** -
#: Production"), emphasis or a code span around it.
DRESSED = frozenset("-–—*_`")
#: Leading characters that are not part of a heading's words: numbering, emoji.
_HEADING_LEAD = re.compile(r"^[^a-z]*")

#: The overview's labels (lower-cased) -> the field each one fills.
OVERVIEW = {
    "integration id": "integration_id",
    "version": "version",
    "category": "category",
    "status": "status",
    "classification": "classification",
}


def group_kind(text: str) -> str | None:
    """The group a numbered line in the Components opens ("1. Source System(s)" gives
    "source"): any text naming a source, a target or the integration layer. (Labels,
    bullets and headings must name one exactly: :func:`group_name`.)"""
    low = text.lower()
    if "source" in low or "producer" in low:
        return "source"
    if "target" in low or "destination" in low or "consumer" in low:
        return "target"
    if "integration layer" in low or "middleware" in low:
        return "layer"
    return None


#: What a label, a bullet or a heading that opens a Components group (or, with a value,
#: names its systems) may say, lower-cased: "Source System(s)", "**Target System**: ...".
GROUP_NAMES: dict[str, str] = {
    **{
        f"{word}{tail}": kind
        for word, kind in (
            ("source", "source"),
            ("target", "target"),
            ("destination", "target"),
            ("producer", "source"),
            ("consumer", "target"),
        )
        for tail in ("", "s", " system", " systems", " system(s)", "(s)")
    },
    "integration layer": "layer",
    "middleware": "layer",
}
#: The labels a group's systems are written under ("- Name: [[SAP ERP]]").
NAME_LABELS = frozenset({"name", "names", "system", "systems"})


def group_name(text: str) -> str | None:
    """The group a label, bullet or heading text opens (see :data:`GROUP_NAMES`)."""
    if text in _GROUPS:  # the same few labels recur in every note
        return _GROUPS[text]
    kind = GROUP_NAMES.get(_HEADING_LEAD.sub("", text.lower()).strip(" *_:"))
    if len(_GROUPS) < _GROUPS_KEPT:
        _GROUPS[text] = kind
    return kind


#: :func:`group_name` of the texts seen so far (a bounded number of them).
_GROUPS: dict[str, str | None] = {}
_GROUPS_KEPT = 4096


def names_in(value: str, value_text: str, line: int, placeholders: Collection[str]) -> list[Ref]:
    """The systems a group's value names (see :func:`refs_in`), read from the masked
    ``value``; a value that is all code (`` `SAP ERP` ``) names what the code says, as
    plain names: a link in code is never one."""
    if value.strip() or not value_text or "[[" in value_text or "](" in value_text:
        return refs_in(value, line, placeholders)
    return refs_in(value_text.replace("`", ""), line, placeholders)


def plain_label(line: str, in_metadata: bool) -> bool:
    """True when ``line`` starts with a label, without a bullet, that names a field: an
    overview field, a Components group, or (in the Metadata footer) any label. Prose
    ("Note: ...") is not one."""
    m = _PLAIN_LABEL.match(line)
    if m is None:
        return False
    key = m.group(1).strip().lower()
    return in_metadata or key in OVERVIEW or group_name(key) is not None


def table_row(line: str, orig: str) -> tuple[str, str] | None:
    """A table row's first two cells as a labelled line, masked and as written
    ("| **Status** | Production |" reads as "- **Status**: Production"); None for a row
    with fewer cells, or the row under a table's header."""
    bars = [at for at, char in enumerate(line) if char == "|"]
    if len(bars) < 3:
        return None
    a, b, c = bars[0], bars[1], bars[2]
    label = line[a + 1 : b].strip()
    if not label or not label.strip("-: "):
        return None
    return (
        f"- {label}: {line[b + 1 : c].strip()}",
        f"- {orig[a + 1 : b].strip()}: {orig[b + 1 : c].strip()}",
    )


def undressed(text: str) -> str:
    """A value as a reader takes it: without an HTML comment (Obsidian shows none), a
    dash between it and its label, or emphasis or a code span around it."""
    value = _COMMENT.sub("", text).strip() if "<!--" in text else text.strip()
    if value[:2] in ("- ", "– ", "— "):
        value = value[2:].strip()
    if len(value) > 2 and value[0] in "*_`" and value[-1] == value[0]:
        inner = value.strip(value[0])
        if value[0] not in inner:  # one span around the whole value, not two inside it
            value = inner.strip()
    return value


def heading_text(rest: str) -> str:
    """A heading's text from the rest of its line after the opening #s and blanks:
    without the closing #s and blanks, as ``(.*?)[ \\t]*#*[ \\t]*$`` captures it."""
    return rest.rstrip(" \t").rstrip("#").rstrip(" \t")


#: What a heading line says, by the line as matched (the same few template headings
#: recur in every note): its level, where its text starts and ends in the line, and
#: whether it names documentation, components, an architecture or the Metadata footer.
#: No string is kept
#: (each note gets its own), so a note's strings are shared with nothing else, and the
#: caches written from them (marshal) hold the same bytes cold or warm.
_HEADINGS: dict[str, tuple[int, int, int, bool, bool, bool, bool]] = {}
_HEADINGS_KEPT = 4096


def read_heading(matched: str) -> tuple[str, str, int, bool, bool, bool, bool]:
    """(text, key in ``BodyFields.lines``, level, documents, components, architecture,
    metadata)."""
    info = _HEADINGS.get(matched)
    if info is None:
        marks = matched.lstrip("\n ")
        rest = marks.lstrip("#")
        after = rest.lstrip(" \t")
        kept = heading_text(after)
        text = kept.strip()
        low = text.lower()
        begin = len(matched) - len(after) + len(kept) - len(kept.lstrip())
        words = _HEADING_LEAD.sub("", low)  # "9. Documentation", "📚 Documentation"
        info = (
            len(marks) - len(rest),
            begin,
            begin + len(text),
            words.startswith("documentation"),
            "components" in low,
            "architecture" in low,
            words.rstrip(": ") == "metadata",
        )
        if len(_HEADINGS) < _HEADINGS_KEPT:
            _HEADINGS[matched] = info
    level, begin, end, documents, components, architecture, metadata = info
    text = matched[begin:end]
    return text, "heading:" + text.lower(), level, documents, components, architecture, metadata
