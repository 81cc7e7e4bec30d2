"""An edit without a rebuild: re-parse only the notes that changed, and keep the saved
graph when none of the changes can alter it.

Next to the graph snapshot, a full build saves a small *stats index*: every file's size
and ``mtime_ns`` (packed), and every note's content digest and graph digest (a digest of
everything the graph is built from: all of the parse result but its problems and lint's
raw fields), with the exact file list and the key of the snapshot it belongs to. A run
whose snapshot key does not match the vault any more reads the index, finds the notes
whose stats (or, for a note written within a second of the index, content) changed, and
parses only those. When the file list is the same and every changed note has the same
graph digest as before, the graph a full rebuild would make is the saved one, node for
node and in the same order: the run loads it, and writes only an *alias* (the new vault
key → the snapshot's key, with the digests of notes changed within a second) and the
updated index. Anything else (files added, removed or renamed; a changed system, alias,
link or template field; more than :data:`MAX_CHANGED` changed notes) falls back to the
full build. Notes themselves are re-read from the notes cache only when a command needs
them, which re-parses just the changed notes there too and saves them in a *notes delta*
beside the notes cache rather than rewriting it (up to :data:`MAX_CHANGED` notes; then
the notes cache is rewritten).
"""

from __future__ import annotations

import hashlib
import time
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from itertools import compress, repeat
from operator import and_, ge, ne, or_
from pathlib import Path
from typing import Any

from intgraph import __version__
from intgraph import cache as store
from intgraph.codec import FORMAT
from intgraph.filestats import Packed
from intgraph.model import Field, Note
from intgraph.patch import patch_flows
from intgraph.reader import digest, parse_many
from intgraph.snapshot import Decoded
from intgraph.vault import VaultFiles, read_bytes

#: A notes-cache entry: (size, mtime_ns, content digest, encoded note, graph digest).
Entry = tuple[int, int, bytes, tuple[Any, ...], bytes]
STATS, ALIAS, NOTES_DELTA, RAW = "stats", "alias", "notes-delta", "lint-fields"
#: A cache entry whose file changed less than this before the cache was written is
#: checked by content, since a second edit within the clock's granularity keeps mtime.
RACY_NS = 1_000_000_000
#: More changed notes than this are not worth checking one by one: rebuild.
MAX_CHANGED = 200


def notes_key(marks: frozenset[str]) -> str:
    """The key of the notes cache: the placeholder links."""
    return hashlib.sha256("\0".join(sorted(marks)).encode("utf-8")).hexdigest()


def reusable(
    files: VaultFiles,
    entries: Mapping[str, Any],
    written: int,
    changes: Mapping[str, Any],
    changed_at: int,
) -> tuple[dict[str, Entry], list[str]]:
    """(the notes-cache entries that still describe their note, the notes to parse):
    an entry whose size and mtime match (and, for a note changed within a second of the
    cache's writing, its content digest) is reused; ``changes`` (the notes delta, written
    at ``changed_at``) wins over ``entries`` (written at ``written``)."""
    reused: dict[str, Entry] = {}
    todo: list[str] = []
    for rel in files.notes:
        size, mtime = files.stats.get(rel, (-1, 0))
        entry = changes.get(rel)
        when = changed_at if entry is not None else written
        entry = entry if entry is not None else entries.get(rel)
        if (
            isinstance(entry, tuple)
            and len(entry) == 5
            and size >= 0
            and entry[0] == size
            and entry[1] == mtime
            and (mtime < when - RACY_NS or same_bytes(files.root, rel, entry[2]))
        ):
            reused[rel] = entry
        else:
            todo.append(rel)
    return reused, todo


def same_bytes(root: Path, rel: str, sha: object) -> bool:
    """True when the file at ``rel`` still has the content digest ``sha``."""
    data = read_bytes(root, rel)
    return not isinstance(data, OSError) and digest(data) == sha


def still_true(files: VaultFiles, racy: Any, written_ns: int) -> bool:
    """True when a snapshot written at ``written_ns`` still describes the notes: a note
    changed within a second of it is checked by content against the digest kept for it."""
    if not isinstance(racy, dict):
        return False
    limit = written_ns - RACY_NS
    if files.packed.newest() < limit:
        return True  # the common case, at C speed: nothing changed near the writing
    # Only the few files changed since: found at C speed too (a warm run of a vault
    # edited just before its cache was written pays this on every run until the next).
    for _at, rel in _notes_since(files, limit):
        if not same_bytes(files.root, rel, racy.get(rel)):
            return False
    return True


