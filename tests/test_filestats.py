"""The file stats of a walk, and the walk itself: the same on one core or two, or in a
child while the caller works, whatever goes wrong in the child."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from intgraph import filestats, vault
from intgraph.errors import VaultNotFoundError
from intgraph.filestats import Packed
from intgraph.pipeline import fingerprint
from intgraph.vault import find_files

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the second process is Linux's")


def make_tree(root: Path) -> list[tuple[str, list[str]]]:
    """Folders of notes (one with more files than a piece holds), a broken link, a FIFO
    and a link to a note; the batches that name them all."""
    batches = []
    for folder, count in (("A", 3), ("B/deep", 2500), ("C", 1), ("D", 40)):
        where = root / folder
        where.mkdir(parents=True)
        names = []
        for i in range(count):
            (where / f"n{i:04}.md").write_text("x" * (i % 7), encoding="utf-8")
            names.append(f"n{i:04}.md")
        batches.append((str(where), names))
    (root / "C" / "broken.md").symlink_to(root / "nowhere.md")
    os.mkfifo(root / "C" / "pipe.md")
    (root / "C" / "link.md").symlink_to(root / "A" / "n0001.md")
    batches[2][1].extend(["broken.md", "pipe.md", "link.md", "gone.md"])
    return batches


@linux_only
def test_two_processes_give_what_one_gives(tmp_path: Path) -> None:
    batches = make_tree(tmp_path)
    serial = filestats.stat_files(batches, parallel=False)
    assert filestats.stat_files(batches, parallel=True) == serial
    assert len(serial) == sum(len(names) for _, names in batches)
    by_name = dict(zip([n for _, names in batches for n in names], serial, strict=True))
    assert by_name["broken.md"] is None and by_name["gone.md"] is None
    pipe = by_name["pipe.md"]
    assert isinstance(pipe, int) and stat.S_ISFIFO(pipe)
    first = serial[1]  # A/n0001.md, one byte
    assert by_name["link.md"] == first and isinstance(first, tuple) and first[0] == 1


@linux_only
def test_a_failing_child_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batches = make_tree(tmp_path)
    serial = filestats.stat_files(batches, parallel=False)

    def broken(*_args: object) -> bytes:
        raise ValueError("the child cannot send")

    # Only the child marshals: it exits with an error, and the parent stats its half.
    monkeypatch.setattr(filestats.marshal, "dumps", broken)
    assert filestats.stat_files(batches, parallel=True) == serial


def test_no_second_process_beside_other_threads() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not filestats.can_fork()
    finally:
        stop.set()
        other.join()


@linux_only
def test_find_files_is_the_same_either_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forks: list[int]
) -> None:
    make_tree(tmp_path / "vault")
    (tmp_path / "vault" / ".hidden.md").write_text("x", encoding="utf-8")
    monkeypatch.setattr(filestats, "PARALLEL_MIN", 10**9)
    serial = find_files(tmp_path / "vault")
    assert not forks
    monkeypatch.setattr(filestats, "PARALLEL_MIN", 1)
    assert find_files(tmp_path / "vault") == serial
    assert forks, "the second process was not used"
    assert "C/pipe.md" not in serial.notes
    assert [p.code for p in serial.problems if p.path == "C/pipe.md"] == ["not-a-file"]
    assert serial.stats["C/broken.md"] == (-1, 0)
    assert len(serial.notes) == 3 + 2500 + 1 + 40 + 2  # broken and link count as notes


def _tree_with_everything(root: Path) -> None:
    """make_tree's vault, plus an excluded folder, a guessed templates folder, a hidden
    file and an unreadable folder: every kind of result a walk has."""
    make_tree(root)
    (root / ".hidden.md").write_text("x", encoding="utf-8")
    (root / "Skip").mkdir()
    (root / "Skip" / "n.md").write_text("x", encoding="utf-8")
    (root / "Templates").mkdir()
    (root / "Templates" / "t.md").write_text("<% tp.date.now() %>", encoding="utf-8")
    (root / "A" / "image.png").write_bytes(b"\x89PNG")


@linux_only
@pytest.mark.parametrize("child_fails", [False, True])
def test_a_walk_in_a_child_while_the_caller_works_gives_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child_fails: bool
) -> None:
    root = tmp_path / "vault"
    _tree_with_everything(root)
    alone = find_files(root, exclude=["Skip"])
    assert alone.notices and alone.problems and alone.attachments == ("A/image.png",)
    walked_here: list[int] = []
    real_walk = vault._walk

    def counted_walk(*args: Any, **kwargs: Any) -> Any:
        walked_here.append(os.getpid())  # in the parent's list only when it walks itself
        return real_walk(*args, **kwargs)

    monkeypatch.setattr(vault, "_walk", counted_walk)
    if child_fails:
        monkeypatch.setattr(filestats.marshal, "dumps", lambda *_: 1 / 0)
    pid = os.getpid()
    done: list[bool] = []
    summarized: list[int] = []

    def summarize(files: vault.VaultFiles) -> str:
        summarized.append(os.getpid())
        return f"{os.getpid() == pid} {len(files.notes)} {sorted(files.stats)}"

    found = find_files(
        root,
        exclude=["Skip"],
        meanwhile=lambda: done.append(os.getpid() == pid),
        summarize=summarize,
    )
    assert found == alone
    assert found.packed == alone.packed and found.all_files == alone.all_files
    if not child_fails:  # the stats came packed: no dict of them until one is asked for
        assert "stats" not in found.__dict__
    assert found.stats == alone.stats and found.notices == alone.notices
    assert fingerprint(found, frozenset()) == fingerprint(alone, frozenset())
    assert done == [True], "the caller's work runs once, in the caller's process"
    assert walked_here == ([pid] if child_fails else []), "who walked the vault"
    # The summary is made where the walk was, of the same files.
    assert found.summary == f"{child_fails} {len(alone.notes)} {sorted(alone.stats)}"
    assert summarized == ([pid] if child_fails else [])
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind


@linux_only
def test_what_the_callers_work_raises_is_raised_once_the_child_is_done(tmp_path: Path) -> None:
    make_tree(tmp_path / "vault")

    def failing() -> None:
        raise KeyError("the caller's own error")

    with pytest.raises(KeyError, match="the caller's own error"):
        find_files(tmp_path / "vault", meanwhile=failing)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_beside_other_threads_the_callers_work_still_runs_once(tmp_path: Path) -> None:
    make_tree(tmp_path / "vault")
    alone = find_files(tmp_path / "vault")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        done: list[int] = []
        assert find_files(tmp_path / "vault", meanwhile=lambda: done.append(1)) == alone
        assert done == [1]
    finally:
        stop.set()
        other.join()


def test_a_missing_vault_never_runs_the_callers_work(tmp_path: Path) -> None:
    done: list[int] = []
    with pytest.raises(VaultNotFoundError):
        find_files(tmp_path / "nowhere", meanwhile=lambda: done.append(1))
    assert done == []


def test_packed_stats_hold_each_files_size_and_mtime_in_path_order() -> None:
    paths = ("a.md", "b/c.png", "d.md")
    packed = Packed.of(paths, {"d.md": (3, 30), "a.md": (1, 10**18)})
    assert packed.fits(paths) and not packed.fits(paths[:2])
    assert packed.mapping(paths) == {"a.md": (1, 10**18), "b/c.png": (-1, 0), "d.md": (3, 30)}
    assert packed.newest() == 10**18
    assert packed.since(paths, 30) == ["a.md", "d.md"] and packed.since(paths, 31) == ["a.md"]
    assert packed.since(paths, 10**18 + 1) == [] and packed.since(paths, -1) == list(paths)
    assert Packed().newest() == 0 and Packed().mapping(()) == {} and Packed().fits(())
    with pytest.raises(ValueError):
        packed.mapping(paths[:2])


def test_a_childs_walk_of_another_shape_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path / "vault")
    files = find_files(tmp_path / "vault")
    sent = vault._sendable(files)
    assert vault._received(sent)
    for bad in (
        (*sent[:3], list(sent[3]), *sent[4:]),
        (*sent[:2], [list(sent[2][0])], *sent[3:]),
        (sent[0].split("\0"), *sent[1:]),
        sent[:5],
    ):
        assert not vault._received(bad)


@linux_only
@pytest.mark.parametrize("cut", ["size", "mtime", "note"])
def test_a_childs_walk_whose_stats_do_not_fit_its_files_is_walked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cut: str
) -> None:
    make_tree(tmp_path / "vault")
    alone = find_files(tmp_path / "vault")
    real = vault._sendable

    def torn(files: vault.VaultFiles) -> tuple[Any, ...]:
        notes, attachments, problems, sizes, mtimes, summary = real(files)
        if cut == "size":
            sizes = sizes[:-8]
        elif cut == "mtime":
            mtimes += bytes(8)
        else:
            notes = notes.rsplit("\0", 1)[0]
        return notes, attachments, problems, sizes, mtimes, summary

    monkeypatch.setattr(vault, "_sendable", torn)
    found = find_files(tmp_path / "vault", meanwhile=lambda: None)
    assert found == alone and found.stats == alone.stats


def test_the_vault_key_follows_every_path_size_and_mtime(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    (root / "a.md").write_text("one", encoding="utf-8")
    (root / "b.md").write_text("two", encoding="utf-8")
    os.utime(root / "a.md", ns=(10**18, 10**18))
    keys = {fingerprint(find_files(root), frozenset())}
    assert fingerprint(find_files(root), frozenset()) in keys  # the same files: the same key
    os.utime(root / "a.md", ns=(10**18, 10**18 + 1))
    keys.add(fingerprint(find_files(root), frozenset()))
    (root / "a.md").write_text("one!", encoding="utf-8")
    os.utime(root / "a.md", ns=(10**18, 10**18 + 1))
    keys.add(fingerprint(find_files(root), frozenset()))
    (root / "b.md").rename(root / "c.md")
    keys.add(fingerprint(find_files(root), frozenset()))
    assert len(keys) == 4


@linux_only
def test_a_child_answers_through_a_wide_pipe_and_a_large_answer_crosses_whole() -> None:
    import fcntl

    readable, writable = os.pipe()
    try:
        filestats._widen(writable)
        assert fcntl.fcntl(readable, fcntl.F_GETPIPE_SZ) >= filestats.PIPE_SIZE
    finally:
        os.close(readable)
        os.close(writable)
    big = [f"note {i:07}.md" for i in range(300_000)]  # several megabytes, marshalled
    wait = filestats.forked(lambda: big, lambda found: type(found) is list)
    assert wait() == big


@linux_only
def test_a_pending_child_tells_when_its_answer_is_ready() -> None:
    import time

    pending = filestats.forked(lambda: time.sleep(0.5) or 7, lambda found: found == 7)
    assert not pending.ready(), "the child is still at work"
    deadline = time.monotonic() + 10
    while not pending.ready() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pending.ready()
    assert pending() == 7
    assert pending.ready(), "taken: nothing more to wait for"
    assert filestats.NO_CHILD.ready() and filestats.NO_CHILD() is None


@linux_only
@pytest.mark.parametrize("slow_walk", [True, False], ids=["walk-slower", "walk-done"])
def test_idle_work_is_done_only_while_the_walk_goes_on(
    slow_walk: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``find_files``'s ``idle`` runs after the caller's work only when the child has
    not sent the files yet; the files are the same either way."""
    import time

    make_tree(tmp_path / "v")
    real = vault._walk

    def walk(*args: Any) -> Any:
        if slow_walk and os.getpid() != parent:
            time.sleep(1.0)
        return real(*args)

    parent = os.getpid()
    monkeypatch.setattr(vault, "_walk", walk)
    calls: list[str] = []

    def meanwhile() -> None:
        calls.append("meanwhile")
        if not slow_walk:
            time.sleep(1.0)  # far longer than the child's walk of a few thousand files

    found = find_files(tmp_path / "v", meanwhile=meanwhile, idle=lambda: calls.append("idle"))
    assert calls == (["meanwhile", "idle"] if slow_walk else ["meanwhile"])
    assert found == find_files(tmp_path / "v")
