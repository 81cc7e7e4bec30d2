"""The analysis commands end to end: exit codes, one-line errors and the JSON contracts
as the issue writes them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from tests.conftest import fixture, run, run_json
from tests.test_map import Page

from intgraph.queries.select import METHODS

DIAMOND = fixture("diamond")
PARALLEL = fixture("parallel")
ACME = fixture("acme")


def one_line_error(args: list[str], needle: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("intgraph: error: "), result.stderr
    assert needle in lines[0]
    assert result.stdout == ""


# --- path ---------------------------------------------------------------------------------


def test_path_json_contract() -> None:
    data = run_json("path", "Shop", "Ledger", "--vault", PARALLEL, "--max-paths", "2")
    assert {"from", "to", "paths", "truncated"} <= set(data)
    assert (data["from"], data["to"], data["truncated"]) == ("Shop", "Ledger", True)
    first = data["paths"][0]
    assert set(first) == {"length", "systems", "hops"}
    assert first["length"] == 1 and first["systems"] == ["Shop", "Ledger"]
    [hop] = first["hops"]
    assert set(hop) == {"integration", "from", "to", "middleware"}
    assert hop["integration"] == {
        "id": "INT-2026-502",
        "title": "Shop Sales to Ledger",
        "path": "Integrations/Shop Sales to Ledger.md",
        "status": "Production",
    }
    assert (hop["from"], hop["to"], hop["middleware"]) == ("Shop", "Ledger", [])
    assert data["paths"][1]["hops"][0]["integration"]["status"] == "Deprecated"


def test_path_middleware_json() -> None:
    data = run_json("path", "CRM", "Warehouse", "--vault", fixture("middleware"))
    assert [h["middleware"] for h in data["paths"][0]["hops"]] == [["MuleSoft"], ["MuleSoft"]]


def test_path_none_is_exit_0_with_a_note() -> None:
    result = run("path", "Analytics", "Orders", "--vault", DIAMOND, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["paths"] == []
    assert json.loads(result.stdout)["truncated"] is False
    assert result.stderr.strip() == (
        "intgraph: no path from 'Analytics' to 'Orders' within 8 integrations"
    )


def test_path_usage_errors() -> None:
    one_line_error(["path", "Orders", "orders", "--vault", DIAMOND], "same system")
    one_line_error(["path", "Ordrs", "Billing", "--vault", DIAMOND], 'did you mean "Orders"?')
    one_line_error(["path", "Orders", "Bill", "--vault", DIAMOND], "unknown system 'Bill'")
    one_line_error(
        ["path", "Orders", "Billing", "--vault", DIAMOND, "--format", "jsn"],
        "invalid value 'jsn' for --format: choose from table, json, markdown, mermaid",
    )
    one_line_error(
        ["path", "Orders", "Billing", "--vault", DIAMOND, "--status", "Prod"],
        "unknown status 'Prod' for --status",
    )
    one_line_error(
        ["integrations", "--vault", DIAMOND, "--select", "status:Prod"],
        "unknown status 'Prod' for --select status:Prod",
    )
    assert run("path", "Orders", "Billing", "--vault", DIAMOND, "--max-paths", "0").exit_code == 2
    assert run("path", "Orders", "--vault", DIAMOND).exit_code == 2


def test_path_markdown_and_mermaid() -> None:
    result = run("path", "Orders", "Analytics", "--vault", DIAMOND, "--format", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("---\ngenerated_by: intgraph\n")
    assert "[[Integrations/Sales/Orders to Billing\\|INT-2026-101 Orders to Billing]]" in text
    assert "## Path 2: 2 integrations" in text
    mermaid = run("path", "Shop", "Ledger", "--vault", PARALLEL, "--format", "mermaid").stdout
    assert mermaid.startswith("flowchart LR\n")
    assert re.search(r"s0 -\.->\|\"INT-2026-501\"\| s1", mermaid)  # Deprecated: dotted
    assert re.search(r"s0 -->\|\"INT-2026-502\"\| s1", mermaid)


def test_path_table() -> None:
    result = run("path", "Orders", "Analytics", "--vault", DIAMOND)
    assert result.exit_code == 0
    assert "Path 1 (2 integrations): Orders → Billing → Analytics" in result.stdout


# --- critical -----------------------------------------------------------------------------


def test_critical_json_contract() -> None:
    data = run_json("critical", "--vault", fixture("cycle"))
    assert {"systems", "cycles"} <= set(data)
    alpha = data["systems"][0]
    assert alpha == {
        "name": "Alpha",
        "path": "Systems/Alpha.md",
        "sole_feed_of": ["Beta"],
        "reach": 2,
        "integrations": 3,
        "production_integrations": 3,
        "middleware": False,
    }
    assert data["cycles"] == [
        {
            "systems": ["Alpha", "Beta", "Gamma"],
            "witness": ["INT-2026-402", "INT-2026-403", "INT-2026-404"],
        }
    ]


def test_critical_options_and_formats() -> None:
    data = run_json("critical", "--vault", DIAMOND, "--top", "1", "--status", "production")
    assert [s["name"] for s in data["systems"]] == ["Orders"]
    assert data["statuses"] == ["production"]
    assert len(run_json("critical", "--vault", DIAMOND, "--top", "0")["systems"]) == 4
    rows = list(
        csv.reader(io.StringIO(run("critical", "--vault", DIAMOND, "--format", "csv").stdout))
    )
    assert rows[0][:5] == ["name", "path", "middleware", "sole_feed_count", "sole_feed_of"]
    assert rows[1][:6] == ["Orders", "Systems/Orders.md", "false", "2", "Billing; Stock", "3"]
    md = run("critical", "--vault", fixture("esb"), "--format", "markdown").stdout
    assert md.startswith("---\ngenerated_by: intgraph\n")
    assert "| [[Systems/ESB\\|ESB]] | middleware | 1 | 2 |" in md
    assert "Sole feed of" in run("critical", "--vault", DIAMOND).stdout


def test_critical_usage_errors() -> None:
    one_line_error(["critical", "--vault", DIAMOND, "--format", "xml"], "for --format")
    one_line_error(["critical", "--vault", DIAMOND, "--status", "live"], "known statuses are")
    assert run("critical", "--vault", DIAMOND, "--top", "-1").exit_code == 2


# --- retire -------------------------------------------------------------------------------


def test_retire_json_contract() -> None:
    data = run_json("retire", "Billing", "--vault", DIAMOND)
    assert {"system", "integrations", "sole_feed_of", "reduced", "mentions"} <= set(data)
    assert data["system"] == "Billing"
    first = data["integrations"][0]
    assert {"id", "title", "path", "status", "role", "owner", "technical_lead"} <= set(first)
    assert (first["id"], first["role"], first["owner"], first["technical_lead"]) == (
        "INT-2026-101",
        "target",
        "Ada Lovelace",
        "Linus Pauling",
    )
    assert data["sole_feed_of"] == [] and data["reduced"] == ["Analytics"]
    assert data["mentions"] == [
        {"path": "Docs/Billing Runbook.md", "line": 5},
        {"path": "Integrations/Finance/Billing to Analytics.md", "line": 25},
    ]


def test_retire_markdown_checklist(tmp_path: Path) -> None:
    out = tmp_path / "Retire ESB.md"
    result = run("retire", "ESB", "--vault", fixture("esb"), "--out", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("---\ngenerated_by: intgraph\n")
    assert "### Dana Scully" in text and "### Walter Skinner" in text
    assert (
        "- [ ] [[Integrations/HR Workers to Payroll|INT-2026-301 HR Workers to Payroll]]: "
        "ESB is middleware; status Production, technical lead Fox Mulder"
    ) in text
    assert "## Systems left with no inbound feed (1)\n\n- [ ] Payroll" in text
    assert "- [ ] Directory: check what it still receives" in text
    assert "Retire" in run("retire", "ESB", "--vault", fixture("esb"), "--format", "table").stdout


def test_retire_usage_errors() -> None:
    one_line_error(["retire", "Biling", "--vault", DIAMOND], 'did you mean "Billing"?')
    one_line_error(["retire", "Billing", "--vault", DIAMOND, "--format", "csv"], "--format")


# --- integrations and --select ------------------------------------------------------------


def test_integrations_json() -> None:
    data = run_json(
        "integrations",
        "--vault",
        DIAMOND,
        "--select",
        "Orders+,owner:grace*",
        "--select",
        "Billing",
    )
    assert data["count"] == 3
    assert [i["id"] for i in data["integrations"]] == [
        "INT-2026-101",
        "INT-2026-103",
        "INT-2026-104",
    ]
    row = data["integrations"][2]
    assert row == {
        "id": "INT-2026-104",
        "title": "Stock to Analytics",
        "status": "Development",
        "sources": ["Stock"],
        "targets": ["Analytics"],
        "middleware": [],
        "owner": "Grace Hopper",
        "technical_lead": None,
        "category": "Data",
        "classification": "Internal",
        "next_review": "2026-12-01",
        "last_tested": None,
        "path": "Integrations/Finance/Stock to Analytics.md",
    }


def test_integrations_formats() -> None:
    text = run("integrations", "--vault", DIAMOND, "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["id", "title", "status"] and len(rows) == 5
    md = run("integrations", "--vault", DIAMOND, "--format", "markdown", "--status", "development")
    assert md.stdout.startswith("---\ngenerated_by: intgraph\n")
    assert "# Integrations (1)" in md.stdout
    assert "INT-2026-104" in run("integrations", "--vault", DIAMOND).stdout


def test_integrations_usage_errors() -> None:
    result = run("integrations", "--vault", DIAMOND, "--select", "colour:red")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("intgraph: error: unknown --select method 'colour'")
    assert all(f"{m}:" in line for m in METHODS)
    one_line_error(["integrations", "--vault", DIAMOND, "--select", "status:prod"], "status")
    one_line_error(["integrations", "--vault", DIAMOND, "--status", "prod"], "--status")
    one_line_error(["integrations", "--vault", DIAMOND, "--select", "Nope+"], "unknown system")
    one_line_error(["integrations", "--vault", DIAMOND, "--format", "yaml"], "--format")


def test_map_select(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = run("map", "--vault", DIAMOND, "--out", str(out), "--select", "Billing+")
    assert result.exit_code == 0, result.output
    payload = Page(out.read_text(encoding="utf-8")).data()
    assert sorted(n["name"] for n in payload["nodes"]) == ["Analytics", "Billing"]
    assert [i["title"] for i in payload["integrations"]] == ["Billing to Analytics"]
    one_line_error(
        ["map", "--vault", DIAMOND, "--out", str(out), "--select", "kind:x"], "unknown --select"
    )


# --- impact gains owner and next_review ---------------------------------------------------


def test_impact_owner_and_next_review() -> None:
    data = run_json("impact", "Orders", "--vault", DIAMOND)
    first = data["integrations"][0]
    assert (first["id"], first["owner"], first["next_review"]) == (
        "INT-2026-101",
        "Ada Lovelace",
        "2027-03-01",
    )
    text = run("impact", "Orders", "--vault", DIAMOND, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[-2:] == ["owner", "next_review"]
    assert [
        (r["kind"], r["owner"], r["next_review"]) for r in rows if r["id"] == "INT-2026-104"
    ] == [("integration", "Grace Hopper", "2026-12-01")]


@pytest.mark.parametrize("command", [["critical"], ["integrations"], ["retire", "SAP ERP"]])
def test_sample_vault_runs(command: list[str]) -> None:
    assert run(*command, "--vault", ACME, "--format", "json").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["critical", "--top", "0"],
        ["path", "SAP ERP", "Okta Identity", "--max-paths", "9"],
        ["retire", "SAP ERP"],
        # Integrations with one source each: the order of several sources through the
        # graph snapshot is issue 12's (note order, cold and warm).
        ["integrations", "--select", "SFTP Gateway", "--select", "tag:finance"],
    ],
)
def test_same_bytes_cold_and_warm(args: list[str], tmp_path: Path) -> None:
    base = ["--vault", ACME, "--cache-dir", str(tmp_path / "cache")]
    outputs = []
    for fmt in ("json", "markdown"):
        for _ in range(2):  # cold, then from the cache
            result = run(*args, *base, "--format", fmt)
            assert result.exit_code == 0, result.output
            outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3]
    uncached = run(*args, "--vault", ACME, "--no-cache", "--format", "json")
    assert uncached.stdout == outputs[0]


def test_map_select_with_focus(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    args = ["map", "--vault", DIAMOND, "--out", str(out), "--select", "Billing+"]
    assert run(*args, "--focus", "Billing").exit_code == 0
    payload = Page(out.read_text(encoding="utf-8")).data()
    assert sorted(n["name"] for n in payload["nodes"]) == ["Analytics", "Billing"]
    assert run(*args, "--focus", "Orders").exit_code == 0  # outside the selection: alone
    assert [n["name"] for n in Page(out.read_text(encoding="utf-8")).data()["nodes"]] == ["Orders"]
    one_line_error([*args, "--focus", "Ordrs"], 'did you mean "Orders"?')
