"""Node positions for the architecture map, computed in Python: seeded, fast, no physics.

The whole landscape is laid out in layers by data flow (sources on the left, sinks on
the right), one weakly connected component at a time, the components packed in rows.
A focused map places each system in a column by its distance from the focused one:
downstream to the right, upstream to the left. Pure Python, O(nodes + edges · sweeps).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx

Point = tuple[float, float]

COLUMN = 280.0  # horizontal distance between layers
SUB_COLUMN = 190.0  # horizontal distance between the columns of one wide layer (a label fits)
ROW = 70.0  # vertical distance between nodes of one column
GAP = 220.0  # space between packed components
SWEEPS = 4


def layered_layout(count: int, edges: Sequence[tuple[int, int]]) -> list[Point]:
    """Positions of nodes ``0 .. count-1`` joined by directed ``edges`` (index pairs).

    Deterministic: the result depends only on ``count`` and the set of ``edges``.
    """
    links = sorted({(a, b) for a, b in edges if a != b})
    whole = nx.Graph()
    whole.add_nodes_from(range(count))
    whole.add_edges_from(links)
    owner: dict[int, int] = {}
    groups = sorted(nx.connected_components(whole), key=min)
    for number, component in enumerate(groups):
        owner.update(dict.fromkeys(component, number))
    inside: list[list[tuple[int, int]]] = [[] for _ in groups]
    for a, b in links:
        inside[owner[a]].append((a, b))
    blocks: list[tuple[float, float, list[int], dict[int, Point]]] = []
    singles: list[int] = []
    for component, own in zip(groups, inside, strict=True):
        members = sorted(component)
        if len(members) == 1:
            singles.append(members[0])
            continue
        graph = nx.DiGraph()
        graph.add_nodes_from(members)
        graph.add_edges_from(own)
        local = _component_layout(graph)
        blocks.append((*_extent(local), members, local))
    if singles:
        side = max(1, math.ceil(math.sqrt(len(singles))))
        local = {n: ((i % side) * SUB_COLUMN, (i // side) * ROW) for i, n in enumerate(singles)}
        blocks.append((*_extent(local), singles, local))
    return _pack(count, blocks)


def grouped_layout(
    count: int, edges: Sequence[tuple[int, int]], member: Sequence[int]
) -> list[Point]:
    """Positions where each group's nodes sit together: every group (``member[i]`` is node
    ``i``'s group) laid out in layers by its own edges, the group blocks packed in rows."""
    groups: dict[int, list[int]] = {}
    for node in range(count):
        groups.setdefault(member[node], []).append(node)
    inside: dict[int, list[tuple[int, int]]] = {}
    for a, b in edges:
        if member[a] == member[b]:
            inside.setdefault(member[a], []).append((a, b))
    blocks: list[tuple[float, float, list[int], dict[int, Point]]] = []
    for group in sorted(groups):
        members = groups[group]
        local_index = {node: i for i, node in enumerate(members)}
        links = [(local_index[a], local_index[b]) for a, b in inside.get(group, ())]
        spots = layered_layout(len(members), links)
        local = {node: spots[local_index[node]] for node in members}
        blocks.append((*_extent(local), members, local))
    return _pack(count, blocks)


def _extent(points: Mapping[int, Point]) -> tuple[float, float]:
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    return max(xs) - min(xs), max(ys) - min(ys)


def _pack(
    count: int, blocks: list[tuple[float, float, list[int], dict[int, Point]]]
) -> list[Point]:
    """Shelf-pack the component blocks, largest first, into rows of a square-ish width."""
    positions: list[Point] = [(0.0, 0.0)] * count
    if not blocks:
        return positions
    blocks.sort(key=lambda b: (-len(b[2]), b[2][0]))
    area = sum((w + GAP) * (h + GAP) for w, h, _, _ in blocks)
    width = max(max(w for w, _, _, _ in blocks), math.sqrt(area) * 1.4)
    x = y = row_height = 0.0
    for w, h, _members, local in blocks:
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        left = min(p[0] for p in local.values())
        top = min(p[1] for p in local.values())
        for node, (px, py) in local.items():
            positions[node] = (round(x + px - left, 1), round(y + py - top, 1))
        x += w + GAP
        row_height = max(row_height, h)
    return positions


def _component_layout(graph: nx.DiGraph) -> dict[int, Point]:
    layers = _layers(graph)
    columns: dict[int, list[int]] = {}
    for node in sorted(layers):
        columns.setdefault(layers[node], []).append(node)
    order = [columns[k] for k in sorted(columns)]
    _sweep(graph, order)
    rows = max(8, math.ceil(math.sqrt(graph.number_of_nodes()) * 1.5))
    positions: dict[int, Point] = {}
    x = 0.0
    for column in order:
        subs = math.ceil(len(column) / rows)
        height = math.ceil(len(column) / subs)
        for index, node in enumerate(column):
            sub, row = index % subs, index // subs
            positions[node] = (x + sub * SUB_COLUMN, (row - (height - 1) / 2) * ROW)
        x += (subs - 1) * SUB_COLUMN + COLUMN
    return positions


