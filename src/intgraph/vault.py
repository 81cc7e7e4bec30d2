"""Find the files of a vault and read notes as text. The only stage that touches the disk."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from intgraph.errors import VaultNotFoundError
from intgraph.filestats import Packed, forked, stat_files
from intgraph.model import Problem
from intgraph.safeio import NotRead, file_kind, read_regular

#: The most a note may hold: a larger file is recorded as a ``too-large`` problem and
#: skipped, and never read past this many bytes (plus one, to tell that it is larger).
MAX_NOTE_BYTES = 50 * 1024 * 1024
#: The most an Obsidian settings file may hold.
MAX_SETTINGS_BYTES = 1024 * 1024

#: How much of a note in a ``Templates`` folder is read to look for Templater tags.
TEMPLATE_PEEK = 65536
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
    #: (size, mtime_ns) of every file of :attr:`all_files`, as seen while walking;
    #: (-1, 0) when stat failed. :attr:`stats` looks them up by path.
    packed: Packed = field(default_factory=Packed, repr=False)
    #: One-line remarks for the user about how the vault was read (not problems).
    notices: tuple[str, ...] = ()
    #: What the ``summarize`` given to :func:`find_files` made of these files, if any.
    summary: str | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        """The vault's name: its folder name, as Obsidian uses it."""
        return self.root.name

    @cached_property
    def all_files(self) -> tuple[str, ...]:
        """Notes and attachments together, sorted."""
        return tuple(sorted((*self.notes, *self.attachments)))

    @cached_property
    def stats(self) -> Mapping[str, tuple[int, int]]:
        """(size, mtime_ns) of every file by path, as :attr:`packed` holds them: made on
        first use (a warm run that finds the vault unchanged never makes it)."""
        return self.packed.mapping(self.all_files)

    @classmethod
    def made(
        cls,
        root: Path,
        notes: tuple[str, ...],
        attachments: tuple[str, ...],
        problems: tuple[Problem, ...],
        stats: Mapping[str, tuple[int, int]],
        notices: tuple[str, ...] = (),
    ) -> VaultFiles:
        """The files with their ``stats`` by path (kept as given, and packed)."""
        every = tuple(sorted((*notes, *attachments)))
        files = cls(root, notes, attachments, problems, Packed.of(every, stats), notices)
        return _cached(files, stats=stats, all_files=every)


def _cached(files: VaultFiles, **values: Any) -> VaultFiles:
    """``files`` with the ``values`` of its cached properties set (as reading them would
    set them), where they are at hand already."""
    files.__dict__.update(values)
    return files


@dataclass(frozen=True)
class NoteText:
    """A note's text, decoded and with line endings normalised to LF."""

    path: str
    text: str
    problems: tuple[Problem, ...] = ()


