"""The benchmark harness: ``python -m benchmarks.run [--sizes 1000,10000,100000]``.

For each size it generates a vault (``benchmarks.vaultgen``, seeded) in a temporary
folder (or reuses the one kept in ``--keep DIR``), then times, each as a separate process
whose peak RSS is read from the kernel (``os.wait4``'s ``ru_maxrss``, what
``/usr/bin/time -v`` reports as "Maximum resident set size"):

- floor: a Python process that reads every note and runs one wikilink regex over it
  (what any tool must at least do), measured in the same run;
- cold: ``intgraph impact HUB --format json`` with an empty cache folder, cache written;
- warm hub / warm leaf: the same again for the busiest system, and for a system at the
  edge of the landscape (one integration out, into systems with none out);
- one note edited: one integration note appended to, then ``impact HUB`` again;
  (the vault is left alone for a second after it is written, as a real one would be)
- orphans, map and critical (``--format json --top 0``) on the warm cache;

and, in this process, the hub's impact query with its JSON output, and the leaf's query,
on a loaded landscape (median of 5). ``--repeat N`` measures each process row N times
(in rounds, the cache emptied at the start of each) and shows the median and the range.
It prints one Markdown table per size with the
ratio of each process's wall time to the floor's, and its CPU time (user + system, its
worker processes included: steadier than wall time on a shared machine). These are
measurements, not tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.vaultgen import generate

CLI = [sys.executable, "-c", "from intgraph.cli import run; run()"]
FLOOR = r"""
import os, re, sys
link = re.compile(r"\[\[([^\[\]|#]+)")
found = 0
for folder, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in files:
        if name.endswith(".md"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                found += len(link.findall(handle.read()))
print(found)
"""


def timed(args: list[str], command: list[str] | None = None) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in MB, CPU seconds: user + system, its children's
    included) of one process (intgraph unless ``command``)."""
    start = time.perf_counter()
    argv = [*(command or CLI), *args]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        assert proc.stderr is not None
        raise RuntimeError(f"{' '.join(argv)} failed: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def find_leaf(vault: Path, cache: Path) -> str:
    """A system at the edge of the landscape (see :func:`in_process`), found in a child
    process so that this one stays small while it times the others."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom benchmarks.run import in_process\n"
        "print(in_process(Path(sys.argv[1]), Path(sys.argv[2]), '', repeat=0)[2])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(vault), str(cache)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return done.stdout.strip().splitlines()[-1]


def in_process(vault: Path, cache: Path, hub: str, repeat: int = 5) -> tuple[float, float, str]:
    """(median seconds of the hub's impact query with its JSON output, of a leaf's query,
    the leaf's name), on an already loaded landscape."""
    from intgraph.graph import INTEGRATION, SYSTEM
    from intgraph.pipeline import load_vault
    from intgraph.queries.impact import impact
    from intgraph.render.impact import render_json

    landscape = load_vault(vault, cache_dir=cache)
    graph = landscape.graph

    def outgoing(node: str) -> list[str]:
        return [i for i in graph._succ[node] if graph._node[i]["kind"] == INTEGRATION]

    # A system at the edge: one integration out, into systems with nothing further out.
    systems = sorted(
        (data["name"], n)
        for n, data in graph._node.items()
        if data["kind"] == SYSTEM and not data["middleware"]
    )
    leaf = next(
        (
            name
            for name, n in systems
            if len(outgoing(n)) == 1
            and not graph._pred[n]
            and all(not outgoing(t) for t in graph._succ[outgoing(n)[0]])
        ),
        systems[-1][0],
    )

    def median(run: Callable[[], object]) -> float:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            run()
            runs.append(time.perf_counter() - start)
        return statistics.median(runs)

    if not repeat:
        return 0.0, 0.0, leaf
    hub_time = median(lambda: render_json(impact(landscape, hub)))
    leaf_time = median(lambda: impact(landscape, leaf))
    return hub_time, leaf_time, leaf


def vault_for(size: int, work: Path) -> tuple[Path, int, str]:
    """(vault, notes, hub) of ``size`` integrations: generated, or reused from ``work``."""
    vault = work / f"vault-{size}"
    info = work / f"vault-{size}.json"
    if info.exists() and vault.is_dir():
        known = json.loads(info.read_text(encoding="utf-8"))
        return vault, int(known["notes"]), str(known["hub"])
    made = generate(vault, size)
    info.write_text(json.dumps({"notes": made.notes, "hub": made.hub}), encoding="utf-8")
    return vault, made.notes, made.hub


def measure(
    size: int, work: Path, core: bool = False, repeat: int = 1
) -> list[tuple[str, str, str, str, str]]:
    """The rows of one size: (measure, wall time, its ratio to the floor's, CPU time,
    peak RSS); with ``core``, only the rows issue 13 sets targets for (no orphans, map
    or critical, which take minutes at 100,000 integrations). With ``repeat`` above 1,
    each process row is measured that many times, in rounds (floor, cold, warm hub,
    warm leaf, one note edited, ...: the cache emptied at the start of each), and
    shown as the median with the range."""
    vault, notes, hub = vault_for(size, work)
    cache = work / f"cache-{size}"
    base = ["--vault", str(vault), "--cache-dir", str(cache)]
    runs: dict[str, list[tuple[float, int, float]]] = {}
    leaf = ""
    for _ in range(repeat):
        # A real vault was not all written in the last second; files that were are
        # checked by content (racy stat), which is not what a cold or warm run costs.
        time.sleep(1.1)
        shutil.rmtree(cache, ignore_errors=True)
        found = runs.setdefault
        found("floor (read + one regex)", []).append(
            timed([str(vault)], [sys.executable, "-c", FLOOR])
        )
        impact = ["--format", "json"]
        found("cold impact (cache written)", []).append(timed(["impact", hub, *base, *impact]))
        found("warm impact, hub", []).append(timed(["impact", hub, *base, *impact]))
        leaf = leaf or find_leaf(vault, cache)
        found("warm impact, leaf", []).append(timed(["impact", leaf, *base, *impact]))
        edited = min((vault / "Integrations").rglob("*.md"))
        original = edited.read_bytes()
        edited.write_text(original.decode("utf-8") + "\nEdited for the benchmark.\n")
        try:
            found("one note edited, impact", []).append(timed(["impact", hub, *base, *impact]))
            if not core:
                found("orphans (warm)", []).append(timed(["orphans", *base, "--format", "json"]))
                out = str(work / f"map-{size}.html")
                found("map (warm)", []).append(timed(["map", *base, "--out", out, "--force"]))
                top = ["--format", "json", "--top", "0"]
                found("critical (warm)", []).append(timed(["critical", *base, *top]))
        finally:
            edited.write_bytes(original)  # a kept vault stays as it was generated
    # Last: a process started by one that holds a loaded landscape would report that
    # memory (and pay for copying its page tables) as its own.
    hub_query, leaf_query, leaf = in_process(vault, cache, hub)
    floor = statistics.median(wall for wall, _rss, _cpu in runs["floor (read + one regex)"])
    table = [
        (
            name,
            _spread([wall for wall, _rss, _cpu in measured], "{:.2f}", " s"),
            f"{statistics.median(wall for wall, _rss, _cpu in measured) / floor:.1f}×",
            _spread([cpu for _wall, _rss, cpu in measured], "{:.2f}", " s"),
            _spread([rss for _wall, rss, _cpu in measured], "{:,.0f}", " MB"),
        )
        for name, measured in runs.items()
    ]
    table.append(("hub query + JSON, in process", f"{hub_query * 1000:.1f} ms", "", "", ""))
    table.append((f"leaf query ({leaf}), in process", f"{leaf_query * 1000:.2f} ms", "", "", ""))
    print(f"measured {size:,} ({notes:,} notes)", file=sys.stderr)
    return table


def _spread(values: list[float] | list[int], form: str, unit: str) -> str:
    """One measurement as it was, or several as their median and range."""
    if len(values) == 1:
        return form.format(values[0]) + unit
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{form.format(mid)}{unit} ({form.format(low)}–{form.format(high)})"


def compile_package() -> None:
    """Write intgraph's bytecode, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set (or an editable install never run yet) every timed
    process would otherwise compile the package again, a cost no installed copy pays."""
    import compileall

    import intgraph

    compileall.compile_dir(str(Path(intgraph.__file__).parent), quiet=1)


def parser_build() -> str:
    """How the installed parser was built: compiled by mypyc (see setup.py) or not."""
    import intgraph.parse.fields as fields

    return "plain Python" if str(fields.__file__).endswith(".py") else "compiled (mypyc)"


def main() -> None:
    """Run the sizes asked for and print the tables."""
    parser = argparse.ArgumentParser(description="intgraph benchmark harness")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--core", action="store_true", help="only the rows issue 13 sets targets for"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="measure each process row this many times: the median and the range",
    )
    parser.add_argument(
        "--keep", type=Path, help="generate into this folder and keep it (reused next time)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    compile_package()
    work = args.keep or Path(tempfile.mkdtemp(prefix="intgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    tables = []
    try:
        for size in sizes:
            tables.append((size, measure(size, work, args.core, max(1, args.repeat))))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load:.1f} at the end; "
        f"parser {parser_build()}"
    )
    for size, table in tables:
        print(f"\n{size:,} integrations\n")
        print("| measure | wall | × floor | CPU (user + sys) | peak RSS |")
        print("|---|---|---|---|---|")
        for row in table:
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
