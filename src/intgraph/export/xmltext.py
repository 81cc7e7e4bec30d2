"""XML text as networkx's writers leave it: ElementTree's escaping, every character
outside ASCII as a character reference, and its pretty-printed element layout. Shared by
the GraphML and GEXF writers, which write their documents as text in one pass."""

from __future__ import annotations

from typing import Any

_KINDS = {str: "string", bool: "boolean"}


class OtherType(TypeError):
    """A graph these writers do not write as text (networkx's writers do)."""


def kind(name: object, value: Any) -> str:
    """The attribute type networkx's writers declare for ``value`` (text or a flag);
    :class:`OtherType` for any other value."""
    found = _KINDS.get(type(value))
    if found is None:
        raise OtherType(name)
    return found


def document(body: str) -> str:
    """The XML document of ``body`` as networkx's writers give it: the declaration, then
    the body's lines (``str.splitlines``, as networkx yields them) joined with LF."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(body.splitlines()) + "\n"


def text(value: str) -> str:
    """Character data as ElementTree escapes it, outside ASCII as character references."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value if value.isascii() else value.encode("ascii", "xmlcharrefreplace").decode()


def attr(value: str) -> str:
    """An attribute value as ElementTree escapes it (quotes and line breaks too)."""
    value = text(value)
    for raw, escaped in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if raw in value:
            value = value.replace(raw, escaped)
    return value


def element(head: str, children: list[str], close: str) -> str:
    """An element (``head`` without its ``>``) with its children on their own lines, or
    empty as ElementTree writes it (`` />``)."""
    if not children:
        return head + " />"
    return "\n".join([head + ">", *children, close])
