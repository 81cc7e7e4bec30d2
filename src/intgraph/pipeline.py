"""Run the stages in order: find files → read and parse (or reuse the cache) → resolve
→ build the graph."""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intgraph import __version__
from intgraph import cache as store
from intgraph.codec import FORMAT
from intgraph.codec import decode as decode_note
from intgraph.codec import encode as encode_note
from intgraph.flows import Flows, integration_node, loaded_text
from intgraph.incremental import (
    MAX_CHANGED,
    notes_key,
    raw_fields,
    read_delta,
    reusable,
    write_delta,
)
from intgraph.model import (
    TEMPLATE_PLACEHOLDER_LINKS,
    IntegrationFields,
    Note,
    Problem,
    Resolution,
)
from intgraph.names import SystemNames
from intgraph.reader import Progress, parse_many
from intgraph.resolve import Resolver
from intgraph.snapshot import LAYOUT_ERRORS, decode_graph, encode_detail
from intgraph.vault import VaultFiles, find_files
from intgraph.warm import Saved, peek, saved_graph

if TYPE_CHECKING:
    import networkx as nx


#: The size of a saved graph (``graph.cache``, about 2,000 integrations) from which a
#: warm start reads it while a forked child walks the vault.
PEEK_MIN = 1 << 20


@dataclass(frozen=True)
class LoadReport:
    """How a load went: what was parsed, what came from the cache."""

    parsed: int = 0
    reused: int = 0
    snapshot: bool = False


