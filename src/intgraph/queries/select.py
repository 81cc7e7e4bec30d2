"""dbt-style selectors for integrations: ``--select "status:production,SAP ERP+"``.

Several expressions are a union; the comma-separated terms of one expression are an
intersection. A term is ``method:value`` or a system name with graph operators:
``+X`` (upstream of X), ``X+`` (downstream), ``+X+`` (both), ``2+X`` / ``X+2`` (to a
depth). A bare system name selects the integrations that touch it, as ``system:X``.
Spaces belong to names (``SAP ERP+``).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from intgraph.errors import UsageError
from intgraph.graph import INTEGRATION, after, before, fields_of, has_status
from intgraph.model import name_key
from intgraph.pipeline import Landscape
from intgraph.queries.impact import walk
from intgraph.queries.lookup import find_system
from intgraph.queries.people import owner_of
from intgraph.queries.statuses import check_statuses
from intgraph.vault import from_root

METHODS: tuple[str, ...] = (
    "status",
    "owner",
    "middleware",
    "category",
    "classification",
    "folder",
    "tag",
    "system",
)
_GRAPH = re.compile(r"^(?:(\d*)\+)?(.*?)(?:\+(\d*))?$", re.DOTALL)
_METHOD = re.compile(r"^([A-Za-z_]+):(.*)$", re.DOTALL)
# A system name in double quotes is taken as it is: "Host: Main"+, +"Notepad++".
_QUOTED = re.compile(r'^(?:(\d*)\+)?"([^"]*)"(?:\+(\d*))?$', re.DOTALL)


@dataclass(frozen=True)
class Term:
    """One selector term: ``method`` is one of :data:`METHODS` or ``graph``.

    For ``graph``: ``value`` is the system, ``up``/``down`` say whether to walk that way
    and ``up_depth``/``down_depth`` how far (None: no limit).
    """

    method: str
    value: str
    up: bool = False
    down: bool = False
    up_depth: int | None = None
    down_depth: int | None = None


def parse_term(text: str) -> Term:
    """Parse one term; raises UsageError for an unknown method or an empty value."""
    term = text.strip()
    if not term:
        raise UsageError("empty --select term")
    quoted = _QUOTED.match(term)
    if quoted:
        return _graph_term(term, quoted.group(2).strip(), quoted.group(1), quoted.group(3))
    method = _METHOD.match(term)
    if method:
        name, value = method.group(1).lower(), _unquote(method.group(2).strip())
        if name not in METHODS:
            raise UsageError(
                f"unknown --select method {method.group(1)!r}: "
                f"valid methods are {', '.join(m + ':' for m in METHODS)} and +SYSTEM+"
            )
        if not value:
            raise UsageError(f"--select {name}: needs a value")
        return Term(name, value)
    match = _GRAPH.match(term)
    assert match is not None  # the pattern matches every string
    return _graph_term(term, match.group(2).strip(), match.group(1), match.group(3))


def _unquote(value: str) -> str:
    """``value`` without one pair of double quotes around it."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].strip()
    return value


def _graph_term(term: str, name: str, up_text: str | None, down_text: str | None) -> Term:
    if not name:
        raise UsageError(f"--select {term!r}: needs a system name")
    if up_text is None and down_text is None:
        return Term("system", name)
    return Term(
        "graph",
        name,
        up=up_text is not None,
        down=down_text is not None,
        up_depth=_depth(up_text),
        down_depth=_depth(down_text),
    )


def _depth(text: str | None) -> int | None:
    if not text:
        return None
    depth = int(text)
    if depth < 1:
        raise UsageError("--select depth must be at least 1")
    return depth


def parse_expression(expression: str) -> tuple[Term, ...]:
    """The terms of one ``--select`` expression (comma-separated: an intersection; a
    comma inside double quotes belongs to a name). Raises UsageError for an unbalanced
    quote."""
    parts = [""]
    quoted = False
    for char in expression:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            parts.append("")
        else:
            parts[-1] += char
    if quoted:
        raise UsageError(f"--select {expression!r}: a double quote is not closed")
    return tuple(parse_term(part) for part in parts)


