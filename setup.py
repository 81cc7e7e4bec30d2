"""Build intgraph, compiling the note parser with mypyc where a C compiler is present.

Everything else is in pyproject.toml. The modules in ``COMPILED`` are the per-note work
of a scan; mypyc turns them into C extensions (as black and mypy ship themselves),
which parse a note in about two thirds of the time. They stay plain Python modules
too: with ``INTGRAPH_PURE_PYTHON=1``, or when compiling fails (no compiler, no Python
headers), the install carries on without extensions, and intgraph behaves the same,
only slower. ``tests/test_native.py`` holds the compiled modules to the plain ones.

After editing one of these modules in an editable install, run ``pip install -e .``
again (or install with ``INTGRAPH_PURE_PYTHON=1``): an extension built beside a module
is imported instead of it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: The modules compiled, under src/ (the parser, and the encoding of its notes).
COMPILED = [
    "intgraph/parse/__init__.py",
    "intgraph/parse/fastmask.py",
    "intgraph/parse/fieldlines.py",
    "intgraph/parse/fields.py",
    "intgraph/parse/front.py",
    "intgraph/parse/links.py",
    "intgraph/parse/scan.py",
    "intgraph/parse/values.py",
    "intgraph/codec.py",
    "intgraph/records.py",
]


class OptionalBuildExt(build_ext):
    """build_ext that leaves the pure-Python modules in place when compiling fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # any compiler failure means pure Python
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        for built in self.get_outputs():
            Path(built).unlink(missing_ok=True)
        sys.stderr.write(
            f"intgraph: the parser was not compiled ({exc.__class__.__name__}: {exc}); "
            "installing it as plain Python\n"
        )


#: The setup commands that build code (the others only read metadata: no need to compile).
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install"}


def extensions() -> list[Any]:
    """The mypyc extensions, or none (pure Python asked for, mypyc missing, or a command
    that builds nothing)."""
    if os.environ.get("INTGRAPH_PURE_PYTHON", "") not in ("", "0"):
        return []
    if not BUILDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        sys.stderr.write("intgraph: mypyc is not available; installing plain Python\n")
        return []
    try:  # mypyc names each module by the packages above its file
        return list(mypycify([f"src/{path}" for path in COMPILED], opt_level="3"))
    except (Exception, SystemExit) as exc:  # a mypyc failure must not stop the install
        sys.stderr.write(f"intgraph: mypyc failed ({exc}); installing plain Python\n")
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
