"""Benchmark ``intgraph map`` on a generated landscape of 2,500 systems and 10,000 integrations.

Run ``python -m benchmarks.map_bench`` from the repository root. It writes a vault of
generated notes into a temporary folder, times ``intgraph map`` writing the page, then
opens the page in headless Chromium (``/usr/bin/chromium`` through the playwright
package) and measures the first complete frame and a redraw at fit-to-screen zoom.
It prints the figures; it is not a test.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS

STATUSES = ("Production",) * 6 + ("Development", "Planning", "Deprecated")
CATEGORIES = ("Data", "Event", "File", "API")
PROTOCOLS = ("HTTPS", "SFTP", "AMQP", "JDBC", "Kafka")
DOMAIN = 50


def system_name(index: int) -> str:
    """The name of generated system ``index``."""
    return f"System {index:04d}"


def generate_vault(
    root: Path, systems: int = 2500, integrations: int = 10000, seed: int = 4
) -> Path:
    """Write a vault of ``systems`` system notes and ``integrations`` integration notes.

    Systems fall into domains of 50; four in five integrations stay inside a domain,
    one in five is routed through one of the middleware systems. Returns ``root``.
    """
    rng = random.Random(seed)
    (root / "Systems").mkdir(parents=True, exist_ok=True)
    (root / "Integrations").mkdir(parents=True, exist_ok=True)
    middleware = list(range(0, systems, max(1, systems // 20)))
    for index in range(systems):
        tags = "[middleware]" if index in middleware else "[]"
        (root / "Systems" / f"{system_name(index)}.md").write_text(
            f"---\ntype: system\ntags: {tags}\naliases: [S{index}]\n---\n# {system_name(index)}\n",
            encoding="utf-8",
        )
    for number in range(integrations):
        source = rng.randrange(systems)
        if rng.random() < 0.8:
            base = source - source % DOMAIN
            target = base + rng.randrange(min(DOMAIN, systems - base))
        else:
            target = rng.randrange(systems)
        targets = [target] + ([rng.randrange(systems)] if rng.random() < 0.05 else [])
        via = rng.choice(middleware) if rng.random() < 0.2 else None
        status = rng.choice(STATUSES)
        names = ", ".join(f"[[{system_name(t)}]]" for t in targets)
        layer = (
            f"   - Type: Middleware\n   - Components: [[{system_name(via)}]]\n"
            if via is not None
            else "   - Type: API\n   - Components: TBD\n"
        )
        text = (
            f"# Integration {number:05d}\n\n## Integration Overview\n"
            f"**Integration ID**: INT-{number:05d}\n**Version**: 1.0.0\n"
            f"**Category**: {rng.choice(CATEGORIES)}\n**Status**: {status}\n\n"
            "## Integration Architecture\n### Components\n1. Source System(s)\n"
            f"   - Name: [[{system_name(source)}]]\n\n2. Target System(s)\n"
            f"   - Name: {names}\n\n3. Integration Layer\n{layer}"
            f"   - Protocol: {rng.choice(PROTOCOLS)}\n\n"
            f"---\n**Metadata**\n- Owner: Team {source % 7}\n"
        )
        (root / "Integrations" / f"Integration {number:05d}.md").write_text(text, encoding="utf-8")
    return root


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


def time_map(vault: Path, out: Path) -> list[str]:
    """Time writing the map: the library stages in this process, then ``intgraph map`` as a
    fresh process (Python start-up included) when the command is registered."""
    from intgraph.cli import main
    from intgraph.pipeline import load_vault
    from intgraph.render.html_map import write_map

    lines = []
    start = time.perf_counter()
    landscape = load_vault(vault)
    loaded = time.perf_counter()
    write_map(landscape, out)
    done = time.perf_counter()
    lines.append(
        f"library: load_vault {loaded - start:.2f} s + write_map {done - loaded:.2f} s "
        f"= {done - start:.2f} s; {out.stat().st_size / 1e6:.1f} MB"
    )
    if "map" in getattr(main, "commands", {}):
        command = [sys.executable, "-c", "from intgraph.cli import main; main()", "map"]
        start = time.perf_counter()
        subprocess.run(
            [*command, "--vault", str(vault), "--out", str(out)], check=True, capture_output=True
        )
        lines.append(f"intgraph map (fresh process): {time.perf_counter() - start:.2f} s")
    else:
        lines.append("intgraph map: command not registered in intgraph.cli; library time above")
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
        browser.close()
    return {
        "first_frame_ms": state[0],
        "wall_to_ready_s": wall,
        "nodes": state[1],
        "edges": state[2],
        "errors": float(len(errors)),
        "requests": float(len(requests) - 1),
        **{f"redraw_{k}": v for k, v in redraw.items()},
    }


def main() -> None:
    """Generate the landscape, time the map, measure it in Chromium, print the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        systems, integrations = 2500, 10000
        vault = generate_vault(Path(tmp) / "landscape", systems, integrations)
        out = Path(tmp) / "map.html"
        print(f"landscape: {systems} systems, {integrations} integrations (generated)")
        for line in time_map(vault, out):
            print(line)
        if not Path(CHROMIUM).exists():
            print(f"{CHROMIUM} not found: browser figures skipped")
            return
        figures = measure_page(out)
    print(
        f"drawn: {figures['nodes']:.0f} nodes, {figures['edges']:.0f} edges; "
        f"console errors {figures['errors']:.0f}, requests {figures['requests']:.0f}"
    )
    print(
        f"first complete frame: {figures['first_frame_ms']:.0f} ms after navigation start "
        f"({figures['wall_to_ready_s']:.2f} s wall clock to ready)"
    )
    print(
        f"redraw at fit-to-screen zoom (scale {figures['redraw_scale']:.3f}), median of 10: "
        f"{figures['redraw_js']:.0f} ms script, {figures['redraw_flushed']:.0f} ms with the "
        f"canvas flushed, {figures['redraw_painted']:.0f} ms to the next frame; "
        f"worst {figures['redraw_worst']:.0f} ms"
    )


if __name__ == "__main__":
    main()