def _layers(graph: nx.DiGraph) -> dict[int, int]:
    """A layer per node: longest path over the strongly connected components, and inside
    each component the breadth-first distance from its entry node."""
    components = sorted(nx.strongly_connected_components(graph), key=lambda c: min(c))
    owner = {node: index for index, c in enumerate(components) for node in c}
    dag = nx.DiGraph()
    dag.add_nodes_from(range(len(components)))
    depth: dict[int, int] = {}
    heights: list[int] = []
    for index, component in enumerate(components):
        outside = sorted(n for n in component if any(owner[p] != index for p in graph.pred[n]))
        entry = outside[0] if outside else min(component)
        seen = {entry: 0}
        frontier = [entry]
        while frontier:
            following = []
            for node in frontier:
                for nxt in sorted(graph.succ[node]):
                    if owner[nxt] == index and nxt not in seen:
                        seen[nxt] = seen[node] + 1
                        following.append(nxt)
            frontier = following
        depth.update(seen)
        heights.append(max(seen.values()) + 1)
    for a, b in graph.edges:
        if owner[a] != owner[b]:
            dag.add_edge(owner[a], owner[b])
    offset: dict[int, int] = {}
    for comp in nx.lexicographical_topological_sort(dag):
        offset[comp] = max((offset[p] + heights[p] for p in dag.pred[comp]), default=0)
    return {node: offset[owner[node]] + depth[node] for node in graph}


def _sweep(graph: nx.DiGraph, order: list[list[int]]) -> None:
    """Reorder each layer by the barycentre of its neighbours in the other layers."""
    if len(order) < 2:
        return
    for sweep in range(SWEEPS):
        where = _where(order)
        layers = range(1, len(order)) if sweep % 2 == 0 else range(len(order) - 2, -1, -1)
        for layer in layers:
            neighbours = graph.pred if sweep % 2 == 0 else graph.succ
            keyed = []
            for index, node in enumerate(order[layer]):
                spots = [where[n] for n in neighbours[node] if n in where]
                own = index / max(1, len(order[layer]) - 1)
                keyed.append((sum(spots) / len(spots) if spots else own, own, node))
            keyed.sort()
            order[layer] = [node for _, _, node in keyed]
            for index, node in enumerate(order[layer]):
                where[node] = index / max(1, len(order[layer]) - 1)


def _where(order: list[list[int]]) -> dict[int, float]:
    return {n: i / max(1, len(col) - 1) for col in order for i, n in enumerate(col)}


def distance_layout(
    count: int, focus: int, placed: Mapping[int, int], edges: Sequence[tuple[int, int]]
) -> list[Point]:
    """Positions for a focused map: ``focus`` at the origin, each node of ``placed``
    (index → signed distance, positive downstream, negative upstream, 0 for both ways) in
    its column, ordered by the barycentre of its neighbours in the column nearer the focus;
    the middle column's other nodes below ``focus``."""
    positions: list[Point] = [(0.0, 0.0)] * count
    columns: dict[int, list[int]] = {0: [focus]}
    for node in sorted(placed):
        columns.setdefault(placed[node], []).append(node)
    links: dict[int, set[int]] = {}
    for a, b in edges:
        links.setdefault(a, set()).add(b)
        links.setdefault(b, set()).add(a)
    where: dict[int, float] = {focus: 0.0}
    reach = {1: COLUMN * 0.2, -1: COLUMN * 0.2}
    for key in sorted(columns, key=lambda k: (abs(k), k)):
        column = columns[key]
        keyed = []
        for node in column:
            spots = [where[n] for n in links.get(node, ()) if n in where]
            keyed.append((sum(spots) / len(spots) if spots else 0.0, node))
        keyed.sort()
        if key == 0:
            below = [node for _, node in keyed if node != focus]
            for index, node in enumerate(below):
                where[node] = (index + 1) * ROW * 1.5
                positions[node] = (0.0, round((index + 1) * ROW * 1.5, 1))
            continue
        subs = math.ceil(len(column) / 40)
        height = math.ceil(len(column) / subs)
        sign = 1 if key >= 0 else -1
        start = 0.0 if key == 0 else reach[sign] + COLUMN
        for index, (_, node) in enumerate(keyed):
            sub, row = index % subs, index // subs
            y = (row - (height - 1) / 2) * ROW
            where[node] = y
            positions[node] = (round(sign * (start + sub * SUB_COLUMN), 1), round(y, 1))
        if key != 0:
            reach[sign] = start + (subs - 1) * SUB_COLUMN
    return positions
