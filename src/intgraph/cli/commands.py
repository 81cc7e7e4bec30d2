"""The ``intgraph`` command line: options in, library call, text out.

Exit codes: 0 success; 1 findings (for checking commands); 2 bad usage, bad vault
or unknown system; 3 internal error (run with ``--debug`` for the traceback).
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
from pathlib import Path
from typing import Any

import click

from intgraph import __version__
from intgraph.cli import ci
from intgraph.cli.common import (
    emit,
    format_option,
    guarded,
    out_options,
    split_list,
    traversal_options,
    width,
)
from intgraph.cli.options import Source, vault_options
from intgraph.export import canvas
from intgraph.queries.impact import impact
from intgraph.queries.lint import SEVERITIES, at_least, lint
from intgraph.queries.orphans import CATEGORIES as ORPHAN_CATEGORIES
from intgraph.queries.orphans import orphan_report
from intgraph.queries.select import selected
from intgraph.queries.systems import list_systems
from intgraph.render import html_map
from intgraph.render import impact as impact_render
from intgraph.render import lint as lint_render
from intgraph.render import orphans as orphans_render
from intgraph.render import systems as systems_render
from intgraph.render.output import default_output

#: The map's formats: the HTML page and the SVG (render.html_map), the canvas (export).
MAP_FORMATS = (*html_map.FORMATS, "canvas")
MAP_NAMES = {**html_map.DEFAULT_NAMES, "canvas": Path(canvas.DEFAULT_OUT).name}


#: Commands that live in other modules, imported on first use, so that a warm
#: ``intgraph impact`` does not pay for loading every analysis, diff and export module.
LAZY_COMMANDS = {
    "path": "intgraph.cli.analysis",
    "critical": "intgraph.cli.analysis",
    "retire": "intgraph.cli.analysis",
    "integrations": "intgraph.cli.analysis",
    "diff": "intgraph.cli.diff",
    "export": "intgraph.cli.export",
}


class IntgraphGroup(click.Group):
    """click's group, with every usage error said in one line: ``intgraph: error: ...``,
    and the commands of :data:`LAZY_COMMANDS` loaded when they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, loaded or not."""
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, importing its module first when it is a lazy one."""
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            importlib.import_module(LAZY_COMMANDS[cmd_name])
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        """Run the command line; exit with the documented code."""
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.ClickException as exc:
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" (see {exc.ctx.command_path} --help)"
            message = " ".join(exc.format_message().split())
            click.echo(f"intgraph: error: {message}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("intgraph: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=IntgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
    landscape = source.load(quiet=fmt == "json", need_integrations=False)
    color = fmt == "table" and sys.stdout.isatty()
    click.echo(systems_render.render(list_systems(landscape), fmt, width(), color), nl=False)


@main.command("orphans")
@vault_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(orphans_render.FORMATS + ci.FORMATS),
    default=None,
    help="Output format (default: summary on a terminal, else markdown).",
)
@out_options("the report")
@click.option(
    "--fail-on",
    default="",
    metavar="LIST",
    help="Exit 1 when any of these is non-empty: " + ",".join(ORPHAN_CATEGORIES) + ".",
)
@guarded
def orphans_cmd(
    source: Source,
    fmt: str | None,
    out: str | None,
    force: bool,
    fail_on: str,
) -> None:
    """Report missing, placeholder, alias and ambiguous links, orphan notes and parse errors."""
    fail = split_list((fail_on,))
    unknown = sorted(set(fail) - set(ORPHAN_CATEGORIES))
    if unknown:
        raise click.BadParameter(
            f"unknown categories: {', '.join(unknown)}", param_hint="--fail-on"
        )
    if fmt is None:
        fmt = "summary" if out is None and sys.stdout.isatty() else "markdown"
    landscape = source.load(quiet=fmt not in ("summary", "markdown"), need_integrations=False)
    report = orphan_report(landscape)
    if fmt in ci.FORMATS:
        emit(ci.orphans_output(landscape, report, fmt), out, force)
    else:
        emit(orphans_render.render(report, fmt), out, force)
    tripped = [category for category in fail if report.non_empty(category)]
    if tripped:
        click.echo(f"intgraph: --fail-on: found {', '.join(tripped)}", err=True)
        sys.exit(1)


@main.command("lint")
@vault_options
@format_option(lint_render.FORMATS + ci.FORMATS, "text")
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
@out_options("the findings")
@click.option("--list-codes", is_flag=True, help="Print every lint code and exit.")
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
    force: bool,
    list_codes: bool,
) -> None:
    """Check every integration note against the template (codes in the README)."""
    if list_codes:
        click.echo(lint_render.codes_table(), nl=False)
        return
    day = today.date() if today else dt.date.today()
    landscape = source.load(quiet=fmt == "json", need_integrations=False, raw_fields=True)
    findings = lint(landscape, day, max_test_age, split_list(select), split_list(ignore))
    if fmt in ci.FORMATS:
        emit(ci.lint_output(landscape, findings, fmt), out, force)
    else:
        emit(lint_render.render(findings, fmt), out, force)
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
@out_options("the map", "reports/map.html (map.svg, map.canvas with --format)")
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
@click.option("--select", multiple=True, metavar="EXPR", help="Only what these selectors pick.")
@click.option(
    "--group-by",
    type=click.Choice(html_map.GROUP_BY),
    default=None,
    help="Group systems by note folder, owner or community, or not [default: see README].",
)
@format_option(MAP_FORMATS, "html")
@guarded
def map_cmd(
    source: Source,
    out: str | None,
    force: bool,
    focus: str | None,
    direction: str,
    depth: int | None,
    status: tuple[str, ...],
    select: tuple[str, ...],
    group_by: str | None,
    fmt: str,
) -> None:
    """Write the architecture map: an interactive offline HTML page, a static SVG, or an
    Obsidian canvas."""
    if focus is None and (depth is not None or direction != "downstream"):
        raise click.UsageError("--depth and --direction need --focus")
    target = out or default_output(source.vault, MAP_NAMES[fmt])
    landscape = source.load()
    if select:
        landscape = selected(landscape, select, status, focus)
    if fmt == "canvas":
        done = canvas.write_canvas(landscape, target, focus, depth, direction, status, force)
        click.echo(f"wrote {done}", err=True)
        return
    written = html_map.write_map(
        landscape,
        target,
        focus,
        depth,
        direction,
        status,
        _generated(),
        group_by or "auto",
        fmt,
        force,
    )
    click.echo(f"wrote {written}", err=True)