def from_root(path: str) -> tuple[str, bool]:
    """(``path`` as vault-relative POSIX text, whether it was written from the vault's
    root): a leading ``./`` or ``/`` (as a shell completes it) is dropped, ``\\`` read as
    ``/``."""
    text = path.strip().replace("\\", "/")
    anchored = text.startswith(("/", "./"))
    while text.startswith(("./", "/")):
        text = text[2:] if text.startswith("./") else text[1:]
    return text, anchored


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Compile a gitignore-like glob: ``**`` crosses folders, ``*`` and ``?`` do not.

    A pattern without ``/`` matches a file or folder name at any depth; one that starts
    with ``/`` or ``./`` (a path from the vault's root, as a shell completes it) only there.
    """
    pattern, anchored = from_root(pattern)
    pattern = pattern.strip("/")
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
    prefix = "(?:.*/)?" if "/" not in pattern and not anchored else ""
    return re.compile(f"^{prefix}{body}$", re.IGNORECASE)


def templates_folders(root: Path) -> list[str]:
    """The templates folders configured in the vault's Obsidian settings (core and Templater)."""
    found: list[str] = []
    for rel, key in TEMPLATE_SETTINGS:
        settings = root / rel
        try:
            data = json.loads(read_regular(settings, MAX_SETTINGS_BYTES).decode("utf-8-sig"))
        except (OSError, ValueError):
            continue
        folder = data.get(key) if isinstance(data, dict) else None
        if isinstance(folder, str) and folder.strip().strip("/"):
            found.append(folder.strip().strip("/"))
    return found


def guess_templates_folder(root: Path) -> str | None:
    """A top-level folder named ``Templates`` (any case) whose notes hold Templater tags:
    the templates folder of a vault whose settings do not name one."""
    try:
        folders = sorted(e.name for e in os.scandir(root) if e.is_dir() and not e.is_symlink())
    except OSError:
        return None
    for name in folders:
        if name.lower() != "templates":
            continue
        for path in sorted(Path(root, name).glob("*.md")):
            if not path.is_file():  # a FIFO or device would block or never end
                continue
            try:
                with path.open("rb") as handle:  # a template is small: its head says enough
                    if b"<%" in handle.read(TEMPLATE_PEEK):
                        return name
            except OSError:
                continue
    return None


def skipped_templates(root: Path, explicit: str | None) -> tuple[list[str], tuple[str, ...]]:
    """(templates folders to skip, notices): the settings' folders and ``explicit``, or
    when neither names one, a guessed ``Templates`` folder with a notice saying so."""
    folders = templates_folders(root)
    if explicit and explicit.strip().strip("/"):
        return [*folders, explicit.strip().replace("\\", "/").strip("/")], ()
    if folders:
        return folders, ()
    guess = guess_templates_folder(root)
    if guess is None:
        return [], ()
    notice = (
        f"treating {guess}/ as the templates folder (its notes hold Templater tags); "
        "set it with --templates-folder"
    )
    return [guess], (notice,)


def vaults_below(root: str | os.PathLike[str], depth: int = 3) -> list[str]:
    """Folders up to ``depth`` levels below ``root`` that hold an ``.obsidian`` folder, as
    sorted relative paths; dot-folders are not searched. Empty when ``root`` is a vault."""
    base = Path(root)
    if (base / ".obsidian").is_dir():
        return []
    found: list[str] = []
    level = [base]
    for _ in range(depth):
        below: list[Path] = []
        for folder in level:
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
                    continue
                if os.path.isdir(os.path.join(entry.path, ".obsidian")):
                    found.append(Path(entry.path).relative_to(base).as_posix())
                else:
                    below.append(Path(entry.path))
        level = below
    return sorted(found)


def find_files(
    root: str | os.PathLike[str],
    exclude: Sequence[str] = (),
    templates_folder: str | None = None,
    meanwhile: Callable[[], object] | None = None,
    summarize: Callable[[VaultFiles], str] | None = None,
    idle: Callable[[], object] | None = None,
) -> VaultFiles:
    """Walk a vault and sort its files into notes (``*.md``) and attachments.

    Dot-files and dot-folders, the templates folders (the settings', ``templates_folder``
    or a guessed ``Templates`` folder) and paths matching an ``exclude`` glob are
    skipped. So are symbolic links to folders, and anything that is not a regular file
    (a FIFO, socket or device), which is recorded as a ``not-a-file`` problem. The walk
    is iterative, so folder depth has no limit. Raises :class:`VaultNotFoundError`.

    ``meanwhile``, work of the caller's that does not depend on the vault's files, is
    called once the vault is found, while a forked child walks it (where one can be
    started: see :func:`intgraph.filestats.forked`; the walk is the same either way).
    ``summarize`` (a digest of the files, say) is done where the walk was, its answer
    kept as :attr:`VaultFiles.summary`: in the child, it is off this process's path.
    ``idle`` is called after ``meanwhile`` when the child is not done walking yet: work
    worth doing only while this process would otherwise wait.
    """
    base = Path(root).expanduser()
    if not base.is_dir():
        raise VaultNotFoundError(str(root))
    base = base.resolve()
    folders, notices = skipped_templates(base, templates_folder)

    def walked(parallel: bool | None = None) -> VaultFiles:
        files = _walk(base, folders, exclude, notices, parallel)
        if summarize is None:
            return files
        found = replace(files, summary=summarize(files))
        return _cached(found, stats=files.stats, all_files=files.all_files)

    if meanwhile is None:
        return walked()
    theirs = forked(lambda: _sendable(walked(parallel=False)), _received)
    try:
        meanwhile()
        if idle is not None and not theirs.ready():
            idle()
    finally:
        sent = theirs()
    if sent is None:
        return walked()
    notes, attachments, problems, sizes, mtimes, summary = sent
    problems = tuple(Problem(*p) for p in problems)
    files = VaultFiles(
        base, _split(notes), _split(attachments), problems, Packed(sizes, mtimes), notices, summary
    )
    return files if files.packed.fits(files.all_files) else walked()


def _sendable(files: VaultFiles) -> tuple[Any, ...]:
    """What a child that walked the vault sends back: ``files`` as :mod:`marshal` writes
    them cheaply: the paths joined by NULs (which no file name holds), the stats packed
    (a dict of them costs more to send and to receive than the walk's other results
    together)."""
    problems = tuple((p.path, p.line, p.code, p.message) for p in files.problems)
    packed = files.packed
    return (
        "\0".join(files.notes), "\0".join(files.attachments), problems,
        packed.sizes, packed.mtimes, files.summary,
    )  # fmt: skip


def _split(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("\0")) if joined else ()


def _received(sent: Any) -> bool:
    """True when ``sent`` has the shape :func:`_sendable` gives."""
    return (
        type(sent) is tuple
        and len(sent) == 6
        and type(sent[0]) is str
        and type(sent[1]) is str
        and type(sent[2]) is tuple
        and all(type(p) is tuple and len(p) == 4 for p in sent[2])
        and type(sent[3]) is bytes
        and type(sent[4]) is bytes
        and (sent[5] is None or type(sent[5]) is str)
    )


def _walk(
    base: Path,
    folders: Sequence[str],
    exclude: Sequence[str],
    notices: tuple[str, ...],
    parallel: bool | None = None,
) -> VaultFiles:
    """:func:`find_files` of the vault at ``base`` (resolved) once its templates
    ``folders`` are known; ``parallel`` as :func:`intgraph.filestats.stat_files` takes it."""
    skip_dirs = [folder.lower() for folder in folders]
    patterns = [glob_to_regex(p) for p in exclude if p.strip()]
    notes: list[str] = []
    attachments: list[str] = []
    problems: list[Problem] = []
    stats: dict[str, tuple[int, int]] = {}
    batches: list[tuple[str, list[str]]] = []  # (folder, its files' names) to stat
    prefixes: list[str] = []  # each batch's folder as a vault-relative prefix

    def excluded(rel: str) -> bool:
        return any(p.match(rel) for p in patterns)

    root_stat = os.stat(base)
    seen = {(root_stat.st_dev, root_stat.st_ino)}
    pending: list[tuple[str, str]] = [(str(base), "")]
    while pending:
        dirpath, rel_dir = pending.pop()
        try:
            with os.scandir(dirpath) as listing:
                entries = list(listing)
        except OSError as err:
            problems.append(
                Problem(rel_dir, None, "unreadable", f"cannot list folder: {err.strerror}")
            )
            continue
        prefix = f"{rel_dir}/" if rel_dir else ""
        names: list[str] = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") or (patterns and excluded(prefix + name)):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if not is_dir:
                names.append(name)
                continue
            rel = prefix + name
            if entry.is_symlink() or rel.lower() in skip_dirs:
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as err:
                problems.append(
                    Problem(rel, None, "unreadable", f"cannot list folder: {err.strerror}")
                )
                continue
            if (st.st_dev, st.st_ino) not in seen:  # a bind mount of an ancestor
                seen.add((st.st_dev, st.st_ino))
                pending.append((os.path.join(dirpath, name), rel))
        if names:
            batches.append((dirpath, names))
            prefixes.append(prefix)
    # The files are stat'ed once the folders are listed: on two cores for a large vault.
    found = stat_files(batches, parallel)
    at = 0
    for prefix, (_, names) in zip(prefixes, batches, strict=True):
        for name, seen_as in zip(names, found[at : at + len(names)], strict=True):
            rel = prefix + name
            if seen_as is None:
                stats[rel] = (-1, 0)  # a broken link, say: recorded when it is read
            elif isinstance(seen_as, int):  # the mode of what is not a regular file
                problems.append(_not_a_file(rel, seen_as))
                continue
            else:
                stats[rel] = seen_as
            (notes if name.lower().endswith(".md") else attachments).append(rel)
        at += len(names)
    problems.sort(key=lambda p: (p.path, p.code))
    return VaultFiles.made(
        base, tuple(sorted(notes)), tuple(sorted(attachments)), tuple(problems), stats, notices
    )


def _not_a_file(rel: str, mode: int) -> Problem:
    return Problem(rel, None, "not-a-file", f"not a regular file ({file_kind(mode)}); skipped")


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
    try:  # a plain string join: a pathlib join per note costs more than the read
        return read_regular(os.path.join(root, path), MAX_NOTE_BYTES)
    except OSError as exc:
        return exc


def unreadable(path: str, error: OSError) -> NoteText:
    """The empty note, with its problem recorded, of a file that could not be read."""
    if isinstance(error, NotRead):
        return NoteText(path, "", (Problem(path, None, error.code, f"{error.reason}; skipped"),))
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
