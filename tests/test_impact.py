"""Impact analysis on the flow fixture vault, end to end through the library."""

from __future__ import annotations

import pytest
from tests.conftest import fixture

from intgraph.errors import UnknownSystemError
from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.impact import impact
from intgraph.queries.systems import list_systems


@pytest.fixture(scope="module")
def flow() -> Landscape:
    return load_vault(fixture("flow"))


def systems(result) -> list[tuple[str, int, str]]:  # type: ignore[no-untyped-def]
    return [(s.name, s.distance, s.direction) for s in result.systems]


def test_downstream(flow: Landscape) -> None:
    result = impact(flow, "Order Hub")
    assert systems(result) == [
        ("Billing", 1, "downstream"),
        ("Legacy FTP Drop", 1, "downstream"),
        ("Reporting", 1, "downstream"),
        ("Warehouse", 1, "downstream"),
        ("CRM", 2, "downstream"),
        ("Ledger", 2, "downstream"),
        ("Data Lake", 3, "downstream"),
    ]
    assert [(i.id, i.distance) for i in result.integrations] == [
        ("INT-2025-001", 1),
        ("INT-2025-005", 1),
        ("INT-2025-006", 1),
        ("INT-2025-002", 2),
        ("INT-2025-004", 2),
        ("INT-2025-007", 2),
        ("INT-2025-003", 3),
    ]
    via = {s.name: s.via for s in result.systems}
    assert via["Billing"] == ("INT-2025-001",)
    assert via["Data Lake"] == ("INT-2025-001", "INT-2025-002", "INT-2025-003")
    assert "Order Hub" not in via


def test_cycle_terminates_and_excludes_the_query(flow: Landscape) -> None:
    result = impact(flow, "Reporting")
    names = [s.name for s in result.systems]
    assert "Reporting" not in names
    assert len(names) == len(set(names))


def test_upstream(flow: Landscape) -> None:
    result = impact(flow, "Billing", direction="upstream")
    assert systems(result) == [
        ("CRM", 1, "upstream"),
        ("Order Hub", 1, "upstream"),
        ("Reporting", 2, "upstream"),
        ("Warehouse", 2, "upstream"),
        ("Ledger", 3, "upstream"),
    ]


def test_both_lists_a_system_once_per_direction(flow: Landscape) -> None:
    result = impact(flow, "Billing", direction="both")
    pairs = systems(result)
    assert ("Ledger", 1, "downstream") in pairs and ("Ledger", 3, "upstream") in pairs
    assert len({i.node for i in result.integrations}) == len(result.integrations)
    dist = {i.id: i.distance for i in result.integrations}
    assert dist["INT-2025-002"] == 1 and dist["INT-2025-001"] == 1


def test_depth(flow: Landscape) -> None:
    result = impact(flow, "Order Hub", max_depth=1)
    assert {s.distance for s in result.systems} == {1}
    assert {i.distance for i in result.integrations} == {1}
    assert len(result.systems) == 4


def test_status_filter(flow: Landscape) -> None:
    result = impact(flow, "Order Hub", statuses=["production"])
    assert [s.name for s in result.systems] == [
        "Billing",
        "Legacy FTP Drop",
        "Warehouse",
        "CRM",
        "Ledger",
    ]
    assert {i.status for i in result.integrations} == {"Production"}


def test_deprecated_included_and_labelled(flow: Landscape) -> None:
    result = impact(flow, "Reporting")
    statuses = {i.id: i.status for i in result.integrations}
    assert statuses["INT-2025-004"] == "Deprecated"


def test_middleware_downstream(flow: Landscape) -> None:
    result = impact(flow, "Kafka")
    first = {s.name for s in result.systems if s.distance == 1}
    assert first == {"Billing", "Reporting", "Data Lake", "Warehouse", "Legacy FTP Drop"}
    assert {i.id for i in result.integrations if i.distance == 1} == {
        "INT-2025-001",
        "INT-2025-003",
        "INT-2025-005",
    }
    second = {s.name for s in result.systems if s.distance == 2}
    assert second == {"Ledger", "Order Hub", "CRM"}


def test_middleware_is_listed_on_integrations_not_as_system(flow: Landscape) -> None:
    result = impact(flow, "Order Hub")
    assert "Kafka" not in [s.name for s in result.systems]
    by_id = {i.id: i for i in result.integrations}
    assert by_id["INT-2025-001"].middleware == ("Kafka",)
    assert by_id["INT-2025-005"].targets == ("Warehouse", "Legacy FTP Drop")


def test_middleware_upstream_is_its_sources(flow: Landscape) -> None:
    result = impact(flow, "Kafka", direction="upstream")
    assert {s.name for s in result.systems if s.distance == 1} == {"Order Hub", "Ledger"}


@pytest.mark.parametrize(
    "query", ["Order Hub", "order hub", "ORDER HUB", "OH", "order management", "Systems/Order Hub"]
)
def test_names_aliases_and_paths(flow: Landscape, query: str) -> None:
    assert impact(flow, query).system == "Order Hub"


def test_alias_in_a_plain_name_means_the_system(flow: Landscape) -> None:
    result = impact(flow, "Reporting")
    assert ("Order Hub", 1, "downstream") in systems(result)


def test_path_link_and_case_differences(flow: Landscape) -> None:
    result = impact(flow, "billing")
    assert systems(result)[0] == ("Ledger", 1, "downstream")


