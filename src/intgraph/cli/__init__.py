"""The ``intgraph`` command line.

:mod:`intgraph.cli.commands` holds the group; the modules named in its
``LAZY_COMMANDS`` register their commands on it when one of theirs is first asked for.
"""

from intgraph.cli.commands import main, run

__all__ = ["main", "run"]
