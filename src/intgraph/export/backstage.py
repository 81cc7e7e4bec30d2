"""A Backstage ``catalog-info.yaml``: one YAML document per entity.

Each system is a ``Component`` (``spec.type`` ``service``, or ``middleware``) that
``dependsOn`` the systems it receives data from; each integration is an ``API``
(``spec.type`` ``integration``) that its sources provide and its targets consume.
Lifecycles follow the status: Planning and Development → experimental, Production →
production, Deprecated → deprecated; a system takes the liveliest of its integrations'
(production when it has none). Owners are entity references made from the vault's owner
names; without one, the placeholder owner :data:`PLACEHOLDER_OWNER`.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any

from intgraph.export.landscape import ExportIntegration, ExportModel, ExportSystem

PLACEHOLDER_OWNER = "group:default/intgraph-unowned"
MAX_NAME = 63
LIFECYCLES = {
    "planning": "experimental",
    "development": "experimental",
    "production": "production",
    "deprecated": "deprecated",
}
_RANK = {"production": 0, "experimental": 1, "deprecated": 2}
_RUNS = re.compile(r"[^a-zA-Z0-9]+")
NAME_PATTERN = re.compile(r"^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$")


_PLAIN = re.compile(r"[A-Za-z_/][A-Za-z0-9_./() :-]*[A-Za-z0-9_./)]|[A-Za-z_]")
_RESERVED = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})
# printable for JSON but not for YAML (or read as line breaks by YAML): escape them
_YAML_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


class Block(str):
    """A multi-line string written as a YAML literal block (``|``)."""


@functools.lru_cache(maxsize=1 << 16)  # keys and many values repeat across documents
def scalar(value: str | bool | None) -> str:
    """A YAML scalar for ``value``: plain when it cannot be read as anything else,
    otherwise double-quoted with JSON's escapes (valid YAML escapes) and every character
    YAML does not print written as ``\\uXXXX``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if _PLAIN.fullmatch(value) and ": " not in value and value.lower() not in _RESERVED:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def dump(value: Any, indent: str = "") -> list[str]:
    """Block-style YAML lines for a mapping (str keys) of scalars, lists and mappings."""
    lines: list[str] = []
    for key, item in value.items():
        head = f"{indent}{scalar(key)}:"
        if isinstance(item, dict):
            lines += [head, *dump(item, indent + "  ")] if item else [head + " {}"]
        elif isinstance(item, list):
            lines += [head, *(f"{indent}- {scalar(v)}" for v in item)] if item else [head + " []"]
        elif isinstance(item, Block):
            lines.append(head + " |")
            lines += [f"{indent}  {line}" if line else "" for line in item.splitlines()]
        else:
            lines.append(f"{head} {scalar(item)}")
    return lines


