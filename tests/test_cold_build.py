"""The streaming cold load: the graph built from the workers' records as they arrive equals
the graph built from every parsed note, and the notes cache written in parts reads back
whole (and is rejected when damaged)."""

from __future__ import annotations

import json
import marshal
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest
from benchmarks.vaultgen import generate
from tests.conftest import FIXTURES

from intgraph import build, cache, reader
from intgraph.assembly import add_documents, assemble, assemble_flows
from intgraph.build import cold_load
from intgraph.codec import encode
from intgraph.graph import DOCUMENT, INTEGRATION, build_graph, fields_of, flows_of, system_index
from intgraph.model import TEMPLATE_PLACEHOLDER_LINKS
from intgraph.names import SystemNames
from intgraph.pipeline import Landscape, fingerprint, load_vault, settle
from intgraph.reader import graph_digest, parse_one
from intgraph.records import blob_parts, fields_piece, graph_record, record_aliases
from intgraph.resolve import Resolver
from intgraph.snapshot import encode_graph
from intgraph.vault import find_files

VAULTS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
OLD = 1_600_000_000_000_000_000


def batch(landscape: Landscape) -> nx.MultiDiGraph:
    """The graph :func:`build_graph` makes of the landscape's notes (the reference)."""
    notes = landscape.notes
    aliases = {n.path: n.aliases for n in notes if n.aliases}
    return build_graph(notes, landscape.resolver, SystemNames(landscape.resolver, aliases))


def shape(graph: nx.MultiDiGraph) -> tuple[object, ...]:
    """Everything about a graph, in order: nodes and attributes (fields as
    :func:`fields_of` gives them), successors with keys and data, predecessors."""
    nodes = [
        (n, {k: v for k, v in d.items() if k != "fields"}) for n, d in list(graph._node.items())
    ]
    fields = {n: fields_of(graph, n) for n, d in graph._node.items() if d["kind"] == INTEGRATION}
    succ = [
        (u, [(v, list(keys.items())) for v, keys in nbrs.items()])
        for u, nbrs in graph._succ.items()
    ]
    pred = [(v, list(us)) for v, us in graph._pred.items()]
    shared = all(
        graph._pred[v][u] is keys for u, nbrs in graph._succ.items() for v, keys in nbrs.items()
    )
    return nodes, fields, succ, pred, shared


@pytest.mark.parametrize("name", VAULTS)
def test_streamed_graph_equals_the_batch_build(name: str) -> None:
    landscape = load_vault(FIXTURES / name, workers=1)
    assert shape(landscape.graph) == shape(batch(landscape))
    assert isinstance(landscape.graph, nx.MultiDiGraph)


def test_streamed_graph_equals_the_batch_build_on_a_generated_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path / "v", 400)
    serial = load_vault(tmp_path / "v", workers=1)
    reference = shape(batch(serial))
    assert shape(serial.graph) == reference
    monkeypatch.setattr(reader, "PARALLEL_MIN", 1)
    monkeypatch.setattr(reader, "CHUNK", 37)
    parallel = load_vault(tmp_path / "v", workers=2, cache_dir=tmp_path / "cache")
    assert shape(parallel.graph) == reference
    assert parallel.notes == serial.notes
    # Rebuilt from the notes cache alone (its parts read back), the graph is the same.
    (tmp_path / "cache" / "graph.cache").unlink()
    (tmp_path / "cache" / "stats.cache").unlink()
    again = load_vault(tmp_path / "v", workers=2, cache_dir=tmp_path / "cache")
    assert (again.report.parsed, again.report.snapshot) == (0, False)
    assert shape(again.graph) == reference


def test_many_small_chunks_on_three_workers_give_the_serial_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path / "v", 120)
    serial = shape(load_vault(tmp_path / "v", workers=1).graph)
    monkeypatch.setattr(reader, "PARALLEL_MIN", 1)
    monkeypatch.setattr(reader, "CHUNK", 5)
    assert shape(load_vault(tmp_path / "v", workers=3).graph) == serial


