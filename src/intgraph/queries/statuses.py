"""The --status filter every query shares: known statuses, and typos rejected."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from intgraph.errors import UsageError
from intgraph.graph import INTEGRATION

TEMPLATE_STATUSES: tuple[str, ...] = ("Planning", "Development", "Production", "Deprecated")


def known_statuses(graph: nx.MultiDiGraph) -> list[str]:
    """The template's four statuses and every status the vault uses, sorted, each once."""
    found = {s.lower(): s for s in TEMPLATE_STATUSES}
    for _node, data in graph.nodes(data=True):
        status = data.get("status")
        if data.get("kind") == INTEGRATION and status:
            found.setdefault(status.lower(), status)
    return sorted(found.values(), key=str.lower)


def check_statuses(graph: nx.MultiDiGraph, statuses: Iterable[str]) -> tuple[str, ...]:
    """Return ``statuses`` unchanged, or raise UsageError naming those the vault does not know.

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
            f"unknown status {', '.join(repr(s) for s in unknown)} for --status: "
            f"known statuses are {', '.join(known)}"
        )
    return wanted
