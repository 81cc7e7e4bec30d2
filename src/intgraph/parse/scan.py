"""One linear pass over a note body that blanks out code and comments.

``mask_blocks`` returns the body lines with fenced and indented code blocks, inline
code spans and HTML comments replaced by spaces (whole blanked lines become empty), so
later regexes see only text that Obsidian treats as Markdown. Line numbers and the
positions within kept lines are preserved. :func:`intgraph.parse.fastmask.mask` is
the entry point: it answers the common note without this state machine.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^((?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))")
_ITEM_AT = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
_BACKTICKS = re.compile(r"`+")
_QUOTE = re.compile(r"^(?: {0,3}>[ ]?)+")
_ITEM_START = frozenset("-+*0123456789")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_INLINE_MARK = re.compile(r"\\.|`+|<!--", re.DOTALL)


def _indent(line: str) -> tuple[int, str]:
    """Return the indentation width (tabs to 4) and the rest of the line."""
    width = 0
    for i, ch in enumerate(line):
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            return width, line[i:]
    return width, ""


def _blank(text: str) -> str:
    if "\n" not in text:
        return " " * len(text)
    return re.sub(r"[^\n]", " ", text)


def mask_inline(text: str) -> str:
    """Blank inline code spans and HTML comments in one paragraph (lines joined by LF)."""
    return inline_spans(text)[0]


def inline_spans(text: str) -> tuple[str, bool]:
    """(masked paragraph, whether a backtick run was left unpaired)."""
    if "<!--" not in text:
        if "`" not in text:
            return text, False
        if "\\" not in text:
            return backtick_spans(text)
    return inline_spans_general(text)


def inline_spans_general(text: str) -> tuple[str, bool]:
    """:func:`inline_spans` by the token loop, for any text."""
    out: list[str] = []
    done = 0
    unpaired = False
    pos = 0
    while True:
        m = _INLINE_MARK.search(text, pos)
        if m is None:
            break
        token = m.group(0)
        if token[0] == "\\":
            pos = m.end()
            continue
        if token[0] == "`":
            width = len(token)
            close = _BACKTICKS.search(text, m.end())
            while close is not None and close.end() - close.start() != width:
                close = _BACKTICKS.search(text, close.end())
            if close is None:
                unpaired = True
                pos = m.end()
                continue
            end = close.end()
        else:
            end = text.find("-->", m.end())
            if end == -1:
                pos = m.end()
                continue
            end += 3
        out.append(text[done : m.start()])
        out.append(_blank(text[m.start() : end]))
        done = pos = end
    out.append(text[done:])
    return "".join(out), unpaired


def backtick_spans(text: str) -> tuple[str, bool]:
    """:func:`inline_spans` of a text without backslashes or HTML comments: every
    backtick run is then a token, paired with the next run of the same width."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    out: list[str] = []
    done = 0
    unpaired = False
    count = len(runs)
    index = 0
    while index < count:
        start, end = runs[index]
        width = end - start
        close = index + 1
        while close < count and runs[close][1] - runs[close][0] != width:
            close += 1
        if close == count:
            unpaired = True
            index += 1
            continue
        end = runs[close][1]
        out.append(text[done:start])
        out.append(_blank(text[start:end]))
        done = end
        index = close + 1
    out.append(text[done:])
    return "".join(out), unpaired


def _quote(line: str) -> tuple[int, str]:
    """Blockquote depth of a line and its content after the ``>`` markers."""
    stripped = line.lstrip(" ")
    if not stripped.startswith(">") or len(line) - len(stripped) > 3:
        return 0, line
    m = _QUOTE.match(line)
    assert m is not None
    return m.group(0).count(">"), line[m.end() :]


def fence_closes(rest: str, fence: Fence) -> bool:
    """True when ``rest`` (a line after its indentation) closes ``fence``."""
    m = _FENCE.match(rest)
    return bool(
        m
        and m.group(1)[0] == fence.char
        and len(m.group(1)) >= fence.size
        and not m.group(2).strip()
    )


@dataclass
class _Item:
    marker: int
    content: int
    kind: str


@dataclass
class Fence:
    """An open code fence: its character and width, and its container's quote depth
    and content column."""

    char: str
    size: int
    depth: int
    base: int


