"""The on-disk cache: per-note parse results, and a snapshot of the built graph.

Files are ``MAGIC``, one JSON header line and a :mod:`marshal` payload whose
BLAKE2 digest the header holds. A file that is missing, truncated, corrupt,
foreign, not a regular file, or from another intgraph, cache format or build (see
:func:`build_id`) is ignored (and rewritten); it never gives a wrong answer.
Writes go to a temporary file that is renamed into place, so concurrent runs each
see a whole file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import marshal
import os
from pathlib import Path
from typing import Any

from intgraph import __version__
from intgraph.codec import FORMAT
from intgraph.vault import read_regular

MAGIC = b"intgraph-cache\n"
NOTES, GRAPH, DETAIL = "notes", "graph", "graph-detail"


def default_dir(vault_root: Path) -> Path:
    """``$XDG_CACHE_HOME/intgraph/<hash of the vault path>`` (``~/.cache`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    tag = hashlib.sha256(str(vault_root.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(base) / "intgraph" / tag


@functools.cache
def build_id() -> str:
    """A digest of the source of the modules that shape what the cache holds (every
    module but the queries, renderers and CLI), so two builds of one version that
    differ in code never read each other's cache. About a millisecond, once a run."""
    return source_digest(Path(__file__).resolve().parent)


def source_digest(package: Path) -> str:
    """The digest :func:`build_id` takes of the package at ``package``."""
    h = hashlib.blake2b(digest_size=16)
    for folder in (package, package / "parse"):
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith(".py"))
            for name in names:
                h.update(f"{folder.name}/{name}\0".encode())
                h.update(read_regular(folder / name))
        except OSError:
            h.update(b"unreadable")
    return h.hexdigest()


def read(directory: Path, kind: str, key: str) -> tuple[Any, int] | None:
    """(payload, written_ns) of the cache file ``kind`` when it is whole and matches ``key``.

    Only a regular file is read (a FIFO or device in its place is ignored), and never
    past the size it had when opened."""
    try:
        blob = read_regular(directory / f"{kind}.cache")
    except OSError:
        return None
    if not blob.startswith(MAGIC):
        return None
    end = blob.find(b"\n", len(MAGIC))
    if end == -1:
        return None
    try:
        header = json.loads(blob[len(MAGIC) : end])
    except ValueError:
        return None
    payload = memoryview(blob)[end + 1 :]  # no copy of a snapshot of tens of megabytes
    expected = {
        "format": FORMAT,
        "version": __version__,
        "build": build_id(),
        "kind": kind,
        "key": key,
    }
    if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
        return None
    if header.get("digest") != hashlib.blake2b(payload).hexdigest():
        return None
    written = header.get("written_ns")
    try:
        data = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return (data, written) if isinstance(written, int) else None


def write(directory: Path, kind: str, key: str, data: Any, written_ns: int) -> bool:
    """Write a cache file atomically; False (and no file change) when that is not possible."""
    try:
        payload = marshal.dumps(data)
        header = {
            "format": FORMAT,
            "version": __version__,
            "build": build_id(),
            "kind": kind,
            "key": key,
            "written_ns": written_ns,
            "digest": hashlib.blake2b(payload).hexdigest(),
        }
        import tempfile  # only a run that writes pays for it

        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{kind}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + json.dumps(header).encode("ascii") + b"\n" + payload)
            os.replace(tmp, directory / f"{kind}.cache")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return False
    return True
