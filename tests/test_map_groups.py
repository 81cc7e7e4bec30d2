"""The map's middleware-on-the-flow arrows, grouping, focus columns and SVG export."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import yaml
from tests.conftest import FIXTURES, fixture, run

from intgraph.pipeline import Landscape, load_vault
from intgraph.render.html_map import map_data, write_map
from intgraph.render.map_data import segments
from intgraph.render.map_groups import NO_NOTE
from intgraph.render.svg_map import group_flows, render_svg

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def acme() -> Landscape:
    return load_vault(fixture("acme"))


@pytest.fixture(scope="module")
def flow() -> Landscape:
    return load_vault(fixture("flow"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Landscape:
    from benchmarks.vaultgen import generate

    made = generate(tmp_path_factory.mktemp("gen") / "vault", 1400, seed=3)
    landscape = load_vault(made.root)
    assert sum(1 for _, d in landscape.graph.nodes(data=True) if d["kind"] == "system") > 300
    return landscape


def test_segments() -> None:
    assert segments([1, 2], [3], []) == [(1, 3), (2, 3)]
    assert segments([1], [3, 4], [9]) == [(1, 9), (9, 3), (9, 4)]
    assert segments([1], [3], [8, 9]) == [(1, 8), (8, 9), (9, 3)]
    assert segments([9], [3], [9]) == [(9, 3)]  # the middleware is its own source
    assert segments([], [3], [9]) == [(9, 3)]
    assert segments([1], [1], []) == [(1, 1)]  # a direct loop stays


def test_middleware_sits_on_the_flow(flow: Landscape) -> None:
    data = map_data(flow)
    names = [n["name"] for n in data.nodes]
    kafka = f"n{names.index('Kafka')}"
    record = next(r for r in data.records if r["ref"] == "INT-2025-001")
    drawn = {(e["from"], e["to"]) for e in data.edges if data.records[e["i"]] is record}
    hub, billing = f"n{names.index('Order Hub')}", f"n{names.index('Billing')}"
    assert drawn == {(hub, kafka), (kafka, billing)}


def _owner(path: Path) -> str | None:
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1]) if text.startswith("---") else {}
    owner = (front or {}).get("owner")
    return str(owner).strip('[]" ') if owner else None


def test_acme_is_grouped_by_owner_by_default(acme: Landscape) -> None:
    data = map_data(acme)
    assert data.grouping.mode == "owner" and not data.collapsed
    labels = [g["label"] for g in data.groups]
    for node in data.nodes:
        expected = _owner(FIXTURES / "acme" / node["path"]) if node["path"] else None
        assert labels[node["g"]] == (expected or "(no owner)"), node["name"]
    assert sum(g["count"] for g in data.groups) == len(data.nodes)
    sap = next(n for n in data.nodes if n["name"] == "SAP ERP")
    assert labels[sap["g"]] == "David Kowalski"


def test_group_members_sit_together(acme: Landscape) -> None:
    data = map_data(acme)
    boxes = {}
    for group in range(len(data.groups)):
        points = [(n["x"], n["y"]) for n in data.nodes if n["g"] == group]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        boxes[group] = (min(xs), min(ys), max(xs), max(ys))
    for a, (l1, t1, r1, b1) in boxes.items():
        for b, (l2, t2, r2, b2) in boxes.items():
            if a < b:
                assert r1 < l2 or r2 < l1 or b1 < t2 or b2 < t1, (a, b)


def test_group_by_folder_and_none(acme: Landscape) -> None:
    data = map_data(acme, group_by="folder")
    labels = [g["label"] for g in data.groups]
    for node in data.nodes:
        folder = node["path"].rsplit("/", 1)[0] if node["path"] else NO_NOTE
        assert labels[node["g"]] == folder
    none = map_data(acme, group_by="none")
    assert none.groups == [] and all("g" not in n for n in none.nodes)
    assert none.settle and not data.settle


def test_large_landscape_is_grouped_collapsed_and_deterministic(generated: Landscape) -> None:
    data = map_data(generated)
    assert data.grouping.mode == "folder" and data.collapsed
    assert len(data.groups) >= 5
    # the one big folder is split into its communities, named after their busiest system
    assert sum(1 for g in data.groups if g["label"].startswith("Systems · around ")) >= 4
    counts = Counter(n["g"] for n in data.nodes)
    assert [g["count"] for g in data.groups] == [counts[i] for i in range(len(data.groups))]
    again = map_data(generated)
    assert again.groups == data.groups and again.nodes == data.nodes
    community = map_data(generated, group_by="community")
    assert community.grouping.mode == "community"
    middleware = {n["g"] for n in community.nodes if n["kind"] == "middleware"}
    assert [community.groups[g]["label"] for g in middleware] == ["Middleware"]
    flows = group_flows(data)
    assert flows == sorted(flows, key=lambda f: (-f[2], f[0], f[1])) and flows[0][2] > 1
    for a, b in ((g, h) for g in data.groups for h in data.groups if g is not h):
        assert (a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2 >= (a["r"] + b["r"]) ** 2 * 0.99


def test_focus_columns_and_both_ways(flow: Landscape) -> None:
    data = map_data(flow, focus="Order Hub", direction="both")
    by_name = {n["name"]: n for n in data.nodes}
    for name in ("Reporting", "CRM", "Ledger", "Billing", "Warehouse"):
        assert by_name[name]["distance"] == 0 and by_name[name]["both"] is True
        assert by_name[name]["x"] == 0 and by_name[name]["y"] > 0
    assert by_name["Data Lake"]["distance"] == 3 and by_name["Data Lake"]["x"] > 0
    assert data.focus is not None
    labels = [c["label"] for c in data.focus["columns"]]
    assert labels == ["SYSTEM (below: both up- and downstream)", "downstream 1", "downstream 3"]
    up = map_data(flow, focus="Data Lake", direction="upstream")
    assert up.focus is not None
    assert [c["label"] for c in up.focus["columns"]] == [
        "upstream 4",
        "upstream 3",
        "upstream 2",
        "upstream 1",
        "SYSTEM",
    ]
    xs = [c["x"] for c in up.focus["columns"]]
    assert xs == sorted(xs)


def test_svg_export(tmp_path: Path, acme: Landscape) -> None:
    out = write_map(acme, tmp_path / "map.svg", fmt="svg")
    root = ET.fromstring(out.read_text(encoding="utf-8"))
    assert root.tag == f"{SVG}svg"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    data = map_data(acme)
    for node in data.nodes:
        assert node["name"] in texts
    for group in data.groups:
        assert f"{group['label']} ({group['count']})" in texts
    drawn = [p for p in root.iter(f"{SVG}path") if p.get("class") == "arrow"]
    assert len(drawn) == len(data.arrows)
    assert sum(1 for p in drawn if " Q" in (p.get("d") or "")) == sum(
        1 for a in data.arrows if "curve" in a
    )
    dashed = [ln for ln in drawn if ln.get("stroke-dasharray")]
    assert len(dashed) == sum(1 for a in data.arrows if a["cls"] != "production")


def test_svg_escapes_hostile_text(tmp_path: Path) -> None:
    hostile = load_vault(fixture("hostile"))
    text = render_svg(map_data(hostile))
    root = ET.fromstring(text)
    assert not [el for el in root.iter() if el.tag.split("}")[-1] in ("script", "foreignObject")]
    assert not [a for el in root.iter() for a in el.attrib if a.lower().startswith("on")]
    assert "<img" not in text and "<script" not in text
    names = {t.text for t in root.iter(f"{SVG}text")}
    assert "<img src=x onerror=window.__pwned=1>" in names


def test_svg_of_a_large_landscape_shows_groups(generated: Landscape) -> None:
    data = map_data(generated)
    root = ET.fromstring(render_svg(data))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "group"]
    assert len(groups) == len(data.groups)
    assert not [g for g in root.iter(f"{SVG}g") if g.get("class") == "system"]


def test_cli_group_by_and_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = run("map", "--vault", fixture("flow"), "--group-by", "folders")
    assert bad.exit_code == 2 and "folders" in bad.output
    bad = run("map", "--vault", fixture("flow"), "--format", "png")
    assert bad.exit_code == 2
    bad = run("map", "--vault", fixture("flow"), "--status", "Productoin")
    assert bad.exit_code == 2 and "unknown status" in bad.output
    monkeypatch.chdir(tmp_path)
    done = run("map", "--vault", fixture("flow"), "--format", "svg", "--group-by", "none")
    assert done.exit_code == 0, done.output
    assert (tmp_path / "reports" / "map.svg").read_text(encoding="utf-8").startswith("<?xml")
    done = run("map", "--vault", fixture("acme"), "--group-by", "folder")
    assert done.exit_code == 0, done.output
    html = (tmp_path / "reports" / "map.html").read_text(encoding="utf-8")
    assert re.search(r'"groupBy":"folder"', html)
    assert "2 groups by folder" in html  # Systems, and the systems without a note
