"""The HTML architecture map without a browser: data, escaping, determinism, focus."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import FIXTURES, fixture

from intgraph.errors import OutputError, UnknownSystemError
from intgraph.graph import INTEGRATION, SYSTEM
from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.impact import DIRECTIONS, impact
from intgraph.render.html_map import embed_json, map_data, render_map, write_map
from intgraph.render.map_data import obsidian_url, status_class
from intgraph.render.map_layout import distance_layout, layered_layout

WHEN = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)
VAULTS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


class Page(HTMLParser):
    """The tags, attributes and script bodies of a page, as a browser's tokenizer sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.doctype: str | None = None
        self._open: str | None = None
        self._attrs: dict[str, str | None] = {}
        self.feed(html)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open, self._attrs = tag, dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts.append((self._attrs, data))
        elif self._open == "style":
            self.styles.append(data)
        self._open = None

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def data(self) -> Any:
        [(_, text)] = [(a, t) for a, t in self.scripts if a.get("type") == "application/json"]
        return json.loads(text)


@pytest.fixture(scope="module")
def flow() -> Landscape:
    return load_vault(fixture("flow"))


@pytest.fixture(scope="module")
def hostile() -> Landscape:
    return load_vault(fixture("hostile"))


def arrows(landscape: Landscape) -> int:
    """Arrows the map must draw: each integration's distinct sources × distinct targets, or,
    routed through middleware, source → middleware, middleware → next middleware and
    middleware → target (distinct, and none from a system to itself)."""
    graph = landscape.graph
    total = 0
    for node, data in graph.nodes(data=True):
        if data["kind"] == INTEGRATION:
            sources = {u for u, _, r in graph.in_edges(node, data="role") if r == "source"}
            targets = {v for _, v, r in graph.out_edges(node, data="role") if r == "target"}
            via = [v for _, v, r in graph.out_edges(node, data="role") if r == "via"]
            if not via:
                total += len(sources) * len(targets)
                continue
            hops = {(s, via[0]) for s in sources} | {(via[-1], t) for t in targets}
            hops |= set(itertools.pairwise(via))
            total += sum(1 for a, b in hops if a != b)
    return total


@pytest.mark.parametrize("name", VAULTS)
def test_every_system_integration_and_arrow(name: str) -> None:
    landscape = load_vault(fixture(name))
    graph = landscape.graph
    payload = Page(render_map(landscape, generated=WHEN)).data()
    systems = [n for n, d in graph.nodes(data=True) if d["kind"] == SYSTEM]
    integrations = [n for n, d in graph.nodes(data=True) if d["kind"] == INTEGRATION]
    assert len(payload["nodes"]) == len(systems)
    assert len(payload["integrations"]) == len(integrations)
    assert sum(len(a["items"]) for a in payload["arrows"]) == arrows(landscape)
    bundles = {(a["from"], a["to"], a["cls"]) for a in payload["arrows"]}
    assert len(bundles) == len(payload["arrows"])
    drawn = {i for a in payload["arrows"] for i in a["items"]}
    assert payload["undrawn"] == len(integrations) - len(drawn)


def test_flow_payload(flow: Landscape) -> None:
    data = map_data(flow)
    names = [n["name"] for n in data.nodes]
    assert names == sorted(names, key=str.lower)
    kafka = next(n for n in data.nodes if n["name"] == "Kafka")
    assert (kafka["kind"], kafka["via"]) == ("middleware", 3)
    hub = next(n for n in data.nodes if n["name"] == "Order Hub")
    assert (hub["in"], hub["out"], hub["aliases"]) == (1, 3, ["OH", "Order Management"])
    assert hub["size"] > next(n for n in data.nodes if n["name"] == "Dormant")["size"]
    lake = next(n for n in data.nodes if n["name"] == "Data Lake")
    assert lake["path"] is None and lake["url"] is None
    record = next(r for r in data.records if r["ref"] == "INT-2025-001")
    assert record == {
        "id": record["id"],
        "ref": "INT-2025-001",
        "title": "Orders to Billing",
        "status": "Production",
        "cls": "production",
        "category": "Data",
        "protocol": "HTTPS",
        "middleware": ["Kafka"],
        "owner": "Ada Lovelace",
        "path": "Integrations/Orders to Billing.md",
        "url": "obsidian://open?vault=flow&file=Integrations%2FOrders%20to%20Billing.md",
        "s": [names.index("Order Hub")],
        "t": [names.index("Billing")],
        "m": [names.index("Kafka")],
    }


