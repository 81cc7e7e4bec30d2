"""One shared instance per distinct link or reference that recurs across notes.

Notes made from one template hold the same links on the same lines (a person in the
Metadata footer, a document under Documentation); the records are frozen, so equal
ones may be one object, made once per process. The tables are bounded.
"""

from __future__ import annotations

from intgraph.model import Link, LinkKind, Ref

_KEPT = 1 << 14
_LINKS: dict[tuple[str, int, bool, str | None, str | None], Link] = {}
_REFS: dict[tuple[str, int, bool], Ref] = {}


def wikilink(target: str, line: int, embed: bool, subpath: str | None, alias: str | None) -> Link:
    """``Link(target, line, EMBED or WIKILINK, subpath, alias)``."""
    key = (target, line, embed, subpath, alias)
    link = _LINKS.get(key)
    if link is None:
        link = Link(target, line, LinkKind.EMBED if embed else LinkKind.WIKILINK, subpath, alias)
        if len(_LINKS) < _KEPT:
            _LINKS[key] = link
    return link


def ref(text: str, line: int, is_link: bool) -> Ref:
    """``Ref(text, line, is_link)``."""
    key = (text, line, is_link)
    found = _REFS.get(key)
    if found is None:
        found = Ref(text, line, is_link)
        if len(_REFS) < _KEPT:
            _REFS[key] = found
    return found
