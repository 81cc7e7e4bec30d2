"""Read and parse many notes: serially, or across CPU cores for large vaults.

Workers send back notes encoded by :mod:`intgraph.codec`, with the digest of the
bytes they parsed, so the parallel result is identical to the serial one.
:func:`parse_stream` (a cold load) has them send instead, chunk by chunk, the notes
cache's entries already marshalled and what the graph needs of each note, so the
parent never holds every note.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from intgraph.codec import decode as decode_note
from intgraph.codec import encode
from intgraph.model import Note
from intgraph.records import Record, fields_piece, graph_record
from intgraph.vault import decode, read_bytes, unreadable

#: Below this many notes the pool costs more than it saves.
PARALLEL_MIN = 1500
CHUNK = 250

Progress = Callable[[int, int], None]
#: path -> (digest of the bytes parsed, note, the note encoded, its graph digest)
Parsed = dict[str, tuple[bytes, Note, tuple[Any, ...] | None, bytes]]
#: One chunk of :func:`parse_stream`: (its notes-cache entries, path -> (size, mtime_ns,
#: content digest, encoded note, graph digest), marshalled; what the graph needs of each
#: note, in path order; (path, content digest, graph digest) of each note; the
#: integrations' encoded fields as :func:`intgraph.graph.fields_piece` gives them).
Batch = tuple[bytes, list[Record], list[tuple[str, bytes, bytes]], bytes]


def digest(data: bytes) -> bytes:
    """The content digest the cache compares files by."""
    return hashlib.blake2b(data, digest_size=16).digest()


def graph_digest(encoded: tuple[Any, ...], fields: bytes | None = None) -> bytes:
    """A digest of everything the graph is built from in an encoded note (all but its
    raw fields and problems): two notes with the same one give the same graph.
    ``fields``: ``marshal.dumps(encoded[6], 2)`` when the caller has it already."""
    try:  # marshal's version 2 has no back-references: equal notes give equal bytes
        if fields is None:
            fields = marshal.dumps(encoded[6], 2)
        data = marshal.dumps(encoded[:6], 2) + fields + marshal.dumps(encoded[9:], 2)
    except ValueError:  # not marshallable (nothing the parser makes): its text instead
        data = repr((encoded[:7], encoded[9:])).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(data, digest_size=16).digest()


def parse_one(
    root: Path, path: str, placeholders: Collection[str], raw: bool = False
) -> tuple[bytes, Note]:
    """Read, decode and parse one note; a file that cannot be read becomes a problem.
    ``raw``: also read the per-field records only lint needs."""
    from intgraph.parse import parse_note  # a warm run never parses: import on first need

    data = read_bytes(root, path)
    if isinstance(data, OSError):
        return b"", parse_note(unreadable(path, data), placeholders, raw)
    return digest(data), parse_note(decode(path, data), placeholders, raw)


def _chunk(
    root: str, paths: Sequence[str], placeholders: frozenset[str], raw: bool = False
) -> dict[str, tuple[bytes, tuple[Any, ...], bytes]]:
    base = Path(root)
    out = {}
    for path in paths:
        sha, note = parse_one(base, path, placeholders, raw)
        encoded = encode(note)
        out[path] = (sha, encoded, graph_digest(encoded))
    return out


def workers_for(count: int, workers: int | None = None) -> int:
    """How many processes to parse ``count`` notes with (1 means serial).

    ``workers`` is the user's choice (``--workers``); by default one process per
    core, at most 8. A scan below ``PARALLEL_MIN`` notes is always serial."""
    if count < PARALLEL_MIN or workers == 1:
        return 1
    if workers is None:
        available = (
            len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        )
        workers = min(available or 1, 8)
    return max(1, min(workers, -(-count // CHUNK)))


def parse_many(
    root: Path,
    paths: Sequence[str],
    placeholders: frozenset[str],
    workers: int | None = None,
    progress: Progress | None = None,
    raw: bool = False,
) -> Parsed:
    """Parse ``paths`` (vault-relative) under ``root``; ``progress(done, total)`` as it goes.
    ``raw`` as in :func:`parse_one`."""
    total = len(paths)
    processes = workers_for(total, workers)
    if processes <= 1:
        out: Parsed = {}
        for done, path in enumerate(paths, 1):
            sha, note = parse_one(root, path, placeholders, raw)
            encoded = encode(note)
            out[path] = (sha, note, encoded, graph_digest(encoded))
            if progress and done % 200 == 0:
                progress(done, total)
        if progress:
            progress(total, total)
        return out
    import multiprocessing  # a run that parses little never starts a pool
    from concurrent.futures import ProcessPoolExecutor, as_completed

    chunks = [paths[i : i + CHUNK] for i in range(0, total, CHUNK)]
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    merged: Parsed = {}
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        futures = [pool.submit(_chunk, str(root), chunk, placeholders, raw) for chunk in chunks]
        for future in as_completed(futures):
            for path, (sha, encoded, graph) in future.result().items():
                merged[path] = (sha, decode_note(encoded), encoded, graph)
            if progress:
                progress(len(merged), total)
    return {path: merged[path] for path in paths}


def _batch(
    root: str,
    paths: Sequence[str],
    stats: Sequence[tuple[int, int]],
    placeholders: frozenset[str],
    raw: bool = False,
) -> tuple[bytes, bytes, bytes]:
    """Parse ``paths`` (with their (size, mtime_ns)): a :data:`Batch` whose records and
    digests are marshalled too (cheaper to send and receive than pickled tuples)."""
    base = Path(root)
    entries = {}
    records = []
    digests = []
    pieces = []
    for path, (size, mtime) in zip(paths, stats, strict=True):
        sha, note = parse_one(base, path, placeholders, raw)
        encoded = encode(note)
        fields = marshal.dumps(encoded[6], 2)
        graph = graph_digest(encoded, fields)
        entries[path] = (size, mtime, sha, encoded, graph)
        records.append(graph_record(encoded))
        digests.append((path, sha, graph))
        if encoded[9]:
            pieces.append(fields_piece(path, encoded[6], fields))
    return marshal.dumps(entries), marshal.dumps((records, digests)), b"".join(pieces)


def _unpack(sent: tuple[bytes, bytes, bytes]) -> Batch:
    records, digests = marshal.loads(sent[1])
    return sent[0], records, digests, sent[2]


def parse_stream(
    root: Path,
    paths: Sequence[str],
    stats: Mapping[str, tuple[int, int]],
    placeholders: frozenset[str],
    workers: int | None = None,
    progress: Progress | None = None,
    raw: bool = False,
) -> Iterator[Batch]:
    """Parse ``paths`` (vault-relative, with their ``stats``) under ``root`` in chunks of
    :data:`CHUNK`, yielding one :data:`Batch` per chunk in path order, serially or in a
    process pool as :func:`parse_many` would; ``progress`` and ``raw`` as there."""
    total = len(paths)
    chunks = [paths[i : i + CHUNK] for i in range(0, total, CHUNK)]
    sizes = [[stats.get(rel, (-1, 0)) for rel in chunk] for chunk in chunks]
    done = 0
    processes = workers_for(total, workers)
    if processes <= 1:
        for chunk, size in zip(chunks, sizes, strict=True):
            yield _unpack(_batch(str(root), chunk, size, placeholders, raw))
            done += len(chunk)
            if progress:
                progress(done, total)
        return
    import multiprocessing  # a run that parses little never starts a pool
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=context)
    try:
        pending: list[Future[tuple[bytes, bytes, bytes]] | None] = [
            pool.submit(_batch, str(root), chunk, size, placeholders, raw)
            for chunk, size in zip(chunks, sizes, strict=True)
        ]
        for index, chunk in enumerate(chunks):
            future = pending[index]
            assert future is not None
            pending[index] = None  # its result is let go once used
            batch = _unpack(future.result())
            done += len(chunk)
            if progress:
                progress(done, total)
            yield batch
    finally:  # also when the caller stops early: the chunks not started are dropped
        pool.shutdown(wait=True, cancel_futures=True)
