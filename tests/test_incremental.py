"""Random edits on a generated vault: the graph kept or patched from the cache, and every
command's output, equal a full rebuild's, byte for byte."""

from __future__ import annotations

import dataclasses
import os
import random
import re
from pathlib import Path

import pytest
from benchmarks.vaultgen import generate
from tests.test_determinism import _commands, _outputs

from intgraph.flows import Flows
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
