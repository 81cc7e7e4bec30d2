"""path, critical, retire and selectors on fixture vaults whose answers are known by
construction (see each vault's notes):

- diamond: Orders → Billing, Orders → Stock, Billing → Analytics, Stock → Analytics;
- middleware: CRM → ERP and ERP → Warehouse through MuleSoft, ERP → Ledger direct;
- esb: HR → Payroll and Finance → Payroll, both through the ESB; HR → Directory direct,
  Finance → Directory through the ESB;
- cycle: Gateway → Alpha → Beta → Gamma → Alpha;
- parallel: Shop → Ledger twice (INT-2026-501 Deprecated, 502 Production), Shop → Tax → Ledger;
- selfloop: Scheduler → Scheduler, Scheduler → Mailer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import fixture

from intgraph.errors import UnknownSystemError, UsageError
from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.critical import Critical, critical
from intgraph.queries.integrations import list_integrations
from intgraph.queries.path import Paths, find_paths
from intgraph.queries.retire import retire

VAULTS = ("diamond", "middleware", "esb", "cycle", "parallel", "selfloop")


@pytest.fixture(scope="module")
def vaults() -> dict[str, Landscape]:
    return {name: load_vault(fixture(name)) for name in VAULTS}


def ranking(result: Critical) -> list[tuple[str, tuple[str, ...], int]]:
    return [(s.name, s.sole_feed_of, s.reach) for s in result.systems]


def ids(result: Paths) -> list[list[str | None]]:
    return [[h.id for h in route.hops] for route in result.paths]


# --- critical ---------------------------------------------------------------------------


def test_critical_diamond(vaults: dict[str, Landscape]) -> None:
    result = critical(vaults["diamond"])
    assert ranking(result) == [
        ("Orders", ("Billing", "Stock"), 3),
        ("Billing", (), 1),
        ("Stock", (), 1),
        ("Analytics", (), 0),
    ]
    assert result.cycles == ()
    orders = result.systems[0]
    assert (orders.integrations, orders.production_integrations, orders.middleware) == (
        2,
        2,
        False,
    )
    stock = result.systems[2]
    assert (stock.integrations, stock.production_integrations) == (2, 1)


def test_critical_middleware_chain(vaults: dict[str, Landscape]) -> None:
    result = critical(vaults["middleware"])
    # MuleSoft and ERP each cut off two systems; MuleSoft reaches further (Ledger too).
    assert ranking(result) == [
        ("MuleSoft", ("ERP", "Warehouse"), 3),
        ("ERP", ("Ledger", "Warehouse"), 2),
        ("CRM", ("ERP",), 3),
        ("Ledger", (), 0),
        ("Warehouse", (), 0),
    ]
    assert result.systems[0].middleware is True
    assert result.systems[0].integrations == 2


def test_critical_system_fed_only_through_one_esb(vaults: dict[str, Landscape]) -> None:
    result = critical(vaults["esb"])
    cut = {s.name: s.sole_feed_of for s in result.systems}
    # Payroll has two sources but every feed runs through the ESB; Directory has a direct one.
    assert cut == {
        "ESB": ("Payroll",),
        "Finance": (),
        "HR": (),
        "Directory": (),
        "Payroll": (),
    }
    assert result.systems[0].name == "ESB"
    assert {s.name: s.reach for s in result.systems}["ESB"] == 2


def test_critical_cycle_with_one_entry(vaults: dict[str, Landscape]) -> None:
    result = critical(vaults["cycle"])
    assert ranking(result) == [
        ("Alpha", ("Beta",), 2),
        ("Beta", ("Gamma",), 2),
        ("Gateway", (), 3),
        ("Gamma", (), 2),
    ]
    [cycle] = result.cycles
    assert cycle.systems == ("Alpha", "Beta", "Gamma")
    assert cycle.witness == ("INT-2026-402", "INT-2026-403", "INT-2026-404")


def test_critical_self_loop_is_not_a_cycle(vaults: dict[str, Landscape]) -> None:
    result = critical(vaults["selfloop"])
    assert ranking(result) == [("Scheduler", ("Mailer",), 1), ("Mailer", (), 0)]
    assert result.cycles == ()


def test_critical_status_and_top(vaults: dict[str, Landscape]) -> None:
    # Without the Development feed Stock → Analytics, Billing is Analytics' only supply.
    result = critical(vaults["diamond"], top=2, statuses=["production"])
    assert ranking(result) == [("Orders", ("Billing", "Stock"), 3), ("Billing", ("Analytics",), 1)]
    assert result.total == 4
    with pytest.raises(UsageError, match="unknown status 'Prod'"):
        critical(vaults["diamond"], statuses=["Prod"])


# --- path ---------------------------------------------------------------------------------


def test_path_diamond_two_ways(vaults: dict[str, Landscape]) -> None:
    result = find_paths(vaults["diamond"], "Orders", "Analytics")
    assert ids(result) == [["INT-2026-101", "INT-2026-103"], ["INT-2026-102", "INT-2026-104"]]
    assert [r.systems for r in result.paths] == [
        ("Orders", "Billing", "Analytics"),
        ("Orders", "Stock", "Analytics"),
    ]
    assert result.truncated is False
    hop = result.paths[0].hops[0]
    assert (hop.source, hop.target, hop.status, hop.path) == (
        "Orders",
        "Billing",
        "Production",
        "Integrations/Sales/Orders to Billing.md",
    )


def test_path_parallel_live_before_deprecated(vaults: dict[str, Landscape]) -> None:
    result = find_paths(vaults["parallel"], "shop", "LEDGER")
    assert ids(result) == [["INT-2026-502"], ["INT-2026-501"], ["INT-2026-503", "INT-2026-504"]]
    assert not result.truncated
    assert ids(find_paths(vaults["parallel"], "Shop", "Ledger", max_paths=1)) == [["INT-2026-502"]]
    assert find_paths(vaults["parallel"], "Shop", "Ledger", max_paths=1).truncated
    short = find_paths(vaults["parallel"], "Shop", "Ledger", max_length=1)
    assert ids(short) == [["INT-2026-502"], ["INT-2026-501"]] and not short.truncated
    live = find_paths(vaults["parallel"], "Shop", "Ledger", statuses=["Production"])
    assert ids(live) == [["INT-2026-502"], ["INT-2026-503", "INT-2026-504"]]


def test_path_through_and_from_middleware(vaults: dict[str, Landscape]) -> None:
    through = find_paths(vaults["middleware"], "CRM", "Warehouse")
    assert ids(through) == [["INT-2026-201", "INT-2026-202"]]
    assert [h.middleware for h in through.paths[0].hops] == [("MuleSoft",), ("MuleSoft",)]
    # A middleware system reaches the integrations routed through it, as in impact.
    start = find_paths(vaults["middleware"], "MuleSoft", "Warehouse")
    assert ids(start) == [["INT-2026-202"], ["INT-2026-201", "INT-2026-202"]]
    assert start.paths[0].hops[0].source == "MuleSoft"


def test_path_cycle_and_no_path(vaults: dict[str, Landscape]) -> None:
    assert ids(find_paths(vaults["cycle"], "Beta", "Alpha")) == [["INT-2026-403", "INT-2026-404"]]
    assert ids(find_paths(vaults["cycle"], "Gateway", "Gamma")) == [
        ["INT-2026-401", "INT-2026-402", "INT-2026-403"]
    ]
    none = find_paths(vaults["cycle"], "Alpha", "Gateway")
    assert none.paths == () and none.truncated is False
    assert find_paths(vaults["cycle"], "Gateway", "Gamma", max_length=2).paths == ()


def test_path_errors(vaults: dict[str, Landscape]) -> None:
    with pytest.raises(UsageError, match="same system"):
        find_paths(vaults["selfloop"], "Scheduler", "scheduler")
    with pytest.raises(UnknownSystemError, match='did you mean "Scheduler"'):
        find_paths(vaults["selfloop"], "Schedular", "Mailer")
    with pytest.raises(UsageError, match="unknown status"):
        find_paths(vaults["selfloop"], "Scheduler", "Mailer", statuses=["live"])


# --- retire -------------------------------------------------------------------------------


def test_retire_diamond_billing(vaults: dict[str, Landscape]) -> None:
    result = retire(vaults["diamond"], "billing")
    rows = [(i.id, i.role, i.owner, i.technical_lead, i.status) for i in result.integrations]
    assert rows == [
        ("INT-2026-101", "target", "Ada Lovelace", "Linus Pauling", "Production"),
        ("INT-2026-103", "source", "Grace Hopper", "Linus Pauling", "Production"),
    ]
    assert result.sole_feed_of == () and result.reduced == ("Analytics",)
    # The runbook's link and the prose link in an integration note, not the Components
    # field, not Billing's own note and not the intgraph report in Reports/.
    assert [(m.path, m.line) for m in result.mentions] == [
        ("Docs/Billing Runbook.md", 5),
        ("Integrations/Finance/Billing to Analytics.md", 25),
    ]


def test_retire_middleware_and_self_loop(vaults: dict[str, Landscape]) -> None:
    esb = retire(vaults["esb"], "ESB")
    assert esb.middleware
    assert [(i.id, i.role) for i in esb.integrations] == [
        ("INT-2026-301", "middleware"),
        ("INT-2026-302", "middleware"),
        ("INT-2026-304", "middleware"),
    ]
    assert esb.sole_feed_of == ("Payroll",) and esb.reduced == ("Directory",)
    loop = retire(vaults["selfloop"], "Scheduler")
    assert [(i.id, i.roles) for i in loop.integrations] == [
        ("INT-2026-601", ("source", "target")),
        ("INT-2026-602", ("source",)),
    ]
    assert loop.sole_feed_of == ("Mailer",) and loop.reduced == ()


# --- selectors ----------------------------------------------------------------------------


def picked(landscape: Landscape, *select: str, statuses: tuple[str, ...] = ()) -> list[str]:
    return [r.id or r.title for r in list_integrations(landscape, select, statuses).integrations]


def test_select_methods(vaults: dict[str, Landscape]) -> None:
    d = vaults["diamond"]
    assert picked(d) == ["INT-2026-101", "INT-2026-102", "INT-2026-103", "INT-2026-104"]
    assert picked(d, "status:development") == ["INT-2026-104"]
    assert picked(d, "owner:ada lovelace") == ["INT-2026-101", "INT-2026-102"]
    assert picked(d, "owner:Grace*") == ["INT-2026-103", "INT-2026-104"]
    assert picked(d, "category:process") == ["INT-2026-102"]
    assert picked(d, "classification:External") == ["INT-2026-103"]
    assert picked(d, "folder:Integrations/Finance/") == ["INT-2026-103", "INT-2026-104"]
    assert picked(d, "folder:integrations/fin") == []
    assert picked(d, "folder:./Integrations/Finance") == ["INT-2026-103", "INT-2026-104"]
    assert picked(d, "tag:sales") == ["INT-2026-101", "INT-2026-102"]
    assert picked(d, "tag:#finance") == ["INT-2026-103"]
    assert picked(d, "system:Billing") == ["INT-2026-101", "INT-2026-103"]
    assert picked(d, "Billing") == ["INT-2026-101", "INT-2026-103"]
    assert picked(vaults["esb"], "middleware:ESB") == [
        "INT-2026-301",
        "INT-2026-302",
        "INT-2026-304",
    ]


def test_select_graph_operators(vaults: dict[str, Landscape]) -> None:
    c = vaults["cycle"]
    assert picked(c, "Gateway+") == ["INT-2026-401", "INT-2026-402", "INT-2026-403", "INT-2026-404"]
    assert picked(c, "Gateway+2") == ["INT-2026-401", "INT-2026-402"]
    assert picked(c, "+Beta") == ["INT-2026-401", "INT-2026-402", "INT-2026-403", "INT-2026-404"]
    assert picked(c, "1+Beta") == ["INT-2026-402"]
    assert picked(c, "1+Beta+1") == ["INT-2026-402", "INT-2026-403"]
    d = vaults["diamond"]
    assert picked(d, "+Billing") == ["INT-2026-101"]
    assert picked(d, "Billing+") == ["INT-2026-103"]
    # middleware: downstream of MuleSoft are the integrations routed through it, and on.
    assert picked(vaults["middleware"], "MuleSoft+") == [
        "INT-2026-201",
        "INT-2026-202",
        "INT-2026-203",
    ]


def test_select_union_and_intersection(vaults: dict[str, Landscape]) -> None:
    d = vaults["diamond"]
    assert picked(d, "Orders+,owner:Grace Hopper") == ["INT-2026-103", "INT-2026-104"]
    assert picked(d, "Orders+,owner:Grace Hopper,status:production") == ["INT-2026-103"]
    assert picked(d, "status:development", "category:process") == [
        "INT-2026-102",
        "INT-2026-104",
    ]
    assert picked(d, "Orders+", statuses=("Development",)) == ["INT-2026-104"]


def test_select_errors(vaults: dict[str, Landscape]) -> None:
    d = vaults["diamond"]
    with pytest.raises(UsageError, match=r"unknown --select method 'colour'.*status:, owner:"):
        picked(d, "colour:red")
    with pytest.raises(UsageError, match="needs a value"):
        picked(d, "owner:")
    with pytest.raises(UsageError, match="unknown status 'prod'"):
        picked(d, "status:prod")
    with pytest.raises(UnknownSystemError, match='did you mean "Billing"'):
        picked(d, "Biling+")
    with pytest.raises(UsageError, match="empty"):
        picked(d, "Orders+,")


def test_select_quotes_names_with_colons_commas_and_pluses(tmp_path: Path) -> None:
    def feed(iid: str, source: str, target: str) -> str:
        return (
            f"---\ntype: integration\nintegration_id: {iid}\nstatus: Production\n"
            f"source: '[[{source}]]'\ntarget: '[[{target}]]'\n---\n# {iid}\n"
        )

    (tmp_path / "a.md").write_text(feed("INT-2026-001", "Host: Main", "Sales, EMEA"))
    (tmp_path / "b.md").write_text(feed("INT-2026-002", "Sales, EMEA", "Notepad++"))
    (tmp_path / "c.md").write_text(feed("INT-2026-003", "Other", "Notepad++"))
    landscape = load_vault(tmp_path)
    assert picked(landscape, '"Host: Main"+') == ["INT-2026-001", "INT-2026-002"]
    assert picked(landscape, 'system:"Sales, EMEA"') == ["INT-2026-001", "INT-2026-002"]
    assert picked(landscape, '+"Notepad++"') == ["INT-2026-001", "INT-2026-002", "INT-2026-003"]
    assert picked(landscape, '"Notepad++"') == ["INT-2026-002", "INT-2026-003"]
    assert picked(landscape, '"Notepad++",status:production,"Sales, EMEA"') == ["INT-2026-002"]
    assert picked(landscape, 'owner:"*"') == []
    with pytest.raises(UsageError, match="not closed"):
        picked(landscape, '"Notepad++')


def test_retire_mentions_skip_front_matter_fields(tmp_path: Path) -> None:
    (tmp_path / "Systems").mkdir()
    for name in ("Alpha", "Beta"):
        (tmp_path / "Systems" / f"{name}.md").write_text(f"---\ntype: system\n---\n# {name}\n")
    (tmp_path / "A to B.md").write_text(
        "---\ntype: integration\nintegration_id: INT-2026-001\n"
        'sources:\n  - "[[Alpha]]"\ntargets:\n  - "[[Beta]]"\nrelated: "[[Beta]]"\n'
        "---\n# A to B\nSee [[Alpha]] and [[Beta]].\n"
    )
    landscape = load_vault(tmp_path)
    alpha = retire(landscape, "Alpha")
    assert [(i.id, i.roles) for i in alpha.integrations] == [("INT-2026-001", ("source",))]
    assert [(m.path, m.line) for m in alpha.mentions] == [("A to B.md", 11)]
    assert [(m.path, m.line) for m in retire(landscape, "Beta").mentions] == [("A to B.md", 11)]
