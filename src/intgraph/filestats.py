"""Stat a vault's files, on two cores when there are many.

A warm run is mostly a check that nothing changed: one ``stat`` per file, which costs
a few microseconds each in the kernel (about 1 s for 145,000 files on a small VM).
Past :data:`PARALLEL_MIN` files, on Linux and in a process with no other thread, a
forked child stats the second half of the folders while this process stats the first
and sends its results back through a pipe, marshalled. Anything that goes wrong in the
child (or a child that cannot be started) only means the second half is stat'ed here
too: the answer is the same either way. :func:`forked` runs other work so (a whole
walk of the vault, while this process does something else).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import select
import sys
import threading
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import ge, itemgetter
from stat import S_ISREG
from typing import Any

#: Below this many files a second process costs more than it saves.
PARALLEL_MIN = 8000

#: A folder's files to stat: (the folder's path, the names of its files).
Batch = tuple[str, Sequence[str]]
#: What a file's stat says: (size, mtime_ns) of a regular file, the mode of anything
#: else (a FIFO, a device), or None when it cannot be stat'ed (a broken link, a file
#: removed meanwhile).
Stat = tuple[int, int] | int | None


@dataclass(frozen=True)
class Packed:
    """The (size, mtime_ns) of each of a vault's files, in the order of its sorted
    paths, as two arrays of 64-bit integers (native byte order): what a child that
    walked the vault sends back, and what the vault's cache key is a digest of. A warm
    run needs no more of the stats than that and the newest mtime, so it never builds a
    dict of 145,000 entries, nor sends or receives one."""

    sizes: bytes = b""
    mtimes: bytes = b""

    @classmethod
    def of(cls, paths: Sequence[str], stats: Mapping[str, tuple[int, int]]) -> Packed:
        """The stats of ``paths`` (sorted) as ``stats`` holds them; (-1, 0) where it
        holds none."""
        found = list(map(stats.get, paths, repeat((-1, 0))))
        sizes = array("q", map(itemgetter(0), found))
        mtimes = array("q", map(itemgetter(1), found))
        return cls(sizes.tobytes(), mtimes.tobytes())

    def fits(self, paths: Sequence[str]) -> bool:
        """True when it holds one (size, mtime_ns) for each of ``paths``."""
        return len(self.sizes) == len(self.mtimes) == len(paths) * _WORD

    def arrays(self) -> tuple[array[int], array[int]]:
        """(sizes, mtimes) as arrays of ints, in path order."""
        sizes, mtimes = array("q"), array("q")
        sizes.frombytes(self.sizes)
        mtimes.frombytes(self.mtimes)
        return sizes, mtimes

    def newest(self) -> int:
        """The latest mtime_ns of all (0 when there are no files)."""
        return max(self.arrays()[1], default=0)

    def since(self, paths: Sequence[str], limit: int) -> list[str]:
        """Those of ``paths`` (the paths it was packed for) modified at ``limit`` (an
        mtime_ns) or later."""
        return list(compress(paths, map(ge, self.arrays()[1], repeat(limit))))

    def mapping(self, paths: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Path -> (size, mtime_ns) of ``paths``, the paths it was packed for."""
        sizes, mtimes = self.arrays()
        return dict(zip(paths, zip(sizes, mtimes, strict=True), strict=True))


_WORD = array("q").itemsize


def stat_files(batches: Sequence[Batch], parallel: bool | None = None) -> list[Stat]:
    """The :data:`Stat` of every file of ``batches``, following links, in order (the
    first folder's files, then the next folder's). ``parallel``: whether to use a
    second process (default: when it pays)."""
    pieces = [
        (folder, names[i : i + _PIECE])
        for folder, names in batches
        for i in range(0, len(names), _PIECE)
    ]
    total = sum(len(names) for _, names in pieces)
    if parallel is None:
        parallel = total >= PARALLEL_MIN
    if not (parallel and len(pieces) > 1 and can_fork()):
        return _stat_pieces(pieces)
    at, count = 0, 0
    while count < total // 2:
        count += len(pieces[at][1])
        at += 1
    first, second = pieces[:at], pieces[at:]
    expected = sum(len(names) for _, names in second)
    theirs = forked(
        lambda: _stat_pieces(second),
        lambda found: type(found) is list and len(found) == expected,
    )
    try:
        mine = _stat_pieces(first)
    finally:
        found = theirs()
    return mine + (found if found is not None else _stat_pieces(second))


