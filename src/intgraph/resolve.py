"""Resolve link paths to vault files exactly as Obsidian does.

Rules (each one is table-tested in ``tests/test_resolve.py``):

1. Matching is case-insensitive (after Unicode NFC). The path is the part before ``#``.
2. When the last segment contains a dot, the path is looked up as written first
   (``[[diagram.png]]``); otherwise, or when that finds nothing, with ``.md`` added.
3. ``./`` and ``../`` resolve against the linking note's folder; a leading ``/`` or a
   full vault path matches exactly, and wins over every other candidate.
4. Otherwise the candidates are the files whose path ends with the link path.
   Candidates under the linking note's folder come first, then the shortest path.
   A bare name with several candidates is also reported as ambiguous.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

from intgraph.model import Link, Resolution, name_key


class Resolver:
    """An index of a vault's files that resolves link paths from a given note."""

    def __init__(self, files: Iterable[str]) -> None:
        self._files = tuple(files)
        self._memo: dict[tuple[str, str], tuple[str, ...]] = {}
        #: Answers that do not depend on the linking note: one candidate or none.
        self._anywhere: dict[str, tuple[str, ...]] = {}

    @cached_property
    def _index(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """(every file by its case-folded path, every file path by its case-folded file
        name in path order), built on first use: a warm run that resolves nothing never
        pays for it."""
        exact: dict[str, str] = {}
        by_name: dict[str, list[str]] = defaultdict(list)
        for path in sorted(self._files):
            key = name_key(path)
            exact.setdefault(key, path)
            by_name[key.rsplit("/", 1)[-1]].append(path)
        return exact, by_name

    def prepare(self) -> None:
        """Build the file index now rather than on the first resolution (a cold scan
        builds it while its workers parse)."""
        self._index  # noqa: B018 - the cached property is built by reading it

    def candidates(self, target: str, source: str) -> tuple[str, ...]:
        """Return every file ``target`` may mean from ``source``, best first."""
        found = self._anywhere.get(target)
        if found is not None:
            return found
        folder = source.rsplit("/", 1)[0] if "/" in source else ""
        key = (target, folder if target.strip() else source)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._candidates(target, source)
            # Where the note is only orders several candidates (or resolves a relative
            # path, or a blank one to the note itself): others are kept by target alone.
            if len(found) < 2 and not _relative(target):
                self._anywhere[target] = found
        return found

    def _candidates(self, target: str, source: str) -> tuple[str, ...]:
        target = target.strip().replace("\\", "/")
        if not target:
            return (source,)
        folder = source.rsplit("/", 1)[0] if "/" in source else ""
        if target.startswith(("./", "../")):
            joined = posixpath.normpath(posixpath.join(folder, target))
            return tuple(self._exact_forms(joined.lstrip("/")))
        if target.startswith("/"):
            return tuple(self._exact_forms(target.lstrip("/")))
        for form in _forms(target):
            key = name_key(form)
            name = key.rsplit("/", 1)[-1]
            matches = [
                p for p in self._index[1].get(name, ()) if "/" not in key or _ends_with(p, key)
            ]
            if len(matches) > 1:
                prefix = name_key(folder) + "/" if folder else ""
                matches.sort(key=lambda p: _rank(p, key, prefix))
            if matches:
                return tuple(matches)
        return ()

    def _exact_forms(self, path: str) -> list[str]:
        for form in _forms(path):
            hit = self._index[0].get(name_key(form))
            if hit is not None:
                return [hit]
        return []

    def resolve(self, link: Link, source: str) -> Resolution:
        """Resolve one link of the note at ``source``."""
        found = self.candidates(link.target, source)
        bare = "/" not in link.target.strip()
        return Resolution(
            link=link,
            source=source,
            resolved=found[0] if found else None,
            candidates=found if bare and len(found) > 1 else found[:1],
        )

    def resolve_path(self, target: str, source: str) -> str | None:
        """Return the file a link path names from ``source``, or None."""
        # Most paths are answered already, whatever the linking note: looked up here
        # first (a graph's build resolves a million of them at 100,000 integrations).
        found = self._anywhere.get(target)
        if found is None:
            found = self.candidates(target, source)
        return found[0] if found else None

    def prime(self, targets: Iterable[str], source: str) -> None:
        """Resolve each of ``targets`` from ``source`` now, so that later resolutions
        find their answers kept (those made already are not looked at again)."""
        anywhere = self._anywhere
        for target in targets:
            if target not in anywhere:
                self.candidates(target, source)


def _relative(target: str) -> bool:
    """True when what ``target`` names depends on the linking note's folder, whatever
    the vault holds: a relative path, or a blank one (which means the note itself)."""
    path = target.strip().replace("\\", "/")
    return not path or path.startswith(("./", "../"))


def _forms(path: str) -> list[str]:
    last = path.rsplit("/", 1)[-1]
    if last.lower().endswith(".md"):
        return [path]
    if "." in last:
        return [path, path + ".md"]
    return [path + ".md"]


def _rank(path: str, key: str, prefix: str) -> tuple[bool, bool, int, str]:
    """How a candidate ranks for the case-folded link path ``key`` from a note whose
    folder is ``prefix`` (case-folded, with its "/"): an exact path first, then one under
    the note's folder, then the shortest."""
    low = name_key(path)
    return (low != key, not (prefix and low.startswith(prefix)), len(path), path)


def _ends_with(path: str, key: str) -> bool:
    low = name_key(path)
    return low == key or low.endswith("/" + key)
