"""A slow, obviously-correct link extractor built on markdown-it-py tokens.

The fast scanner in :mod:`intgraph.parse.scan` must find exactly the links this
finds (target, kind, line); a differential test holds them to that. Code blocks,
fences, code spans and HTML comments are excluded by the CommonMark parser itself.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from intgraph.model import Link, LinkKind
from intgraph.parse.front import split
from intgraph.parse.links import WIKILINK, split_wikilink

_MD = MarkdownIt("commonmark", {"html": True})
_SCHEMES = ("http:", "https:", "mailto:", "ftp:", "file:", "obsidian:", "data:", "tel:")


def reference_links(text: str) -> list[tuple[str, str, int]]:
    """(target, kind, line) of every body link of a note, per markdown-it-py."""
    lines = text.split("\n")
    _fm, body_start = split(lines)
    body = "\n".join(lines[body_start:])
    found: list[tuple[str, str, int]] = []
    for token in _MD.parse(body):
        if token.type != "inline" or token.map is None or not token.children:
            continue
        found += _inline(token.children, token.map[0] + body_start + 1, token.content)
    return sorted(found, key=lambda f: (f[2], f[1], f[0]))


def _span_source(raw: str, start: int, child: Token) -> re.Match[str] | None:
    """Find a code span's source in the raw inline text: CommonMark turned its line
    endings into spaces, so its line count is only visible in the source. Tabs that a
    container only partly consumed stay in the source as tabs."""
    inner = r"[ \t\n]+".join(re.escape(part) for part in child.content.split())
    ticks = re.escape(child.markup)
    return re.compile(rf"(?<!`){ticks}(?!`)[ \t\n]*{inner}[ \t\n]*(?<!`){ticks}(?!`)").search(
        raw, start
    )


def _inline(children: list[Token], first_line: int, raw: str) -> list[tuple[str, str, int]]:
    found: list[tuple[str, str, int]] = []
    line = first_line
    text = ""
    cursor = 0

    def wikilinks() -> None:
        for m in WIKILINK.finditer(text):
            path, sub, _alias = split_wikilink(m.group(2))
            if path or sub:
                kind = LinkKind.EMBED if m.group(1) else LinkKind.WIKILINK
                found.append((path, kind.value, line))

    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            wikilinks()
            text = ""
            line += 1
        elif child.type == "text":
            text += child.content
        elif child.type == "code_inline":
            wikilinks()
            text = ""
            m = _span_source(raw, cursor, child)
            if m is not None:
                line += m.group(0).count("\n")
                cursor = m.end()
        elif child.type == "html_inline":
            wikilinks()
            text = ""
            line += child.content.count("\n")
        elif child.type in ("link_open", "image"):
            href = str(child.attrs.get("src" if child.type == "image" else "href", ""))
            target = _local(href)
            if target is not None:
                kind = LinkKind.EMBED if child.type == "image" else LinkKind.MARKDOWN
                found.append((target, kind.value, line))
            if child.type == "image":
                text += "\0"
    wikilinks()
    return found


def _local(href: str) -> str | None:
    if not href or href.lower().startswith(_SCHEMES):
        return None
    path, _, sub = unquote(href).partition("#")
    return path.strip() if (path or sub) else None


def scanner_links(links: list[Link]) -> list[tuple[str, str, int]]:
    """The same (target, kind, line) view of the fast scanner's body links."""
    body = [k for k in links if k.kind is not LinkKind.FRONTMATTER]
    return sorted(
        ((k.target, k.kind.value, k.line) for k in body), key=lambda f: (f[2], f[1], f[0])
    )
