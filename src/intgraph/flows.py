"""The data-flow view of the graph: what a traversal reads, without networkx.

:class:`Flows` holds every system and integration node's attributes (the graph's own
dicts) and, per node, its flow neighbours by role, in the order the graph's adjacency
holds them: the same lists :func:`intgraph.graph.after` and :func:`~intgraph.graph.before`
return. A warm run decodes it from the cache alone and answers ``impact`` from it; the
full :class:`networkx.MultiDiGraph` is built only when something asks for it. It is a
snapshot of the graph at load time: a graph changed afterwards is not reflected.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import eq, ge, itemgetter, not_
from typing import Any

from intgraph.jsontext import Encoded, Pieces, row_pieces
from intgraph.model import DOCUMENT, INTEGRATION, SYSTEM, Note, ref_name

#: What a cached view of another layout raises while it is decoded.
LAYOUT_ERRORS = (AttributeError, IndexError, KeyError, TypeError, ValueError, EOFError)
_EMPTY: tuple[str, ...] = ()
_KIND = itemgetter("kind")
#: An integration's attributes as an answer's row lists them: (ID, title, path, status,
#: owner, next review).
ROW_ATTRS = itemgetter("id", "title", "path", "status", "owner", "next_review")
#: The attributes every node of a kind carries (see :func:`intgraph.graph.build_graph`).
NODE_KEYS = {
    SYSTEM: frozenset({"kind", "name", "path", "aliases", "middleware"}),
    INTEGRATION: frozenset({"kind", "name", "title", "id", "path", "status"}),
    DOCUMENT: frozenset({"kind", "name", "path"}),
}
_SYSTEM, _INTEGRATION = NODE_KEYS[SYSTEM], NODE_KEYS[INTEGRATION]


def system_node(key: str) -> str:
    """The node id of the system whose :class:`~intgraph.names.SystemId` key is ``key``."""
    return "system:" + key


def integration_node(path: str) -> str:
    """The node id of the integration note at ``path``."""
    return "integration:" + path


def document_node(path: str) -> str:
    """The node id of the document at ``path``."""
    return "document:" + path


def integration_attrs(
    title: str,
    iid: str | None,
    path: str,
    status: str | None,
    owner: str | None,
    next_review: str | None,
) -> dict[str, Any]:
    """The attributes of an integration's node (but its fields), in graph order."""
    return {
        "kind": INTEGRATION,
        "name": title,
        "title": title,
        "id": iid,
        "path": path,
        "status": status,
        "owner": owner,
        "next_review": next_review,
    }


def note_attrs(note: Note) -> dict[str, Any]:
    """:func:`integration_attrs` of an integration note."""
    f = note.fields
    owner = ref_name(f.owner) if f.owner else None
    return integration_attrs(
        note.title, f.integration_id, note.path, f.status, owner, f.meta("Next Review")
    )


def listing_key(data: Mapping[str, Any]) -> tuple[str, str, str]:
    """How answers list integrations (at one distance): by ID, title and path."""
    return (str(data.get("id") or "").lower(), str(data["title"]).lower(), str(data["path"]))


def tie_key(data: Mapping[str, Any]) -> tuple[bool, str]:
    """Which integration a tie between shortest paths goes to (then by node id): live
    ones before Deprecated, then by ID, or title when it has none."""
    status = str(data.get("status") or "").lower()
    return (status == "deprecated", str(data.get("id") or data["title"]).lower())


def display_names(node: Mapping[str, Mapping[str, Any]], nodes: Iterable[str]) -> tuple[str, ...]:
    """The display names of ``nodes``, in order (``node``: the nodes' attributes)."""
    return tuple([str(node[n]["name"]) for n in nodes])


