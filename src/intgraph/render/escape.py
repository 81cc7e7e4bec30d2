"""Escaping of untrusted note text for every output format."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

from intgraph.model import without_md

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def terminal(text: str | None) -> str:
    """Text safe for a terminal: control characters, escapes and bidi overrides removed."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str | int | None]]) -> str:
    """CSV text (LF line ends): ``header``, then ``rows`` with every cell made
    spreadsheet-safe by :func:`csv_cell`."""
    import csv  # only CSV output pays for it

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def csv_cell(text: str | int | None) -> str:
    """A spreadsheet-safe CSV cell: a leading ``= + - @`` is neutralised with a quote."""
    if text is None:
        return ""
    value = terminal(str(text)) if not isinstance(text, int) else str(text)
    if not isinstance(text, int) and value.startswith(_FORMULA):
        return "'" + value
    return value


def markdown(text: str | None) -> str:
    """Plain text safe inside Markdown (and its tables): HTML and Markdown syntax escaped."""
    value = terminal(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


#: A wikilink or embed inside a label: shown as its display text.
_LINK_IN_LABEL = re.compile(r"!?\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")


def wikilink(path: str, label: str, in_table: bool = True) -> str:
    """A wikilink to ``path`` (``.md`` dropped) shown as ``label``; ``|`` escaped in tables.

    Links in the label (a title such as ``[[SAP ERP]] to [[Salesforce|SFDC]]``) are
    shown as their display text, and no other ``[[`` or ``]]`` is left in it: either
    would end the link early."""
    target = without_md(path)
    target = terminal(target).replace("]]", "")
    shown = _LINK_IN_LABEL.sub(lambda m: m.group(2) or m.group(1), terminal(label))
    shown = shown.replace("[[", "").replace("]]", "").replace("|", "/")
    if shown == target:
        return f"[[{target}]]"
    bar = "\\|" if in_table else "|"
    return f"[[{target}{bar}{shown}]]"


def mermaid(text: str | None) -> str:
    """Text safe inside a quoted Mermaid label: every non-alphanumeric is an entity code."""
    value = terminal(text)
    return "".join(ch if ch.isalnum() or ch in " .,_-/" else f"#{ord(ch)};" for ch in value)


_SAFE_LINK = re.compile(r"^[^\[\]|#^<>&`\n]+$")


def code(text: str | None) -> str:
    """Text safe inside a Markdown inline code span (backticks replaced)."""
    return terminal(text).replace("`", "ˋ")


def link_or_code(target: str) -> str:
    """A wikilink to ``target`` when it can be written as one, else inline code."""
    clean = terminal(target)
    if _SAFE_LINK.match(clean):
        return f"[[{clean}]]"
    return f"`{code(clean)}`"
