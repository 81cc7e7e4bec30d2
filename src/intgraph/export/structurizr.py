"""A Structurizr DSL workspace: a ``softwareSystem`` per system, a relationship per
(integration, source, target), and a system landscape view with auto-layout.

The DSL's rules are kept: identifiers are ``[a-zA-Z_0-9]`` and unique, element names are
unique, descriptions between one pair are unique, elements come before relationships.
Strings are double-quoted; as the DSL has no escape for it, a ``"`` in note text is
written ``'``, a backslash ``/``, a line break a space, and ``${`` (constant
substitution) ``$ {``.
"""

from __future__ import annotations

import re
import unicodedata

from intgraph.export.landscape import ExportModel

_NOT_IDENT = re.compile(r"[^a-zA-Z0-9_]+")
# DSL keywords: an identifier never equals one, so no line can be misread
KEYWORDS = frozenset(
    {
        "workspace",
        "model",
        "views",
        "person",
        "softwaresystem",
        "container",
        "component",
        "group",
        "enterprise",
        "element",
        "relationship",
        "deploymentenvironment",
        "deploymentnode",
        "infrastructurenode",
        "softwaresysteminstance",
        "containerinstance",
        "deploymentgroup",
        "properties",
        "perspectives",
        "tags",
        "description",
        "technology",
        "url",
        "this",
        "styles",
        "theme",
        "themes",
        "branding",
        "terminology",
        "configuration",
        "users",
        "include",
        "exclude",
        "autolayout",
        "animation",
        "title",
        "healthcheck",
        "instances",
        "docs",
        "adrs",
        "impliedrelationships",
        "identifiers",
        "constant",
        "const",
        "var",
        "ref",
        "extend",
        "plugin",
        "script",
        "systemlandscape",
        "systemcontext",
        "dynamic",
        "deployment",
        "filtered",
        "custom",
        "image",
    }
)


def string(text: str) -> str:
    """A DSL string: always quoted, with the characters the DSL cannot escape replaced."""
    value = " ".join(text.replace('"', "'").replace("\\", "/").split())
    return '"' + value.replace("${", "$ {") + '"'


def identifier(name: str, taken: set[str]) -> str:
    """An identifier from ``[a-zA-Z_0-9]`` made from ``name``, not in ``taken`` (added)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = _NOT_IDENT.sub("_", ascii_name).strip("_").lower() or "system"
    if base[0].isdigit() or base in KEYWORDS:
        base = "s_" + base
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}_{number}"
    taken.add(candidate)
    return candidate


def _unique(text: str, taken: set[str], extra: str) -> str:
    """``text``, or ``text (extra)`` when it is taken (compared as the DSL would)."""
    value = text
    number = 1
    while string(value).lower() in taken:
        number += 1
        value = f"{text} ({extra})" if number == 2 else f"{text} ({extra} {number})"
    taken.add(string(value).lower())
    return value


def _properties(pairs: list[tuple[str, str | None]], indent: str) -> list[str]:
    lines = [f"{indent}properties {{"]
    lines += [f"{indent}    {string(k)} {string(v)}" for k, v in pairs if v]
    lines.append(f"{indent}}}")
    return lines


def render(model: ExportModel) -> str:
    """The workspace DSL text."""
    idents: set[str] = set()
    names: set[str] = set()
    ident_of: dict[str, str] = {}
    out = [
        f"workspace {string(model.vault)} "
        f"{string(f'Integration landscape exported by intgraph {model.version}')} {{",
        "",
        "    model {",
    ]
    for system in model.systems:
        ident = ident_of[system.key] = identifier(system.name, idents)
        name = _unique(system.name, names, system.path or "no note")
        description = "Middleware" if system.middleware else ""
        tags = "Middleware" if system.middleware else ""
        out.append(
            f"        {ident} = softwareSystem {string(name)} {string(description)} "
            f"{string(tags)} {{"
        )
        out += _properties(
            [
                ("path", system.path),
                ("aliases", ", ".join(system.aliases)),
                ("owner", system.owner),
                ("middleware", "true" if system.middleware else "false"),
            ],
            "            ",
        )
        out.append("        }")
    out.append("")
    seen: dict[tuple[str, str], set[str]] = {}
    for integration in model.integrations:
        via = ", ".join(model.system(k).name for k in integration.middleware)
        tags = ",".join(
            t
            for t in (integration.status, "Via middleware" if via else None)
            if t and string(t) == f'"{t}"' and "," not in t
        )
        for source in integration.sources:
            for target in integration.targets:
                pair = seen.setdefault((source, target), set())
                title = f"{integration.label}: {integration.title}"
                description = _unique(title, pair, integration.path)
                out.append(
                    f"        {ident_of[source]} -> {ident_of[target]} {string(description)} "
                    f"{string(integration.protocol or '')} {string(tags)} {{"
                )
                out += _properties(
                    [
                        ("id", integration.id),
                        ("title", integration.title),
                        ("status", integration.status),
                        ("category", integration.category),
                        ("classification", integration.classification),
                        ("protocol", integration.protocol),
                        ("middleware", via),
                        ("owner", integration.owner),
                        ("path", integration.path),
                    ],
                    "            ",
                )
                out.append("        }")
    out += [
        "    }",
        "",
        "    views {",
        '        systemLandscape "Landscape" {',
        "            include *",
        "            autolayout lr",
        "        }",
        "        styles {",
        '            element "Software System" {',
        "                background #1168bd",
        "                color #ffffff",
        "            }",
        '            element "Middleware" {',
        "                shape Pipe",
        "                background #f59e0b",
        "            }",
        '            relationship "Deprecated" {',
        "                style dashed",
        "                color #999999",
        "            }",
        '            relationship "Planning" {',
        "                style dotted",
        "            }",
        '            relationship "Via middleware" {',
        "                color #7c3aed",
        "            }",
        "        }",
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"
