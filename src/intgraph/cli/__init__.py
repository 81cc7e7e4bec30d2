"""The ``intgraph`` command line.

:mod:`intgraph.cli.commands` holds the group and the core commands; the modules named
in its ``LAZY_COMMANDS`` (analysis, diff, export) register theirs on that group when
a command of theirs is first asked for.
"""

from intgraph.cli.commands import main

__all__ = ["main"]
