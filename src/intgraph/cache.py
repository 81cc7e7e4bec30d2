"""The on-disk cache: per-note parse results, and a snapshot of the built graph.

Files are ``MAGIC``, one JSON header line and a :mod:`marshal` payload whose
BLAKE2 digest the header holds. A file that is missing, truncated, corrupt,
foreign, or from another intgraph or cache format is ignored (and rewritten);
it never gives a wrong answer. Writes go to a temporary file that is renamed
into place, so concurrent runs each see a whole file.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from pathlib import Path
from typing import Any

from intgraph import __version__
from intgraph.codec import FORMAT

MAGIC = b"intgraph-cache\n"
NOTES, GRAPH = "notes", "graph"


def default_dir(vault_root: Path) -> Path:
    """``$XDG_CACHE_HOME/intgraph/<hash of the vault path>`` (``~/.cache`` by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    tag = hashlib.sha256(str(vault_root.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(base) / "intgraph" / tag


def read(directory: Path, kind: str, key: str) -> tuple[Any, int] | None:
    """(payload, written_ns) of the cache file ``kind`` when it is whole and matches ``key``."""
    # The header first: a file for another key is not read further.
    try:
        with open(directory / f"{kind}.cache", "rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            line = handle.readline(65536)
            try:
                header = json.loads(line)
            except ValueError:
                return None
            expected = {"format": FORMAT, "version": __version__, "kind": kind, "key": key}
            if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
                return None
            payload = handle.read()
    except OSError:
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
