"""The parser's shortcuts give what its general paths give, on template-like notes.

Each shortcut is kept beside the general code it stands in for; hypothesis builds notes
from the integration template's pieces (headings, bold fields, labelled bullets,
numbered groups, fences, code spans, comments, quotes, links, tags, front matter) and
holds every shortcut to the general path on them.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from intgraph.model import TEMPLATE_PLACEHOLDER_LINKS
from intgraph.parse import _TAG, parse_text
from intgraph.parse.fastmask import mask, mask_simple, simple_applies
from intgraph.parse.fieldlines import heading_text, read_heading
from intgraph.parse.fields import _BOLD, _LABEL, _LABEL_SEP, read_bold, read_fields, read_label
from intgraph.parse.front import _handler, simple_yaml
from intgraph.parse.links import links_in_line, scan_links
from intgraph.parse.scan import backtick_spans, inline_spans_general, mask_blocks
from intgraph.parse.values import one_wikilink, refs_in, refs_in_general

PLACEHOLDERS = frozenset(TEMPLATE_PLACEHOLDER_LINKS)
#: The per-line patterns the whole-text searches replaced.
LINE_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
LAZY_LABEL = re.compile(
    r"^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\*\*)?([A-Za-z][\w ()/&'.-]{0,40}?)(?:\*\*)?"
    r"[ \t]*::?(?:\*\*)?(?:[ \t]+(.*?))?\s*$"
)
LINE_TAG = re.compile(r"(?:^|(?<=\s))#([^\s#!\"$%&'()*+,.:;<=>?@^`{|}~\[\]\\]+)")

SETTINGS = settings(
    max_examples=int(os.environ.get("INTGRAPH_FUZZ", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)

NAMES = st.sampled_from(
    [
        "Integration Overview",
        "Components",
        "Integration Architecture",
        "Documentation",
        "Technical Documentation",
        "Metadata",
        "Purpose and Scope",
        "Security",
        "Source System(s)",
        "Target System(s)",
        "Integration Layer",
        "Middleware",
        "[Integration Name]",
        "Notes #",
        "N/A",
        "",
    ]
)
LABELS = st.sampled_from(
    [
        "Integration ID",
        "Version",
        "Category",
        "Status",
        "Classification",
        "Name",
        "Role",
        "Interface",
        "Data",
        "Type",
        "Components",
        "Protocol",
        "Owner",
        "Runbook",
        "Architecture",
        "Metadata",
        "In Scope",
        "Next Review",
        "x",
    ]
)
VALUES = st.sampled_from(
    [
        "",
        "[[System A]]",
        " [[System A|Alias]] ",
        "[[System A#Part]]",
        "[[system_1]]",
        "[[integration_owner]]",
        "[[]]",
        "[[#Heading]]",
        "[[A]], [[B]]",
        "[[A]] and B",
        "Plain Name",
        "Plain (note), Other; Third & Fourth",
        "[Placeholder]",
        "N/A",
        "TBD",
        "-",
        "Production",
        "INT-2025-000001",
        "`code [[X]]`",
        "[doc](Some%20Doc.md)",
        "<% tp.date.now() %>",
        "**bold**",
        "x  ",
        "\u00a0",
        "https://example.com/a",
        "Role: nested label",
    ]
)
INLINE = st.sampled_from(
    [
        "text",
        "[[Target]]",
        "![[embed.png]]",
        "[x](Target.md)",
        "`[[Code]]`",
        "``a ` [[B]]``",
        "`",
        "\\`[[Esc]]\\`",
        "<!-- [[C]] -->",
        "#tag",
        "#123",
        "a#b",
        "[[A`b`]]",
        "**",
        "*",
        ":",
        "\t",
        "日本",
    ]
)
INDENTS = st.sampled_from(["", "", "", " ", "   ", "    ", "\t", "  \t"])


@st.composite
def piece(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 13))
    indent = draw(INDENTS)
    if kind == 0:
        hashes = "#" * draw(st.integers(1, 4))
        closing = draw(st.sampled_from(["", " #", " ##  ", "#"]))
        return f"{draw(st.sampled_from(['', ' ', '   ']))}{hashes} {draw(NAMES)}{closing}"
    if kind == 1:
        colon = draw(st.sampled_from([":", "**:", ":**", " :"]))
        value = draw(VALUES)
        if colon in (":", " :"):
            return f"**{draw(LABELS)}**{colon} {value}"
        return f"**{draw(LABELS)}{colon} {value}"
    if kind == 2:
        marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)"]))
        return f"{indent}{marker} {draw(LABELS)}: {draw(VALUES)}"
    if kind == 3:
        return f"{draw(st.integers(1, 4))}. {draw(NAMES)}"
    if kind == 4:
        char = draw(st.sampled_from("`~"))
        inside: list[str] = draw(st.lists(st.one_of(INLINE, piece()), max_size=3))
        fence = char * draw(st.integers(3, 4))
        closer = [fence] if draw(st.booleans()) else []
        info = draw(st.sampled_from(["", "json", "a`b"]))
        return "\n".join([indent + fence + info, *inside, *closer])
    if kind == 5:
        return draw(st.sampled_from(["**Metadata**", "*METADATA*", "*MetaData*", "* metadata"]))
    if kind == 6:
        return "---"
    if kind == 7:
        return "> " + " ".join(draw(st.lists(INLINE, max_size=3)))
    if kind == 8:
        return "<!--\n" + draw(INLINE) + "\n-->"
    if kind == 9:
        return ""
    if kind == 10:
        return f"- **{draw(LABELS)}**: {draw(VALUES)}"
    if kind == 11:
        return f"{indent}- [{draw(NAMES)}]"
    return indent + " ".join(draw(st.lists(INLINE, min_size=1, max_size=4)))


@st.composite
def note(draw: st.DrawFn) -> str:
    text = "\n".join(draw(st.lists(piece(), min_size=1, max_size=25)))
    if draw(st.booleans()):
        front = draw(
            st.sampled_from(
                [
                    "type: integration\n",
                    'source: "[[Fm Source]]"\ntags: [a, integration]\n',
                    "status: Live\nintegration_id: INT-1\n",
                    "tags: one, #two\n",
                    "aliases: [X]\n",
                ]
            )
        )
        text = f"---\n{front}---\n{text}"
    return text


@SETTINGS
@given(note())
def test_fast_mask_agrees_with_the_state_machine(text: str) -> None:
    lines = text.split("\n")
    full = mask_blocks(lines)
    assert mask(lines) == full
    if simple_applies(text):
        simple = mask_simple(lines, text)
        assert simple is None or simple == full


@SETTINGS
@given(note())
def test_skipping_stretches_reads_the_same_fields(text: str) -> None:
    lines = text.split("\n")
    masked = mask(lines)
    joined = "\n".join(masked)
    fast = read_fields(masked, 1, PLACEHOLDERS, lines, False, joined)
    slow = read_fields(masked, 1, PLACEHOLDERS, lines, False, joined, skip=False)
    assert fast == slow
    with_raw = read_fields(masked, 1, PLACEHOLDERS, lines, True, joined)
    with_raw.raw = []
    assert with_raw == fast  # the records apart, lint's reading gives the same fields


@SETTINGS
@given(note())
def test_links_in_one_pass_equal_links_line_by_line(text: str) -> None:
    lines = text.split("\n")
    masked = mask(lines)
    by_line = []
    for offset, line in enumerate(masked):
        raw = lines[offset] if lines[offset] is not line else None
        by_line.extend(links_in_line(line, 3 + offset, raw))
    assert scan_links(masked, 3, lines) == by_line


@SETTINGS
@given(note())
def test_whole_text_searches_equal_line_searches(text: str) -> None:
    lines = mask(text.split("\n"))
    per_line = [m.group(1) for line in lines for m in LINE_TAG.finditer(line)]
    assert [m.group(1) for m in _TAG.finditer("\n".join(lines))] == per_line
    for line in lines:
        lazy, greedy = LAZY_LABEL.match(line), _LABEL.match(line)
        assert (lazy is None) == (greedy is None)
        if lazy and greedy:
            assert lazy.group(1).strip() == greedy.group(1).strip()
            assert (lazy.group(2) or "") == (greedy.group(2) or "").rstrip()
            ends = [_LABEL_SEP.match(line, m.end(1)) for m in (lazy, greedy)]
            assert ends[0] is not None and ends[1] is not None
            assert ends[0].end() == ends[1].end()
        assert_label_reads(line)
        assert_bold_reads(line)
        head = LINE_HEADING.match(line)
        if head:
            rest = re.match(r" {0,3}#{1,6}[ \t]+", line)
            assert rest is not None
            assert heading_text(line[rest.end() :]) == head.group(2)
            for _ in range(2):  # once computed, once from the cache
                text, key, level, *_ = read_heading("\n" + line)
                assert (text, level) == (head.group(2).strip(), len(head.group(1)))
                assert key == "heading:" + text.lower()


def assert_label_reads(line: str) -> None:
    """:func:`read_label` reads ``line`` as :data:`_LABEL` does, twice (from its cache)."""
    m = _LABEL.match(line)
    expected = (m.group(1).strip(), (m.group(2) or "").rstrip(), m.end(1)) if m else None
    for _ in range(2):
        assert read_label(line, line.find(":")) == expected
    assert_own_strings(read_label(line, line.find(":")), read_label(*_copy(line, ":")))


def assert_bold_reads(line: str) -> None:
    """:func:`read_bold` reads ``line`` as :data:`_BOLD` does, twice (from its cache)."""
    m = _BOLD.match(line)
    expected = (m.group(1).strip(), m.group(2).rstrip(), m.end(1)) if m else None
    for _ in range(2):
        assert read_bold(line) == expected
    assert_own_strings(read_bold(line), read_bold(_copy(line, ":")[0]))


def _copy(line: str, mark: str) -> tuple[str, int]:
    """Another string object equal to ``line``, and where ``mark`` is in it."""
    other = (line + ".")[:-1]
    return other, other.find(mark)


def assert_own_strings(
    first: tuple[str, str, int] | None, second: tuple[str, str, int] | None
) -> None:
    """Two readings of equal lines share no string (a marshalled cache would depend on
    which notes a process read before): a label or value is the note's own."""
    assert first == second
    if first is not None and second is not None:
        for a, b in zip(first[:2], second[:2], strict=True):
            assert len(a) < 2 or a is not b


