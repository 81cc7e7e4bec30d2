"""The HTML architecture map in a real browser: /usr/bin/chromium driven by playwright.

Every page is opened from file:// in an offline browser context. The tests skip, with
the reason, when the playwright package or /usr/bin/chromium is missing; CI installs both.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import FIXTURES, ROOT, fixture
from tests.test_map import arrows

from intgraph.graph import SYSTEM
from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.impact import impact
from intgraph.render.html_map import map_data, write_map

try:
    from playwright.sync_api import Browser, sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None  # type: ignore[assignment]

WHEN = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)
VAULTS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())

if os.environ.get("CI") and (sync_playwright is None or not CHROMIUM.exists()):
    # In CI a skipped browser test would hide a broken install: fail instead.
    raise RuntimeError("CI needs the playwright package and /usr/bin/chromium")

pytestmark = [
    pytest.mark.skipif(
        sync_playwright is None,
        reason="the playwright Python package is not installed (pip install playwright)",
    ),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is not installed (apt-get install chromium)",
    ),
]

POSITION = """([kind, id]) => {
  const n = window.__intgraph.network;
  const at = kind === 'node' ? n.getPosition(id) : n.body.edges[id].edgeType.getPoint(0.5);
  const p = n.canvasToDOM(at);
  const r = n.body.container.getBoundingClientRect();
  return [r.left + p.x, r.top + p.y];
}"""
TOOLTIP = """() => {
  const t = document.querySelector('div.vis-tooltip');
  return t && getComputedStyle(t).visibility === 'visible' ? t.textContent : null;
}"""


@dataclass
class Visit:
    """An open map page and what it did: console errors, requests, dialogs."""

    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def node_id(self, name: str) -> str:
        ids: list[str] = self.js(
            "(name) => window.__intgraph.network.body.data.nodes.get()"
            ".filter(n => n.label === name).map(n => n.id)",
            name,
        )
        assert len(ids) == 1, (name, ids)
        return ids[0]

    def at(self, kind: str, item: str) -> tuple[float, float]:
        x, y = self.js(POSITION, [kind, item])
        return float(x), float(y)

    def hover(self, kind: str, item: str) -> str:
        """Move the mouse onto a node or an edge's middle; return the tooltip's text."""
        left, top = self.js(
            "() => { const r = document.getElementById('network')"
            ".getBoundingClientRect(); return [r.left + 2, r.top + 2]; }"
        )
        self.page.mouse.move(left, top)
        self.page.wait_for_function("() => !(" + TOOLTIP + ")()")
        x, y = self.at(kind, item)
        self.page.mouse.move(x - 1, y)
        self.page.mouse.move(x, y)
        self.page.wait_for_function(TOOLTIP, timeout=5000)
        return str(self.js(TOOLTIP))

    def search(self, text: str) -> Any:
        self.page.fill("#search-input", text)
        self.page.press("#search-input", "Enter")
        return self.js("() => window.__intgraph.found")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert sync_playwright is not None
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Any]:
    contexts: list[Any] = []

    def open_page(path: Path) -> Visit:
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page, path.resolve().as_uri())
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.on("request", lambda r: seen.requests.append(r.url))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.goto(seen.url)
        page.wait_for_function("() => window.__intgraph && window.__intgraph.ready", timeout=60000)
        return seen

    yield open_page
    for context in contexts:
        context.close()


def written(tmp_path: Path, landscape: Landscape, **options: Any) -> Path:
    return write_map(landscape, tmp_path / "map.html", generated=WHEN, **options)


@pytest.mark.parametrize("name", VAULTS)
def test_every_system_and_integration_drawn_offline(tmp_path: Path, visit: Any, name: str) -> None:
    landscape = load_vault(fixture(name))
    seen = visit(written(tmp_path, landscape))
    systems = [d["name"] for _, d in landscape.graph.nodes(data=True) if d["kind"] == SYSTEM]
    drawn = seen.js("() => window.__intgraph.count()")
    assert drawn == {"nodes": len(systems), "edges": len(map_data(landscape).arrows)}
    assert seen.errors == []
    assert seen.requests == [seen.url]
    assert seen.js("() => document.compatMode") == "CSS1Compat"
    data = map_data(landscape)
    shown = seen.js("() => window.__intgraph.shown()")
    assert sorted(shown) == sorted(n["id"] for n in data.nodes)
    assert seen.js("() => window.__intgraph.network.body.data.edges.get()"
                   ".filter(e => e.label).length") == 0  # fmt: skip


def test_settled_layout_is_the_same_every_time(tmp_path: Path, visit: Any) -> None:
    path = written(tmp_path, load_vault(fixture("flow")))
    spots = [visit(path).js("() => window.__intgraph.network.getPositions()") for _ in range(2)]
    assert spots[0] == spots[1]


def test_tooltips_show_text(tmp_path: Path, visit: Any) -> None:
    seen = visit(written(tmp_path, load_vault(fixture("hostile"))))
    tip = seen.hover("node", seen.node_id("R&D 'Ωmega' 100% ünïcode"))
    assert "Kind: system" in tip and "Note: Systems/R&D 'Ωmega' 100% ünïcode.md" in tip
    assert "<script>window.__pwned='alias'</script>" in tip
    assert "Integrations in: 1 · out: 1" in tip
    edge = seen.js(
        "() => { const d = JSON.parse(document.getElementById('intgraph-data').textContent);"
        " return d.arrows.filter(a => a.items.length === 1 && a.curve === undefined"
        " && d.integrations[a.items[0]].ref === 'INT-003').map(a => a.id); }"
    )[0]
    tip = seen.hover("edge", edge)
    for line in (
        "ID: INT-003",
        "Title: </title><script>window.__pwned='page-title'</script>",
        "Status: Deprecated",
        "Category: Data",
        "Protocol: HTTPS",
        "Middleware: Evil Hub",
        'Owner: Team "<b>bold</b>"',
    ):
        assert line in tip
    assert seen.js("() => document.querySelectorAll('.vis-tooltip *').length") == 3
    assert "&lt;script&gt;" in seen.js("() => document.querySelector('.vis-tooltip').innerHTML")


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "csp-removed"])
def test_hostile_vault_runs_nothing(tmp_path: Path, visit: Any, csp: bool) -> None:
    landscape = load_vault(fixture("hostile"))
    path = written(tmp_path, landscape)
    if not csp:  # escaping alone must hold, without the policy's help
        html = path.read_text(encoding="utf-8")
        start = html.index('<meta http-equiv="Content-Security-Policy"')
        path.write_text(html[:start] + html[html.index(">", start) + 1 :], encoding="utf-8")
        assert "Content-Security-Policy" not in path.read_text(encoding="utf-8")
    seen = visit(path)
    seen.js("() => { window.__intgraph.open = (u) => { window.__opened = u; }; }")
    data = map_data(landscape)
    for node in seen.js("() => window.__intgraph.network.body.data.nodes.getIds()"):
        seen.hover("node", node)
        seen.page.mouse.click(*seen.at("node", node))
        for link in seen.page.query_selector_all("#panel a.open-note"):
            link.click()
        if seen.page.query_selector("#panel button.link"):
            seen.page.click("#panel button.link >> nth=0")  # selects that system instead
        seen.page.mouse.dblclick(*seen.at("node", node))
        seen.page.keyboard.press("Escape")
    for edge in seen.js("() => window.__intgraph.network.body.edgeIndices"):
        seen.hover("edge", edge)
    for node in data.nodes:
        for name in (node["name"], *node["aliases"]):
            assert seen.search(name) is not None
    for box in seen.page.query_selector_all("#status-filter input"):
        box.click()
        box.click()
    assert seen.js("() => window.__pwned") is None
    assert seen.dialogs == [] and seen.errors == []
    assert seen.requests == [seen.url]
    assert seen.js("() => document.querySelectorAll('script').length") == 3
    assert seen.js("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert not seen.js(
        "() => [...document.querySelectorAll('*')]"
        ".some(el => [...el.attributes].some(a => a.name.toLowerCase().startsWith('on')))"
    )
    assert seen.js("() => document.title") == "hostile · intgraph architecture map"


def test_click_selects_and_opening_in_obsidian_is_explicit(tmp_path: Path, visit: Any) -> None:
    seen = visit(written(tmp_path, load_vault(fixture("flow"))))
    seen.js(
        "() => { window.__opened = []; window.__intgraph.open = (u) => window.__opened.push(u); }"
    )
    hub = seen.node_id("Order Hub")
    seen.page.mouse.click(*seen.at("node", hub))
    assert seen.js("() => window.__opened") == []  # a click never navigates away
    assert seen.js("() => window.__intgraph.selected") == hub
    assert seen.page.text_content("#panel h2") == "Order Hub"
    seen.page.click("#panel a.open-note >> nth=0")
    seen.page.mouse.dblclick(*seen.at("node", seen.node_id("Billing")))
    seen.page.mouse.dblclick(*seen.at("node", seen.node_id("Data Lake")))  # no note: nothing
    edge = seen.js(
        "(from) => window.__intgraph.network.body.data.edges.get()"
        ".filter(e => e.from === from && e.smooth === undefined).map(e => e.id)[0]",
        seen.node_id("Ledger"),
    )
    seen.page.mouse.click(*seen.at("edge", edge))
    assert seen.page.text_content("#panel h2") == "Ledger to Reporting"
    seen.page.click("#panel a.open-note")
    assert seen.js("() => window.__opened") == [
        "obsidian://open?vault=flow&file=Systems%2FOrder%20Hub.md",
        "obsidian://open?vault=flow&file=Systems%2FBilling.md",
        "obsidian://open?vault=flow&file=Integrations%2FLedger%20to%20Reporting.md",
    ]
    assert seen.errors == [] and seen.requests == [seen.url]


def test_search_and_keys_keep_working_after_clicks(tmp_path: Path, visit: Any) -> None:
    """Real clicks, and opening notes with the page's own handler, then search, /, Esc."""
    seen = visit(written(tmp_path, load_vault(fixture("flow"))))
    seen.page.mouse.click(*seen.at("node", seen.node_id("Order Hub")))
    seen.page.mouse.click(*seen.at("node", seen.node_id("Billing")))
    # opening notes for real: an obsidian:// link no handler takes must not stall the page
    seen.page.click("#panel a.open-note")
    seen.page.mouse.dblclick(*seen.at("node", seen.node_id("Billing")))
    seen.page.wait_for_timeout(300)
    assert seen.search("ledger") == seen.node_id("Ledger")
    assert seen.page.text_content("#search-result") == "Found Ledger"
    seen.page.click("#find")
    assert seen.js("() => window.__intgraph.selected") == seen.node_id("Ledger")
    seen.page.click("#network", position={"x": 5, "y": 5})
    seen.page.keyboard.press("/")
    assert seen.js("() => document.activeElement.id") == "search-input"
    seen.page.keyboard.type("invoicing")
    seen.page.keyboard.press("Enter")
    assert seen.js("() => window.__intgraph.selected") == seen.node_id("Billing")
    seen.page.keyboard.press("Escape")
    assert seen.js("() => window.__intgraph.selected") is None
    assert seen.js("() => window.__intgraph.network.getSelectedNodes()") == []
    assert seen.page.input_value("#search-input") == ""
    faded = seen.js("() => window.__intgraph.network.body.data.nodes.get()"
                    ".filter(n => n.opacity < 1).length")  # fmt: skip
    assert faded == 0
    assert seen.errors == [] and seen.requests == [seen.url]


