"""Assemble the graph of a cold scan from its notes' records (:mod:`intgraph.records`),
in two passes: the flows (systems, integrations and their source, target and via edges),
then the documents. A command that answers from the flows alone (``impact``) never waits
for the second pass: a cold scan leaves it to the child that writes the snapshot's
detail part, and to the first use of the whole graph."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from intgraph.flows import (
    document_node,
    integration_attrs,
    integration_node,
    system_node,
)
from intgraph.model import DOCUMENT, SYSTEM, note_name
from intgraph.names import SystemId, SystemNames
from intgraph.records import Record
from intgraph.resolve import Resolver

if TYPE_CHECKING:
    import networkx as nx

Adjacency = dict[str, dict[str, dict[str, dict[str, Any]]]]


def assemble(records: Sequence[Record], resolver: Resolver, names: SystemNames) -> nx.MultiDiGraph:
    """The graph :func:`intgraph.graph.build_graph` builds of the notes of ``records`` (in
    path order), without the integrations' ``fields``.

    The same nodes, attributes, edges and successor and predecessor orders, filled into
    networkx's adjacency dicts directly: ``add_node`` and ``add_edge`` cost more than
    everything else here. The caller attaches the fields (see
    :func:`intgraph.graph.fields_of`)."""
    graph = assemble_flows(records, resolver, names)
    add_documents(graph, records, resolver)
    return graph


def assemble_flows(
    records: Sequence[Record], resolver: Resolver, names: SystemNames
) -> nx.MultiDiGraph:
    """The systems and integrations of :func:`assemble`'s graph with the edges between
    them: all of it but the document nodes and edges, which :func:`add_documents` adds
    after them (so the nodes and every adjacency keep :func:`assemble`'s order)."""
    nodes: dict[str, dict[str, Any]] = {}
    succ: Adjacency = {}
    pred: Adjacency = {}

    def system(sid: SystemId) -> str:
        node = system_node(sid.key)
        if node not in nodes:
            aliases = names.aliases_of(sid.path)
            nodes[node] = {"kind": SYSTEM, "name": sid.name, "path": sid.path,
                           "aliases": aliases, "middleware": False}  # fmt: skip
            succ[node] = {}
            pred[node] = {}
        return node

    # What a reference means depends on its note only through the note's folder (but for
    # a blank one, which means the note itself): the memo is keyed by the folder. (Paths
    # are resolved by the resolver, which keeps its own answers.)
    memo: dict[tuple[str, bool, str], str] = {}

    def named(text: str, is_link: bool, path: str, folder: str) -> str:
        key = (text, is_link, folder)
        node = memo.get(key)
        if node is None:
            node = system(names.for_text(text, is_link, path))
            if text.strip():
                memo[key] = node
        return node

    for path, _aliases, declares, part in records:
        if part is None and declares:
            system(names.for_path(path))
    for path, _aliases, _declares, part in records:
        if part is None:
            continue
        title, iid, status, owner, review, sources, targets, middleware = part[:8]
        folder = path.rsplit("/", 1)[0] if "/" in path else ""
        node = integration_node(path)
        nodes[node] = integration_attrs(title, iid, path, status, owner, review)
        succ[node] = {}
        pred[node] = {}
        for text, is_link in sources:
            _edge(
                succ, pred, named(text, is_link, path, folder), node, "source", {"role": "source"}
            )
        for text, is_link in targets:
            _edge(
                succ, pred, node, named(text, is_link, path, folder), "target", {"role": "target"}
            )
        for text, is_link in middleware:
            via = named(text, is_link, path, folder)
            nodes[via]["middleware"] = True
            _edge(succ, pred, node, via, "via", {"role": "via"})
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph._node = nodes
    graph._adj = graph._succ = succ
    graph._pred = pred
    return graph


def add_documents(graph: nx.MultiDiGraph, records: Sequence[Record], resolver: Resolver) -> None:
    """Add to ``graph``, which :func:`assemble_flows` made of ``records``, the documents
    its integrations link: the nodes and edges that make it :func:`assemble`'s graph.
    (The flows view of the graph does not change: documents are not in it.)"""
    nodes: dict[str, dict[str, Any]] = graph._node
    succ: Adjacency = graph._succ
    pred: Adjacency = graph._pred
    resolve = resolver.resolve_path
    not_documents: set[str | None] = {r[0] for r in records if r[3] is not None}
    not_documents.update(a["path"] for a in nodes.values() if a["kind"] == SYSTEM)
    # Half a million edges at 100,000 integrations, to a few thousand documents under a
    # few labels: each document's node and each label's edge key is made once.
    documents: dict[str, str] = {}
    keys: dict[str, str] = {}
    for path, _aliases, _declares, part in records:
        if part is None:
            continue
        node = integration_node(path)
        out = succ[node]
        seen: set[str] = set()
        linked = [(label, resolve(text, path)) for label, text in part[8]]
        for text in part[9]:
            found = resolve(text, path)
            if found and found != path and found not in not_documents:
                linked.append(("link", found))
        for label, found in linked:
            if not found or found in seen:
                continue
            seen.add(found)
            doc = documents.get(found)
            if doc is None:
                doc = documents[found] = document_node(found)
                if doc not in nodes:
                    nodes[doc] = {"kind": DOCUMENT, "name": note_name(found), "path": found}
                    succ[doc] = {}
                    pred[doc] = {}
            key = keys.get(label)
            if key is None:
                key = keys[label] = f"document:{label}"
            data = {"role": "document", "label": label}
            # _edge, written out: a call per edge costs a tenth of this pass.
            edges = out.get(doc)
            if edges is None:
                out[doc] = pred[doc][node] = {key: data}
            elif key in edges:
                edges[key].update(data)
            else:
                edges[key] = data


def _edge(succ: Adjacency, pred: Adjacency, u: str, v: str, key: str, data: dict[str, Any]) -> None:
    """Add the edge ``u`` → ``v`` under ``key`` as ``add_edge`` would (the data of an
    edge already there is updated)."""
    keys = succ[u].get(v)
    if keys is None:
        succ[u][v] = pred[v][u] = {key: data}
    elif key in keys:
        keys[key].update(data)
    else:
        keys[key] = data
