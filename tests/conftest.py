"""Shared test helpers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from intgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "vault_fixtures"


def fixture(name: str) -> str:
    """The path of a named fixture vault."""
    return str(FIXTURES / name)


def run(*args: str) -> Result:
    """Run the CLI in-process and return click's Result."""
    return CliRunner().invoke(main, list(args), catch_exceptions=True)


def run_json(*args: str) -> Any:
    """Run the CLI with --format json; assert exit 0 and return the parsed JSON."""
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def flow() -> str:
    return fixture("flow")


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own empty default cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children this process forks during the test, in order."""
    children: list[int] = []
    real_fork = os.fork

    def recorded_fork() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded_fork)
    return children
