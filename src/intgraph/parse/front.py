"""Split and load YAML front matter (with python-frontmatter's YAML handler)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from intgraph.model import Link, LinkKind, Problem
from intgraph.parse.links import WIKILINK, split_wikilink

_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_KEY = re.compile(r"^([^\s:#][^:]*?)\s*:(?:\s|$)")
_WHOLE_LINK = re.compile(r"^\s*\[\[([^\[\]\n]+)\]\]\s*$")


@dataclass(frozen=True)
class FrontMatter:
    """Loaded front matter: its data, the links in its values, and where the body starts."""

    data: dict[str, Any]
    links: tuple[Link, ...]
    body_start: int
    problems: tuple[Problem, ...] = ()
    key_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int:
        """Return the file line of a top-level key, as :func:`key_name` compares keys
        (1 when unknown); of a key written twice, the last, whose value YAML keeps."""
        wanted = key_name(key)
        found = 1
        for name, line in self.key_lines:
            if key_name(name) == wanted:
                found = line
        return found


def key_name(key: object) -> str:
    """A front-matter key as intgraph looks it up: lower case, with ``-`` and blanks as
    ``_`` (``Integration ID`` and ``integration-id`` are ``integration_id``)."""
    return str(key).strip().lower().replace("-", "_").replace(" ", "_")


def split(lines: list[str]) -> tuple[list[str], int]:
    """Return (front-matter lines, index of the first body line); no front matter: ([], 0)."""
    if not lines or lines[0].rstrip() != "---":
        return [], 0
    for i in range(1, len(lines)):
        if _CLOSE.match(lines[i]):
            return lines[1:i], i + 1
    return [], 0


def load(path: str, lines: list[str]) -> FrontMatter:
    """Load the front matter at the top of ``lines``; broken YAML becomes a problem."""
    fm_lines, body_start = split(lines)
    if not body_start:
        return FrontMatter({}, (), 0)
    data: Any = simple_yaml(fm_lines)  # or whatever YAML makes of it: checked below
    if data is None:
        import yaml  # only front matter beyond plain `key: words` lines pays for YAML

        try:
            data = _handler().load("\n".join(fm_lines))
        except yaml.YAMLError as exc:
            return _broken(path, body_start, exc)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        message = "front matter is not a mapping of properties"
        return FrontMatter({}, (), body_start, (Problem(path, 1, "yaml", message),))
    keys = tuple(
        (m.group(1), offset + 2)
        for offset, line in enumerate(fm_lines)
        if (m := _KEY.match(line)) is not None
    )
    links = tuple(_links(data, fm_lines))
    twice = _written_twice(path, keys, data)
    if twice:  # "Status" and "status": the one written last is the one read
        last = {name: line for name, line in keys}
        data = {k: data[k] for k in sorted(data, key=lambda k: last.get(k, 0))}
    return FrontMatter(data, links, body_start, twice, keys)


def _written_twice(
    path: str, keys: tuple[tuple[str, int], ...], data: dict[str, Any]
) -> tuple[Problem, ...]:
    """A problem for each top-level property written again (as :func:`key_name` compares
    keys: ``Status`` and ``status`` are one): YAML keeps the last value without a word,
    so a property edited in one place and left in another silently says something else."""
    first: dict[str, int] = {}
    found: list[Problem] = []
    for name, line in keys:
        if name not in data:  # not a top-level key: "- name: x" in a list, say
            continue
        wanted = key_name(name)
        if wanted in first:
            message = (
                f"front-matter property {name!r} is written twice (also at line "
                f"{first[wanted]}): the last value counts"
            )
            found.append(Problem(path, line, "duplicate-key", message))
        else:
            first[wanted] = line
    return tuple(found)


# Front matter made only of lines YAML reads as text (or a date) is read without YAML:
# "key: word words", "key: [word, word]", "key: \"quoted\"", "key: 'quoted'",
# "key: 2024-06-01", and "key:" alone or above "- item" lines (system notes and the
# properties Obsidian writes are mostly this). Anything else goes to YAML.
_WORD = r"[A-Za-z][A-Za-z0-9 _.-]*[A-Za-z0-9_.-]|[A-Za-z]"
# What a one-line quoted scalar may hold and mean as written: no escape, no quote of its
# kind, nothing YAML refuses or reads as a line break.
_QUOTABLE = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff"
_SCALAR = rf"({_WORD})|\"([^\"\\{_QUOTABLE}]*)\"|'([^'{_QUOTABLE}]*)'"
_SIMPLE_LINE = re.compile(
    r"([A-Za-z](?:[A-Za-z0-9_ -]*[A-Za-z0-9_-])?):(?: (?:"
    + _SCALAR
    + r"|(\[(?:(?:[A-Za-z][A-Za-z0-9_.-]*, ?)*[A-Za-z][A-Za-z0-9_.-]*)?\])"
    + r"|([0-9]{4}-[0-9]{2}-[0-9]{2})))?"
)
_SIMPLE_ITEM = re.compile(r"( *)- (?:" + _SCALAR + ")")
# Words YAML 1.1 reads as booleans or null (and a few more, to be safe).
_NOT_TEXT = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})


@functools.cache
def _handler() -> Any:
    """python-frontmatter's YAML handler (libyaml's loader when present), made on first use."""
    from frontmatter.default_handlers import YAMLHandler

    return YAMLHandler()


def _broken(path: str, body_start: int, exc: Exception) -> FrontMatter:
    """No front matter, and a problem saying where its YAML broke."""
    problem = str(getattr(exc, "problem", "") or "")
    mark = getattr(exc, "problem_mark", None)
    if "end of stream" in problem or mark is None:
        # The end of the block says little; where the open construct began says more.
        mark = getattr(exc, "context_mark", None) or mark
    line = mark.line + 2 if mark is not None else 1
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    message = f"broken YAML front matter: {reason}"
    return FrontMatter({}, (), body_start, (Problem(path, line, "yaml", message),))


def simple_yaml(fm_lines: list[str]) -> dict[str, Any] | None:
    """The mapping YAML's safe loader reads from ``fm_lines`` when every line is one of
    the simple forms above, no word is one YAML reads as anything but text and no key
    repeats; None when any line is anything else (YAML must then read it)."""
    data: dict[str, Any] = {}
    opened: str | None = None  # the key of a bare "key:" line, while items may follow
    indent = ""
    for line in fm_lines:
        if opened is not None and line.lstrip(" ")[:2] == "- ":
            item = _SIMPLE_ITEM.fullmatch(line)
            items = data[opened]
            if item is None or (items is not None and item.group(1) != indent):
                return None
            value = _scalar(item.group(2), item.group(3), item.group(4))
            if value is None:
                return None
            if items is None:
                indent, data[opened] = item.group(1), [value]
            else:
                items.append(value)
            continue
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None:
            return None
        key, word, double, single, listed, day = m.groups()
        if key in data or key.lower() in _NOT_TEXT:
            return None
        opened = None
        if day is not None:
            try:
                data[key] = dt.date.fromisoformat(day)
            except ValueError:
                return None
        elif listed is not None:
            words = [item.strip() for item in listed[1:-1].split(",")] if listed != "[]" else []
            if any(w.lower() in _NOT_TEXT for w in words):
                return None
            data[key] = words
        elif word is None and double is None and single is None:
            data[key], opened = None, key  # "key:" alone: null, unless items follow
        else:
            data[key] = _scalar(word, double, single)
            if data[key] is None:
                return None
    return data


def _scalar(word: str | None, double: str | None, single: str | None) -> str | None:
    """A simple line's text: a word YAML reads as text, or a quoted scalar as written."""
    if word is not None:
        return None if word.lower() in _NOT_TEXT else word
    return double if double is not None else single