@dataclass(frozen=True)
class Landscape:
    """A loaded vault: its files, resolver, the flows view of its graph, and its parsed
    notes and graph (both loaded on first use)."""

    files: VaultFiles
    resolver: Resolver
    names: SystemNames
    #: The data-flow view that traversals read (a warm run needs nothing more).
    flows: Flows
    placeholders: frozenset[str]
    load_notes: Callable[[], tuple[Note, ...]] = field(repr=False, compare=False)
    load_graph: Callable[[], nx.MultiDiGraph] = field(repr=False, compare=False)
    report: LoadReport = LoadReport()
    #: The cache folder (None: no cache), where lint's field records are kept once read.
    cache_dir: Path | None = field(default=None, repr=False, compare=False)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The landscape graph (see :mod:`intgraph.graph`); a warm run builds it from the
        cache on first use."""
        return self.load_graph()

    def with_graph(self, graph: nx.MultiDiGraph) -> Landscape:
        """This landscape with ``graph`` (and its flows view) in place of its own."""
        from intgraph.graph import flows_of

        return replace(self, flows=flows_of(graph), load_graph=lambda: graph)

    @cached_property
    def notes(self) -> tuple[Note, ...]:
        """Every parsed note, in path order."""
        return self.load_notes()

    @cached_property
    def by_path(self) -> Mapping[str, Note]:
        """The parsed notes by vault-relative path."""
        return {n.path: n for n in self.notes}

    @property
    def name(self) -> str:
        """The vault's name (its folder name)."""
        return self.files.name

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem recorded while reading and parsing, in path order; reports
        intgraph wrote itself (which quote Templater tags and the like) have none."""
        notes = (n for n in self.notes if not n.generated)
        found = [*self.files.problems, *(p for n in notes for p in n.problems)]
        return tuple(sorted(found, key=lambda p: (p.path, p.line or 0, p.code)))

    @property
    def has_integrations(self) -> bool:
        """True when the vault holds at least one integration note (read from the graph)."""
        return self.flows.has_integrations

    @property
    def integrations(self) -> tuple[Note, ...]:
        """The integration notes, in path order."""
        return tuple(n for n in self.notes if n.is_integration)

    def with_raw_fields(self, notes: Sequence[Note], workers: int | None = None) -> list[Note]:
        """``notes`` with their ``raw_fields`` read (a load leaves them ``None`` because
        only lint needs them): from the cache when it holds them for the file as it is,
        else parsed anew (and then kept in the cache). A note whose file cannot be read
        any more keeps no raw fields."""
        todo = [n.path for n in notes if n.raw_fields is None]
        if not todo:
            return list(notes)
        with paused_gc():
            found = raw_fields(self.files, todo, self.placeholders, self.cache_dir, workers)
        out = []
        for note in notes:
            if note.raw_fields is None:
                note = replace(note, raw_fields=found.get(note.path, ()))
            out.append(note)
        return out

    def note(self, path: str) -> Note:
        """The parsed note at vault-relative ``path``; raises KeyError when there is none."""
        return self.by_path[path]

    def resolutions(self) -> Iterable[Resolution]:
        """Every link of every note, resolved from its note, in path and line order."""
        for note in self.notes:
            for link in note.links:
                if link.target:
                    yield self.resolver.resolve(link, note.path)


def load_vault(
    path: str | os.PathLike[str],
    exclude: Sequence[str] = (),
    placeholders: Iterable[str] = (),
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    templates_folder: str | None = None,
    raw_fields: bool = False,
    write_behind: bool = False,
) -> Landscape:
    """Read the vault at ``path`` into a :class:`Landscape`.

    ``exclude`` holds glob patterns of paths to skip; ``placeholders`` adds link
    texts to the template's own placeholder links. With ``cache_dir``, parse
    results and the built graph are reused from (and saved to) that folder.
    ``workers`` caps the processes of a large cold scan; ``progress(done, total)``
    is called while notes are parsed. ``raw_fields`` parses lint's per-field records in
    the same pass as the rest (for lint, which would otherwise parse the notes twice on
    a cold run). ``templates_folder`` names a templates folder to
    skip besides those in the vault's settings. With ``write_behind``, a cold load may
    return while a child process writes the graph snapshot into ``cache_dir``:
    :func:`settle` waits for it (as a later load of the same cache folder does). Raises
    :class:`~intgraph.errors.VaultNotFoundError` when ``path`` is not a folder;
    every per-note problem is recorded instead of raised.
    """
    with paused_gc():
        return _load(
            path, exclude, placeholders, cache_dir, workers, progress, templates_folder,
            raw_fields, write_behind,
        )  # fmt: skip


def settle() -> None:
    """Wait for every graph snapshot a ``write_behind`` load left a child writing; one
    whose child failed is written here instead."""
    store.settle()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: loading (or answering about) a large vault
    allocates hundreds of thousands of small acyclic objects, and the collector's passes
    over them (and over everything already loaded) cost a warm run a third of its time.
    The previous state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(
    path: str | os.PathLike[str],
    exclude: Sequence[str],
    placeholders: Iterable[str],
    cache_dir: str | os.PathLike[str] | None,
    workers: int | None,
    progress: Progress | None,
    templates_folder: str | None = None,
    raw_fields: bool = False,
    write_behind: bool = False,
) -> Landscape:
    started = time.time_ns()
    directory = Path(cache_dir) if cache_dir is not None else None
    if directory is not None:
        store.settle(directory)  # a snapshot still being written for this cache folder
    # A saved graph is read while a child walks the vault, and kept once the stats tie it
    # to the vault. Without one (or with a small one: the child would cost more than it
    # saves), the walk itself takes both cores.
    peeked: list[Saved | None] = []
    meanwhile = None
    if directory is not None and store.size(directory, store.GRAPH) >= PEEK_MIN:
        at = directory

        def meanwhile() -> None:
            peeked.append(peek(at))

    marks = frozenset(TEMPLATE_PLACEHOLDER_LINKS | {p.strip() for p in placeholders if p.strip()})

    def summarize(found: VaultFiles) -> str:
        return fingerprint(found, marks)

    def idle() -> None:
        # Waiting for the walk: the rows' text a large answer writes is decoded meanwhile.
        if peeked and peeked[0] is not None:
            loaded_text(peeked[0].decoded[0].text)

    # The cache key is taken where the vault is walked (a child, beside the snapshot's
    # reading), off this process's path.
    files = find_files(
        path, exclude, templates_folder, meanwhile,
        summarize if directory is not None else None, idle,
    )  # fmt: skip
    resolver = Resolver(files.all_files)

    def notes_loader(report: dict[str, Any]) -> tuple[Note, ...]:
        with paused_gc():
            notes, parsed, reused, digests = _notes(
                files, marks, directory, started, workers, progress, raw=raw_fields
            )
        report.update(parsed=parsed, reused=reused, digests=digests)
        return notes

    if directory is not None:
        key = files.summary if files.summary is not None else fingerprint(files, marks)
        loaded: list[tuple[Note, ...]] = []

        def load_once() -> tuple[Note, ...]:
            if not loaded:
                loaded.append(notes_loader({}))
            return loaded[0]

        if not peeked:  # not read while the vault was walked: read now
            peeked.append(peek(directory))
        saved = saved_graph(directory, files, marks, key, started, peeked[0])
        peeked.clear()  # a snapshot of another vault is not held through a rebuild
        if saved is not None:
            flows, aliases, base, parsed = saved
            names = SystemNames(resolver, aliases, files.root)

            def load_graph() -> nx.MultiDiGraph:
                return _detail(directory, base, flows, aliases, load_once, resolver, names)

            return Landscape(
                files, resolver, names, flows, marks, load_once, load_graph,
                LoadReport(parsed=parsed, snapshot=True), directory,
            )  # fmt: skip
    from intgraph.build import cold_load, kept_notes  # a warm run never imports networkx
    from intgraph.graph import flows_of

    # Cold: build the graph as the notes are parsed; the notes themselves are read back
    # from the notes cache only when a command asks for them.
    notes_source: Callable[[], tuple[Note, ...]]
    if directory is not None:
        cold = cold_load(files, marks, resolver, directory, key, started, workers, progress,
                         raw_fields, write_behind=write_behind)  # fmt: skip
        notes_source = load_once
    else:
        cold = cold_load(files, marks, resolver, None, "", started, workers, progress, raw_fields)
        kept = cold.kept or ()

        def notes_source() -> tuple[Note, ...]:
            return kept_notes(kept, files.notes)

    report = LoadReport(parsed=cold.parsed, reused=cold.reused)
    return Landscape(
        files, resolver, cold.names, flows_of(cold.whole.graph), marks, notes_source,
        cold.whole, report, directory,
    )  # fmt: skip


def _detail(
    directory: Path,
    key: str,
    flows: Flows,
    aliases: dict[str, tuple[str, ...]],
    load_notes: Callable[[], tuple[Note, ...]],
    resolver: Resolver,
    names: SystemNames,
) -> nx.MultiDiGraph:
    """The whole graph of a warm run: from the detail part saved beside the snapshot of
    ``key``, or, when it is missing or of another layout (an edit was patched into the
    flows view, say), built from the notes and saved for the next run."""
    from intgraph.graph import build_graph

    def rebuild_fields() -> dict[str, IntegrationFields]:
        return {integration_node(n.path): n.fields for n in load_notes() if n.is_integration}

    with paused_gc():
        found = store.read(directory, store.DETAIL, key)
        if found is not None:
            try:
                return decode_graph(flows, aliases, found[0], rebuild_fields)
            except LAYOUT_ERRORS:
                pass  # a detail part of another layout: build the graph anew
        graph = build_graph(load_notes(), resolver, names)
        store.write(directory, store.DETAIL, key, encode_detail(graph), time.time_ns())
        return graph


def fingerprint(files: VaultFiles, placeholders: frozenset[str]) -> str:
    """A digest of everything a load depends on: intgraph, the file list and stats,
    and the placeholder links."""
    h = hashlib.sha256(
        f"{__version__}\0{FORMAT}\0{files.root}\0".encode("utf-8", "surrogateescape")
    )
    h.update("\0".join(sorted(placeholders)).encode("utf-8", "surrogateescape"))
    paths = "\0".join(files.all_files).encode("utf-8", "surrogateescape")
    h.update(len(paths).to_bytes(8, "little"))  # no file name holds a NUL; the rest is sized
    h.update(paths)
    h.update(files.packed.sizes)
    h.update(files.packed.mtimes)
    return h.hexdigest()


def _notes(
    files: VaultFiles,
    marks: frozenset[str],
    directory: Path | None,
    started: int,
    workers: int | None,
    progress: Progress | None,
    reuse: bool = True,
    raw: bool = False,
) -> tuple[tuple[Note, ...], int, int, dict[str, tuple[bytes, bytes]]]:
    """(notes in path order, how many were parsed, how many came from the cache,
    the digest of every note's bytes and its graph digest). ``reuse=False`` ignores the
    notes cache (and rewrites it); ``raw`` parses lint's field records too."""
    key = notes_key(marks)
    cached = store.read(directory, store.NOTES, key) if directory is not None and reuse else None
    entries, written = cached if cached is not None and isinstance(cached[0], dict) else ({}, 0)
    # Notes parsed again since the notes cache was written, when few: a small file beside it.
    changes, changed_at = read_delta(directory, key, written) if cached is not None else ({}, 0)
    reused, todo = reusable(files, entries, written, changes, changed_at)
    parsed = parse_many(files.root, todo, marks, workers, progress, raw)
    notes: list[Note] = []
    try:
        for rel in files.notes:
            notes.append(parsed[rel][1] if rel in parsed else decode_note(reused[rel][3]))
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        # A cache entry of the right version but the wrong shape: parse everything.
        return _notes(files, marks, directory, started, workers, progress, False, raw)
    digests = {
        rel: (parsed[rel][0], parsed[rel][3]) if rel in parsed else (reused[rel][2], reused[rel][4])
        for rel in files.notes
    }
    if directory is not None and (parsed or set(entries) != set(files.notes)):
        as_delta = (
            cached is not None
            and set(entries) == set(files.notes)
            and len(parsed) + len(changes) <= MAX_CHANGED
        )
        fresh = {}
        for rel, note in zip(files.notes, notes, strict=True):
            if as_delta and rel not in parsed:
                continue
            size, mtime = files.stats.get(rel, (-1, 0))
            encoded = (parsed[rel][2] or encode_note(note)) if rel in parsed else reused[rel][3]
            fresh[rel] = (size, mtime, digests[rel][0], encoded, digests[rel][1])
        if as_delta:
            write_delta(directory, key, written, {**changes, **fresh}, started)
        else:
            store.write(directory, store.NOTES, key, fresh, started)
    return tuple(notes), len(parsed), len(reused), digests