def test_search_finds_and_focuses_by_name_or_alias(tmp_path: Path, visit: Any) -> None:
    seen = visit(written(tmp_path, load_vault(fixture("flow"))))
    billing = seen.node_id("Billing")
    assert seen.search("  invoicing ") == billing
    assert seen.js("() => window.__intgraph.network.getSelectedNodes()") == [billing]
    assert seen.page.text_content("#search-result") == "Found Billing"
    assert seen.search("order man") == seen.node_id("Order Hub")
    assert seen.search("no such system") is None
    assert seen.page.text_content("#search-result") == "No system matches “no such system”"
    hostile = visit(written(tmp_path, load_vault(fixture("hostile"))))
    for alias in ("__proto__", "toString"):
        assert hostile.search(alias) == hostile.node_id("Plain")
    assert hostile.search("constructor") == hostile.node_id("constructor")


def test_status_toggles_hide_and_show_arrows(tmp_path: Path, visit: Any) -> None:
    landscape = load_vault(fixture("flow"))
    data = map_data(landscape)
    production = sum(1 for a in data.arrows if a["cls"] == "production")
    seen = visit(written(tmp_path, landscape))
    box = seen.page.locator("#status-filter input[value=production]")
    box.uncheck()
    assert seen.js("() => window.__intgraph.count().edges") == len(data.arrows) - production
    box.check()
    assert seen.js("() => window.__intgraph.count().edges") == len(data.arrows)


