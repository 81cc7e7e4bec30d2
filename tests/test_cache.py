"""The cache and the parallel scan: never a wrong answer, faster when warm."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, run

from intgraph import reader
from intgraph.cache import MAGIC, default_dir
from intgraph.codec import decode, encode
from intgraph.pipeline import load_vault
from intgraph.queries.impact import impact
from intgraph.render.impact import to_dict

OLD = 1_600_000_000_000_000_000  # 2020-09-13, long before any cache in these tests


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A copy of the flow vault whose files all changed long ago."""
    root = tmp_path / "flow"
    shutil.copytree(FIXTURES / "flow", root)
    age(root)
    return root


def age(root: Path, when: int = OLD) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(when, when))


def answer(root: Path, cache: Path | None, query: str = "Order Hub") -> dict[str, object]:
    return to_dict(impact(load_vault(root, cache_dir=cache), query))


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_codec_round_trip(name: str) -> None:
    for note in load_vault(FIXTURES / name).notes:
        assert decode(encode(note)) == note


def test_parallel_scan_equals_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = load_vault(FIXTURES / "acme", workers=1)
    monkeypatch.setattr(reader, "PARALLEL_MIN", 1)
    monkeypatch.setattr(reader, "CHUNK", 7)
    assert reader.workers_for(50, 2) == 2
    parallel = load_vault(FIXTURES / "acme", workers=2)
    assert parallel.notes == serial.notes
    assert sorted(parallel.graph.edges(keys=True, data=True)) == sorted(
        serial.graph.edges(keys=True, data=True)
    )
    assert dict(parallel.graph.nodes(data=True)) == dict(serial.graph.nodes(data=True))


