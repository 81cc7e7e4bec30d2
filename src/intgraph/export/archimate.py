"""The Open Group ArchiMate 3.1 Model Exchange File Format (Archi: File → Import →
Open Exchange XML Model).

Each system is an ``ApplicationComponent`` (middleware ones carry the property
Middleware = true), each (integration, source, target) a ``Flow`` relationship named by
the integration's ID and title, with its fields as properties. A "Landscape" diagram
places the systems as the HTML map's layout does. Identifiers are ``id-`` and a digest
of the system key or note path: valid ``xs:ID`` values, stable while the vault changes.
All note text goes through :func:`text` / :func:`attr` (XML escaping); the export model
has already dropped the characters XML cannot carry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from intgraph.export.landscape import ExportModel
from intgraph.render.map_layout import layered_layout

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
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
SCALE_X, SCALE_Y = 1.4, 1.2  # map layout units → diagram pixels
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
)


def text(value: str) -> str:
    """``value`` escaped for XML element content."""
    return value.translate(_TEXT)


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted XML attribute (line breaks kept)."""
    return value.translate(_ATTR)


def identifier(kind: str, key: str) -> str:
    """A stable ``xs:ID``: ``id-`` + kind + 20 hex digits of a digest of ``key``."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()
    return f"id-{kind}-{digest}"


PROPERTY_IDS = {name: identifier("prop", name) for name in PROPERTIES}


def _name(tag: str, value: str, indent: str) -> str:
    return f'{indent}<{tag} xml:lang="en">{text(value)}</{tag}>'


def _properties(pairs: list[tuple[str, str | None]], indent: str) -> Iterator[str]:
    present = [(k, v) for k, v in pairs if v]
    if not present:
        return
    yield f"{indent}<properties>"
    for name, value in present:
        yield f'{indent}  <property propertyDefinitionRef="{PROPERTY_IDS[name]}">'
        yield _name("value", value or "", indent + "    ")
        yield f"{indent}  </property>"
    yield f"{indent}</properties>"


def render(model: ExportModel) -> str:
    """The exchange-format XML document."""
    ident = {s.key: identifier("sys", s.key) for s in model.systems}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<model xmlns="{NS}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{SCHEMA}" identifier="{identifier("model", model.vault)}">',
        _name("name", model.vault, "  "),
        _name("documentation", f"Integration landscape exported by intgraph {model.version}", "  "),
        "  <elements>",
    ]
    for system in model.systems:
        out.append(
            f'    <element identifier="{ident[system.key]}" xsi:type="ApplicationComponent">'
        )
        out.append(_name("name", system.name, "      "))
        out += _properties(
            [
                ("Note path", system.path),
                ("Aliases", "; ".join(system.aliases)),
                ("Owner", system.owner),
                ("Middleware", "true" if system.middleware else "false"),
            ],
            "      ",
        )
        out.append("    </element>")
    out += ["  </elements>", "  <relationships>"]
    flows: list[tuple[str, str, str]] = []
    for integration in model.integrations:
        via = "; ".join(model.system(k).name for k in integration.middleware)
        pairs = [(s, t) for s in integration.sources for t in integration.targets]
        for number, (source, target) in enumerate(pairs):
            rid = identifier("flow", f"{integration.path}\n{number}")
            flows.append((rid, source, target))
            out.append(
                f'    <relationship identifier="{rid}" source="{ident[source]}" '
                f'target="{ident[target]}" xsi:type="Flow">'
            )
            out.append(_name("name", f"{integration.label}: {integration.title}", "      "))
            out += _properties(
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
                "      ",
            )
            out.append("    </relationship>")
    out += ["  </relationships>", "  <propertyDefinitions>"]
    for name, pid in PROPERTY_IDS.items():
        out.append(f'    <propertyDefinition identifier="{pid}" type="string">')
        out.append(_name("name", name, "      "))
        out.append("    </propertyDefinition>")
    out.append("  </propertyDefinitions>")
    out += _view(model, ident, flows)
    out.append("</model>")
    return "\n".join(out) + "\n"


def _view(
    model: ExportModel, ident: dict[str, str], flows: list[tuple[str, str, str]]
) -> Iterator[str]:
    """A "Landscape" diagram: every system where the map's layered layout puts it."""
    index = {s.key: n for n, s in enumerate(model.systems)}
    links: list[tuple[int, int]] = []
    for i in model.integrations:
        links += [(index[s], index[t]) for s in i.sources for t in i.targets]
        for m in i.middleware:  # middleware sits on the path, as on the HTML map
            links += [(index[s], index[m]) for s in i.sources]
            links += [(index[m], index[t]) for t in i.targets]
    points = layered_layout(len(model.systems), links)
    left = min((p[0] for p in points), default=0.0)
    top = min((p[1] for p in points), default=0.0)
    yield "  <views>"
    yield "    <diagrams>"
    yield f'      <view identifier="{identifier("view", model.vault)}" xsi:type="Diagram">'
    yield _name("name", "Landscape", "        ")
    node_of = {s.key: identifier("node", s.key) for s in model.systems}
    for system, (x, y) in zip(model.systems, points, strict=True):
        yield (
            f'        <node identifier="{node_of[system.key]}" '
            f'elementRef="{ident[system.key]}" xsi:type="Element" '
            f'x="{round((x - left) * SCALE_X) + 20}" y="{round((y - top) * SCALE_Y) + 20}" '
            f'w="{WIDTH}" h="{HEIGHT}"/>'
        )
    for rid, source, target in flows:
        yield (
            f'        <connection identifier="{identifier("conn", rid)}" '
            f'relationshipRef="{rid}" xsi:type="Relationship" '
            f'source="{node_of[source]}" target="{node_of[target]}"/>'
        )
    yield "      </view>"
    yield "    </diagrams>"
    yield "  </views>"
