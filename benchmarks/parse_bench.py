"""Per-stage cost of parsing one note, in CPU time per note, over a whole vault.

    python -m benchmarks.parse_bench VAULT [--step N] [--raw] [--rounds R]

Reads every note of VAULT (every Nth with ``--step``) into memory, then times, in this
one process, each stage of :func:`intgraph.parse.parse_text` on every note (front
matter, code mask, links, template fields, Templater tags, tags) and then
``parse_text`` itself, and prints microseconds of CPU time per note: the least of
``--rounds`` rounds (the machine may be shared), and the sum of the stages. On the
benchmark vault (``python -m benchmarks.vaultgen``, 10,000 integrations) this is the
work each worker process of a cold scan does per note.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from intgraph.model import TEMPLATE_PLACEHOLDER_LINKS
from intgraph.parse import _tags, _templater, front, parse_text
from intgraph.parse.fastmask import mask
from intgraph.parse.fields import read_fields
from intgraph.parse.links import scan_links
from intgraph.vault import NoteText, find_files, read_note


def main() -> None:
    """Time the stages and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--step", type=int, default=1, help="time every Nth note only")
    parser.add_argument("--raw", action="store_true", help="with lint's raw field records")
    parser.add_argument("--rounds", type=int, default=1, help="report the least of R rounds")
    args = parser.parse_args()
    paths = find_files(args.vault, ()).notes[:: args.step]
    notes = [read_note(args.vault, path) for path in paths]
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, seconds in _round(notes, args.raw).items():
            best[name] = min(seconds, best.get(name, seconds))
    for name, seconds in best.items():
        print(f"{name:34s} {seconds:8.3f} s {seconds / len(notes) * 1e6:8.1f} us/note")
    print(f"{len(notes)} notes, least of {args.rounds} round(s)")


def _round(notes: list[NoteText], raw: bool) -> dict[str, float]:
    """CPU seconds per stage over ``notes``."""
    marks = frozenset(TEMPLATE_PLACEHOLDER_LINKS)
    clock = time.process_time
    spent: dict[str, float] = defaultdict(float)
    for note in notes:
        t0 = clock()
        lines = note.text.split("\n")
        fm = front.load(note.path, lines)
        t1 = clock()
        body = lines[fm.body_start :]
        masked = mask(body)
        masked_text = "\n".join(masked)
        t2 = clock()
        scan_links(masked, fm.body_start + 1, body, masked_text)
        t3 = clock()
        read_fields(masked, fm.body_start + 1, marks, body, raw, masked_text)
        t4 = clock()
        if "<%" in note.text:
            _templater(note.path, lines, fm.body_start, masked)
        t5 = clock()
        _tags({}, masked_text)
        t6 = clock()
        for name, spent_here in (
            ("front (split, front.load)", t1 - t0),
            ("mask (and join)", t2 - t1),
            ("links (scan_links)", t3 - t2),
            (f"fields (read_fields, raw={raw})", t4 - t3),
            ("templater", t5 - t4),
            ("tags", t6 - t5),
        ):
            spent[name] += spent_here
    spent["sum of stages"] = sum(spent.values())
    start = clock()
    for note in notes:
        parse_text(note.path, note.text, marks, note.problems, raw)
    spent["parse_text total"] = clock() - start
    return spent


if __name__ == "__main__":
    main()
