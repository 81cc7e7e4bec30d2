"""Find links in masked note lines: wikilinks, embeds and local Markdown links."""

from __future__ import annotations

import html
import re
from sys import intern
from urllib.parse import unquote

from intgraph.model import Link, LinkKind

WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*?)\]\]")


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
    found.sort(key=lambda pair: pair[0])
    return [link for _, link in found]


def scan_links(masked: list[str], first_line: int, raw: list[str] | None = None) -> list[Link]:
    """Return the links of masked body lines; ``first_line`` is the file line of
    ``masked[0]``; ``raw`` holds the lines before masking."""
    links: list[Link] = []
    for offset, text in enumerate(masked):
        if "[" in text:
            before = raw[offset] if raw is not None else None
            if before is not None and (before is text or "[[" not in text):
                before = None  # nothing masked that a wikilink could enclose
            links.extend(links_in_line(text, first_line + offset, before))
    return links