def test_focus_draws_only_the_neighbourhood(tmp_path: Path, visit: Any) -> None:
    landscape = load_vault(fixture("flow"))
    result = impact(landscape, "Order Hub", "downstream", 1)
    seen = visit(written(tmp_path, landscape, focus="OH", depth=1))
    labels = seen.js("() => window.__intgraph.network.body.data.nodes.get().map(n => n.label)")
    carriers = sorted({m for i in result.integrations for m in i.middleware})
    assert carriers == ["Kafka"]  # drawn on the path, in the middleware lane
    assert sorted(labels) == sorted(["Order Hub", *(s.name for s in result.systems), *carriers])
    drawn = seen.js("() => window.__intgraph.count()")
    assert drawn == {"nodes": 2 + len(result.systems), "edges": len(map_data(
        landscape, focus="OH", depth=1).arrows)}  # fmt: skip
    assert seen.js("(id) => window.__intgraph.network.body.nodes[id].options.borderWidth",
                   seen.node_id("Order Hub")) == 5  # fmt: skip
    assert seen.errors == [] and seen.requests == [seen.url]


def test_big_map_keeps_every_arrow_at_every_zoom(tmp_path: Path, visit: Any) -> None:
    from benchmarks.vaultgen import generate

    landscape = load_vault(generate(tmp_path / "big", 1600).root)
    data = map_data(landscape)
    assert data.collapsed
    seen = visit(written(tmp_path, landscape))
    assert seen.js("() => window.__intgraph.count().nodes") == len(data.groups)
    seen.js("() => window.__intgraph.expandAll()")
    seen.js("() => window.__intgraph.network.fit()")
    assert seen.js("() => window.__intgraph.count()") == {
        "nodes": len(data.nodes),
        "edges": len(data.arrows),
    }
    assert sum(len(a["items"]) for a in data.arrows) == arrows(landscape)
    assert seen.js("() => window.__intgraph.far()") is True
    seen.js("() => window.__intgraph.network.moveTo({scale: 1.2})")
    seen.page.wait_for_function("() => window.__intgraph.far() === false")
    assert seen.js("() => window.__intgraph.count().edges") == len(data.arrows)
    assert seen.errors == [] and seen.requests == [seen.url]


