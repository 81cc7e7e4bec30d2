"""The data of the architecture map: systems, integrations and arrows, ready for JSON.

Ids are opaque (``n0``, ``i0``, ``e0``, ``a0``, ``g0``), assigned in sorted order; note text
only ever travels as JSON string values, which the page shows as text.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import networkx as nx

from intgraph.graph import INTEGRATION, SYSTEM, after, before, fields_of, has_status
from intgraph.model import IntegrationFields
from intgraph.pipeline import Landscape
from intgraph.queries.impact import Impact
from intgraph.render.escape import terminal
from intgraph.render.map_groups import COLLAPSE_LIMIT, NO_GROUPS, Grouping, group_systems
from intgraph.render.map_layout import (
    ROW,
    SUB_COLUMN,
    distance_layout,
    grouped_layout,
    layered_layout,
)

STATUS_CLASSES = ("production", "development", "planning", "deprecated")
OTHER = "other"


@dataclass(frozen=True)
class MapData:
    """Everything the page draws; ``systems`` and ``integrations`` hold the graph node
    ids behind ``n<i>`` and ``i<i>`` (kept in Python, never written to the page)."""

    vault: str
    systems: tuple[str, ...]
    integrations: tuple[str, ...]
    nodes: list[dict[str, Any]]
    records: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    arrows: list[dict[str, Any]]
    undrawn: int
    focus: dict[str, Any] | None
    grouping: Grouping = NO_GROUPS
    groups: list[dict[str, Any]] = field(default_factory=list)

    @property
    def settle(self) -> bool:
        """True when the page refines the positions with a short, seeded physics run
        (a small, ungrouped whole-landscape map); otherwise the positions are final."""
        return self.focus is None and not self.groups and 1 < len(self.nodes) <= COLLAPSE_LIMIT

    @property
    def collapsed(self) -> bool:
        """True when the page starts with every group collapsed into one node."""
        return bool(self.groups) and len(self.nodes) > COLLAPSE_LIMIT

    def payload(self) -> dict[str, Any]:
        """The JSON object embedded in the page."""
        return {
            "vault": self.vault,
            "focus": self.focus,
            "settle": self.settle,
            "collapsed": self.collapsed,
            "groupBy": self.grouping.mode,
            "groups": self.groups,
            "undrawn": self.undrawn,
            "nodes": self.nodes,
            "integrations": self.records,
            "arrows": self.arrows,
        }


def obsidian_url(vault: str, path: str | None) -> str | None:
    """``obsidian://open?vault=…&file=…`` with every value percent-encoded; None without path."""
    if not path:
        return None
    vault_q = quote(vault, safe="", errors="surrogateescape")
    return f"obsidian://open?vault={vault_q}&file={quote(path, safe='', errors='surrogateescape')}"


def status_class(status: str | None) -> str:
    """The drawing class of a status: production, development, planning, deprecated, other."""
    key = (status or "").strip().lower()
    return key if key in STATUS_CLASSES else OTHER


Ends = tuple[list[str], list[str], list[str]]


def _ends(graph: nx.MultiDiGraph, node: str) -> Ends:
    """(sources, targets, middleware) of an integration node; the ends sorted and distinct,
    the middleware in the order the note names it (the order of the hops)."""
    return (
        sorted(before(graph, node, "source")),
        sorted(after(graph, node, "target")),
        after(graph, node, "via"),
    )


def segments(sources: list[int], targets: list[int], via: list[int]) -> list[tuple[int, int]]:
    """The arrows of one integration: source → target, or through its middleware,
    source → middleware → … → target; distinct, in order, no middleware loops."""
    hops = [m for m in dict.fromkeys(via)]
    if not hops:
        return [(s, t) for s in sources for t in targets]
    pairs = [(s, hops[0]) for s in sources]
    pairs += list(itertools.pairwise(hops))
    pairs += [(hops[-1], t) for t in targets]
    return [p for p in dict.fromkeys(pairs) if p[0] != p[1]]


