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
from intgraph.errors import NoIntegrationsError, VaultChoiceError, no_integrations_message
from intgraph.pipeline import Landscape, load_vault
from intgraph.vault import vaults_below

F = TypeVar("F", bound=Callable[..., Any])
SHOW_AFTER = 1.0

#: What the commands loaded, kept to the end of a console run (see :func:`hold_loaded`).
_HELD: list[Landscape] = []
_holding = False


def hold_loaded() -> None:
    """Keep every landscape loaded from now on alive until the process ends: the console
    script leaves without freeing them (object by object, that is half a second for a
    vault of 100,000 integrations). In-process callers (tests) never turn this on."""
    global _holding
    _holding = True


@dataclass(frozen=True)
class Source:
    """Which vault to read, and how: the shared options of every command."""

    vault: str
    exclude: tuple[str, ...]
    placeholder: tuple[str, ...]
    cache_dir: str | None
    no_cache: bool
    templates_folder: str | None = None
    #: True when the user named the vault (--vault or INTGRAPH_VAULT).
    named: bool = True
    #: Processes for a large cold scan (--workers / INTGRAPH_WORKERS); None: one per core.
    workers: int | None = None

    def load(
        self, quiet: bool = False, need_integrations: bool = True, raw_fields: bool = False
    ) -> Landscape:
        """Load the vault; a progress bar on a terminal unless ``quiet``; ``raw_fields``
        as for :func:`~intgraph.pipeline.load_vault` (lint).

        Notices go to stderr. A vault without integration notes raises
        NoIntegrationsError when ``need_integrations``, else is only said on stderr.
        """
        if not self.named:
            candidates = vaults_below(self.vault)
            if candidates:
                raise VaultChoiceError(candidates)
        cache = None if self.no_cache else (self.cache_dir or default_dir(Path(self.vault)))
        with ProgressBar(enabled=not quiet and interactive()) as bar:
            landscape = load_vault(
                self.vault,
                self.exclude,
                self.placeholder,
                cache_dir=cache,
                workers=self.workers,
                progress=bar.update,
                templates_folder=self.templates_folder,
                raw_fields=raw_fields,
                write_behind=True,  # settled once the command has answered (guarded)
            )
        if _holding:
            _HELD.append(landscape)
        for notice in landscape.files.notices:
            click.echo(f"intgraph: {notice}", err=True)
        if not landscape.has_integrations:
            if need_integrations:
                raise NoIntegrationsError(self.vault)
            click.echo(f"intgraph: {no_integrations_message(self.vault)}", err=True)
        return landscape


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
                # Drawn on each update rather than by a thread of rich's: a load forks
                # its helpers (a walk, the cache's writing) only with no other thread.
                auto_refresh=False,
            )
            self.bar.start()
            self.task = self.bar.add_task("parse", total=total, rate="")
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = f"{done / elapsed:,.0f} notes/s"
        self.bar.update(self.task, completed=done, rate=rate, refresh=True)

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
        vault: str | None,
        exclude: tuple[str, ...],
        placeholder: tuple[str, ...],
        cache_dir: str | None,
        no_cache: bool,
        templates_folder: str | None,
        workers: int | None,
        **kwargs: Any,
    ) -> Any:
        named = vault is not None
        source = Source(
            vault or ".",
            exclude,
            placeholder,
            cache_dir,
            no_cache,
            templates_folder,
            named,
            workers,
        )
        return func(*args, source=source, **kwargs)

    options = [
        click.option(
            "--vault",
            envvar="INTGRAPH_VAULT",
            default=None,
            metavar="PATH",
            help="The vault folder (env INTGRAPH_VAULT; default: the current folder).",
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
        click.option(
            "--templates-folder",
            metavar="PATH",
            default=None,
            help="Skip this templates folder too (vault-relative), besides the settings' ones.",
        ),
        click.option(
            "--workers",
            envvar="INTGRAPH_WORKERS",
            type=click.IntRange(min=1),
            default=None,
            metavar="N",
            help="Parse a large vault with N processes; 1 parses serially (env INTGRAPH_WORKERS).",
        ),
    ]
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]
