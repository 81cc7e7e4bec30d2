"""The parser's compiled modules (see setup.py) against their plain-Python sources.

An install compiles the modules setup.py lists with mypyc when it can. Whether it did
or not, a scan must give the same bytes: a child process imports every intgraph module
from its ``.py`` source and parses the fixture vaults and a generated one; this process
(compiled when the install compiled) parses the same notes; the results must be equal.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import marshal
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.vaultgen import generate
from tests.conftest import FIXTURES, ROOT

from intgraph.model import TEMPLATE_PLACEHOLDER_LINKS
from intgraph.reader import _batch
from intgraph.vault import find_files

SRC = ROOT / "src"


def compiled_modules() -> list[str]:
    """The module names setup.py compiles (read from its ``COMPILED`` list)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "COMPILED":
            paths: list[str] = ast.literal_eval(node.value)
            modules = [p.removesuffix(".py").removesuffix("/__init__") for p in paths]
            return [m.replace("/", ".") for m in modules]
    raise AssertionError("setup.py has no COMPILED list")


def scan_digest(roots: list[Path]) -> str:
    """A digest of what the workers of a cold scan send for every note of ``roots``,
    with and without lint's records.

    The notes-cache entries and records are marshalled again with version 2, which
    writes no back-references: which objects marshal marks for reuse depends on how
    many references each has (compiled code keeps fewer), not on the values."""
    placeholders = frozenset(TEMPLATE_PLACEHOLDER_LINKS)
    digest = hashlib.sha256()
    for root in roots:
        notes = list(find_files(root).notes)
        for raw in (False, True):
            entries, records, pieces = _batch(
                str(root), notes, [(-1, 0)] * len(notes), placeholders, raw
            )
            digest.update(marshal.dumps(marshal.loads(entries), 2))
            digest.update(marshal.dumps(marshal.loads(records), 2))
            digest.update(pieces)
    return digest.hexdigest()


#: Run in a child: import intgraph from the .py sources only, then print scan_digest.
PURE = """
import importlib.util, sys
from pathlib import Path
src = Path(sys.argv[1])

class Sources:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != "intgraph" and not name.startswith("intgraph."):
            return None
        base = src.joinpath(*name.split("."))
        if (base / "__init__.py").is_file():
            return importlib.util.spec_from_file_location(
                name, base / "__init__.py", submodule_search_locations=[str(base)])
        return importlib.util.spec_from_file_location(name, base.with_suffix(".py"))

sys.meta_path.insert(0, Sources)
from tests.test_native import compiled_modules, scan_digest
for name in compiled_modules():
    module = importlib.import_module(name)
    assert module.__file__.endswith(".py"), module.__file__
print(scan_digest([Path(p) for p in sys.argv[2:]]))
"""


@pytest.fixture(scope="module")
def vaults(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    generated = tmp_path_factory.mktemp("generated")
    generate(generated, 300, seed=11)
    fixtures = sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    return [*fixtures, generated]


def test_compiled_and_plain_modules_scan_to_the_same_bytes(vaults: list[Path]) -> None:
    code = "import importlib\n" + PURE
    done = subprocess.run(
        [sys.executable, "-c", code, str(SRC), *map(str, vaults)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == scan_digest(vaults)


def test_compiled_modules_are_not_older_than_their_sources() -> None:
    """An extension built beside a module is imported instead of it: one built before
    the module's last edit runs old code (rebuild with ``pip install -e .``)."""
    for name in compiled_modules():
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None
        origin = Path(spec.origin)
        source = SRC.joinpath(*name.split(".")).with_suffix(".py")
        if origin.name.startswith("__init__"):
            source = origin.parent / "__init__.py"
        if origin.suffix != ".py":
            assert origin.stat().st_mtime >= source.stat().st_mtime, (
                f"{origin} is older than {source}: run pip install -e . again"
            )
