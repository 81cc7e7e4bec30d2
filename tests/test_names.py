"""Which system a plain name means: whole names, notes in parentheses, ampersands, owners."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from intgraph.cli import main
from intgraph.pipeline import load_vault


def _note(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _integration(iid: str, source: str, target: str, owner: str = "") -> str:
    extra = f'owner: "{owner}"\n' if owner else ""
    return (
        f"---\ntype: integration\nintegration_id: {iid}\nstatus: Production\n"
        f'source: "{source}"\ntarget: "{target}"\n{extra}---\n# {iid}\n'
    )


def _vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    (root / ".obsidian").mkdir(parents=True)
    _note(root, "a.md", _integration("INT-2024-001", "AT&T Billing", "R&D Portal", "R&D Team"))
    _note(root, "b.md", _integration("INT-2024-002", "Salesforce (EU)", "Oracle EBS (R12)"))
    _note(root, "c.md", _integration("INT-2024-003", "Salesforce (US)", "Oracle EBS (Cloud)"))
    _note(root, "d.md", _integration("INT-2024-004", "ServiceNow (ITSM)", "Oracle EBS (Cloud)",
                                     "Finance and Accounting"))  # fmt: skip
    _note(root, "Systems/ServiceNow.md", "---\ntype: system\n---\n# ServiceNow\n")
    return root


def test_plain_names_are_whole_and_a_note_in_parentheses_finds_its_note(tmp_path: Path) -> None:
    landscape = load_vault(_vault(tmp_path))
    names = sorted(d["name"] for d in landscape.flows.node.values() if d["kind"] == "system")
    assert names == [
        "AT&T Billing",
        "Oracle EBS (Cloud)",
        "Oracle EBS (R12)",
        "R&D Portal",
        "Salesforce (EU)",
        "Salesforce (US)",
        "ServiceNow",  # "ServiceNow (ITSM)" names no note itself: its note is ServiceNow's
    ]
    paths = {d["name"]: d["path"] for d in landscape.flows.node.values() if d["kind"] == "system"}
    assert paths["ServiceNow"] == "Systems/ServiceNow.md"


def test_critical_and_integrations_see_the_systems_as_written(tmp_path: Path) -> None:
    root = _vault(tmp_path)
    listed = CliRunner().invoke(main, ["integrations", "--vault", str(root), "--no-cache",
                                       "--format", "json"])  # fmt: skip
    assert listed.exit_code == 0, listed.output
    rows = {r["id"]: r for r in json.loads(listed.output)["integrations"]}
    assert rows["INT-2024-001"]["sources"] == ["AT&T Billing"]
    assert rows["INT-2024-001"]["targets"] == ["R&D Portal"]
    assert rows["INT-2024-001"]["owner"] == "R&D Team"
    assert rows["INT-2024-004"]["owner"] == "Finance and Accounting"
    critical = CliRunner().invoke(main, ["critical", "--vault", str(root), "--no-cache",
                                         "--format", "json", "--top", "0"])  # fmt: skip
    assert critical.exit_code == 0, critical.output
    text = critical.output
    assert '"AT"' not in text and '"T Billing"' not in text and '"R"' not in text


def test_a_system_is_named_by_its_file_path_as_the_shell_gives_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _vault(tmp_path)
    note = root / "Systems" / "ServiceNow.md"
    for query in (str(note), "vault/Systems/ServiceNow.md", "Systems/ServiceNow.md"):
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(
            main, ["impact", query, "--vault", str(root), "--no-cache", "--format", "json"]
        )
        assert result.exit_code == 0, (query, result.output)
        assert json.loads(result.output)["system"] == "ServiceNow"
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# elsewhere\n", encoding="utf-8")
    missing = CliRunner().invoke(main, ["impact", str(outside), "--vault", str(root), "--no-cache"])
    assert missing.exit_code == 2 and "unknown system" in missing.output


HOMONYMS = str(Path(__file__).resolve().parent.parent / "vault_fixtures" / "homonyms")


def _answer(*args: str) -> tuple[dict[str, object], str]:
    result = CliRunner().invoke(main, [*args, "--vault", HOMONYMS, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def test_a_name_two_system_notes_have_means_the_note_obsidian_opens_and_says_so() -> None:
    # "CRM" names Systems/CRM.md (the shorter path, as [[CRM]] opens), though
    # Archive/Systems/CRM.md comes first by path; the other is named in a note on stderr.
    answer, said = _answer("impact", "CRM", "--direction", "upstream")
    assert answer["system_path"] == "Systems/CRM.md"
    assert "2 system notes are named 'CRM'" in said
    assert "this answer is for Systems/CRM.md" in said and "Archive/Systems/CRM.md" in said
    # The plain name "CRM" in a note means that note too: the query's answer holds it.
    integrations = answer["integrations"]
    assert isinstance(integrations, list)
    assert [(i["id"], i["distance"]) for i in integrations] == [
        ("INT-2026-101", 1), ("INT-2026-102", 1), ("INT-2026-104", 2)  # CRM feeds SAP (EU)
    ]  # fmt: skip
    downstream, _ = _answer("impact", "CRM", "--depth", "1")
    listed = downstream["integrations"]
    assert isinstance(listed, list)
    assert [i["id"] for i in listed] == ["INT-2026-103", "INT-2026-104"]


@pytest.mark.parametrize("query", ["Archive/Systems/CRM", "Archive/Systems/CRM.md", "SAP Europe"])
def test_a_path_or_an_alias_names_one_system_without_a_note(query: str) -> None:
    answer, said = _answer("impact", query, "--direction", "upstream")
    assert answer["system_path"] in ("Archive/Systems/CRM.md", "Systems/EU/SAP.md")
    assert said == ""


def test_every_command_that_takes_a_system_says_which_one_a_shared_name_meant() -> None:
    _, said = _answer("path", "SAP", "crm")
    assert said.count("system notes are named") == 2
    assert "this answer is for Systems/EU/SAP.md" in said  # a root link opens the first
    _, said = _answer("retire", "SAP")
    assert "(name another by its path: Systems/US/SAP.md)" in said


def test_homonyms_are_the_same_cold_warm_and_from_the_graph(tmp_path: Path) -> None:
    from intgraph.graph import system_homonyms
    from intgraph.queries.lookup import homonyms_of

    cold = load_vault(Path(HOMONYMS), cache_dir=tmp_path)
    warm = load_vault(Path(HOMONYMS), cache_dir=tmp_path)
    expected = ("Systems/CRM.md", "Archive/Systems/CRM.md")
    for source in (cold.flows, warm.flows, cold.graph, warm.graph):
        assert homonyms_of(source, "crm") == expected
        assert homonyms_of(source, "SAP") == ("Systems/EU/SAP.md", "Systems/US/SAP.md")
        assert homonyms_of(source, "SAP Europe") == homonyms_of(source, "Nope") == ()
    assert system_homonyms(warm.graph) == system_homonyms(cold.graph) == dict(warm.flows.homonyms)


def test_homonyms_survive_an_edit_patched_into_the_saved_graph(tmp_path: Path) -> None:
    import shutil

    from intgraph.queries.lookup import homonyms_of

    vault = tmp_path / "vault"
    shutil.copytree(HOMONYMS, vault)
    cache = tmp_path / "cache"
    load_vault(vault, cache_dir=cache)
    note = vault / "Integrations" / "US Orders to CRM.md"
    text = note.read_text(encoding="utf-8").replace("Production", "Deprecated")
    note.write_text(text, encoding="utf-8")
    patched = load_vault(vault, cache_dir=cache)
    assert patched.report.snapshot and patched.report.parsed == 1  # patched, not rebuilt
    assert patched.flows.node["integration:Integrations/US Orders to CRM.md"]["status"] == (
        "Deprecated"
    )
    for landscape in (patched, load_vault(vault, cache_dir=cache)):  # and saved so
        assert homonyms_of(landscape.flows, "CRM") == ("Systems/CRM.md", "Archive/Systems/CRM.md")
