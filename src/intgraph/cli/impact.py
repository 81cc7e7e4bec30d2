"""``intgraph impact``: what is affected when a system changes or goes down."""

from __future__ import annotations

import click

from intgraph.cli.commands import main
from intgraph.cli.common import (
    colored,
    emit,
    format_option,
    guarded,
    hint_homonyms,
    out_options,
    traversal_options,
    width,
)
from intgraph.cli.options import Source, vault_options
from intgraph.queries.impact import impact
from intgraph.render import impact as impact_render


@main.command("impact")
@click.argument("system")
@vault_options
@traversal_options(
    "downstream: who receives data from SYSTEM; upstream: who SYSTEM receives from.",
    "Maximum distance.",
)
@format_option(impact_render.FORMATS, "table")
@out_options("the answer")
@guarded
def impact_cmd(
    system: str,
    source: Source,
    direction: str,
    depth: int | None,
    status: tuple[str, ...],
    fmt: str,
    out: str | None,
    force: bool,
) -> None:
    """What is affected if SYSTEM (a name, alias or note path) changes or goes down."""
    landscape = source.load(quiet=fmt == "json")
    result = impact(landscape, system, direction, depth, status)
    hint_homonyms(landscape, system)
    emit(impact_render.render(result, fmt, width(), colored(fmt, out)), out, force)