LABEL_PARTS = st.sampled_from(
    [" ", "\t", "-", "*", "+", "1.", "12)", "**", "Name", "a b", "(s)", ":", "::", "é", "x",
     "\u2028", "\x0c", "\r", "[[X]]", "/", "_", "'", "a" * 41]
)  # fmt: skip


@SETTINGS
@given(st.lists(LABEL_PARTS, max_size=10).map("".join))
@example("   - Name: [[SAP ERP]]")
@example("- **Status**:: **x")
@example("1. Role:**")
@example("- a::**x")
@example("- **Status**: Production")
@example("** **x")
@example("***a**")
@example("**a***")
def test_label_reading_equals_its_pattern(line: str) -> None:
    if ":" in line:
        assert_label_reads(line)
    assert_bold_reads(line)


@SETTINGS
@given(st.lists(st.sampled_from(["`", "``", "```", "a", " ", "\n", "[[X]]"]), max_size=12))
def test_backtick_pairing_equals_the_token_loop(parts: list[str]) -> None:
    text = "".join(parts)
    assert backtick_spans(text) == inline_spans_general(text)


@SETTINGS
@given(
    st.lists(st.sampled_from(["[", "[[", "]", "]]", " ", "\t", "\n", "a", "|", "#"]), max_size=6)
)
@example(["[[", "\n", "]]"])
@example(["[[", "a", "]]", "]"])
@example(["[[", "a", "]]", " "])
@example([" ", "[[", "]]"])
def test_one_wikilink_equals_its_pattern(parts: list[str]) -> None:
    value = "".join(parts)
    whole = re.fullmatch(r"\s*\[\[([^\[\]\n]*)\]\]\s*", value)
    assert one_wikilink(value) == (whole.group(1) if whole else None)


