"""Random edits on a generated vault: the graph kept or patched from the cache, and every
command's output, equal a full rebuild's, byte for byte."""

from __future__ import annotations

import dataclasses
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest
from benchmarks.vaultgen import generate
from tests.test_determinism import _commands, _outputs

from intgraph import cache, incremental, pipeline
from intgraph.flows import Flows, row_text
from intgraph.graph import INTEGRATION, fields_of
from intgraph.pipeline import Landscape, load_vault


def _shape(landscape: Landscape) -> tuple[object, ...]:
    """Nodes, edges and adjacency orders (and template fields, loaded as a command would)."""
    g = landscape.graph
    fields = {n: fields_of(g, n) for n, d in g._node.items() if d["kind"] == INTEGRATION}
    return (
        fields,
        [(n, {k: v for k, v in d.items() if k != "fields"}) for n, d in g._node.items()],
        [(u, list(nbrs.items())) for u, nbrs in g._succ.items()],
        [(v, list(nbrs)) for v, nbrs in g._pred.items()],
    )


def _flows(landscape: Landscape) -> Flows:
    """The flows view, without the template fields a cold graph's nodes also hold."""
    flows = landscape.flows
    node = {n: {k: v for k, v in d.items() if k != "fields"} for n, d in flows.node.items()}
    return dataclasses.replace(flows, node=node)


def _edit(vault: Path, rng: random.Random, kind: str, cache: Path) -> None:
    notes = sorted((vault / "Integrations").rglob("*.md"))
    note = rng.choice(notes)
    text = note.read_text(encoding="utf-8")
    if kind == "prose":  # the graph cannot change
        note.write_text(text + f"\nA remark {rng.random()}.\n", encoding="utf-8")
    elif kind == "templater":  # a problem for orphans and lint, not for the graph
        note.write_text(text + "\n<% tp.date.now() %>\n", encoding="utf-8")
    elif kind == "status":
        note.write_text(re.sub(r"Production|Development|Planning", "Retired", text, count=1))
    elif kind == "link":
        note.write_text(text + "\nSee [[Order Design 00001]].\n", encoding="utf-8")
    elif kind in ("target", "source", "middleware"):  # rewired to a system in the vault
        systems = sorted(p.stem for p in (vault / "Systems").glob("*.md"))
        label = {"target": "Target System", "source": "Source System"}.get(kind)
        if label is None:
            text = re.sub(
                r"Components: \[\[[^\]]+\]\]", f"Components: [[{rng.choice(systems)}]]", text
            )
        else:
            at = text.find(label)
            head, tail = text[:at], text[at:]
            tail = re.sub(
                r"Name: \[\[[^\]]+\]\]", f"Name: [[{rng.choice(systems)}]]", tail, count=1
            )
            text = head + tail
        note.write_text(text, encoding="utf-8")
    elif kind == "title":
        note.write_text(re.sub(r"^# .*$", f"# Renamed {rng.random()}", text, count=1, flags=re.M))
    elif kind == "alias":
        system = rng.choice(sorted((vault / "Systems").glob("*.md")))
        system.write_text("---\ntype: system\naliases: [ZZ-ALIAS]\n---\n# X\n", encoding="utf-8")
    elif kind == "same-size":  # edited twice within the mtime's tick: seen by content only
        note.write_text(text.replace("e", "E", 1), encoding="utf-8")
        load_vault(vault, cache_dir=cache)
        stat = note.stat()
        note.write_text(text.replace("e", "3", 1), encoding="utf-8")
        os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize("seed", [3, 4])
