"""The landscape as a NetworkX multigraph: systems as nodes, one edge per
(integration, source, target), shared by the GraphML, GEXF and JSON exports."""

from __future__ import annotations

from typing import Any

import networkx as nx

from intgraph.export.landscape import ExportIntegration, ExportModel, ExportSystem

LIST_SEPARATOR = "; "


def system_attrs(system: ExportSystem) -> dict[str, Any]:
    """A system's attributes, lists and missing values as they are."""
    return {
        "label": system.name,
        "name": system.name,
        "path": system.path,
        "aliases": list(system.aliases),
        "middleware": system.middleware,
        "owner": system.owner,
    }


def integration_attrs(model: ExportModel, integration: ExportIntegration) -> dict[str, Any]:
    """An integration's attributes; middleware, sources and targets by system name."""

    def names(keys: tuple[str, ...]) -> list[str]:
        return [model.system(k).name for k in keys]

    return {
        "integration_id": integration.id,
        "label": integration.label,
        "title": integration.title,
        "status": integration.status,
        "category": integration.category,
        "classification": integration.classification,
        "protocol": integration.protocol,
        "middleware": names(integration.middleware),
        "owner": integration.owner,
        "path": integration.path,
        "sources": names(integration.sources),
        "targets": names(integration.targets),
    }


def landscape_graph(model: ExportModel, flat: bool = False) -> nx.MultiDiGraph:
    """Systems keyed by their system key; an edge per (integration, source, target)
    keyed ``<note path>`` (``#n`` added for the n-th pair of one integration).

    With ``flat``, lists become ``"; "``-joined strings and None becomes "" (what the
    GraphML and GEXF writers accept).
    """
    graph = nx.MultiDiGraph()
    graph.graph.update(_flat({"intgraph": model.version, "vault": model.vault}, flat))
    graph.graph["statuses"] = LIST_SEPARATOR.join(model.statuses) if flat else list(model.statuses)
    for system in model.systems:
        graph.add_node(system.key, **_flat(system_attrs(system), flat))
    unconnected: list[str] = []
    for integration in model.integrations:
        attrs = _flat(integration_attrs(model, integration), flat)
        pairs = [(s, t) for s in integration.sources for t in integration.targets]
        if not pairs:
            unconnected.append(integration.path)
        for number, (source, target) in enumerate(pairs):
            key = integration.path if number == 0 else f"{integration.path}#{number + 1}"
            graph.add_edge(source, target, key=key, **attrs)
    # integrations with no source or no target draw no edge: named here so none is lost
    graph.graph["unconnected"] = LIST_SEPARATOR.join(unconnected) if flat else unconnected
    return graph


def _flat(attrs: dict[str, Any], flat: bool) -> dict[str, Any]:
    if not flat:
        return attrs
    out: dict[str, Any] = {}
    for name, value in attrs.items():
        if value is None:
            value = ""
        elif isinstance(value, (list, tuple)):
            value = LIST_SEPARATOR.join(value)
        out[name] = value
    return out