def test_ids_are_opaque(hostile: Landscape) -> None:
    html = render_map(hostile, generated=WHEN)
    payload = Page(html).data()
    assert [n["id"] for n in payload["nodes"]] == [f"n{i}" for i in range(len(payload["nodes"]))]
    assert [a["id"] for a in payload["arrows"]] == [f"a{i}" for i in range(len(payload["arrows"]))]
    for edge in payload["arrows"]:
        assert re.fullmatch(r"n\d+", edge["from"]) and re.fullmatch(r"n\d+", edge["to"])
    assert "system:note:" not in html and "integration:Integrations" not in html


def test_obsidian_url_encodes_every_value() -> None:
    url = obsidian_url("My Vault & Co", "Systems/R&D 'Ωmega' 100% ünïcode.md")
    assert url == (
        "obsidian://open?vault=My%20Vault%20%26%20Co"
        "&file=Systems%2FR%26D%20%27%CE%A9mega%27%20100%25%20%C3%BCn%C3%AFcode.md"
    )
    assert obsidian_url("v", None) is None and obsidian_url("v", "") is None


def test_status_classes() -> None:
    assert [status_class(s) for s in ("Production", " planning ", "DEPRECATED", None, "<x>")] == [
        "production",
        "planning",
        "deprecated",
        "other",
        "other",
    ]


def test_embedded_json_escapes_markup() -> None:
    text = embed_json({"t": "</script><img src=x onerror=alert(1)>&amp;"})
    assert not set("<>&") & set(text)
    assert json.loads(text) == {"t": "</script><img src=x onerror=alert(1)>&amp;"}


def test_hostile_text_only_inside_the_json(hostile: Landscape) -> None:
    html = render_map(hostile, generated=WHEN)
    page = Page(html)
    assert not [t for t, _ in page.tags if t in ("img", "b", "iframe", "object", "embed", "title")][
        1:
    ]
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
    assert [a for a, _ in page.scripts] == [
        {"type": "application/json", "id": "intgraph-data"},
        {},
        {},
    ]
    _, json_text = page.scripts[0]
    assert not set("<>&") & set(json_text)
    assert "window.__pwned" not in html.replace(json_text, "")
    titles = {r["title"] for r in page.data()["integrations"]}
    assert "</title><script>window.__pwned='page-title'</script>" in titles
    names = {n["name"] for n in page.data()["nodes"]}
    assert "<img src=x onerror=window.__pwned=1>" in names
    assert all("\u202e" not in r["title"] for r in map_data(hostile).records)
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]", html)
    assert "{{7*7}}  \ufffe  end" in {r["protocol"] for r in page.data()["integrations"]}


