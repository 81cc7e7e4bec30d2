"""Decorators and helpers every command module shares: error mapping, formats, output."""

from __future__ import annotations

import contextlib
import functools
import gc
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from intgraph.errors import IntgraphError
from intgraph.pipeline import Landscape, settle
from intgraph.queries.impact import DIRECTIONS
from intgraph.queries.lookup import homonyms_of
from intgraph.render import escape
from intgraph.render.output import write_text

F = TypeVar("F", bound=Callable[..., Any])
EXIT_INTERNAL = 3


def traversal_options(direction_help: str, depth_help: str) -> Callable[[F], F]:
    """--direction, --depth and --status, shared by impact and map."""

    def decorate(func: F) -> F:
        func = click.option(
            "--status", multiple=True, help="Only integrations with this status (repeatable)."
        )(func)
        func = click.option("--depth", type=click.IntRange(min=1), default=None, help=depth_help)(
            func
        )
        return click.option(
            "--direction",
            type=click.Choice(DIRECTIONS),
            default="downstream",
            show_default=True,
            help=direction_help,
        )(func)

    return decorate


def out_options(what: str, default: str | None = None) -> Callable[[F], F]:
    """--out FILE and --force, for commands that write a report or a page."""

    def decorate(func: F) -> F:
        where = f" (default: {default} in the current folder, never inside the vault)"
        func = click.option(
            "--force", is_flag=True, help="Replace --out even if intgraph did not write it."
        )(func)
        return click.option(
            "--out",
            type=click.Path(dir_okay=False, path_type=str),
            default=None,
            help=f"Write {what} to FILE{where if default else ''}.",
        )(func)

    return decorate


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    """A --format option with the given choices."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def guarded(func: F) -> F:
    """Map library errors to a one-line message and an exit code; --debug re-raises."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(click.get_current_context().find_root().params.get("debug"))
        # A short-lived process that allocates many small acyclic objects: the cyclic
        # collector only costs time here.
        gc.disable()
        try:
            try:
                return func(*args, **kwargs)
            finally:
                _settle()
        except IntgraphError as exc:
            if debug:
                raise
            click.echo(f"intgraph: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:
            if debug:
                raise
            click.echo(
                f"intgraph: internal error: {exc.__class__.__name__}: {exc} "
                "(run with --debug for details)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper  # type: ignore[return-value]


def _settle() -> None:
    """The answer out first, then wait for the cache files a child is still writing (see
    :func:`intgraph.pipeline.settle`): the process ends with the cache whole."""
    with contextlib.suppress(OSError, ValueError):  # a closed stdout fails again later
        sys.stdout.flush()
    settle()


def width() -> int:
    """The table width: the terminal's own (``COLUMNS`` wins), or 120 when piped."""
    if not sys.stdout.isatty():
        return 120
    import shutil

    return shutil.get_terminal_size((120, 24)).columns


def colored(fmt: str, out: str | None = None) -> bool:
    """Whether a ``fmt`` output is drawn in colour: a table for a terminal, not a file."""
    return fmt == "table" and out is None and sys.stdout.isatty()


def split_list(values: tuple[str, ...]) -> list[str]:
    """Comma-separated and repeated option values as one list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def hint_homonyms(landscape: Landscape, *queries: str) -> None:
    """Say on stderr which system a name meant when several system notes have it."""
    for query in queries:
        paths = [escape.terminal(p) for p in homonyms_of(landscape.flows, query)]
        if paths:
            click.echo(
                f"intgraph: note: {len(paths)} system notes are named "
                f"{escape.terminal(query)!r}; this answer is for {paths[0]} (name another "
                f"by its path: {', '.join(paths[1:])})",
                err=True,
            )


def emit(text: str, out: str | None, force: bool = False) -> None:
    """Write ``text`` to ``out`` (saying so on stderr), or to stdout."""
    if out:
        click.echo(f"wrote {write_text(out, text, force)}", err=True)
    else:
        click.echo(text, nl=False)
