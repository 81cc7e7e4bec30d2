"""Find links in masked note lines: wikilinks, embeds and local Markdown links."""

from __future__ import annotations

import re
from sys import intern
from urllib.parse import unquote

from intgraph.model import Link, LinkKind

WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*?)\]\]")
MDLINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


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
            found.append((m.start(), Link(intern(path), line_no, kind, sub, alias)))
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