def test_screenshot_of_the_sample_vault(tmp_path: Path, visit: Any) -> None:
    """Writes docs/map.png, docs/map-impact.png and docs/map-focus.png for the README
    (a fixed generation time keeps them stable)."""
    if not (FIXTURES / "acme").is_dir():
        pytest.skip("the sample vault vault_fixtures/acme is not there")
    landscape = load_vault(fixture("acme"))
    seen = visit(written(tmp_path, landscape))
    assert seen.js("() => window.__intgraph.count()") == {
        "nodes": len(map_data(landscape).nodes),
        "edges": len(map_data(landscape).arrows),
    }
    (ROOT / "docs").mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ROOT / "docs" / "map.png"))
    seen.page.mouse.click(*seen.at("node", seen.node_id("Salesforce CRM")))
    left, top = seen.js(
        "() => { const r = document.getElementById('network')"
        ".getBoundingClientRect(); return [r.left + 2, r.top + 2]; }"
    )
    seen.page.mouse.move(left + 10, top + 10)
    seen.page.mouse.move(left, top)  # off the system: its tooltip goes
    seen.page.wait_for_function("() => !(" + TOOLTIP + ")()")
    seen.page.screenshot(path=str(ROOT / "docs" / "map-impact.png"))
    assert seen.errors == [] and seen.requests == [seen.url]
    focus = visit(
        write_map(
            landscape,
            tmp_path / "focus.html",
            focus="SAP ERP",
            depth=2,
            direction="both",
            generated=WHEN,
        )
    )
    focus.page.screenshot(path=str(ROOT / "docs" / "map-focus.png"))
    assert focus.errors == [] and focus.requests == [focus.url]