def test_page_script_never_writes_html() -> None:
    script = (Path(map_data.__code__.co_filename).parent / "templates" / "map.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    assert "new Function" not in script and 'setTimeout("' not in script


def test_page_is_self_contained(flow: Landscape) -> None:
    html = render_map(flow, generated=WHEN)
    page = Page(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.doctype == "DOCTYPE html"
    for tag, attrs in page.tags:
        assert tag != "link" and "src" not in attrs and "href" not in attrs, (tag, attrs)
    for banned in ("tom-select", "bootstrap", "cdn.jsdelivr", "cdnjs", "unpkg", "@import"):
        assert banned not in html
    assert 'url("http' not in html and "url(http" not in html


def test_csp_allows_exactly_the_inline_scripts_and_styles(flow: Landscape) -> None:
    page = Page(render_map(flow, generated=WHEN))
    [policy] = [
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy is not None and "default-src 'none'" in policy and "unsafe" not in policy

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    code = [text for attrs, text in page.scripts if not attrs]
    assert len(code) == 2 and len(page.styles) == 2
    script_src = re.search(r"script-src ([^;]*)", policy)
    style_src = re.search(r"style-src ([^;]*)", policy)
    assert script_src and script_src.group(1).split() == [digest(t) for t in code]
    assert style_src and style_src.group(1).split() == [digest(t) for t in page.styles]


def test_same_vault_same_bytes_apart_from_the_time() -> None:
    first = render_map(load_vault(fixture("flow")), generated=WHEN)
    second = render_map(load_vault(fixture("flow")), generated=WHEN)
    assert first == second
    later = render_map(load_vault(fixture("flow")), generated=datetime(2027, 5, 6, 7, 8))
    strip = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?(Z| UTC)")
    assert first != later and strip.sub("", first) == strip.sub("", later)


def test_status_filter(flow: Landscape) -> None:
    data = map_data(flow, statuses=["production"])
    assert {r["status"] for r in data.records} == {"Production"}
    assert len(data.nodes) == len(map_data(flow).nodes)
    hub = next(n for n in data.nodes if n["name"] == "Order Hub")
    assert (hub["in"], hub["out"]) == (0, 2)


@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("depth", [None, 1, 2])
def test_focus_draws_exactly_the_impact(flow: Landscape, direction: str, depth: int | None) -> None:
    for system in ("Order Hub", "Kafka", "Billing", "Data Lake", "Dormant", "OH"):
        result = impact(flow, system, direction, depth)
        data = map_data(flow, focus=system, depth=depth, direction=direction)
        affected = {result.system_node, *(s.node for s in result.systems)}
        carriers = {
            m
            for i in result.integrations
            for m in flow.graph.successors(i.node)
            if "via" in flow.graph[i.node][m]
        }
        assert set(data.systems) == affected | carriers
        context = {data.systems[i] for i, n in enumerate(data.nodes) if n.get("context")}
        assert context == carriers - affected
        assert set(data.integrations) == {i.node for i in result.integrations}
        assert data.focus is not None
        focused = data.nodes[data.systems.index(result.system_node)]
        assert data.focus["node"] == focused["id"] and (focused["x"], focused["y"]) == (0, 0)
        lane = data.focus["lane"]
        for node in data.nodes:
            assert (node["y"] == lane) == bool(node.get("context"))
        for system_data in result.systems:
            node = data.nodes[data.systems.index(system_data.node)]
            assert abs(node["distance"]) <= system_data.distance
            assert (node["x"] > 0) == (node["distance"] > 0)


def test_focus_statuses_and_unknown(flow: Landscape) -> None:
    result = impact(flow, "Order Hub", "downstream", None, ["Production"])
    data = map_data(flow, focus="Order Hub", statuses=["Production"])
    assert set(data.integrations) == {i.node for i in result.integrations}
    with pytest.raises(UnknownSystemError):
        render_map(flow, focus="Nowhere")


def test_focus_on_middleware_draws_it_on_the_path(flow: Landscape) -> None:
    data = map_data(flow, focus="Kafka", depth=1)
    kafka = data.focus["node"] if data.focus else None
    assert data.edges and all(e["from"] == kafka for e in data.edges)
    upstream = map_data(flow, focus="Kafka", depth=1, direction="upstream")
    kafka = upstream.focus["node"] if upstream.focus else None
    assert upstream.edges and all(e["to"] == kafka for e in upstream.edges)


def test_parallel_and_opposite_arrows_curve(hostile: Landscape) -> None:
    drawn = map_data(hostile).arrows
    pairs = [frozenset((a["from"], a["to"])) for a in drawn]
    for arrow in drawn:
        assert ("curve" in arrow) == (pairs.count(frozenset((arrow["from"], arrow["to"]))) > 1)


def test_arrows_bundle_integrations_by_status(flow: Landscape) -> None:
    data = map_data(flow)
    for arrow in data.arrows:
        own = [e for e in data.edges if (e["from"], e["to"]) == (arrow["from"], arrow["to"])]
        same = sorted({e["i"] for e in own if data.records[e["i"]]["cls"] == arrow["cls"]})
        assert arrow["items"] == same


def test_layouts_are_seeded_and_distinct() -> None:
    edges = [(i, (i * 7 + 3) % 300) for i in range(300)] + [(5, 6), (6, 5)]
    first = layered_layout(320, edges)
    assert first == layered_layout(320, list(reversed(edges)))
    assert len(set(first)) == 320
    placed = {1: 1, 2: 1, 3: -1, 4: 2}
    spots = distance_layout(5, 0, placed, [(0, 1), (0, 2), (3, 0), (1, 4)])
    assert spots[0] == (0.0, 0.0) and spots[1][0] == spots[2][0] > 0
    assert spots[3][0] < 0 < spots[1][0] < spots[4][0] and len(set(spots)) == 5


def test_write_map(tmp_path: Path, flow: Landscape) -> None:
    out = write_map(flow, tmp_path / "deep" / "map.html", generated=WHEN)
    assert out.read_text(encoding="utf-8") == render_map(flow, generated=WHEN)
    with pytest.raises(OutputError):
        write_map(flow, tmp_path / "deep", generated=WHEN)


def test_cli_map_command(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from intgraph.cli import main

    if "map" not in main.commands:  # type: ignore[attr-defined]
        pytest.skip("the map command is not registered in intgraph.cli yet")
    out = tmp_path / "map.html"
    args = ["map", "--vault", fixture("flow"), "--out", str(out), "--focus", "OH", "--depth", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    payload = Page(out.read_text(encoding="utf-8")).data()
    assert payload["focus"]["name"] == "Order Hub"
    bad = CliRunner().invoke(main, ["map", "--vault", fixture("flow"), "--focus", "Nowhere"])
    assert bad.exit_code == 2 and "unknown system" in bad.output
