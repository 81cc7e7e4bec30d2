"""Errors raised by the intgraph library.

The library never prints or exits: it raises these, and the CLI maps them to a
one-line message and an exit code (see the README's exit-code table).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class IntgraphError(Exception):
    """Base class of every error intgraph raises on purpose."""

    exit_code = 2


class VaultNotFoundError(IntgraphError):
    """The vault path does not exist or is not a folder."""

    def __init__(self, path: str) -> None:
        what = "is a file, not a folder" if Path(path).is_file() else "is not an existing folder"
        super().__init__(f"vault not found: {path!r} {what}")
        self.path = path


class NoIntegrationsError(IntgraphError):
    """The vault holds no integration notes, so a question about them has no answer."""

    def __init__(self, path: str) -> None:
        super().__init__(no_integrations_message(path))
        self.path = path


def no_integrations_message(path: str) -> str:
    """The one line said when a vault holds no integration notes."""
    return f"no integration notes in {path}: is this the right folder?"


class VaultChoiceError(IntgraphError):
    """No --vault was given, the current folder is no vault, and folders below it are."""

    def __init__(self, candidates: Sequence[str]) -> None:
        self.candidates = tuple(candidates)
        shown = ", ".join(self.candidates[:10]) + (", ..." if len(self.candidates) > 10 else "")
        super().__init__(
            "no --vault given and the current folder has no .obsidian folder, but these "
            f"folders below it are vaults: {shown}; name one with --vault"
        )


class UnknownSystemError(IntgraphError):
    """A query named a system the vault does not know."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        message = f"unknown system {name!r}"
        if self.suggestions:
            message += ": did you mean " + " or ".join(f'"{s}"' for s in self.suggestions) + "?"
        message += " (intgraph systems lists every system)"
        super().__init__(message)


class OutputError(IntgraphError):
    """An output file could not be written."""


class UsageError(IntgraphError):
    """An option value the library cannot use (an unknown status, lint code, ...)."""


class GitError(IntgraphError):
    """git is missing, the vault is not in a git work tree, or a revision is unknown
    (``intgraph diff``)."""