def test_unknown_system_suggests(flow: Landscape) -> None:
    with pytest.raises(UnknownSystemError) as info:
        impact(flow, "Order Hb")
    assert "Order Hub" in info.value.suggestions
    with pytest.raises(UnknownSystemError):
        impact(flow, "runbook")


def test_system_without_integrations(flow: Landscape) -> None:
    result = impact(flow, "Dormant")
    assert result.systems == () and result.integrations == ()


def test_systems_listing(flow: Landscape) -> None:
    rows = {s.name: s for s in list_systems(flow)}
    assert rows["Kafka"].kind == "middleware" and rows["Kafka"].integrations_via == 3
    assert rows["Order Hub"].integrations_out == 3 and rows["Order Hub"].integrations_in == 1
    assert rows["Order Hub"].aliases == ("OH", "Order Management")
    assert rows["Legacy FTP Drop"].path is None
    assert rows["Billing"].aliases == ("Invoicing",)


def test_encodings_vault() -> None:
    landscape = load_vault(fixture("encodings"))
    assert [s.name for s in impact(landscape, "Alpha").systems] == ["Beta", "Gamma"]
    assert [s.name for s in impact(landscape, "zürich gateway").systems] == ["Beta", "Gamma"]
    codes = {(p.path, p.code) for p in landscape.problems}
    assert codes == {
        ("Integrations/Binary.md", "binary"),
        ("Integrations/Broken YAML.md", "yaml"),
        ("Integrations/Zurich Feed.md", "encoding"),
    }


def test_templates_and_excluded_notes_are_not_read() -> None:
    landscape = load_vault(fixture("settings"), exclude=["Archive"])
    names = {s.name for s in list_systems(landscape)}
    assert names == {"Real A", "Real B", "Ghost I", "Ghost J"}


def test_via_prefers_live_integrations_on_ties(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def note(name: str, iid: str, status: str) -> str:
        return (
            f"# {name}\n**Integration ID**: {iid}\n**Status**: {status}\n\n### Components\n"
            "1. Source System(s)\n   - Name: [[A]]\n2. Target System(s)\n   - Name: [[B]]\n"
        )

    (tmp_path / "Old.md").write_text(note("Old", "INT-2020-001", "Deprecated"), encoding="utf-8")
    (tmp_path / "New.md").write_text(note("New", "INT-2025-001", "Production"), encoding="utf-8")
    result = impact(load_vault(tmp_path), "A")
    assert [(s.name, s.via) for s in result.systems] == [("B", ("INT-2025-001",))]
    assert {i.id for i in result.integrations} == {"INT-2020-001", "INT-2025-001"}


def test_rows_are_in_answer_order_for_small_and_large_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Answers large (an eighth of the nodes or more) and small are in distance, then
    listing order (ID, title, path), every integration once, in every direction."""
    from benchmarks.vaultgen import generate

    from intgraph.flows import listing_key

    generate(tmp_path / "vault", 60, seed=5)
    landscape = load_vault(tmp_path / "vault")
    flows = landscape.flows
    sizes = set()
    for name in sorted(s.name for s in list_systems(landscape)):
        for direction in ("downstream", "upstream", "both"):
            rows = impact(landscape, name, direction=direction).integrations
            expected = sorted(rows, key=lambda r: (r.distance, listing_key(flows.node[r.node])))
            assert list(rows) == expected, (name, direction)
            assert len({r.node for r in rows}) == len(rows)
            sizes.add(len(rows) * 8 > len(flows.node))
    assert sizes == {True, False}


def test_integrations_are_a_sequence_of_rows_written_alike(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An answer's integrations are made into rows when read, and compare, hash and
    print as the tuple of them; JSON written from their columns (with the cache's row
    text, or with none) is the JSON written from the rows."""
    import dataclasses

    from benchmarks.vaultgen import generate

    from intgraph.queries.impact import Integrations
    from intgraph.render.impact import render_json

    generate(tmp_path / "vault", 40, seed=9)
    written = load_vault(tmp_path / "vault", cache_dir=tmp_path / "cache")
    warm = load_vault(tmp_path / "vault", cache_dir=tmp_path / "cache")
    cold = load_vault(tmp_path / "vault")  # no cache folder: no row text made
    assert warm.report.snapshot and warm.flows.text and not cold.flows.text
    assert written.flows.text and not isinstance(written.flows.text, type(warm.flows.text))
    names = sorted(s.name for s in list_systems(cold))
    for name in names:
        for direction in ("downstream", "upstream", "both"):
            answers = [
                impact(landscape, name, direction=direction) for landscape in (cold, warm, written)
            ]
            for result in answers:
                rows = result.integrations
                assert isinstance(rows, Integrations)
                plain = tuple(rows)
                assert rows == plain and plain == rows
                assert hash(rows) == hash(plain) and repr(rows) == repr(plain)
                assert rows[1:] == plain[1:] and len(rows) == len(plain)
                assert [rows.row(at) for at in range(len(rows))] == list(plain)
                order, distance, ways, feedback = rows.columns()
                assert order == [r.node for r in plain]
                assert [distance[n] for n in order] == [r.distance for r in plain]
                assert ways == [r.directions for r in plain]
                assert feedback == [r.feedback for r in plain]
                expected = render_json(dataclasses.replace(result, integrations=plain, text={}))
                assert render_json(result) == expected, (name, direction)
            assert answers[0] == answers[1] == answers[2]
            assert len({render_json(answer) for answer in answers}) == 1