IMPACT_NAMES = ("SAP ERP", "MuleSoft Anypoint", "Salesforce CRM", "Snowflake DW", "Workday HCM")
DOWN, UP = "#ea580c", "#0284c7"


def expected_impact(
    landscape: Landscape, name: str, depth: int | None, statuses: tuple[str, ...] = ()
) -> tuple[list, list]:
    result = impact(landscape, name, "both", depth, statuses)
    systems = sorted((s.name, s.direction, s.distance) for s in result.systems)
    return systems, sorted((i.path, i.distance) for i in result.integrations)


def page_impact(seen: Visit, name: str) -> tuple[list, list]:
    got = seen.js("(name) => window.__intgraph.impact(name)", name)
    best: dict[str, int] = {}
    for path, _direction, distance in got["integrations"]:
        best[path] = min(distance, best.get(path, distance))
    return sorted(tuple(s) for s in got["systems"]), sorted(best.items())


@pytest.mark.parametrize("depth", ["all", "1", "2"])
def test_impact_at_a_click_equals_the_cli_on_the_sample(
    tmp_path: Path, visit: Any, depth: str
) -> None:
    landscape = load_vault(fixture("acme"))
    seen = visit(written(tmp_path, landscape))
    seen.page.select_option("#depth", depth)
    limit = None if depth == "all" else int(depth)
    for name in IMPACT_NAMES:
        assert page_impact(seen, name) == expected_impact(landscape, name, limit), name
        # what is painted: the selection, downstream in orange, upstream in blue, the rest faded
        seen.page.mouse.click(*seen.at("node", seen.node_id(name)))
        result = impact(landscape, name, "both", limit)
        painted = seen.js(
            "() => window.__intgraph.network.body.data.nodes.get().map("
            "n => [n.id, n.color.border, n.opacity])"
        )
        names = {n["id"]: n["name"] for n in map_data(landscape).nodes}
        down = {names[i] for i, border, _ in painted if border == DOWN}
        up = {names[i] for i, border, _ in painted if border == UP}
        faded = {names[i] for i, _, opacity in painted if opacity < 1}
        want_down = {s.name for s in result.systems if s.direction == "downstream"}
        want_up = {s.name for s in result.systems if s.direction == "upstream"} - want_down
        assert (down, up) == (want_down, want_up), name
        carriers = {m for i in result.integrations for m in i.middleware}
        assert faded == set(names.values()) - want_down - want_up - {name} - carriers
        heads = seen.page.locator("#panel h3").all_text_contents()
        assert heads == [
            f"Downstream systems ({len(want_down)})",
            f"Upstream systems ({sum(1 for s in result.systems if s.direction == 'upstream')})",
            f"Integrations ({len(result.integrations)})",
        ]
    assert seen.errors == [] and seen.requests == [seen.url]


def test_impact_at_a_click_follows_the_status_filter(tmp_path: Path, visit: Any) -> None:
    landscape = load_vault(fixture("acme"))
    statuses = ("Production", "development")
    seen = visit(written(tmp_path, landscape, statuses=statuses))
    changed = 0
    for name in IMPACT_NAMES:
        want = expected_impact(landscape, name, None, statuses)
        assert page_impact(seen, name) == want, name
        changed += want != expected_impact(landscape, name, None)
    assert changed >= 3  # the filter matters for these systems


def test_impact_at_a_click_equals_the_cli_on_a_generated_vault(tmp_path: Path, visit: Any) -> None:
    from benchmarks.vaultgen import generate

    made = generate(tmp_path / "gen", 1300, seed=5)
    landscape = load_vault(made.root)
    data = map_data(landscape)
    assert data.collapsed
    seen = visit(written(tmp_path, landscape))
    busiest = sorted(data.nodes, key=lambda n: -(n["in"] + n["out"] + n["via"]))
    names = [made.hub, busiest[1]["name"], busiest[40]["name"], data.nodes[-1]["name"]]
    names.append(next(n["name"] for n in data.nodes if n["kind"] == "middleware"))
    for depth in ("all", "2"):
        seen.page.select_option("#depth", depth)
        for name in names:
            limit = None if depth == "all" else 2
            assert page_impact(seen, name) == expected_impact(landscape, name, limit), name
    assert seen.errors == [] and seen.requests == [seen.url]


