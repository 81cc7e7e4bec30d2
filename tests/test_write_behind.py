"""A cold load that leaves its graph snapshot to a child: the process answers while the
child writes, and the cache is whole (written here if the child fails) once settled."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from benchmarks.vaultgen import generate
from click.testing import CliRunner

from intgraph import build, cache, pipeline
from intgraph.cli import main
from intgraph.pipeline import load_vault, settle

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the child is forked (Linux)")


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated vault of 20 integrations, large enough here to be written behind."""
    monkeypatch.setattr(build, "WRITE_BEHIND_MIN", 1)
    root = tmp_path / "vault"
    generate(root, 20, seed=11)
    return root


def _saves_here(
    monkeypatch: pytest.MonkeyPatch, fail_in_child: bool = False
) -> list[tuple[str, ...]]:
    """The parts of the snapshot writes this process makes (a forked child records in
    its own copy of the list); with ``fail_in_child``, a child's write raises."""
    parent = os.getpid()
    real = build._save_graph
    here: list[tuple[str, ...]] = []

    def counted(*args: Any, parts: tuple[str, ...] = build.PARTS) -> None:
        if os.getpid() == parent:
            here.append(parts)
        elif fail_in_child:
            raise OSError("the child's disk is full")
        real(*args, parts=parts)

    monkeypatch.setattr(build, "_save_graph", counted)
    return here


def _derivations(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """Append the pid of each process that derives a flows view to ``log`` (a file: a
    forked child's writes reach it too)."""
    from intgraph import graph

    real = graph.orders

    def logged(*args: Any) -> Any:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args)

    monkeypatch.setattr(graph, "orders", logged)


def _no_child_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@linux_only
def test_a_child_writes_the_snapshot_and_settling_waits_for_it(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = _saves_here(monkeypatch)
    cold = load_vault(vault, cache_dir=tmp_path / "c", write_behind=True)
    assert cache._BEHIND, "the snapshot is left to a child"
    settle()
    assert not cache._BEHIND and here == [], "written by the child, not here"
    _no_child_left()
    warm = load_vault(vault, cache_dir=tmp_path / "c")
    assert warm.report.snapshot
    assert warm.flows == cold.flows == load_vault(vault).flows


@linux_only
def test_what_a_failed_child_did_not_write_is_written_on_settling(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = _saves_here(monkeypatch, fail_in_child=True)
    load_vault(vault, cache_dir=tmp_path / "c", write_behind=True)
    assert here == []
    settle()
    assert sorted(here) == [("detail",), ("light",)], "each part written here once its child failed"
    _no_child_left()
    assert load_vault(vault, cache_dir=tmp_path / "c").report.snapshot


def test_a_load_first_settles_what_is_being_written_into_its_cache(
    vault: Path, tmp_path: Path
) -> None:
    load_vault(vault, cache_dir=tmp_path / "c", write_behind=True)
    again = load_vault(vault, cache_dir=tmp_path / "c")  # no settle() in between
    assert again.report.snapshot and not cache._BEHIND
    _no_child_left()


def test_without_write_behind_the_snapshot_is_written_before_the_load_returns(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = _saves_here(monkeypatch)
    load_vault(vault, cache_dir=tmp_path / "c")
    assert here == [build.PARTS] and not cache._BEHIND
    assert cache.size(tmp_path / "c", cache.GRAPH) > 0


def test_a_small_vault_is_written_before_the_load_returns(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = len(list(vault.rglob("*.md")))
    monkeypatch.setattr(build, "WRITE_BEHIND_MIN", notes + 1)
    here = _saves_here(monkeypatch)
    load_vault(vault, cache_dir=tmp_path / "c", write_behind=True)
    assert here == [build.PARTS] and not cache._BEHIND, "no child for so little to write"


@pytest.mark.parametrize("command", [["systems"], ["impact", "Order ERP 00000"]])
def test_a_command_ends_with_its_cache_written(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    args = [*command, "--vault", str(vault), "--format", "json"]
    cached = [*args, "--cache-dir", str(tmp_path / "c")]
    first = CliRunner().invoke(main, cached)
    assert first.exit_code == 0, first.output
    assert not cache._BEHIND and cache.size(tmp_path / "c", cache.GRAPH) > 0
    _no_child_left()
    monkeypatch.setattr(pipeline, "PEEK_MIN", 1)  # warm: the vault walked by a child too
    second = CliRunner().invoke(main, cached)
    assert second.exit_code == 0 and second.output == first.output
    assert CliRunner().invoke(main, [*args, "--no-cache"]).output == first.output
    _no_child_left()


@linux_only
def test_ctrl_c_does_not_stop_the_child_that_writes_the_cache(
    tmp_path: Path, forks: list[int]
) -> None:
    parent = os.getpid()
    here: list[int] = []

    def save() -> None:
        if os.getpid() == parent:
            here.append(parent)
        time.sleep(0.5)  # long enough for the interrupt to arrive while it writes
        (tmp_path / "written").write_text(str(os.getpid()), encoding="utf-8")

    cache.write_behind(tmp_path, save)
    assert len(forks) == 1
    time.sleep(0.1)
    os.kill(forks[0], signal.SIGINT)
    cache.settle(tmp_path)
    assert here == [], "the child was not interrupted, so nothing is written again here"
    assert (tmp_path / "written").read_text(encoding="utf-8") == str(forks[0])
    _no_child_left()


@linux_only
def test_the_flows_view_is_derived_once_before_the_child_is_forked(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "derived.log"
    _derivations(monkeypatch, log)
    load_vault(vault, cache_dir=tmp_path / "c", write_behind=True)
    assert cache._BEHIND, "the snapshot is left to a child"
    settle()
    assert log.read_text(encoding="utf-8").split() == [str(os.getpid())]


@linux_only
def test_the_two_parts_are_written_by_two_children_at_once(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "parts.log"
    real = build._save_graph

    def logged(*args: Any, parts: tuple[str, ...] = build.PARTS) -> None:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {' '.join(parts)}\n")
        real(*args, parts=parts)

    monkeypatch.setattr(build, "_save_graph", logged)
    load_vault(vault, cache_dir=tmp_path / "c", write_behind=True)
    assert len(cache._BEHIND[cache._where(tmp_path / "c")]) == 2
    settle()
    _no_child_left()
    written = dict(line.split()[::-1] for line in log.read_text(encoding="utf-8").splitlines())
    assert sorted(written) == ["detail", "light"]
    assert len({*written.values(), str(os.getpid())}) == 3, "two children, neither this one"
    assert (
        cache.size(tmp_path / "c", cache.GRAPH) > 0 and cache.size(tmp_path / "c", cache.DETAIL) > 0
    )
    warm = load_vault(vault, cache_dir=tmp_path / "c")
    assert warm.report.snapshot
    edges = list(warm.graph.edges(keys=True, data=True))
    assert edges == list(load_vault(vault).graph.edges(keys=True, data=True))