@SETTINGS
@given(VALUES, st.sampled_from(["", " ", "\t", "  "]))
def test_one_wikilink_shortcut_equals_the_general_reading(value: str, pad: str) -> None:
    padded = pad + value + pad
    assert refs_in(padded, 4, PLACEHOLDERS) == refs_in_general(padded, 4, PLACEHOLDERS)


@SETTINGS
@given(note())
def test_parse_is_deterministic_and_raw_only_adds_records(text: str) -> None:
    lean = parse_text("N.md", text, PLACEHOLDERS, (), False)
    full = parse_text("N.md", text, PLACEHOLDERS, (), True)
    assert lean == parse_text("N.md", text, PLACEHOLDERS, (), False)
    assert full.raw_fields is not None and lean.raw_fields is None
    assert lean.fields == full.fields and lean.links == full.links


YAML_WORDS = st.sampled_from(
    ["system", "ASSET00110", "Yes", "no", "ON", "Null", "y", "b  c", "1.0", "2024-01-01", "e"]
)
YAML_ODD = st.sampled_from(["", " ", "[[X]]", '"quoted"', "a: b", "- x", "v ", "x.y-z_"])
#: Characters a quoted value may hold, with those YAML escapes, refuses or breaks on.
QUOTED_TEXT = st.text(
    st.sampled_from(list("aZ0 #:-[]{},&*!|>%@`'\"\\\t\x00\x7f\x85\xa0é€\u2028\ufeff\U0001f600")),
    max_size=8,
)
YAML_DATES = st.sampled_from(["2024-06-01", "2024-02-30", "0000-01-01", "2024-6-1", "2024-06-01x"])
YAML_KEYS = st.sampled_from(
    ["type", "aliases", "tags", "on", "Key_1", "a b", "owner", "a  b", "x-y", "last-", "No"]
)


