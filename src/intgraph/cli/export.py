"""``intgraph export``: the landscape in another tool's format."""

from __future__ import annotations

import click

from intgraph.cli.commands import main
from intgraph.cli.common import emit, format_option, guarded
from intgraph.cli.options import Source, vault_options
from intgraph.export import formats
from intgraph.export.landscape import build_model
from intgraph.queries.select import selected


@main.command("export")
@vault_options
@format_option(formats.FORMATS, "json")
@click.option(
    "--out",
    type=click.Path(path_type=str),
    default=None,
    help="Write to PATH (a folder for neo4j-csv) instead of stdout.",
)
@click.option("--force", is_flag=True, help="Replace --out even if intgraph did not write it.")
@click.option("--status", multiple=True, help="Only integrations with this status (repeatable).")
@click.option(
    "--select", multiple=True, metavar="EXPR", help="Only what these selectors pick (repeatable)."
)
@guarded
def export_cmd(
    source: Source,
    fmt: str,
    out: str | None,
    force: bool,
    status: tuple[str, ...],
    select: tuple[str, ...],
) -> None:
    """Export the landscape for Gephi, yEd, Graphviz, Neo4j, Structurizr, Backstage or Archi."""
    if out is None and fmt in formats.FOLDER_WRITERS:
        raise click.UsageError(f"--format {fmt} writes a folder: name it with --out")
    landscape = source.load(quiet=out is None)
    if select:
        landscape = selected(landscape, select, status)
    model = build_model(landscape, status)
    if out is None:
        emit(formats.render(model, fmt), None)
    else:
        click.echo(f"wrote {formats.write(model, fmt, out, force)}", err=True)
