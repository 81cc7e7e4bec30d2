"""A cold load: parse the notes (reusing what the notes cache holds), build the graph and
write the caches, without holding every note in memory.

Notes are parsed in chunks (see :func:`intgraph.reader.parse_stream`), across CPU cores
for a large vault. Each chunk comes back as its notes-cache entries, already marshalled,
which go straight to the notes cache file (:class:`intgraph.cache.PartsWriter`), and as
a compact record per note of what the graph needs (:func:`intgraph.graph.graph_record`).
The graph is built from the records once they are all in, since any system note's
aliases can change which system a reference names; while the workers parse, the parent
does what no alias changes (importing networkx, indexing the files, resolving each
batch's link paths). The integrations' template fields stay encoded until something
asks for them (:func:`intgraph.graph.fields_of`).
"""

from __future__ import annotations

import functools
import importlib
import marshal
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intgraph import cache as store
from intgraph.assembly import add_documents, assemble, assemble_flows
from intgraph.codec import decode as decode_note
from intgraph.codec import decode_fields
from intgraph.flows import Flows, row_text
from intgraph.graph import flows_of, known_flows, remember_flows
from intgraph.incremental import (
    MAX_CHANGED,
    RACY_NS,
    Entry,
    notes_key,
    read_delta,
    reusable,
    save_index,
    write_delta,
)
from intgraph.model import INTEGRATION, IntegrationFields, Note
from intgraph.names import SystemNames
from intgraph.reader import Progress, parse_stream
from intgraph.records import Record, blob_parts, fields_piece, graph_record, record_aliases
from intgraph.resolve import Resolver
from intgraph.snapshot import encode_detail, encode_light
from intgraph.vault import VaultFiles

if TYPE_CHECKING:
    import networkx as nx

#: Notes from which a ``write_behind`` load leaves the snapshot to a child (fewer are
#: written sooner than a child starts).
WRITE_BEHIND_MIN = 1500
#: How many items :func:`intgraph.codec.encode_fields` makes.
FIELDS_LENGTH = 14
#: What a cache entry of another layout raises while it is read.
ENTRY_ERRORS = (AttributeError, IndexError, KeyError, TypeError, ValueError)


@dataclass(frozen=True)
class Cold:
    """What a cold load made."""

    #: The graph, whole once called (see :class:`WholeGraph`); its flows view is derived.
    whole: WholeGraph
    aliases: dict[str, tuple[str, ...]]
    names: SystemNames
    parsed: int
    reused: int
    #: Every note's notes-cache entries, marshalled, when no cache folder holds them.
    kept: tuple[bytes, ...] | None