def build_map_data(
    landscape: Landscape,
    statuses: Collection[str] = (),
    focus: Impact | None = None,
    group_by: str = "auto",
) -> MapData:
    """The map of the whole landscape, or of ``focus``'s neighbourhood when given.

    ``statuses`` keeps only integrations with those statuses (case-insensitive), as impact
    does; in/out counts and node sizes count those integrations. A focused map holds the
    focused system, every system and integration of the impact, and nothing else (the
    middleware of an integration is drawn on its path when it is one of them). The whole
    landscape is grouped by ``group_by`` (see :mod:`intgraph.render.map_groups`).
    """
    graph = landscape.graph
    wanted = {s.lower() for s in statuses}
    kept = sorted(
        (n for n, d in graph.nodes(data=True) if d["kind"] == INTEGRATION),
        key=lambda n: (graph.nodes[n]["path"], n),
    )
    kept = [n for n in kept if has_status(graph, n, wanted)]
    if focus is None:
        chosen = [n for n, d in graph.nodes(data=True) if d["kind"] == SYSTEM]
        shown = kept
    else:
        chosen = [focus.system_node, *(s.node for s in focus.systems)]
        shown = sorted((i.node for i in focus.integrations), key=lambda n: graph.nodes[n]["path"])
        # the middleware these integrations run through, drawn on their path
        chosen += [m for i in shown for m in after(graph, i, "via") if m not in set(chosen)]
    order = sorted(set(chosen), key=lambda n: (graph.nodes[n]["name"].lower(), n))
    index = {node: i for i, node in enumerate(order)}
    ends = {node: _ends(graph, node) for node in kept}
    ends.update((node, _ends(graph, node)) for node in shown if node not in ends)
    records: list[dict[str, Any]] = []
    pairs_of: list[list[tuple[int, int]]] = []
    flows: list[tuple[int, int]] = []
    for node in shown:
        sources, targets, via = ([index[n] for n in part if n in index] for part in ends[node])
        pairs_of.append(segments(sources, targets, via))
        flows += [(a, b) for a in sources for b in targets]
        record = _record(landscape, node, len(records), ends[node][2])
        record.update(s=sources, t=targets, m=via)
        records.append(record)
    edges = list(_edges(pairs_of))
    links = [(e["from"], e["to"]) for e in edges]
    distances: dict[int, int] = {}
    info: dict[str, Any] | None = None
    grouping = NO_GROUPS
    if focus is None:
        grouping = group_systems(landscape, order, flows, group_by)
        if grouping.labels:
            positions = grouped_layout(len(order), links, grouping.member)
        else:
            positions = layered_layout(len(order), links)
    else:
        start = index[focus.system_node]
        placed = _placed(focus, index)
        positions = distance_layout(len(order), start, placed, links)
        distances = {**placed, start: 0}
        context = set(range(len(order))) - set(distances)
        lane = _lane(positions, context, links)
        info = {
            "node": f"n{start}",
            "name": terminal(focus.system),
            "direction": focus.direction,
            "depth": focus.max_depth,
            "columns": _columns(distances, positions),
            "lane": lane,
        }
    counts = _counts([ends[n] for n in kept])
    nodes = [
        _node(landscape, node, i, positions[i], counts.get(node, (0, 0, 0)))
        for i, node in enumerate(order)
    ]
    if focus is not None:
        both = _both_ways(focus, index)
        for i, item in enumerate(nodes):
            if i not in distances:
                item["context"] = True  # middleware on the path, not affected
                continue
            item["distance"] = distances[i]
            if i in both:
                item["both"] = True
    for i, group in enumerate(grouping.member):
        nodes[i]["g"] = group
    arrows = _arrows(edges, records)
    for edge in edges:
        edge["from"], edge["to"] = f"n{edge['from']}", f"n{edge['to']}"
    undrawn = sum(1 for pairs in pairs_of if not pairs)
    return MapData(
        landscape.name,
        tuple(order),
        tuple(shown),
        nodes,
        records,
        edges,
        arrows,
        undrawn,
        info,
        grouping,
        _groups(grouping, nodes),
    )


