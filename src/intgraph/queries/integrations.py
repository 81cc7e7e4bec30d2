"""List integrations with the fields people act on: owner, dates, category, systems."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import networkx as nx

from intgraph.graph import after, before, fields_of, has_status
from intgraph.pipeline import Landscape
from intgraph.queries.impact import names_of
from intgraph.queries.people import people, person
from intgraph.queries.select import integration_nodes, select_integrations
from intgraph.queries.statuses import check_statuses


@dataclass(frozen=True)
class IntegrationRow:
    """One integration as ``intgraph integrations`` lists it."""

    node: str
    id: str | None
    title: str
    path: str
    status: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    middleware: tuple[str, ...]
    owner: str | None
    technical_lead: str | None
    category: str | None
    classification: str | None
    next_review: str | None
    last_tested: str | None


@dataclass(frozen=True)
class IntegrationList:
    """The answer to ``intgraph integrations``: the selectors and what they matched."""

    select: tuple[str, ...]
    statuses: tuple[str, ...]
    integrations: tuple[IntegrationRow, ...]


def describe(graph: nx.MultiDiGraph, node: str) -> IntegrationRow:
    """The listed fields of the integration ``node``."""
    data = graph._node[node]
    fields = fields_of(graph, node)
    return IntegrationRow(
        node=node,
        id=data.get("id"),
        title=data["title"],
        path=data["path"],
        status=data.get("status"),
        sources=names_of(graph, before(graph, node, "source")),
        targets=names_of(graph, after(graph, node, "target")),
        middleware=names_of(graph, after(graph, node, "via")),
        owner=person(fields.owner),
        technical_lead=people(fields.meta("Technical Lead")),
        category=fields.category,
        classification=fields.classification,
        next_review=fields.meta("Next Review"),
        last_tested=fields.meta("Last Tested"),
    )


def order_key(row: IntegrationRow) -> tuple[bool, str, str, str]:
    """Integrations sort by ID (those without one last), then title, then path."""
    return (row.id is None, (row.id or "").lower(), row.title.lower(), row.path)


def list_integrations(
    landscape: Landscape, select: Sequence[str] = (), statuses: Collection[str] = ()
) -> IntegrationList:
    """Every integration, or those the ``select`` expressions match (see :mod:`.select`),
    with one of ``statuses`` (case-insensitive; all when empty).

    Raises UsageError for a malformed selector or an unknown status, and
    UnknownSystemError for an unknown system in a selector.
    """
    graph = landscape.graph
    wanted = {s.lower() for s in check_statuses(graph, statuses)}
    nodes = select_integrations(landscape, select) if select else integration_nodes(graph)
    nodes = [n for n in nodes if has_status(graph, n, wanted)]
    rows = sorted((describe(graph, n) for n in nodes), key=order_key)
    return IntegrationList(tuple(select), tuple(statuses), tuple(rows))
