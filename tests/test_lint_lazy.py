"""Lint's per-field records are read only when lint runs: its findings must equal those of
notes parsed with every record up front, on every fixture vault and on generated vaults."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from benchmarks.vaultgen import generate
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import FIXTURES

from intgraph.parse import parse_text
from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.lint import lint
from intgraph.reader import parse_one

TODAY = dt.date(2026, 11, 1)


def eager(landscape: Landscape) -> Landscape:
    """The same landscape, with notes parsed the old way: raw fields read up front."""
    root, marks = landscape.files.root, landscape.placeholders
    notes = tuple(parse_one(root, path, marks, raw=True)[1] for path in landscape.files.notes)
    return dataclasses.replace(landscape, load_notes=lambda: notes)


def check(root: Path, cache: Path | None = None) -> int:
    lazy = load_vault(root, cache_dir=cache)
    full = eager(lazy)
    assert all(n.raw_fields is None for n in lazy.notes)
    # Reading raw fields changes nothing else about a note.
    assert [dataclasses.replace(n, raw_fields=None) for n in full.notes] == list(lazy.notes)
    assert lazy.with_raw_fields(lazy.notes) == list(full.notes)
    found = lint(lazy, TODAY)
    assert found == lint(full, TODAY)
    return len(found)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_lint_unchanged_on_fixtures(name: str, tmp_path: Path) -> None:
    check(FIXTURES / name)
    check(FIXTURES / name, tmp_path / "cache")  # cold with cache
    check(FIXTURES / name, tmp_path / "cache")  # warm: notes from the cache


@pytest.mark.parametrize("seed", [1, 2])
def test_lint_unchanged_on_generated(seed: int, tmp_path: Path) -> None:
    generate(tmp_path / "v", 60, seed=seed)
    assert check(tmp_path / "v", tmp_path / "cache") > 0
    assert check(tmp_path / "v", tmp_path / "cache") > 0


def test_placeholder_findings_come_from_raw_fields() -> None:
    """The sample vault's placeholder findings (IG1xx) are read from raw fields only."""
    landscape = load_vault(FIXTURES / "acme")
    codes = {f.code for f in lint(landscape, TODAY)}
    assert {"IG100", "IG101", "IG102"} <= codes
    assert check(FIXTURES / "acme") >= 20


TEMPLATE_LINES = [
    "# Title",
    "## Integration Overview",
    "**Integration ID**: INT-2024-001",
    "**Version**: 1.0",
    "**Category**: [System/Process/Data]",
    "**Status**: Production",
    "**Classification**: Internal",
    "- Version: 9.9",
    "- Status: Retired",
    "- **Integration ID**: INT-2024-999",
    "## Integration Architecture",
    "### Components",
    "1. Source System(s)",
    "2. Target System(s)",
    "3. Integration Layer",
    "   - Name: [[A]]",
    "   - Name: [[system_1]]",
    "   - Role: [role]",
    "   - Type: Middleware",
    "   - Components: [[Bus]]",
    "   - Protocol: HTTPS",
    "## Documentation",
    "- Design: [[Design Doc]]",
    "- Runbook: [[runbook]]",
    "**Metadata**",
    "- **Metadata**",
    "- Owner: [[Person]]",
    "- Document ID: INT-2024-001",
    "- Last Updated: 2024-01-01",
    "## Security",
    "### Authentication",
    "- Method: [method]",
    "- **Bold**: x",
    "[placeholder line]",
    "- TBD",
    "```",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TEMPLATE_LINES), max_size=60))
def test_graph_path_parse_equals_full_parse(lines: list[str]) -> None:
    """Skipping lint's records and the bullets they alone need changes nothing else."""
    text = "\n".join(lines)
    full = parse_text("Fuzz.md", text)
    lean = parse_text("Fuzz.md", text, raw=False)
    assert lean == dataclasses.replace(full, raw_fields=None)


def test_lint_unchanged_on_the_template_copy(tmp_path: Path) -> None:
    """A copy of the shared template (all placeholders), where lint finds the most."""
    shared = [Path(__file__).parents[2] / "shared", Path("/work/shared")]
    template = next(
        (p / "template" / "integration-note-template.md" for p in shared if p.is_dir()),
        FIXTURES / "settings" / "Templates" / "Integration.md",
    )
    root = tmp_path / "v"
    (root / "Integrations").mkdir(parents=True)
    (root / "Integrations" / "Draft.md").write_text(template.read_text(encoding="utf-8"))
    assert check(root) > 0


def test_lint_parses_each_note_once_on_a_cold_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """``raw_fields=True`` (what ``intgraph lint`` asks for) reads lint's records in the
    same pass, so a cold lint does not parse the integration notes a second time."""
    import datetime as dt

    from intgraph import reader
    from intgraph.pipeline import load_vault
    from intgraph.queries.lint import lint

    calls: list[str] = []
    real = reader.parse_one

    def counted(root, path, placeholders, raw=False):  # type: ignore[no-untyped-def]
        calls.append(path)
        return real(root, path, placeholders, raw)

    monkeypatch.setattr(reader, "parse_one", counted)
    day = dt.date(2026, 1, 1)
    eager = load_vault(FIXTURES / "acme", raw_fields=True)
    eager_findings = lint(eager, day)
    once = len(calls)
    assert once == len(eager.files.notes)
    calls.clear()
    lazy = load_vault(FIXTURES / "acme")
    assert lint(lazy, day) == eager_findings
    assert len(calls) > len(lazy.files.notes)  # the lazy path parses integrations again
