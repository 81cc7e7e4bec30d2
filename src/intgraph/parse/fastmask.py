"""The entry point of code masking, with a shortcut for the common note.

Most notes have no indented code, block quote, HTML comment or nested fence; their
fences start at column 0 and their code spans open and close on one line. For them
:func:`mask_simple` visits only the lines that start with ``~`` or hold a backtick
and gives what the block state machine (:func:`intgraph.parse.scan.mask_blocks`)
gives. Every other note goes through the state machine.
"""

from __future__ import annotations

import re

from intgraph.parse.scan import Fence, fence_closes, fence_opening, inline_spans, mask_blocks

# Searched in "\n" + text: a leading "\n" stands for a line start, which the regex
# engine finds far faster than a MULTILINE "^".
_INDENTED = re.compile(r"\n[ >]*(?:(?:[-+*]|\d{1,9}[.)])[ \t])*(?:    |\t)")
_QUOTED = re.compile(r"\n {0,3}>")
# What may stand before a fence on its line for the fence to be nested or indented.
_FENCE_PREFIX = re.compile(r"(?: {1,3}|[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+)")


def indented(text: str) -> bool:
    """True when some line may open indented code: indented four columns or more
    (tabs to 4), after any quote markers and list markers."""
    expanded = text.expandtabs(4) if "\t" in text else text
    return "    " in expanded and _INDENTED.search("\n" + expanded) is not None


def simple_applies(text: str) -> bool:
    """True when :func:`mask_simple` may be tried: no HTML comment, no line indented
    four or more, no quoted line, and no fence indented or opened by a list item."""
    if ("<" in text and "<!--" in text) or indented(text):
        return False
    if ">" in text and _QUOTED.search("\n" + text):
        return False
    if "`" in text and _nested_fence(text, "```"):
        return False
    return not ("~" in text and _nested_fence(text, "~~~"))


def _nested_fence(text: str, run: str) -> bool:
    """True when some line holds ``run`` after an indentation of 1-3 spaces, or after
    list markers and blanks (``_FENCE_PREFIX``), as a MULTILINE search would find."""
    pos = text.find(run)
    while pos != -1:
        start = text.rfind("\n", 0, pos) + 1
        if start < pos and _FENCE_PREFIX.fullmatch(text, start, pos):
            return True
        end = pos + 3
        while text.startswith(run[0], end):
            end += 1
        pos = text.find(run, end)
    return False


def _candidates(text: str) -> list[int]:
    """The start offsets, in order, of the lines that hold a backtick or start with ``~~~``."""
    starts: set[int] = set()
    pos = text.find("`")
    while pos != -1:
        starts.add(text.rfind("\n", 0, pos) + 1)
        end = text.find("\n", pos)
        if end == -1:
            break
        pos = text.find("`", end)
    pos = text.find("~~~") if "~" in text else -1
    while pos != -1:
        if pos == 0 or text[pos - 1] == "\n":
            starts.add(pos)
        pos = text.find("~~~", pos + 3)
    return sorted(starts)


def mask(lines: list[str]) -> list[str]:
    """Return ``lines`` with code blocks, code spans and HTML comments blanked.

    Lines that need no change are returned as the same string objects.
    """
    text = "\n".join(lines)
    if "`" not in text and "~~~" not in text and "<!--" not in text and not indented(text):
        return lines  # nothing to mask (checked in this order: "in" is fastest)
    simple = mask_simple(lines, text) if simple_applies(text) else None
    return simple if simple is not None else mask_blocks(lines)


def mask_simple(lines: list[str], text: str) -> list[str] | None:
    """The masked lines of a note for which :func:`simple_applies` holds, or None when a
    code span does not close on its line (the state machine must then decide)."""
    out = list(lines)
    index = 0  # the line that starts at text[cursor]
    cursor = 0
    fence: Fence | None = None
    fence_start = 0
    for start in _candidates(text):
        index += text.count("\n", cursor, start)
        cursor = start
        line = lines[index]
        first = line[:1]
        if fence is not None:
            if first == fence.char and fence_closes(line, fence):
                out[fence_start : index + 1] = [""] * (index + 1 - fence_start)
                fence = None
            continue
        if first == "`" or first == "~":
            opening = fence_opening(line)
            if opening:
                fence = Fence(opening.group(1)[0], len(opening.group(1)), 0, 0)
                fence_start = index
                continue
        if "`" in line:
            masked, unpaired = inline_spans(line)
            if unpaired:
                return None
            out[index] = masked
    if fence is not None:
        out[fence_start:] = [""] * (len(lines) - fence_start)
    return out
