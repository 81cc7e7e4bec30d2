"""Benchmark ``intgraph map`` on a generated landscape of 2,500 systems and 10,000 integrations.

Run ``python -m benchmarks.map_bench`` from the repository root. It writes a vault with
the benchmark vault generator (:mod:`benchmarks.vaultgen`, 10,000 integrations, about
2,500 systems) into a temporary folder, times ``intgraph map`` writing the page (cold,
then warm from the cache), then opens the page in headless Chromium (``/usr/bin/chromium``
through the playwright package) and measures the first complete frame, a redraw at
fit-to-screen zoom (groups collapsed, as the page opens), the same with every group
expanded, and an impact selection. It prints the figures; it is not a test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS
from benchmarks.vaultgen import generate

HUB_JS = """() => {
  const data = JSON.parse(document.getElementById('intgraph-data').textContent);
  const busy = data.nodes.filter(n => n.kind === 'system')
    .sort((a, b) => (b.in + b.out) - (a.in + a.out));
  return busy[0].name;
}"""
REDRAW_JS = """async (runs) => {
  const network = window.__intgraph.network;
  network.fit({animation: false});
  const canvas = document.querySelector('#network canvas');
  const ctx = canvas.getContext('2d');
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  await frame();
  const js = [], flushed = [], painted = [];
  for (let i = 0; i < runs; i++) {
    await frame();
    const t0 = performance.now();
    network.redraw();
    const t1 = performance.now();
    ctx.getImageData(0, 0, 1, 1);
    const t2 = performance.now();
    await frame();
    const t3 = performance.now();
    js.push(t1 - t0); flushed.push(t2 - t0); painted.push(t3 - t0);
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {scale: network.getScale(), js: median(js), flushed: median(flushed),
          painted: median(painted), worst: Math.max(...flushed)};
}"""


def time_map(vault: Path, out: Path, cache: Path) -> list[str]:
    """Time ``intgraph map`` as a fresh process (Python start-up included): cold (empty
    cache), then warm (the cache filled by the cold run), with wall and CPU seconds."""
    command = [sys.executable, "-c", "from intgraph.cli import run; run()", "map"]
    lines = []
    for label in ("cold", "warm"):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*command, "--vault", str(vault), "--out", str(out), "--cache-dir", str(cache)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            raise RuntimeError(f"intgraph map failed: {proc.stderr.read().decode()}")  # type: ignore[union-attr]
        lines.append(
            f"intgraph map ({label} cache): {wall:.2f} s wall, "
            f"{usage.ru_utime + usage.ru_stime:.2f} s CPU; {out.stat().st_size / 1e6:.1f} MB"
        )
    return lines


def measure_page(page_path: Path, runs: int = 10) -> dict[str, float]:
    """Open the page in headless Chromium; the first complete frame and fit-to-screen redraws."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri(), timeout=120_000)
        page.wait_for_function("window.__intgraph && window.__intgraph.ready", timeout=120_000)
        wall = time.perf_counter() - start
        state = page.evaluate("(s => [s.firstFrameMs, s.nodes, s.edges])(window.__intgraph)")
        redraw = page.evaluate(REDRAW_JS, runs)
        hub = page.evaluate(HUB_JS)
        start = time.perf_counter()
        page.evaluate("(name) => window.__intgraph.select(name)", hub)
        select_s = time.perf_counter() - start
        start = time.perf_counter()
        page.evaluate("() => { window.__intgraph.clear(); window.__intgraph.expandAll(); }")
        expand_s = time.perf_counter() - start
        expanded = page.evaluate(REDRAW_JS, runs)
        counts = page.evaluate("() => window.__intgraph.count()")
        browser.close()
    return {
        "first_frame_ms": state[0],
        "wall_to_ready_s": wall,
        "nodes": state[1],
        "edges": state[2],
        "errors": float(len(errors)),
        "requests": float(len(requests) - 1),
        "select_s": select_s,
        "expand_s": expand_s,
        "expanded_nodes": counts["nodes"],
        "expanded_edges": counts["edges"],
        **{f"redraw_{k}": v for k, v in redraw.items()},
        **{f"expanded_{k}": v for k, v in expanded.items()},
    }


def main() -> None:
    """Generate the landscape, time the map, measure it in Chromium, print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        made = generate(Path(tmp) / "landscape", 10000)
        out = Path(tmp) / "map.html"
        print(
            f"landscape: {made.systems} systems, {made.integrations} integrations, "
            f"{made.notes} notes (benchmarks.vaultgen)"
        )
        for line in time_map(made.root, out, Path(tmp) / "cache"):
            print(line)
        if not Path(CHROMIUM).exists():
            print(f"{CHROMIUM} not found: browser figures skipped")
            return
        figures = measure_page(out)
    print(
        f"drawn at open: {figures['nodes']:.0f} nodes (collapsed groups), "
        f"{figures['edges']:.0f} edges; console errors {figures['errors']:.0f}, "
        f"requests {figures['requests']:.0f}"
    )
    print(
        f"first complete frame: {figures['first_frame_ms']:.0f} ms after navigation start "
        f"({figures['wall_to_ready_s']:.2f} s wall clock to ready)"
    )
    for key, label in (("redraw", "as opened"), ("expanded", "every group expanded")):
        print(
            f"redraw at fit-to-screen zoom, {label} (scale {figures[key + '_scale']:.3f}), "
            f"median of 10: {figures[key + '_js']:.0f} ms script, "
            f"{figures[key + '_flushed']:.0f} ms with the canvas flushed, "
            f"{figures[key + '_painted']:.0f} ms to the next frame; "
            f"worst {figures[key + '_worst']:.0f} ms"
        )
    print(
        f"select the busiest system (impact, highlight, side panel): {figures['select_s']:.2f} s; "
        f"expand all: {figures['expand_s']:.2f} s to {figures['expanded_nodes']:.0f} nodes, "
        f"{figures['expanded_edges']:.0f} edges"
    )


if __name__ == "__main__":
    main()
