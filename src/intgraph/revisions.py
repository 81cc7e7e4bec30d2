"""Read a vault as it was at a git revision, with plain ``git`` subprocess calls.

Nothing here changes the user's work tree, index, branches or refs: a revision is
checked out through a private index file into a temporary folder that is removed
when the :class:`Repository` context ends.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from intgraph.errors import GitError, VaultNotFoundError

FETCH_HINT = (
    "fetch the full history (actions/checkout with `fetch-depth: 0`, "
    "GitLab `GIT_DEPTH: 0`, or `git fetch --unshallow`)"
)


def _git(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            env=env,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH: intgraph diff needs it") from exc


def repo_prefix(folder: str | os.PathLike[str]) -> str | None:
    """``folder``'s path inside its git work tree (``""`` at the root, else ending in
    ``/``), or None when it is not in a git work tree or git is missing."""
    try:
        done = _git(Path(folder), "rev-parse", "--show-prefix")
    except (GitError, OSError):
        return None
    return done.stdout.strip("\n") if done.returncode == 0 else None


class Repository:
    """The git repository holding a vault; a context manager that owns a temporary
    folder for checked-out revisions and removes it on exit."""

    def __init__(self, vault: str | os.PathLike[str]) -> None:
        self.vault = Path(vault)
        if not self.vault.is_dir():
            raise VaultNotFoundError(str(vault))
        prefix = repo_prefix(self.vault)
        done = _git(self.vault, "rev-parse", "--show-toplevel")
        if prefix is None or done.returncode != 0:
            raise GitError(
                f"{str(vault)!r} is not inside a git work tree: intgraph diff compares "
                "git revisions, so run it in a clone of the vault's repository"
            )
        self.root = Path(done.stdout.strip("\n"))
        self.prefix = prefix
        self._temp: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> Repository:
        self._temp = tempfile.TemporaryDirectory(prefix="intgraph-diff-")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def commit(self, rev: str) -> str:
        """The full commit id of ``rev``; raises GitError saying what to do when it is
        unknown (in a shallow clone: fetch the history)."""
        if not rev.strip() or rev.startswith("-"):
            raise GitError(f"not a git revision: {rev!r}")
        done = _git(
            self.root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
        )
        if done.returncode == 0:
            return done.stdout.strip()
        shallow = _git(self.root, "rev-parse", "--is-shallow-repository").stdout.strip()
        if shallow == "true":
            raise GitError(f"revision {rev!r} is not in this shallow clone: {FETCH_HINT}")
        raise GitError(
            f"unknown git revision {rev!r}: name a commit, branch or tag of {str(self.root)!r} "
            f"(fetch it first if it lives on a remote, e.g. `git fetch origin {rev}`)"
        )

    def checkout(self, commit: str) -> Path:
        """The vault as it was at ``commit``, written into the temporary folder (an empty
        folder when the vault did not exist then)."""
        if self._temp is None:
            raise RuntimeError("Repository.checkout outside its with-block")
        base = Path(self._temp.name) / commit
        tree = base / "vault"
        if tree.exists():
            return tree
        tree.mkdir(parents=True)
        where = f"{commit}:{self.prefix}"
        if _git(self.root, "cat-file", "-t", where).stdout.strip() != "tree":
            return tree
        env = {**os.environ, "GIT_INDEX_FILE": str(base / "index")}
        self._run(self.root, ("read-tree", where), env)
        self._run(
            self.root,
            ("-c", "core.sparseCheckout=false", "checkout-index", "--all", "--force",
             f"--prefix={tree}{os.sep}"),
            env,
        )  # fmt: skip
        return tree

    def renames(self, base: str, head: str | None) -> dict[str, str]:
        """{old path: new path} of the vault's files that git sees as renamed between
        ``base`` and ``head`` (None: the work tree; staged renames, ``git mv``, count),
        vault-relative."""
        args = ["diff", "--no-ext-diff", "--no-textconv", "-M", "--name-status", "-z",
                "--relative", base]  # fmt: skip
        if head is not None:
            args.append(head)
        done = self._run(self.vault, (*args, "--", "."), None)
        parts = done.stdout.split("\0")
        out: dict[str, str] = {}
        i = 0
        while i < len(parts) and parts[i]:
            status = parts[i]
            if status.startswith(("R", "C")):
                if status.startswith("R"):
                    out[parts[i + 1]] = parts[i + 2]
                i += 3
            else:
                i += 2
        return out

    def _run(
        self, cwd: Path, args: Sequence[str], env: dict[str, str] | None
    ) -> subprocess.CompletedProcess[str]:
        done = _git(cwd, *args, env=env)
        if done.returncode != 0:
            message = done.stderr.strip().splitlines()
            name = next(a for a in args if not a.startswith("-") and "=" not in a)
            raise GitError(f"git {name} failed: {message[-1] if message else done.returncode}")
        return done
