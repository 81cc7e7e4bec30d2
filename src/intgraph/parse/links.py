"""Find links in masked note lines: wikilinks, embeds and local Markdown links."""

from __future__ import annotations

import html
import re
from sys import intern
from urllib.parse import unquote

from intgraph.model import Link, LinkKind

# The inside holds no "]", so a greedy "*" stops where a lazy one would.
WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*)\]\]")
# The same without the "!": a pattern that starts with a literal is searched far faster.
_WIKI = re.compile(r"\[\[([^\[\]\n]*)\]\]")


def _destination() -> str:
    """CommonMark's link destination: ``<...>`` without ``<``, ``>`` or line breaks
    (backslash escapes allowed), or a bare run without spaces or control characters
    that does not start with ``<`` and whose parentheses balance (three levels here)."""
    atom = r"(?:[^\x00-\x20\x7f()\\]|\\[^ \n])"
    nested = atom
    for _ in range(3):
        nested = rf"(?:{atom}|\((?:{nested})*\))"
    return rf"<(?:[^<>\n\\]|\\[^\n])*>|(?!<)(?:{nested})*"


MDLINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*("
    + _destination()
    + r")(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def destination(raw: str) -> str:
    """The destination of a Markdown link as written in ``MDLINK``'s third group: the
    ``<>`` removed, backslash escapes and entity references resolved (not yet
    percent-decoded)."""
    if raw.startswith("<"):
        raw = raw[1:-1]
    if "\\" in raw:
        raw = _ESCAPE.sub(r"\1", raw)
    if "&" in raw:
        raw = _ENTITY.sub(lambda m: html.unescape(m.group(0)), raw)
    return raw


def split_wikilink(inner: str) -> tuple[str, str | None, str | None]:
    """Split the inside of ``[[...]]`` into (path, subpath, alias); ``\\|`` counts as ``|``."""
    target, sep, alias = inner.partition("|")
    if sep and target.endswith("\\"):
        target = target[:-1]
    path, hash_, sub = target.partition("#")
    return path.strip(), (sub.strip() or None) if hash_ else None, alias.strip() if sep else None


def links_in_line(text: str, line_no: int, raw: str | None = None) -> list[Link]:
    """Return every link in one masked line. ``raw`` is the line before masking: a
    wikilink that encloses a code span or comment there is no link (CommonMark reads
    the span first, which splits the brackets apart)."""
    found: list[tuple[int, Link]] = []
    if "[[" in text:
        for m in WIKILINK.finditer(text):
            if raw is not None and raw[m.start() : m.end()] != m.group(0):
                continue
            path, sub, alias = split_wikilink(m.group(2))
            if not path and not sub:
                continue
            kind = LinkKind.EMBED if m.group(1) else LinkKind.WIKILINK
            found.append((m.start(), Link(intern(path), line_no, kind, sub, alias)))
    if "](" in text:
        found.extend(_markdown_links(text, line_no))
    found.sort(key=lambda pair: pair[0])
    return [link for _, link in found]


def scan_links(
    masked: list[str], first_line: int, raw: list[str] | None = None, text: str | None = None
) -> list[Link]:
    """Return the links of masked body lines; ``first_line`` is the file line of
    ``masked[0]``; ``raw`` holds the lines before masking; ``text`` may give
    ``"\\n".join(masked)``.

    Wikilinks are found in one pass over the joined text (no wikilink spans a line);
    Markdown links line by line, on the lines that hold ``](``. Each line's links are
    in the order of their start, as :func:`links_in_line` gives them.
    """
    if text is None:
        text = "\n".join(masked)
    found = _wikilinks(masked, first_line, raw, text)  # its search finds "[[" as fast as "in"
    if "](" not in text:
        return [link for _, _, link in found]
    for offset, line in enumerate(masked):
        if "](" in line:
            found.extend(
                (offset, col, link) for col, link in _markdown_links(line, first_line + offset)
            )
    found.sort(key=_position)
    return [link for _, _, link in found]


def _position(item: tuple[int, int, Link]) -> tuple[int, int]:
    return item[0], item[1]


def _wikilinks(
    masked: list[str], first_line: int, raw: list[str] | None, text: str
) -> list[tuple[int, int, Link]]:
    """(line offset, column, link) of every wikilink and embed in ``text``."""
    found: list[tuple[int, int, Link]] = []
    offset = 0  # the line of text[cursor]
    cursor = 0
    line_start = 0
    for m in _WIKI.finditer(text):
        start = m.start()
        newlines = text.count("\n", cursor, start)
        if newlines:
            offset += newlines
            line_start = text.rfind("\n", cursor, start) + 1
        cursor = start
        embed = start > line_start and text[start - 1] == "!"
        if embed:
            start -= 1
        col = start - line_start
        if raw is not None:
            before = raw[offset]
            if (
                before is not masked[offset]
                and before[col : col + m.end() - start] != text[start : m.end()]
            ):
                continue  # the brackets enclose a code span or comment: no link
        path, sub, alias = split_wikilink(m.group(1))
        if not path and not sub:
            continue
        kind = LinkKind.EMBED if embed else LinkKind.WIKILINK
        found.append((offset, col, Link(intern(path), first_line + offset, kind, sub, alias)))
    return found


def _markdown_links(text: str, line_no: int) -> list[tuple[int, Link]]:
    """(column, link) of the local Markdown links and images of one masked line."""
    found: list[tuple[int, Link]] = []
    for m in MDLINK.finditer(text):
        dest = destination(m.group(3))
        if not dest or _SCHEME.match(dest):
            continue
        path, _, sub = unquote(dest).partition("#")
        if not path and not sub:
            continue
        alias = m.group(2) or None
        kind = LinkKind.EMBED if m.group(1) else LinkKind.MARKDOWN
        found.append((m.start(), Link(path.strip(), line_no, kind, sub or None, alias)))
    return found
