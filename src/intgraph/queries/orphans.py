"""The orphaned-link report: missing, placeholder, alias and ambiguous links,
orphan notes and parse errors, each with file and line."""

from __future__ import annotations

from dataclasses import dataclass

from intgraph.model import Problem, name_key, without_md
from intgraph.pipeline import Landscape

CATEGORIES = ("missing", "placeholder", "alias", "ambiguous", "orphans", "errors")


@dataclass(frozen=True)
class Occurrence:
    """Where a link was written, and (for ambiguous links) what Obsidian opens from there."""

    path: str
    line: int
    resolved_to: str | None = None


@dataclass(frozen=True)
class Unresolved:
    """A link target that resolves to no file, with every place it is written."""

    target: str
    kind: str
    occurrences: tuple[Occurrence, ...]
    alias_of: str | None = None


@dataclass(frozen=True)
class Ambiguous:
    """A bare-name target that several files match, or an alias that several notes
    declare (each occurrence's ``resolved_to`` is then the note intgraph takes it for,
    the first by path: Obsidian opens none)."""

    target: str
    candidates: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    #: True for an alias that the ``candidates`` (notes) all declare.
    alias: bool = False


@dataclass(frozen=True)
class OrphanReport:
    """The whole report, every list sorted."""

    vault: str
    notes: int
    links: int
    unresolved: tuple[Unresolved, ...]
    ambiguous: tuple[Ambiguous, ...]
    orphan_notes: tuple[str, ...]
    parse_errors: tuple[Problem, ...]

    def count(self, kind: str) -> int:
        """Occurrences of an unresolved kind (missing, placeholder or alias)."""
        return sum(len(u.occurrences) for u in self.unresolved if u.kind == kind)

    def non_empty(self, category: str) -> bool:
        """True when ``category`` (one of :data:`CATEGORIES`) has any entry."""
        if category in ("missing", "placeholder", "alias"):
            return self.count(category) > 0
        return bool(
            {
                "ambiguous": self.ambiguous,
                "orphans": self.orphan_notes,
                "errors": self.parse_errors,
            }[category]
        )


def orphan_report(landscape: Landscape) -> OrphanReport:
    """Classify every link of the vault and find its orphan notes."""
    unresolved: dict[tuple[str, str], list[tuple[str, Occurrence]]] = {}
    aliases: dict[tuple[str, str], str] = {}
    ambiguous: dict[str, list[tuple[str, Occurrence]]] = {}
    candidates: dict[str, set[str]] = {}
    alias_groups: set[str] = set()
    inbound: set[str] = set()
    outbound: set[str] = set()
    total = 0
    for res in landscape.resolutions():
        note = res.source
        if landscape.note(note).generated:
            continue
        total += 1
        outbound.add(note)
        shown = without_md(res.link.target)
        here = Occurrence(note, res.link.line)
        if res.link.placeholder:
            unresolved.setdefault(("placeholder", shown.lower()), []).append((shown, here))
        elif res.resolved is None:
            name = res.link.target.rsplit("/", 1)[-1]
            alias = landscape.names.alias_target(name)
            declared = landscape.names.alias_sources(name) if alias else ()
            if len(declared) > 1:  # an alias several notes declare: ambiguous
                group = name_key(shown)
                ambiguous.setdefault(group, []).append(
                    (shown, Occurrence(note, res.link.line, alias))
                )
                candidates.setdefault(group, set()).update(declared)
                alias_groups.add(group)
                continue
            kind = "alias" if alias else "missing"
            key = (kind, name_key(shown))
            unresolved.setdefault(key, []).append((shown, here))
            if alias:
                aliases[key] = alias
        else:
            if res.resolved != note:
                inbound.add(res.resolved)
            if res.ambiguous:
                group = name_key(shown)
                at = Occurrence(note, res.link.line, res.resolved)
                ambiguous.setdefault(group, []).append((shown, at))
                candidates.setdefault(group, set()).update(res.candidates)
    return OrphanReport(
        vault=landscape.name,
        notes=len(landscape.notes),
        links=total,
        unresolved=tuple(
            sorted(
                (
                    Unresolved(_first(items), kind, _places(items), aliases.get((kind, key)))
                    for (kind, key), items in unresolved.items()
                ),
                key=lambda u: (u.kind, u.target.lower(), u.target),
            )
        ),
        ambiguous=tuple(
            sorted(
                (
                    Ambiguous(
                        _first(items),
                        tuple(sorted(candidates[key])),
                        _places(items),
                        key in alias_groups,
                    )
                    for key, items in ambiguous.items()
                ),
                key=lambda a: (a.target.lower(), a.target),
            )
        ),
        orphan_notes=tuple(
            n.path
            for n in landscape.notes
            if n.path not in inbound and n.path not in outbound and not n.generated
        ),
        parse_errors=landscape.problems,
    )


def _first(items: list[tuple[str, Occurrence]]) -> str:
    """The spelling of the first occurrence in path order."""
    return min(items, key=lambda pair: (pair[1].path, pair[1].line))[0]


def _places(items: list[tuple[str, Occurrence]]) -> tuple[Occurrence, ...]:
    return tuple(sorted({occ for _, occ in items}, key=lambda o: (o.path, o.line)))
