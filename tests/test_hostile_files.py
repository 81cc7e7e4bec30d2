"""Hostile vault contents and cache files: no hang, no unbounded read, no crash.

Each test reproduces one of the reliability findings of issue 12. Anything that
could hang runs in a child process with a timeout, so a regression fails the test
instead of stalling the suite.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, ROOT

from intgraph import cache, vault
from intgraph.graph import INTEGRATION, fields_of
from intgraph.parse import parse_text
from intgraph.pipeline import load_vault
from intgraph.queries.impact import impact
from intgraph.render.impact import render_json, to_dict
from intgraph.safeio import NotRead, read_regular
from intgraph.vault import MAX_NOTE_BYTES, find_files

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
needs_dev = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")

#: Loads the vault given as argv[1] (cache in argv[2], or none) and prints what it saw.
CHILD = """
import json, sys
from intgraph.pipeline import load_vault
land = load_vault(sys.argv[1], cache_dir=sys.argv[2] or None)
print(json.dumps({"notes": [n.path for n in land.notes],
                  "attachments": list(land.files.attachments),
                  "problems": [[p.path, p.code] for p in land.problems],
                  "systems": sorted(d["name"] for _, d in land.graph.nodes(data=True)
                                    if d["kind"] == "system")}))
"""


def load_in_child(root: Path, cache_dir: Path | None = None) -> dict[str, list[object]]:
    """Load a vault in a child process that must finish within 60 seconds."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(cache_dir or "")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=True,
    )
    result: dict[str, list[object]] = json.loads(done.stdout)
    return result


@pytest.fixture
def flow(tmp_path: Path) -> Path:
    root = tmp_path / "flow"
    shutil.copytree(FIXTURES / "flow", root)
    return root


# Finding 1: a FIFO hangs the reader.


@needs_fifo
def test_fifo_note_and_attachment_are_recorded_and_skipped(flow: Path) -> None:
    os.mkfifo(flow / "Docs" / "x.md")
    os.mkfifo(flow / "Docs" / "pipe.pdf")
    seen = load_in_child(flow)
    assert "Docs/x.md" not in seen["notes"]
    assert "Docs/pipe.pdf" not in seen["attachments"]
    assert ["Docs/x.md", "not-a-file"] in seen["problems"]
    assert ["Docs/pipe.pdf", "not-a-file"] in seen["problems"]
    assert "Order Hub" in seen["systems"]


@needs_fifo
def test_fifo_reached_through_a_symlink_is_skipped(flow: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "elsewhere")
    (flow / "Docs" / "linked.md").symlink_to(tmp_path / "elsewhere")
    seen = load_in_child(flow)
    assert ["Docs/linked.md", "not-a-file"] in seen["problems"]


@needs_fifo
def test_read_regular_never_opens_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f")
    with pytest.raises(NotRead) as caught:
        read_regular(tmp_path / "f")
    assert caught.value.code == "not-a-file" and "FIFO" in caught.value.reason


