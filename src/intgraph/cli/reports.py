"""``intgraph systems``, ``orphans`` and ``lint``: what the vault holds and what is
wrong with it."""

from __future__ import annotations

import datetime as dt
import sys

import click

from intgraph.cli import ci
from intgraph.cli.commands import main
from intgraph.cli.common import (
    colored,
    emit,
    format_option,
    guarded,
    out_options,
    split_list,
    width,
)
from intgraph.cli.options import Source, vault_options
from intgraph.queries.lint import SEVERITIES, at_least, lint
from intgraph.queries.orphans import CATEGORIES as ORPHAN_CATEGORIES
from intgraph.queries.orphans import orphan_report
from intgraph.queries.systems import list_systems
from intgraph.render import lint as lint_render
from intgraph.render import orphans as orphans_render
from intgraph.render import systems as systems_render


@main.command("systems")
@vault_options
@format_option(systems_render.FORMATS, "table")
@out_options("the list")
@guarded
def systems_cmd(source: Source, fmt: str, out: str | None, force: bool) -> None:
    """List every system with its integrations in and out, kind and note."""
    landscape = source.load(quiet=fmt == "json", need_integrations=False)
    text = systems_render.render(list_systems(landscape), fmt, width(), colored(fmt, out))
    emit(text, out, force)


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
