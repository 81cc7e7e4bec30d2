"""Run the stages in order: find files → read → parse → resolve → build the graph."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx

from intgraph.graph import build_graph
from intgraph.model import Note, Problem, Resolution
from intgraph.names import SystemNames
from intgraph.parse import TEMPLATE_PLACEHOLDER_LINKS, parse_note
from intgraph.resolve import Resolver
from intgraph.vault import VaultFiles, find_files, read_notes


@dataclass(frozen=True)
class Landscape:
    """A loaded vault: its files, parsed notes, resolved links and graph."""

    files: VaultFiles
    notes: tuple[Note, ...]
    resolver: Resolver
    names: SystemNames
    graph: nx.MultiDiGraph
    placeholders: frozenset[str]
    by_path: Mapping[str, Note] = field(default_factory=dict, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The vault's name (its folder name)."""
        return self.files.name

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem recorded while reading and parsing, in path order."""
        found = [*self.files.problems, *(p for n in self.notes for p in n.problems)]
        return tuple(sorted(found, key=lambda p: (p.path, p.line or 0, p.code)))

    @property
    def integrations(self) -> tuple[Note, ...]:
        """The integration notes, in path order."""
        return tuple(n for n in self.notes if n.is_integration)

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
) -> Landscape:
    """Read the vault at ``path`` into a :class:`Landscape`.

    ``exclude`` holds glob patterns of paths to skip; ``placeholders`` adds link
    texts to the template's own placeholder links. Raises
    :class:`~intgraph.errors.VaultNotFoundError` when ``path`` is not a folder;
    every per-note problem is recorded instead of raised.
    """
    files = find_files(path, exclude)
    marks = frozenset(TEMPLATE_PLACEHOLDER_LINKS | {p.strip() for p in placeholders if p.strip()})
    notes = tuple(parse_note(text, marks) for text in read_notes(files))
    resolver = Resolver(files.all_files)
    names = SystemNames(resolver, notes)
    graph = build_graph(notes, resolver, names)
    return Landscape(files, notes, resolver, names, graph, marks, {n.path: n for n in notes})
