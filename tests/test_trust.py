"""Trust: drafts and templates, wrong vaults, typos and one error style (issue 12)."""

from __future__ import annotations

import json
import shutil
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


def _feed(ident: str, source: str, target: str) -> str:
    text = FEED.replace("[[Alpha]]", "[[{source}]]").replace("[[Beta]]", "[[{target}]]")
    return text.replace("INT-2026-001", ident).format(source=source, target=target)


def test_feedback_loop_and_directions_are_marked(tmp_path: Path) -> None:
    root = _vault(
        tmp_path,
        {
            "A to B.md": _feed("INT-2026-001", "Alpha", "Beta"),
            "B to A.md": _feed("INT-2026-002", "Beta", "Alpha"),
            "B to C.md": _feed("INT-2026-003", "Beta", "Gamma"),
        },
    )
    data = json.loads(
        run(
            "impact", "Alpha", "--vault", str(root), "--format", "json", "--direction", "both"
        ).stdout
    )
    by_id = {i["id"]: i for i in data["integrations"]}
    assert by_id["INT-2026-002"]["feedback"] is True
    assert by_id["INT-2026-001"]["feedback"] is True  # upstream of Alpha, it leaves Alpha
    assert by_id["INT-2026-003"]["feedback"] is False
    assert by_id["INT-2026-001"]["directions"] == ["downstream", "upstream"]
    assert by_id["INT-2026-003"]["directions"] == ["downstream"]
    table = run("impact", "Alpha", "--vault", str(root), "--direction", "both").stdout
    assert "feedback loop" in table and "Direction" in table
    down = json.loads(run("impact", "Alpha", "--vault", str(root), "--format", "json").stdout)
    assert {i["id"]: i["feedback"] for i in down["integrations"]} == {
        "INT-2026-001": False,
        "INT-2026-002": True,
        "INT-2026-003": False,
    }


def test_table_header_shows_filters_and_empty_answer_is_one_line() -> None:
    acme = str(FIXTURES / "acme")
    table = run("impact", "SAP ERP", "--vault", acme, "--depth", "1", "--status", "Production")
    assert table.stdout.startswith("Impact of SAP ERP (downstream, depth ≤ 1, status Production)")
    empty = run("impact", "Tableau Server", "--vault", acme, "--status", "Planning")
    assert empty.exit_code == 0, empty.output
    assert empty.stdout.count("\n") == 1
    assert empty.stdout.startswith("Nothing is affected downstream of Tableau Server")


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_tables_fit_the_terminal(columns: int) -> None:
    from intgraph.pipeline import load_vault
    from intgraph.queries.impact import impact
    from intgraph.queries.systems import list_systems
    from intgraph.render import impact as impact_render
    from intgraph.render import systems as systems_render

    landscape = load_vault(FIXTURES / "acme")
    for text in (
        impact_render.render(impact(landscape, "SAP ERP", "both"), "table", columns),
        systems_render.render(list_systems(landscape), "table", columns),
    ):
        assert max(len(line) for line in text.splitlines()) <= columns