def _string_values(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        link = _unquoted_link(value)
        return [link] if link else [v if isinstance(v, str) else _unquoted_link(v) for v in value]
    return []


def _links(data: dict[str, Any], fm_lines: list[str]) -> list[Link]:
    """Front-matter links: string values (or list items) that are exactly one wikilink."""
    wanted: dict[str, int] = {}
    for value in data.values():
        for text in _string_values(value):
            m = _WHOLE_LINK.match(text)
            if m:
                wanted[m.group(1)] = wanted.get(m.group(1), 0) + 1
    links: list[Link] = []
    for offset, line in enumerate(fm_lines):
        if "[[" not in line:
            continue
        for m in WIKILINK.finditer(line):
            inner = m.group(2)
            if wanted.get(inner, 0) > 0 and not m.group(1):
                wanted[inner] -= 1
                path, sub, alias = split_wikilink(inner)
                if path or sub:
                    links.append(Link(path, offset + 2, LinkKind.FRONTMATTER, sub, alias))
    return links


def text_value(value: Any) -> str | None:
    """Render a scalar front-matter value as text (dates as ISO); None for anything else.

    The type is checked before anything is rendered: a list, mapping or pair list may be
    an alias bomb that would take forever to turn into text.
    """
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return None


def link_texts(value: Any) -> list[str]:
    """:func:`text_list` of a front-matter value that names notes, where a wikilink
    written without quotes (``source: [[SAP ERP]]``, or a list item ``- [[SAP ERP]]``),
    which YAML reads as a list in a list, is the wikilink it looks like."""
    if isinstance(value, list):
        link = _unquoted_link(value)
        if link:
            return [link]
        return [text for item in value if (text := _unquoted_link(item) or text_value(item))]
    return text_list(value)


def _unquoted_link(value: Any) -> str:
    """``[[name]]`` for YAML's reading of an unquoted wikilink (``[["name"]]``), else ""."""
    if (
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], list)
        and len(value[0]) == 1
        and isinstance(value[0][0], str)
        and value[0][0].strip()
    ):
        return f"[[{value[0][0].strip()}]]"
    return ""


def text_list(value: Any) -> list[str]:
    """Render a front-matter value that may be a string, a list or a comma list as texts."""
    if isinstance(value, list):
        items = [text_value(v) for v in value]
        return [v for v in items if v]
    single = text_value(value)
    return [single] if single else []
