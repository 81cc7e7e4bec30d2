"""The CI formats of lint and orphans: SARIF (validated against the official schema),
GitHub workflow commands, GitLab Code Quality and reviewdog rdjsonl."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from tests.conftest import FIXTURES, ROOT, fixture, run
from tests.gitvault import git, note, write

from intgraph.queries.lint import CODES
from intgraph.queries.orphans import CATEGORIES

TODAY = ("--today", "2026-11-01")


def specs_folder() -> Path:
    """env INTGRAPH_SPECS, else <repo>/../shared/specs, else /work/shared/specs."""
    if os.environ.get("INTGRAPH_SPECS"):
        return Path(os.environ["INTGRAPH_SPECS"])
    beside = ROOT.parent / "shared" / "specs"
    return beside if beside.is_dir() else Path("/work/shared/specs")


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    path = specs_folder() / "sarif-schema-2.1.0.json"
    # Fail, never skip: a missing spec must not let an invalid SARIF file through.
    assert path.is_file(), f"SARIF schema not found at {path} (set INTGRAPH_SPECS)"
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


def _out(*args: str, code: int | None = None) -> str:
    result = run(*args)
    assert result.exit_code in ((0, 1) if code is None else (code,)), result.output
    return result.stdout


def _sarif(*args: str) -> dict[str, Any]:
    return json.loads(_out(*args, "--format", "sarif"))  # type: ignore[no-any-return]


def _results(log: dict[str, Any]) -> list[dict[str, Any]]:
    return log["runs"][0]["results"]  # type: ignore[no-any-return]


def _fingerprints(log: dict[str, Any]) -> list[str]:
    return [r["partialFingerprints"]["intgraphFingerprint/v1"] for r in _results(log)]


@pytest.mark.parametrize(
    "args",
    [
        ("lint", "--vault", fixture("acme"), *TODAY),
        ("lint", "--vault", fixture("flow"), *TODAY),
        ("orphans", "--vault", fixture("links")),
        ("orphans", "--vault", fixture("encodings")),
        ("orphans", "--vault", fixture("hostile")),
    ],
)
def test_sarif_is_valid(args: tuple[str, ...], validator: Any) -> None:
    log = _sarif(*args)
    validator.validate(log)
    run_ = log["runs"][0]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules))
    assert run_["results"], "the fixture should have findings"
    for result in run_["results"]:
        assert result["ruleId"] in rules
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["region"]["startLine"] >= 1
        assert " " not in location["artifactLocation"]["uri"]
    fingerprints = _fingerprints(log)
    assert len(fingerprints) == len(set(fingerprints))


def test_sarif_rules_come_from_the_codes_and_categories() -> None:
    lint = _sarif("lint", "--vault", fixture("flow"), *TODAY)["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in lint["rules"]] == sorted(CODES)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule in lint["rules"]:
        severity, meaning = CODES[rule["id"]]
        assert rule["shortDescription"]["text"] == meaning
        assert rule["defaultConfiguration"]["level"] == levels[severity]
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
    orphans = _sarif("orphans", "--vault", fixture("links"))["runs"][0]["tool"]["driver"]
    assert len(orphans["rules"]) == len(CATEGORIES)


def test_sarif_paths_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "flow", repo / "docs" / "arch vault")
    git(repo, "init", "-q")
    log = _sarif("lint", "--vault", str(repo / "docs" / "arch vault"), *TODAY)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in _results(log)}
    assert "docs/arch%20vault/Integrations/Customer%20Sync.md" in uris
    assert all(u.startswith("docs/arch%20vault/") for u in uris)
    # Outside any git work tree: relative to the vault.
    outside = tmp_path / "plain"
    shutil.copytree(FIXTURES / "flow", outside)
    plain = _sarif("lint", "--vault", str(outside), *TODAY)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in _results(plain)
    }
    assert "Integrations/Customer%20Sync.md" in uris


def _broken_vault(root: Path) -> None:
    write(
        root,
        {
            "Integrations/Feed.md": note(
                "Feed", "INT-2026-001", "Production", ["A"], ["B"]
            ).replace(
                "## Purpose and Scope",
                "See [[Nowhere]].\n\nSee [[Nowhere]].\n\n## Purpose and Scope",
            ),
            "A.md": "# A\n",
            "B.md": "# B\n",
        },
    )


def test_fingerprints_survive_an_edit_elsewhere_in_the_note(tmp_path: Path) -> None:
    _broken_vault(tmp_path)
    args = ("--vault", str(tmp_path), "--no-cache")
    before_lint = _sarif("lint", *args, *TODAY)
    before_orphans = _sarif("orphans", *args)
    path = tmp_path / "Integrations" / "Feed.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("# Feed\n", "# Feed\n\nA new paragraph.\nAnd another.\n"), "utf-8")
    after_lint = _sarif("lint", *args, *TODAY)
    after_orphans = _sarif("orphans", *args)
    for before, after in ((before_lint, after_lint), (before_orphans, after_orphans)):
        assert _fingerprints(before) == _fingerprints(after)
        lines_before = [
            r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in _results(before)
        ]
        lines_after = [
            r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in _results(after)
        ]
        assert [b + 3 for b in lines_before if b > 1] == [a for a in lines_after if a > 4]
    missing = [r for r in _results(after_orphans) if "[[Nowhere]]" in r["message"]["text"]]
    assert (
        len(missing) == 2 and missing[0]["partialFingerprints"] != missing[1]["partialFingerprints"]
    )
    # Changing the finding itself changes its fingerprint.
    path.write_text(path.read_text("utf-8").replace("[[Nowhere]]", "[[Elsewhere]]", 1), "utf-8")
    changed = _sarif("orphans", *args)
    assert set(_fingerprints(changed)) != set(_fingerprints(after_orphans))


def test_github_annotations(tmp_path: Path) -> None:
    write(tmp_path, {"Notes/a, b: c.md": "# A\n[[Nowhere %0A]]\n"})
    out = _out("orphans", "--vault", str(tmp_path), "--format", "github")
    assert out.splitlines() == [
        "::error file=Notes/a%2C b%3A c.md,line=2,title=intgraph orphans missing-link"
        "::broken link [[Nowhere %250A]]: no note or file has that name"
    ]
    lint = _out("lint", "--vault", fixture("flow"), *TODAY, "--format", "github")
    for line in lint.splitlines():
        assert line.startswith(("::error file=", "::warning file=", "::notice file="))
        assert ",line=" in line and ",title=intgraph lint IG" in line


def test_gitlab_code_quality() -> None:
    issues = json.loads(_out("lint", "--vault", fixture("acme"), *TODAY, "--format", "gitlab"))
    assert issues
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["check_name"] in CODES
        assert issue["location"]["path"].startswith("vault_fixtures/acme/")
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_rdjsonl() -> None:
    lines = _out("orphans", "--vault", fixture("links"), "--format", "rdjsonl").splitlines()
    assert lines
    for line in lines:
        d = json.loads(line)
        assert d["message"] and d["severity"] in ("ERROR", "WARNING", "INFO")
        assert d["location"]["path"].startswith("vault_fixtures/links/")
        assert d["location"]["range"]["start"]["line"] >= 1
        assert d["code"]["value"]


def test_ci_formats_keep_the_exit_codes() -> None:
    assert (
        run(
            "orphans", "--vault", fixture("links"), "--format", "sarif", "--fail-on", "missing"
        ).exit_code
        == 1
    )
    assert run("lint", "--vault", fixture("acme"), *TODAY, "--format", "sarif").exit_code == 1
    assert run("lint", "--vault", fixture("acme"), "--format", "sarifx").exit_code == 2


def test_sarif_out_file(tmp_path: Path, validator: Any) -> None:
    out = tmp_path / "lint.sarif"
    run("lint", "--vault", fixture("acme"), *TODAY, "--format", "sarif", "--out", str(out))
    validator.validate(json.loads(out.read_text(encoding="utf-8")))
