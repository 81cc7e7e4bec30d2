"""An idempotent Cypher script for Neo4j (or any openCypher engine) that mirrors the landscape.

Shape: ``(:System {vault, key, name, path, aliases, middleware, owner})``,
``(:Integration {vault, path, id, title, status, category, classification, protocol,
owner})``, ``(:System)-[:SENDS]->(:Integration)-[:DELIVERS]->(:System)`` and
``(:Integration)-[:VIA]->(:System)`` for middleware. Nodes are MERGEd on stable keys
(``vault`` with the system ``key`` or the integration note ``path``); rows travel in
``UNWIND`` batches of literal maps whose strings are escaped by :func:`literal`, so note
text is only ever data. Running the script again gives the same database; running it
after the vault changed makes the vault's part of the database match it (nodes and
relationships the export no longer has are deleted, for this vault only).

The uniqueness constraints use Neo4j 5 syntax (``CREATE CONSTRAINT ... IF NOT EXISTS``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from intgraph.export.landscape import ExportModel

BATCH = 1000
_ESCAPES = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def literal(value: Any) -> str:
    """A Cypher literal for a string, bool, int, None, list or map (keys are our own
    identifiers). Strings are single-quoted with ``\\``, ``'``, line breaks and tabs
    escaped, so a statement never spans a raw line break inside a string."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return "'" + value.translate(_ESCAPES) + "'"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _batches(rows: list[dict[str, Any]]) -> Iterator[str]:
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        yield "UNWIND [\n" + ",\n".join("  " + literal(r) for r in chunk) + "\n] AS row"


def _unwind(rows: list[dict[str, Any]], body: str) -> Iterable[str]:
    return (f"{batch}\n{body};" for batch in _batches(rows))


CONSTRAINTS = (
    "CREATE CONSTRAINT intgraph_system_key IF NOT EXISTS "
    "FOR (s:System) REQUIRE (s.vault, s.key) IS UNIQUE;",
    "CREATE CONSTRAINT intgraph_integration_path IF NOT EXISTS "
    "FOR (i:Integration) REQUIRE (i.vault, i.path) IS UNIQUE;",
)


def render(model: ExportModel) -> str:
    """The script: constraints, systems, integrations, clean-up, relationships."""
    vault = literal(model.vault)
    systems = [
        {
            "key": s.key,
            "name": s.name,
            "path": s.path,
            "aliases": list(s.aliases),
            "middleware": s.middleware,
            "owner": s.owner,
        }
        for s in model.systems
    ]
    integrations = [
        {
            "path": i.path,
            "id": i.id,
            "title": i.title,
            "status": i.status,
            "category": i.category,
            "classification": i.classification,
            "protocol": i.protocol,
            "owner": i.owner,
        }
        for i in model.integrations
    ]
    links: dict[str, list[dict[str, Any]]] = {"SENDS": [], "DELIVERS": [], "VIA": []}
    for i in model.integrations:
        links["SENDS"] += [{"system": k, "integration": i.path} for k in i.sources]
        links["DELIVERS"] += [{"system": k, "integration": i.path} for k in i.targets]
        links["VIA"] += [{"system": k, "integration": i.path} for k in i.middleware]
    out = [
        f"// intgraph {model.version}: the integration landscape of the vault "
        + literal(model.vault),
        "// Idempotent: every node is MERGEd on a stable key; run it again at will.",
        "// Neo4j: cypher-shell -u neo4j -p PASSWORD -f landscape.cypher",
        *CONSTRAINTS,
    ]
    out += _unwind(
        systems,
        f"MERGE (s:System {{vault: {vault}, key: row.key}})\n"
        "SET s.name = row.name, s.path = row.path, s.aliases = row.aliases,\n"
        "    s.middleware = row.middleware, s.owner = row.owner",
    )
    out += _unwind(
        integrations,
        f"MERGE (i:Integration {{vault: {vault}, path: row.path}})\n"
        "SET i.id = row.id, i.title = row.title, i.status = row.status,\n"
        "    i.category = row.category, i.classification = row.classification,\n"
        "    i.protocol = row.protocol, i.owner = row.owner",
    )
    out += [
        "// what the vault no longer has",
        f"MATCH (s:System {{vault: {vault}}})\n"
        f"WHERE NOT s.key IN {literal([s.key for s in model.systems])}\nDETACH DELETE s;",
        f"MATCH (i:Integration {{vault: {vault}}})\n"
        f"WHERE NOT i.path IN {literal([i.path for i in model.integrations])}\nDETACH DELETE i;",
        f"MATCH (:System)-[r:SENDS]->(:Integration {{vault: {vault}}}) DELETE r;",
        f"MATCH (:Integration {{vault: {vault}}})-[r:DELIVERS|VIA]->(:System) DELETE r;",
    ]
    for kind, pattern in (
        ("SENDS", "(s)-[:SENDS]->(i)"),
        ("DELIVERS", "(i)-[:DELIVERS]->(s)"),
        ("VIA", "(i)-[:VIA]->(s)"),
    ):
        out += _unwind(
            links[kind],
            f"MATCH (s:System {{vault: {vault}, key: row.system}})\n"
            f"MATCH (i:Integration {{vault: {vault}, path: row.integration}})\n"
            f"MERGE {pattern}",
        )
    return "\n".join(out) + "\n"


def statements(script: str) -> list[str]:
    """The statements of a script this module wrote, without comments (a statement ends
    with ``;`` at the end of a line; strings never hold a raw line break)."""
    found: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        if not current and (not line.strip() or line.startswith("//")):
            continue
        current.append(line)
        if line.endswith(";"):
            found.append("\n".join(current)[:-1])
            current = []
    return found
