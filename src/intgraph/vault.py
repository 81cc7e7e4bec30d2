"""Find the files of a vault and read notes as text. The only stage that touches the disk."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from intgraph.errors import VaultNotFoundError
from intgraph.model import Problem

TEMPLATE_SETTINGS = (
    (".obsidian/templates.json", "folder"),
    (".obsidian/plugins/templater-obsidian/data.json", "templates_folder"),
)


@dataclass(frozen=True)
class VaultFiles:
    """The notes and attachments of a vault, as sorted vault-relative POSIX paths."""

    root: Path
    notes: tuple[str, ...]
    attachments: tuple[str, ...]
    problems: tuple[Problem, ...] = ()
    #: (size, mtime_ns) of every file, as seen while walking; (-1, 0) when stat failed.
    stats: Mapping[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        """The vault's name: its folder name, as Obsidian uses it."""
        return self.root.name

    @property
    def all_files(self) -> tuple[str, ...]:
        """Notes and attachments together, sorted."""
        return tuple(sorted((*self.notes, *self.attachments)))


@dataclass(frozen=True)
class NoteText:
    """A note's text, decoded and with line endings normalised to LF."""

    path: str
    text: str
    problems: tuple[Problem, ...] = ()


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Compile a gitignore-like glob: ``**`` crosses folders, ``*`` and ``?`` do not.

    A pattern without ``/`` matches a file or folder name at any depth.
    """
    pattern = pattern.strip().replace("\\", "/").strip("/")
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out)
    prefix = "(?:.*/)?" if "/" not in pattern else ""
    return re.compile(f"^{prefix}{body}$", re.IGNORECASE)


def templates_folders(root: Path) -> list[str]:
    """The templates folders configured in the vault's Obsidian settings (core and Templater)."""
    found: list[str] = []
    for rel, key in TEMPLATE_SETTINGS:
        settings = root / rel
        try:
            data = json.loads(settings.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError):
            continue
        folder = data.get(key) if isinstance(data, dict) else None
        if isinstance(folder, str) and folder.strip().strip("/"):
            found.append(folder.strip().strip("/"))
    return found


def find_files(root: str | os.PathLike[str], exclude: Sequence[str] = ()) -> VaultFiles:
    """Walk a vault and sort its files into notes (``*.md``) and attachments.

    Dot-files and dot-folders, the templates folder and paths matching an
    ``exclude`` glob are skipped. Raises :class:`VaultNotFoundError`.
    """
    base = Path(root).expanduser()
    if not base.is_dir():
        raise VaultNotFoundError(str(root))
    base = base.resolve()
    skip_dirs = [folder.lower() for folder in templates_folders(base)]
    patterns = [glob_to_regex(p) for p in exclude if p.strip()]
    notes: list[str] = []
    attachments: list[str] = []
    problems: list[Problem] = []
    stats: dict[str, tuple[int, int]] = {}

    def excluded(rel: str) -> bool:
        return any(p.match(rel) for p in patterns)

    def on_error(err: OSError) -> None:
        rel = _relative(base, err.filename) if err.filename else "."
        problems.append(Problem(rel, None, "unreadable", f"cannot list folder: {err.strerror}"))

    for dirpath, dirnames, filenames in os.walk(base, onerror=on_error):
        rel_dir = _relative(base, dirpath)
        kept = []
        for d in dirnames:
            rel = f"{rel_dir}/{d}" if rel_dir else d
            if d.startswith(".") or rel.lower() in skip_dirs or excluded(rel):
                continue
            kept.append(d)
        dirnames[:] = sorted(kept)
        for f in filenames:
            rel = f"{rel_dir}/{f}" if rel_dir else f
            if f.startswith(".") or excluded(rel):
                continue
            (notes if f.lower().endswith(".md") else attachments).append(rel)
            try:
                st = os.stat(os.path.join(dirpath, f))
                stats[rel] = (st.st_size, st.st_mtime_ns)
            except OSError:
                stats[rel] = (-1, 0)
    return VaultFiles(
        base, tuple(sorted(notes)), tuple(sorted(attachments)), tuple(problems), stats
    )


def _relative(base: Path, path: str | os.PathLike[str]) -> str:
    rel = os.path.relpath(path, base)
    return "" if rel == "." else Path(rel).as_posix()


def decode(path: str, data: bytes) -> NoteText:
    """Decode a note's bytes: UTF-8 (BOM removed) else cp1252 with a warning; LF endings."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        problems.append(
            Problem(path, None, "binary", "file holds binary data (NUL bytes); skipped")
        )
        return NoteText(path, "", tuple(problems))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        problems.append(
            Problem(path, line, "encoding", "not valid UTF-8; decoded as cp1252 (Windows-1252)")
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return NoteText(path, text, tuple(problems))


def read_bytes(root: Path, path: str) -> bytes | OSError:
    """A file's bytes, or the error that stopped reading it."""
    try:
        return (root / path).read_bytes()
    except OSError as exc:
        return exc


def unreadable(path: str, error: OSError) -> NoteText:
    """The empty note, with its problem recorded, of a file that could not be read."""
    reason = error.strerror or error.__class__.__name__
    return NoteText(path, "", (Problem(path, None, "unreadable", f"cannot read: {reason}"),))


def read_note(root: Path, path: str) -> NoteText:
    """Read and decode one note; a file that cannot be read becomes a recorded problem."""
    data = read_bytes(root, path)
    return unreadable(path, data) if isinstance(data, OSError) else decode(path, data)


def read_notes(files: VaultFiles) -> Iterable[NoteText]:
    """Read every note of ``files`` in path order."""
    for path in files.notes:
        yield read_note(files.root, path)
