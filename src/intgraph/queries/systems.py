"""List every system with its integrations in and out."""

from __future__ import annotations

from dataclasses import dataclass

from intgraph.graph import after, before
from intgraph.graph import systems as system_nodes
from intgraph.pipeline import Landscape


@dataclass(frozen=True)
class SystemSummary:
    """One system of the landscape."""

    name: str
    kind: str
    path: str | None
    aliases: tuple[str, ...]
    integrations_in: int
    integrations_out: int
    integrations_via: int


def list_systems(landscape: Landscape) -> list[SystemSummary]:
    """Every system, sorted by name; ``kind`` is ``middleware`` for Integration Layer systems."""
    graph = landscape.graph
    out: list[SystemSummary] = []
    for node in system_nodes(graph):
        data = graph.nodes[node]
        ins = before(graph, node, "target")
        via = before(graph, node, "via")
        outs = after(graph, node, "source")
        out.append(
            SystemSummary(
                name=data["name"],
                kind="middleware" if data["middleware"] else "system",
                path=data.get("path"),
                aliases=tuple(data.get("aliases", ())),
                integrations_in=len(ins),
                integrations_out=len(outs),
                integrations_via=len(via),
            )
        )
    return out