@pytest.mark.parametrize("name", ["acme", "flow", "middleware", "hostile"])
@pytest.mark.parametrize("behind", [False, True], ids=["inline", "written-behind"])
def test_snapshot_written_cold_equals_encode_graph(
    name: str, tmp_path: Path, behind: bool, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    root = FIXTURES / name
    if not root.is_dir():
        pytest.skip(f"no fixture {name}")
    monkeypatch.setattr(build, "WRITE_BEHIND_MIN", 1)  # a fixture vault is small
    cold = load_vault(root, cache_dir=tmp_path / "c", workers=1, write_behind=behind)
    assert len(forks) == 2 * behind, "written by two children exactly when asked to"
    settle()  # a child's writing, once done, is what writing in this process gives
    key = fingerprint(cold.files, cold.placeholders)
    found = cache.read(tmp_path / "c", cache.GRAPH, key)
    detail = cache.read(tmp_path / "c", cache.DETAIL, key)
    assert found is not None and detail is not None
    light, _racy = found[0]
    nodes, succ, blob = detail[0]
    want_light, want_detail = encode_graph(
        batch(cold), {n.path: n.aliases for n in cold.notes if n.aliases}
    )
    w_nodes, w_succ, w_blob = want_detail
    assert light == want_light
    assert [(n, list(a.items())) for n, a in light[0][0].items()] == [
        (n, list(a.items())) for n, a in want_light[0][0].items()
    ]  # every node, attribute and order too
    assert list(nodes.items()) == list(w_nodes.items())
    assert json.dumps(succ) == json.dumps(w_succ)  # every order too
    assert marshal.loads(blob) == marshal.loads(w_blob)
    assert blob == w_blob  # equal fields give equal bytes


def test_records_carry_what_the_graph_reads() -> None:
    """A record is taken from the encoded note; changing a field the graph reads changes
    it, and the graph digest, while lint-only fields change neither."""
    root = FIXTURES / "flow"
    files = find_files(root)
    rel = next(p for p in files.notes if p.startswith("Integrations/"))
    _sha, note = parse_one(root, rel, TEMPLATE_PLACEHOLDER_LINKS)
    encoded = encode(note)
    record = graph_record(encoded)
    assert record[0] == rel and record[3] is not None
    piece = fields_piece(rel, encoded[6])
    assert marshal.loads(b"".join(blob_parts([piece, piece]))) == {"integration:" + rel: encoded[6]}
    from dataclasses import replace

    moved = replace(note, fields=replace(note.fields, status="Retired"))
    assert graph_record(encode(moved))[3][2] == "Retired"
    assert graph_digest(encode(moved)) != graph_digest(encoded)
    problems = replace(note, problems=())
    assert graph_digest(encode(problems)) == graph_digest(encoded)


def test_record_aliases_and_assemble_on_records(tmp_path: Path) -> None:
    landscape = load_vault(FIXTURES / "acme", workers=1)
    records = [graph_record(encode(n)) for n in landscape.notes]
    aliases = record_aliases(records)
    assert aliases == {n.path: n.aliases for n in landscape.notes if n.aliases}
    graph = assemble(records, landscape.resolver, SystemNames(landscape.resolver, aliases))
    reference = batch(landscape)
    assert list(graph._node.items()) == [
        (n, {k: v for k, v in d.items() if k != "fields"}) for n, d in reference._node.items()
    ]
    assert system_index(graph) == system_index(reference)
    assert marshal.loads(b"".join(blob_parts([]))) == {}


@pytest.mark.parametrize("name", VAULTS)
@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_documents_are_added_when_the_graph_is_first_asked_for(
    name: str, cached: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold load answers from the flows: the document nodes and edges are added to its
    graph on first use, which then equals the batch build (and keeps its flows view).
    (With a cache folder, the children that write the snapshot add them to their copy.)"""
    monkeypatch.setattr(build, "WRITE_BEHIND_MIN", 1)
    directory = tmp_path if cached else None
    landscape = load_vault(FIXTURES / name, workers=1, cache_dir=directory, write_behind=True)
    settle()
    whole = landscape.load_graph
    assert isinstance(whole, build.WholeGraph)
    flows = landscape.flows
    kinds = {d["kind"] for d in whole.graph._node.values()}
    assert DOCUMENT not in kinds, "no document before the graph is asked for"
    assert flows_of(whole.graph) is flows
    reference = batch(landscape)
    assert shape(landscape.graph) == shape(reference)
    assert landscape.graph is whole.graph and whole() is whole.graph  # added once
    assert flows_of(landscape.graph) is flows, "the flows view is kept, not derived again"
    assert flows == flows_of(reference)


def test_assemble_is_the_flows_then_the_documents() -> None:
    landscape = load_vault(FIXTURES / "acme", workers=1)
    records = [graph_record(encode(n)) for n in landscape.notes]
    names = SystemNames(landscape.resolver, record_aliases(records))
    flows_only = assemble_flows(records, landscape.resolver, names)
    assert not [n for n, d in flows_only._node.items() if d["kind"] == DOCUMENT]
    whole = assemble(records, landscape.resolver, names)
    assert flows_of(flows_only) == flows_of(whole)
    add_documents(flows_only, records, landscape.resolver)

    def adjacency(graph: nx.MultiDiGraph) -> tuple[object, ...]:
        pred = [(v, list(us)) for v, us in graph._pred.items()]
        return list(graph._node.items()), json.dumps(graph._succ), pred

    assert adjacency(flows_only) == adjacency(whole)
    assert [n for n, d in flows_only._node.items() if d["kind"] == DOCUMENT]


def test_cold_load_keeps_no_notes(tmp_path: Path) -> None:
    """A cold load with a cache folder holds no parsed notes: they are read back from
    the notes cache when a command asks for them, equal to a serial parse's."""
    cold = load_vault(FIXTURES / "acme", cache_dir=tmp_path / "c")
    assert "notes" not in cold.__dict__
    assert cold.notes == load_vault(FIXTURES / "acme", workers=1).notes
    files = find_files(FIXTURES / "acme")
    marks = frozenset(TEMPLATE_PLACEHOLDER_LINKS)
    built = cold_load(files, marks, Resolver(files.all_files), None, "", 0, 1, None)
    assert built.kept is not None and built.parsed == len(files.notes)
    with_cache = cold_load(files, marks, Resolver(files.all_files), tmp_path / "d", "k", 0, 1, None)
    assert with_cache.kept is None


def test_notes_cache_is_written_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "v"
    generate(root, 60)
    for path in root.rglob("*"):
        os.utime(path, ns=(OLD, OLD))
    monkeypatch.setattr(reader, "CHUNK", 10)
    load_vault(root, cache_dir=tmp_path / "c", workers=1)
    blob = (tmp_path / "c" / "notes.cache").read_bytes()
    header = json.loads(blob[len(cache.MAGIC) :].split(b"\n", 1)[0])
    assert header["parts"] is True
    entries = cache.read(tmp_path / "c", cache.NOTES, header["key"])
    assert entries is not None and set(entries[0]) == set(find_files(root).notes)
    warm = load_vault(root, cache_dir=tmp_path / "c")
    assert warm.report.snapshot and warm.notes == load_vault(root, workers=1).notes


def test_parts_writer(tmp_path: Path) -> None:
    with cache.PartsWriter(tmp_path, "kind", "key", 5) as writer:
        writer.add(marshal.dumps({"a": 1, "b": 2}))
        writer.add(marshal.dumps({"b": 3, "c": (4,)}))
        assert writer.commit()
    assert cache.read(tmp_path, "kind", "key") == ({"a": 1, "b": 3, "c": (4,)}, 5)
    assert cache.read(tmp_path, "kind", "other key") is None
    whole = (tmp_path / "kind.cache").read_bytes()
    for damaged in (
        whole[:-3],
        whole[:-3] + b"xyz",
        whole.replace(b'"parts": true', b'"parts": 1'),
    ):
        (tmp_path / "kind.cache").write_bytes(damaged)
        assert cache.read(tmp_path, "kind", "key") is None
    assert not list(tmp_path.glob(".*.tmp"))


def test_parts_writer_without_commit_leaves_nothing(tmp_path: Path) -> None:
    with cache.PartsWriter(tmp_path, "kind", "key", 5) as writer:
        writer.add(marshal.dumps({"a": 1}))
    assert not list(tmp_path.iterdir())
    with pytest.raises(RuntimeError), cache.PartsWriter(tmp_path, "kind", "key", 5) as writer:
        writer.add(marshal.dumps({"a": 1}))
        raise RuntimeError("stopped")
    assert not list(tmp_path.iterdir())
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with cache.PartsWriter(blocker / "sub", "kind", "key", 5) as writer:
        assert not writer.ok
        writer.add(marshal.dumps({"a": 1}))
        assert not writer.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_part_that_is_not_a_dict_is_rejected(tmp_path: Path) -> None:
    with cache.PartsWriter(tmp_path, "kind", "key", 5) as writer:
        writer.add(marshal.dumps(["not", "a", "dict"]))
        writer.commit()
    assert cache.read(tmp_path, "kind", "key") is None
    shutil.rmtree(tmp_path)


def test_spliced_payload_is_what_marshal_makes_of_the_blob_in_place(tmp_path: Path) -> None:
    whole_blob = marshal.dumps({"integration:a.md": ("x", 1, None)})
    blob = [whole_blob[:3], whole_blob[3:10], whole_blob[10:]]
    shared = "shared string"
    marker = b"marker " + os.urandom(16)
    data = ({"a": shared, "b": shared, "n": 70000}, [marker, "tail", 70000], {"racy": b"1"})
    pieces = cache.spliced(data, marker, blob)
    assert pieces is not None
    held = bytes(whole_blob)  # held elsewhere too, as the marker is: marshal flags both alike
    whole = ({"a": shared, "b": shared, "n": 70000}, [held, "tail", 70000], {"racy": b"1"})
    assert b"".join(bytes(p) for p in pieces) == marshal.dumps(whole)
    assert cache.write_payload(tmp_path, "kind", "key", pieces, 9)
    assert cache.read(tmp_path, "kind", "key") == (whole, 9)
    assert cache.spliced(data, b"absent marker", blob) is None
    twice = (marker, marker + b"!", marker)
    assert cache.spliced(twice, marker, blob) is None


def test_blob_parts_are_the_marshalled_dict_of_the_pieces() -> None:
    pieces = [fields_piece("a.md", ("f",)), fields_piece("b.md", ("g", 2))]
    parts = blob_parts(pieces)
    expected = {"integration:a.md": ("f",), "integration:b.md": ("g", 2)}
    assert marshal.loads(b"".join(parts)) == expected
    assert b"".join(parts) == marshal.dumps(expected, 2)