@st.composite
def yaml_scalar(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(YAML_WORDS)
    if kind == 3:
        return draw(YAML_DATES)
    quote = '"' if kind == 1 else "'"
    return f"{quote}{draw(QUOTED_TEXT)}{quote}"


@st.composite
def yaml_line(draw: st.DrawFn, odd: bool = True, key: str | None = None) -> str:
    key = key or draw(YAML_KEYS)
    kind = draw(st.integers(0, 5 if odd else 3))
    if kind == 0:
        return f"{key}: {draw(yaml_scalar())}"
    if kind == 1:
        words = draw(st.lists(YAML_WORDS, max_size=3))
        separator = draw(st.sampled_from([", ", ","]))
        return f"{key}: [{separator.join(words)}]"
    if kind == 2:
        return f"{key}: {draw(YAML_ODD)}" if odd else f"{key}:"
    if kind == 3:  # a bare key, with or without a block list under it
        indents = st.sampled_from(["", "  ", "    ", " \t"])
        if odd:
            spaces = draw(st.lists(indents, max_size=3))
        else:
            spaces = [draw(indents).strip("\t")] * draw(st.integers(0, 3))
        items = [f"{indent}- {draw(yaml_scalar())}" for indent in spaces]
        return "\n".join([f"{key}:", *items])
    if kind == 4:
        return f"- {draw(yaml_scalar())}"
    return draw(st.sampled_from(["", "# comment", "  nested: x"]))


@SETTINGS
@given(
    st.lists(yaml_line(), max_size=5)
    | st.tuples(*(yaml_line(odd=False, key=f"{k}ey {n}") for n, k in enumerate("kKpTa"))).map(list)
)
def test_simple_front_matter_reads_as_yaml_reads_it(fm_lines: list[str]) -> None:
    fm_lines = "\n".join(fm_lines).split("\n")
    simple = simple_yaml(fm_lines)
    if simple is not None:
        assert simple == (_handler().load("\n".join(fm_lines)) or {})


def test_a_footer_opened_in_capitals_is_not_skipped() -> None:
    """A stretch between headings that opens the footer with ``*METADATA*`` (no ``**``,
    no lower-case "etadata") is read, not skipped: its owner is the note's owner."""
    text = (
        "# T\n\n## Integration Overview\n**Integration ID**: INT-1\n**Version**: 1\n"
        "**Category**: x\n**Status**: Production\n**Classification**: Internal\n\n"
        "## Notes\nSome prose.\n\n*METADATA*\n- Owner: [[Person A]]\n\n## Later\nText."
    )
    lines = text.split("\n")
    fast = read_fields(lines, 1, PLACEHOLDERS, lines, False, text)
    assert fast == read_fields(lines, 1, PLACEHOLDERS, lines, False, text, skip=False)
    assert fast.owner is not None and fast.owner.text == "Person A"
