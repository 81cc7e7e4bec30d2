"""The flows view: what the warm path answers from must be the graph's own data flow."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES, ROOT

from intgraph.flows import Flows, listing_key, row_text, tie_key
from intgraph.graph import INTEGRATION, SYSTEM, after, before, flows_of
from intgraph.jsontext import Encoded, row_pieces
from intgraph.pipeline import load_vault
from intgraph.queries.impact import AffectedIntegration, AffectedSystem, Impact
from intgraph.render.impact import render_json, to_dict

VAULTS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", VAULTS)
def test_flows_are_the_graphs_own_adjacency(name: str) -> None:
    graph = load_vault(FIXTURES / name).graph
    flows = flows_of(graph)
    for node, data in graph.nodes(data=True):
        if data["kind"] == SYSTEM:
            assert flows.leaving(node, "source") == tuple(after(graph, node, "source"))
            assert flows.entering(node, "target") == tuple(before(graph, node, "target"))
            assert flows.entering(node, "via") == tuple(before(graph, node, "via"))
        elif data["kind"] == INTEGRATION:
            sources = before(graph, node, "source")
            targets = after(graph, node, "target")
            via = after(graph, node, "via")
            assert flows.entering(node, "source") == tuple(sources)
            assert flows.leaving(node, "target") == tuple(targets)
            assert flows.leaving(node, "via") == tuple(via)
            names = tuple(
                tuple(graph.nodes[n]["name"] for n in ns) for ns in (sources, targets, via)
            )
            assert flows.ends[node] == names
        else:
            assert node not in flows.node
    integrations = [n for n, d in graph.nodes(data=True) if d["kind"] == INTEGRATION]
    listed = sorted(integrations, key=lambda n: listing_key(graph.nodes[n]))
    tied = sorted(integrations, key=lambda n: (*tie_key(graph.nodes[n]), n))
    assert sorted(integrations, key=flows.rank.__getitem__) == listed
    assert sorted(integrations, key=flows.tie.__getitem__) == tied


@pytest.mark.parametrize("name", VAULTS)
def test_warm_flows_equal_cold_flows(name: str, tmp_path: Path) -> None:
    cold = load_vault(FIXTURES / name, cache_dir=tmp_path)
    warm = load_vault(FIXTURES / name, cache_dir=tmp_path)
    assert warm.report.snapshot
    assert isinstance(warm.flows, Flows)

    def plain(flows: Flows) -> Flows:  # a cold graph's nodes also hold their fields
        node = {n: {k: v for k, v in d.items() if k != "fields"} for n, d in flows.node.items()}
        return dataclasses.replace(flows, node=node)

    assert plain(warm.flows) == plain(cold.flows)
    assert "graph" not in warm.__dict__  # the whole graph is built only when asked for
    # The rows' JSON text is saved with the view, as the renderer would make it; a cold
    # load that writes the cache makes it (for the snapshot and for its own answer).
    integrations = [n for n, d in cold.flows.node.items() if d["kind"] == INTEGRATION]
    fresh = row_text(dataclasses.replace(cold.flows, text={}), integrations)
    made = dict(zip(integrations, fresh, strict=True))
    assert warm.flows.text == made
    assert dict(cold.flows.text) == made
    assert not load_vault(FIXTURES / name).flows.text  # no cache: no text made


def test_a_warm_impact_does_not_import_networkx(tmp_path: Path) -> None:
    """The warm path answers from the flows view: importing networkx (a fifth of a warm
    run) or the parser would undo that."""
    vault = FIXTURES / "flow"
    args = ["impact", "Order Hub", "--vault", str(vault), "--cache-dir", str(tmp_path)]
    script = (
        "import sys\n"
        "from intgraph.cli import main\n"
        f"sys.argv = ['intgraph', *{[*args, '--format', 'json']!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('networkx', 'rich', 'yaml', 'intgraph.parse',"
        " 'multiprocessing') if m in sys.modules)\n"
        "print(heavy, file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert json.loads(warm.stdout) == json.loads(cold.stdout)
    assert "networkx" in cold.stderr  # a cold run builds the graph...
    assert warm.stderr.strip().splitlines()[-1] == "[]"  # ...a warm one needs none of it


def test_a_cold_scan_starts_its_workers_before_importing_networkx() -> None:
    """Everything a cold scan runs before its pool starts imports no networkx (a fifth
    of a second): the parent imports it while the workers parse."""
    script = (
        "import sys\n"
        "import intgraph.build, intgraph.cli.impact, intgraph.cli.options, intgraph.graph\n"
        "print('networkx' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "False", done.stderr


_TEXT = st.one_of(st.none(), st.text(max_size=12))
_NAMES = st.lists(st.text(max_size=8), max_size=3).map(tuple)


@st.composite
def answers(draw: st.DrawFn) -> Impact:
    systems = draw(
        st.lists(
            st.builds(
                AffectedSystem,
                st.text(max_size=5),
                st.text(max_size=10),
                st.integers(1, 40),
                st.sampled_from(["downstream", "upstream"]),
                _TEXT,
                _NAMES,
                st.booleans(),
            ),
            max_size=4,
        )
    )
    integrations = draw(
        st.lists(
            st.builds(
                AffectedIntegration,
                st.text(max_size=5),
                _TEXT,
                st.text(max_size=10),
                st.text(max_size=10),
                _TEXT,
                st.integers(1, 40),
                _NAMES,
                _NAMES,
                _NAMES,
                st.sampled_from([("downstream",), ("upstream",), ("downstream", "upstream")]),
                st.booleans(),
                _TEXT,
                _TEXT,
            ),
            max_size=4,
        )
    )
    return Impact(
        query=draw(st.text(max_size=8)),
        system=draw(st.text(max_size=8)),
        system_node="system:x",
        system_path=draw(_TEXT),
        direction=draw(st.sampled_from(["downstream", "upstream", "both"])),
        max_depth=draw(st.one_of(st.none(), st.integers(1, 9))),
        statuses=draw(_NAMES),
        systems=tuple(systems),
        integrations=tuple(integrations),
    )


def reference_json(result: Impact) -> str:
    """The layout render_json promises, written with json.dumps for every value."""
    parts = []
    for key, value in to_dict(result).items():
        if key in ("systems", "integrations") and value:
            rows = ",\n    ".join(json.dumps(row, ensure_ascii=False) for row in value)
            text = f"[\n    {rows}\n  ]"
        else:
            text = json.dumps(value, ensure_ascii=False)
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


@settings(max_examples=300, deadline=None)
@given(answers(), st.data())
def test_impact_json_is_what_json_dumps_writes(result: Impact, data: st.DataObject) -> None:
    text = render_json(result)
    assert text == reference_json(result)
    assert json.loads(text) == to_dict(result)
    # Rows whose text the answer brings made (as a view loaded from the cache does),
    # some or all of them, are written the same. (A node is in an answer once.)
    known = Encoded()
    once = Counter(i.node for i in result.integrations)
    brought = {
        i.node: row_pieces(
            i.id,
            i.title,
            i.path,
            i.status,
            (i.sources, i.targets, i.middleware),
            i.owner,
            i.next_review,
            known,
        )
        for i in result.integrations
        if once[i.node] == 1 and data.draw(st.booleans())
    }
    assert render_json(dataclasses.replace(result, text=brought)) == text
