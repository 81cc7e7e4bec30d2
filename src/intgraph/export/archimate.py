"""The Open Group ArchiMate 3.1 Model Exchange File Format (Archi: File → Import →
Open Exchange XML Model).

Each system is an ``ApplicationComponent`` (middleware ones carry the property
Middleware = true), each (integration, source, target) a ``Flow`` relationship named by
the integration's ID and title, with its fields as properties. A "Landscape" diagram
places the systems as the HTML map's layout does. Identifiers are ``id-`` and a digest
of the system key or note path: valid ``xs:ID`` values, stable while the vault changes.
ElementTree builds the document, so all note text is escaped.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

from intgraph.export.landscape import ExportModel
from intgraph.render.map_layout import layered_layout

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TYPE = f"{{{XSI}}}type"
PROPERTIES = (
    "Note path",
    "Aliases",
    "Owner",
    "Middleware",
    "Integration ID",
    "Status",
    "Category",
    "Classification",
    "Protocol",
)
WIDTH, HEIGHT = 140, 60


def identifier(kind: str, key: str) -> str:
    """A stable ``xs:ID``: ``id-`` + kind + 20 hex digits of a digest of ``key``."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()
    return f"id-{kind}-{digest}"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, _q(tag), {LANG: "en"})
    element.text = text
    return element


def _properties(parent: ET.Element, pairs: list[tuple[str, str | None]]) -> None:
    present = [(k, v) for k, v in pairs if v]
    if not present:
        return
    holder = ET.SubElement(parent, _q("properties"))
    for name, value in present:
        prop = ET.SubElement(
            holder, _q("property"), {"propertyDefinitionRef": identifier("prop", name)}
        )
        _text(prop, "value", value or "")


def render(model: ExportModel) -> str:
    """The exchange-format XML document."""
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        _q("model"),
        {
            "identifier": identifier("model", model.vault),
            f"{{{XSI}}}schemaLocation": SCHEMA,
        },
    )
    _text(root, "name", model.vault)
    _text(root, "documentation", f"Integration landscape exported by intgraph {model.version}")
    elements = ET.SubElement(root, _q("elements"))
    ident = {s.key: identifier("sys", s.key) for s in model.systems}
    for system in model.systems:
        element = ET.SubElement(
            elements,
            _q("element"),
            {"identifier": ident[system.key], TYPE: "ApplicationComponent"},
        )
        _text(element, "name", system.name)
        _properties(
            element,
            [
                ("Note path", system.path),
                ("Aliases", "; ".join(system.aliases)),
                ("Owner", system.owner),
                ("Middleware", "true" if system.middleware else "false"),
            ],
        )
    relationships = ET.SubElement(root, _q("relationships"))
    flows: list[tuple[str, str, str]] = []
    for integration in model.integrations:
        via = "; ".join(model.system(k).name for k in integration.middleware)
        pairs = [(s, t) for s in integration.sources for t in integration.targets]
        for number, (source, target) in enumerate(pairs):
            rid = identifier("flow", f"{integration.path}\n{number}")
            flows.append((rid, ident[source], ident[target]))
            relation = ET.SubElement(
                relationships,
                _q("relationship"),
                {"identifier": rid, "source": ident[source], "target": ident[target], TYPE: "Flow"},
            )
            _text(relation, "name", f"{integration.label}: {integration.title}")
            _properties(
                relation,
                [
                    ("Integration ID", integration.id),
                    ("Status", integration.status),
                    ("Category", integration.category),
                    ("Classification", integration.classification),
                    ("Protocol", integration.protocol),
                    ("Middleware", via),
                    ("Owner", integration.owner),
                    ("Note path", integration.path),
                ],
            )
    definitions = ET.SubElement(root, _q("propertyDefinitions"))
    for name in PROPERTIES:
        definition = ET.SubElement(
            definitions,
            _q("propertyDefinition"),
            {"identifier": identifier("prop", name), "type": "string"},
        )
        _text(definition, "name", name)
    _view(root, model, ident, flows)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _view(
    root: ET.Element,
    model: ExportModel,
    ident: dict[str, str],
    flows: list[tuple[str, str, str]],
) -> None:
    """A "Landscape" diagram: every system where the map's layered layout puts it."""
    index = {s.key: n for n, s in enumerate(model.systems)}
    links = [(index[s], index[t]) for i in model.integrations for s in i.sources for t in i.targets]
    links += [
        (index[s], index[m]) for i in model.integrations for m in i.middleware for s in i.sources
    ]
    links += [
        (index[m], index[t]) for i in model.integrations for m in i.middleware for t in i.targets
    ]
    points = layered_layout(len(model.systems), links)
    left = min((p[0] for p in points), default=0.0)
    top = min((p[1] for p in points), default=0.0)
    views = ET.SubElement(root, _q("views"))
    diagrams = ET.SubElement(views, _q("diagrams"))
    view = ET.SubElement(
        diagrams, _q("view"), {"identifier": identifier("view", model.vault), TYPE: "Diagram"}
    )
    _text(view, "name", "Landscape")
    node_of: dict[str, str] = {}
    for system, (x, y) in zip(model.systems, points, strict=True):
        node = node_of[ident[system.key]] = identifier("node", system.key)
        ET.SubElement(
            view,
            _q("node"),
            {
                "identifier": node,
                "elementRef": ident[system.key],
                TYPE: "Element",
                "x": str(round((x - left) * 1.4) + 20),
                "y": str(round((y - top) * 1.2) + 20),
                "w": str(WIDTH),
                "h": str(HEIGHT),
            },
        )
    for rid, source, target in flows:
        ET.SubElement(
            view,
            _q("connection"),
            {
                "identifier": identifier("conn", rid),
                "relationshipRef": rid,
                TYPE: "Relationship",
                "source": node_of[source],
                "target": node_of[target],
            },
        )
