"""Find a system node by the name, alias or path a user typed."""

from __future__ import annotations

import difflib

import networkx as nx

from intgraph.errors import UnknownSystemError
from intgraph.graph import system_index, system_node
from intgraph.model import name_key
from intgraph.names import SystemNames


def system_names(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Map every system name and alias key to its node id (names win over aliases).
    The index is kept with the graph (and saved with it in the cache): do not change it."""
    return system_index(graph)


def find_system(graph: nx.MultiDiGraph, names: SystemNames, query: str) -> str:
    """Return the node id of the system ``query`` names, or raise UnknownSystemError."""
    known = system_names(graph)
    node = known.get(name_key(query))
    if node is None and query.strip():
        key = names.lookup(query)
        if key is not None and system_node(key) in graph:
            node = system_node(key)
    if node is None:
        raise UnknownSystemError(query, suggest(graph, query, known))
    return node


def suggest(graph: nx.MultiDiGraph, query: str, known: dict[str, str], limit: int = 3) -> list[str]:
    """The display names of the systems closest to ``query``."""
    wanted = name_key(query)
    if not wanted:
        return []
    keys = sorted(known)
    picks = [k for k in keys if wanted in k or k in wanted]
    picks += difflib.get_close_matches(wanted, keys, n=limit, cutoff=0.6)
    names: list[str] = []
    for key in picks:
        name = graph.nodes[known[key]]["name"]
        if name not in names:
            names.append(name)
    return names[:limit]
