"""The pre-commit hooks, run for real with ``pre-commit try-repo`` on a small vault kept
in a temporary git repository: a broken link fails, the fixed one passes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from tests.conftest import FIXTURES, ROOT
from tests.gitvault import git, write

NOTE = "Integrations/Clean Integration.md"


def test_hooks_file() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"intgraph-lint", "intgraph-orphans"}
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert hook["entry"].startswith("intgraph ")
        assert hook.get("always_run") or hook.get("files")


def _project(tmp_path: Path) -> Path:
    """The project as it is on disk (committed or not) in a fresh one-commit repository,
    so try-repo sees the current hooks file and never touches the project's own git."""
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    copy = tmp_path / "project"
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file() and not rel.startswith(("vault_fixtures/", "benchmarks/", "docs/")):
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / rel)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "snapshot")
    return copy


def _vault_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "notes"
    shutil.copytree(FIXTURES / "lint", repo)
    path = repo / NOTE
    text = path.read_text(encoding="utf-8")
    text = text.replace("- Next Review: 2027-05-01", "- Next Review: 2999-01-01")
    text = text.replace("- Last Tested: 2026-09-15", f"- Last Tested: {dt.date.today()}")
    path.write_text(text, encoding="utf-8")
    write(repo, {"Overview.md": "# Overview\nSee [[Clean Integration]] and [[Nowhere]].\n"})
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "vault")
    return repo


def _try(project: Path, repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("INTGRAPH_VAULT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(project), hook, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def _commit(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit")


def test_hooks_with_pre_commit_try_repo(tmp_path: Path) -> None:
    project = _project(tmp_path)
    repo = _vault_repo(tmp_path)
    home = tmp_path / "pre-commit-home"

    broken = _try(project, repo, "intgraph-orphans", home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout and "Overview.md,line=2" in broken.stdout
    assert "[[Nowhere]]" in broken.stdout

    _commit(repo, "Overview.md", "[[Nowhere]]", "[[Clean Design]]")
    fixed = _try(project, repo, "intgraph-orphans", home)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout

    clean = _try(project, repo, "intgraph-lint", home)
    assert clean.returncode == 0, clean.stdout + clean.stderr

    _commit(repo, NOTE, "**Status**: Production", "**Status**: Live")
    bad = _try(project, repo, "intgraph-lint", home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "IG301" in bad.stdout
