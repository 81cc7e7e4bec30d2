"""Same vault, same bytes: every command and format cold, warm, uncached, after a touch
elsewhere, and parsed in parallel."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, run

from intgraph import reader

VAULTS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
OLD = 1_600_000_000_000_000_000


def _commands(vault: Path, out: Path) -> list[list[str]]:
    """Every command and format worth comparing on ``vault``."""
    listing = run("systems", "--vault", str(vault), "--no-cache", "--format", "json")
    systems = json.loads(listing.stdout)["systems"] if listing.exit_code == 0 else []
    commands: list[list[str]] = [["systems", "--format", f] for f in ("table", "json")]
    ci = ("sarif", "github", "gitlab", "rdjsonl")
    commands += [["orphans", "--format", f] for f in ("markdown", "json", "csv", "html", *ci)]
    commands += [["lint", "--today", "2026-01-01", "--format", f] for f in ("text", "json", *ci)]
    commands.append(["map", "--out", str(out / "map.html")])
    commands.append(["map", "--format", "svg", "--out", str(out / "map.svg")])
    commands.append(["map", "--format", "canvas", "--out", str(out / "map.canvas")])
    exports = ("json", "graphml", "gexf", "dot", "cypher", "structurizr", "backstage", "archimate")
    commands += [["export", "--format", f] for f in exports]
    # The busiest systems exercise the longest lists.
    busiest = sorted(
        systems,
        key=lambda s: -s["integrations_in"] - s["integrations_out"] - s["integrations_via"],
    )[:2]
    for system in busiest:
        for fmt in ("table", "json", "markdown", "mermaid", "csv"):
            commands.append(["impact", system["name"], "--direction", "both", "--format", fmt])
    commands += [["integrations", "--format", f] for f in ("table", "json", "csv", "markdown")]
    commands += [["critical", "--format", f] for f in ("table", "json", "csv", "markdown")]
    if busiest:
        name = busiest[0]["name"]
        commands += [["retire", name, "--format", f] for f in ("markdown", "json", "table")]
        commands += [["integrations", "--select", f"+{name}+", "--format", "json"]]
    if len(busiest) == 2:
        ends = [busiest[0]["name"], busiest[1]["name"]]
        commands += [["path", *ends, "--format", f] for f in ("table", "json", "mermaid")]
    return commands


def _outputs(vault: Path, out: Path, extra: list[str], commands: list[list[str]]) -> list[bytes]:
    results = []
    for command in commands:
        result = run(*command, "--vault", str(vault), *extra)
        page = Path(command[command.index("--out") + 1]) if "--out" in command else None
        body = page.read_bytes() if page and page.exists() else result.stdout_bytes
        results.append(f"{result.exit_code}\n".encode() + body)
        if page and page.exists():
            page.unlink()
    return results


@pytest.mark.parametrize("name", VAULTS)
def test_same_bytes_cold_warm_uncached_touched_and_parallel(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    vault = tmp_path / name
    shutil.copytree(FIXTURES / name, vault)
    for path in vault.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD, OLD))
    out = tmp_path / "out"
    out.mkdir()
    cache = ["--cache-dir", str(tmp_path / "cache")]
    commands = _commands(vault, out)
    outputs: Callable[[list[str]], list[bytes]] = lambda extra: _outputs(  # noqa: E731
        vault, out, extra, commands
    )

    uncached = outputs(["--no-cache"])
    cold = outputs(cache)  # the first command fills the cache, the rest read it warm
    warm = outputs(cache)
    notes = sorted(p for p in vault.rglob("*.md") if ".obsidian" not in p.parts)
    if notes:  # same bytes, new mtime: that note is parsed again and the graph rebuilt
        os.utime(notes[len(notes) // 2], ns=(OLD + 10**9, OLD + 10**9))
    touched = outputs(cache)
    monkeypatch.setattr(reader, "PARALLEL_MIN", 1)
    monkeypatch.setattr(reader, "CHUNK", 3)
    parallel = outputs(["--no-cache"])

    for label, other in (
        ("cold", cold),
        ("warm", warm),
        ("touched", touched),
        ("parallel", parallel),
    ):
        for command, a, b in zip(commands, uncached, other, strict=True):
            assert a == b, f"{label} differs from --no-cache for {command}"


def test_sources_keep_note_order_warm() -> None:
    """The reported bug: INT-2025-010 lists SAP ERP first, then Manhattan WMS."""
    for _ in range(2):
        result = run("impact", "SAP ERP", "--vault", str(FIXTURES / "acme"), "--format", "json")
        data = json.loads(result.stdout)
        by_id = {i["id"]: i for i in data["integrations"]}
        assert by_id["INT-2025-010"]["sources"] == ["SAP ERP", "Manhattan WMS"]
