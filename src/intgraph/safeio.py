"""Read a file only when it is a regular file, and never past a size limit.

A FIFO, socket or device in a vault (or in the cache folder) is never opened: opening
a FIFO would block, and a device can be endless.
"""

from __future__ import annotations

import os
import stat

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRead(OSError):
    """A file deliberately left unread: not a regular file, or larger than allowed."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def file_kind(mode: int) -> str:
    """What a file whose mode is ``mode`` is, in words ("a FIFO", "a socket", ...)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file (or of the regular file a link points to).

    Anything else (a FIFO, socket or device) is never opened, and a file larger than
    ``limit`` bytes is never read past ``limit + 1``: both raise :class:`NotRead`.
    Without ``limit``, reading stops at the size the file had when it was opened.
    Other failures raise :class:`OSError`.
    """
    before = os.stat(path)
    if not stat.S_ISREG(before.st_mode):
        raise NotRead("not-a-file", f"not a regular file ({file_kind(before.st_mode)})")
    if limit is not None and before.st_size > limit:
        raise NotRead("too-large", _too_large(before.st_size, limit))
    fd = os.open(path, _OPEN_FLAGS)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # replaced since the check above
            raise NotRead("not-a-file", f"not a regular file ({file_kind(opened.st_mode)})")
        bound = (limit if limit is not None else opened.st_size) + 1
        chunks: list[bytes] = []
        got = 0
        ask = min(bound, opened.st_size + 1)  # the whole file in one read, as a rule
        while got < bound:
            chunk = os.read(fd, ask)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            ask = min(bound - got, 1 << 20)
    finally:
        os.close(fd)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if limit is not None and len(data) > limit:
        raise NotRead("too-large", _too_large(None, limit))
    return data


def _too_large(size: int | None, limit: int) -> str:
    shown = f"{size:,} bytes" if size is not None else "it grew while being read"
    return f"too large: {shown}, over the limit of {limit:,} bytes"
