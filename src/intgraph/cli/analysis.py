"""Landscape analysis commands: ``path``, ``critical``, ``retire`` and ``integrations``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from intgraph.cli.commands import main
from intgraph.cli.common import colored, emit, guarded, hint_homonyms, out_options, width
from intgraph.cli.options import Source, vault_options
from intgraph.errors import UsageError
from intgraph.queries.critical import critical
from intgraph.queries.integrations import list_integrations
from intgraph.queries.path import find_paths
from intgraph.queries.retire import retire
from intgraph.render import critical as critical_render
from intgraph.render import integrations as integrations_render
from intgraph.render import path as path_render
from intgraph.render import retire as retire_render

F = TypeVar("F", bound=Callable[..., Any])
STATUS_HELP = "Only integrations with this status (repeatable, case-insensitive)."


def closed(value: str, choices: Sequence[str], flag: str) -> str:
    """``value`` when it is one of ``choices`` (any case), else a UsageError (exit 2)."""
    for choice in choices:
        if value.lower() == choice:
            return choice
    raise UsageError(f"invalid value {value!r} for {flag}: choose from {', '.join(choices)}")


def _format(choices: Sequence[str], default: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        default=default,
        show_default=True,
        metavar="[" + "|".join(choices) + "]",
        help="Output format.",
    )


@main.command("path")
@click.argument("from_system", metavar="FROM")
@click.argument("to_system", metavar="TO")
@vault_options
@click.option(
    "--max-paths",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    metavar="K",
    help="List at most K paths.",
)
@click.option(
    "--max-length",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    metavar="L",
    help="Only paths of at most L integrations.",
)
@click.option("--status", multiple=True, help=STATUS_HELP)
@_format(path_render.FORMATS, "table")
@out_options("the output")
@guarded
def path_cmd(
    from_system: str,
    to_system: str,
    source: Source,
    max_paths: int,
    max_length: int,
    status: tuple[str, ...],
    fmt: str,
    out: str | None,
    force: bool,
) -> None:
    """How data gets from FROM to TO: the shortest paths, hop by hop."""
    fmt = closed(fmt, path_render.FORMATS, "--format")
    landscape = source.load(quiet=fmt != "table")
    result = find_paths(landscape, from_system, to_system, max_paths, max_length, status)
    hint_homonyms(landscape, from_system, to_system)
    if not result.paths:
        click.echo(
            f"intgraph: no path from {result.source!r} to {result.target!r} "
            f"within {max_length} integrations",
            err=True,
        )
    emit(path_render.render(result, fmt, width(), colored(fmt, out)), out, force)


@main.command("critical")
@vault_options
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    metavar="N",
    help="List the first N systems (0: all).",
)
@click.option("--status", multiple=True, help=STATUS_HELP)
@_format(critical_render.FORMATS, "table")
@out_options("the output")
@guarded
def critical_cmd(
    source: Source, top: int, status: tuple[str, ...], fmt: str, out: str | None, force: bool
) -> None:
    """Single points of failure: the systems whose failure cuts others off from every feed."""
    fmt = closed(fmt, critical_render.FORMATS, "--format")
    result = critical(source.load(quiet=fmt != "table"), top or None, status)
    emit(critical_render.render(result, fmt, width(), colored(fmt, out)), out, force)


@main.command("retire")
@click.argument("system")
@vault_options
@_format(retire_render.FORMATS, "markdown")
@out_options("the output")
@guarded
def retire_cmd(system: str, source: Source, fmt: str, out: str | None, force: bool) -> None:
    """The decommissioning checklist of SYSTEM, as a note to paste into the vault."""
    fmt = closed(fmt, retire_render.FORMATS, "--format")
    landscape = source.load(quiet=fmt != "table")
    result = retire(landscape, system)
    hint_homonyms(landscape, system)
    emit(retire_render.render(result, fmt, width(), colored(fmt, out)), out, force)


@main.command("integrations")
@vault_options
@click.option(
    "--select",
    multiple=True,
    metavar="EXPR",
    help="dbt-style selector (repeatable: a union; commas inside one: an intersection).",
)
@click.option("--status", multiple=True, help=STATUS_HELP)
@_format(integrations_render.FORMATS, "table")
@out_options("the output")
@guarded
def integrations_cmd(
    source: Source,
    select: tuple[str, ...],
    status: tuple[str, ...],
    fmt: str,
    out: str | None,
    force: bool,
) -> None:
    """List integrations with owner, dates and systems; --select picks some."""
    fmt = closed(fmt, integrations_render.FORMATS, "--format")
    result = list_integrations(source.load(quiet=fmt != "table"), select, status)
    emit(integrations_render.render(result, fmt, width(), colored(fmt, out)), out, force)
