"""Benchmark ``intgraph map`` on a generated landscape of 2,500 systems and 10,000 integrations.

Run ``python -m benchmarks.map_bench`` from the repository root. It writes a vault of
generated notes into a temporary folder, times ``intgraph map`` writing the page, then
opens the page in headless Chromium (``/usr/bin/chromium`` through the playwright
package) and measures the first complete frame and a redraw at fit-to-screen zoom.
It prints the figures; it is not a test.
"""

from __future__ import annotations

import random
from pathlib import Path

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
            f"---\ntype: system\ntags: {tags}\naliases: [S{index}]\n---\n"
            f"# {system_name(index)}\n",
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
            f"   - Protocol: {rng.choice(PROTOCOLS)}\n\n---\n**Metadata**\n- Owner: Team {source % 7}\n"
        )
        (root / "Integrations" / f"Integration {number:05d}.md").write_text(text, encoding="utf-8")
    return root
