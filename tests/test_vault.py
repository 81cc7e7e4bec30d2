"""The vault reader: which files, how they decode, and what it records."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from intgraph.errors import VaultNotFoundError
from intgraph.vault import decode, find_files, glob_to_regex, read_note


def test_skips_dot_folders_and_both_template_folders() -> None:
    files = find_files(FIXTURES / "settings")
    assert files.notes == ("Archive/Old.md", "Live/Draft.tmp.md", "Live/Feed.MD")
    assert files.attachments == ()
    assert files.name == "settings"


def test_exclude_globs() -> None:
    files = find_files(FIXTURES / "settings", exclude=["Archive", "*.tmp.md"])
    assert files.notes == ("Live/Feed.MD",)
    files = find_files(FIXTURES / "settings", exclude=["**/*.MD"])
    assert files.notes == ()
    files = find_files(FIXTURES / "settings", exclude=["Live/*"])
    assert files.notes == ("Archive/Old.md",)


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("Archive", "Archive", True),
        ("Archive", "Team/Archive", True),
        ("Archive/**", "Archive/a/b.md", True),
        ("*.tmp.md", "a/b/x.tmp.md", True),
        ("Live/*", "Live/a/b.md", False),
        ("Live/*", "Live/a.md", True),
        ("**/Drafts", "x/y/Drafts", True),
        ("Drafts?", "Drafts1", True),
        ("drafts", "Drafts", True),
        ("./Archive", "Archive", True),
        ("./Archive", "Team/Archive", False),
        ("/Archive", "Team/Archive", False),
        (".\\Archive\\", "Archive", True),
        ("./Live/*", "Live/a.md", True),
    ],
)
def test_glob(pattern: str, path: str, matches: bool) -> None:
    assert bool(glob_to_regex(pattern).match(path)) is matches


def test_attachments_are_not_notes() -> None:
    files = find_files(FIXTURES / "code")
    assert "diagram.png" in files.attachments
    assert "diagram.png" not in files.notes


def test_missing_vault() -> None:
    with pytest.raises(VaultNotFoundError, match="no-such-vault"):
        find_files(FIXTURES / "no-such-vault")


def test_a_file_is_not_a_vault() -> None:
    with pytest.raises(VaultNotFoundError):
        find_files(FIXTURES / "flow" / "Systems" / "CRM.md")


def test_decode_bom_crlf_cp1252_binary() -> None:
    assert decode("a.md", b"\xef\xbb\xbfa\r\nb\rc").text == "a\nb\nc"
    note = decode("a.md", "line1\nZürich".encode("cp1252"))
    assert note.text == "line1\nZürich"
    assert [(p.code, p.line) for p in note.problems] == [("encoding", 2)]
    assert "cp1252" in note.problems[0].message
    binary = decode("b.md", b"abc\x00def")
    assert binary.text == "" and binary.problems[0].code == "binary"


def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    os.symlink(tmp_path / "nowhere.md", tmp_path / "Dangling.md")
    files = find_files(tmp_path)
    assert files.notes == ("Dangling.md",)
    note = read_note(files.root, "Dangling.md")
    assert note.text == "" and note.problems[0].code == "unreadable"


@pytest.mark.parametrize("name", ["acme", "hostile", "settings", "encodings", "links"])
def test_walk_by_folder_descriptor_equals_walk_by_path(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are stat'ed relative to their folder's descriptor where the platform can;
    the portable walk by full path must find exactly the same."""
    by_fd = find_files(FIXTURES / name)
    monkeypatch.setattr("intgraph.filestats._BY_FD", False)
    by_path = find_files(FIXTURES / name)
    assert by_fd == by_path
    assert by_fd.stats == by_path.stats


def test_walk_keeps_one_folder_descriptor_open(tmp_path: Path) -> None:
    """However many folders a vault has, the walk holds one descriptor at a time: it
    succeeds with only a few descriptors to spare, and leaves none open."""
    resource = pytest.importorskip("resource")
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("counts open descriptors in /proc/self/fd (Linux)")
    for i in range(300):
        folder = tmp_path / f"f{i:03d}" / "sub"
        folder.mkdir(parents=True)
        (folder / "n.md").write_text("# n\n", encoding="utf-8")
    open_now = len(os.listdir("/proc/self/fd"))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (open_now + 8, hard))
    try:
        found = find_files(tmp_path)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert not found.problems and len(found.notes) == 300
    assert len(os.listdir("/proc/self/fd")) == open_now
