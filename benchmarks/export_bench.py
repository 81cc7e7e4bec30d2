"""Export timings: ``python -m benchmarks.export_bench [--size 10000] [--keep DIR]``.

Generates a vault (``benchmarks.vaultgen``, seeded), warms the cache with one run, then
times every ``intgraph export --format F`` and ``intgraph map --format canvas``, each as
a separate process on the warm cache, and prints a Markdown table (the best of
``--repeat`` runs, as the machine may be shared). These are measurements, not tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import timed
from benchmarks.vaultgen import generate

FORMATS = (
    "graphml",
    "gexf",
    "dot",
    "json",
    "cypher",
    "neo4j-csv",
    "structurizr",
    "backstage",
    "archimate",
)


def measure(size: int, work: Path, repeat: int) -> list[tuple[str, float, int, str]]:
    """(what, best seconds, peak RSS MB, output size) per export of a ``size`` vault."""
    vault = work / f"vault-{size}"
    generate(vault, size)
    time.sleep(1.1)  # see benchmarks.run: a vault not written in the last second
    cache = work / f"cache-{size}"
    base = ["--vault", str(vault), "--cache-dir", str(cache)]
    timed(["systems", *base, "--format", "json"])  # warm the cache
    rows = []
    jobs = [(f"export --format {f}", ["export", "--format", f], f) for f in FORMATS]
    jobs.append(("map --format canvas", ["map", "--format", "canvas"], "canvas"))
    for label, args, name in jobs:
        out = work / f"out-{size}" / name
        runs = [timed([*args, *base, "--out", str(out)]) for _ in range(repeat)]
        best = min(runs)
        rows.append((label, best[0], best[1], _size(out)))
    return rows


def _size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size
    return f"{total / 1e6:.1f} MB"


def main() -> None:
    """Generate, time and print the table."""
    parser = argparse.ArgumentParser(description="intgraph export timings")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="intgraph-export-bench-"))
    try:
        rows = measure(args.size, work, args.repeat)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {args.size:,} integrations, warm cache"
    )
    print("| command | time (warm) | peak RSS | output |")
    print("|---|---|---|---|")
    for label, seconds, rss, size in rows:
        print(f"| `{label}` | {seconds:.2f} s | {rss:,} MB | {size} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
