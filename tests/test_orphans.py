"""The orphaned-link report on the `links` fixture vault: categories, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from tests.conftest import ROOT, fixture, run

from intgraph.pipeline import load_vault
from intgraph.queries.orphans import orphan_report
from intgraph.render import orphans as render

GOLDEN = ROOT / "tests" / "golden"


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return orphan_report(load_vault(fixture("links")))


def test_categories(report) -> None:  # type: ignore[no-untyped-def]
    data = render.to_dict(report)
    kinds = {(u["target"], u["kind"]): u["occurrences"] for u in data["unresolved"]}
    assert kinds == {
        ("Fm Missing", "missing"): [{"path": "Hub.md", "line": 2}],
        ("Gone", "missing"): [{"path": "Hub.md", "line": 6}, {"path": "Hub.md", "line": 10}],
        ("Missing Doc", "missing"): [{"path": "Hub.md", "line": 6}],
        ("missing.pdf", "missing"): [{"path": "Hub.md", "line": 6}],
        ("runbook", "placeholder"): [{"path": "Hub.md", "line": 7}],
        ("SFDC", "alias"): [{"path": "Hub.md", "line": 8}],
    }
    assert data["ambiguous"] == [
        {
            "target": "Shared Name",
            "alias": False,
            "candidates": ["Team A/Shared Name.md", "Team B/Shared Name.md"],
            "occurrences": [
                {"path": "Hub.md", "line": 9, "resolved_to": "Team A/Shared Name.md"},
                {"path": "Team A/Note A.md", "line": 2, "resolved_to": "Team A/Shared Name.md"},
            ],
        }
    ]
    assert data["orphan_notes"] == [{"path": "Lonely.md"}, {"path": "Team B/Shared Name.md"}]
    assert [(p["path"], p["line"]) for p in data["parse_errors"]] == [("Broken.md", 3)]
    assert data["summary"] == {
        "notes": 9,
        "links": 13,
        "missing": 5,
        "placeholder": 1,
        "alias": 1,
        "ambiguous": 2,
        "orphan_notes": 2,
        "parse_errors": 1,
    }


def test_never_counted(report) -> None:  # type: ignore[no-untyped-def]
    targets = {u.target for u in report.unresolved}
    assert "Gone In Code" not in targets and "Template Gone" not in targets
    assert "system_1" not in targets
    assert "Attachments/file.pdf" not in report.orphan_notes


def test_ambiguous_resolves_per_folder(tmp_path: Path) -> None:
    for folder in ("A", "B"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Dup.md").write_text("# Dup\n[[Other]]\n", encoding="utf-8")
        (tmp_path / folder / "User.md").write_text("[[Dup]]\n", encoding="utf-8")
    (tmp_path / "Other.md").write_text("x\n", encoding="utf-8")
    report = orphan_report(load_vault(tmp_path))
    assert [(o.path, o.resolved_to) for o in report.ambiguous[0].occurrences] == [
        ("A/User.md", "A/Dup.md"),
        ("B/User.md", "B/Dup.md"),
    ]


def test_clean_vault_has_empty_report() -> None:
    data = render.to_dict(orphan_report(load_vault(fixture("lint"))))
    assert data["unresolved"] == [] and data["ambiguous"] == []
    assert data["orphan_notes"] == [] and data["parse_errors"] == []


def test_golden_markdown(report) -> None:  # type: ignore[no-untyped-def]
    golden("links.orphans.md", render.render_markdown(report))


def test_golden_json(report) -> None:  # type: ignore[no-untyped-def]
    golden("links.orphans.json", render.render_json(report))


def test_csv_one_row_per_occurrence_and_neutralised(tmp_path: Path) -> None:
    (tmp_path / "N.md").write_text("[[=cmd|x]] [[@sum]] [[-2+3]] [[+x]]\n", encoding="utf-8")
    out = run("orphans", "--vault", str(tmp_path), "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["category", "target", "path", "line", "detail"]
    assert sorted(r[1] for r in rows[1:] if r[0] == "missing") == ["'+x", "'-2+3", "'=cmd", "'@sum"]


def test_html_is_standalone_and_escaped(tmp_path: Path) -> None:
    (tmp_path / "N.md").write_text("[[<img src=x onerror=alert(1)>]]\n", encoding="utf-8")
    html = run("orphans", "--vault", str(tmp_path), "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "http://" not in html and "https://" not in html


def test_markdown_escapes_hostile_targets(tmp_path: Path) -> None:
    (tmp_path / "N.md").write_text("[[<script>x</script>]]\n", encoding="utf-8")
    (tmp_path / "M.md").write_text("[[a`b<i>]]\n", encoding="utf-8")
    md = run("orphans", "--vault", str(tmp_path)).stdout
    # Only inside code spans, which Obsidian and GitHub render as literal text.
    assert md.count("<script>") == md.count("`<script>x</script>`") == 1
    assert "`aˋb<i>`" in md


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("missing", 1),
        ("placeholder", 1),
        ("alias", 1),
        ("ambiguous", 1),
        ("orphans", 1),
        ("errors", 1),
        ("missing,errors", 1),
        ("", 0),
    ],
)
def test_fail_on_exit_codes(fail_on: str, code: int) -> None:
    result = run("orphans", "--vault", fixture("links"), "--format", "json", "--fail-on", fail_on)
    assert result.exit_code == code
    json.loads(result.stdout)


@pytest.mark.parametrize(
    "fail_on", ["missing", "placeholder", "alias", "ambiguous", "orphans", "errors"]
)
def test_fail_on_clean_vault_passes(fail_on: str) -> None:
    assert run("orphans", "--vault", fixture("lint"), "--fail-on", fail_on).exit_code == 0


def test_fail_on_bad_category_is_usage_error() -> None:
    assert run("orphans", "--vault", fixture("links"), "--fail-on", "nonsense").exit_code == 2


def test_out_writes_file_and_report_is_skipped_next_time(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "A.md").write_text("[[Gone]]\n", encoding="utf-8")
    out = vault / "reports" / "orphans.md"
    result = run("orphans", "--vault", str(vault), "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("---\ngenerated_by: intgraph\n")
    data = json.loads(run("orphans", "--vault", str(vault), "--format", "json").stdout)
    assert data["summary"]["missing"] == 1
    assert {"path": "reports/orphans.md"} not in data["orphan_notes"]


def test_out_to_unwritable_path_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("orphans", "--vault", fixture("links"), "--out", str(blocker / "r.md"))
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_an_alias_two_notes_declare_is_ambiguous(tmp_path: Path) -> None:
    systems = tmp_path / "Systems"
    systems.mkdir()
    (systems / "SAP ERP.md").write_text("---\ntype: system\naliases: [ERP]\n---\n", "utf-8")
    (systems / "Oracle EBS.md").write_text("---\ntype: system\naliases: [ERP]\n---\n", "utf-8")
    (systems / "Workday.md").write_text("---\ntype: system\naliases: [HR]\n---\n", "utf-8")
    (tmp_path / "i.md").write_text(
        "---\ntype: integration\nintegration_id: INT-2024-001\nsource: '[[ERP]]'\n"
        "target: '[[HR]]'\n---\n",
        "utf-8",
    )
    report = orphan_report(load_vault(tmp_path))
    assert [(a.target, a.candidates) for a in report.ambiguous] == [
        ("ERP", ("Systems/Oracle EBS.md", "Systems/SAP ERP.md"))
    ]
    assert [o.resolved_to for o in report.ambiguous[0].occurrences] == ["Systems/Oracle EBS.md"]
    assert [(u.target, u.kind, u.alias_of) for u in report.unresolved] == [
        ("HR", "alias", "Systems/Workday.md")
    ]
    failed = run("orphans", "--vault", str(tmp_path), "--fail-on", "ambiguous", "--format", "json")
    assert failed.exit_code == 1
    data = json.loads(failed.stdout)
    assert data["summary"]["ambiguous"] == 1 and data["ambiguous"][0]["alias"] is True
    text = render.render_markdown(report)
    assert "`ERP` is an alias of" in text and "taken for [[Systems/Oracle EBS]]" in text
