"""The benchmark harness: ``python -m benchmarks.run [--sizes 1000,10000,100000]``.

For each size it generates a vault (``benchmarks.vaultgen``, seeded) in a temporary
folder, then times, each as a separate ``intgraph`` process:

- cold: ``intgraph impact`` with an empty cache folder (end to end);
- warm: the same again, nothing changed;
- one note edited: one integration note rewritten, then the same command;
  (the vault is left alone for a second after it is written, as a real one would be)
- orphans and map: ``intgraph orphans --format json`` and ``intgraph map`` (warm cache);
- critical: ``intgraph critical --format json --top 0`` (warm cache, every system ranked);

and, in this process, the impact query alone on a loaded landscape. Peak RSS is the
cold process's. It prints a Markdown table. These are measurements, not tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.vaultgen import generate

CLI = [sys.executable, "-c", "from intgraph.cli import main; main()"]


def timed(args: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB) of one intgraph process."""
    start = time.perf_counter()
    proc = subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"intgraph {' '.join(args)} failed: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024


def query_alone(vault: Path, cache: Path, system: str, repeat: int = 5) -> float:
    """Median seconds of the impact query on an already loaded landscape."""
    from intgraph.pipeline import load_vault
    from intgraph.queries.impact import impact

    landscape = load_vault(vault, cache_dir=cache)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        impact(landscape, system)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def measure(size: int, work: Path) -> dict[str, str]:
    """One row of the table."""
    vault = work / f"vault-{size}"
    made = generate(vault, size)
    # A real vault was not all written in the last second; files that were are checked
    # by content (racy stat), which is not what a cold or warm run normally costs.
    time.sleep(1.1)
    cache = work / f"cache-{size}"
    base = ["--vault", str(vault), "--cache-dir", str(cache)]
    cold, rss = timed(["impact", made.hub, *base, "--format", "json"])
    warm, _ = timed(["impact", made.hub, *base, "--format", "json"])
    edited = next((vault / "Integrations").rglob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEdited for the benchmark.\n")
    one, _ = timed(["impact", made.hub, *base, "--format", "json"])
    query = query_alone(vault, cache, made.hub)
    orphans, _ = timed(["orphans", *base, "--format", "json"])
    page, _ = timed(["map", *base, "--out", str(work / f"map-{size}.html")])
    spof, _ = timed(["critical", *base, "--format", "json", "--top", "0"])
    return {
        "integrations": f"{size:,}",
        "notes": f"{made.notes:,}",
        "cold impact": f"{cold:.2f} s",
        "warm": f"{warm:.2f} s",
        "one note edited": f"{one:.2f} s",
        "impact query": f"{query * 1000:.0f} ms",
        "orphans (warm)": f"{orphans:.2f} s",
        "map (warm)": f"{page:.2f} s",
        "critical (warm)": f"{spof:.2f} s",
        "peak RSS (cold)": f"{rss:,} MB",
    }


def main() -> None:
    """Run the sizes asked for and print the table."""
    parser = argparse.ArgumentParser(description="intgraph benchmark harness")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.keep or Path(tempfile.mkdtemp(prefix="intgraph-bench-"))
    rows = []
    try:
        for size in sizes:
            rows.append(measure(size, work))
            print(f"measured {size:,}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    columns = list(rows[0])
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(row[c] for c in columns) + " |")


if __name__ == "__main__":
    main()
