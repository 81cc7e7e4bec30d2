"""Every note's parse result, held to reference data recorded before the parser was sped up.

``tests/golden/parse.fixtures.txt`` holds ``codec.encode(parse_text(...))`` of every
``*.md`` file under ``vault_fixtures/`` (dot-folders and template folders included), for
``raw=False`` and ``raw=True``; generated vaults (``benchmarks.vaultgen``, three seeds)
are held to a BLAKE2 digest of the same encodings. ``UPDATE_GOLDEN=1 pytest`` rewrites
the golden file; the digests are rewritten by hand (they are printed on a mismatch).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks.vaultgen import generate
from tests.conftest import FIXTURES, ROOT

from intgraph.codec import encode
from intgraph.model import TEMPLATE_PLACEHOLDER_LINKS
from intgraph.parse import parse_text
from intgraph.vault import decode

GOLDEN = ROOT / "tests" / "golden" / "parse.fixtures.txt"
PLACEHOLDERS = frozenset(TEMPLATE_PLACEHOLDER_LINKS)

#: (seed, BLAKE2b-256 of the encodings of every note, raw=False then raw=True).
GENERATED = {
    7: "8c362c8a5b3966cd4de1ce238a0af6a65d103befbdcfffe59d92df27842af4ab",
    11: "4af9d6f6a9e7d118107966ca1d5b079a118bd6b02f41543d3939df88e7a01850",
    2024: "3791c104ff80113915865c09a384089bd807ed562fad26fa5af89e0207bd210a",
}
GENERATED_SIZE = 300


def _notes(root: Path) -> Iterator[tuple[str, str, tuple[Any, ...]]]:
    """(relative path, text, decoding problems) of every regular ``*.md`` file below root."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            full = Path(dirpath) / name
            if not name.lower().endswith(".md") or not full.is_file() or full.is_symlink():
                continue
            rel = full.relative_to(root).as_posix()
            note = decode(rel, full.read_bytes())
            yield rel, note.text, note.problems


def _encodings(root: Path) -> Iterator[tuple[str, bool, tuple[Any, ...]]]:
    for rel, text, problems in _notes(root):
        for raw in (False, True):
            yield rel, raw, encode(parse_text(rel, text, PLACEHOLDERS, problems, raw))


def _fixture_text() -> str:
    out: list[str] = []
    for rel, raw, encoded in _encodings(FIXTURES):
        out.append(f"## {rel} raw={raw}\n{encoded!r}\n")
    return "".join(out)


def test_fixture_vaults_parse_as_recorded() -> None:
    actual = _fixture_text()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    if actual != expected:
        want = dict(zip(expected.split("\n")[0::2], expected.split("\n")[1::2], strict=False))
        got = dict(zip(actual.split("\n")[0::2], actual.split("\n")[1::2], strict=False))
        differing = [k for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)]
        first = differing[0]
        pytest.fail(
            f"{len(differing)} parse results differ from {GOLDEN.name}; first {first}:\n"
            f"expected {want.get(first)}\nactual   {got.get(first)}"
        )


def generated_digest(root: Path) -> str:
    """The digest of every note's encodings in a vault (path order, raw=False then True)."""
    digest = hashlib.blake2b(digest_size=32)
    for rel, raw, encoded in _encodings(root):
        digest.update(repr((rel, raw, encoded)).encode("utf-8"))
    return digest.hexdigest()


@pytest.mark.parametrize("seed", sorted(GENERATED))
def test_generated_vaults_parse_as_recorded(tmp_path: Path, seed: int) -> None:
    generate(tmp_path, GENERATED_SIZE, seed=seed)
    assert generated_digest(tmp_path) == GENERATED[seed], f"seed {seed}"