def cold_load(
    files: VaultFiles,
    marks: frozenset[str],
    resolver: Resolver,
    directory: Path | None,
    graph_key: str,
    started: int,
    workers: int | None,
    progress: Progress | None,
    raw: bool = False,
    reuse: bool = True,
    write_behind: bool = False,
) -> Cold:
    """Parse what the notes cache in ``directory`` does not hold, build the graph, and
    (with a ``directory``) write the notes cache (or its delta), the graph snapshot under
    ``graph_key`` and the stats index. ``raw`` parses lint's field records too;
    ``reuse=False`` ignores the notes cache (and rewrites it). With ``write_behind``,
    the snapshot and the index may be left to a child to write (see
    :func:`intgraph.cache.write_behind`)."""
    key = notes_key(marks)
    cached = store.read(directory, store.NOTES, key) if directory is not None and reuse else None
    entries, written = cached if cached is not None and isinstance(cached[0], dict) else ({}, 0)
    changes, changed_at = read_delta(directory, key, written) if cached is not None else ({}, 0)
    reused, todo = reusable(files, entries, written, changes, changed_at)
    records: dict[str, Record] = {}
    digests: dict[str, tuple[bytes, bytes]] = {}
    pieces: list[bytes] = []  # the fields blob, in parts (see graph.fields_piece)
    try:
        for rel, entry in reused.items():
            records[rel] = graph_record(entry[3])
            digests[rel] = (entry[2], entry[4])
            if entry[3][9]:
                if not (type(entry[3][6]) is tuple and len(entry[3][6]) == FIELDS_LENGTH):
                    raise ValueError(f"fields of another layout in the notes cache: {rel}")
                pieces.append(fields_piece(rel, entry[3][6]))
    except ENTRY_ERRORS:  # a cache entry of the right version but the wrong shape
        return cold_load(files, marks, resolver, directory, graph_key, started, workers,
                         progress, raw, reuse=False, write_behind=write_behind)  # fmt: skip
    same_files = set(entries) == set(files.notes)
    as_delta = cached is not None and same_files and len(todo) + len(changes) <= MAX_CHANGED
    del cached, entries  # what is reused is in ``reused``; the rest is stale
    reused_count = len(reused)
    write_notes = directory is not None and bool(todo or not same_files)
    kept: list[bytes] | None = [] if directory is None else None  # nowhere else to keep them
    fresh: dict[str, Entry] = {}
    writer: store.PartsWriter | _NoWriter = _NoWriter()
    if directory is not None and write_notes and not as_delta:
        writer = store.PartsWriter(directory, store.NOTES, key, started)
    with writer:
        if reused:
            writer.add(marshal.dumps(reused))
        del reused
        waiting = True
        for frame, batch, sums, piece in parse_stream(
            files.root, todo, files.stats, marks, workers, progress, raw
        ):
            if waiting:  # the first batch is in: the workers are busy with the rest
                waiting = False
                _while_parsing(resolver)
            writer.add(frame)
            if kept is not None:
                kept.append(frame)
            elif as_delta and write_notes:
                fresh.update(marshal.loads(frame))
            for record in batch:
                records[record[0]] = record
            _resolve_ahead(resolver, batch)
            for rel, sha, graph_sum in sums:
                digests[rel] = (sha, graph_sum)
            pieces.append(piece)
        writer.commit()
    if as_delta and write_notes and directory is not None:
        write_delta(directory, key, written, {**changes, **fresh}, started)
    ordered = [records[rel] for rel in files.notes]
    del records
    aliases = record_aliases(ordered)
    names = SystemNames(resolver, aliases, files.root)
    try:
        if reused_count:  # records from the cache: a damaged one is found here, not later
            whole = WholeGraph(assemble(ordered, resolver, names), (), resolver)
        else:
            whole = WholeGraph(assemble_flows(ordered, resolver, names), ordered, resolver)
    except ENTRY_ERRORS:
        if not reused_count:
            raise
        return cold_load(files, marks, resolver, directory, graph_key, started, workers,
                         progress, raw, reuse=False, write_behind=write_behind)  # fmt: skip
    del ordered
    graph = whole.graph
    blob = blob_parts(pieces)
    del pieces
    graph.graph["fields_loader"] = _fields_loader(blob)
    behind = write_behind and len(files.notes) >= WRITE_BEHIND_MIN
    if directory is not None:
        save = functools.partial(
            _save_graph, directory, files, marks, graph_key, started, whole, aliases, blob,
            digests,
        )  # fmt: skip
        if behind:
            # The detail part is written by a child forked now, which adds the documents
            # to its copy of the graph; this process answers from the flows (WholeGraph).
            store.write_behind(directory, functools.partial(save, parts=("detail",)))
    # The flows view is derived here, before a child is forked to write the light part:
    # the answer needs it and so does the snapshot, and derived after the fork it would
    # be derived twice, each process paying a copy of every page it touched. So is the
    # text of its rows, which the light part holds and a large answer writes.
    flows = flows_of(graph)
    if directory is not None:
        remember_flows(graph, _with_text(flows))
        if behind:
            store.write_behind(directory, functools.partial(save, parts=("light",)), join=True)
        else:
            save()
    return Cold(
        whole, aliases, names, len(todo), reused_count, None if kept is None else tuple(kept)
    )


class WholeGraph:
    """The whole graph of a cold load, called for: its flows are assembled first, and
    its documents (which few answers need) added on the first call."""

    def __init__(
        self, graph: nx.MultiDiGraph, records: Sequence[Record], resolver: Resolver
    ) -> None:
        """``graph`` as :func:`intgraph.assembly.assemble_flows` made it of ``records``
        (or, with no records, already whole)."""
        self.graph = graph
        self._records = records
        self._resolver = resolver

    def __call__(self) -> nx.MultiDiGraph:
        if self._records:
            flows = known_flows(self.graph)
            add_documents(self.graph, self._records, self._resolver)
            self._records = ()
            if flows is not None:  # documents are not in the flows view
                remember_flows(self.graph, flows)
        return self.graph


def _with_text(flows: Flows) -> Flows:
    """``flows`` with the text of every integration's row (see :attr:`Flows.text`)."""
    integrations = [n for n, attrs in flows.node.items() if attrs["kind"] == INTEGRATION]
    return replace(flows, text=dict(zip(integrations, row_text(flows, integrations), strict=True)))


