"""Graphviz DOT: a ``digraph`` of systems and integrations, every ID and label quoted.

Systems are boxes, middleware hexagons (amber); an integration is an edge per
(source, target), labelled with its ID: Production solid, Development bold,
Planning dotted, Deprecated dashed grey. Tooltips carry the details.
"""

from __future__ import annotations

from intgraph.export.landscape import ExportIntegration, ExportModel, ExportSystem
from intgraph.render.escape import terminal

STYLES = {
    "production": 'style="solid"',
    "development": 'style="bold"',
    "planning": 'style="dotted"',
    "deprecated": 'style="dashed", color="grey50", fontcolor="grey50"',
}


def quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as ``\\n``.

    Escaping the backslash keeps Graphviz from reading ``\\N``, ``\\G``, ``\\l`` and the
    like in note text as its own escapes; ``&`` is written ``&amp;`` since Graphviz
    decodes entities in strings, so ``&lt;`` in a note stays ``&lt;`` in the drawing.
    """
    value = text.replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{value}"'


def _system(system: ExportSystem) -> str:
    attrs = [f"label={quote(system.name)}"]
    if system.middleware:
        attrs.append('shape="hexagon", style="filled", fillcolor="#fde68a"')
    tip = [system.name]
    if system.aliases:
        tip.append("aliases: " + ", ".join(system.aliases))
    if system.owner:
        tip.append(f"owner: {system.owner}")
    tip.append(f"note: {system.path}" if system.path else "no note")
    attrs.append(f"tooltip={quote(chr(10).join(tip))}")
    return f"  {quote(system.key)} [{', '.join(attrs)}];"


def _tooltip(model: ExportModel, integration: ExportIntegration) -> str:
    lines = [f"{integration.id or '(no ID)'}: {integration.title}"]
    for name, value in (
        ("status", integration.status),
        ("category", integration.category),
        ("classification", integration.classification),
        ("protocol", integration.protocol),
        ("owner", integration.owner),
    ):
        if value:
            lines.append(f"{name}: {value}")
    if integration.middleware:
        via = ", ".join(model.system(k).name for k in integration.middleware)
        lines.append(f"via: {via}")
    lines.append(f"note: {integration.path}")
    return "\n".join(lines)


def render(model: ExportModel) -> str:
    """The DOT text; same model, same bytes."""
    out = [
        f"// intgraph {terminal(model.version)}: integration landscape of the vault "
        + terminal(model.vault),
        f"digraph {quote(model.vault)} {{",
        '  graph [rankdir=LR, fontname="Helvetica"];',
        '  node [shape="box", style="rounded", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    out += [_system(s) for s in model.systems]
    for integration in model.integrations:
        style = STYLES.get((integration.status or "").lower(), 'style="solid"')
        attrs = (
            f"label={quote(integration.label)}, tooltip={quote(_tooltip(model, integration))}, "
            f"{style}"
        )
        if integration.middleware:
            attrs += ', color="#7c3aed"' if "color=" not in style else ""
        for source in integration.sources:
            for target in integration.targets:
                out.append(f"  {quote(source)} -> {quote(target)} [{attrs}];")
    out.append("}")
    return "\n".join(out) + "\n"
