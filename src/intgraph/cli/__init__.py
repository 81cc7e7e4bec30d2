"""The ``intgraph`` command line.

:mod:`intgraph.cli.commands` holds the group and the core commands; each further
module here registers its own commands on that group when imported below.
"""

from intgraph.cli import analysis as _analysis  # noqa: F401  (registers its commands)
from intgraph.cli import diff as _diff  # noqa: F401  (registers intgraph diff)
from intgraph.cli import export as _export  # noqa: F401  (registers intgraph export)
from intgraph.cli.commands import main

__all__ = ["main"]
