"""The GitHub Action: action.yml parses and wires its inputs, and its shell script runs
locally against a real git repository with a fake runner environment."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import FIXTURES, ROOT
from tests.gitvault import git, note, write

SCRIPT = ROOT / "scripts" / "action.sh"


def _action() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_action_yml_is_a_composite_action_wired_to_its_script() -> None:
    action = _action()
    assert action["name"] and action["description"]
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    inputs = action["inputs"]
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    for used in re.findall(r"inputs\.([A-Za-z0-9_-]+)", text):
        assert used in inputs, f"action.yml uses undefined input {used}"
    for name, spec in inputs.items():
        assert spec["description"], name
        assert "default" in spec, name
    run_steps = [s for s in steps if "run" in s]
    assert len(run_steps) == 1
    step = run_steps[0]
    assert step["shell"] == "bash" and step["id"] == "intgraph"
    assert "scripts/action.sh" in step["run"]
    assert step["env"]["INTGRAPH_ACTION_PATH"] == "${{ github.action_path }}"
    # Every input the script reads is passed, and every input is passed to it.
    script = SCRIPT.read_text(encoding="utf-8")
    read = set(re.findall(r"INPUT_[A-Z_]+", script))
    passed = {k for k in step["env"] if k.startswith("INPUT_")}
    assert read == passed
    assert passed == {"INPUT_" + name.upper().replace("-", "_") for name in inputs} - {
        "INPUT_PYTHON_VERSION"
    }
    for name, output in action["outputs"].items():
        assert output["value"] == f"${{{{ steps.intgraph.outputs.{name} }}}}"
        assert f"{name}=" in script
    assert inputs["base"]["default"] == "${{ github.event.pull_request.base.sha }}"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "flow", root / "vault")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    write(
        root / "vault",
        {
            "Integrations/New Feed.md": note(
                "New Feed", "INT-2025-099", "Production", ["CRM"], ["Ledger"]
            )
        },
    )
    (root / "vault" / "Integrations" / "Billing to Ledger.md").unlink()
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change")
    return root


def _run_action(
    repo: Path, tmp_path: Path, event: str = "pull_request", **inputs: str
) -> tuple[subprocess.CompletedProcess[str], Path]:
    runner = tmp_path / "runner"
    runner.mkdir(exist_ok=True)
    summary = runner / "summary.md"
    outputs = runner / "outputs.txt"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_EVENT_NAME": event,
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
        "RUNNER_TEMP": str(runner),
        "INTGRAPH_ACTION_PATH": str(ROOT),
        "INPUT_VAULT": "vault",
        "INPUT_INSTALL": "false",
    }
    if "BASE" not in inputs:
        env["INPUT_BASE"] = git(repo, "rev-parse", "HEAD~1").strip()
    env.update({"INPUT_" + k.upper(): v for k, v in inputs.items()})
    done = subprocess.run(
        ["bash", str(SCRIPT)], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    return done, runner


def _outputs(runner: Path) -> dict[str, str]:
    lines = (runner / "outputs.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


def test_pull_request_run(repo: Path, tmp_path: Path) -> None:
    done, runner = _run_action(repo, tmp_path)
    assert done.returncode == 0, done.stderr
    out = _outputs(runner)
    assert set(out) == {"sarif-dir", "lint-sarif", "orphans-sarif", "diff-markdown"}
    for key in ("lint-sarif", "orphans-sarif"):
        log = json.loads(Path(out[key]).read_text(encoding="utf-8"))
        assert log["version"] == "2.1.0"
        for result in log["runs"][0]["results"]:
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert uri.startswith("vault/")
    assert sorted(p.name for p in Path(out["sarif-dir"]).iterdir()) == [
        "lint.sarif",
        "orphans.sarif",
    ]
    summary = (runner / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("intgraph lint: ")
    assert "<!-- intgraph-diff -->" in summary
    assert "1 removed (1 Production), 1 added (1 Production)" in summary
    comment = Path(out["diff-markdown"]).read_text(encoding="utf-8")
    assert comment.startswith("<!-- intgraph-diff -->") and comment in summary
    assert len(summary.encode("utf-8")) < 1024 * 1024
    # The user's checkout is left as it was.
    assert git(repo, "status", "--porcelain") == ""


def test_push_run_has_no_diff(repo: Path, tmp_path: Path) -> None:
    done, runner = _run_action(repo, tmp_path, event="push")
    assert done.returncode == 0, done.stderr
    assert "diff-markdown" not in _outputs(runner)
    assert "intgraph-diff" not in (runner / "summary.md").read_text(encoding="utf-8")


def test_gates_fail_the_step_after_writing_everything(repo: Path, tmp_path: Path) -> None:
    done, runner = _run_action(
        repo, tmp_path, LINT_FAIL_LEVEL="error", DIFF_FAIL_ON="removed-production"
    )
    assert done.returncode == 1, done.stderr
    out = _outputs(runner)
    assert Path(out["lint-sarif"]).is_file() and Path(out["diff-markdown"]).is_file()
    done, _ = _run_action(repo, tmp_path, DIFF_FAIL_ON="system-removed")
    assert done.returncode == 0, done.stderr


def test_shallow_clone_is_an_error_that_says_what_to_do(repo: Path, tmp_path: Path) -> None:
    base = git(repo, "rev-parse", "HEAD~1").strip()
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    done, _ = _run_action(clone, tmp_path, BASE=base)
    assert done.returncode == 2
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and "fetch-depth: 0" in errors[0]


def test_bad_input_is_an_error(repo: Path, tmp_path: Path) -> None:
    done, _ = _run_action(repo, tmp_path, ORPHANS_FAIL_ON="nonsense")
    assert done.returncode == 2
    assert "::error title=intgraph orphans::" in done.stdout
