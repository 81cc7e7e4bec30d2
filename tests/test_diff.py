"""intgraph diff against real git repositories built in temporary folders."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from tests.conftest import run
from tests.gitvault import git, note, system, write

V = "docs/vault"  # the vault is a sub-folder of the repository

BASE = {
    **{
        f"{V}/Systems/{name}.md": system(name)
        for name in (
            "ERP",
            "CRM Old",
            "CRM New",
            "Billing",
            "Ledger",
            "Reporting",
            "Kafka",
            "MuleSoft",
        )
    },
    f"{V}/Docs/Runbook.md": "# Runbook\n",
    f"{V}/People/Ada Lovelace.md": "# Ada Lovelace\n",
    f"{V}/People/Grace Hopper.md": "# Grace Hopper\n",
    f"{V}/Integrations/ERP to CRM.md": note(
        "ERP to CRM", "INT-2026-001", "Production", ["ERP"], ["CRM Old"], ["Kafka"]
    ),
    f"{V}/Integrations/CRM to Reporting.md": note(
        "CRM to Reporting", "INT-2026-002", "Production", ["CRM Old"], ["Reporting"]
    ),
    f"{V}/Integrations/ERP to Billing.md": note(
        "ERP to Billing", "INT-2026-003", "Production", ["ERP"], ["Billing"]
    ),
    f"{V}/Integrations/Billing to Ledger.md": note(
        "Billing to Ledger", "INT-2026-004", "Development", ["Billing"], ["Ledger"]
    ),
    f"{V}/Integrations/Ledger Archive.md": note(
        "Ledger Archive", "INT-2026-005", "Planning", ["Ledger"], ["Archive"]
    ),
    f"{V}/Integrations/Fax Gateway.md": note(
        "Fax Gateway", "INT-2026-008", "Deprecated", ["ERP"], ["Fax"]
    ),
    f"{V}/Integrations/Untracked Feed.md": note(
        "Untracked Feed", None, "Development", ["Payroll"], ["Bank"]
    ),
    f"{V}/Integrations/Dup A.md": note("Dup A", "INT-2026-009", "Planning", ["HR"], ["Payroll"]),
    f"{V}/Integrations/Dup B.md": note("Dup B", "INT-2026-009", "Planning", ["HR"], ["Time"]),
    "README.md": "# not part of the vault\n",
}


def _changes(repo: Path) -> None:
    vault = repo / V
    write(
        vault,
        {
            "Integrations/ERP to CRM.md": note(
                "ERP to CRM", "INT-2026-001", "Production", ["ERP"], ["CRM New"], ["MuleSoft"]
            ),
            "Integrations/Billing to Ledger.md": note(
                "Billing to Ledger", "INT-2026-004", "Production", ["Billing"], ["Ledger"]
            ),
            "Integrations/Ledger Archive.md": note(
                "Ledger Archive",
                "INT-2026-005",
                "Planning",
                ["Ledger"],
                ["Archive"],
                owner="Grace Hopper",
            ),
            "Integrations/CRM New to Reporting.md": note(
                "CRM New to Reporting", "INT-2026-007", "Planning", ["CRM New"], ["Reporting"]
            ),
            "Integrations/Dup B.md": note("Dup B", "INT-2026-009", "Development", ["HR"], ["Time"]),
        },
    )
    git(repo, "rm", "-q", f"{V}/Integrations/ERP to Billing.md", f"{V}/Integrations/Fax Gateway.md")
    git(repo, "mv", f"{V}/Integrations/Untracked Feed.md", f"{V}/Integrations/Payroll to Bank.md")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root, BASE)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "tag", "base")
    _changes(root)
    return root


EXPECTED_CHANGES = [
    ("removed", "INT-2026-003", True, []),
    ("removed", "INT-2026-008", False, []),
    ("added", "INT-2026-007", False, []),
    ("rewired", "INT-2026-001", True, ["targets", "middleware"]),
    ("status", "INT-2026-004", True, ["status"]),
    ("status", "INT-2026-009", False, ["status"]),
    ("metadata", None, False, ["path"]),
    ("metadata", "INT-2026-005", False, ["owner"]),
]
EXPECTED_AFFECTED = [
    {"name": "Billing", "distance": 1, "because": ["INT-2026-003"]},
    {"name": "CRM New", "distance": 1, "because": ["INT-2026-001"]},
    {"name": "CRM Old", "distance": 1, "because": ["INT-2026-001"]},
    {"name": "Fax", "distance": 1, "because": ["INT-2026-008"]},
    {"name": "Ledger", "distance": 1, "because": ["INT-2026-003", "INT-2026-004"]},
    {"name": "Reporting", "distance": 1, "because": ["INT-2026-001", "INT-2026-007"]},
    {"name": "Archive", "distance": 2, "because": ["INT-2026-003", "INT-2026-004"]},
]


def _diff_json(*args: str) -> dict:  # type: ignore[type-arg]
    result = run("diff", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _check(data: dict) -> None:  # type: ignore[type-arg]
    got = [
        (c["kind"], c["integration"]["id"], c["production"], c["changed"]) for c in data["changes"]
    ]
    assert got == EXPECTED_CHANGES
    # Systems named by no integration any more (Kafka: middleware of the rewired one) are removed.
    assert data["systems"] == {
        "added": ["CRM New", "MuleSoft"],
        "removed": ["Fax", "Kafka"],
        "renamed": [],
    }
    assert [{k: a[k] for k in ("name", "distance", "because")} for a in data["affected"]] == (
        EXPECTED_AFFECTED
    )


def test_work_tree_against_base(repo: Path) -> None:
    data = _diff_json("--vault", str(repo / V), "--base", "base")
    _check(data)
    assert data["base"] == "base" and data["head"] == "working tree"
    assert data["base_commit"] == git(repo, "rev-parse", "base").strip()
    assert data["head_commit"] is None
    rewired = next(c for c in data["changes"] if c["kind"] == "rewired")
    assert rewired["integration"] == {
        "id": "INT-2026-001",
        "title": "ERP to CRM",
        "path": "Integrations/ERP to CRM.md",
    }
    assert rewired["before"]["targets"] == ["CRM Old"]
    assert rewired["before"]["middleware"] == ["Kafka"]
    assert rewired["after"]["targets"] == ["CRM New"]
    assert rewired["after"]["middleware"] == ["MuleSoft"]
    assert rewired["after"]["sources"] == ["ERP"]
    removed = data["changes"][0]
    assert removed["after"] is None and removed["before"]["status"] == "Production"
    added = next(c for c in data["changes"] if c["kind"] == "added")
    assert added["before"] is None and added["after"]["targets"] == ["Reporting"]
    status = next(c for c in data["changes"] if c["integration"]["id"] == "INT-2026-004")
    assert (status["before"]["status"], status["after"]["status"]) == ("Development", "Production")
    moved = next(c for c in data["changes"] if c["integration"]["id"] is None)
    assert moved["before"]["path"] == "Integrations/Untracked Feed.md"
    assert moved["after"]["path"] == "Integrations/Payroll to Bank.md"
    owner = data["changes"][-1]
    assert owner["before"]["fields"]["owner"] == "Ada Lovelace"
    assert owner["after"]["fields"]["owner"] == "Grace Hopper"


def test_two_revisions_match_the_work_tree(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    data = _diff_json("--vault", str(repo / V), "--base", "base", "--head", "HEAD")
    _check(data)
    assert data["head"] == "HEAD" and len(data["head_commit"]) == 40
    reverse = _diff_json("--vault", str(repo / V), "--base", "HEAD", "--head", "base")
    kinds = sorted((c["kind"], c["integration"]["id"] or "") for c in reverse["changes"])
    assert ("added", "INT-2026-003") in kinds and ("removed", "INT-2026-007") in kinds
    assert reverse["systems"]["added"] == ["Fax", "Kafka"]


def test_nothing_of_the_user_repository_changes(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    index = (repo / ".git" / "index").read_bytes()
    state = [
        git(repo, "status", "--porcelain=v1", "--untracked-files=all"),
        git(repo, "for-each-ref"),
        git(repo, "worktree", "list", "--porcelain"),
        git(repo, "stash", "list"),
    ]
    files = sorted(p.relative_to(repo) for p in repo.rglob("*") if ".git" not in p.parts)
    _diff_json("--vault", str(repo / V), "--base", "base")
    assert (repo / ".git" / "index").read_bytes() == index
    assert state == [
        git(repo, "status", "--porcelain=v1", "--untracked-files=all"),
        git(repo, "for-each-ref"),
        git(repo, "worktree", "list", "--porcelain"),
        git(repo, "stash", "list"),
    ]
    assert files == sorted(p.relative_to(repo) for p in repo.rglob("*") if ".git" not in p.parts)
    assert list(temp.iterdir()) == []  # the checked-out revision is gone


def test_base_is_never_cached_with_the_work_tree(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _check(_diff_json("--vault", str(repo / V), "--base", "base", "--cache-dir", str(cache)))
    # A second, warm run must not see the base through the work tree's cache.
    _check(_diff_json("--vault", str(repo / V), "--base", "base", "--cache-dir", str(cache)))
    # Only the work tree's own cache files (no second graph for the base revision).
    assert sorted(p.name for p in cache.iterdir()) == [
        "graph-detail.cache",
        "graph.cache",
        "notes.cache",
        "stats.cache",
    ]
    impact = run("impact", "CRM New", "--vault", str(repo / V), "--cache-dir", str(cache),
                 "--format", "json")  # fmt: skip
    assert [s["name"] for s in json.loads(impact.stdout)["systems"]] == ["Reporting"]


def test_system_note_renamed(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    git(repo, "mv", f"{V}/Systems/CRM Old.md", f"{V}/Systems/Salesforce.md")
    write(
        repo / V,
        {
            "Integrations/CRM to Reporting.md": note(
                "CRM to Reporting", "INT-2026-002", "Production", ["Salesforce"], ["Reporting"]
            )
        },
    )
    data = _diff_json("--vault", str(repo / V), "--base", "HEAD")
    assert data["systems"] == {
        "added": [],
        "removed": [],
        "renamed": [{"before": "CRM Old", "after": "Salesforce"}],
    }
    assert data["changes"] == []
    assert data["affected"] == []


def test_markdown_comment(repo: Path) -> None:
    result = run("diff", "--vault", str(repo / V), "--base", "base")
    assert result.exit_code == 0, result.output
    text = result.stdout
    lines = text.splitlines()
    assert lines[0] == "<!-- intgraph-diff -->"
    assert lines[3] == (
        "**8 integrations changed: 2 removed (1 Production), 1 added, 1 rewired (1 Production), "
        "2 status changed (1 Production), 2 metadata only; systems: 2 added, 2 removed; "
        "7 systems affected downstream.**"
    )
    assert (
        "| **rewired** | INT-2026-001 ERP to CRM | ERP → CRM Old via Kafka (Production) "
        "| ERP → CRM New via MuleSoft (Production) |"
    ) in text
    assert (
        "| metadata | INT-2026-005 Ledger Archive | owner: Ada Lovelace | owner: Grace Hopper |"
        in text
    )
    assert "<details><summary>" in text and text.rstrip().endswith("</details>")
    assert "| Archive | 2 | INT-2026-003, INT-2026-004 |" in text


def test_markdown_is_cut_under_the_limit(repo: Path) -> None:
    vault = repo / V
    for i in range(400):
        write(vault, {f"Integrations/Bulk {i:03}.md": note(
            f"Bulk {i:03} " + "x" * 60, f"INT-2027-{i:03}", "Production", ["ERP"], [f"Sink {i}"]
        )})  # fmt: skip
    full = run("diff", "--vault", str(vault), "--base", "base", "--max-bytes", "1000000")
    assert len(full.stdout) > 60_000 and "Cut to stay" not in full.stdout
    result = run("diff", "--vault", str(vault), "--base", "base")
    assert result.exit_code == 0
    assert len(result.stdout.encode()) < 60_000
    assert result.stdout.startswith("<!-- intgraph-diff -->\n")
    assert "Cut to stay under 60,000 characters" in result.stdout
    assert result.stdout.count("<details>") == result.stdout.count("</details>")


def test_table_format(repo: Path) -> None:
    result = run("diff", "--vault", str(repo / V), "--base", "base", "--format", "table")
    assert result.exit_code == 0
    assert "Affected downstream" in result.stdout and "INT-2026-001" in result.stdout


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        ("removed-production", 1),
        ("rewired-production", 1),
        ("added-production", 0),
        ("metadata-production", 0),
        ("status-production,system-removed", 1),
        ("", 0),
    ],
)
def test_fail_on(repo: Path, fail_on: str, code: int) -> None:
    result = run("diff", "--vault", str(repo / V), "--base", "base", "--fail-on", fail_on)
    assert result.exit_code == code, result.output


def test_fail_on_unknown_class(repo: Path) -> None:
    result = run("diff", "--vault", str(repo / V), "--base", "base", "--fail-on", "removed-prod")
    assert result.exit_code == 2 and "removed-prod" in result.output


def test_unknown_revision(repo: Path) -> None:
    result = run("diff", "--vault", str(repo / V), "--base", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr.startswith("intgraph: error: unknown git revision 'no-such-branch'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_not_a_git_work_tree(tmp_path: Path) -> None:
    write(tmp_path / "vault", {"A.md": "# A\n"})
    result = run("diff", "--vault", str(tmp_path / "vault"), "--base", "main")
    assert result.exit_code == 2
    assert "is not inside a git work tree" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_shallow_clone_lacks_the_base(repo: Path, tmp_path: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    base = git(repo, "rev-parse", "base").strip()
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    result = run("diff", "--vault", str(clone / V), "--base", base)
    assert result.exit_code == 2
    assert "shallow clone" in result.stderr and "fetch-depth: 0" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    git(clone, "fetch", "-q", "--unshallow")
    _check(_diff_json("--vault", str(clone / V), "--base", base))


def test_vault_missing_at_base(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write(root, {"README.md": "# hi\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    write(root, {"vault/I.md": note("I", "INT-2026-100", "Production", ["A"], ["B"])})
    data = _diff_json("--vault", str(root / "vault"), "--base", "HEAD")
    assert [(c["kind"], c["integration"]["id"]) for c in data["changes"]] == [
        ("added", "INT-2026-100")
    ]
    assert data["systems"]["added"] == ["A", "B"]
    assert data["affected"] == [
        {"name": "B", "path": None, "distance": 1, "because": ["INT-2026-100"]}
    ]


def test_compare_matches_by_id_then_by_path(tmp_path: Path) -> None:
    from intgraph.pipeline import load_vault
    from intgraph.queries.diff import compare

    old, new = tmp_path / "old", tmp_path / "new"
    write(old, {
        "A.md": note("A", "INT-2026-001", "Production", ["X"], ["Y"]),
        "B.md": note("B", "INT-2026-002", "Production", ["X"], ["Z"]),
        "C.md": note("C", None, "Planning", ["P"], ["Q"]),
    })  # fmt: skip
    write(new, {
        "Moved A.md": note("A", "INT-2026-001", "Production", ["X"], ["Y"]),
        "B2.md": note("B", "INT-2026-003", "Production", ["X"], ["Z"]),
        "C2.md": note("C", "INT-2026-004", "Planning", ["P"], ["Q"]),
    })  # fmt: skip
    renames = {"B.md": "B2.md", "C.md": "C2.md"}
    diff = compare(load_vault(old), load_vault(new), renames)
    got = [
        (c.kind, c.before and c.before.path, c.after and c.after.path, c.changed)
        for c in diff.changes
    ]
    assert got == [
        # B's note was renamed, but its new ID is unique: another integration.
        ("removed", "B.md", None, ()),
        ("added", None, "B2.md", ()),
        # A moved without a rename git saw: matched by its ID.
        ("metadata", "A.md", "Moved A.md", ("path",)),
        # C had no ID: matched through the rename, and gaining an ID is a metadata change.
        ("metadata", "C.md", "C2.md", ("path", "id", "document id")),
    ]
    assert [a.name for a in diff.affected] == ["Z"]


def test_no_change(repo: Path) -> None:
    result = run("diff", "--vault", str(repo / V), "--base", "base", "--head", "base")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[3] == "**No change to the integration landscape.**"
    assert "<details>" not in result.stdout
    data = _diff_json(
        "--vault", str(repo / V), "--base", "base", "--head", "base", "--fail-on", "any"
    )
    assert data["changes"] == [] and data["affected"] == []
    assert (
        run("diff", "--vault", str(repo / V), "--base", "base", "--fail-on", "any").exit_code == 1
    )


def test_out_writes_the_diff_and_keeps_the_exit_code(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "review" / "diff.json"
    args = ["diff", "--vault", str(repo / V), "--base", "base", "--format", "json"]
    result = run(*args, "--fail-on", "removed-production", "--out", str(out))
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(run(*args).stdout)
    mine = tmp_path / "mine.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    refused = run("diff", "--vault", str(repo / V), "--base", "base", "--out", str(mine))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    forced = run("diff", "--vault", str(repo / V), "--base", "base", "--out", str(mine), "--force")
    assert forced.exit_code == 0 and "## " in mine.read_text(encoding="utf-8")