def test_groups_drawn_as_regions_with_their_members(tmp_path: Path, visit: Any) -> None:
    landscape = load_vault(fixture("acme"))
    data = map_data(landscape)
    seen = visit(written(tmp_path, landscape))
    seen.page.wait_for_function("() => window.__intgraph.regions !== undefined")
    regions = seen.js("() => window.__intgraph.regions")
    want = {
        g["label"]: sorted(n["name"] for n in data.nodes if n["g"] == i)
        for i, g in enumerate(data.groups)
    }
    assert {r["label"]: sorted(r["members"]) for r in regions} == want
    positions = seen.js("() => window.__intgraph.network.getPositions()")
    ids = {n["name"]: n["id"] for n in data.nodes}
    for region in regions:
        left, top, right, bottom = region["box"]
        for name in region["members"]:
            spot = positions[ids[name]]
            assert left < spot["x"] < right and top < spot["y"] < bottom


def test_large_map_starts_collapsed_and_expands(tmp_path: Path, visit: Any) -> None:
    from benchmarks.vaultgen import generate

    landscape = load_vault(generate(tmp_path / "gen", 1300, seed=5).root)
    data = map_data(landscape)
    seen = visit(written(tmp_path, landscape))
    labels = seen.js("() => window.__intgraph.network.body.data.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(
        "\n".join([*g["label"].split(" · "), f"{g['count']} systems"]) for g in data.groups
    )
    flows = seen.js("() => window.__intgraph.network.body.data.edges.get().map(e => e.id)")
    assert flows and all(f.startswith("f:g") for f in flows)
    biggest = max(range(len(data.groups)), key=lambda g: data.groups[g]["count"])
    seen.page.mouse.dblclick(*seen.at("node", f"g{biggest}"))
    shown = seen.js("() => window.__intgraph.count().nodes")
    assert shown == len(data.groups) - 1 + data.groups[biggest]["count"]
    assert seen.search(data.nodes[0]["name"]) == "n0"  # found inside a collapsed group
    seen.page.click("#expand-all")
    assert seen.js("() => window.__intgraph.count()") == {
        "nodes": len(data.nodes),
        "edges": len(data.arrows),
    }
    seen.page.click("#collapse-all")
    assert seen.js("() => window.__intgraph.count().nodes") == len(data.groups)
    assert seen.errors == [] and seen.requests == [seen.url]


LABEL_BOXES = """() => {
  const net = window.__intgraph.network;
  return net.body.nodeIndices.map(id => net.body.nodes[id])
    .filter(n => n.options.label)
    .map(n => { const s = n.labelModule.size;
                return [n.id, s.left, s.top, s.left + s.width, s.top + s.height]; });
}"""


def test_node_labels_never_overlap_at_fit_on_the_sample(tmp_path: Path, visit: Any) -> None:
    landscape = load_vault(fixture("acme"))
    seen = visit(written(tmp_path, landscape))
    seen.page.click("#fit")
    seen.js("() => window.__intgraph.network.redraw()")
    seen.page.wait_for_timeout(200)
    boxes = seen.js(LABEL_BOXES)
    assert len(boxes) == len(map_data(landscape).nodes)  # every label shown
    assert seen.js("() => window.__intgraph.hiddenLabels()") == []
    for a in boxes:
        assert a[3] > a[1] and a[4] > a[2]
        for b in boxes:
            if a[0] < b[0]:
                apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
                assert apart, (a, b)


def test_save_png(tmp_path: Path, visit: Any) -> None:
    seen = visit(written(tmp_path, load_vault(fixture("acme"))))
    url = seen.js("() => window.__intgraph.png()")
    assert url.startswith("data:image/png;base64,") and len(url) > 20000
    with seen.page.expect_download() as info:
        seen.page.click("#save-png")
    assert info.value.suggested_filename == "acme-map.png"
    assert seen.errors == [] and seen.requests == [seen.url]
