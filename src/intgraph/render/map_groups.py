"""Groups of the architecture map: by folder, by owner, or by community (Louvain).

The default (``auto``): the folder of each system's note when those notes span more than
one folder; else the owner when systems have owners; else, above :data:`COLLAPSE_LIMIT`
systems, communities of the data flow. A group larger than the limit is split into its
communities, so no group is too big to read. Everything is seeded and sorted: the same
vault gives the same groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from intgraph.model import note_name
from intgraph.pipeline import Landscape

GROUP_BY: tuple[str, ...] = ("auto", "folder", "owner", "community", "none")
COLLAPSE_LIMIT = 300  # above this many systems, groups start collapsed (and are split)
SEED = 4
NO_NOTE, NO_OWNER, MIDDLEWARE, ALONE, ROOT = (
    "(no note)",
    "(no owner)",
    "Middleware",
    "(no integrations)",
    "(vault root)",
)


@dataclass(frozen=True)
class Grouping:
    """``mode`` is the rule used (folder, owner, community or none); ``labels`` the group
    names in order; ``member`` the group index of every system (by map index)."""

    mode: str
    labels: tuple[str, ...]
    member: tuple[int, ...]


NO_GROUPS = Grouping("none", (), ())


def group_systems(
    landscape: Landscape,
    order: Sequence[str],
    pairs: Sequence[tuple[int, int]],
    mode: str = "auto",
) -> Grouping:
    """Group the systems ``order`` (graph node ids) joined by ``pairs`` (source, target
    indices, one per integration flow) by ``mode``; see the module docstring."""
    if mode not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}")
    graph = landscape.graph
    paths = [graph.nodes[n].get("path") for n in order]
    if mode == "auto":
        mode = _default(landscape, paths, len(order))
    if mode == "none":
        return NO_GROUPS
    if mode == "folder":
        keys = [_folder(p) for p in paths]
    elif mode == "owner":
        owners = _owners(landscape, paths)
        keys = [owners[i] or NO_OWNER for i in range(len(order))]
    else:
        keys = _communities(order, range(len(order)), pairs, landscape)
    keys = _split_large(keys, order, pairs, landscape)
    labels = tuple(sorted(set(keys), key=lambda k: (k.startswith("("), k.lower(), k)))
    where = {label: i for i, label in enumerate(labels)}
    return Grouping(mode, labels, tuple(where[k] for k in keys))


def _default(landscape: Landscape, paths: Sequence[str | None], count: int) -> str:
    if len({_folder(p) for p in paths if p}) > 1:
        return "folder"
    if any(_owners(landscape, paths)):
        return "owner"
    return "community" if count > COLLAPSE_LIMIT else "none"


def _folder(path: str | None) -> str:
    if not path:
        return NO_NOTE
    return path.rsplit("/", 1)[0] if "/" in path else ROOT


def _owners(landscape: Landscape, paths: Sequence[str | None]) -> list[str | None]:
    """The owner named in each system note (front matter ``owner``), or None."""
    if not any(paths):
        return [None] * len(paths)
    notes = landscape.by_path
    found: list[str | None] = []
    for path in paths:
        note = notes.get(path) if path else None
        owner = note.fields.owner if note is not None else None
        found.append(note_name(owner.text).strip() or None if owner is not None else None)
    return found


def _communities(
    order: Sequence[str],
    members: Sequence[int] | range,
    pairs: Sequence[tuple[int, int]],
    landscape: Landscape,
) -> list[str]:
    """Louvain communities (fixed seed) of ``members`` over the flows between them, each
    named after its busiest system; middleware and systems without flows set apart."""
    inside = set(members)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(inside))
    weights = Counter(
        (min(a, b), max(a, b)) for a, b in pairs if a != b and a in inside and b in inside
    )
    graph.add_weighted_edges_from(sorted((a, b, w) for (a, b), w in weights.items()))
    busy = Counter(a for a, _ in pairs) + Counter(b for _, b in pairs)
    middleware = {m for m in inside if landscape.graph.nodes[order[m]]["middleware"]}
    graph.remove_nodes_from(sorted(middleware))
    keys: dict[int, str] = {}
    if graph.number_of_edges():
        found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
        for community in sorted(found, key=lambda c: min(c)):
            if len(community) < 2:
                continue
            hub = max(sorted(community), key=lambda n: busy.get(n, 0))
            name = "around " + str(landscape.graph.nodes[order[hub]]["name"])
            keys.update(dict.fromkeys(community, name))
    default = {m: (MIDDLEWARE if m in middleware else ALONE) for m in inside}
    return [keys.get(m, default[m]) for m in members]


def _split_large(
    keys: list[str],
    order: Sequence[str],
    pairs: Sequence[tuple[int, int]],
    landscape: Landscape,
) -> list[str]:
    """Split every group of more than COLLAPSE_LIMIT systems into its communities."""
    sizes: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        sizes.setdefault(key, []).append(index)
    result = list(keys)
    for key, members in sizes.items():
        if len(members) <= COLLAPSE_LIMIT:
            continue
        parts = _communities(order, members, pairs, landscape)
        for index, part in zip(members, parts, strict=True):
            result[index] = f"{key} · {part}"
    return result
