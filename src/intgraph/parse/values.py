"""Placeholders and field values: what counts as unset, and how a value names things."""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import unquote

from intgraph.model import Ref, without_note
from intgraph.parse.links import MDLINK, WIKILINK, destination, split_wikilink

UNSET_WORDS = frozenset({"n/a", "none", "tbd", "tbc", "-", "—", "–"})
_BRACKETED = re.compile(r"^\[[^\[\]]*\]$")
_TEMPLATER = re.compile(r"<%.*?%>")
# "&" separates only with blanks on both sides: "AT&T" and "R&D Portal" are one name each.
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|(?<=\s)&(?=\s))\s*", re.IGNORECASE)
_TOKEN = re.compile(r"\x00(\d+)\x00")
_PARENS = re.compile(r"\([^()]*\)")
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

    The value is split on commas, semicolons, "and" and " & " (with blanks around it)
    outside links; a piece holding a link contributes its links (other text in it is
    description), any other piece is a plain name, taken whole as a link's target is
    ("Salesforce (EU)": :meth:`intgraph.names.SystemNames.for_text` tells it from
    "Salesforce (US)"). Placeholder links (exact text, case-sensitive, or a Templater
    tag), placeholder names and unset words (also with a note after them, as in "None
    (direct call)") are dropped.
    """
    inner = one_wikilink(value)
    if inner is not None:  # the common case, answered as refs_in_general answers it
        path = split_wikilink(inner)[0]
        if not path or is_placeholder_link(path, placeholders):
            return []
        return [Ref(path, line, True)]
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
        keep = path and not is_placeholder_link(path, placeholders)
        return stash(Ref(path, line, True) if keep else None)

    def markdown(m: re.Match[str]) -> str:
        dest = destination(m.group(3))
        if not dest or _SCHEME.match(dest):
            # A link out of the vault (a URL, mailto:) names what its text says.
            return m.group(2)
        return stash(Ref(unquote(dest).partition("#")[0], line, True))

    text = WIKILINK.sub(wiki, value)
    if "](" in text:
        text = MDLINK.sub(markdown, text)
    for piece in _split(text.strip()):
        tokens = _TOKEN.findall(piece)
        if tokens:
            found.extend(ref for t in tokens if (ref := links[int(t)]) is not None)
            continue
        name = piece.strip().strip("*_").strip()
        base = without_note(name)
        if not is_unset(base) and name not in placeholders and base not in placeholders:
            found.append(Ref(name, line, False))
    return found


def _split(text: str) -> list[str]:
    """``text`` split at its separators (:data:`_SPLIT`) outside parentheses: in
    "[[SAP ERP]] (ECC 6.0, prod client 100)" the comma belongs to the description."""
    if "(" not in text:
        return _SPLIT.split(text)
    hidden = text
    while True:  # the innermost pairs first: nested ones are hidden too
        masked = _PARENS.sub(lambda m: "\x01" * len(m.group(0)), hidden)
        if masked == hidden:
            break
        hidden = masked
    pieces: list[str] = []
    start = 0
    for m in _SPLIT.finditer(hidden):
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def is_placeholder_link(target: str, placeholders: Collection[str]) -> bool:
    """True when a link to ``target`` is a placeholder: one of ``placeholders`` (exact
    text), or holding a Templater tag (``[[<% tp.system.prompt("Target") %>]]``)."""
    return target in placeholders or "<%" in target


def owner_in(value: str, line: int, placeholders: Collection[str]) -> Ref | None:
    """Whom a field value names as owner: its first link, or, in a value without links,
    the whole value: an owner is one person or team, so "R&D Team", "Smith, John" and
    "Finance and Accounting" are not split as a list of systems is. None when unset, a
    placeholder, or links that are all placeholders."""
    if "[[" in value or "](" in value:
        refs = refs_in(value, line, placeholders)
        # Its first link; with none (an e-mail link: "[Jane Doe](mailto:...)"), what the
        # text of a link out of the vault names.
        return next((r for r in refs if r.is_link), refs[0] if refs else None)
    name = value.strip().strip("*_").strip()
    if is_unset(without_note(name)) or name in placeholders:
        return None
    return Ref(name, line, False)


def owner_from_front(texts: list[str], line: int, placeholders: Collection[str]) -> Ref | None:
    """:func:`owner_in` of the first front-matter value (of ``texts``) that names one."""
    return next(
        (ref for text in texts if (ref := owner_in(text, line, placeholders)) is not None),
        None,
    )


def refs_from_front(texts: list[str], line: int, placeholders: Collection[str]) -> list[Ref]:
    """Name references in front-matter values (each a wikilink string or a plain name)."""
    refs: list[Ref] = []
    for text in texts:
        refs.extend(refs_in(text, line, placeholders))
    return refs
