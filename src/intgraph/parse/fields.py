"""Read the integration template's fields from a note's masked body lines."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import chain
from sys import intern

from intgraph.model import LINT_HEADINGS, Endpoint, Field, Ref
from intgraph.parse.fieldlines import (
    DRESSED,
    NAME_LABELS,
    OVERVIEW,
    group_kind,
    group_name,
    names_in,
    plain_label,
    read_heading,
    table_row,
    undressed,
)
from intgraph.parse.links import WIKILINK, split_wikilink
from intgraph.parse.values import (
    clean,
    is_placeholder_link,
    is_unset,
    one_wikilink,
    owner_in,
    refs_in,
)

# A heading line, searched in "\n" + text + "\n" (a line start is found far faster as a
# literal "\n" than as a MULTILINE "^").
# The text is taken whole and its closing #s cut off by heading_text.
_HEADING_LINE = re.compile(r"\n {0,3}(#{1,6})[ \t]+([^\n]*)")
_HEADING_AT_0 = re.compile(r"\n#(?:#{0,5})[ \t]+[^\n]*")  # "\n#" is searched as a literal
# A bold label and a labelled line, as the template's fields are written: the grammar
# read_bold and read_label read (matching each distinct head once); the tests hold them
# to these. Values are matched greedily and right-stripped, which is what a lazy
# "(.*?)\s*$" gives, several times faster.
_BOLD = re.compile(r"^\s*(?:[-*+][ \t]+)?\*\*([^*\n]+?):?\*\*[ \t]*:?[ \t]*(.*)$")
# The label is matched greedily: it holds no ":" or "*", so this finds the lines a lazy
# label finds, with only the blanks before the colon added (label.strip() drops them).
_LABEL = re.compile(
    r"^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\*\*)?([A-Za-z][\w ()/&'.-]{0,40})(?:\*\*)?"
    r"[ \t]*::?(?:\*\*)?(?:[ \t]+(.*))?\s*$"
)
# What :data:`_BOLD` matches up to the label's closing **.
_BOLD_HEAD = re.compile(r"\s*(?:[-*+][ \t]+)?\*\*([^*\n]+?):?\*\*")
# What :data:`_LABEL` matches up to the line's first colon (the only one it can match).
_LABEL_HEAD = re.compile(
    r"\s*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\*\*)?([A-Za-z][\w ()/&'.-]{0,40})(?:\*\*)?[ \t]*:"
)
_BOLD_SEP = re.compile(r":?\*\*[ \t]*:?")
_LABEL_SEP = re.compile(r"(?:\*\*)?[ \t]*::?(?:\*\*)?")
_STARTS = frozenset("#*-+[0123456789")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)][ \t]+(.*)$")
_PLACEHOLDER_LINE = re.compile(r"^\s*(?:[-*+][ \t]+)?\[[^\[\]]+\]\s*$")
_OVERVIEW_KEYS = tuple(OVERVIEW.values())


@dataclass
class BodyFields:
    """What the body says, before front matter is applied."""

    title: str | None = None
    overview: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    sources: list[Endpoint] = field(default_factory=list)
    targets: list[Endpoint] = field(default_factory=list)
    layer: dict[str, str] = field(default_factory=dict)
    middleware: list[Ref] = field(default_factory=list)
    documents: list[tuple[str, Ref]] = field(default_factory=list)
    metadata: list[tuple[str, str]] = field(default_factory=list)
    owner: Ref | None = None
    raw: list[Field] = field(default_factory=list)
    #: The lines of every labelled field in the Metadata footer.
    meta_lines: list[int] = field(default_factory=list)
    #: True when some line is labelled Integration ID (whatever its value).
    id_label: bool = False


def read_fields(
    lines: list[str],
    first_line: int,
    placeholders: Collection[str],
    original: list[str] | None = None,
    raw: bool = True,
    text: str | None = None,
    skip: bool = True,
) -> BodyFields:
    """Extract title, overview, Components, Documentation and Metadata.

    ``lines`` are the masked body lines: structure and links are read from them
    (``text``, when given, is ``"\\n".join(lines)``). Values are shown as written in
    ``original`` (the unmasked lines), so a value in a code span is kept, while links
    inside code never count. With ``raw`` false, the per-field records that only lint
    reads (``BodyFields.raw``) are not made, and lines no graph field can come from
    are skipped early: whole stretches between headings when ``skip`` (tests turn it
    off to hold the shortcut to the line-by-line reading).
    """
    original = original if original is not None else lines
    source = "\n" + (text if text is not None else "\n".join(lines)) + "\n"
    out = BodyFields()
    section = ""
    subsection: str | None = None
    group: str | None = None
    in_metadata = False
    in_documents = False
    endpoints: dict[str, list[list[object]]] = {"source": [], "target": []}
    # Without raw records, a bullet outside the Components groups, Documentation and
    # Metadata can only matter as the first of an overview label; once all are seen,
    # such bullets (unless bold: "- **Metadata**" opens the footer) are skipped unread.
    skippable = False
    overview_seen = False
    # Headings are found in one search. The stretch of lines before each (and after the
    # last) is read line by line when the heading that opened it leaves anything there
    # to read.
    lines_of = out.lines
    start = 0  # the stretch's first line
    low = 0  # where in source the line end before it is
    index = 0  # the line of source[cursor + 1]
    cursor = 0
    # Whether the section names an architecture and the subsection names components.
    architecture = components = False
    headings = _HEADING_LINE if " #" in source else _HEADING_AT_0
    for head in chain(headings.finditer(source), (None,)):
        if head is None:
            stop = len(lines)
        else:
            high = head.start()
            index += source.count("\n", cursor, high)
            cursor = high
            stop = index
            if (
                skip
                and skippable
                and group is None
                and not (architecture or components)
                and source.find("**", low, high) == -1
                and not _may_open_metadata(source, low, high)
            ):
                stop = start  # only lint's records could come from these lines
        for offset in range(start, stop):
            line = lines[offset]
            orig = original[offset]
            first = line.lstrip()[:1]
            if first == ">":  # a quote or callout: its lines read as any others
                cut = len(line) - len(line.lstrip(" \t>"))
                line, orig = line[cut:], orig[cut:]
                first = line[:1]
            if first == "|":  # a table row: | Status | Production |
                row = table_row(line, orig)
                if row is None:
                    continue
                line, orig = row
                first = "-"
            elif (
                first
                and first not in _STARTS
                and ":" in line
                and (not overview_seen or in_metadata or architecture or components)
                and plain_label(line, in_metadata)
            ):  # a label without a bullet: "Status: Production"
                line, orig = "- " + line, "- " + orig
                first = "-"
            if not first or first not in _STARTS:
                continue
            if (
                skippable
                and first == "-"
                and group is None
                and not (architecture or components)
                and "**" not in line
            ):
                continue
            line_no = first_line + offset
            bold = read_bold(line) if "**" in line else None
            bold_value = bold[1] if bold else ""
            if (bold and not bold_value and bold[0].lower() == "metadata") or (
                first == "*" and line.strip().strip("*_: ").lower() == "metadata"
            ):
                section, subsection, group = "Metadata", None, None
                in_metadata, in_documents = True, False
                architecture = components = False
                skippable = False
                continue
            label: str | None = None
            value = ""
            value_text = ""
            if bold:
                label, value = bold[0], bold_value
                same = line is orig
                value_text = value if same else _after(_BOLD_SEP, orig, bold[2])
            else:
                colon = line.find(":")
                lab = read_label(line, colon) if colon >= 0 else None
                if lab is not None:
                    label, value, label_end = lab
                    same = line is orig
                    value_text = value if same else _after(_LABEL_SEP, orig, label_end)
                else:
                    num = _NUMBERED.match(line)
                    if num:
                        group = (
                            group_kind(num.group(1).rstrip())
                            if architecture or components
                            else None
                        )
                        continue
                    if (architecture or components) and first in "-*+":
                        kind = group_name(line.lstrip()[1:])  # "- Source System(s)"
                        if kind is not None:
                            group = kind
                            continue
            if label is None:
                if raw and _PLACEHOLDER_LINE.match(line):
                    out.raw.append(
                        Field(
                            section, subsection, subsection or section, line.strip(), line_no, True
                        )
                    )
                continue
            if value_text and (value_text[0] in DRESSED or "<!--" in value_text):
                value_text = undressed(value_text)
            key = label.lower()
            if key == "integration id":
                out.id_label = True
            if in_metadata:
                out.meta_lines.append(line_no)
            elif (
                not raw
                and group is None
                and key not in OVERVIEW
                and not in_documents
                and not (architecture or components)
            ):
                continue  # only lint reads this field, and only as a raw record
            # Unset: a placeholder value. Only lint's records need it for every field.
            unset: bool | None = None
            kind = group_name(key) if architecture or components else None
            if raw and (kind is None or value_text):  # a group's opening line is no field
                unset = _unset(value_text, value, placeholders)
                if unset or key in OVERVIEW or in_metadata:
                    out.raw.append(
                        Field(*_interned(section, subsection, label), value_text, line_no, unset)
                    )
            overview = OVERVIEW.get(key)
            if overview is not None and bold is None and line[:1] in " \t":
                overview = None  # a nested bullet: a group's own field ("- Version: 2.0")
            if overview is not None and overview not in out.lines and not in_metadata:
                out.lines[overview] = line_no
                if not (_unset(value_text, value, placeholders) if unset is None else unset):
                    out.overview[overview] = value_text.strip()
                if not raw and not overview_seen:
                    overview_seen = all(k in out.lines for k in _OVERVIEW_KEYS)
                skippable = overview_seen and not in_metadata and not in_documents
                continue
            if in_metadata:
                if not (_unset(value_text, value, placeholders) if unset is None else unset):
                    out.metadata.append((label, value_text.strip()))
                if key == "owner" and out.owner is None:
                    out.owner = owner_in(value, line_no, placeholders)
                continue
            if in_documents:
                out.documents.extend((label, r) for r in refs_in(value, line_no, placeholders))
                continue
            if kind is not None:
                # "1. Source System(s): [[SAP ERP]]", "- **Target System**: ...",
                # "**Source Systems:**" above its bullets: the group, with its systems
                # when the line names them.
                group = kind
                if kind == "layer":
                    out.middleware.extend(names_in(value, value_text, line_no, placeholders))
                elif value.strip() or value_text:
                    found = names_in(value, value_text, line_no, placeholders)
                    if found:
                        out.lines.setdefault(kind, line_no)
                        endpoints[kind].append([found, {}])
                continue
            if group in ("source", "target"):
                bucket = endpoints[group]
                if key in NAME_LABELS:
                    out.lines.setdefault(group, line_no)
                    bucket.append([names_in(value, value_text, line_no, placeholders), {}])
                elif bucket and key in ("role", "interface", "data"):
                    details = bucket[-1][1]
                    assert isinstance(details, dict)
                    details[key] = clean(value_text)
            elif group == "layer":
                if key == "components":
                    out.middleware.extend(names_in(value, value_text, line_no, placeholders))
                elif not (_unset(value_text, value, placeholders) if unset is None else unset):
                    out.layer[key] = value_text.strip()
        if head is None:
            break
        heading, key, level, documents, has_components, has_architecture, metadata = read_heading(
            head.group(0)
        )
        if key in LINT_HEADINGS:
            lines_of.setdefault(key, first_line + index)
        if metadata:  # the footer under a heading of its own, at any level
            section, subsection, group = "Metadata", None, None
            in_metadata, in_documents = True, False
            architecture = components = False
        elif level == 1:
            if out.title is None and not is_unset(heading):
                out.title = heading
        elif level == 2:
            section, subsection, group = heading, None, None
            in_metadata = False
            in_documents = documents
            architecture, components = has_architecture, has_components
        else:
            kind = group_name(heading) if architecture or components else None
            subsection, group = heading, kind
            if kind is None:  # a group heading keeps the Components it lies under
                components = has_components
        if not raw and not overview_seen:
            overview_seen = all(key in lines_of for key in _OVERVIEW_KEYS)
        skippable = overview_seen and not in_metadata and not in_documents
        start, low = index + 1, head.end()
    for kind, target in (("source", out.sources), ("target", out.targets)):
        for refs, details in endpoints[kind]:
            assert isinstance(refs, list) and isinstance(details, dict)
            for ref in refs:
                target.append(
                    Endpoint(
                        ref, details.get("role"), details.get("interface"), details.get("data")
                    )
                )
    return out


def read_label(line: str, colon: int) -> tuple[str, str, int] | None:
    """(label, value, where the label ends) of a labelled line, as :data:`_LABEL` reads
    them (its first group stripped, its second right-stripped); None when it matches
    not. ``colon`` is where the line's first colon is. What comes before the colon
    decides the label, and the same few heads ("   - Name:") recur in every note: each
    is matched once."""
    known = _head(line[: colon + 1], _LABEL_HEAD)
    if known is None:
        return None
    rest = line[colon + 1 :]
    if rest[:1] == ":":
        rest = rest[1:]
    if rest[:2] == "**":
        rest = rest[2:]
    if rest[:1] == " " or rest[:1] == "\t":
        return line[known[0] : known[1]], rest.lstrip(" \t").rstrip(), known[2]
    if not rest or rest.isspace():
        return line[known[0] : known[1]], "", known[2]
    return None


def read_bold(line: str) -> tuple[str, str, int] | None:
    """(label, value, where the label ends) of a line with a bold label, as :data:`_BOLD`
    reads them (its first group stripped, its second right-stripped); None when it
    matches not. The label opens at the line's first ** and closes at the next (it
    holds no *): that head is matched once per distinct head, as in :func:`read_label`."""
    opening = line.find("**")
    closing = line.find("**", opening + 2) if opening >= 0 else -1
    if closing < 0:
        return None
    known = _head(line[: closing + 2], _BOLD_HEAD)
    if known is None:
        return None
    rest = line[closing + 2 :].lstrip(" \t")
    if rest[:1] == ":":
        rest = rest[1:].lstrip(" \t")
    return line[known[0] : known[1]], rest.rstrip(), known[2]


def _head(head: str, pattern: re.Pattern[str]) -> tuple[int, int, int] | None:
    """Where in ``head`` its label starts and stops (stripped) and where ``pattern``'s
    first group ends, or None when ``pattern`` does not match all of it; remembered.
    Positions only are kept, never a string: each note slices its own, so no object is
    shared between notes and the caches marshalled from them do not depend on which
    notes a process read before."""
    if head in _HEADS:
        return _HEADS[head]
    m = pattern.fullmatch(head)
    known = None
    if m is not None:
        label = m.group(1)
        start = m.start(1) + len(label) - len(label.lstrip())
        known = (start, start + len(label.strip()), m.end(1))
    if len(_HEADS) < _HEADS_KEPT:
        _HEADS[head] = known
    return known


#: :func:`_head` of the heads :func:`read_label` and :func:`read_bold` have seen so far (a
#: bounded number of them). A head of one ends with a colon, of the other with **.
_HEADS: dict[str, tuple[int, int, int] | None] = {}
_HEADS_KEPT = 8192


def _may_open_metadata(source: str, low: int, high: int) -> bool:
    """Whether a line of ``source[low:high]``, which holds no ``**``, may open the
    Metadata footer: one that starts with ``*`` and says "metadata" in any case
    (``*METADATA*``). Searched as a literal first: nearly every note writes it so."""
    if source.find("etadata", low, high) != -1:
        return True
    return source.find("*", low, high) != -1 and _METADATA.search(source, low, high) is not None


_METADATA = re.compile("metadata", re.IGNORECASE)


def _unset(text: str, value: str, placeholders: Collection[str]) -> bool:
    """True when a field's value (as written, and as masked) is a placeholder."""
    return is_unset(text) or _only_placeholder_links(value, placeholders)


def _interned(section: str, subsection: str | None, label: str) -> tuple[str, str | None, str]:
    """The same few names recur in every note: share one string each."""
    return intern(section), intern(subsection) if subsection else None, intern(label)


def _after(separator: re.Pattern[str], line: str, label_end: int) -> str:
    """The value as written: the rest of ``line`` after the label and its separator."""
    m = separator.match(line, label_end)
    return line[m.end() if m else label_end :].strip()


def _only_placeholder_links(value: str, placeholders: Collection[str]) -> bool:
    """True when the value's links are all template placeholders (and it has some)."""
    if "[[" not in value:
        return False
    inner = one_wikilink(value)
    if inner is not None:  # the common case, answered as below
        target = split_wikilink(inner)[0]
        return not target or is_placeholder_link(target, placeholders)
    targets = [split_wikilink(m.group(2))[0] for m in WIKILINK.finditer(value)]
    if not targets or not all(not t or is_placeholder_link(t, placeholders) for t in targets):
        return False
    return not any(ch.isalnum() for ch in WIKILINK.sub("", value))
