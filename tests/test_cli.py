"""The command line: exit codes, messages and the JSON contract."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, fixture, run, run_json

SYSTEM_KEYS = {"name", "distance", "direction", "path", "via"}
INTEGRATION_KEYS = {"id", "title", "path", "status", "distance", "sources", "targets", "middleware"}


def test_impact_json_contract(flow: str) -> None:
    data = run_json("impact", "order hub", "--vault", flow)
    assert {"query", "system", "direction", "max_depth", "systems", "integrations"} <= set(data)
    assert data["query"] == "order hub"
    assert data["system"] == "Order Hub"
    assert data["direction"] == "downstream"
    assert data["max_depth"] is None
    for s in data["systems"]:
        assert set(s) >= SYSTEM_KEYS
        assert isinstance(s["distance"], int) and s["direction"] in ("downstream", "upstream")
        assert s["path"] is None or s["path"].endswith(".md")
        assert all(isinstance(v, str) for v in s["via"])
    for i in data["integrations"]:
        assert set(i) >= INTEGRATION_KEYS
    by_name = {s["name"]: s for s in data["systems"]}
    assert by_name["Billing"] == {
        "name": "Billing",
        "distance": 1,
        "direction": "downstream",
        "path": "Systems/Billing.md",
        "via": ["INT-2025-001"],
        "middleware": False,
    }
    assert by_name["Legacy FTP Drop"]["path"] is None
    first = data["integrations"][0]
    assert first == {
        "id": "INT-2025-001",
        "title": "Orders to Billing",
        "path": "Integrations/Orders to Billing.md",
        "status": "Production",
        "distance": 1,
        "sources": ["Order Hub"],
        "targets": ["Billing"],
        "middleware": ["Kafka"],
        "directions": ["downstream"],
        "feedback": False,
        "owner": "Ada Lovelace",
        "next_review": "2027-06-01",
    }


def test_impact_options(flow: str) -> None:
    data = run_json("impact", "Billing", "--vault", flow, "--direction", "both", "--depth", "1")
    assert data["max_depth"] == 1 and data["direction"] == "both"
    assert {(s["name"], s["direction"]) for s in data["systems"]} == {
        ("Ledger", "downstream"),
        ("CRM", "upstream"),
        ("Order Hub", "upstream"),
    }
    data = run_json(
        "impact", "Order Hub", "--vault", flow, "--status", "Production", "--status", "Development"
    )
    assert {i["status"] for i in data["integrations"]} == {"Production", "Development"}


def test_vault_from_environment(flow: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTGRAPH_VAULT", flow)
    assert run_json("impact", "OH")["system"] == "Order Hub"


def test_unknown_system_exit_2_with_suggestion(flow: str) -> None:
    result = run("impact", "Order Hb", "--vault", flow)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr.strip()
        == "intgraph: error: unknown system 'Order Hb': did you mean \"Order Hub\"? "
        "(intgraph systems lists every system)"
    )
    assert "Traceback" not in result.output


def test_placeholder_is_never_a_system(flow: str) -> None:
    assert run("impact", "system_1", "--vault", flow).exit_code == 2


def test_missing_vault_exit_2() -> None:
    result = run("systems", "--vault", str(FIXTURES / "does-not-exist"))
    assert result.exit_code == 2
    assert "vault not found" in result.stderr and "Traceback" not in result.output


def test_debug_reraises(flow: str) -> None:
    result = run("--debug", "impact", "nope", "--vault", flow)
    assert result.exit_code == 1 and result.exception is not None
    assert type(result.exception).__name__ == "UnknownSystemError"


def test_bad_usage_exit_2(flow: str) -> None:
    assert run("impact", "X", "--vault", flow, "--direction", "sideways").exit_code == 2
    assert run("impact", "X", "--vault", flow, "--depth", "0").exit_code == 2
    assert run("impact", "--vault", flow).exit_code == 2


def test_empty_vault() -> None:
    result = run("systems", "--vault", fixture("empty"))
    assert result.exit_code == 0
    assert "no integration notes" in result.stdout
    assert run_json("systems", "--vault", fixture("empty")) == {"count": 0, "systems": []}
    assert run("impact", "Welcome", "--vault", fixture("empty")).exit_code == 2


def test_systems_json(flow: str) -> None:
    data = run_json("systems", "--vault", flow)
    kafka = next(s for s in data["systems"] if s["name"] == "Kafka")
    assert kafka == {
        "name": "Kafka",
        "kind": "middleware",
        "path": "Systems/Kafka.md",
        "aliases": [],
        "integrations_in": 0,
        "integrations_out": 0,
        "integrations_via": 3,
    }
    assert data["count"] == len(data["systems"]) == 10


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "mermaid", "csv"])
def test_every_format_renders_deterministically(flow: str, fmt: str) -> None:
    first = run("impact", "Order Hub", "--vault", flow, "--format", fmt)
    second = run("impact", "Order Hub", "--vault", flow, "--format", fmt)
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert "Billing" in first.stdout


def test_markdown_has_wikilinks(flow: str) -> None:
    out = run("impact", "Order Hub", "--vault", flow, "--format", "markdown").stdout
    assert out.startswith("---\ngenerated_by: intgraph\ntags: [intgraph-report]\n---\n")
    assert "\n# Impact of Order Hub\n" in out
    assert "[[Systems/Billing\\|Billing]]" in out
    assert "[[Integrations/Orders to Billing\\|INT-2025-001 Orders to Billing]]" in out


def test_mermaid_is_a_flowchart(flow: str) -> None:
    out = run("impact", "Order Hub", "--vault", flow, "--format", "mermaid").stdout
    assert out.startswith("flowchart LR\n")
    assert '-.->|"INT-2025-004"|' in out
    assert '-->|"INT-2025-001 via Kafka"|' in out


def test_never_writes_into_the_vault(flow: str) -> None:
    def snapshot() -> dict[str, str]:
        root = Path(flow)
        return {
            str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    before = snapshot()
    for fmt in ("table", "json", "markdown", "mermaid", "csv"):
        run("impact", "Order Hub", "--vault", flow, "--format", fmt)
    run("systems", "--vault", flow)
    assert snapshot() == before


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and "intgraph" in result.stdout


def test_json_is_valid_for_hostile_names(tmp_path: Path) -> None:
    (tmp_path / "Evil.md").write_text(
        "# Evil\n**Integration ID**: INT-2025-999\n\n### Components\n1. Source System(s)\n"
        '   - Name: <script>alert(1)</script>, =HYPERLINK("x")\n2. Target System(s)\n'
        "   - Name: \x1b[31mRed\x1b[0m\n",
        encoding="utf-8",
    )
    data = run_json("impact", "<script>alert(1)</script>", "--vault", str(tmp_path))
    assert data["systems"][0]["name"] == "\x1b[31mRed\x1b[0m"
    table = run("impact", "<script>alert(1)</script>", "--vault", str(tmp_path)).stdout
    assert "\x1b" not in table
    csv_out = run(
        "impact",
        "\x1b[31mRed\x1b[0m",
        "--vault",
        str(tmp_path),
        "--format",
        "csv",
        "--direction",
        "upstream",
    ).stdout
    rows = list(csv.reader(io.StringIO(csv_out)))
    names = [row[1] for row in rows[1:] if row[0] == "system"]
    assert names == ["<script>alert(1)</script>", '\'=HYPERLINK("x")']  # escaped, and whole
    md = run(
        "impact", "<script>alert(1)</script>", "--vault", str(tmp_path), "--format", "markdown"
    )
    assert "<script>" not in md.stdout and "&lt;script&gt;" in md.stdout


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        (["impact", "order hub"], "json"),
        (["impact", "order hub"], "markdown"),
        (["impact", "order hub"], "table"),
        (["systems"], "json"),
        (["systems"], "table"),
    ],
)
def test_out_writes_what_stdout_shows(
    flow: str, tmp_path: Path, command: list[str], fmt: str
) -> None:
    args = [*command, "--vault", flow, "--format", fmt]
    shown = run(*args)
    out = tmp_path / "answers" / f"answer.{fmt}"
    result = run(*args, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    written = out.read_text(encoding="utf-8")
    assert "\x1b[" not in written  # never in colour
    assert written == shown.stdout or fmt == "markdown"  # a note carries intgraph's mark
    if fmt == "markdown":
        assert written.startswith("---\ngenerated_by: intgraph\n")
    again = run(*args, "--out", str(out))  # its own file: replaced without --force
    assert again.exit_code == 0, again.output
    mine = tmp_path / "mine.txt"
    mine.write_text("mine\n", encoding="utf-8")
    refused = run(*args, "--out", str(mine))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert mine.read_text(encoding="utf-8") == "mine\n"


def _console(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the console script's entry point, as ``intgraph ...`` runs it, in a child."""
    code = "import sys; from intgraph.cli import run; sys.argv[0] = 'intgraph'; run()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        check=False,
    )


def test_console_script_exits_with_the_documented_codes(flow: str, tmp_path: Path) -> None:
    """The entry point leaves without tearing down what it loaded: the output is still
    whole, and every exit code is the one the command chose."""
    cache = str(tmp_path / "cache")
    for _ in range(2):  # cold, then warm
        done = _console(
            "impact", "Order Hub", "--vault", flow, "--cache-dir", cache, "--format", "json"
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == run_json("impact", "Order Hub", "--vault", flow)
    out = tmp_path / "answer.json"
    done = _console("systems", "--vault", flow, "--format", "json", "--out", str(out))
    assert done.returncode == 0 and done.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == run_json("systems", "--vault", flow)
    assert "wrote" in done.stderr
    unknown = _console("impact", "No Such System", "--vault", flow, "--no-cache")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("intgraph: error: unknown system")
    assert _console("impact", "--no-such-option").returncode == 2
    assert _console("--version").returncode == 0
    lint = _console("lint", "--vault", fixture("acme"), "--today", "2026-11-01", "--no-cache")
    assert lint.returncode == 1
    assert lint.stdout == run("lint", "--vault", fixture("acme"), "--today", "2026-11-01").stdout