def _notes_since(files: VaultFiles, limit: int) -> Iterator[tuple[int, str]]:
    """(place in :attr:`VaultFiles.notes`, path) of each note modified at ``limit`` (an
    mtime_ns) or later, in path order."""
    notes = files.notes
    for rel in files.packed.since(files.all_files, limit):
        at = bisect_left(notes, rel)
        if at < len(notes) and notes[at] == rel:
            yield at, rel


def stats_key(files: VaultFiles, marks: frozenset[str]) -> str:
    """The key of the stats index: intgraph, the vault root and the placeholder links."""
    h = hashlib.sha256(f"{__version__}\0{FORMAT}\0{files.root}\0".encode())
    h.update("\0".join(sorted(marks)).encode("utf-8"))
    return h.hexdigest()


def save_index(
    directory: Path,
    files: VaultFiles,
    marks: frozenset[str],
    graph_key: str,
    digests: dict[str, tuple[bytes, bytes]],
    written_ns: int,
) -> None:
    """Save the stats index of the snapshot saved under ``graph_key``; ``digests`` holds
    each note's (content digest, graph digest)."""
    pairs = map(digests.__getitem__, files.notes)
    _write_index(directory, files, marks, graph_key, b"".join(map(_pair, pairs)), written_ns)


def _write_index(
    directory: Path,
    files: VaultFiles,
    marks: frozenset[str],
    graph_key: str,
    blob: bytes,
    written_ns: int,
) -> None:
    """The index: the snapshot's key, the file list, every file's stats as
    :class:`~intgraph.filestats.Packed` holds them, and ``blob``, each note's two digests
    in note order (:data:`PAIR` bytes a note). Arrays and one blob load and compare at C
    speed, where a dict of a tuple a note (145,000 of them) took a fifth of a second to
    read and as much to write."""
    packed = files.packed
    payload = (graph_key, files.all_files, packed.sizes, packed.mtimes, blob)
    store.write(directory, STATS, stats_key(files, marks), payload, written_ns)


#: The bytes of each of a note's digests in the index (see :func:`intgraph.reader.digest`):
#: an unreadable note's empty content digest is kept as zeros, which no content has.
DIGEST = 16
PAIR = 2 * DIGEST


def _pair(digests: tuple[bytes, bytes]) -> bytes:
    sha, graph = digests
    return _fixed(sha) + _fixed(graph)


def _fixed(digest: bytes) -> bytes:
    return digest[:DIGEST].ljust(DIGEST, b"\0")


def read_delta(directory: Path | None, key: str, base_written: int) -> tuple[dict[Any, Any], int]:
    """(notes-cache entries parsed since the notes cache written at ``base_written``,
    when the delta was written); nothing when there is no delta for that notes cache."""
    found = store.read(directory, NOTES_DELTA, key) if directory is not None else None
    if found is not None:
        data, written = found
        if isinstance(data, tuple) and len(data) == 2 and data[0] == base_written:
            return (data[1], written) if isinstance(data[1], dict) else ({}, 0)
    return {}, 0


def write_delta(
    directory: Path, key: str, base_written: int, entries: dict[str, Any], written_ns: int
) -> None:
    """Save notes-cache ``entries`` parsed since the notes cache written at
    ``base_written`` (all of them since then: a delta replaces the last one)."""
    store.write(directory, NOTES_DELTA, key, (base_written, entries), written_ns)


def read_alias(directory: Path, key: str) -> tuple[str, Any, int] | None:
    """(snapshot key, racy digests, written_ns) that the alias saved for vault ``key``."""
    found = store.read(directory, ALIAS, key)
    if found is None:
        return None
    data, written = found
    if not (isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], str)):
        return None
    return data[0], data[1], written


