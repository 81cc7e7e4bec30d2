"""``intgraph diff``: what a change between two git revisions does to the landscape."""

from __future__ import annotations

import sys

import click

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
from intgraph.queries.diff import FAIL_CLASSES, revision_diff
from intgraph.render import diff as diff_render


@main.command("diff")
@vault_options
@click.option("--base", required=True, metavar="REV", help="The git revision to compare with.")
@click.option(
    "--head", default=None, metavar="REV", help="The revision to compare (default: the work tree)."
)
@format_option(diff_render.FORMATS, "markdown")
@click.option(
    "--fail-on",
    default="",
    metavar="LIST",
    help="Exit 1 when the diff holds any of: " + ",".join(FAIL_CLASSES) + ".",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1000),
    default=diff_render.COMMENT_LIMIT,
    show_default=True,
    help="Cut the markdown to stay under this many bytes.",
)
@out_options("the diff")
@guarded
def diff_cmd(
    source: Source,
    base: str,
    head: str | None,
    fmt: str,
    fail_on: str,
    max_bytes: int,
    out: str | None,
    force: bool,
) -> None:
    """What the change from --base to --head does to the integration landscape."""
    fail = split_list((fail_on,))
    unknown = sorted(set(fail) - set(FAIL_CLASSES))
    if unknown:
        raise click.BadParameter(f"unknown classes: {', '.join(unknown)}", param_hint="--fail-on")
    quiet = fmt == "json"
    result = revision_diff(
        source.vault, base, head, source.exclude, source.placeholder, lambda: source.load(quiet)
    )
    text = diff_render.render(result, fmt, width(), colored(fmt, out), max_bytes)
    emit(text, out, force)
    if any(result.matches(c) for c in fail):
        sys.exit(1)
