"""The JSON text of an integration's row in an ``impact`` answer, in the pieces that
depend on the integration alone.

A row of ``intgraph impact --format json`` is its integration's identity, ends, owner
and review date (the same in every answer) around three values of the answer (its
distance, the directions it was reached in, and whether it loops back). The pieces are
written here once per integration: with the graph snapshot, so that a warm answer about
the busiest system joins text instead of encoding thousands of rows, and by the
renderer for a row that has none. Both use :func:`row_pieces`, so the bytes cannot
differ. Each value is written as ``json.dumps(value, ensure_ascii=False)`` writes it.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _str  # the encoder's own (C) string writer

#: (head, middle, tail): a row is ``head + distance + middle + directions +
#: ', "feedback": ' + true or false + tail``.
Pieces = tuple[str, str, str]


class Encoded(dict[str | tuple[str, ...] | None, str]):
    """A value's JSON text, made on first use: a string (or None) or a list of strings.
    The values of many rows recur (a status, an owner, a list of system names)."""

    def __missing__(self, value: str | tuple[str, ...] | None) -> str:
        text = names(value) if isinstance(value, tuple) else null_or_str(value)
        self[value] = text
        return text


def null_or_str(value: str | None) -> str:
    """``value`` as a JSON string, or null."""
    return "null" if value is None else _str(value)


def names(values: tuple[str, ...]) -> str:
    """``values`` as a JSON list of strings on one line."""
    if len(values) == 1:  # the common case, without a join
        return f"[{_str(values[0])}]"
    return "[" + ", ".join(map(_str, values)) + "]"


def row_pieces(
    iid: str | None,
    title: str,
    path: str,
    status: str | None,
    ends: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
    owner: str | None,
    review: str | None,
    known: Encoded,
) -> Pieces:
    """The :data:`Pieces` of the row of an integration with these attributes and
    ``ends`` (the names of its sources, targets and middleware); ``known`` holds the
    text of recurring values across calls."""
    sources, targets, middleware = ends
    return (
        f'{{"id": {"null" if iid is None else _str(iid)}, "title": {_str(title)}, '
        f'"path": {_str(path)}, "status": {known[status]}, "distance": ',
        f', "sources": {known[sources]}, "targets": {known[targets]}, '
        f'"middleware": {known[middleware]}, "directions": ',
        f', "owner": {known[owner]}, "next_review": {known[review]}}}',
    )
