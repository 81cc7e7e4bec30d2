"""The on-disk cache: per-note parse results, and a snapshot of the built graph.

Files are ``MAGIC``, one JSON header line and a :mod:`marshal` payload whose
CRC-32 the header holds (see :class:`Checksum`). A dict too large to hold whole in memory (the notes
cache of a cold run) is written in *parts* as they come (see :class:`PartsWriter`): the
payload is then a run of length-prefixed marshalled dicts whose union is the dict.
A file that is missing, truncated, corrupt, foreign, not a regular file, or from
another intgraph, cache format or build (see :func:`build_id`) is ignored (and
rewritten); it never gives a wrong answer. Writes go to a temporary file that is
renamed into place, so concurrent runs each see a whole file.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import marshal
import os
import signal
import zlib
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from intgraph import __version__
from intgraph.codec import FORMAT
from intgraph.filestats import can_fork, forked
from intgraph.safeio import read_regular

MAGIC = b"intgraph-cache\n"
NOTES, GRAPH, DETAIL = "notes", "graph", "graph-detail"
#: The room a :class:`PartsWriter` leaves for its header line (padded with spaces).
HEADER_ROOM = 1024
_LENGTH = 8  # bytes of the length before each part


#: Cache folders being written by children: folder -> for each child, (wait for it,
#: write its part here).
_BEHIND: dict[Path, list[tuple[Callable[[], Any], Callable[[], object]]]] = {}


def write_behind(directory: Path, *saves: Callable[[], object], join: bool = False) -> None:
    """Run each of ``saves`` (each writes its own cache files into ``directory``) in a
    forked child, so that this process can go on (answering the command) while they
    write; run them here when no child can be started. :func:`settle` waits for them.
    The writes into ``directory`` already left to children are waited for first, unless
    ``join`` (they are then part of the same update as ``saves``)."""
    if not join:
        settle(directory)
    if not can_fork():
        for save in saves:
            save()
        return

    def child(save: Callable[[], object]) -> Callable[[], bool]:
        def work() -> bool:
            # Ctrl-C stops the command, which then waits for this child: the cache it
            # writes is finished rather than left to be done again in the command.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            save()
            return True

        return work

    pending = _BEHIND.setdefault(_where(directory), [])
    for save in saves:
        pending.append((forked(child(save), lambda done: done is True), save))


def settle(directory: Path | None = None) -> None:
    """Wait for the writes :func:`write_behind` left to children (those into
    ``directory``, or all); a write whose child failed is done again here (once every
    child is done), raising what it raises."""
    for where in [_where(directory)] if directory is not None else list(_BEHIND):
        pending = _BEHIND.pop(where, [])
        failed = [save for wait, save in pending if wait() is None]
        for save in failed:
            save()


def _where(directory: Path) -> Path:
    return Path(os.path.abspath(directory))


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


def size(directory: Path, kind: str) -> int:
    """The size in bytes of the cache file ``kind`` in ``directory`` (of whatever key or
    layout); 0 when there is none."""
    try:
        return os.stat(directory / f"{kind}.cache").st_size
    except OSError:
        return 0


def read(directory: Path, kind: str, key: str) -> tuple[Any, int] | None:
    """(payload, written_ns) of the cache file ``kind`` when it is whole and matches ``key``.

    Only a regular file is read (a FIFO or device in its place is ignored), and never
    past the size it had when opened."""
    found = _read(directory, kind, key)
    return None if found is None else found[1:]


def read_any(directory: Path, kind: str) -> tuple[str, Any, int] | None:
    """(key, payload, written_ns) of the cache file ``kind`` when it is whole, whatever
    key it was written for: for a caller that reads it before it knows the key it wants
    (and compares them after)."""
    return _read(directory, kind, None)


def _read(directory: Path, kind: str, key: str | None) -> tuple[str, Any, int] | None:
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
    expected = {"format": FORMAT, "version": __version__, "build": build_id(), "kind": kind}
    if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
        return None
    found_key = header.get("key")
    if not isinstance(found_key, str) or (key is not None and found_key != key):
        return None
    check = Checksum()
    check.update(payload)
    if header.get("digest") != check.hexdigest():
        return None
    written = header.get("written_ns")
    try:
        data = _parts(payload) if header.get("parts") is True else marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    return (found_key, data, written) if isinstance(written, int) else None


def _parts(payload: memoryview) -> dict[Any, Any]:
    """The union of the length-prefixed marshalled dicts of a payload written in parts."""
    data: dict[Any, Any] = {}
    at = 0
    while at < len(payload):
        size = int.from_bytes(payload[at : at + _LENGTH], "little")
        at += _LENGTH
        if at + size > len(payload):
            raise ValueError("a part past the end of the payload")
        part = marshal.loads(payload[at : at + size])
        if not isinstance(part, dict):
            raise TypeError("a part that is not a dict")
        data.update(part)
        at += size
    return data


def _header(kind: str, key: str, written_ns: int, digest: str, parts: bool) -> bytes:
    header = {
        "format": FORMAT,
        "version": __version__,
        "build": build_id(),
        "kind": kind,
        "key": key,
        "written_ns": written_ns,
        "digest": digest,
    }
    if parts:
        header["parts"] = True
    return json.dumps(header).encode("ascii")


class Checksum:
    """The CRC-32 of the bytes given so far, as a cache file's header holds it.

    It tells a torn, truncated or damaged payload from a whole one, as zip and PNG
    files do; a cryptographic digest would tell no more (anyone who can write the cache
    folder can write a matching header) and costs a warm run at 100,000 integrations a
    tenth of a second more on its graph snapshot alone."""

    def __init__(self) -> None:
        """An empty checksum."""
        self._value = 0

    def update(self, data: Any) -> None:
        """Add ``data`` (bytes-like)."""
        self._value = zlib.crc32(data, self._value)

    def hexdigest(self) -> str:
        """The checksum as text."""
        return f"crc32:{self._value:08x}"


def write(directory: Path, kind: str, key: str, data: Any, written_ns: int) -> bool:
    """Write a cache file atomically; False (and no file change) when that is not possible."""
    try:
        payload = marshal.dumps(data)
    except ValueError:
        return False
    return write_payload(directory, kind, key, [payload], written_ns)


def write_payload(directory: Path, kind: str, key: str, pieces: list[Any], written_ns: int) -> bool:
    """Write a cache file whose payload (a :mod:`marshal` stream) is the concatenation of
    ``pieces`` (bytes-like), never joined in memory; as :func:`write` otherwise."""
    try:
        digest = Checksum()
        for piece in pieces:
            digest.update(piece)
        header = _header(kind, key, written_ns, digest.hexdigest(), False)
        import tempfile  # only a run that writes pays for it

        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{kind}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + header + b"\n")
                for piece in pieces:
                    handle.write(piece)
            os.replace(tmp, directory / f"{kind}.cache")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return False
    return True


def spliced(data: Any, marker: bytes, blob: list[bytes]) -> list[Any] | None:
    """The :func:`marshal.dumps` of ``data`` with the bytes object ``marker`` in it
    replaced by the bytes that the parts of ``blob`` make, as pieces (no copy of them):
    what marshal would make of ``data`` holding ``b"".join(blob)`` in its place.
    ``marker`` must be unique within the stream and held elsewhere too (so that marshal
    flags it, as it flags the blob); None when it is not found once."""
    raw = marshal.dumps(data)
    size = len(marker).to_bytes(4, "little")
    needles = [bytes([flag]) + size + marker for flag in (0xF3, 0x73)]  # "s", flagged or not
    found = [at for needle in needles for at in (raw.find(needle),) if at >= 0]
    length = sum(map(len, blob))
    if len(found) != 1 or raw.find(marker, found[0] + 6) >= 0 or length > 0x7FFFFFFF:
        return None
    at = found[0]
    payload = memoryview(raw)
    head = payload[: at + 1]
    tail = payload[at + 5 + len(marker) :]
    return [head, length.to_bytes(4, "little"), *blob, tail]


class PartsWriter:
    """Writes the cache file ``kind`` of a dict one part (a marshalled dict) at a time, so
    the whole dict is never held in memory; readers see the union of the parts (in
    order: a later part wins) through :func:`read`. The file is written to a temporary
    name and renamed into place by :meth:`commit`; leaving the ``with`` block without a
    commit (or on an error) removes it. A writer that cannot write ignores its parts and
    commits nothing (``ok`` is False)."""

    def __init__(self, directory: Path, kind: str, key: str, written_ns: int) -> None:
        """Open the temporary file in ``directory``."""
        self._target = directory / f"{kind}.cache"
        self._meta = (kind, key, written_ns)
        self._digest = Checksum()
        self._tmp: str | None = None
        self._handle: Any = None
        try:
            import tempfile

            directory.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(dir=directory, prefix=f".{kind}.", suffix=".tmp")
            self._handle = os.fdopen(fd, "wb")
            self._handle.write(MAGIC + b" " * HEADER_ROOM + b"\n")
        except OSError:
            self._fail()

    @property
    def ok(self) -> bool:
        """True while every part so far was written."""
        return self._handle is not None

    def add(self, part: bytes) -> None:
        """Append ``part``, the :func:`marshal.dumps` of a dict."""
        if self._handle is None:
            return
        length = len(part).to_bytes(_LENGTH, "little")
        self._digest.update(length)
        self._digest.update(part)
        try:
            self._handle.write(length)
            self._handle.write(part)
        except OSError:
            self._fail()

    def commit(self) -> bool:
        """Write the header and rename the file into place; False when it was not written."""
        if self._handle is None or self._tmp is None:
            return False
        header = _header(*self._meta, self._digest.hexdigest(), True)
        try:
            if len(header) > HEADER_ROOM:
                raise OSError("cache header too long")
            self._handle.seek(len(MAGIC))
            self._handle.write(header.ljust(HEADER_ROOM))
            self._handle.close()
            self._handle = None
            os.replace(self._tmp, self._target)
            self._tmp = None
        except OSError:
            self._fail()
            return False
        return True

    def _fail(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
        if self._tmp is not None:
            Path(self._tmp).unlink(missing_ok=True)
            self._tmp = None

    def __enter__(self) -> PartsWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._fail()  # a committed writer has nothing left to remove