def _groups(grouping: Grouping, nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each group: id, label, member count, middleware count, its centre and a radius
    that covers most of its members' area (a collapsed group is drawn that big)."""
    found: list[dict[str, Any]] = [
        {"id": f"g{i}", "label": terminal(label), "count": 0, "middleware": 0}
        for i, label in enumerate(grouping.labels)
    ]
    spots: list[list[tuple[float, float]]] = [[] for _ in found]
    for node in nodes:
        if "g" in node:
            group = found[node["g"]]
            group["count"] += 1
            group["middleware"] += node["kind"] == "middleware"
            spots[node["g"]].append((node["x"], node["y"]))
    for group, points in zip(found, spots, strict=True):
        xs = [p[0] for p in points] or [0.0]
        ys = [p[1] for p in points] or [0.0]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        group["x"] = round((min(xs) + max(xs)) / 2, 1)
        group["y"] = round((min(ys) + max(ys)) / 2, 1)
        group["r"] = math.sqrt(width * height) / 2 + 60
    for group in found:  # collapsed groups never overlap: at most half way to the nearest
        nearest = min(
            (
                math.dist((group["x"], group["y"]), (o["x"], o["y"]))
                for o in found
                if o is not group
            ),
            default=2 * group["r"],
        )
        group["r"] = round(max(20.0, min(group["r"], 0.48 * nearest)), 1)
    return found


def _columns(
    distances: dict[int, int], positions: list[tuple[float, float]]
) -> list[dict[str, Any]]:
    """The focus map's column headings: label and centre x of every distance column."""
    spans: dict[int, list[float]] = {}
    for node, distance in distances.items():
        spans.setdefault(distance, []).append(positions[node][0])
    columns = []
    for distance in sorted(spans):
        xs = spans[distance]
        if distance == 0:
            label = "SYSTEM (below: both up- and downstream)" if len(xs) > 1 else "SYSTEM"
        else:
            label = f"{'downstream' if distance > 0 else 'upstream'} {abs(distance)}"
        columns.append({"label": label, "x": round((min(xs) + max(xs)) / 2, 1), "d": distance})
    return columns


def _lane(
    positions: list[tuple[float, float]], context: set[int], links: list[tuple[int, int]]
) -> float | None:
    """Place the focus map's middleware (``context``) in a lane under the columns, each
    under the systems it carries data between; returns the lane's y (None: no lane)."""
    if not context:
        return None
    bottom = max(y for i, (_, y) in enumerate(positions) if i not in context)
    lane = round(bottom + 2.5 * ROW, 1)
    near: dict[int, list[float]] = {m: [] for m in context}
    for a, b in links:
        if a in context and b not in context:
            near[a].append(positions[b][0])
        if b in context and a not in context:
            near[b].append(positions[a][0])
    wanted = {m: sum(xs) / len(xs) if xs else 0.0 for m, xs in near.items()}
    previous = -math.inf
    for m in sorted(context, key=lambda m: (wanted[m], m)):
        x = max(wanted[m], previous + SUB_COLUMN)
        positions[m] = (round(x, 1), lane)
        previous = x
    return lane


def _both_ways(focus: Impact, index: dict[str, int]) -> set[int]:
    ways: dict[int, set[str]] = {}
    for system in focus.systems:
        ways.setdefault(index[system.node], set()).add(system.direction)
    return {i for i, w in ways.items() if len(w) == 2}


def _placed(focus: Impact, index: dict[str, int]) -> dict[int, int]:
    """Signed distance of every affected system: downstream positive, upstream negative,
    0 (the middle column) for a system reached both ways."""
    placed: dict[int, int] = {}
    for system in focus.systems:
        signed = system.distance if system.direction == "downstream" else -system.distance
        i = index[system.node]
        placed[i] = 0 if i in placed and (placed[i] > 0) != (signed > 0) else signed
    return placed


def _counts(ends: Iterable[Ends]) -> dict[str, tuple[int, int, int]]:
    """(in, out, via) integration counts of every system over the integrations' ``ends``."""
    found: dict[str, list[int]] = {}
    for sources, targets, via in ends:
        for slot, systems in ((1, sources), (0, targets), (2, via)):
            for system in systems:
                found.setdefault(system, [0, 0, 0])[slot] += 1
    return {k: (v[0], v[1], v[2]) for k, v in found.items()}


def _edges(pairs_of: list[list[tuple[int, int]]]) -> Iterable[dict[str, Any]]:
    """One arrow per (integration, from, to)."""
    number = 0
    for record, pairs in enumerate(pairs_of):
        for a, b in pairs:
            yield {"id": f"e{number}", "i": record, "from": a, "to": b}
            number += 1


def _arrows(edges: list[dict[str, Any]], records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The arrows drawn: the integrations' arrows bundled by (from, to, status class), so a
    system with 300 integrations through one middleware has one arrow to it per status,
    as thick as it is busy; several bundles between two systems curve apart."""
    keyed: dict[tuple[int, int, str], list[int]] = {}
    for edge in edges:
        key = (edge["from"], edge["to"], records[edge["i"]]["cls"])
        keyed.setdefault(key, []).append(edge["i"])
    together = Counter((min(a, b), max(a, b)) for a, b, _ in keyed)
    seen: Counter[tuple[int, int]] = Counter()
    arrows = []
    for number, ((a, b, cls), items) in enumerate(keyed.items()):
        arrow: dict[str, Any] = {
            "id": f"a{number}",
            "from": f"n{a}",
            "to": f"n{b}",
            "cls": cls,
            "items": sorted(set(items)),
        }
        if together[(min(a, b), max(a, b))] > 1:
            arrow["curve"] = seen[(a, b)]
            seen[(a, b)] += 1
        arrows.append(arrow)
    return arrows


def _text(value: str | None) -> str | None:
    return terminal(value) or None if value else None


def _record(landscape: Landscape, node: str, number: int, via: list[str]) -> dict[str, Any]:
    """The integration's tooltip and link data."""
    graph = landscape.graph
    data = graph.nodes[node]
    fields: IntegrationFields = fields_of(graph, node)
    return {
        "id": f"i{number}",
        "ref": _text(data.get("id")),
        "title": terminal(data["title"]),
        "status": _text(data.get("status")),
        "cls": status_class(data.get("status")),
        "category": _text(fields.category),
        "protocol": _text(fields.protocol),
        "middleware": [terminal(graph.nodes[m]["name"]) for m in via],
        "owner": _text(fields.owner.text if fields.owner else None),
        "path": terminal(data["path"]),
        "url": obsidian_url(landscape.name, data["path"]),
    }


def _node(
    landscape: Landscape, node: str, number: int, at: tuple[float, float], count: tuple[int, ...]
) -> dict[str, Any]:
    data = landscape.graph.nodes[node]
    total = sum(count)
    return {
        "id": f"n{number}",
        "name": terminal(data["name"]),
        "aliases": [terminal(a) for a in data.get("aliases", ())],
        "kind": "middleware" if data["middleware"] else "system",
        "path": _text(data.get("path")),
        "url": obsidian_url(landscape.name, data.get("path")),
        "in": count[0],
        "out": count[1],
        "via": count[2],
        "size": round(10 + 4 * math.sqrt(total), 1),
        "x": at[0],
        "y": at[1],
    }
