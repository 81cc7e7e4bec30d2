"""The ``intgraph`` command line (see :mod:`intgraph.cli.commands`)."""

from intgraph.cli.commands import main

__all__ = ["main"]
