"""XML text as networkx's writers leave it: ElementTree's escaping, every character
outside ASCII as a character reference, and its pretty-printed element layout. Shared by
the GraphML and GEXF writers, which write their documents as text in one pass."""

from __future__ import annotations


class OtherType(TypeError):
    """A graph these writers do not write as text (networkx's writers do)."""


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