@needs_fifo
def test_fifo_cache_files_are_ignored_and_replaced(flow: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    for kind in (cache.NOTES, cache.GRAPH):
        os.mkfifo(cache_dir / f"{kind}.cache")
    seen = load_in_child(flow, cache_dir)
    assert "Order Hub" in seen["systems"]
    for kind in (cache.NOTES, cache.GRAPH):
        written = cache_dir / f"{kind}.cache"
        assert written.is_file() and not written.is_fifo()  # renamed over, not written through
    assert load_in_child(flow, cache_dir) == seen


@needs_fifo
def test_fifo_obsidian_settings_are_ignored(flow: Path) -> None:
    (flow / ".obsidian").mkdir()
    os.mkfifo(flow / ".obsidian" / "templates.json")
    assert "Order Hub" in load_in_child(flow)["systems"]


# Finding 2: unbounded reads.


@needs_dev
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_note_linked_to_a_device_is_not_read(flow: Path, device: str) -> None:
    (flow / "zero.md").symlink_to(device)
    (flow / "zero.png").symlink_to(device)
    seen = load_in_child(flow)
    assert ["zero.md", "not-a-file"] in seen["problems"]
    assert ["zero.png", "not-a-file"] in seen["problems"]
    assert "zero.md" not in seen["notes"]


@needs_dev
def test_cache_file_linked_to_a_device_is_ignored(flow: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "notes.cache").symlink_to("/dev/zero")
    (cache_dir / "graph.cache").symlink_to("/dev/urandom")
    assert "Order Hub" in load_in_child(flow, cache_dir)["systems"]
    assert Path("/dev/zero").is_char_device()  # the link was replaced, not written through
    assert not (cache_dir / "notes.cache").is_symlink()


def test_note_over_the_cap_is_recorded_and_skipped(flow: Path) -> None:
    big = flow / "Docs" / "Huge.md"
    with big.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(MAX_NOTE_BYTES + 1)
    land = load_vault(flow)
    assert "Docs/Huge.md" in land.files.notes  # still a note: links to it resolve
    assert [p.code for p in land.problems if p.path == "Docs/Huge.md"] == ["too-large"]
    assert land.note("Docs/Huge.md").links == ()


def test_read_is_bounded_by_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_bytes(b"x" * 101)
    with pytest.raises(NotRead) as caught:
        read_regular(path, 100)
    assert caught.value.code == "too-large"
    assert read_regular(path, 101) == b"x" * 101
    assert read_regular(path) == b"x" * 101


def test_cap_applies_in_the_pipeline(flow: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = flow / "Systems" / "Dormant.md"
    monkeypatch.setattr(vault, "MAX_NOTE_BYTES", note.stat().st_size - 1)
    land = load_vault(flow)
    assert any(p.code == "too-large" and p.path == "Systems/Dormant.md" for p in land.problems)
    monkeypatch.setattr(vault, "MAX_NOTE_BYTES", note.stat().st_size)
    assert not any(p.path == "Systems/Dormant.md" for p in load_vault(flow).problems)


def test_cap_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert MAX_NOTE_BYTES == 50 * 1024 * 1024
    assert "50 MiB" in readme and "`too-large`" in readme and "`not-a-file`" in readme


# Finding 3: deep folders.


def test_a_thousand_nested_folders(tmp_path: Path) -> None:
    root = tmp_path / "v"
    root.mkdir()
    folder = root
    for _ in range(1200):  # deeper than the default recursion limit of 1000
        folder = folder / "d"
        folder.mkdir()
    (folder / "Deep.md").write_text("[[Order Hub]]\n", encoding="utf-8")
    try:
        files = find_files(root)
        assert files.notes == ("d/" * 1200 + "Deep.md",)
        assert load_vault(root).note("d/" * 1200 + "Deep.md").links[0].target == "Order Hub"
    finally:  # shutil.rmtree, which pytest cleans up with, recurses
        (folder / "Deep.md").unlink()
        while folder != root:
            folder.rmdir()
            folder = folder.parent


def test_symlink_loops_of_folders_end(flow: Path) -> None:
    (flow / "Systems" / "loop").symlink_to(flow, target_is_directory=True)
    (flow / "Docs" / "up").symlink_to("..", target_is_directory=True)
    files = find_files(flow)
    assert files.notes == find_files(FIXTURES / "flow").notes


def test_unlistable_folder_is_a_problem(flow: Path) -> None:
    locked = flow / "Locked"
    locked.mkdir()
    (locked / "x.md").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        files = find_files(flow)
    finally:
        locked.chmod(0o755)
    assert [(p.path, p.code) for p in files.problems] == [("Locked", "unreadable")]


# Finding 4: YAML alias bombs.


def list_bomb(key: str, levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    lines.append(f"{key}: *a{levels - 1}")
    return "---\n" + "\n".join(lines) + "\n---\n# T\n[[X]]\n"


def map_bomb(key: str, levels: int = 26) -> str:
    lines = ["a0: &a0 {p: x, q: x}"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} {{p: *a{i - 1}, q: *a{i - 1}}}")
    lines.append(f"{key}: *a{levels - 1}")
    return "---\n" + "\n".join(lines) + "\n---\n# T\n[[X]]\n"


def pairs_bomb(key: str, levels: int = 16) -> str:
    lines = ["a0: &a0 [x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 4) + "]")
    lines.append(f"{key}: !!pairs [a: *a{levels - 1}]")
    return "---\n" + "\n".join(lines) + "\n---\n# T\n[[X]]\n"


KEYS = [
    "generated_by", "type", "status", "integration_id", "version", "category",
    "classification", "tags", "aliases", "source", "targets", "via", "owner", "other",
]  # fmt: skip


@pytest.mark.parametrize("bomb", [list_bomb, map_bomb, pairs_bomb])
@pytest.mark.parametrize("key", KEYS)
def test_yaml_bombs_cost_nothing_under_any_key(bomb, key: str) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    note = parse_text("Bomb.md", bomb(key))
    assert time.perf_counter() - started < 2
    assert [link.target for link in note.links] == ["X"]
    assert not note.generated and not note.problems


def test_scalar_values_are_still_read() -> None:
    note = parse_text(
        "R.md",
        "---\ngenerated_by: IntGraph\nstatus: Production\nintegration_id: 2024\n"
        "tags: [integration, 7]\n---\n",
    )
    assert note.generated
    assert note.fields.status == "Production" and note.fields.integration_id == "2024"
    assert note.tags == ("integration", "7") and note.is_integration


# Finding 6: a cache of another layout with a valid checksum.


def forge(cache_dir: Path, kind: str, data: object) -> None:
    """Rewrite a cache file with ``data``: a valid header and checksum, another layout."""
    blob = (cache_dir / f"{kind}.cache").read_bytes()
    header = json.loads(blob[len(cache.MAGIC) :].split(b"\n", 1)[0])
    assert cache.write(cache_dir, kind, header["key"], data, header["written_ns"])
    assert cache.read(cache_dir, kind, header["key"]) is not None


def graph_payload(cache_dir: Path, kind: str = cache.GRAPH) -> tuple[object, ...]:
    blob = (cache_dir / f"{kind}.cache").read_bytes()
    header = json.loads(blob[len(cache.MAGIC) :].split(b"\n", 1)[0])
    found = cache.read(cache_dir, kind, header["key"])
    assert found is not None
    payload: tuple[object, ...] = found[0]
    return payload


def old_enough(root: Path) -> None:
    """Age every file so that the cache trusts stats and does not compare contents."""
    when = 1_600_000_000_000_000_000
    for path in root.rglob("*"):
        os.utime(path, ns=(when, when))


def bad_layouts(good: tuple[object, ...]) -> list[object]:
    """Light parts (flows view and aliases) of other layouts, each with a valid checksum."""
    (tables, aliases), racy = good  # type: ignore[misc]
    node, feeds, *_, ends, rank, tie, _homonyms, _text = tables
    first = next(iter(node))
    system = next(iter(feeds))

    def swap(at: int, value: object) -> tuple[object, ...]:
        return (tuple(value if i == at else t for i, t in enumerate(tables)), aliases)

    return [
        ("another", "layout"),
        ((tables[:10], aliases), racy),
        (swap(0, list(node)), racy),
        (swap(0, {**node, first: ("kind", "system")}), racy),
        (swap(0, {k: {"kind": v["kind"]} for k, v in node.items()}), racy),
        (swap(1, {**feeds, system: ("integration:nowhere",)}), racy),
        (swap(1, {**feeds, system: ["x"]}), racy),
        (((tables, {"Systems/X.md": ["X", 1]})), racy),
        ((tables, aliases), None),
        (swap(7, {"x": "system:nowhere"}), racy),
        (swap(8, []), racy),
        (swap(8, [(("x",), ("y",)), *ends[1:]]), racy),
        (swap(9, ["1", *rank[1:]]), racy),
        (swap(10, [*tie, 1]), racy),
        (swap(10, dict(enumerate(tie))), racy),
        (swap(11, {"x": ["system:nowhere"]}), racy),
        (swap(12, [("a", "b", "c")] * 2), racy),
    ]


RACY_LOST = 8  # the case whose racy digests are gone


@pytest.mark.parametrize("case", range(17))
def test_graph_cache_of_another_layout_is_rebuilt(flow: Path, tmp_path: Path, case: int) -> None:
    old_enough(flow)
    cache_dir = tmp_path / "cache"
    expected = to_dict(impact(load_vault(flow), "Order Hub"))
    load_vault(flow, cache_dir=cache_dir)
    good = graph_payload(cache_dir)
    forge(cache_dir, cache.GRAPH, bad_layouts(good)[case])
    again = load_vault(flow, cache_dir=cache_dir)
    assert to_dict(impact(again, "Order Hub")) == expected
    if case == RACY_LOST:
        # The graph itself is whole; the stats index (incremental) vouches for the notes.
        return
    assert not again.report.snapshot  # the forged snapshot was not used...
    assert graph_payload(cache_dir) == good  # ...and was rebuilt
    assert load_vault(flow, cache_dir=cache_dir).report.snapshot


@pytest.mark.parametrize(
    "forged",
    [
        lambda text: text[1:],  # truncated
        lambda text: b"",
        lambda text: marshal.dumps([("a", "b")] * len(marshal.loads(text))),
        lambda text: marshal.dumps([("a", "b", 3)] * len(marshal.loads(text))),
        lambda text: marshal.dumps(marshal.loads(text)[1:]),
        lambda text: marshal.dumps("abc"),
    ],
)
def test_row_text_of_another_layout_reads_as_none(
    flow: Path, tmp_path: Path, forged: Callable[[bytes], bytes]
) -> None:
    """The saved JSON text of the rows is decoded only when an answer uses it; text of
    another layout is then taken as none, and the rows are written from the answer."""
    old_enough(flow)
    cache_dir = tmp_path / "cache"
    expected = render_json(impact(load_vault(flow), "Order Hub"))
    load_vault(flow, cache_dir=cache_dir)
    (tables, aliases), racy = graph_payload(cache_dir)  # type: ignore[misc]
    forge(cache_dir, cache.GRAPH, (((*tables[:12], forged(tables[12])), aliases), racy))
    again = load_vault(flow, cache_dir=cache_dir)
    assert again.report.snapshot
    assert render_json(impact(again, "Order Hub")) == expected
    assert not again.flows.text


def bad_details(good: tuple[object, ...]) -> list[object]:
    """Detail parts (documents, adjacency, fields) of other layouts."""
    nodes, succ, blob = good  # type: ignore[misc]
    light = next(n for n, attrs in nodes.items() if attrs is None)  # type: ignore[attr-defined]
    return [
        ("another", "layout"),
        (nodes, succ),
        ({**nodes, light: {"kind": "system"}}, succ, blob),  # type: ignore[dict-item]
        (nodes, {**succ, light: {"nowhere": {}}}, blob),  # type: ignore[dict-item]
        (nodes, {**succ, light: {light: {"source": "x"}}}, blob),  # type: ignore[dict-item]
        (nodes, succ, "not bytes"),
        ({k: v for k, v in nodes.items() if k != light}, succ, blob),  # type: ignore[attr-defined]
    ]


def graph_bytes(graph: object) -> str:
    """Everything about a graph that an answer can see, as text (the template fields,
    loaded on first use, are compared with fields_of)."""
    nodes = [
        (n, {k: v for k, v in data.items() if k != "fields"})
        for n, data in graph.nodes(data=True)  # type: ignore[attr-defined]
    ]
    edges = list(graph.edges(keys=True, data=True))  # type: ignore[attr-defined]
    preds = [(n, list(graph.pred[n])) for n in graph]  # type: ignore[attr-defined]
    return repr((nodes, edges, preds))


@pytest.mark.parametrize("case", range(7))
def test_graph_detail_of_another_layout_is_built_from_the_notes(
    flow: Path, tmp_path: Path, case: int
) -> None:
    old_enough(flow)
    cache_dir = tmp_path / "cache"
    cold = load_vault(flow, cache_dir=cache_dir)
    expected = graph_bytes(cold.graph)
    good = graph_payload(cache_dir, cache.DETAIL)
    forge(cache_dir, cache.DETAIL, bad_details(good)[case])
    warm = load_vault(flow, cache_dir=cache_dir)
    assert warm.report.snapshot  # the light part was fine: the warm run used it
    assert graph_bytes(warm.graph) == expected  # the rest was built from the notes
    for node, data in cold.graph.nodes(data=True):
        if data["kind"] == INTEGRATION:
            assert fields_of(warm.graph, node) == fields_of(cold.graph, node)


def test_graph_detail_that_is_missing_is_built_from_the_notes(flow: Path, tmp_path: Path) -> None:
    old_enough(flow)
    cache_dir = tmp_path / "cache"
    cold = load_vault(flow, cache_dir=cache_dir)
    (cache_dir / f"{cache.DETAIL}.cache").unlink()
    warm = load_vault(flow, cache_dir=cache_dir)
    assert warm.report.snapshot and graph_bytes(warm.graph) == graph_bytes(cold.graph)


def test_fields_blob_of_another_layout_falls_back_to_the_notes(flow: Path, tmp_path: Path) -> None:
    import marshal

    old_enough(flow)
    cache_dir = tmp_path / "cache"
    cold = load_vault(flow, cache_dir=cache_dir)
    nodes, succ, _blob = graph_payload(cache_dir, cache.DETAIL)  # type: ignore[misc]
    forge(cache_dir, cache.DETAIL, (nodes, succ, marshal.dumps({"x": (1,)})))
    warm = load_vault(flow, cache_dir=cache_dir)
    assert warm.report.snapshot
    assert graph_bytes(warm.graph) == graph_bytes(cold.graph)
    for node, data in cold.graph.nodes(data=True):
        if data["kind"] == INTEGRATION:
            assert fields_of(warm.graph, node) == fields_of(cold.graph, node)


@pytest.mark.parametrize("encoded", [("short",), "x", None, (1,) * 11, "whole file"])
def test_notes_cache_of_another_layout_is_rebuilt(
    flow: Path, tmp_path: Path, encoded: object
) -> None:
    old_enough(flow)
    cache_dir = tmp_path / "cache"
    cold = load_vault(flow, cache_dir=cache_dir)
    (cache_dir / "graph.cache").unlink()
    blob = (cache_dir / "notes.cache").read_bytes()
    header = json.loads(blob[len(cache.MAGIC) :].split(b"\n", 1)[0])
    entries = cache.read(cache_dir, cache.NOTES, header["key"])
    assert entries is not None
    rel = "Systems/Billing.md"
    size, mtime, sha, _, graph_digest = entries[0][rel]
    forged = (
        ["a", "list"]
        if encoded == "whole file"
        else {**entries[0], rel: (size, mtime, sha, encoded, graph_digest)}
    )
    forge(cache_dir, cache.NOTES, forged)
    again = load_vault(flow, cache_dir=cache_dir)
    assert again.notes == cold.notes
    rebuilt = cache.read(cache_dir, cache.NOTES, header["key"])
    assert rebuilt is not None and rebuilt[0] == entries[0]


def test_cache_of_another_build_is_ignored(
    flow: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir = tmp_path / "cache"
    load_vault(flow, cache_dir=cache_dir)
    assert load_vault(flow, cache_dir=cache_dir).report.snapshot
    monkeypatch.setattr(cache, "build_id", lambda: "another build")
    assert not load_vault(flow, cache_dir=cache_dir).report.snapshot


def test_build_id_follows_the_source(tmp_path: Path) -> None:
    package = Path(cache.__file__).resolve().parent
    assert cache.build_id() == cache.source_digest(package) and len(cache.build_id()) == 32
    copy = tmp_path / "intgraph"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    first = cache.source_digest(copy)
    assert cache.source_digest(copy) == first  # a digest of the files, not of the moment
    with (copy / "render" / "console.py").open("a", encoding="utf-8") as handle:
        handle.write("# a renderer does not shape the cache\n")
    assert cache.source_digest(copy) == first
    for changed in ("codec.py", "parse/scan.py"):
        with (copy / changed).open("a", encoding="utf-8") as handle:
            handle.write("# another build\n")
        assert cache.source_digest(copy) != first
        first = cache.source_digest(copy)


def test_hostile_vault_reads_the_same_serial_parallel_cold_and_warm(
    flow: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intgraph import reader

    with (flow / "Huge.md").open("wb") as handle:
        handle.truncate(MAX_NOTE_BYTES + 1)
    (flow / "Bomb.md").write_text(list_bomb("generated_by"), encoding="utf-8")
    (flow / "Tabs.md").write_text(">\t[[Billing]]\n  - \t[[Nowhere]]\n", encoding="utf-8")
    old_enough(flow)  # so that the warm run trusts the files' stats
    if hasattr(os, "mkfifo"):
        os.mkfifo(flow / "Docs" / "pipe.md")
    if Path("/dev/zero").exists():
        (flow / "zero.md").symlink_to("/dev/zero")
    serial = load_vault(flow, workers=1)
    codes = {p.code for p in serial.problems}
    assert {"too-large"} <= codes <= {"too-large", "not-a-file"}
    assert [k.target for k in serial.note("Tabs.md").links] == ["Billing"]
    monkeypatch.setattr(reader, "PARALLEL_MIN", 1)
    monkeypatch.setattr(reader, "CHUNK", 3)
    parallel = load_vault(flow, workers=2)
    assert parallel.notes == serial.notes and parallel.problems == serial.problems
    cold = load_vault(flow, cache_dir=tmp_path / "cache")
    warm = load_vault(flow, cache_dir=tmp_path / "cache")
    assert warm.report.snapshot
    assert warm.notes == cold.notes == serial.notes
    assert warm.problems == cold.problems == serial.problems
