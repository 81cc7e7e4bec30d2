"""Single points of failure: which systems cut others off from every feed, how far each
system's failure reaches, and the cycles of the data flow.

An integration *needs* X when X is its only source or one of its middleware. A system is
in X's ``sole_feed_of`` when it has inbound integrations and all of them need X. Nothing
is propagated further: a system that lost its feeds still produces data of its own.
``reach`` is the number of systems ``intgraph impact X`` lists downstream, computed for
every system at once over the condensation of the system-to-system flow graph.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import networkx as nx

from intgraph.graph import INTEGRATION, after, before, has_status
from intgraph.graph import systems as system_nodes
from intgraph.pipeline import Landscape
from intgraph.queries.impact import label
from intgraph.queries.statuses import check_statuses


@dataclass(frozen=True)
class CriticalSystem:
    """One system's weight as a point of failure."""

    node: str
    name: str
    path: str | None
    sole_feed_of: tuple[str, ...]
    reach: int
    integrations: int
    production_integrations: int
    middleware: bool


@dataclass(frozen=True)
class Cycle:
    """A strongly connected group of systems and one cycle of integrations through them."""

    systems: tuple[str, ...]
    witness: tuple[str, ...]


@dataclass(frozen=True)
class Critical:
    """The answer to ``intgraph critical``."""

    statuses: tuple[str, ...]
    top: int | None
    total: int
    systems: tuple[CriticalSystem, ...]
    cycles: tuple[Cycle, ...]


def wanted_integrations(graph: nx.MultiDiGraph, statuses: Collection[str] = ()) -> list[str]:
    """The integration nodes with one of ``statuses`` (all when empty), in path order."""
    wanted = {s.lower() for s in statuses}
    found = [
        n
        for n, d in graph._node.items()
        if d["kind"] == INTEGRATION and has_status(graph, n, wanted)
    ]
    return sorted(found, key=lambda n: (graph._node[n]["path"], n))


def needs(graph: nx.MultiDiGraph, integration: str) -> set[str]:
    """The systems ``integration`` stops without: its only source, and its middleware."""
    sources = before(graph, integration, "source")
    needed = set(after(graph, integration, "via"))
    if len(sources) == 1:
        needed.add(sources[0])
    return needed


def sole_feeds(graph: nx.MultiDiGraph, statuses: Collection[str] = ()) -> dict[str, set[str]]:
    """``{X: systems all of whose inbound integrations need X}`` for every system X.

    Only integrations with one of ``statuses`` (all when empty) count, as feeds and as
    needs. X is never in its own set.
    """
    inbound: dict[str, list[str]] = {}
    for integration in wanted_integrations(graph, statuses):
        for target in after(graph, integration, "target"):
            inbound.setdefault(target, []).append(integration)
    cut: dict[str, set[str]] = {}
    for system, feeds in inbound.items():
        common = needs(graph, feeds[0])
        for feed in feeds[1:]:
            if not common:
                break
            common &= needs(graph, feed)
        for failing in common - {system}:
            cut.setdefault(failing, set()).add(system)
    return cut


def flow_graph(graph: nx.MultiDiGraph, integrations: Iterable[str]) -> nx.DiGraph:
    """The system-to-system data flow: an edge from each source to each target, labelled
    with the first of ``integrations`` that carries it."""
    flow = nx.DiGraph()
    flow.add_nodes_from(system_nodes(graph))
    for integration in integrations:
        targets = after(graph, integration, "target")
        for source in before(graph, integration, "source"):
            for target in targets:
                if not flow.has_edge(source, target):
                    flow.add_edge(source, target, integration=integration)
    return flow


def reaches(graph: nx.MultiDiGraph, statuses: Collection[str] = ()) -> dict[str, int]:
    """``{X: number of systems downstream of X}``, as ``intgraph impact X`` counts them."""
    integrations = wanted_integrations(graph, statuses)
    return _reaches(graph, flow_graph(graph, integrations), set(integrations))


