"""Lint codes: each fires on a planted problem and stays quiet on the clean note."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from tests.conftest import FIXTURES, run

from intgraph.model import Problem
from intgraph.pipeline import load_vault
from intgraph.queries.lint import CODES, PROBLEM_CODES, _reading_problems, lint

TODAY = dt.date(2026, 11, 1)
CLEAN = FIXTURES / "lint" / "Integrations" / "Clean Integration.md"


def vault_with(
    tmp_path: Path, edit: tuple[str, str] | None = None, extra: str | None = None
) -> Path:
    """A copy of the `lint` vault whose clean note has one edit applied."""
    root = tmp_path / "lint"
    shutil.copytree(FIXTURES / "lint", root)
    note = root / "Integrations" / "Clean Integration.md"
    text = note.read_text(encoding="utf-8")
    if edit:
        assert edit[0] in text, edit[0]
        text = text.replace(edit[0], edit[1], 1)
    note.write_text(text, encoding="utf-8")
    if extra:
        (root / "Integrations" / "Copy.md").write_text(extra, encoding="utf-8")
    return root


def codes(root: Path, **kwargs) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(f.code, f.line) for f in lint(load_vault(root), TODAY, **kwargs)]


def test_clean_note_has_no_findings() -> None:
    assert lint(load_vault(FIXTURES / "lint"), TODAY) == []


MUTATIONS = [
    ("IG100", ("**Version**: 1.4.0", "**Version**: [X.Y.Z]"), 5),
    (
        "IG101",
        ("### Business Purpose\nDocumented", "### Business Purpose\n[Purpose]\nDocumented"),
        12,
    ),
    ("IG102", ("   - Role: Documented: description", "   - Role: [Description]"), 26),
    ("IG103", ("   - Rate Limits: Documented: if any", "   - Rate Limits: [If any]"), 47),
    ("IG104", ("   - Enrichment: Documented: if any", "   - Enrichment: TBD"), 93),
    ("IG105", ("   - Retention: Documented: policy", "   - Retention: "), 120),
    ("IG106", ("   - Target: Documented: sla", "   - Target: [SLA]"), 138),
    ("IG107", ("   - L1: Documented: responsibilities", "   - L1: [Responsibilities]"), 165),
    ("IG108", ("   - QA: Documented: setup", "   - QA: [Setup]"), 186),
    ("IG109", ("   - Rollback: Documented: procedure", "   - Rollback: [Procedure]"), 208),
    ("IG110", ("   - FAQs: [[Clean Design]]", "   - FAQs: [[faqs]]"), 254),
    ("IG111", ("- Branching: Documented: strategy", "- Branching: [Strategy]"), 260),
    (
        "IG112",
        ("- Review Status: Approved", "- Review Status: [Under Review/Approved/Pending]"),
        284,
    ),
    ("IG201", ("- Created: 2026-01-10", '- Created: <% tp.date.now("YYYY-MM-DD") %>'), 279),
    ("IG301", ("**Status**: Production", "**Status**: Live"), 7),
    ("IG302", ("**Category**: Data", "**Category**: Batch"), 6),
    ("IG303", ("**Classification**: Internal", "**Classification**: Secret"), 8),
    ("IG401", ("   - Name: [[Alpha]]", "   - Name: [[system_1]]"), 25),
    ("IG402", ("   - Name: [[Beta]]", "   - Name: N/A"), 31),
    ("IG501", ("**Integration ID**: INT-2026-001", "**Integration ID**: INT-26-1"), 4),
    ("IG503", ("**Integration ID**: INT-2026-001\n", ""), 3),
    ("IG601", ("- Document ID: INT-2026-001", "- Document ID: INT-2026-002"), 286),
    ("IG602", ("- Integration Status: Production", "- Integration Status: Deprecated"), 288),
    ("IG701", ("- Next Review: 2027-05-01", "- Next Review: 2026-03-01"), 287),
    ("IG702", ("- Last Tested: 2026-09-15", "- Last Tested: 2024-05-10"), 289),
    ("IG703", ("- Last Tested: 2026-09-15", "- Last Tested: last spring"), 289),
    ("IG703", ("- Created: 2026-01-10", "- Created: 01/02/2024"), 279),
    ("IG703", ("- Last Updated: 2026-01-10", "- Last Updated: Jan 10"), 280),
    ("IG801", ("   - Runbook: [[Clean Runbook]]", "   - Runbook: N/A"), 230),
    (
        "IG907",
        ("# Clean Integration\n", "---\ntags: [api]\nTags:\n- api\n---\n# Clean Integration\n"),
        3,
    ),
]


@pytest.mark.parametrize(("code", "edit", "line"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_code_fires(tmp_path: Path, code: str, edit: tuple[str, str], line: int) -> None:
    found = codes(vault_with(tmp_path, edit))
    assert code in {c for c, _ in found}, found
    assert (code, line) in found, found
    # A few plants also trip a related check, and only that one.
    related = {
        "IG201": {"IG112"},
        "IG301": {"IG602"},
        "IG401": {"IG102"},
        "IG501": {"IG601"},
    }
    assert {c for c, _ in found} - {code} == related.get(code, set()), found


READING = {"IG901", "IG902", "IG903", "IG904", "IG905", "IG906", "IG907", "IG909"}


def test_every_code_is_tested() -> None:
    tested = {m[0] for m in MUTATIONS} | {"IG502", "IG119", "IG403"} | READING
    assert tested == set(CODES)


def test_reading_problems_are_findings() -> None:
    found = [(f.path, f.code, f.severity) for f in lint(load_vault(FIXTURES / "encodings"), TODAY)]
    assert ("Integrations/Binary.md", "IG904", "error") in found
    assert ("Integrations/Broken YAML.md", "IG901", "error") in found
    assert ("Integrations/Zurich Feed.md", "IG902", "warning") in found


def test_each_problem_kind_has_its_code() -> None:
    assert set(PROBLEM_CODES.values()) | {"IG909"} == READING
    fake = SimpleNamespace(
        notes=(),
        problems=tuple(Problem(f"{kind}.md", None, kind, kind) for kind in [*PROBLEM_CODES, "odd"]),
    )
    found = {f.path: f.code for f in _reading_problems(fake)}  # type: ignore[arg-type]
    assert found == {**{f"{k}.md": c for k, c in PROBLEM_CODES.items()}, "odd.md": "IG909"}


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["XX999", "IG1,IG99", "IG5013"])
def test_unknown_codes_are_usage_errors(option: str, value: str) -> None:
    result = run("lint", "--vault", str(FIXTURES / "lint"), option, value)
    assert result.exit_code == 2
    assert result.stderr.startswith("intgraph: error: unknown lint code")
    assert "IG501" in result.stderr


def test_list_codes_prints_every_code() -> None:
    result = run("lint", "--list-codes")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(CODES)
    assert lines[0].split()[1] == CODES["IG100"][0]


def test_duplicate_id(tmp_path: Path) -> None:
    copy = CLEAN.read_text(encoding="utf-8").replace("# Clean Integration", "# Copy", 1)
    found = codes(vault_with(tmp_path, extra=copy))
    assert found == [("IG502", 4), ("IG502", 4)]


def test_other_section(tmp_path: Path) -> None:
    found = codes(
        vault_with(
            tmp_path,
            ("## Change Management", "## Glossary\n- Term: [Term]\n\n## Change Management"),
        )
    )
    assert found == [("IG119", 258)]


def test_status_is_case_insensitive(tmp_path: Path) -> None:
    assert codes(vault_with(tmp_path, ("**Status**: Production", "**Status**: production"))) == []


def test_max_test_age_and_today(tmp_path: Path) -> None:
    root = vault_with(tmp_path)
    assert codes(root, max_test_age=30) == [("IG702", 289)]
    assert [f.code for f in lint(load_vault(root), dt.date(2027, 6, 1))] == ["IG701"]


def test_select_and_ignore(tmp_path: Path) -> None:
    root = vault_with(tmp_path, ("**Status**: Production", "**Status**: Live"))
    assert codes(root) == [("IG301", 7), ("IG602", 288)]
    assert codes(root, select=["IG3"]) == [("IG301", 7)]
    assert codes(root, ignore=["ig301"]) == [("IG602", 288)]


def test_cli_text_json_and_exit_codes(tmp_path: Path) -> None:
    root = str(vault_with(tmp_path, ("**Category**: Data", "**Category**: Batch")))
    result = run("lint", "--vault", root, "--today", "2026-11-01")
    assert result.exit_code == 1
    assert result.stdout == (
        "Integrations/Clean Integration.md:6: IG302 warning: Category 'Batch' is not one of "
        "System/Process/Data/API\n"
    )
    assert "1 finding: 1 warning" in result.stderr
    result = run("lint", "--vault", root, "--today", "2026-11-01", "--format", "json")
    assert json.loads(result.stdout) == [
        {
            "path": "Integrations/Clean Integration.md",
            "line": 6,
            "code": "IG302",
            "message": "Category 'Batch' is not one of System/Process/Data/API",
            "severity": "warning",
        }
    ]
    assert (
        run("lint", "--vault", root, "--today", "2026-11-01", "--fail-level", "error").exit_code
        == 0
    )
    assert run("lint", "--vault", str(FIXTURES / "lint"), "--today", "2026-11-01").exit_code == 0
    assert run("lint", "--vault", root, "--today", "01/11/2026").exit_code == 2


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("- Next Review: 2027-05-01", "- Next Review: [[2027-05-01]]"), set()),
        (("- Next Review: 2027-05-01", "- Next Review: [[2026-03-01]]"), {("IG701", 287)}),
        (("- Last Tested: 2026-09-15", "- Last Tested: 2026-09-15T10:00"), set()),
        (("- Document ID: INT-2026-001", "- Document ID: [[INT-2026-001]]"), set()),
        (("**Status**: Production", "**Status**: *Production*"), set()),
        (("**Status**: Production", "**Status** - Production"), set()),
    ],
)
def test_footer_and_overview_values_as_a_reader_writes_them(
    tmp_path: Path, edit: tuple[str, str], expected: set[tuple[str, int]]
) -> None:
    assert set(codes(vault_with(tmp_path, edit))) == expected


@pytest.mark.parametrize(("crm", "sap"), [("CRM", "SAP"), ("CRM (legacy)", "**SAP**")])
def test_a_plain_name_several_notes_have_is_a_warning(tmp_path: Path, crm: str, sap: str) -> None:
    root = tmp_path / "homonyms"
    shutil.copytree(FIXTURES / "homonyms", root)
    note = root / "Integrations" / "CRM Leads to SAP.md"
    text = note.read_text(encoding="utf-8")
    text = text.replace("- Name: CRM", f"- Name: {crm}").replace("- Name: SAP", f"- Name: {sap}")
    note.write_text(text, encoding="utf-8")
    found = [
        (f.path, f.line, f.code, f.message)
        for f in lint(load_vault(root), TODAY)
        if f.code == "IG403"
    ]
    # The notes that link their systems by path are not reported; the plain names are.
    assert found == [
        ("Integrations/CRM Leads to SAP.md", 12, "IG403",
         f"{crm!r} names 2 notes and is taken for Systems/CRM.md (not Archive/Systems/CRM.md):"
         " link the one meant"),
        ("Integrations/CRM Leads to SAP.md", 14, "IG403",
         "'SAP' names 2 notes and is taken for Systems/EU/SAP.md (not Systems/US/SAP.md): "
         "link the one meant"),
    ]  # fmt: skip
