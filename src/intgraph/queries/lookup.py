"""Find a system node by the name, alias or path a user typed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from intgraph.errors import UnknownSystemError
from intgraph.flows import Flows, system_node
from intgraph.model import name_key
from intgraph.names import SystemNames

if TYPE_CHECKING:
    import networkx as nx


def system_names(graph: nx.MultiDiGraph | Flows) -> Mapping[str, str]:
    """Map every system name and alias key to its node id (names win over aliases).
    The index is kept with the graph (and saved with it in the cache): do not change it."""
    if isinstance(graph, Flows):
        return graph.index
    from intgraph.graph import system_index

    return system_index(graph)


def find_system(graph: nx.MultiDiGraph | Flows, names: SystemNames, query: str) -> str:
    """Return the node id of the system ``query`` names (in ``graph``, or the flows view
    of one), or raise UnknownSystemError."""
    known = system_names(graph)
    nodes: Mapping[str, Mapping[str, Any]] = graph.node if isinstance(graph, Flows) else graph._node
    node = known.get(name_key(query))
    if node is None and query.strip():
        key = names.lookup(query)
        if key is not None and system_node(key) in nodes:
            node = system_node(key)
    if node is None:
        raise UnknownSystemError(query, suggest(nodes, query, known))
    return node


def homonyms_of(graph: nx.MultiDiGraph | Flows, query: str) -> tuple[str, ...]:
    """When several system notes have the name ``query`` gives (one file name in
    different folders): their note paths, the one ``query`` means first (as
    :func:`find_system` answers); else nothing. A path names each of them."""
    if isinstance(graph, Flows):
        homonyms, nodes = graph.homonyms, graph.node
    else:
        from intgraph.graph import system_homonyms

        homonyms, nodes = system_homonyms(graph), graph._node
    shared = homonyms.get(name_key(query), ())
    return tuple(str(nodes[n].get("path") or nodes[n]["name"]) for n in shared)


def suggest(
    nodes: Mapping[str, Mapping[str, Any]], query: str, known: Mapping[str, str], limit: int = 3
) -> list[str]:
    """The display names of the systems closest to ``query``."""
    wanted = name_key(query)
    if not wanted:
        return []
    keys = sorted(known)
    picks = [k for k in keys if wanted in k or k in wanted]
    import difflib  # only an unknown name pays for it

    picks += difflib.get_close_matches(wanted, keys, n=limit, cutoff=0.6)
    names: list[str] = []
    for key in picks:
        name = nodes[known[key]]["name"]
        if name not in names:
            names.append(name)
    return names[:limit]
