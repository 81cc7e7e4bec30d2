"""The bundled sample vault against its manifest: graph, planted rot, lint and impact."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from tests.conftest import FIXTURES, run

from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.impact import impact
from intgraph.queries.lint import lint
from intgraph.queries.orphans import orphan_report
from intgraph.queries.systems import list_systems
from intgraph.render.orphans import to_dict

MANIFEST = json.loads((FIXTURES / "acme.manifest.json").read_text(encoding="utf-8"))
DRAFT = "Integrations/Drafts/New Vendor Onboarding.md"
TODAY = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def acme() -> Landscape:
    return load_vault(FIXTURES / "acme")


def planted(kind: str) -> list[dict[str, object]]:
    return [p for p in MANIFEST["planted"] if p["kind"] == kind]


def test_every_integration_matches_the_manifest(acme: Landscape) -> None:
    graph = acme.graph
    got = {}
    for note in acme.integrations:
        if note.path == DRAFT:
            continue
        node = "integration:" + note.path
        names = {
            role: [graph.nodes[n]["name"] for n in nodes]
            for role, nodes in (
                ("sources", [u for u, _, r in graph.in_edges(node, data="role") if r == "source"]),
                ("targets", [v for _, v, r in graph.out_edges(node, data="role") if r == "target"]),
                ("middleware", [v for _, v, r in graph.out_edges(node, data="role") if r == "via"]),
            )
        }
        got[note.path] = {
            "id": note.fields.integration_id,
            "title": note.title,
            "path": note.path,
            "status": note.fields.status,
            **{k: sorted(dict.fromkeys(v)) for k, v in names.items()},
        }
    want = {
        i["path"]: {
            "id": i["id"],
            "title": i["title"],
            "path": i["path"],
            "status": i["status"],
            "sources": sorted(i["sources"]),
            "targets": sorted(i["targets"]),
            "middleware": sorted(i["middleware"]),
        }
        for i in MANIFEST["integrations"]
    }
    assert got == want


def test_systems_and_aliases_match_the_manifest(acme: Landscape) -> None:
    got = {s.name: (s.path, sorted(s.aliases), s.kind == "middleware") for s in list_systems(acme)}
    want = {
        s["name"]: (s["path"], sorted(s["aliases"]), s["middleware"]) for s in MANIFEST["systems"]
    }
    assert got == want


def test_orphans_lists_exactly_the_planted_rot(acme: Landscape) -> None:
    data = to_dict(orphan_report(acme))
    got = Counter(
        (u["kind"], u["target"], o["path"], o["line"])
        for u in data["unresolved"]
        for o in u["occurrences"]
    )
    want = Counter(
        (p["kind"], p["target"], p["path"], p["line"])
        for p in MANIFEST["planted"]
        if p["kind"] in ("missing", "placeholder", "alias")
    )
    assert got == want
    assert {
        (a["target"], o["path"], o["line"]) for a in data["ambiguous"] for o in a["occurrences"]
    } == {(p["target"], p["path"], p["line"]) for p in planted("ambiguous")}
    assert data["ambiguous"][0]["candidates"] == [
        "Docs/Finance/Payment Runbook.md",
        "Docs/Payments/Payment Runbook.md",
    ]
    assert data["orphan_notes"] == [{"path": p["path"]} for p in planted("orphan_note")]
    errors = {(e["path"], e["line"], e["code"]) for e in data["parse_errors"]}
    yaml = planted("parse_error")[0]
    assert errors == {
        (yaml["path"], yaml["line"], "yaml"),
        ("Integrations/Finance/Kyriba Cash Positioning Feed.md", 12, "encoding"),
        (DRAFT, 282, "templater"),
        (DRAFT, 283, "templater"),
    }


LINT_CODES = {
    "Next Review date is in the past": "IG701",
    "Last Tested date is too old": "IG702",
    "Status value outside Planning/Development/Production/Deprecated": "IG301",
    "Integration ID does not match INT-YYYY-NNN": "IG501",
}


def test_lint_lists_exactly_the_planted_rot(acme: Landscape) -> None:
    findings = lint(acme, TODAY)
    outside_draft = {(f.path, f.code) for f in findings if f.path != DRAFT}
    want = set()
    for p in planted("lint"):
        what = str(p["what"])
        code = LINT_CODES.get(what)
        if what.startswith("Duplicate"):
            want.add((p["path"], "IG502"))
            want.add((what.split("also used by ")[1], "IG502"))
        elif what.startswith("Footer Document ID"):
            want.add((p["path"], "IG601"))
        elif what.startswith("Production integration without"):
            want.add((p["path"], "IG801"))
        else:
            assert code, what
            want.add((p["path"], code))
    # The planted reading problems are lint findings too (IG9xx).
    want.add((planted("parse_error")[0]["path"], "IG901"))
    want.add(("Integrations/Finance/Kyriba Cash Positioning Feed.md", "IG902"))
    assert outside_draft == want
    draft = {f.code for f in findings if f.path == DRAFT}
    assert draft == {
        "IG100",
        "IG101",
        "IG102",
        "IG103",
        "IG104",
        "IG105",
        "IG106",
        "IG107",
        "IG108",
        "IG109",
        "IG110",
        "IG111",
        "IG112",
        "IG201",
        "IG401",
        "IG402",
        "IG503",
    }


def test_impact_follows_the_chain(acme: Landscape) -> None:
    result = impact(acme, "Shopify")
    distance = {s.name: s.distance for s in result.systems}
    assert distance["SAP ERP"] == 1
    assert distance["Manhattan WMS"] <= 2 and distance["FedEx Shipping API"] <= 3
    assert "Shopify Plus" not in distance
    hub = impact(acme, "sap", direction="both")
    assert hub.system == "SAP ERP"
    assert {s.direction for s in hub.systems} == {"downstream", "upstream"}


def test_readme_command_runs() -> None:
    result = run("impact", "SAP ERP", "--vault", str(FIXTURES / "acme"))
    assert result.exit_code == 0
    assert "Impact of SAP ERP" in result.stdout
