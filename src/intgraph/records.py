"""What the graph is built from, per note, as plain tuples (no networkx): a worker sends
them to the parent of a cold scan (see :mod:`intgraph.build`), which assembles the graph
(:func:`intgraph.assembly.assemble`)."""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from typing import Any

from intgraph.flows import integration_node
from intgraph.model import note_name

#: The note types and tags that make a note a system.
SYSTEM_MARKERS = frozenset({"system", "application", "middleware"})

#: What the graph is built from, for one note (see :func:`graph_record`): (path, aliases,
#: whether it declares a system, and for an integration note its part, else None).
Record = tuple[str, tuple[str, ...], bool, "tuple[Any, ...] | None"]


def graph_record(encoded: tuple[Any, ...]) -> Record:
    """What :func:`assemble` needs of a note that :func:`intgraph.codec.encode` turned into
    ``encoded``: plain tuples, cheap to send between processes. An integration's part is
    (title, ID, status, owner, next review, sources, targets and middleware as (text,
    is_link), documents as (label, link text), the link targets that may be documents);
    its template fields travel apart (see :func:`fields_piece`)."""
    path, title, aliases, tags, note_type, links, fields = encoded[:7]
    if not encoded[9]:
        kinds = {(note_type or "").lower(), *(t.lower() for t in tags)}
        return (path, aliases, bool(kinds & SYSTEM_MARKERS), None)
    skip = set(encoded[11])
    owner = fields[11]
    review = next((v for k, v in fields[12] if k.lower() == "next review"), None)
    part = (
        title,
        fields[0],
        fields[3],
        None if owner is None else (note_name(owner[0]) if owner[2] else owner[0]),
        review,
        tuple((e[0][0], e[0][2]) for e in fields[5]),
        tuple((e[0][0], e[0][2]) for e in fields[6]),
        tuple((r[0], r[2]) for r in fields[8]),
        tuple((label, r[0]) for label, r in fields[10]),
        tuple(k[0] for k in links if not k[5] and k[0] and k[1] not in skip),
    )
    return (path, aliases, False, part)


def fields_piece(path: str, fields: tuple[Any, ...], dumped: bytes | None = None) -> bytes:
    """The integration at ``path`` and its encoded ``fields`` as one key and value of a
    marshalled dict: ``b"{" + pieces + b"0"`` is the :func:`marshal.dumps` of the dict of
    them all (the fields blob of a snapshot), which nothing needs to hold as objects.
    Marshal's version 2 writes no back-references, so pieces made apart join up, and
    equal fields give equal bytes. ``dumped``: ``marshal.dumps(fields, 2)`` if made already."""
    return marshal.dumps(integration_node(path), 2) + (dumped or marshal.dumps(fields, 2))


def blob_parts(pieces: list[bytes]) -> list[bytes]:
    """The marshalled dict whose keys and values are the :func:`fields_piece` ``pieces``,
    as parts in order (``b"{"``, the pieces, ``b"0"``): written one after another, and
    joined only when something reads the fields (a large vault's are hundreds of
    megabytes, which a joined copy would add to the peak)."""
    return [b"{", *pieces, b"0"]


def record_aliases(records: Iterable[Record]) -> dict[str, tuple[str, ...]]:
    """The aliases the notes of ``records`` declare, by path (notes without none left out)."""
    return {r[0]: r[1] for r in records if r[1]}
