"""How data gets from one system to another: the k shortest data-flow paths.

Paths follow the rules of ``intgraph impact``: FROM's own integrations lead to their
targets, and so do the integrations routed through FROM when it is middleware; further
systems pass data on through the integrations they are a source of. Paths are found
with Yen's k-shortest-simple-paths search (``networkx.shortest_simple_paths``) on the
part of the landscape that lies both downstream of FROM and upstream of TO within the
length limit, never by enumerating every simple path.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import networkx as nx

from intgraph.errors import UsageError
from intgraph.graph import after, before, flows_of
from intgraph.pipeline import Landscape
from intgraph.queries.impact import label, names_of, walk
from intgraph.queries.lookup import find_system
from intgraph.queries.statuses import check_statuses


@dataclass(frozen=True)
class Hop:
    """One integration on a path, from the system it leaves to the one it reaches."""

    node: str
    id: str | None
    title: str
    path: str
    status: str | None
    source: str
    target: str
    middleware: tuple[str, ...]


@dataclass(frozen=True)
class Route:
    """One path: the systems from FROM to TO and the integrations between them."""

    systems: tuple[str, ...]
    hops: tuple[Hop, ...]

    @property
    def length(self) -> int:
        """The number of integrations on the path."""
        return len(self.hops)


@dataclass(frozen=True)
class Paths:
    """The answer to ``intgraph path``."""

    source: str
    target: str
    source_path: str | None
    target_path: str | None
    max_paths: int
    max_length: int
    statuses: tuple[str, ...]
    paths: tuple[Route, ...]
    truncated: bool


def find_paths(
    landscape: Landscape,
    source: str,
    target: str,
    max_paths: int = 5,
    max_length: int = 8,
    statuses: Collection[str] = (),
) -> Paths:
    """The shortest data-flow paths from ``source`` to ``target``, shortest first.

    Among paths of equal length, those through fewer Deprecated integrations come first.
    At most ``max_paths`` paths of at most ``max_length`` integrations; ``truncated``
    says that more paths of at most ``max_length`` integrations exist than were listed.
    Raises UnknownSystemError for an unknown name and UsageError when both name the same
    system or a limit is below 1.
    """
    if max_paths < 1 or max_length < 1:
        raise UsageError("--max-paths and --max-length must be at least 1")
    graph = landscape.graph
    statuses = check_statuses(graph, statuses)
    start = find_system(graph, landscape.names, source)
    end = find_system(graph, landscape.names, target)
    if start == end:
        name = graph._node[start]["name"]
        raise UsageError(f"FROM and TO are the same system ({name!r}): give two systems")
    routes: list[Route] = []
    truncated = False
    hops = _hop_graph(graph, start, end, max_length, statuses)
    if hops is not None:
        for nodes in nx.shortest_simple_paths(hops, start, end, weight="weight"):
            if (len(nodes) - 1) // 2 > max_length:
                break
            if len(routes) == max_paths:
                truncated = True
                break
            routes.append(_route(graph, nodes))
    return Paths(
        source=graph._node[start]["name"],
        target=graph._node[end]["name"],
        source_path=graph._node[start].get("path"),
        target_path=graph._node[end].get("path"),
        max_paths=max_paths,
        max_length=max_length,
        statuses=tuple(statuses),
        paths=tuple(routes),
        truncated=truncated,
    )


def _hop_graph(
    graph: nx.MultiDiGraph, start: str, end: str, max_length: int, statuses: Collection[str]
) -> nx.DiGraph | None:
    """System → integration → system edges of every integration that can lie on a path of
    at most ``max_length`` integrations, or None when TO is out of reach.

    Entering a live integration costs ``max_length + 1``, a Deprecated one one more, so
    the cheapest path is the shortest and, of equal lengths, the one with fewest
    Deprecated hops (at most ``max_length`` of them, less than one extra hop).
    """
    flows = flows_of(graph)
    down_systems, down = walk(flows, start, "downstream", max_length, statuses)
    if end not in down_systems:
        return None
    _up_systems, up = walk(flows, end, "upstream", max_length, statuses)
    routed = set(before(graph, start, "via"))
    usable = sorted(set(down) & set(up), key=lambda n: (label(graph, n).lower(), n))
    hops = nx.DiGraph()
    for integration in usable:
        deprecated = str(graph._node[integration].get("status") or "").lower() == "deprecated"
        cost = max_length + 1 + int(deprecated)
        # sorted: the order of an integration's predecessors differs after a cache load
        sources = sorted(before(graph, integration, "source"))
        if integration in routed and start not in sources:
            sources = [start, *sources]
        for system in sources:
            hops.add_edge(system, integration, weight=cost)
        for system in sorted(after(graph, integration, "target")):
            hops.add_edge(integration, system, weight=0)
    if start not in hops or end not in hops:
        return None
    return hops


def _route(graph: nx.MultiDiGraph, nodes: list[str]) -> Route:
    systems = nodes[0::2]
    hops = []
    for i, integration in enumerate(nodes[1::2]):
        data = graph._node[integration]
        hops.append(
            Hop(
                node=integration,
                id=data.get("id"),
                title=data["title"],
                path=data["path"],
                status=data.get("status"),
                source=graph._node[systems[i]]["name"],
                target=graph._node[systems[i + 1]]["name"],
                middleware=names_of(graph, after(graph, integration, "via")),
            )
        )
    return Route(names_of(graph, systems), tuple(hops))