def test_random_edits_equal_a_full_rebuild(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    rng = random.Random(seed)
    vault = tmp_path / "vault"
    generate(vault, 30, seed=seed)
    out = tmp_path / "out"
    out.mkdir()
    cache = tmp_path / "cache"
    commands = _commands(vault, out)
    load_vault(vault, cache_dir=cache)
    notes_cache = (cache / "notes.cache").read_bytes()
    kinds = ["prose", "templater", "status", "prose", "link", "same-size", "alias", "prose"]
    kinds += ["target", "source", "middleware", "title", "target", "status", "source"]
    patched: list[str] = []
    for kind in kinds:
        _edit(vault, rng, kind, cache)
        kept = load_vault(vault, cache_dir=cache)
        truth = load_vault(vault)
        assert _flows(kept) == _flows(truth), kind
        assert _shape(kept) == _shape(truth), kind
        # The rows' JSON text a patched or kept view holds is what the rebuild makes.
        held = list(kept.flows.text)
        assert dict(zip(held, row_text(truth.flows, held), strict=True)) == kept.flows.text, kind
        if kept.report.snapshot and kept.report.parsed:
            patched.append(kind)
        assert kept.notes == truth.notes
        assert kept.problems == truth.problems
        warm = _outputs(vault, out, ["--cache-dir", str(cache)], commands)
        assert warm == _outputs(vault, out, ["--no-cache"], commands), kind
    assert len(patched) >= 3
    # Edits to an integration's fields and links are patched into the saved graph too.
    assert set(patched) & {"status", "target", "source", "middleware", "title", "link"}
    # Few notes changed: they went to the notes delta, the notes cache was not rewritten.
    assert (cache / "notes.cache").read_bytes() == notes_cache
    assert (cache / "notes-delta.cache").exists()


def _rewire(note: Path, label: str, target: str) -> None:
    """Point the first Name under ``label`` (or the middleware) of ``note`` at ``target``."""
    text = note.read_text(encoding="utf-8")
    if label == "Components":
        text = re.sub(r"Components: \[\[[^\]]+\]\]", f"Components: [[{target}]]", text)
    else:
        at = text.find(label)
        tail = re.sub(r"Name: \[\[[^\]]+\]\]", f"Name: [[{target}]]", text[at:], count=1)
        text = text[:at] + tail
    note.write_text(text, encoding="utf-8")


def _later_note(landscape: Landscape, rng: random.Random) -> Path:
    """An integration note that is no system's first integration (so a rewiring among
    systems used earlier can be patched)."""
    flows = landscape.flows
    order = [n for n, d in flows.node.items() if d["kind"] == INTEGRATION]
    first: set[str] = set()
    for s, data in flows.node.items():
        if data["kind"] != INTEGRATION:
            users = {*flows.feeds.get(s, ()), *flows.fed_by.get(s, ()), *flows.routed.get(s, ())}
            if users:
                first.add(min(users, key=order.index))
    later = [n for n in order if n not in first]
    return landscape.files.root / flows.node[rng.choice(later)]["path"]


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_many_random_rewirings_patch_to_the_full_rebuilds_graph(seed: int, tmp_path: Path) -> None:
    """Forty edits in a row, each either patched or rebuilt: the flows view and the graph
    always equal a build from scratch (the cache is never cleared in between)."""
    rng = random.Random(seed)
    vault = tmp_path / "vault"
    generate(vault, 60, seed=seed)
    cache = tmp_path / "cache"
    landscape = load_vault(vault, cache_dir=cache)
    systems = sorted(p.stem for p in (vault / "Systems").glob("*.md"))
    ways = {"patched": 0, "rebuilt": 0}
    for step in range(40):
        note = _later_note(landscape, rng)
        label = rng.choice(["Target System", "Source System", "Components", "status"])
        if label == "status":
            text = note.read_text(encoding="utf-8")
            status = rng.choice(["Production", "Deprecated", "Planning", "Sunset"])
            note.write_text(re.sub(r"(\*\*Status\*\*: )\S+", rf"\g<1>{status}", text, count=1))
        else:
            pick = rng.choice(systems) if rng.random() < 0.9 else f"Brand New {step}"
            _rewire(note, label, pick)
        os.utime(note, ns=(1_600_000_000_000_000_000 + step, 1_600_000_000_000_000_000 + step))
        landscape = load_vault(vault, cache_dir=cache)
        truth = load_vault(vault)
        assert _flows(landscape) == _flows(truth), (step, label)
        assert _shape(landscape) == _shape(truth), (step, label)
        ways["patched" if landscape.report.snapshot else "rebuilt"] += 1
    assert ways["patched"] >= 20  # most rewirings among known systems are patched
    assert ways["rebuilt"] >= 1  # a brand-new system is not


def test_an_edit_naming_a_new_system_rebuilds(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    generate(vault, 20, seed=5)
    cache = tmp_path / "cache"
    landscape = load_vault(vault, cache_dir=cache)
    note = _later_note(landscape, random.Random(5))
    _rewire(note, "Target System", "A System Nobody Knew")
    os.utime(note, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    again = load_vault(vault, cache_dir=cache)
    assert not again.report.snapshot
    assert _flows(again) == _flows(load_vault(vault))


def test_a_status_edit_is_patched_and_parses_one_note(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    generate(vault, 20, seed=6)
    cache = tmp_path / "cache"
    landscape = load_vault(vault, cache_dir=cache)
    note = _later_note(landscape, random.Random(6))
    text = note.read_text(encoding="utf-8")
    note.write_text(re.sub(r"(\*\*Status\*\*: )\S+", r"\g<1>Deprecated", text, count=1))
    os.utime(note, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    again = load_vault(vault, cache_dir=cache)
    assert again.report.snapshot and again.report.parsed == 1
    assert "graph" not in again.__dict__  # answered from the patched flows view
    assert _flows(again) == _flows(load_vault(vault))
    assert again.flows.node[f"integration:{note.relative_to(vault).as_posix()}"]["status"] == (
        "Deprecated"
    )


def test_middleware_that_is_also_a_target_keeps_the_graphs_order(tmp_path: Path) -> None:
    """An integration's middleware list follows its adjacency, where a system that is also
    a target sits at its target's place: Components [[Y]], [[X]] with target X lists X
    first. The patch must give that order, as the full build does."""
    vault = tmp_path / "vault"
    generate(vault, 40, seed=8)
    cache = tmp_path / "cache"
    landscape = load_vault(vault, cache_dir=cache)
    flows = landscape.flows
    order = [n for n, d in flows.node.items() if d["kind"] == INTEGRATION]
    note = order[-1]  # the last integration: every system someone uses was used before it
    used = [
        s
        for s, d in flows.node.items()
        if d["kind"] != INTEGRATION
        and {*flows.feeds.get(s, ()), *flows.fed_by.get(s, ()), *flows.routed.get(s, ())} - {note}
        and d.get("path")
    ]
    x, y = (flows.node[s]["name"] for s in used[:2])
    path = vault / flows.node[note]["path"]
    _rewire(path, "Target System", x)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"Components: .*", f"Components: [[{y}]], [[{x}]]", text, count=1))
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    again = load_vault(vault, cache_dir=cache)
    assert again.report.snapshot  # patched
    assert _flows(again) == _flows(load_vault(vault))
    assert again.flows.ends[note][2] == (x, y)


@pytest.mark.parametrize(
    ("recent", "digest_of", "expected"),
    [
        ((), {}, True),  # nothing changed near the writing
        (("a.png",), {}, True),  # an attachment is never checked by content
        (("b.md",), {"b.md": "same"}, True),  # a note with the digest kept for it
        (("b.md",), {"b.md": "other"}, False),  # a note whose content changed
        (("b.md",), {}, False),  # a note with no digest kept
        (("a.png", "c.md"), {"c.md": "same"}, True),
        (("a.png", "c.md", "b.md"), {"c.md": "same", "b.md": "other"}, False),
    ],
)
def test_still_true_checks_only_notes_changed_near_the_writing(
    tmp_path: Path, recent: tuple[str, ...], digest_of: dict[str, str], expected: bool
) -> None:
    from intgraph.incremental import RACY_NS, still_true
    from intgraph.reader import digest
    from intgraph.vault import find_files

    for name in ("a.png", "b.md", "c.md", "d.md"):
        (tmp_path / name).write_bytes(name.encode())
    written = 2_000_000_000_000_000_000
    for name in ("a.png", "b.md", "c.md", "d.md"):
        when = written - (0 if name in recent else 5 * RACY_NS)
        os.utime(tmp_path / name, ns=(when, when))
    files = find_files(tmp_path)
    racy = {
        rel: digest(rel.encode()) if sha == "same" else b"another digest"
        for rel, sha in digest_of.items()
    }
    assert still_true(files, racy, written) is expected
    assert still_true(files, None, written) is False


def test_each_load_reads_the_saved_graph_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot is read before the vault's key is known (while the files are
    stat'ed), and that one reading serves a warm run, an alias and a patched edit."""
    vault = tmp_path / "vault"
    generate(vault, 20, seed=8)
    cache_dir = tmp_path / "cache"
    real_find = pipeline.find_files
    handed: list[bool] = []

    def find(*args: Any) -> Any:
        handed.append(args[3] is not None)  # the work done while the vault is walked
        return real_find(*args)

    monkeypatch.setattr(pipeline, "find_files", find)
    landscape = load_vault(vault, cache_dir=cache_dir)
    assert handed == [False], "with no saved graph, nothing is read beside the walk"
    assert load_vault(vault, cache_dir=cache_dir).report.snapshot  # warm
    assert handed == [False, False], "a small saved graph is read after the walk"
    monkeypatch.setattr(pipeline, "PEEK_MIN", 1)  # as large as a vault's of 2,000
    handed.clear()
    real_read = cache._read
    reads: list[str] = []

    def counted(directory: Path, kind: str, key: str | None) -> Any:
        reads.append(kind)
        return real_read(directory, kind, key)

    monkeypatch.setattr(cache, "_read", counted)
    assert load_vault(vault, cache_dir=cache_dir).report.snapshot  # warm
    assert handed == [True]
    assert reads.count(cache.GRAPH) == 1
    note = _later_note(landscape, random.Random(8))
    text = note.read_text(encoding="utf-8")
    note.write_text(re.sub(r"(\*\*Status\*\*: )\S+", r"\g<1>Retired", text, count=1))
    os.utime(note, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    for expected in ("patched", "warm after the patch"):
        reads.clear()
        again = load_vault(vault, cache_dir=cache_dir)
        assert again.report.snapshot, expected
        assert reads.count(cache.GRAPH) == 1, expected
    assert _flows(again) == _flows(load_vault(vault))
    note.write_text(text)  # back as it was (with a newer mtime): patched back
    os.utime(note, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    reads.clear()
    back = load_vault(vault, cache_dir=cache_dir)
    assert back.report.snapshot and reads.count(cache.GRAPH) == 1
    assert _flows(back) == _flows(landscape)
    # Prose the graph does not read: the saved graph stands, under an alias of the new key.
    note.write_text(text + "\nA closing remark.\n")
    os.utime(note, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    for expected in ("aliased", "warm through the alias"):
        reads.clear()
        again = load_vault(vault, cache_dir=cache_dir)
        assert again.report.snapshot and reads.count(cache.GRAPH) == 1, expected
        # The index of stats is read to patch, not once the alias stands.
        assert reads.count(incremental.STATS) == (expected == "aliased"), expected
        assert _flows(again) == _flows(landscape), expected


def _first_note(landscape: Landscape) -> Path:
    """The first integration note in note order: every system it names is its first."""
    flows = landscape.flows
    first = next(n for n, d in flows.node.items() if d["kind"] == INTEGRATION)
    return landscape.files.root / flows.node[first]["path"]


def test_a_status_edit_of_a_systems_first_integration_is_patched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    vault = tmp_path / "vault"
    generate(vault, 20, seed=9)
    cache_dir = tmp_path / "cache"
    note = _first_note(load_vault(vault, cache_dir=cache_dir))
    text = note.read_text(encoding="utf-8")
    note.write_text(re.sub(r"(\*\*Status\*\*: )\S+", r"\g<1>Deprecated", text, count=1))
    os.utime(note, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    again = load_vault(vault, cache_dir=cache_dir)
    assert again.report.snapshot and again.report.parsed == 1, "patched, not rebuilt"
    assert _flows(again) == _flows(load_vault(vault))
    out = tmp_path / "out"
    out.mkdir()
    commands = _commands(vault, out)
    warm = _outputs(vault, out, ["--cache-dir", str(cache_dir)], commands)
    assert warm == _outputs(vault, out, ["--no-cache"], commands)


def test_the_first_mention_of_a_system_without_a_note_still_rebuilds(tmp_path: Path) -> None:
    """A system with no note is named as its first mention writes it: an edit to that
    mention's text (the same system, a new name) is a rebuild, never a patch."""
    vault = tmp_path / "vault"
    generate(vault, 20, seed=9)
    cache_dir = tmp_path / "cache"
    landscape = load_vault(vault, cache_dir=cache_dir)
    first = _first_note(landscape)
    later = _later_note(landscape, random.Random(9))
    for note in (first, later):
        _rewire(note, "Target System", "Ghost System")
    load_vault(vault, cache_dir=cache_dir)
    _rewire(first, "Target System", "GHOST system")
    os.utime(first, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    again = load_vault(vault, cache_dir=cache_dir)
    assert not again.report.snapshot
    full = load_vault(vault)
    assert "GHOST system" in {d["name"] for d in full.flows.node.values()}
    assert _flows(again) == _flows(full)


def test_the_stats_index_holds_packed_stats_and_each_notes_digests(tmp_path: Path) -> None:
    """The index a build saves: the file list, the packed stats, and each note's two
    digests in note order (an unreadable note's empty content digest as zeros); the
    edit check finds exactly the notes whose stats changed, and refuses a torn index."""
    from intgraph import cache as store
    from intgraph.filestats import Packed
    from intgraph.incremental import (
        DIGEST,
        PAIR,
        RACY_NS,
        STATS,
        _changed,
        save_index,
        stats_key,
    )
    from intgraph.reader import digest
    from intgraph.vault import find_files

    root = tmp_path / "vault"
    root.mkdir()
    for name in ("a.md", "b.md", "c.md", "pic.png"):
        (root / name).write_bytes(name.encode())
    old = 1_000_000_000_000_000_000
    for name in ("a.md", "b.md", "c.md", "pic.png"):
        os.utime(root / name, ns=(old, old))
    files = find_files(root)
    digests = {
        rel: (digest(rel.encode()), bytes([i]) * DIGEST) for i, rel in enumerate(files.notes)
    }
    digests["c.md"] = (b"", digests["c.md"][1])  # an unreadable note: no content digest
    cache = tmp_path / "cache"
    written = old + 10 * RACY_NS
    save_index(cache, files, frozenset(), "graph key", digests, written)
    found = store.read(cache, STATS, stats_key(files, frozenset()))
    assert found is not None
    (key, all_files, sizes, mtimes, blob), at = found
    assert (key, all_files, at) == ("graph key", files.all_files, written)
    assert Packed(sizes, mtimes) == files.packed and len(blob) == PAIR * 3
    assert blob[:PAIR] == digests["a.md"][0] + digests["a.md"][1]
    assert blob[2 * PAIR : 2 * PAIR + DIGEST] == bytes(DIGEST)
    index = Packed(sizes, mtimes)
    assert _changed(files, index, blob, written) == []
    # Racy (the index written within a second of the files): each note is checked by
    # content; the one without a content digest never matches.
    assert _changed(files, index, blob, old + RACY_NS // 2) == ["c.md"]
    (root / "b.md").write_bytes(b"b.md, edited")
    (root / "pic.png").write_bytes(b"a picture, edited")  # an attachment is no note
    os.utime(root / "b.md", ns=(old, old))
    os.utime(root / "pic.png", ns=(old, old + 1))
    assert _changed(find_files(root), index, blob, written) == ["b.md"]