def patch(
    directory: Path,
    files: VaultFiles,
    marks: frozenset[str],
    key: str,
    started: int,
    snapshots: Mapping[str, Decoded],
) -> tuple[Decoded, int, str] | None:
    """((flows view, alias map) of the saved graph, how many notes were parsed, its key)
    when the saved graph still describes the vault whose key is ``key`` (an alias for
    ``key`` is written), or describes it once :func:`intgraph.patch.patch_flows`
    applies the changed integration notes (the patched light part is written under
    ``key``); None when it must be rebuilt. The updated index is written either way.
    ``snapshots``: the saved graphs read and decoded (see :func:`intgraph.warm.peek`), by
    key; a graph saved under another key is not patched."""
    found = store.read(directory, STATS, stats_key(files, marks))
    if found is None:
        return None
    try:
        (graph_key, all_files, sizes, mtimes, blob), written = found
        index = Packed(sizes, mtimes)
        if not (
            type(sizes) is bytes
            and type(mtimes) is bytes
            and type(blob) is bytes
            and tuple(all_files) == files.all_files
            and index.fits(files.all_files)
            and len(blob) == PAIR * len(files.notes)
        ):
            return None
        changed = _changed(files, index, blob, written)
    except (IndexError, KeyError, TypeError, ValueError):
        return None
    if changed is None:
        return None
    saved = snapshots.get(graph_key)
    if saved is None:
        return None
    parsed = parse_many(files.root, changed, marks, workers=1)
    fresh = bytearray(blob)
    moved: dict[str, Note] = {}
    for rel in changed:
        sha, note, _encoded, graph = parsed[rel]
        at = PAIR * bisect_left(files.notes, rel)
        if _fixed(graph) != blob[at + DIGEST : at + PAIR]:
            moved[rel] = note
        fresh[at : at + PAIR] = _pair((sha, graph))
    racy = {
        rel: bytes(fresh[PAIR * at : PAIR * at + DIGEST])
        for at, rel in _notes_since(files, started - RACY_NS)
    }
    if moved:
        patched = patch_flows(saved, moved, files.all_files)
        if patched is None:
            return None
        store.write(directory, store.GRAPH, key, (patched[0], racy), started)
        _write_index(directory, files, marks, key, bytes(fresh), started)
        return (patched[1], saved[1]), len(changed), key
    _write_index(directory, files, marks, graph_key, bytes(fresh), started)
    store.write(directory, ALIAS, key, (graph_key, racy), started)
    return saved, len(changed), graph_key


def _changed(files: VaultFiles, index: Packed, blob: bytes, written: int) -> list[str] | None:
    """The notes whose stats (as ``index`` holds them) or, when racy, content (their
    digests in ``blob``) differ now; None when a note could not be stat'ed or too many
    changed."""
    paths, notes = files.all_files, files.notes
    now_sizes, now_mtimes = files.packed.arrays()
    old_sizes, old_mtimes = index.arrays()
    # Every file's check at C speed first: a note not stat'ed means a rebuild; the notes
    # whose stats differ, or are racy, are looked at one by one.
    is_note = list(map(frozenset(notes).__contains__, paths))
    if min(compress(now_sizes, is_note), default=0) < 0:
        return None
    differ = map(or_, map(ne, old_sizes, now_sizes), map(ne, old_mtimes, now_mtimes))
    racy = map(ge, now_mtimes, repeat(written - RACY_NS))
    changed: list[str] = []
    for at in compress(range(len(paths)), map(and_, is_note, map(or_, differ, racy))):
        rel = paths[at]
        if old_sizes[at] == now_sizes[at] and old_mtimes[at] == now_mtimes[at]:
            where = PAIR * bisect_left(notes, rel)
            if same_bytes(files.root, rel, blob[where : where + DIGEST]):
                continue  # written within a second of the index, but the same content
        changed.append(rel)
        if len(changed) > MAX_CHANGED:
            return None
    return changed


def raw_fields(
    files: VaultFiles,
    paths: list[str],
    marks: frozenset[str],
    directory: Path | None,
    workers: int | None = None,
) -> dict[str, tuple[Field, ...]]:
    """Lint's field records of the notes at ``paths``: from the ``lint-fields`` cache
    file for a note whose size and mtime (and, when racy, content) match, else parsed
    anew; the cache file is rewritten when something was parsed."""
    started = time.time_ns()
    key = stats_key(files, marks)
    cached = store.read(directory, RAW, key) if directory is not None else None
    entries, written = cached if cached is not None and isinstance(cached[0], dict) else ({}, 0)
    out: dict[str, tuple[Field, ...]] = {}
    todo = []
    for rel in paths:
        size, mtime = files.stats.get(rel, (-1, 0))
        entry: Any = entries.get(rel)
        try:
            if (
                size >= 0
                and entry[0] == size
                and entry[1] == mtime
                and (mtime < written - RACY_NS or same_bytes(files.root, rel, entry[2]))
            ):
                out[rel] = tuple(Field(*x) for x in entry[3])
                continue
        except (IndexError, KeyError, TypeError, ValueError):
            pass  # no entry, or one of the wrong shape: parse the note
        todo.append(rel)
    if not todo:
        return out
    parsed = parse_many(files.root, todo, marks, workers, raw=True)
    fresh = dict(entries)
    for rel in todo:
        sha, note, _encoded, _graph = parsed[rel]
        out[rel] = note.raw_fields or ()
        size, mtime = files.stats.get(rel, (-1, 0))
        rows = tuple(
            (x.section, x.subsection, x.label, x.value, x.line, x.placeholder) for x in out[rel]
        )
        fresh[rel] = (size, mtime, sha, rows)
    if directory is not None:
        known = set(files.notes)
        kept = {rel: e for rel, e in fresh.items() if rel in known}
        store.write(directory, RAW, key, kept, started)
    return out
