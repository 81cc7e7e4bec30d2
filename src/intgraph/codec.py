"""Notes as plain tuples of str, int, bool and None, and back.

The cache stores parse results in this form (with :mod:`marshal`), and the parallel
scan sends them between processes in it; both are much faster than pickling the
dataclasses. ``decode(encode(note)) == note`` for every note.
"""

from __future__ import annotations

from typing import Any

from intgraph.model import (
    Endpoint,
    Field,
    IntegrationFields,
    Link,
    LinkKind,
    Note,
    Problem,
    Ref,
)

#: Bump when the tuple layout changes; the cache is discarded on a mismatch.
#: 2: integration nodes carry owner and next_review.
#: 3: snapshots keep each integration's sources in note order.
#: 4: notes keep their Metadata lines; raw fields may be None (read only for lint).
#: 5: snapshots carry the system-name index.
#: 6: the notes cache is written in parts; graph digests are taken of marshal's bytes;
#:    the graph snapshot is split into a light flows view and a detail part.
#: 7: the flows view keeps ends, rank and tie as lists in the integrations' node order.
FORMAT = 7

_KINDS = {kind.value: kind for kind in LinkKind}


def _ref(r: Ref | None) -> tuple[Any, ...] | None:
    return None if r is None else (r.text, r.line, r.is_link)


def _unref(t: Any) -> Ref | None:
    return None if t is None else Ref(t[0], t[1], t[2])


def encode_fields(f: IntegrationFields) -> tuple[Any, ...]:
    """Template fields as nested tuples of primitives."""
    return (
        f.integration_id, f.version, f.category, f.status, f.classification,
        tuple([(_ref(e.ref), e.role, e.interface, e.data) for e in f.sources]),
        tuple([(_ref(e.ref), e.role, e.interface, e.data) for e in f.targets]),
        f.layer_type,
        tuple([_ref(r) for r in f.middleware]),
        f.protocol,
        tuple([(label, _ref(r)) for label, r in f.documents]),
        _ref(f.owner),
        f.metadata,
        f.lines,
    )  # fmt: skip


def encode(note: Note) -> tuple[Any, ...]:
    """A note as nested tuples of primitives."""
    return (
        note.path,
        note.title,
        note.aliases,
        note.tags,
        note.note_type,
        tuple(
            [
                (k.target, k.line, k.kind._value_, k.subpath, k.alias, k.placeholder)
                for k in note.links
            ]
        ),
        encode_fields(note.fields),
        None
        if note.raw_fields is None
        else tuple(
            [
                (x.section, x.subsection, x.label, x.value, x.line, x.placeholder)
                for x in note.raw_fields
            ]
        ),
        tuple([(p.path, p.line, p.code, p.message) for p in note.problems]),
        note.is_integration,
        note.generated,
        note.meta_lines,
    )


def _pairs(items: Any) -> tuple[tuple[Any, Any], ...]:
    """``items`` as a tuple of pairs; ValueError when one is not a pair."""
    pairs = tuple(map(tuple, items))
    if set(map(len, pairs)) - {2}:
        raise ValueError("not a list of pairs")
    return pairs


def decode_fields(f: tuple[Any, ...]) -> IntegrationFields:
    """The fields that :func:`encode_fields` turned into ``f``."""
    # Lists, not generators, and pairs copied at C speed: a command that reads the
    # template fields decodes every integration's.
    return IntegrationFields(
        integration_id=f[0],
        version=f[1],
        category=f[2],
        status=f[3],
        classification=f[4],
        sources=tuple([Endpoint(_unref(e[0]), e[1], e[2], e[3]) for e in f[5]]),  # type: ignore[arg-type]
        targets=tuple([Endpoint(_unref(e[0]), e[1], e[2], e[3]) for e in f[6]]),  # type: ignore[arg-type]
        layer_type=f[7],
        middleware=tuple([Ref(r[0], r[1], r[2]) for r in f[8]]),
        protocol=f[9],
        documents=tuple([(label, Ref(r[0], r[1], r[2])) for label, r in f[10]]),
        owner=_unref(f[11]),
        metadata=_pairs(f[12]),
        lines=_pairs(f[13]),
    )


def decode(t: tuple[Any, ...]) -> Note:
    """The note that :func:`encode` turned into ``t``."""
    return Note(
        path=t[0],
        title=t[1],
        aliases=tuple(t[2]),
        tags=tuple(t[3]),
        note_type=t[4],
        links=tuple(Link(k[0], k[1], _KINDS[k[2]], k[3], k[4], k[5]) for k in t[5]),
        fields=decode_fields(t[6]),
        raw_fields=None if t[7] is None else tuple(Field(*x) for x in t[7]),
        problems=tuple(Problem(*p) for p in t[8]),
        is_integration=t[9],
        generated=t[10],
        meta_lines=tuple(t[11]),
    )