def mask_blocks(lines: list[str]) -> list[str]:
    """Return ``lines`` with code blocks, code spans and HTML comments blanked, by the
    full block state machine (:func:`intgraph.parse.fastmask.mask` is the entry point,
    which takes a shortcut for the common note).

    Lines that need no change are returned as the same string objects.
    """
    out: list[str] = list(lines)
    para: list[int] = []
    para_code = False
    lists: list[_Item] = []
    fence: Fence | None = None
    comment_depth = -1
    depth_now = 0
    prev_blank = True
    empty_item = False

    def flush() -> None:
        nonlocal para_code
        if para_code:
            joined = mask_inline("\n".join(out[i] for i in para))
            for i, masked in zip(para, joined.split("\n"), strict=True):
                out[i] = masked
        para.clear()
        para_code = False

    for idx, line in enumerate(lines):
        if "\t" in line:
            line = line.expandtabs(4)  # CommonMark's tab stops: every 4 columns of the line
        depth, content = _quote(line) if ">" in line else (0, line)
        stripped = content.lstrip(" ")
        if stripped.startswith("\t"):
            width, rest = _indent(content)
        else:
            width, rest = len(content) - len(stripped), stripped
        if fence is not None:
            outer = len(line) - len(line.lstrip(" ")) if depth > fence.depth else width
            if depth < fence.depth or (rest and outer < fence.base):
                fence = None  # the container (quote or list item) ended, and the fence with it
            else:
                out[idx] = ""
                if (
                    depth == fence.depth
                    and width < fence.base + 4
                    and rest[:1] == fence.char
                    and fence_closes(rest, fence)
                ):
                    fence = None
                continue
        if comment_depth >= 0:
            if depth < comment_depth:
                comment_depth = -1
            else:
                out[idx] = ""
                if "-->" in content:
                    comment_depth = -1
                continue
        if depth != depth_now:
            if rest and depth < depth_now and para and not _starts_block(rest, width, False, []):
                para.append(idx)  # a lazy continuation line of the quoted paragraph
                para_code = para_code or "`" in line or "<!--" in line
                continue
            flush()
            lists.clear()
            depth_now = depth
            prev_blank = True
        if not rest:
            flush()
            prev_blank = True
            if empty_item and lists:
                lists.pop()  # an item may begin with at most one blank line
            empty_item = False
            continue
        empty_item = False
        continuing = bool(para) and not prev_blank
        inner = _container(lists, width)
        if (
            width - inner < 4
            and rest[0] in "=-*_"
            and (
                (
                    continuing
                    and width >= (lists[-1].content if lists else 0)
                    and _SETEXT.match(rest)
                )
                or _THEMATIC.match(rest)
            )
        ):
            # A setext underline ends its paragraph; a thematic break is never a list item.
            flush()
            prev_blank = True
            continue
        item = _item(rest, width, continuing, lists) if rest[0] in _ITEM_START else None
        interrupts = continuing and (
            item is not None or _starts_block(rest, width, continuing, lists)
        )
        if not continuing or interrupts:
            while lists and width < lists[-1].content:
                lists.pop()
        base = lists[-1].content if lists else 0
        if interrupts and width >= base + 4:
            flush()  # the paragraph ended with its container; here the line is indented code
        if not para and width >= base + 4:
            out[idx] = ""
            prev_blank = False
            continue
        prev_blank = False
        first = rest[0]
        if width < base + 4:
            if first in "`~":
                m = fence_opening(rest)
                if m:
                    flush()
                    fence = Fence(m.group(1)[0], len(m.group(1)), depth, base)
                    out[idx] = ""
                    continue
            elif first == "<" and rest.startswith("<!--"):
                flush()
                out[idx] = ""
                comment_depth = depth if "-->" not in rest[4:] else -1
                continue
            if item is not None:
                flush()
                # Markers nested on one line ("- - - x"): walk them by position, never
                # copying or rescanning the rest of the line, so depth costs linear time.
                group = item.group(1)
                pos = 0
                filled = len(rest.rstrip())  # the content from pos is blank when pos >= filled
                tails: dict[str, int] = {}
                while True:
                    end = pos + len(group)
                    marker = group.rstrip()
                    code_first = end < filled and len(group) - len(marker) >= 5
                    # An empty item, or one opening with indented code, is one column wide.
                    size = len(marker) + 1 if code_first or end >= filled else len(group)
                    lists.append(_Item(width, width + size, _kind(group)))
                    if code_first:
                        break
                    nested = (
                        _ITEM_AT.match(rest, end) if rest[end : end + 1] in _ITEM_START else None
                    )
                    if nested is None or _rule_from(rest, end, tails):
                        break
                    width, pos, group = width + size, end, nested.group(0)
                if code_first:
                    out[idx] = ""
                    continue
                content = rest[end:]
                if content.startswith("<!--"):
                    # An HTML comment block inside the item: the whole line is raw HTML.
                    out[idx] = ""
                    comment_depth = depth if "-->" not in content[4:] else -1
                    continue
                opening = fence_opening(content) if content[:1] in ("`", "~") else None
                if opening:
                    out[idx] = ""
                    fence = Fence(opening.group(1)[0], len(opening.group(1)), depth, width + size)
                    continue
                if content.strip():
                    para.append(idx)
                    para_code = "`" in line or "<!--" in line
                else:
                    empty_item = True
                continue
            elif first == "#" and _HEADING.match(rest):
                flush()
                para.append(idx)
                para_code = "`" in line or "<!--" in line
                flush()
                continue
        para.append(idx)
        para_code = para_code or "`" in line or "<!--" in line
    flush()
    return out