def test_cold_then_warm(vault: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = load_vault(vault, cache_dir=cache)
    assert cold.report.parsed == len(cold.notes) and not cold.report.snapshot
    assert (cache / "notes.cache").read_bytes().startswith(MAGIC)
    warm = load_vault(vault, cache_dir=cache)
    assert warm.report.snapshot
    assert warm.notes == cold.notes
    assert to_dict(impact(warm, "OH")) == to_dict(impact(cold, "OH"))
    assert sorted(warm.graph.edges(keys=True, data=True)) == sorted(
        cold.graph.edges(keys=True, data=True)
    )


def test_one_note_changed_is_the_only_one_parsed(vault: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = answer(vault, cache)
    note = vault / "Integrations" / "Orders to Billing.md"
    note.write_text(note.read_text(encoding="utf-8").replace("[[Billing]]", "[[Ledger]]"))
    age(note.parent, OLD + 5_000_000_000)
    landscape = load_vault(vault, cache_dir=cache)
    # Only the notes whose stats changed are parsed; the rewired target is patched into
    # the saved graph (see intgraph.patch), so no other note is even read from the cache.
    assert (landscape.report.parsed, landscape.report.reused) == (7, 0)
    assert landscape.report.snapshot
    after = to_dict(impact(landscape, "Order Hub"))
    assert after != before
    assert after == answer(vault, None)


def test_same_size_same_mtime_edit_is_caught_by_content(tmp_path: Path) -> None:
    root = tmp_path / "v"
    root.mkdir()
    note = root / "Feed.md"
    note.write_text("**Integration ID**: INT-2025-001\n- Name: [[Alpha]]\n", encoding="utf-8")
    stamp = note.stat().st_mtime_ns
    cache = tmp_path / "cache"
    load_vault(root, cache_dir=cache)
    note.write_text("**Integration ID**: INT-2025-001\n- Name: [[Omega]]\n", encoding="utf-8")
    os.utime(note, ns=(stamp, stamp))
    assert note.stat().st_size == len("**Integration ID**: INT-2025-001\n- Name: [[Omega]]\n")
    landscape = load_vault(root, cache_dir=cache)
    assert [k.target for k in landscape.notes[0].links] == ["Omega"]


def test_deleted_and_renamed_notes(vault: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_vault(vault, cache_dir=cache)
    (vault / "Integrations" / "Warehouse to CRM.md").unlink()
    (vault / "Systems" / "Billing.md").rename(vault / "Systems" / "Invoicing Platform.md")
    landscape = load_vault(vault, cache_dir=cache)
    paths = {n.path for n in landscape.notes}
    assert "Integrations/Warehouse to CRM.md" not in paths
    assert "Systems/Invoicing Platform.md" in paths and "Systems/Billing.md" not in paths
    assert to_dict(impact(landscape, "Order Hub")) == answer(vault, None)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],
        lambda b: b"",
        lambda b: b"garbage that is not a cache",
        lambda b: b.replace(b'"version": "', b'"version": "0.0.0-'),
        lambda b: b.replace(b'"format": ', b'"format": 9'),
        lambda b: b[:-10] + b"0123456789",
        lambda b: MAGIC + b"{not json}\n" + b"x" * 50,
    ],
    ids=["truncated", "empty", "foreign", "other-version", "other-format", "corrupt", "bad-header"],
)
def test_damaged_cache_is_discarded(vault: Path, tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    truth = answer(vault, None)
    answer(vault, cache)
    for name in ("notes.cache", "graph.cache"):
        path = cache / name
        path.write_bytes(damage(path.read_bytes()))
    landscape = load_vault(vault, cache_dir=cache)
    assert landscape.report.parsed == len(landscape.notes)
    assert to_dict(impact(landscape, "Order Hub")) == truth
    assert load_vault(vault, cache_dir=cache).report.snapshot


def test_concurrent_runs_both_answer_correctly(vault: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    command = [
        *(sys.executable, "-c", "from intgraph.cli import main; main()", "impact", "Order Hub"),
        *("--vault", str(vault), "--cache-dir", str(cache), "--format", "json"),
    ]
    truth = run("impact", "Order Hub", "--vault", str(vault), "--no-cache", "--format", "json")
    for _ in range(3):
        procs = [subprocess.Popen(command, stdout=subprocess.PIPE) for _ in range(4)]
        outputs = [p.communicate(timeout=60)[0] for p in procs]
        assert all(p.returncode == 0 for p in procs)
        assert all(json.loads(o) == json.loads(truth.stdout) for o in outputs)
    assert not list(cache.glob("*.tmp"))


def test_cli_cache_locations(vault: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    assert run("systems", "--vault", str(vault), "--cache-dir", str(mine)).exit_code == 0
    assert (mine / "notes.cache").exists() and (mine / "graph.cache").exists()
    assert run("systems", "--vault", str(vault)).exit_code == 0
    default = default_dir(vault)
    assert default.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
    assert (default / "graph.cache").exists()
    shutil.rmtree(default)
    assert run("systems", "--vault", str(vault), "--no-cache").exit_code == 0
    assert not default.exists()
    assert not any(p.name.endswith(".cache") for p in vault.rglob("*"))


def test_unwritable_cache_still_answers(vault: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("impact", "Order Hub", "--vault", str(vault), "--cache-dir", str(blocker / "c"))
    assert result.exit_code == 0 and "Billing" in result.stdout


def test_warm_run_uses_the_snapshot_and_loads_notes_lazily(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = load_vault(FIXTURES / "acme", cache_dir=cache)
    warm = load_vault(FIXTURES / "acme", cache_dir=cache)
    assert warm.report.snapshot
    assert "notes" not in warm.__dict__
    assert warm.notes == cold.notes


def test_progress_bar_only_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    from intgraph.cli import options

    quiet = options.ProgressBar(enabled=True)
    quiet.update(10, 100)
    assert quiet.bar is None  # not yet a second
    monkeypatch.setattr(options, "SHOW_AFTER", 0.0)
    shown = options.ProgressBar(enabled=True)
    with shown:
        shown.update(10, 100)
        assert shown.bar is not None
    off = options.ProgressBar(enabled=False)
    off.update(10, 100)
    assert off.bar is None


def test_the_progress_bar_draws_without_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A load forks its helpers only with no other thread: the bar starts none."""
    import threading

    from intgraph.cli import options

    monkeypatch.setattr(options, "SHOW_AFTER", 0.0)
    before = threading.active_count()
    bar = options.ProgressBar(enabled=True)
    with bar:
        bar.update(10, 100)
        assert bar.bar is not None
        bar.update(100, 100)
        assert threading.active_count() == before


def test_piped_output_has_no_progress(vault: Path) -> None:
    result = run("impact", "Order Hub", "--vault", str(vault), "--format", "json")
    assert result.stderr == ""
    json.loads(result.stdout)


def test_workers_option(monkeypatch: pytest.MonkeyPatch) -> None:
    """--workers and INTGRAPH_WORKERS reach the reader; 1 means serial; 0 is a usage error."""
    seen: list[int | None] = []
    real = reader.workers_for

    def spy(count: int, workers: int | None = None) -> int:
        seen.append(workers)
        return real(count, workers)

    monkeypatch.setattr(reader, "workers_for", spy)
    monkeypatch.setattr(reader, "PARALLEL_MIN", 1)
    acme = str(FIXTURES / "acme")
    serial = run("systems", "--vault", acme, "--no-cache", "--workers", "1", "--format", "json")
    assert serial.exit_code == 0 and seen[-1] == 1
    monkeypatch.setenv("INTGRAPH_WORKERS", "2")
    pooled = run("systems", "--vault", acme, "--no-cache", "--format", "json")
    assert pooled.exit_code == 0 and seen[-1] == 2
    assert pooled.output == serial.output
    assert reader.workers_for(5000, 1) == 1 and reader.workers_for(5000, 3) == 3
    assert run("systems", "--vault", acme, "--no-cache", "--workers", "0").exit_code == 2


def test_name_index_saved_with_the_graph(vault: Path, tmp_path: Path) -> None:
    """A warm load brings the system-name index; it equals a scan of the nodes, and it is
    rebuilt when nodes are added."""
    from intgraph import graph as graphs
    from intgraph.queries.lookup import find_system

    cold = load_vault(vault, cache_dir=tmp_path)
    warm = load_vault(vault, cache_dir=tmp_path)
    assert warm.report.snapshot and warm.graph in graphs._INDEXES
    saved = graphs.system_index(warm.graph)
    del graphs._INDEXES[warm.graph]
    assert graphs.system_index(warm.graph) == saved == graphs.system_index(cold.graph)
    assert find_system(warm.graph, warm.names, "order hub") == find_system(
        cold.graph, cold.names, "Order Hub"
    )
    warm.graph.add_node("system:zz new", kind="system", name="ZZ New", aliases=("zzn",))
    assert find_system(warm.graph, warm.names, "ZZN") == "system:zz new"


def test_warm_start_loads_no_parser(vault: Path, tmp_path: Path) -> None:
    """A warm run answers from the snapshot without importing the parse package or YAML."""
    cache = tmp_path / "cache"
    load_vault(vault, cache_dir=cache)
    args = ["impact", "Order Hub", "--vault", str(vault), "--cache-dir", str(cache)]
    code = (
        "import sys\nfrom intgraph.cli import main\ntry:\n"
        f"    main({[*args, '--format', 'json']!r})\nfinally:\n"
        "    loaded = [m for m in ('yaml', 'intgraph.parse') if m in sys.modules]\n"
        "    print(loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]", done.stderr[-300:]
    assert json.loads(done.stdout)["integrations"]