def _reaches(graph: nx.MultiDiGraph, flow: nx.DiGraph, wanted: set[str]) -> dict[str, int]:
    """Each strongly connected component of ``flow`` gets a bitset of the systems it
    reaches (itself included), filled once in reverse topological order; a system's reach
    is the union of the bitsets of the first systems it feeds (through its own
    integrations and those routed through it as middleware), without itself."""
    bit = {node: 1 << i for i, node in enumerate(flow)}
    dag = nx.condensation(flow)
    component = dag.graph["mapping"]
    reached: dict[int, int] = {}
    for c in reversed(list(nx.topological_sort(dag))):
        bits = 0
        for member in dag.nodes[c]["members"]:
            bits |= bit[member]
        for successor in dag._succ[c]:
            bits |= reached[successor]
        reached[c] = bits
    out: dict[str, int] = {}
    for system in flow:
        bits = 0
        for integration in (*after(graph, system, "source"), *before(graph, system, "via")):
            if integration in wanted:
                for target in after(graph, integration, "target"):
                    bits |= reached[component[target]]
        out[system] = (bits & ~bit[system]).bit_count()
    return out


def cycles(graph: nx.MultiDiGraph, statuses: Collection[str] = ()) -> list[Cycle]:
    """Each strongly connected group of more than one system, with one witness cycle."""
    return _cycles(graph, flow_graph(graph, wanted_integrations(graph, statuses)))


def _cycles(graph: nx.MultiDiGraph, flow: nx.DiGraph) -> list[Cycle]:
    """The witness is the integrations of one cycle found by ``networkx.find_cycle``
    (never an enumeration of all cycles), from the group's first system by name."""
    found: list[Cycle] = []
    for members in nx.strongly_connected_components(flow):
        if len(members) < 2:
            continue
        ordered = sorted(members, key=lambda n: (graph._node[n]["name"].lower(), n))
        inside = nx.subgraph_view(
            flow,
            filter_node=lambda n, group=members: n in group,
            filter_edge=lambda u, v: u != v,
        )
        edges = nx.find_cycle(inside, source=ordered[0])
        witness = tuple(label(graph, flow.edges[u, v]["integration"]) for u, v, *_ in edges)
        names = tuple(graph._node[n]["name"] for n in ordered)
        found.append(Cycle(names, witness))
    found.sort(key=lambda c: [n.lower() for n in c.systems])
    return found


def critical(
    landscape: Landscape, top: int | None = 20, statuses: Collection[str] = ()
) -> Critical:
    """Rank systems by how many they cut off (``sole_feed_of``), then ``reach``, then name.

    ``top`` keeps the first N (None: all); only integrations with one of ``statuses``
    (case-insensitive; all when empty) count. Raises UsageError for an unknown status.
    """
    graph = landscape.graph
    statuses = check_statuses(graph, statuses)
    wanted = {s.lower() for s in statuses}
    cut = sole_feeds(graph, statuses)
    integrations = wanted_integrations(graph, statuses)
    flow = flow_graph(graph, integrations)
    reach = _reaches(graph, flow, set(integrations))
    ranked: list[CriticalSystem] = []
    for system in system_nodes(graph):
        data = graph._node[system]
        touching = {
            i
            for i in (
                *after(graph, system, "source"),
                *before(graph, system, "target"),
                *before(graph, system, "via"),
            )
            if has_status(graph, i, wanted)
        }
        production = sum(
            1 for i in touching if str(graph._node[i].get("status") or "").lower() == "production"
        )
        fed = sorted(graph._node[n]["name"] for n in cut.get(system, ()))
        ranked.append(
            CriticalSystem(
                node=system,
                name=data["name"],
                path=data.get("path"),
                sole_feed_of=tuple(sorted(fed, key=str.lower)),
                reach=reach[system],
                integrations=len(touching),
                production_integrations=production,
                middleware=bool(data.get("middleware")),
            )
        )
    ranked.sort(key=lambda s: (-len(s.sole_feed_of), -s.reach, s.name.lower(), s.node))
    shown = ranked if top is None else ranked[:top]
    return Critical(
        statuses=tuple(statuses),
        top=top,
        total=len(ranked),
        systems=tuple(shown),
        cycles=tuple(_cycles(graph, flow)),
    )
