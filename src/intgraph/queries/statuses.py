"""The --status filter every query shares: known statuses, and typos rejected."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from intgraph.errors import UsageError
from intgraph.flows import Flows
from intgraph.model import INTEGRATION

if TYPE_CHECKING:
    import networkx as nx

TEMPLATE_STATUSES: tuple[str, ...] = ("Planning", "Development", "Production", "Deprecated")


def known_statuses(graph: nx.MultiDiGraph | Flows) -> list[str]:
    """The template's four statuses and every status the vault uses (read from the graph
    or its flows view), sorted, each once."""
    found = {s.lower(): s for s in TEMPLATE_STATUSES}
    for data in (graph.node if isinstance(graph, Flows) else graph._node).values():
        status = data.get("status")
        if data.get("kind") == INTEGRATION and status:
            found.setdefault(status.lower(), status)
    return sorted(found.values(), key=str.lower)


def check_statuses(
    graph: nx.MultiDiGraph | Flows, statuses: Iterable[str], option: str = "--status"
) -> tuple[str, ...]:
    """Return ``statuses`` unchanged, or raise UsageError naming those the vault does not know
    (and the ``option`` they were given with).

    Statuses compare case-insensitively with the template's four and those in the vault.
    """
    wanted = tuple(statuses)
    if not wanted:  # the common case: no filter, so no scan of every node
        return wanted
    known = known_statuses(graph)
    keys = {s.lower() for s in known}
    unknown = [s for s in wanted if s.lower() not in keys]
    if unknown:
        raise UsageError(
            f"unknown status {', '.join(repr(s) for s in unknown)} for {option}: "
            f"known statuses are {', '.join(known)}"
        )
    return wanted
