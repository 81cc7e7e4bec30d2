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
