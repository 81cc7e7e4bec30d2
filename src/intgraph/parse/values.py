"""Placeholders and field values: what counts as unset, and how a value names things."""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import unquote

from intgraph.model import Ref
from intgraph.parse.links import MDLINK, WIKILINK, destination, split_wikilink

UNSET_WORDS = frozenset({"n/a", "none", "tbd", "tbc", "-", "—", "–"})
_BRACKETED = re.compile(r"^\[[^\[\]]*\]$")
_TEMPLATER = re.compile(r"<%.*?%>")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")
_TOKEN = re.compile(r"\x00(\d+)\x00")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# A value that is one wikilink and nothing else (blanks around it aside).
_ONE_WIKILINK = re.compile(r"\s*\[\[([^\[\]\n]*)\]\]\s*")


def one_wikilink(value: str) -> str | None:
    """The inside of the wikilink when ``value`` is exactly one (blanks around it
    aside), else None."""
    first = value[:1]
    if first == "[":
        if value[:2] != "[[":
            return None
        if value[-2:] == "]]":  # no blanks around: the inside is all there is to check
            inner = value[2:-2]
            return None if "[" in inner or "]" in inner or "\n" in inner else inner
        return _one(value) if value[-1:].isspace() else None
    return _one(value) if first.isspace() else None


def _one(value: str) -> str | None:
    m = _ONE_WIKILINK.fullmatch(value)
    return m.group(1) if m else None


def is_unset(value: str | None) -> bool:
    """True when a field value is empty, a ``[bracketed]`` placeholder, N/A, TBD and the like."""
    if value is None:
        return True
    text = value.strip().strip("*_").strip()
    if not text:
        return True
    if len(text) <= 4 and text.lower() in UNSET_WORDS:
        return True
    first = text[0]
    if first == "[":
        return bool(_BRACKETED.match(text))
    return first == "<" and bool(_TEMPLATER.fullmatch(text))


def clean(value: str | None) -> str | None:
    """Return a field value stripped, or None when it is unset."""
    return None if is_unset(value) else value.strip()  # type: ignore[union-attr]


def refs_in(value: str, line: int, placeholders: Collection[str]) -> list[Ref]:
    """Name references in a field value, in order: links and plain names.

    The value is split on commas, semicolons, "and" and "&" outside links; a piece
    holding a link contributes its links (other text in it is description), any
    other piece is a plain name. Placeholder links (exact text, case-sensitive),
    placeholder names and unset words are dropped.
    """
    inner = one_wikilink(value)
    if inner is not None:  # the common case, answered as refs_in_general answers it
        path = split_wikilink(inner)[0]
        return [Ref(path, line, True)] if path and path not in placeholders else []
    return refs_in_general(value, line, placeholders)


def refs_in_general(value: str, line: int, placeholders: Collection[str]) -> list[Ref]:
    """:func:`refs_in` without its shortcut for a value that is one wikilink."""
    found: list[Ref] = []
    if is_unset(value):
        return found
    links: list[Ref | None] = []

    def stash(ref: Ref | None) -> str:
        links.append(ref)
        return f"\x00{len(links) - 1}\x00"

    def wiki(m: re.Match[str]) -> str:
        path = split_wikilink(m.group(2))[0]
        return stash(Ref(path, line, True) if path and path not in placeholders else None)

    def markdown(m: re.Match[str]) -> str:
        dest = destination(m.group(3))
        if not dest or _SCHEME.match(dest):
            return m.group(0)
        return stash(Ref(unquote(dest).partition("#")[0], line, True))

    text = WIKILINK.sub(wiki, value)
    if "](" in text:
        text = MDLINK.sub(markdown, text)
    for piece in _SPLIT.split(text.strip()):
        tokens = _TOKEN.findall(piece)
        if tokens:
            found.extend(ref for t in tokens if (ref := links[int(t)]) is not None)
            continue
        name = _TRAILING_NOTE.sub("", piece).strip().strip("*_").strip()
        if not is_unset(name) and name not in placeholders:
            found.append(Ref(name, line, False))
    return found


def refs_from_front(texts: list[str], line: int, placeholders: Collection[str]) -> list[Ref]:
    """Name references in front-matter values (each a wikilink string or a plain name)."""
    refs: list[Ref] = []
    for text in texts:
        refs.extend(refs_in(text, line, placeholders))
    return refs