def orders(
    node: Mapping[str, Mapping[str, Any]], integrations: list[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """(:attr:`Flows.rank`, :attr:`Flows.tie`) of ``integrations``: each one's place in
    the listing order (:func:`listing_key`) and in the tie-break order (:func:`tie_key`,
    then node id)."""
    listed = sorted(integrations, key=lambda n: listing_key(node[n]))
    tied = sorted(integrations, key=lambda n: (*tie_key(node[n]), n))
    return {n: i for i, n in enumerate(listed)}, {n: i for i, n in enumerate(tied)}


class FlowsLayoutError(ValueError):
    """Cached flows that do not have the layout this build writes."""


@dataclass(frozen=True)
class Flows:
    """Systems and integrations with their flow neighbours (absent key: none)."""

    #: Attributes of every system and integration node, in graph order.
    node: Mapping[str, Mapping[str, Any]]
    #: system -> the integrations it is a source of.
    feeds: Mapping[str, tuple[str, ...]]
    #: system -> the integrations that target it.
    fed_by: Mapping[str, tuple[str, ...]]
    #: middleware system -> the integrations routed through it.
    routed: Mapping[str, tuple[str, ...]]
    #: integration -> its source systems, as the note lists them.
    sources: Mapping[str, tuple[str, ...]]
    #: integration -> its target systems.
    targets: Mapping[str, tuple[str, ...]]
    #: integration -> its middleware systems.
    via: Mapping[str, tuple[str, ...]]
    #: Every system name and alias key -> its node (see :func:`intgraph.graph.system_index`).
    index: Mapping[str, str]
    #: integration -> the names of its (sources, targets, middleware), for answers.
    ends: Mapping[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]
    #: integration -> its place in the listing order: by ID, title and path (each
    #: case-folded but the path), as answers list integrations at one distance.
    rank: Mapping[str, int]
    #: integration -> its place when a tie between shortest paths is broken: live
    #: before Deprecated, then by ID (or title when it has none) and node id.
    tie: Mapping[str, int]
    #: Every name key several systems have -> those systems, the one ``index`` gives
    #: first (see :func:`intgraph.graph.system_homonyms`).
    homonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: integration -> the JSON text of its impact row around the answer's own values
    #: (:func:`intgraph.jsontext.row_pieces`), where it was made: a view loaded from the
    #: cache has every integration's (:class:`RowText`, decoded when first read), one
    #: derived from a graph none. Derived from the rest, so views are compared without it.
    text: Mapping[str, Pieces] = field(default_factory=dict, compare=False)

    def leaving(self, node: str, role: str) -> tuple[str, ...]:
        """The nodes ``node`` has a ``role`` edge to (``source`` from a system; ``target``
        or ``via`` from an integration): :func:`intgraph.graph.after` on the graph."""
        table = {"source": self.feeds, "target": self.targets}.get(role, self.via)
        return table.get(node, _EMPTY)

    def entering(self, node: str, role: str) -> tuple[str, ...]:
        """The nodes with a ``role`` edge to ``node``: :func:`intgraph.graph.before`."""
        table = {"source": self.sources, "target": self.fed_by}.get(role, self.routed)
        return table.get(node, _EMPTY)

    @property
    def has_integrations(self) -> bool:
        """True when some node is an integration."""
        return bool(self.sources) or any(d["kind"] == INTEGRATION for d in self.node.values())


def decode_flows(data: Any) -> Flows:
    """The view that its thirteen tables describe (see :func:`intgraph.snapshot.encode_light`):
    ``node`` to ``index`` as plain dicts, then ``ends``, ``rank`` and ``tie`` as lists
    that follow the integrations in ``node`` order (so their keys cannot disagree), then
    ``homonyms`` as a plain dict and ``text`` as :func:`marshal.dumps` of a list in
    ``node`` order again, decoded when first read (see :class:`RowText`).
    Raises :class:`FlowsLayoutError` when it has another layout (the checks run at C
    speed)."""
    if not (
        type(data) is tuple
        and len(data) == 13
        and all(type(m) is dict for m in data[:8])
        and all(type(m) is list for m in data[8:11])
        and type(data[11]) is dict
        and type(data[12]) is bytes
    ):
        raise FlowsLayoutError("not a flows view")
    node, *tables, index, ends_in, rank_in, tie_in, homonyms, text_in = data
    if set(map(type, node.values())) - {dict}:
        raise FlowsLayoutError("flows node of another layout")
    kinds = list(map(_KIND, node.values()))
    if not set(kinds) <= {SYSTEM, INTEGRATION}:
        raise FlowsLayoutError("flows node of another kind")
    is_integration = list(map(eq, kinds, repeat(INTEGRATION)))
    integrations = list(compress(node, is_integration))
    systems = compress(node.values(), map(not_, is_integration))
    if not (
        all(map(ge, map(dict.keys, compress(node.values(), is_integration)), repeat(_INTEGRATION)))
        and all(map(ge, map(dict.keys, systems), repeat(_SYSTEM)))
    ):
        raise FlowsLayoutError("flows node of another layout")
    if set(map(type, chain.from_iterable(t.values() for t in tables))) - {tuple}:
        raise FlowsLayoutError("flows table of another layout")
    named = set(chain.from_iterable(chain.from_iterable(t.values() for t in tables)))
    keys = node.keys()
    if set(map(type, homonyms.values())) - {tuple}:
        raise FlowsLayoutError("flows homonyms of another layout")
    if not (
        all(t.keys() <= keys for t in tables)
        and named <= keys
        and set(index.values()) <= keys
        and set(chain.from_iterable(homonyms.values())) <= keys
    ):
        raise FlowsLayoutError("flows table names unknown nodes")
    if not (len(ends_in) == len(rank_in) == len(tie_in) == len(integrations)):
        raise FlowsLayoutError("flows orders of another layout")
    names = chain.from_iterable(ends_in)
    if (
        set(map(type, chain(rank_in, tie_in))) - {int}
        or set(map(type, ends_in)) - {tuple}
        or set(map(len, ends_in)) - {3}
        or set(map(type, names)) - {tuple}
    ):
        raise FlowsLayoutError("flows orders of another layout")
    feeds, fed_by, routed, sources, targets, via = tables
    ends, rank, tie = (dict(zip(integrations, t, strict=True)) for t in (ends_in, rank_in, tie_in))
    text = RowText(integrations, text_in)
    return Flows(
        node, feeds, fed_by, routed, sources, targets, via, index, ends, rank, tie, homonyms, text
    )


class RowText(Mapping[str, Pieces]):
    """:attr:`Flows.text` as the cache holds it: marshalled, decoded when first read (a
    warm answer that writes few rows never pays for it). Text of another layout reads as
    none: the rows are then written from the answer, the same bytes."""

    def __init__(self, integrations: list[str], blob: bytes) -> None:
        """The text of ``integrations``, in that order, as ``blob`` holds it."""
        self._integrations = integrations
        self._blob = blob
        self._text: dict[str, Pieces] | None = None

    @property
    def count(self) -> int:
        """How many integrations it holds the text of, without decoding it."""
        return len(self._integrations)

    @property
    def loaded(self) -> dict[str, Pieces]:
        """The text by integration, decoded on first use."""
        if self._text is None:
            self._text = _decoded_text(self._integrations, self._blob)
            self._blob = b""
        return self._text

    def __getitem__(self, node: str) -> Pieces:
        return self.loaded[node]

    def __iter__(self) -> Iterator[str]:
        return iter(self.loaded)

    def __len__(self) -> int:
        return len(self.loaded)


def _decoded_text(integrations: list[str], blob: bytes) -> dict[str, Pieces]:
    try:
        found = marshal.loads(blob)
    except (EOFError, TypeError, ValueError):
        return {}
    if (
        type(found) is not list
        or len(found) != len(integrations)
        or set(map(type, found)) - {tuple}
        or set(map(len, found)) - {3}
        or set(map(type, chain.from_iterable(found))) - {str}
    ):
        return {}
    return dict(zip(integrations, found, strict=True))


def loaded_text(text: Mapping[str, Pieces]) -> Mapping[str, Pieces]:
    """``text`` as a plain mapping to look rows up in (decoded if it is :class:`RowText`)."""
    return text.loaded if isinstance(text, RowText) else text


def row_text(flows: Flows, integrations: Iterable[str]) -> list[Pieces]:
    """The :attr:`Flows.text` of ``integrations``: as ``flows`` holds it, else made."""
    known = Encoded()
    made = []
    text = loaded_text(flows.text)
    for n in integrations:
        pieces = text.get(n)
        if pieces is None:
            iid, title, path, status, owner, review = ROW_ATTRS(flows.node[n])
            pieces = row_pieces(iid, title, path, status, flows.ends[n], owner, review, known)
        made.append(pieces)
    return made
