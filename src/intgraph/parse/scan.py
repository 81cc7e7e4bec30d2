"""One linear pass over a note body: blank out code and comments, then find links.

``mask`` returns the body lines with fenced and indented code blocks, inline code
spans and HTML comments replaced by spaces, so later regexes see only text that
Obsidian treats as Markdown. Positions and line numbers are preserved.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from intgraph.model import Link, LinkKind

_FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^((?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))")
_HEADING = re.compile(r"^#{1,6}(?:[ \t]|$)")
_BACKTICKS = re.compile(r"`+")
_CODE_HINTS = ("`", "~~~", "<!--", "\n    ", "\n\t")
WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*?)\]\]")
MDLINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


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
    return re.sub(r"[^\n]", " ", text)


def mask_inline(text: str) -> str:
    """Blank inline code spans and HTML comments in one paragraph (lines joined by LF)."""
    if "`" not in text and "<!--" not in text:
        return text
    out = list(text)
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            i += 2
            continue
        if ch == "`":
            run = _BACKTICKS.match(text, i)
            assert run is not None
            width = run.end() - i
            j = run.end()
            while True:
                close = _BACKTICKS.search(text, j)
                if close is None:
                    i = run.end()
                    break
                if close.end() - close.start() == width:
                    for k in range(i, close.end()):
                        if out[k] != "\n":
                            out[k] = " "
                    i = close.end()
                    break
                j = close.end()
            continue
        if ch == "<" and text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end != -1:
                for k in range(i, end + 3):
                    if out[k] != "\n":
                        out[k] = " "
                i = end + 3
                continue
        i += 1
    return "".join(out)


def mask(lines: list[str]) -> list[str]:
    """Return ``lines`` with code blocks, code spans and HTML comments blanked."""
    text = "\n".join(lines)
    if not any(hint in text for hint in _CODE_HINTS) and not text.startswith(("    ", "\t")):
        return lines
    out: list[str] = list(lines)
    para: list[int] = []
    lists: list[int] = []
    fence: tuple[str, int] | None = None
    in_comment = False
    prev_blank = True

    def flush() -> None:
        if para:
            joined = mask_inline("\n".join(out[i] for i in para))
            for i, masked in zip(para, joined.split("\n"), strict=True):
                out[i] = masked
            para.clear()

    for idx, line in enumerate(lines):
        if fence is not None:
            width, rest = _indent(line)
            base = lists[-1] if lists else 0
            if rest and width < base:
                # A fence inside a list item ends with its item.
                fence = None
            else:
                out[idx] = ""
                m = _FENCE.match(rest)
                if (
                    width < base + 4
                    and m
                    and m.group(1)[0] == fence[0]
                    and len(m.group(1)) >= fence[1]
                    and not m.group(2).strip()
                ):
                    fence = None
                continue
        if in_comment:
            out[idx] = ""
            if "-->" in line:
                in_comment = False
            continue
        width, rest = _indent(line)
        if not rest:
            flush()
            prev_blank = True
            continue
        if prev_blank or not para:
            while lists and width < lists[-1]:
                lists.pop()
        base = lists[-1] if lists else 0
        if not para and width >= base + 4:
            out[idx] = ""
            prev_blank = False
            continue
        prev_blank = False
        m = _FENCE.match(rest) if width < base + 4 else None
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            flush()
            fence = (m.group(1)[0], len(m.group(1)))
            out[idx] = ""
            continue
        if rest.startswith("<!--"):
            flush()
            out[idx] = ""
            in_comment = "-->" not in rest[4:]
            continue
        item = _LIST_ITEM.match(rest)
        if item:
            flush()
            while lists and lists[-1] > width:
                lists.pop()
            lists.append(width + len(item.group(1)) if rest[item.end() :].strip() else width + 2)
            para.append(idx)
            continue
        if _HEADING.match(rest):
            flush()
            para.append(idx)
            flush()
            continue
        para.append(idx)
    flush()
    return out


def split_wikilink(inner: str) -> tuple[str, str | None, str | None]:
    """Split the inside of ``[[...]]`` into (path, subpath, alias); ``\\|`` counts as ``|``."""
    target, sep, alias = inner.partition("|")
    if sep and target.endswith("\\"):
        target = target[:-1]
    path, hash_, sub = target.partition("#")
    return path.strip(), (sub.strip() or None) if hash_ else None, alias.strip() if sep else None


def links_in_line(text: str, line_no: int) -> list[Link]:
    """Return every link in one masked line."""
    found: list[tuple[int, Link]] = []
    if "[[" in text:
        for m in WIKILINK.finditer(text):
            path, sub, alias = split_wikilink(m.group(2))
            if not path and not sub:
                continue
            kind = LinkKind.EMBED if m.group(1) else LinkKind.WIKILINK
            found.append((m.start(), Link(path, line_no, kind, sub, alias)))
    if "](" in text:
        for m in MDLINK.finditer(text):
            dest = m.group(3)
            if dest.startswith("<"):
                dest = dest[1:-1]
            if not dest or _SCHEME.match(dest):
                continue
            path, _, sub = unquote(dest).partition("#")
            if not path and not sub:
                continue
            alias = m.group(2) or None
            kind = LinkKind.EMBED if m.group(1) else LinkKind.MARKDOWN
            found.append((m.start(), Link(path.strip(), line_no, kind, sub or None, alias)))
    found.sort(key=lambda pair: pair[0])
    return [link for _, link in found]


def scan_links(masked: list[str], first_line: int) -> list[Link]:
    """Return the links of masked body lines; ``first_line`` is the file line of ``masked[0]``."""
    links: list[Link] = []
    for offset, text in enumerate(masked):
        if "[" in text:
            links.extend(links_in_line(text, first_line + offset))
    return links
