"""Trust: drafts and templates, wrong vaults, typos and one error style (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, ROOT, run

TEMPLATE = ROOT.parent / "shared" / "template" / "integration-note-template.md"
TEMPLATE_TEXT = (
    TEMPLATE.read_text(encoding="utf-8")
    if TEMPLATE.exists()
    else (FIXTURES / "settings" / "Templates" / "Integration.md").read_text(encoding="utf-8")
)


def _vault(tmp_path: Path, files: dict[str, str], name: str = "vault") -> Path:
    root = tmp_path / name
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


FEED = """# Feed
**Integration ID**: INT-2026-001
**Status**: Production

### Components
1. Source System(s)
   - Name: [[Alpha]]
2. Target System(s)
   - Name: [[Beta]]
"""


def test_raw_template_copy_is_linted_as_an_integration(tmp_path: Path) -> None:
    root = _vault(tmp_path, {"Integrations/Draft.md": TEMPLATE_TEXT, "Feed.md": FEED})
    result = run("lint", "--vault", str(root), "--format", "json", "--today", "2026-01-01")
    codes = {(f["code"], f["severity"]) for f in json.loads(result.stdout) if "Draft" in f["path"]}
    assert {("IG401", "error"), ("IG402", "error"), ("IG503", "error")} <= codes
    assert ("IG100", "warning") in codes


def test_templates_folder_is_guessed_with_a_notice(tmp_path: Path) -> None:
    root = _vault(tmp_path, {"templates/Integration.md": TEMPLATE_TEXT, "Feed.md": FEED})
    result = run("orphans", "--vault", str(root), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["unresolved"] == [] or all(
        o["path"] == "Feed.md" for u in data["unresolved"] for o in u["occurrences"]
    )
    assert not any("templates/" in e["path"] for e in data["parse_errors"])
    assert result.stderr.count("treating templates/ as the templates folder") == 1
    lint = run("lint", "--vault", str(root), "--today", "2026-01-01")
    assert "templates/" not in lint.stdout


def test_templates_folder_without_templater_tags_is_a_normal_folder(tmp_path: Path) -> None:
    root = _vault(tmp_path, {"Templates/Feed.md": FEED})
    result = run("impact", "Alpha", "--vault", str(root), "--format", "json")
    assert result.exit_code == 0
    assert [s["name"] for s in json.loads(result.stdout)["systems"]] == ["Beta"]
    assert "treating" not in result.stderr


def test_templates_folder_option(tmp_path: Path) -> None:
    root = _vault(tmp_path, {"Blueprints/Integration.md": TEMPLATE_TEXT, "Feed.md": FEED})
    before = run("lint", "--vault", str(root), "--today", "2026-01-01")
    assert "Blueprints/Integration.md" in before.stdout
    after = run(
        "lint", "--vault", str(root), "--today", "2026-01-01", "--templates-folder", "Blueprints"
    )
    assert "Blueprints" not in after.stdout


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["impact", "Alpha"], 2),
        (["map"], 2),
        (["systems"], 0),
        (["lint"], 0),
        (["orphans"], 0),
    ],
)
def test_vault_without_integrations_says_so(
    tmp_path: Path, command: list[str], code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _vault(tmp_path, {"People/Ann.md": "# Ann\n"})
    monkeypatch.chdir(tmp_path)
    result = run(*command, "--vault", str(root))
    assert result.exit_code == code, result.output
    line = f"no integration notes in {root}: is this the right folder?"
    assert result.stderr.count(line) == 1
    assert len(result.stderr.strip().splitlines()) == 1 or command[0] in ("lint", "orphans")
    assert not (tmp_path / "reports").exists()


def test_no_vault_given_names_the_vaults_below(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("team-a", "nested/team-b"):
        (tmp_path / name / ".obsidian").mkdir(parents=True)
        (tmp_path / name / "Feed.md").write_text(FEED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INTGRAPH_VAULT", raising=False)
    result = run("systems")
    assert result.exit_code == 2
    assert result.stderr.startswith("intgraph: error: no --vault given")
    assert "nested/team-b, team-a" in result.stderr
    assert run("systems", "--vault", "team-a").exit_code == 0
    monkeypatch.chdir(tmp_path / "team-a")
    assert run("systems").exit_code == 0  # the current folder is a vault


@pytest.mark.parametrize(
    "args",
    [
        ["impact", "Alpha", "--vault", "README.md"],
        ["impact", "Alpha", "--format", "yaml"],
        ["impact"],
        ["lint", "--fail-level", "fatal"],
        ["orphans", "--fail-on", "nonsense"],
        ["nosuchcommand"],
        ["impact", "Alpha", "--depth", "0"],
    ],
)
def test_every_error_is_one_line(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run(*args, *([] if "--vault" in args else ["--vault", str(FIXTURES / "flow")]))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("intgraph: error: "), result.stderr


def test_unknown_status_lists_the_known_ones() -> None:
    result = run("impact", "SAP ERP", "--vault", str(FIXTURES / "acme"), "--status", "Retired")
    assert result.exit_code == 2
    assert "unknown status 'Retired'" in result.stderr
    assert "Production" in result.stderr and "Planning" in result.stderr
    ok = run("impact", "SAP ERP", "--vault", str(FIXTURES / "acme"), "--status", "production")
    assert ok.exit_code == 0
    page = run("map", "--vault", str(FIXTURES / "acme"), "--status", "Retierd", "--out", "x.html")
    assert page.exit_code == 2
