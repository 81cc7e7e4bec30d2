"""The landscape model every export is written from: systems and integrations as plain,
typed, sorted data, with text made safe for every format (see :func:`clean`)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from intgraph import __version__
from intgraph.graph import INTEGRATION, SYSTEM, after, before, fields_of, has_status
from intgraph.pipeline import Landscape
from intgraph.queries.statuses import check_statuses
from intgraph.vault import read_note

# Characters XML 1.0 cannot carry even escaped (C0 controls but tab/LF/CR, lone
# surrogates, U+FFFE/U+FFFF): no format we write is better off with them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """``text`` without the characters no output format can carry (C0 controls other
    than tab and line breaks, lone surrogates, U+FFFE, U+FFFF), line breaks as LF (XML
    readers turn CR into LF anyway)."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _opt(text: str | None) -> str | None:
    value = clean(text).strip() if text else ""
    return value or None


@dataclass(frozen=True)
class ExportSystem:
    """A system: ``key`` is intgraph's stable identity (note path or plain name based)."""

    key: str
    name: str
    path: str | None
    aliases: tuple[str, ...]
    middleware: bool
    owner: str | None

    @property
    def folder(self) -> str | None:
        """The vault folder of the system's note ("" at the top), None without a note."""
        if self.path is None:
            return None
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""


@dataclass(frozen=True)
class ExportIntegration:
    """An integration; ``sources``, ``targets`` and ``middleware`` hold system keys."""

    path: str
    id: str | None
    title: str
    status: str | None
    category: str | None
    classification: str | None
    protocol: str | None
    owner: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    middleware: tuple[str, ...]

    @property
    def label(self) -> str:
        """The integration's ID, or its title when it has none."""
        return self.id or self.title


@dataclass(frozen=True)
class ExportModel:
    """The whole landscape for export. Systems are sorted by name (then key),
    integrations by note path; every list inside is sorted by system name."""

    vault: str
    version: str
    statuses: tuple[str, ...]
    systems: tuple[ExportSystem, ...]
    integrations: tuple[ExportIntegration, ...]

    def system(self, key: str) -> ExportSystem:
        """The system with ``key``; raises KeyError for an unknown one."""
        return self._index()[key]

    def _index(self) -> dict[str, ExportSystem]:
        index: dict[str, ExportSystem] | None = self.__dict__.get("_by_key")
        if index is None:
            index = {s.key: s for s in self.systems}
            object.__setattr__(self, "_by_key", index)
        return index


def _system_key(node: str) -> str:
    return node.split(":", 1)[1]


def build_model(landscape: Landscape, statuses: Collection[str] = ()) -> ExportModel:
    """The landscape of ``landscape``, keeping only integrations with one of ``statuses``
    (case-insensitive; all when empty; UsageError for a status the vault does not know).

    Every system is kept, with or without a kept integration. A system's owner is the
    ``owner`` of its note's front matter.
    """
    graph = landscape.graph
    statuses = check_statuses(graph, statuses)
    wanted = {s.lower() for s in statuses}
    system_nodes = [n for n, d in graph.nodes(data=True) if d["kind"] == SYSTEM]
    owners = _system_owners(landscape, [graph.nodes[n].get("path") for n in system_nodes])
    systems = []
    for node in system_nodes:
        data = graph.nodes[node]
        path = data.get("path")
        systems.append(
            ExportSystem(
                key=clean(_system_key(node)),
                name=clean(data["name"]),
                path=clean(path) if path else None,
                aliases=tuple(clean(a) for a in data.get("aliases", ())),
                middleware=bool(data.get("middleware")),
                owner=owners.get(path) if path else None,
            )
        )
    systems.sort(key=lambda s: (s.name.lower(), s.name, s.key))
    rank = {s.key: i for i, s in enumerate(systems)}

    def keys(nodes: list[str]) -> tuple[str, ...]:
        return tuple(sorted({clean(_system_key(n)) for n in nodes}, key=rank.__getitem__))

    integrations = []
    for node, data in graph.nodes(data=True):
        if data["kind"] != INTEGRATION or not has_status(graph, node, wanted):
            continue
        fields = fields_of(graph, node)
        integrations.append(
            ExportIntegration(
                path=clean(data["path"]),
                id=_opt(data.get("id")),
                title=clean(data["title"]),
                status=_opt(data.get("status")),
                category=_opt(fields.category),
                classification=_opt(fields.classification),
                protocol=_opt(fields.protocol),
                owner=_opt(fields.owner.text if fields.owner else None),
                sources=keys(before(graph, node, "source")),
                targets=keys(after(graph, node, "target")),
                middleware=keys(after(graph, node, "via")),
            )
        )
    integrations.sort(key=lambda i: i.path)
    return ExportModel(
        vault=clean(landscape.name),
        version=__version__,
        statuses=tuple(statuses),
        systems=tuple(systems),
        integrations=tuple(integrations),
    )


def _system_owners(landscape: Landscape, paths: list[str | None]) -> dict[str, str]:
    """The front-matter ``owner`` of each system note that names one.

    Only the system notes' front matter is read (the same way the parser reads it), so a
    warm run does not decode every note of the vault from the cache.
    """
    # Imported here: importing the parser costs every other command's start-up.
    from intgraph.parse import front
    from intgraph.parse.values import owner_from_front

    found: dict[str, str] = {}
    root = landscape.files.root
    for path in sorted({p for p in paths if p and p.lower().endswith(".md")}):
        text = read_note(root, path).text
        if not text.startswith("---") or "owner" not in text.lower():
            continue
        lines = text.split("\n")
        meta = front.load(path, lines)
        data = {front.key_name(k): v for k, v in meta.data.items()}
        if not meta.body_start or "owner" not in data:
            continue
        ref = owner_from_front(
            front.link_texts(data["owner"]), meta.line_of("owner"), landscape.placeholders
        )
        owner = _opt(ref.text) if ref is not None else None
        if owner:
            found[path] = owner
    return found