def entity_name(text: str, taken: set[str] | None = None) -> str:
    """A valid ``metadata.name``: ``[a-zA-Z0-9]`` runs joined by ``-``, lower case, at most
    63 characters, and (with ``taken``) not yet taken, compared case-insensitively."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = "-".join(p for p in _RUNS.split(ascii_text.lower()) if p) or "unnamed"
    base = base[:MAX_NAME].strip("-")
    if taken is None:
        return base
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: MAX_NAME - len(suffix)].strip("-") + suffix
    taken.add(candidate)
    return candidate


def _owner(owner: str | None) -> str:
    return f"group:default/{entity_name(owner)}" if owner else PLACEHOLDER_OWNER


def lifecycle(status: str | None) -> str:
    """The Backstage lifecycle of an integration status (unknown ones: experimental)."""
    return LIFECYCLES.get((status or "").lower(), "experimental")


def _annotations(pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    return {f"intgraph.io/{k}": v for k, v in pairs if v}


def _component(
    system: ExportSystem,
    name: str,
    life: str,
    depends: list[str],
    provides: list[str],
    consumes: list[str],
) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "type": "middleware" if system.middleware else "service",
        "lifecycle": life,
        "owner": _owner(system.owner),
    }
    if depends:
        spec["dependsOn"] = depends
    if provides:
        spec["providesApis"] = provides
    if consumes:
        spec["consumesApis"] = consumes
    metadata: dict[str, Any] = {"name": name, "title": system.name}
    annotations = _annotations(
        [
            ("note-path", system.path),
            ("aliases", "; ".join(system.aliases)),
            ("middleware", "true" if system.middleware else "false"),
            ("owner", system.owner),
        ]
    )
    metadata["annotations"] = annotations
    if system.middleware:
        metadata["tags"] = ["middleware"]
    return {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "Component",
        "metadata": metadata,
        "spec": spec,
    }


def _api(model: ExportModel, integration: ExportIntegration, name: str) -> dict[str, Any]:
    via = "; ".join(model.system(k).name for k in integration.middleware)
    details = {
        "id": integration.id,
        "title": integration.title,
        "status": integration.status,
        "category": integration.category,
        "classification": integration.classification,
        "protocol": integration.protocol,
        "middleware": via or None,
        "owner": integration.owner,
        "sources": [model.system(k).name for k in integration.sources],
        "targets": [model.system(k).name for k in integration.targets],
        "note": integration.path,
    }
    metadata = {
        "name": name,
        "title": f"{integration.label}: {integration.title}"
        if integration.id
        else integration.title,
        "annotations": _annotations(
            [
                ("integration-id", integration.id),
                ("status", integration.status),
                ("category", integration.category),
                ("classification", integration.classification),
                ("protocol", integration.protocol),
                ("middleware", via),
                ("owner", integration.owner),
                ("note-path", integration.path),
            ]
        ),
    }
    return {
        "apiVersion": "backstage.io/v1alpha1",
        "kind": "API",
        "metadata": metadata,
        "spec": {
            "type": "integration",
            "lifecycle": lifecycle(integration.status),
            "owner": _owner(integration.owner),
            "definition": Block("\n".join(dump(details)) + "\n"),
        },
    }


def documents(model: ExportModel) -> list[dict[str, Any]]:
    """Every entity, systems first (by name), then integrations (by note path)."""
    taken_components: set[str] = set()
    taken_apis: set[str] = set()
    component = {s.key: entity_name(s.name, taken_components) for s in model.systems}
    api = {i.path: entity_name(i.label, taken_apis) for i in model.integrations}
    depends: dict[str, set[str]] = {}
    provides: dict[str, set[str]] = {}
    consumes: dict[str, set[str]] = {}
    lives: dict[str, set[str]] = {}
    for i in model.integrations:
        for k in i.sources:
            provides.setdefault(k, set()).add(f"api:default/{api[i.path]}")
        for k in i.targets:
            consumes.setdefault(k, set()).add(f"api:default/{api[i.path]}")
            depends.setdefault(k, set()).update(
                f"component:default/{component[s]}" for s in i.sources if s != k
            )
        for k in (*i.sources, *i.targets, *i.middleware):
            lives.setdefault(k, set()).add(lifecycle(i.status))
    docs = []
    for s in model.systems:
        life = min(lives.get(s.key, {"production"}), key=_RANK.__getitem__)
        docs.append(
            _component(
                s,
                component[s.key],
                life,
                sorted(depends.get(s.key, ())),
                sorted(provides.get(s.key, ())),
                sorted(consumes.get(s.key, ())),
            )
        )
    docs += [_api(model, i, api[i.path]) for i in model.integrations]
    return docs


def render(model: ExportModel) -> str:
    """The multi-document YAML text (see :func:`scalar` for the quoting)."""
    header = (
        f"# intgraph {model.version}: the vault {entity_name(model.vault)} for the "
        "Backstage catalog\n"
    )
    parts = [header]
    for document in documents(model):
        parts.append("---\n" + "\n".join(dump(document)) + "\n")
    return "".join(parts)