def test_terminal_width_comes_from_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from intgraph.cli import common

    monkeypatch.setattr(common.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("COLUMNS", "77")
    assert common.width() == 77
    monkeypatch.setattr(common.sys.stdout, "isatty", lambda: False, raising=False)
    assert common.width() == 120


def test_orphans_summary_and_fail_on_names_the_category() -> None:
    links = str(FIXTURES / "links")
    summary = run("orphans", "--vault", links, "--format", "summary")
    assert summary.stdout.startswith("Orphaned links in links: ")
    assert "missing links" in summary.stdout and "First findings" in summary.stdout
    assert "\\|" not in summary.stdout
    piped = run("orphans", "--vault", links)  # not a terminal: the full note
    assert piped.stdout.startswith("---\ngenerated_by: intgraph\n")
    tripped = run("orphans", "--vault", links, "--format", "json", "--fail-on", "missing,alias")
    assert tripped.exit_code == 1
    assert "intgraph: --fail-on: found missing, alias" in tripped.stderr


def test_out_never_overwrites_a_note(tmp_path: Path) -> None:
    root = tmp_path / "acme"
    shutil.copytree(FIXTURES / "acme", root)
    note = next(root.glob("Integrations/**/*.md"))
    before = note.read_bytes()
    for command in (["map"], ["orphans"], ["lint", "--today", "2026-01-01"]):
        result = run(*command, "--vault", str(root), "--out", str(note))
        assert result.exit_code == 2, (command, result.output)
        assert "refusing to overwrite" in result.stderr
        assert note.read_bytes() == before
    forced = run("orphans", "--vault", str(root), "--out", str(note), "--force")
    assert forced.exit_code == 0 and note.read_bytes() != before


def test_out_replaces_its_own_files_in_any_format(tmp_path: Path) -> None:
    links = str(FIXTURES / "links")
    for fmt, name in (
        ("csv", "r.csv"),
        ("json", "r.json"),
        ("html", "r.html"),
        ("markdown", "r.md"),
    ):
        out = tmp_path / name
        for _ in range(2):
            result = run("orphans", "--vault", links, "--format", fmt, "--out", str(out))
            assert result.exit_code == 0, result.output
    lint_out = tmp_path / "lint.txt"
    for _ in range(2):
        assert run("lint", "--vault", links, "--out", str(lint_out)).exit_code in (0, 1)
    lint_out.write_text("edited by hand\n", encoding="utf-8")
    assert run("lint", "--vault", links, "--out", str(lint_out)).exit_code == 2


def test_default_map_output_is_never_inside_the_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "acme"
    shutil.copytree(FIXTURES / "acme", root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("INTGRAPH_VAULT", raising=False)
    result = run("map")
    assert result.exit_code == 2
    assert "inside the vault" in result.stderr and "--out" in result.stderr
    assert not (root / "reports").exists()
    monkeypatch.chdir(tmp_path)
    assert run("map", "--vault", "acme").exit_code == 0
    assert (tmp_path / "reports" / "map.html").exists()
    assert run("map", "--vault", "acme").exit_code == 0  # its own file: replaced


def test_reports_written_into_the_vault_are_skipped_next_run(tmp_path: Path) -> None:
    root = tmp_path / "acme"
    shutil.copytree(FIXTURES / "acme", root)
    before = json.loads(run("orphans", "--vault", str(root), "--format", "json").stdout)
    lint_before = run("lint", "--vault", str(root), "--today", "2026-01-01").stdout
    for args in (
        ["lint", "--today", "2026-01-01", "--out", str(root / "reports" / "lint.md")],
        ["lint", "--format", "json", "--out", str(root / "reports" / "lint-json.md")],
        ["orphans", "--format", "csv", "--out", str(root / "reports" / "orphans-csv.md")],
        ["impact", "SAP ERP", "--format", "markdown"],
    ):
        result = run(*args, "--vault", str(root))
        if args[0] == "impact":
            (root / "reports" / "impact.md").write_text(result.stdout, encoding="utf-8")
    after = json.loads(run("orphans", "--vault", str(root), "--format", "json").stdout)
    before["summary"].pop("notes")
    after["summary"].pop("notes")
    assert after == before
    assert run("lint", "--vault", str(root), "--today", "2026-01-01").stdout == lint_before


def test_out_files_follow_the_umask_or_keep_the_mode_they_had(tmp_path: Path) -> None:
    import os
    import stat

    links = str(FIXTURES / "links")
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "new.json"
        assert (
            run("orphans", "--vault", links, "--format", "json", "--out", str(fresh)).exit_code == 0
        )
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text("{}\n", encoding="utf-8")
        kept.chmod(0o664)
        args = ("orphans", "--vault", links, "--format", "json", "--out", str(kept), "--force")
        assert run(*args).exit_code == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o664 and kept.read_text() != "{}\n"
        os.umask(0o077)
        private = tmp_path / "private.json"
        assert (
            run("orphans", "--vault", links, "--format", "json", "--out", str(private)).exit_code
            == 0
        )
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json", "new.json", "private.json"]


def test_links_in_a_title_do_not_break_markdown_links(tmp_path: Path) -> None:
    title = "# [[Alpha]] to [[Beta|B]] orders\n"
    root = _vault(tmp_path, {"Alpha to Beta.md": title + FEED.split("\n", 1)[1]})
    for command in (["integrations"], ["impact", "Alpha"]):
        result = run(*command, "--vault", str(root), "--no-cache", "--format", "markdown")
        assert result.exit_code == 0, result.output
        assert "[[Alpha to Beta\\|INT-2026-001 Alpha to B orders]]" in result.output, result.output
