"""Export timings: ``python -m benchmarks.export_bench [--size 10000] [--keep DIR]``.

Generates a vault (``benchmarks.vaultgen``, seeded), warms the cache with one run, then
times every ``intgraph export --format F`` and ``intgraph map --format canvas``, each as
a separate process on the warm cache, and prints a Markdown table: wall time and CPU time
(user + system, which other processes on a shared machine disturb far less), each the
best of ``--repeat`` runs, and peak RSS. These are measurements, not tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import CLI, timed
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


def cpu_timed(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one intgraph process."""
    start = time.perf_counter()
    proc = subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"intgraph {' '.join(args)} failed: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def measure(size: int, work: Path, repeat: int) -> list[tuple[str, float, float, int, str]]:
    """(what, best wall s, best CPU s, peak RSS MB, output size) per export."""
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
        runs = [cpu_timed([*args, *base, "--out", str(out)]) for _ in range(repeat)]
        wall = min(r[0] for r in runs)
        cpu = min(r[1] for r in runs)
        rows.append((label, wall, cpu, max(r[2] for r in runs), _size(out)))
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
    print("| command | wall (warm) | CPU (warm) | peak RSS | output |")
    print("|---|---|---|---|---|")
    for label, wall, cpu, rss, size in rows:
        print(f"| `{label}` | {wall:.2f} s | {cpu:.2f} s | {rss:,} MB | {size} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
