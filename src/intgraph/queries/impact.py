"""What is affected, downstream or upstream, when a system changes or goes down."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, mul
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from intgraph.flows import ROW_ATTRS, Flows
from intgraph.jsontext import Pieces
from intgraph.pipeline import Landscape, paused_gc
from intgraph.queries.lookup import find_system
from intgraph.queries.statuses import check_statuses

if TYPE_CHECKING:
    import networkx as nx

DIRECTIONS: tuple[str, ...] = ("downstream", "upstream", "both")


class AffectedSystem(NamedTuple):
    """A system reached from the queried one.

    The rows of an answer are named tuples, immutable like the dataclasses elsewhere
    and five times cheaper to make: the busiest system's answer holds thousands."""

    node: str
    name: str
    distance: int
    direction: str
    path: str | None
    via: tuple[str, ...]
    middleware: bool = False


class AffectedIntegration(NamedTuple):
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
    #: A sequence of rows (see :class:`Integrations`), equal to a tuple of them.
    integrations: Sequence[AffectedIntegration]
    #: The JSON text of integrations' rows, as far as the landscape holds it made (see
    #: :mod:`intgraph.jsontext`): not part of the answer, only a shortcut to writing it.
    text: Mapping[str, Pieces] = field(default_factory=dict, repr=False, compare=False)


def _step(flows: Flows, direction: str) -> tuple[Mapping[str, tuple[str, ...]], ...]:
    """(system -> the integrations leaving it, integration -> the systems it leads to) for
    ``direction``: :meth:`Flows.leaving` and :meth:`Flows.entering` as their tables."""
    if direction == "downstream":
        return (flows.feeds, flows.targets)
    return (flows.fed_by, flows.sources)