def _while_parsing(resolver: Resolver) -> None:
    """Work the graph needs that no note's content changes, done while the workers parse
    rather than before they start or after the last batch: importing networkx (a fifth
    of a second) and indexing the vault's files for link resolution."""
    importlib.import_module("networkx")
    resolver.prepare()


def _resolve_ahead(resolver: Resolver, batch: list[Record]) -> None:
    """Resolve the references of ``batch``'s integrations while the workers parse the
    rest: the resolver keeps its answers (the same a fresh one gives), so building the
    graph after the last batch finds them made. No alias is needed for this: a link
    path names a file whatever the other notes say."""
    prime = resolver.prime
    for path, _aliases, _declares, part in batch:
        if part is None:
            continue
        # Sources, targets and middleware (stripped, as SystemNames asks), documents
        # and the other link targets.
        ends = [text.strip() for side in part[5:8] for text, _is_link in side]
        prime([*ends, *(text for _label, text in part[8]), *part[9]], path)


class _NoWriter:
    """A stand-in for :class:`intgraph.cache.PartsWriter` that writes nothing."""

    def add(self, part: bytes) -> None:
        """Ignore ``part``."""

    def commit(self) -> bool:
        """Nothing written."""
        return False

    def __enter__(self) -> _NoWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _fields_loader(blob: list[bytes]) -> Any:
    def load() -> dict[str, IntegrationFields]:
        return {node: decode_fields(f) for node, f in marshal.loads(b"".join(blob)).items()}

    return load


#: The parts of a snapshot :func:`_save_graph` writes: the light part, and the detail
#: part (with the stats index).
PARTS = ("light", "detail")


def _save_graph(
    directory: Path,
    files: VaultFiles,
    marks: frozenset[str],
    graph_key: str,
    started: int,
    whole: WholeGraph,
    aliases: dict[str, tuple[str, ...]],
    blob: list[bytes],
    digests: dict[str, tuple[bytes, bytes]],
    parts: tuple[str, ...] = PARTS,
) -> None:
    """Write the snapshot's ``parts``: the light part of
    :func:`intgraph.snapshot.encode_graph`, and the detail part with the fields ``blob``
    and the stats index (the detail part costs its writer less than the light part with
    its rows' text: the two children that write them then finish nearer together). A
    run that finds the light part without the detail part builds the detail part again,
    and an index is only read beside the light part it names: the order of the files
    is free."""
    from concurrent.futures import ThreadPoolExecutor

    # The detail part (hundreds of megabytes at 100,000 integrations) is digested and
    # written by a thread, which hashlib and the file writes let run beside this one
    # while it writes the stats index (and, writing both parts, the light part).
    with ThreadPoolExecutor(max_workers=1) as pool:
        detail_written = None
        if "detail" in parts:
            payload = _detail_payload(whole(), blob)
            if isinstance(payload, list):
                detail_written = pool.submit(
                    store.write_payload, directory, store.DETAIL, graph_key, payload, started
                )
            else:
                detail_written = pool.submit(
                    store.write, directory, store.DETAIL, graph_key, payload, started
                )
            del payload
            save_index(directory, files, marks, graph_key, digests, started)
        if "light" in parts:
            racy = {
                rel: sha
                for rel, (sha, _graph) in digests.items()
                if files.stats.get(rel, (-1, 0))[1] >= started - RACY_NS
            }
            light = encode_light(flows_of(whole.graph), aliases)
            store.write(directory, store.GRAPH, graph_key, (light, racy), started)
        if detail_written is not None:
            detail_written.result()


def _detail_payload(graph: nx.MultiDiGraph, blob: list[bytes]) -> list[Any] | tuple[Any, ...]:
    """The detail part with the fields ``blob`` spliced in as it is (most of the part:
    not copied), as :func:`intgraph.cache.write_payload` takes it; or, should the marker
    be found elsewhere, the part whole, as :func:`intgraph.cache.write` takes it."""
    marker = b"intgraph fields blob " + os.urandom(16)
    detail = encode_detail(graph, marker)
    pieces = store.spliced(detail, marker, blob)
    return pieces if pieces is not None else (*detail[:2], b"".join(blob))


def kept_notes(kept: Sequence[bytes], paths: Sequence[str]) -> tuple[Note, ...]:
    """The notes at ``paths`` from the marshalled notes-cache entries ``kept``."""
    entries: dict[str, Entry] = {}
    for frame in kept:
        entries.update(marshal.loads(frame))
    return tuple(decode_note(entries[rel][3]) for rel in paths)
