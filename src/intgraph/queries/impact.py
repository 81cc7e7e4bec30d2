"""What is affected, downstream or upstream, when a system changes or goes down."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

import networkx as nx

from intgraph.graph import after, before, has_status
from intgraph.pipeline import Landscape
from intgraph.queries.lookup import find_system
from intgraph.queries.statuses import check_statuses

DIRECTIONS: tuple[str, ...] = ("downstream", "upstream", "both")


@dataclass(frozen=True)
class AffectedSystem:
    """A system reached from the queried one."""

    node: str
    name: str
    distance: int
    direction: str
    path: str | None
    via: tuple[str, ...]
    middleware: bool = False


@dataclass(frozen=True)
class AffectedIntegration:
    """An integration reached from the queried system, at its shortest distance."""

    node: str
    id: str | None
    title: str
    path: str
    status: str | None
    distance: int
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    middleware: tuple[str, ...]
    #: The directions it was reached in ("downstream", "upstream"), in that order.
    directions: tuple[str, ...] = ()
    #: True when it flows back into the queried system (a feedback loop).
    feedback: bool = False
    owner: str | None = None
    next_review: str | None = None


@dataclass(frozen=True)
class Impact:
    """The answer to ``intgraph impact``."""

    query: str
    system: str
    system_node: str
    system_path: str | None
    direction: str
    max_depth: int | None
    statuses: tuple[str, ...]
    systems: tuple[AffectedSystem, ...]
    integrations: tuple[AffectedIntegration, ...]


def _step(graph: nx.MultiDiGraph, direction: str) -> tuple[Callable[[str], list[str]], ...]:
    """(integrations leaving a system, systems an integration leads to) for ``direction``."""
    if direction == "downstream":
        return (lambda s: after(graph, s, "source"), lambda i: after(graph, i, "target"))
    return (lambda s: before(graph, s, "target"), lambda i: before(graph, i, "source"))


def walk(
    graph: nx.MultiDiGraph,
    start: str,
    direction: str,
    max_depth: int | None = None,
    statuses: Collection[str] = (),
) -> tuple[dict[str, tuple[int, tuple[str, ...]]], dict[str, int]]:
    """Breadth-first walk of the data flow from ``start`` in one direction.

    Returns ({system: (distance, integrations on the shortest path)}, {integration: distance}).
    The middleware rule applies to ``start`` only. Cycles terminate.
    """
    wanted = {s.lower() for s in statuses}
    leaving, leads_to = _step(graph, direction)
    routed = before(graph, start, "via")

    seen_systems: dict[str, tuple[int, tuple[str, ...]]] = {start: (0, ())}
    seen_integrations: dict[str, int] = {}
    frontier = [start]
    distance = 0
    while frontier and (max_depth is None or distance < max_depth):
        distance += 1
        following: list[str] = []
        for system in frontier:
            path = seen_systems[system][1]
            integrations = leaving(system)
            if system == start:
                integrations += [i for i in routed if i not in integrations]
            for integration in sorted(integrations, key=_order(graph)):
                if integration in seen_integrations or not has_status(graph, integration, wanted):
                    continue
                seen_integrations[integration] = distance
                step = (*path, label(graph, integration))
                for reached in leads_to(integration):
                    if reached not in seen_systems:
                        seen_systems[reached] = (distance, step)
                        following.append(reached)
        frontier = following
    del seen_systems[start]
    return seen_systems, seen_integrations


def _order(graph: nx.MultiDiGraph) -> Callable[[str], tuple[bool, str, str]]:
    """Which integration a tie goes to: live ones before Deprecated, then by ID or title.
    This decides the ``via`` path shown when several shortest paths exist."""

    def key(node: str) -> tuple[bool, str, str]:
        status = str(graph._node[node].get("status") or "").lower()
        return (status == "deprecated", label(graph, node).lower(), node)

    return key


def label(graph: nx.MultiDiGraph, integration: str) -> str:
    """An integration's ID, or its title when it has none."""
    data = graph._node[integration]
    return str(data.get("id") or data["title"])


def names_of(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> tuple[str, ...]:
    """The display names of ``nodes``, in order."""
    return tuple(str(graph._node[n]["name"]) for n in nodes)


def impact(
    landscape: Landscape,
    query: str,
    direction: str = "downstream",
    max_depth: int | None = None,
    statuses: Collection[str] = (),
) -> Impact:
    """Answer ``intgraph impact``; raises UnknownSystemError for an unknown ``query``."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    graph = landscape.graph
    statuses = check_statuses(graph, statuses)
    start = find_system(graph, landscape.names, query)
    ways = ("downstream", "upstream") if direction == "both" else (direction,)
    systems: list[AffectedSystem] = []
    best: dict[str, int] = {}
    reached_in: dict[str, list[str]] = {}
    for way in ways:
        reached, integrations = walk(graph, start, way, max_depth, statuses)
        for node, (distance, via) in reached.items():
            data = graph._node[node]
            systems.append(
                AffectedSystem(
                    node, data["name"], distance, way, data.get("path"), via, data["middleware"]
                )
            )
        for node, distance in integrations.items():
            best[node] = min(distance, best.get(node, distance))
            reached_in.setdefault(node, []).append(way)
    order = {"downstream": 0, "upstream": 1}
    systems.sort(key=lambda s: (order[s.direction], s.distance, s.name.lower(), s.node))
    affected = [
        _integration(graph, node, distance, start, tuple(reached_in[node]))
        for node, distance in best.items()
    ]
    affected.sort(key=lambda i: (i.distance, (i.id or "").lower(), i.title.lower(), i.path))
    data = graph._node[start]
    return Impact(
        query=query,
        system=data["name"],
        system_node=start,
        system_path=data.get("path"),
        direction=direction,
        max_depth=max_depth,
        statuses=tuple(statuses),
        systems=tuple(systems),
        integrations=tuple(affected),
    )


def _integration(
    graph: nx.MultiDiGraph, node: str, distance: int, start: str, ways: tuple[str, ...]
) -> AffectedIntegration:
    data = graph._node[node]
    sources = before(graph, node, "source")
    targets = after(graph, node, "target")
    feedback = ("downstream" in ways and start in targets) or (
        "upstream" in ways and start in sources
    )
    return AffectedIntegration(
        node=node,
        id=data.get("id"),
        title=data["title"],
        path=data["path"],
        status=data.get("status"),
        distance=distance,
        sources=names_of(graph, sources),
        targets=names_of(graph, targets),
        middleware=names_of(graph, after(graph, node, "via")),
        directions=ways,
        feedback=feedback,
        owner=data.get("owner"),
        next_review=data.get("next_review"),
    )