def walk(
    flows: Flows,
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
    node = flows.node
    leaving, leads_to = (table.get for table in _step(flows, direction))
    routed = flows.entering(start, "via")
    order = flows.tie.__getitem__

    seen_systems: dict[str, tuple[int, tuple[str, ...]]] = {start: (0, ())}
    seen_integrations: dict[str, int] = {}
    frontier = [start]
    distance = 0
    while frontier and (max_depth is None or distance < max_depth):
        distance += 1
        following: list[str] = []
        for system in frontier:
            path = seen_systems[system][1]
            integrations = leaving(system, ())
            if system == start and routed:
                integrations += tuple(i for i in routed if i not in integrations)
            ordered = sorted(integrations, key=order) if len(integrations) > 1 else integrations
            for integration in ordered:
                if integration in seen_integrations:
                    continue
                if wanted and not has_status(node[integration], wanted):
                    continue
                seen_integrations[integration] = distance
                step: tuple[str, ...] | None = None
                for reached in leads_to(integration, ()):
                    if reached not in seen_systems:
                        if step is None:  # most integrations reach no new system
                            data = node[integration]
                            step = (*path, str(data.get("id") or data["title"]))
                        seen_systems[reached] = (distance, step)
                        following.append(reached)
        frontier = following
    del seen_systems[start]
    return seen_systems, seen_integrations


def has_status(data: Mapping[str, Any], wanted: Collection[str]) -> bool:
    """True when the node whose attributes are ``data`` has one of ``wanted`` (lower-case)."""
    status = data.get("status")
    return status is not None and status.lower() in wanted


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
    with paused_gc():  # a large answer is thousands of rows, none of them cyclic
        return _impact(landscape, query, direction, max_depth, statuses)


def _impact(
    landscape: Landscape,
    query: str,
    direction: str,
    max_depth: int | None,
    statuses: Collection[str],
) -> Impact:
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    flows = landscape.flows
    statuses = check_statuses(flows, statuses)
    start = find_system(flows, landscape.names, query)
    ways = ("downstream", "upstream") if direction == "both" else (direction,)
    systems: list[AffectedSystem] = []
    found: list[tuple[str, dict[str, int]]] = []
    node = flows.node
    for way in ways:
        reached, integrations = walk(flows, start, way, max_depth, statuses)
        for n, (distance, via) in reached.items():
            data = node[n]
            systems.append(
                AffectedSystem(
                    n, data["name"], distance, way, data.get("path"), via, data["middleware"]
                )
            )
        found.append((way, integrations))
    order = {"downstream": 0, "upstream": 1}
    systems.sort(key=lambda s: (order[s.direction], s.distance, s.name.lower(), s.node))
    affected = _integrations(flows, start, found)
    data = node[start]
    return Impact(
        query=query,
        system=data["name"],
        system_node=start,
        system_path=data.get("path"),
        direction=direction,
        max_depth=max_depth,
        statuses=tuple(statuses),
        systems=tuple(systems),
        integrations=affected,
        text=flows.text,
    )


_WAYS = {
    (True, False): ("downstream",),
    (False, True): ("upstream",),
    (True, True): ("downstream", "upstream"),
}


def _integrations(
    flows: Flows, start: str, found: list[tuple[str, dict[str, int]]]
) -> Integrations:
    """The integrations each walk in ``found`` reached ((direction, {integration:
    distance}), downstream first), each at its shortest distance, in answer order: by
    distance, then ID, title and path (:attr:`Flows.rank`)."""
    if len(found) == 1:
        way, best = found[0]
        both = None
    else:
        (_, down), (_, up) = found
        best = dict(up)
        best.update((n, d) for n, d in down.items() if d <= best.get(n, d))
        both = (down, up)
    rank = flows.rank
    # Each integration's place as one int (distance, then rank), made and sorted in C.
    reached = list(best)
    keys = list(
        map(
            add,
            map(mul, map(best.__getitem__, reached), repeat(len(rank))),
            map(rank.__getitem__, reached),
        )
    )
    order = list(map(reached.__getitem__, sorted(range(len(reached)), key=keys.__getitem__)))
    # Feedback: downstream, an integration that targets the queried system; upstream,
    # one the queried system is a source of.
    into, out_of = set(flows.fed_by.get(start, ())), set(flows.feeds.get(start, ()))
    ways: list[tuple[str, ...]]
    if both is None:
        ways = [(way,)] * len(order)
        feedback = list(map((into if way == "downstream" else out_of).__contains__, order))
    else:
        down, up = both
        ways = [_WAYS[n in down, n in up] for n in order]
        feedback = [(n in down and n in into) or (n in up and n in out_of) for n in order]
    return Integrations(flows, order, best, ways, feedback)


class Integrations(Sequence[AffectedIntegration]):
    """The integrations of an answer, in answer order: a sequence of
    :class:`AffectedIntegration` rows, made when first read. The busiest system's answer
    holds thousands; a JSON answer is written from :meth:`columns` without making a row
    object for each (whose making, and the cyclic collector's passes over them, cost
    more than the traversal). Equal to a tuple of the same rows."""

    __slots__ = ("_best", "_feedback", "_flows", "_order", "_rows", "_ways")

    def __init__(
        self,
        flows: Flows,
        order: list[str],
        best: Mapping[str, int],
        ways: list[tuple[str, ...]],
        feedback: list[bool],
    ) -> None:
        """The integrations ``order`` names, at their distance in ``best``, reached in
        the directions ``ways`` holds for each, feeding back or not (``feedback``)."""
        self._flows = flows
        self._order = order
        self._best = best
        self._ways = ways
        self._feedback = feedback
        self._rows: tuple[AffectedIntegration, ...] | None = None

    def columns(
        self,
    ) -> tuple[list[str], Mapping[str, int], list[tuple[str, ...]], list[bool]]:
        """(the integrations' nodes, node -> distance, each one's directions, whether
        each feeds back), in answer order."""
        return self._order, self._best, self._ways, self._feedback

    def row(self, index: int) -> AffectedIntegration:
        """The row at ``index``, made alone."""
        n = self._order[index]
        iid, title, path, status, owner, review = ROW_ATTRS(self._flows.node[n])
        sources, targets, middleware = self._flows.ends[n]
        return AffectedIntegration(
            n, iid, title, path, status, self._best[n], sources, targets, middleware,
            self._ways[index], self._feedback[index], owner, review,
        )  # fmt: skip

    @property
    def rows(self) -> tuple[AffectedIntegration, ...]:
        """Every row, made on first use (each as a plain tuple: a named tuple's own
        constructor is a Python function)."""
        if self._rows is None:
            node, ends, best, new = self._flows.node, self._flows.ends, self._best, tuple.__new__
            made = []
            for n, reached_in, loops in zip(self._order, self._ways, self._feedback, strict=True):
                iid, title, path, status, owner, review = ROW_ATTRS(node[n])
                row = (n, iid, title, path, status, best[n], *ends[n], reached_in, loops, owner,
                       review)  # fmt: skip
                made.append(new(AffectedIntegration, row))
            self._rows = tuple(made)
        return self._rows

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> AffectedIntegration: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[AffectedIntegration, ...]: ...

    def __getitem__(
        self, index: int | slice
    ) -> AffectedIntegration | tuple[AffectedIntegration, ...]:
        return self.rows[index]

    def __iter__(self) -> Iterator[AffectedIntegration]:
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Integrations):
            return self.rows == other.rows
        if isinstance(other, tuple):
            return self.rows == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.rows)

    def __repr__(self) -> str:
        return repr(self.rows)
