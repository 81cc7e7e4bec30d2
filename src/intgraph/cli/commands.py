"""The ``intgraph`` command line: options in, library call, text out.

Exit codes: 0 success; 1 findings (for checking commands); 2 bad usage, bad vault
or unknown system; 3 internal error (run with ``--debug`` for the traceback).
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from intgraph import __version__
from intgraph.cli.common import emit, format_option, guarded, split_list, traversal_options, width
from intgraph.cli.options import Source, vault_options
from intgraph.export import canvas
from intgraph.queries.impact import impact
from intgraph.queries.lint import SEVERITIES, at_least, lint
from intgraph.queries.orphans import CATEGORIES as ORPHAN_CATEGORIES
from intgraph.queries.orphans import orphan_report
from intgraph.queries.systems import list_systems
from intgraph.render import html_map
from intgraph.render import impact as impact_render
from intgraph.render import lint as lint_render
from intgraph.render import orphans as orphans_render
from intgraph.render import systems as systems_render


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intgraph")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
def main(debug: bool) -> None:
    """intgraph: read an Obsidian vault of integration notes into a graph."""


@main.command("impact")
@click.argument("system")
@vault_options
@traversal_options(
    "downstream: who receives data from SYSTEM; upstream: who SYSTEM receives from.",
    "Maximum distance.",
)
@format_option(impact_render.FORMATS, "table")
@guarded
def impact_cmd(
    system: str,
    source: Source,
    direction: str,
    depth: int | None,
    status: tuple[str, ...],
    fmt: str,
) -> None:
    """What is affected if SYSTEM (a name, alias or note path) changes or goes down."""
    landscape = source.load(quiet=fmt == "json")
    result = impact(landscape, system, direction, depth, status)
    color = fmt == "table" and sys.stdout.isatty()
    click.echo(impact_render.render(result, fmt, width(), color), nl=False)


@main.command("systems")
@vault_options
@format_option(systems_render.FORMATS, "table")
@guarded
def systems_cmd(source: Source, fmt: str) -> None:
    """List every system with its integrations in and out, kind and note."""
    landscape = source.load(quiet=fmt == "json")
    color = fmt == "table" and sys.stdout.isatty()
    click.echo(systems_render.render(list_systems(landscape), fmt, width(), color), nl=False)


@main.command("orphans")
@vault_options
@format_option(orphans_render.FORMATS, "markdown")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--fail-on",
    default="",
    metavar="LIST",
    help="Exit 1 when any of these is non-empty: " + ",".join(ORPHAN_CATEGORIES) + ".",
)
@guarded
def orphans_cmd(
    source: Source,
    fmt: str,
    out: str | None,
    fail_on: str,
) -> None:
    """Report missing, placeholder, alias and ambiguous links, orphan notes and parse errors."""
    fail = split_list((fail_on,))
    unknown = sorted(set(fail) - set(ORPHAN_CATEGORIES))
    if unknown:
        raise click.BadParameter(
            f"unknown categories: {', '.join(unknown)}", param_hint="--fail-on"
        )
    report = orphan_report(source.load(quiet=fmt == "json"))
    emit(orphans_render.render(report, fmt), out)
    if any(report.non_empty(category) for category in fail):
        sys.exit(1)


@main.command("lint")
@vault_options
@format_option(lint_render.FORMATS, "text")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Check dates as of YYYY-MM-DD.")
@click.option(
    "--max-test-age",
    type=click.IntRange(min=0),
    default=365,
    show_default=True,
    help="Days after which Last Tested is stale.",
)
@click.option("--select", multiple=True, metavar="CODES", help="Only these codes or prefixes.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these codes or prefixes.")
@click.option(
    "--fail-level",
    type=click.Choice(SEVERITIES),
    default="info",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write the findings to FILE.")
@guarded
def lint_cmd(
    source: Source,
    fmt: str,
    today: dt.datetime | None,
    max_test_age: int,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str,
    out: str | None,
) -> None:
    """Check every integration note against the template (codes in the README)."""
    day = today.date() if today else dt.date.today()
    landscape = source.load(quiet=fmt == "json")
    findings = lint(landscape, day, max_test_age, split_list(select), split_list(ignore))
    emit(lint_render.render(findings, fmt), out)
    if fmt == "text":
        click.echo(lint_render.summary(findings), err=True)
    if at_least(findings, fail_level):
        sys.exit(1)


def _generated() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH, when set, fixes the map's generation time (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch.isdigit() else None


@main.command("map")
@vault_options
@format_option(("html", "canvas"), "html")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help=f"Write the map to FILE [default: {html_map.DEFAULT_OUT}; "
    f"{canvas.DEFAULT_OUT} with --format canvas].",
)
@click.option(
    "--focus",
    metavar="SYSTEM",
    default=None,
    help="Draw only SYSTEM's impact neighbourhood (a name, alias or note path).",
)
@traversal_options(
    "With --focus: downstream, upstream or both, as for impact.",
    "With --focus: maximum distance.",
)
@guarded
def map_cmd(
    source: Source,
    fmt: str,
    out: str | None,
    focus: str | None,
    direction: str,
    depth: int | None,
    status: tuple[str, ...],
) -> None:
    """Write the interactive architecture map: one offline HTML file (or an Obsidian canvas)."""
    if focus is None and (depth is not None or direction != "downstream"):
        raise click.UsageError("--depth and --direction need --focus")
    landscape = source.load()
    if fmt == "canvas":
        done = canvas.write_canvas(
            landscape, out or canvas.DEFAULT_OUT, focus, depth, direction, status
        )
        click.echo(f"wrote {done}", err=True)
        return
    out = out or html_map.DEFAULT_OUT
    written = html_map.write_map(
        landscape, out, focus, depth, direction, status, generated=_generated()
    )
    click.echo(f"wrote {written}", err=True)
