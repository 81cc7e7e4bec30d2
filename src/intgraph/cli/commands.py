"""The ``intgraph`` command line: options in, library call, text out.

Exit codes: 0 success; 1 findings (for checking commands); 2 bad usage, bad vault
or unknown system; 3 internal error (run with ``--debug`` for the traceback).

This module holds the group; every command lives in a module of its own, imported
when it is first asked for (:data:`LAZY_COMMANDS`), so that ``intgraph impact`` loads
only what an impact needs.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from intgraph import __version__

#: Where each command lives; its module registers it on :data:`main` when imported.
LAZY_COMMANDS = {
    "impact": "intgraph.cli.impact",
    "systems": "intgraph.cli.reports",
    "orphans": "intgraph.cli.reports",
    "lint": "intgraph.cli.reports",
    "map": "intgraph.cli.map",
    "path": "intgraph.cli.analysis",
    "critical": "intgraph.cli.analysis",
    "retire": "intgraph.cli.analysis",
    "integrations": "intgraph.cli.analysis",
    "diff": "intgraph.cli.diff",
    "export": "intgraph.cli.export",
}


class IntgraphGroup(click.Group):
    """click's group, with every usage error said in one line: ``intgraph: error: ...``,
    and each command of :data:`LAZY_COMMANDS` loaded when it is asked for."""

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


def run() -> None:
    """The ``intgraph`` console script: :data:`main`, then a quick exit.

    Once the output is flushed, the process ends without tearing down what the command
    loaded (:func:`~intgraph.cli.options.hold_loaded`): nothing is left to write, and
    freeing a large graph object by object only delays the exit. Anything else that ends
    the run (a failed flush, an exception under ``--debug``) leaves the usual way.
    """
    from intgraph.cli.options import hold_loaded  # what every command loads anyway

    hold_loaded()
    try:
        main.main(prog_name="intgraph")
    except SystemExit as done:
        code = 0 if done.code is None else done.code
        if not isinstance(code, int):
            raise
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise done from None
        os._exit(code)
