"""``intgraph map``: the architecture map as an HTML page, an SVG or an Obsidian canvas."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from intgraph.cli.commands import main
from intgraph.cli.common import (
    format_option,
    guarded,
    hint_homonyms,
    out_options,
    traversal_options,
)
from intgraph.cli.options import Source, vault_options
from intgraph.export import canvas
from intgraph.queries.select import selected
from intgraph.render import html_map
from intgraph.render.output import default_output

#: The map's formats: the HTML page and the SVG (render.html_map), the canvas (export).
MAP_FORMATS = (*html_map.FORMATS, "canvas")
MAP_NAMES = {**html_map.DEFAULT_NAMES, "canvas": Path(canvas.DEFAULT_OUT).name}


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
    if focus is not None:
        hint_homonyms(landscape, focus)
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