def _content_of(item: _Item) -> int:
    return item.content


def _marker_of(item: _Item) -> int:
    return item.marker


def _container(lists: list[_Item], width: int) -> int:
    """The content column of the innermost open item a line indented ``width`` belongs to
    (0 for none). Open items nest, so their content columns increase: a binary search."""
    index = bisect_right(lists, width, key=_content_of)
    return lists[index - 1].content if index else 0


def _rule_from(rest: str, pos: int, tails: dict[str, int]) -> bool:
    """True when ``rest[pos:]`` is a thematic break. ``tails`` remembers, per character,
    where the line's trailing run of it (and blanks) begins, so that asking at every
    marker of a line costs linear time in all."""
    char = rest[pos : pos + 1]
    if char not in ("-", "*", "_"):
        return False
    if char not in tails:
        tails[char] = len(rest.rstrip(" \t" + char))
    # Only that character and blanks up to the end, at least three times.
    return tails[char] <= pos and rest.count(char, pos) >= 3


def _starts_block(rest: str, width: int, continuing: bool, lists: list[_Item]) -> bool:
    """True when a line (after indentation) opens a new block rather than continuing text."""
    if width >= (lists[-1].content if lists else 0) + 4:
        return False
    first = rest[0]
    if first in "`~":
        return fence_opening(rest) is not None
    if first in _ITEM_START:
        return _item(rest, width, continuing, lists) is not None
    return (first == "#" and bool(_HEADING.match(rest))) or rest.startswith("<!--")


def fence_opening(rest: str) -> re.Match[str] | None:
    """A fence opener (a backtick fence's info string may hold no backtick)."""
    m = _FENCE.match(rest)
    if m and m.group(1)[0] == "`" and "`" in m.group(2):
        return None
    return m


def _kind(marker: str) -> str:
    marker = marker.strip()
    return marker if marker in ("-", "+", "*") else marker[-1]


def _item(rest: str, width: int, continuing: bool, lists: list[_Item]) -> re.Match[str] | None:
    """The list-item marker of a line, or None when CommonMark reads the line as text.

    While a paragraph continues, only a sibling item of an open list, or a new list
    starting with a bullet or with 1, that has content, may interrupt it.
    """
    if continuing:
        # As CommonMark's reference parsers test a line against the paragraph's own
        # item: indented code there, or (the second test) text continuing it when it is
        # indented 4 past the content of the item that holds that item's list, but
        # short of its content.
        block = lists[-1].content if lists else 0
        holder = (lists[-2].content if len(lists) > 1 else 0) if lists else -1
        if width - block >= 4 or (holder >= 0 and width - holder >= 4 and width < block):
            return None
    elif width >= _container(lists, width) + 4:
        return None  # too deep to be a marker of any open container: text or code
    m = _LIST_ITEM.match(rest)
    if m is None or not continuing:
        return m
    kind = _kind(m.group(1))
    index = bisect_right(lists, width, key=_marker_of) - 1
    if index >= 0 and width < lists[index].content:  # the open item whose marker is at hand
        parent = lists[index - 1].content if index else 0
        if lists[index].kind == kind and width < parent + 4:
            return m
    if lists and width < lists[-1].content:
        return m  # outside the open item: not an interruption of its paragraph
    marker = m.group(1).strip()
    if not rest[m.end() :].strip() or (kind in ".)" and marker[:-1].lstrip("0") != "1"):
        return None
    return m