def integration_nodes(graph: nx.MultiDiGraph) -> list[str]:
    """Every integration node, in note path order."""
    found = [n for n, d in graph._node.items() if d["kind"] == INTEGRATION]
    return sorted(found, key=lambda n: (graph._node[n]["path"], n))


def select_integrations(landscape: Landscape, expressions: Sequence[str]) -> list[str]:
    """The integration nodes any of ``expressions`` selects, in note path order.

    Raises UsageError for a malformed expression or an unknown status, and
    UnknownSystemError for an unknown system.
    """
    parsed = [parse_expression(e) for e in expressions]
    graph = landscape.graph
    every = integration_nodes(graph)
    chosen: set[str] = set()
    for terms in parsed:
        found: set[str] | None = None
        for term in terms:
            matched = _match(landscape, term, every if found is None else sorted(found))
            found = matched if found is None else found & matched
        chosen |= found or set()
    return [n for n in every if n in chosen]


def _glob(pattern: str) -> Callable[[str | None], bool]:
    wanted = name_key(pattern)
    return lambda value: value is not None and fnmatch.fnmatchcase(name_key(value), wanted)


def _match(landscape: Landscape, term: Term, candidates: Iterable[str]) -> set[str]:
    graph = landscape.graph
    value = term.value
    if term.method == "status":
        check_statuses(graph, [value], f"--select status:{value}")
        return {n for n in candidates if has_status(graph, n, {value.lower()})}
    if term.method in ("owner", "category", "classification"):
        test = _glob(value)
        field: Callable[[str], str | None] = {
            "owner": lambda n: owner_of(graph, n),
            "category": lambda n: fields_of(graph, n).category,
            "classification": lambda n: fields_of(graph, n).classification,
        }[term.method]
        return {n for n in candidates if test(field(n))}
    if term.method == "folder":
        prefix = from_root(value)[0].strip("/").lower() + "/"
        return {n for n in candidates if graph._node[n]["path"].lower().startswith(prefix)}
    if term.method == "tag":
        tag = value.lstrip("#").lower()
        return {n for n in candidates if _has_tag(landscape, graph._node[n]["path"], tag)}
    system = find_system(graph, landscape.names, value)
    if term.method == "middleware":
        return set(before(graph, system, "via"))
    if term.method == "system":
        return {
            *after(graph, system, "source"),
            *before(graph, system, "target"),
            *before(graph, system, "via"),
        }
    found: set[str] = set()
    for way, wanted, depth in (
        ("upstream", term.up, term.up_depth),
        ("downstream", term.down, term.down_depth),
    ):
        if wanted:
            found.update(walk(landscape.flows, system, way, depth)[1])
    return found


def _has_tag(landscape: Landscape, path: str, tag: str) -> bool:
    """True when the note has ``tag`` or a nested tag under it (``tag:finance`` matches
    ``finance/payments``), as Obsidian's tag search does."""
    tags = (t.lower() for t in landscape.note(path).tags)
    return any(t == tag or t.startswith(tag + "/") for t in tags)


def restrict(
    landscape: Landscape, integrations: Iterable[str], systems: Iterable[str] = ()
) -> Landscape:
    """A landscape whose graph holds only ``integrations``, the systems they touch, the
    documents they link and ``systems``: what ``map --select`` draws."""
    graph = landscape.graph
    chosen = list(integrations)
    if chosen:
        fields_of(graph, chosen[0])  # load every note's fields before the graph is copied
    keep: set[str] = set(chosen) | set(systems)
    for node in chosen:
        keep.update(before(graph, node, "source"))
        keep.update(v for v, keys in graph._succ[node].items() if keys)
    return landscape.with_graph(graph.subgraph(keep).copy())


def selected(
    landscape: Landscape,
    expressions: Sequence[str],
    statuses: Sequence[str] = (),
    focus: str | None = None,
) -> Landscape:
    """The landscape restricted to what ``expressions`` select (see :func:`restrict`).

    ``statuses`` are checked against the whole vault first, so a status the selection
    happens not to use is still known; the ``focus`` system is looked up in the whole
    vault and kept, so a map focused outside the selection shows it alone.
    """
    check_statuses(landscape.graph, statuses)
    keep = [find_system(landscape.graph, landscape.names, focus)] if focus is not None else []
    return restrict(landscape, select_integrations(landscape, expressions), keep)
