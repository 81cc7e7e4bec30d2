"""Where findings sit for CI tools: paths from the git repository root, and the text of
each finding's line (what stable fingerprints are made of)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from intgraph.pipeline import Landscape
from intgraph.revisions import repo_prefix
from intgraph.vault import read_note


@dataclass(frozen=True)
class Locations:
    """The vault's folder inside its git work tree, and the text of the wanted lines."""

    #: "" when the vault is the repository root or not in a git work tree, else "a/b/".
    prefix: str = ""
    lines: Mapping[tuple[str, int], str] = field(default_factory=dict)

    def path(self, vault_path: str) -> str:
        """A vault-relative path made relative to the repository root."""
        return self.prefix + vault_path

    def text(self, vault_path: str, line: int) -> str:
        """The line's text with runs of whitespace collapsed ("" when unknown)."""
        return " ".join(self.lines.get((vault_path, line), "").split())


def locate(landscape: Landscape, places: Iterable[tuple[str, int]]) -> Locations:
    """Find the repository prefix of the vault and read the lines at ``places``
    ((vault-relative path, 1-based line)); each file is read once."""
    wanted: dict[str, set[int]] = {}
    for path, line in places:
        wanted.setdefault(path, set()).add(line)
    lines: dict[tuple[str, int], str] = {}
    for path, numbers in sorted(wanted.items()):
        if path not in landscape.files.notes:
            continue
        text = read_note(landscape.files.root, path).text.split("\n")
        for n in numbers:
            if 1 <= n <= len(text):
                lines[(path, n)] = text[n - 1]
    return Locations(repo_prefix(landscape.files.root) or "", lines)