#: Folders are split in pieces of this many files, so that the two halves can be even.
_PIECE = 1000


def can_fork() -> bool:
    """True when this process can start a forked child safely: on Linux, with no other
    thread (a child forked beside one could hold a lock it held)."""
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


class Pending:
    """What :func:`forked` returns: called, it waits for the child and gives what the
    child sent (or None); :meth:`ready` tells, without waiting, whether the child has
    started sending (or ended)."""

    def __init__(self, wait: Callable[[], Any], ready: Callable[[], bool]) -> None:
        """A child waited for by ``wait``, whose answer ``ready`` tells of."""
        self._wait = wait
        self.ready = ready

    def __call__(self) -> Any:
        return self._wait()


#: What :func:`forked` returns when no child was started: nothing to wait for.
NO_CHILD = Pending(lambda: None, lambda: True)


def forked(work: Callable[[], Any], valid: Callable[[Any], bool]) -> Pending:
    """Start a forked child that runs ``work`` and sends back what it returns (which
    :mod:`marshal` must be able to write); the :class:`Pending` returned waits for the
    child and gives that value, or None when the child failed, sent something ``valid``
    refuses, or could not be started (on another platform than Linux, or beside other
    threads)."""
    if not can_fork():
        return NO_CHILD
    try:
        readable, writable = os.pipe()
    except OSError:
        return NO_CHILD
    _widen(writable)
    try:
        pid = os.fork()
    except OSError:
        os.close(readable)
        os.close(writable)
        return NO_CHILD
    if pid == 0:  # the child: never returns to the caller
        code = 1
        try:
            os.close(readable)
            data = marshal.dumps(work())
            view = memoryview(data)
            while view:
                view = view[os.write(writable, view) :]
            code = 0
        finally:
            os._exit(code)
    os.close(writable)

    def wait() -> Any:
        chunks = []
        try:
            while chunk := os.read(readable, 1 << 20):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(readable)
            _pid, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            found = marshal.loads(b"".join(chunks))
        except (ValueError, EOFError, TypeError):
            return None
        return found if valid(found) else None

    def ready() -> bool:
        try:
            return bool(select.select([readable], [], [], 0)[0])
        except (OSError, ValueError):  # closed: the answer was taken already
            return True

    return Pending(wait, ready)


#: The pipe a child answers through, where the platform lets it grow: a megabyte (what
#: Linux lets any process ask for) instead of 64 KB, so that a walk of 145,000 files
#: (12 MB) crosses in a dozen writes rather than two hundred, each a wait for the other
#: process to be scheduled.
PIPE_SIZE = 1 << 20


def _widen(pipe: int) -> None:
    with contextlib.suppress(ImportError, AttributeError, OSError):  # not Linux; a limit
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, PIPE_SIZE)


def _stat_pieces(pieces: Sequence[Batch]) -> list[Stat]:
    found: list[Stat] = []
    for folder, names in pieces:
        found.extend(_stat_folder(folder, names))
    return found


#: Stat a folder's files relative to the folder's descriptor where the platform can: the
#: kernel then walks one path component per file instead of the whole path.
_BY_FD = os.stat in os.supports_dir_fd


def _stat_folder(folder: str, names: Sequence[str]) -> list[Stat]:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if _BY_FD else None
    except OSError:
        fd = None
    found: list[Stat] = []
    try:
        for name in names:
            try:
                st = (
                    os.stat(name, dir_fd=fd)
                    if fd is not None
                    else os.stat(os.path.join(folder, name))
                )
            except OSError:
                found.append(None)
            else:
                regular = S_ISREG(st.st_mode)
                found.append((st.st_size, st.st_mtime_ns) if regular else st.st_mode)
    finally:
        if fd is not None:
            os.close(fd)
    return found
