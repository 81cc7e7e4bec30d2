"""Options every command shares, how they load the vault, and the progress bar."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import click

from intgraph.cache import default_dir
from intgraph.pipeline import Landscape, load_vault

F = TypeVar("F", bound=Callable[..., Any])
SHOW_AFTER = 1.0


@dataclass(frozen=True)
class Source:
    """Which vault to read, and how: the shared options of every command."""

    vault: str
    exclude: tuple[str, ...]
    placeholder: tuple[str, ...]
    cache_dir: str | None
    no_cache: bool

    def load(self, quiet: bool = False) -> Landscape:
        """Load the vault; a progress bar on a terminal unless ``quiet``."""
        cache = None if self.no_cache else (self.cache_dir or default_dir(Path(self.vault)))
        with ProgressBar(enabled=not quiet and interactive()) as bar:
            return load_vault(
                self.vault, self.exclude, self.placeholder, cache_dir=cache, progress=bar.update
            )


def interactive() -> bool:
    """True when both standard output and standard error are terminals."""
    return sys.stdout.isatty() and sys.stderr.isatty()


class ProgressBar:
    """A rich progress bar on stderr that appears only once a scan has run for a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        """Record that ``done`` of ``total`` notes are parsed."""
        if not self.enabled:
            return
        if self.bar is None:
            if time.monotonic() - self.started < SHOW_AFTER or done >= total:
                return
            # Imported here: rich's progress machinery is only needed on a long scan.
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(
                TextColumn("parsing notes"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("parse", total=total, rate="")
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self.bar.update(self.task, completed=done, rate=f"{done / elapsed:,.0f} notes/s")

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.stop()


def vault_options(func: F) -> F:
    """The options every command shares; the command receives them as ``source``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        vault: str,
        exclude: tuple[str, ...],
        placeholder: tuple[str, ...],
        cache_dir: str | None,
        no_cache: bool,
        **kwargs: Any,
    ) -> Any:
        source = Source(vault, exclude, placeholder, cache_dir, no_cache)
        return func(*args, source=source, **kwargs)

    options = [
        click.option(
            "--vault",
            envvar="INTGRAPH_VAULT",
            default=".",
            show_default=True,
            type=click.Path(file_okay=False, path_type=str),
            help="The vault folder (env INTGRAPH_VAULT).",
        ),
        click.option(
            "--exclude",
            multiple=True,
            metavar="GLOB",
            help="Skip paths matching GLOB (repeatable; ** crosses folders).",
        ),
        click.option(
            "--placeholder",
            multiple=True,
            metavar="NAME",
            help="Treat [[NAME]] as a template placeholder too (repeatable).",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=str),
            default=None,
            help="Keep the parse cache here (default: $XDG_CACHE_HOME/intgraph/<vault hash>).",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
    ]
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]
