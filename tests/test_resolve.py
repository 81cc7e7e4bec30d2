"""Table test of every link-resolution rule (see intgraph.resolve's docstring)."""

from __future__ import annotations

import pytest

from intgraph.model import Link, LinkKind
from intgraph.resolve import Resolver

FILES = [
    "Home.md",
    "Runbook.md",
    "Ops/Runbook.md",
    "Team/Deep/Runbook.md",
    "Systems/SAP ERP.md",
    "Systems/Salesforce CRM.md",
    "Docs/v1.2 Release Notes.md",
    "Docs/diagram.png",
    "Docs/diagram.png.md",
    "Docs/Spec.pdf",
    "Docs/Guide.md",
    "Archive/Docs/Guide.md",
    "Notes/Payment Runbook.md",
    "Finance/Payment Runbook.md",
    "Finance/Sub/Ledger.md",
    "Café.md",
]

CASES = [
    # (rule, link target, from note, expected file or None)
    ("bare unique name", "SAP ERP", "Home.md", "Systems/SAP ERP.md"),
    ("case-insensitive", "sap erp", "Home.md", "Systems/SAP ERP.md"),
    ("case-insensitive path", "systems/SALESFORCE crm", "Home.md", "Systems/Salesforce CRM.md"),
    ("explicit .md", "SAP ERP.md", "Home.md", "Systems/SAP ERP.md"),
    ("dot in name: as written first", "diagram.png", "Home.md", "Docs/diagram.png"),
    ("dot in name: then with .md", "v1.2 Release Notes", "Home.md", "Docs/v1.2 Release Notes.md"),
    ("attachment", "Spec.pdf", "Home.md", "Docs/Spec.pdf"),
    ("missing attachment", "missing.pdf", "Home.md", None),
    ("no extension never matches an attachment", "Spec", "Home.md", None),
    ("full vault path exact", "Docs/Guide", "Home.md", "Docs/Guide.md"),
    ("full vault path wins over folder", "Docs/Guide", "Archive/x.md", "Docs/Guide.md"),
    ("partial path suffix", "Sub/Ledger", "Home.md", "Finance/Sub/Ledger.md"),
    ("partial path must end at a folder", "ub/Ledger", "Home.md", None),
    ("leading slash is exact", "/Runbook", "Ops/x.md", "Runbook.md"),
    ("leading slash no suffix match", "/Ledger", "Home.md", None),
    ("./ relative", "./Runbook", "Ops/x.md", "Ops/Runbook.md"),
    ("../ relative", "../Systems/SAP ERP", "Ops/x.md", "Systems/SAP ERP.md"),
    ("../ relative missing", "../Nowhere", "Ops/x.md", None),
    ("root file is the exact path", "Runbook", "Team/x.md", "Runbook.md"),
    ("same folder first", "Payment Runbook", "Finance/x.md", "Finance/Payment Runbook.md"),
    ("same folder first (other)", "Payment Runbook", "Notes/x.md", "Notes/Payment Runbook.md"),
    (
        "not under note folder: shortest",
        "Payment Runbook",
        "Finance/Sub/x.md",
        "Notes/Payment Runbook.md",
    ),
    ("shortest path otherwise", "Guide", "Home.md", "Docs/Guide.md"),
    ("unicode NFC", "Cafe\u0301", "Home.md", "Café.md"),
    ("unresolved", "Nowhere", "Home.md", None),
    ("empty is the note itself", "", "Home.md", "Home.md"),
]


@pytest.mark.parametrize(("rule", "target", "source", "expected"), CASES, ids=[c[0] for c in CASES])
def test_resolution_rules(rule: str, target: str, source: str, expected: str | None) -> None:
    resolver = Resolver(FILES)
    assert resolver.resolve_path(target, source) == expected


@pytest.mark.parametrize(
    ("target", "source", "ambiguous", "candidates"),
    [
        (
            "Payment Runbook",
            "Home.md",
            True,
            ("Notes/Payment Runbook.md", "Finance/Payment Runbook.md"),
        ),
        (
            "Payment Runbook",
            "Finance/x.md",
            True,
            ("Finance/Payment Runbook.md", "Notes/Payment Runbook.md"),
        ),
        (
            "Payment Runbook",
            "Notes/x.md",
            True,
            ("Notes/Payment Runbook.md", "Finance/Payment Runbook.md"),
        ),
        ("Finance/Payment Runbook", "Home.md", False, ("Finance/Payment Runbook.md",)),
        ("SAP ERP", "Home.md", False, ("Systems/SAP ERP.md",)),
        ("Runbook", "Home.md", True, ("Runbook.md", "Ops/Runbook.md", "Team/Deep/Runbook.md")),
    ],
)
def test_ambiguity(target: str, source: str, ambiguous: bool, candidates: tuple[str, ...]) -> None:
    resolution = Resolver(FILES).resolve(Link(target, 1, LinkKind.WIKILINK), source)
    assert resolution.ambiguous is ambiguous
    assert resolution.candidates == candidates
    assert resolution.resolved == candidates[0]


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_one_resolver_answers_every_case_as_a_fresh_one(order: str) -> None:
    """The resolver keeps its answers (an answer that no note's folder can change, by its
    target alone): asked every case in turn, in either order, it answers each as a new
    resolver does."""
    cases = CASES if order == "as listed" else CASES[::-1]
    shared = Resolver(FILES)
    shared.prepare()  # as a cold scan does while its workers parse
    for _rule, target, source, expected in cases * 2:
        assert shared.resolve_path(target, source) == expected
        assert shared.candidates(target, source) == Resolver(FILES).candidates(target, source)
    for source in ("Ops/x.md", "Team/x.md", "Home.md", "Ops/Deep/x.md"):
        for target in ("./Runbook", "Runbook", "", " ", "../Runbook", "Payment Runbook"):
            fresh = Resolver(FILES).candidates(target, source)
            assert shared.candidates(target, source) == fresh


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_a_primed_resolver_answers_as_a_fresh_one(order: str) -> None:
    """Priming (what a cold scan does with each batch of notes, from each note's folder)
    changes no answer: every case resolves afterwards as a new resolver resolves it."""
    cases = CASES if order == "as listed" else CASES[::-1]
    primed = Resolver(FILES)
    for _rule, target, source, _expected in cases:
        primed.prime([target, target.strip(), "./Runbook", ""], source)
    for _rule, target, source, expected in cases:
        assert primed.resolve_path(target, source) == expected
        assert primed.candidates(target, source) == Resolver(FILES).candidates(target, source)
        assert primed.resolve_path("./Runbook", source) == Resolver(FILES).resolve_path(
            "./Runbook", source
        )
