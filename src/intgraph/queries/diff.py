"""What a change does to the landscape: two landscapes compared, every difference
classified, and the systems affected downstream found by the impact traversal."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from intgraph.graph import INTEGRATION, SYSTEM, after, before, flows_of, integration_node
from intgraph.model import Note, name_key
from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.impact import names_of, walk
from intgraph.revisions import Repository

KINDS = ("removed", "added", "rewired", "status", "metadata")
WIRING = ("sources", "targets", "middleware")
PRODUCTION = "production"
#: The --fail-on classes: every kind, every kind touching a Production integration, and
#: systems added or removed.
FAIL_CLASSES = (
    *KINDS,
    *(f"{kind}-production" for kind in KINDS),
    "system-added",
    "system-removed",
    "any",
)
WORK_TREE = "working tree"


@dataclass(frozen=True)
class State:
    """One integration as one landscape has it."""

    id: str | None
    title: str
    path: str
    status: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    middleware: tuple[str, ...]
    fields: tuple[tuple[str, str | None], ...]

    @property
    def label(self) -> str:
        """The Integration ID, or the title when there is none."""
        return self.id or self.title

    @property
    def production(self) -> bool:
        """True when the status is Production."""
        return (self.status or "").strip().lower() == PRODUCTION


@dataclass(frozen=True)
class Change:
    """One classified difference of one integration."""

    kind: str
    before: State | None
    after: State | None
    changed: tuple[str, ...] = ()

    @property
    def current(self) -> State:
        """The head state, or the base state of a removed integration."""
        state = self.after or self.before
        assert state is not None
        return state

    @property
    def production(self) -> bool:
        """True when the integration is Production before or after."""
        return any(s is not None and s.production for s in (self.before, self.after))


@dataclass(frozen=True)
class Affected:
    """A system downstream of one or more changes."""

    name: str
    path: str | None
    distance: int
    because: tuple[str, ...]


@dataclass(frozen=True)
class Rename:
    """A system whose note git reports as renamed."""

    before: str
    after: str


@dataclass(frozen=True)
class LandscapeDiff:
    """The answer to ``intgraph diff``."""

    base: str
    head: str
    base_commit: str | None
    head_commit: str | None
    changes: tuple[Change, ...]
    systems_added: tuple[str, ...]
    systems_removed: tuple[str, ...]
    systems_renamed: tuple[Rename, ...]
    affected: tuple[Affected, ...]

    def matches(self, fail_class: str) -> bool:
        """True when the diff holds a change of ``fail_class`` (one of FAIL_CLASSES)."""
        if fail_class == "any":
            return bool(self.changes or self.systems_added or self.systems_removed)
        if fail_class.startswith("system-"):
            return bool(
                self.systems_added if fail_class == "system-added" else self.systems_removed
            )
        kind, _, production = fail_class.partition("-")
        return any(c.kind == kind and (not production or c.production) for c in self.changes)


def revision_diff(
    vault: str,
    base: str,
    head: str | None,
    exclude: Sequence[str] = (),
    placeholders: Sequence[str] = (),
    load_work_tree: Callable[[], Landscape] | None = None,
) -> LandscapeDiff:
    """Compare the vault at git revision ``base`` with ``head`` (a revision, or None for
    the work tree as it is on disk, loaded by ``load_work_tree`` when given).

    Revisions are read into a temporary folder that is always removed and loaded
    without a cache, so they never mix with the work tree's cache. Raises
    :class:`~intgraph.errors.GitError` for a missing git, a vault outside a work
    tree or an unknown revision.
    """
    with Repository(vault) as repo:
        base_commit = repo.commit(base)
        head_commit = repo.commit(head) if head is not None else None
        old = load_vault(repo.checkout(base_commit), exclude, placeholders)
        if head_commit is not None:
            new = load_vault(repo.checkout(head_commit), exclude, placeholders)
        elif load_work_tree is not None:
            new = load_work_tree()
        else:
            new = load_vault(vault, exclude, placeholders)
        renames = repo.renames(base_commit, head_commit)
        return compare(old, new, renames, base, head or WORK_TREE, base_commit, head_commit)


def compare(
    old: Landscape,
    new: Landscape,
    renames: Mapping[str, str] | None = None,
    base: str = "base",
    head: str = "head",
    base_commit: str | None = None,
    head_commit: str | None = None,
) -> LandscapeDiff:
    """Classify every difference between two landscapes. ``renames`` maps old note
    paths to new ones (as ``git diff -M`` reports them)."""
    renames = dict(renames or {})
    system_names = _system_renames(old.graph, new.graph, renames)
    before = {n.path: _state(old, n, system_names) for n in old.integrations}
    after = {n.path: _state(new, n, {}) for n in new.integrations}
    changes: list[Change] = []
    for b, a in _pairs(before, after, renames):
        if b is None or a is None:
            changes.append(Change("added" if b is None else "removed", b, a))
            continue
        changes += _classify(b, a)
    changes.sort(key=lambda c: (KINDS.index(c.kind), *_order(c.current)))
    old_named, new_named = _named(old.graph), _named(new.graph)
    renamed_keys = {name_key(old_name) for old_name in system_names}
    added = [
        n for k, n in new_named.items() if k not in old_named and not _renamed_to(k, system_names)
    ]
    removed = [n for k, n in old_named.items() if k not in new_named and k not in renamed_keys]
    return LandscapeDiff(
        base=base,
        head=head,
        base_commit=base_commit,
        head_commit=head_commit,
        changes=tuple(changes),
        systems_added=tuple(sorted(added, key=str.lower)),
        systems_removed=tuple(sorted(removed, key=str.lower)),
        systems_renamed=tuple(
            sorted((Rename(b, a) for b, a in system_names.items()), key=lambda r: r.before.lower())
        ),
        affected=_affected(changes, old.graph, new.graph, system_names),
    )


def _order(state: State) -> tuple[str, str, str]:
    return ((state.id or "").lower(), state.title.lower(), state.path)


def _renamed_to(key: str, system_names: Mapping[str, str]) -> bool:
    return any(name_key(new) == key for new in system_names.values())


def _state(landscape: Landscape, note: Note, rename: Mapping[str, str]) -> State:
    graph = landscape.graph
    node = integration_node(note.path)

    def names(nodes: list[str]) -> tuple[str, ...]:
        shown = (rename.get(n, n) for n in names_of(graph, nodes))
        return tuple(sorted(dict.fromkeys(shown), key=str.lower))

    f = note.fields
    fields: dict[str, str | None] = {
        "title": note.title,
        "version": f.version,
        "category": f.category,
        "classification": f.classification,
        "layer type": f.layer_type,
        "protocol": f.protocol,
        "owner": f.owner.text if f.owner else None,
    }
    for label, ref in f.documents:
        key = f"document: {label}"
        fields[key] = ref.text if key not in fields else f"{fields[key]}, {ref.text}"
    for side, endpoints in (("source", f.sources), ("target", f.targets)):
        for part in ("role", "interface", "data"):
            values = [getattr(e, part) for e in endpoints if getattr(e, part)]
            fields[f"{side} {part}"] = ", ".join(dict.fromkeys(values)) or None
    for label, value in f.metadata:
        fields.setdefault(label.lower(), value)
    return State(
        id=f.integration_id,
        title=note.title,
        path=note.path,
        status=f.status,
        sources=names(before(graph, node, "source")),
        targets=names(after(graph, node, "target")),
        middleware=names(after(graph, node, "via")),
        fields=tuple(sorted(fields.items())),
    )


def _unique_ids(states: Mapping[str, State]) -> dict[str, State]:
    by_id: dict[str, list[State]] = {}
    for s in states.values():
        if s.id:
            by_id.setdefault(s.id.strip().upper(), []).append(s)
    return {k: v[0] for k, v in by_id.items() if len(v) == 1}


def _pairs(
    before: Mapping[str, State], after: Mapping[str, State], renames: Mapping[str, str]
) -> list[tuple[State | None, State | None]]:
    """Match integrations by Integration ID when it is unique on both sides, then by
    note path (following renames) when either note's ID is missing or duplicated."""
    old_ids, new_ids = _unique_ids(before), _unique_ids(after)
    pairs: list[tuple[State | None, State | None]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for key, b in old_ids.items():
        a = new_ids.get(key)
        if a is not None:
            pairs.append((b, a))
            used_old.add(b.path)
            used_new.add(a.path)
    for path, b in before.items():
        if path in used_old:
            continue
        moved = renames.get(path, path)
        a = after.get(moved)
        # Two notes that each have their own unique ID are two integrations.
        both_known = a is not None and _known(b, old_ids) and _known(a, new_ids)
        if a is not None and moved not in used_new and not both_known:
            pairs.append((b, a))
            used_old.add(path)
            used_new.add(moved)
    pairs += [(b, None) for p, b in before.items() if p not in used_old]
    pairs += [(None, a) for p, a in after.items() if p not in used_new]
    return pairs


def _known(state: State, unique: Mapping[str, State]) -> bool:
    return bool(state.id) and unique.get((state.id or "").strip().upper()) is state


def _keys(names: tuple[str, ...]) -> set[str]:
    return {name_key(n) for n in names}


def _classify(b: State, a: State) -> list[Change]:
    out: list[Change] = []
    wiring = tuple(w for w in WIRING if _keys(getattr(b, w)) != _keys(getattr(a, w)))
    if wiring:
        out.append(Change("rewired", b, a, wiring))
    if (b.status or "").strip().lower() != (a.status or "").strip().lower():
        out.append(Change("status", b, a, ("status",)))
    if not out:
        old, new = dict(b.fields), dict(a.fields)
        changed = [k for k in sorted(old.keys() | new.keys()) if old.get(k) != new.get(k)]
        if b.id != a.id:
            changed.insert(0, "id")
        if b.path != a.path:
            changed.insert(0, "path")
        if changed:
            out.append(Change("metadata", b, a, tuple(changed)))
    return out


def _named(graph: nx.MultiDiGraph) -> dict[str, str]:
    """{name key: name} of the systems some integration names (source, target or via)."""
    out: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") != SYSTEM:
            continue
        if any(
            graph._node[i].get("kind") == INTEGRATION
            for i in (*graph._pred[node], *graph._succ[node])
        ):
            out[name_key(data["name"])] = data["name"]
    return out


def _system_renames(
    old: nx.MultiDiGraph, new: nx.MultiDiGraph, renames: Mapping[str, str]
) -> dict[str, str]:
    """{old name: new name} of systems whose note git reports as renamed."""
    new_by_path = {
        d["path"]: d["name"]
        for _, d in new.nodes(data=True)
        if d.get("kind") == SYSTEM and d.get("path")
    }
    out: dict[str, str] = {}
    for _, data in old.nodes(data=True):
        if data.get("kind") != SYSTEM or not data.get("path"):
            continue
        moved = renames.get(data["path"])
        if moved and moved in new_by_path and new_by_path[moved] != data["name"]:
            out[data["name"]] = new_by_path[moved]
    return out


def _downstream(graph: nx.MultiDiGraph, targets: list[str]) -> dict[str, int]:
    """{system node: distance} of ``targets`` (distance 1) and everything downstream."""
    out: dict[str, int] = {}
    for target in targets:
        out[target] = 1
        reached, _ = walk(flows_of(graph), target, "downstream")
        for node, (distance, _via) in reached.items():
            out[node] = min(out.get(node, distance + 1), distance + 1)
    return out


def _affecting(change: Change) -> bool:
    if change.kind == "status":
        return change.production
    return change.kind in ("added", "removed", "rewired")


def _affected(
    changes: Sequence[Change],
    old: nx.MultiDiGraph,
    new: nx.MultiDiGraph,
    system_names: Mapping[str, str],
) -> tuple[Affected, ...]:
    """The systems downstream of every added, removed or rewired integration and every
    status change to or from Production: in the head landscape, and in the base one for
    removals and for the targets a rewiring dropped."""
    found: dict[str, tuple[str, str | None, int, set[str]]] = {}

    def add(graph: nx.MultiDiGraph, reached: Mapping[str, int], because: str) -> None:
        for node, distance in reached.items():
            data = graph._node[node]
            shown = system_names.get(data["name"], data["name"]) if graph is old else data["name"]
            key = name_key(shown)
            name, path, best, reasons = found.get(key, (shown, data.get("path"), distance, set()))
            reasons.add(because)
            found[key] = (name, path, min(best, distance), reasons)

    for change in changes:
        if not _affecting(change):
            continue
        state = change.current
        if change.kind == "removed":
            node = integration_node(state.path)
            add(old, _downstream(old, after(old, node, "target")), state.label)
            continue
        node = integration_node(state.path)
        add(new, _downstream(new, after(new, node, "target")), state.label)
        if change.kind == "rewired" and change.before is not None:
            old_node = integration_node(change.before.path)
            kept = _keys(state.targets)
            dropped = [
                t
                for t in after(old, old_node, "target")
                if name_key(system_names.get(old._node[t]["name"], old._node[t]["name"]))
                not in kept
            ]
            add(old, _downstream(old, dropped), state.label)
    rows = [Affected(n, p, d, tuple(sorted(r, key=str.lower))) for n, p, d, r in found.values()]
    return tuple(sorted(rows, key=lambda r: (r.distance, r.name.lower(), r.name)))
