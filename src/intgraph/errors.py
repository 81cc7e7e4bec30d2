"""Errors raised by the intgraph library.

The library never prints or exits: it raises these, and the CLI maps them to a
one-line message and an exit code (see the README's exit-code table).
"""

from __future__ import annotations

from collections.abc import Sequence


class IntgraphError(Exception):
    """Base class of every error intgraph raises on purpose."""

    exit_code = 2


class VaultNotFoundError(IntgraphError):
    """The vault path does not exist or is not a folder."""

    def __init__(self, path: str) -> None:
        super().__init__(f"vault not found: {path!r} is not an existing folder")
        self.path = path


class UnknownSystemError(IntgraphError):
    """A query named a system the vault does not know."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        message = f"unknown system {name!r}"
        if self.suggestions:
            message += ": did you mean " + " or ".join(f'"{s}"' for s in self.suggestions) + "?"
        super().__init__(message)


class OutputError(IntgraphError):
    """An output file could not be written."""


class UsageError(IntgraphError):
    """An option value the library cannot use (an unknown status, lint code, ...)."""


class GitError(IntgraphError):
    """git is missing, the vault is not in a git work tree, or a revision is unknown
    (``intgraph diff``)."""
