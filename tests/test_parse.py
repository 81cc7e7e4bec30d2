"""Template fields, front matter precedence, placeholders and problems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intgraph.model import LINT_HEADINGS
from intgraph.parse import TEMPLATE_PLACEHOLDER_LINKS, parse_text
from intgraph.parse.values import is_unset, owner_in, refs_in

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared/template/integration-note-template.md"
# The sample vault keeps a byte-identical copy (checked below when shared/ is beside us).
TEMPLATE = ROOT / "vault_fixtures/acme/Templates/Integration Note.md"

NOTE = """# Order Sync

## Integration Overview
**Integration ID**: INT-2024-012
**Version**: 2.1.0
**Category**: Data
**Status**: Production
**Classification**: Internal

## Integration Architecture
### Components
1. Source System(s)
   - Name: [[SAP ERP]], [[Systems/Salesforce CRM|Salesforce]]
   - Role: System of record
   - Interface: IDoc
   - Data: Orders
   - Name: Legacy Billing
   - Role: Old feed

2. Target System(s)
   - Name: Workday HCM and ServiceNow (ITSM)
   - Role: Consumer

3. Integration Layer
   - Type: Middleware
   - Components: [[MuleSoft Anypoint]], Kafka
   - Protocol: HTTPS/REST

## Data Mapping
### Data Transformations
1. Source to Target
   - Field Mappings: VBELN to orderId

## Documentation
### Technical Documentation
1. Design Documents
   - Architecture: [[Order Sync Design]]
   - Interfaces: [[interface_spec]]
2. Operational Documents
   - Runbook: [[O2C Runbook]]

---
**Metadata**
- Owner: [[Jane Doe]]
- Technical Lead: [[technical_lead]]
- Document ID: INT-2024-012
- Next Review: 2027-01-15
- Integration Status: Production
"""


def test_template_fields() -> None:
    note = parse_text("Integrations/Order Sync.md", NOTE)
    f = note.fields
    assert note.is_integration
    assert note.title == "Order Sync"
    assert (f.integration_id, f.version, f.category, f.status, f.classification) == (
        "INT-2024-012",
        "2.1.0",
        "Data",
        "Production",
        "Internal",
    )
    assert [(e.ref.text, e.ref.is_link, e.role) for e in f.sources] == [
        ("SAP ERP", True, "System of record"),
        ("Systems/Salesforce CRM", True, "System of record"),
        ("Legacy Billing", False, "Old feed"),
    ]
    assert f.sources[0].interface == "IDoc" and f.sources[0].data == "Orders"
    assert [(e.ref.text, e.ref.line) for e in f.targets] == [
        ("Workday HCM", 21),
        ("ServiceNow (ITSM)", 21),  # a name is taken whole (names.py reads the note)
    ]
    assert [(r.text, r.is_link) for r in f.middleware] == [
        ("MuleSoft Anypoint", True),
        ("Kafka", False),
    ]
    assert (f.layer_type, f.protocol) == ("Middleware", "HTTPS/REST")
    assert [(label, r.text) for label, r in f.documents] == [
        ("Architecture", "Order Sync Design"),
        ("Runbook", "O2C Runbook"),
    ]
    assert f.owner is not None and f.owner.text == "Jane Doe"
    assert f.meta("document id") == "INT-2024-012"
    assert f.meta("Technical Lead") is None
    assert f.meta("Next Review") == "2027-01-15"


def test_front_matter_wins_over_body() -> None:
    text = (
        "---\nstatus: Deprecated\nintegration_id: INT-2020-001\nsources: ['[[A]]', B]\n"
        "targets: C\nvia: '[[Bus]]'\nowner: '[[Bob]]'\ncategory: API\n---\n" + NOTE
    )
    f = parse_text("x.md", text).fields
    assert (f.status, f.integration_id, f.category) == ("Deprecated", "INT-2020-001", "API")
    assert [(e.ref.text, e.ref.is_link, e.ref.line) for e in f.sources] == [
        ("A", True, 4),
        ("B", False, 4),
    ]
    assert [e.ref.text for e in f.targets] == ["C"]
    assert [r.text for r in f.middleware] == ["Bus"]
    assert f.owner is not None and f.owner.text == "Bob"
    assert f.version == "2.1.0"


def test_front_matter_only_note() -> None:
    note = parse_text("x.md", "---\ntype: integration\n---\nbody\n")
    assert note.is_integration and note.title == "x"
    assert parse_text("y.md", "---\ntags: [integration]\n---\n").is_integration
    assert parse_text("z.md", "Some text #integration here").is_integration
    assert not parse_text("w.md", "# Just a note\n[[Link]]").is_integration


def test_lines_keep_the_fields_and_only_the_headings_lint_points_at() -> None:
    note = parse_text("Integrations/Order Sync.md", NOTE)
    lines = dict(note.fields.lines)
    headings = {key: line for key, line in lines.items() if key.startswith("heading:")}
    assert headings == {
        "heading:integration overview": 3,
        "heading:integration architecture": 10,
        "heading:components": 11,
        "heading:documentation": 34,
    }
    assert set(headings) == LINT_HEADINGS
    assert {"integration_id", "status", "source", "target"} <= lines.keys()
    # The template's other headings (Data Mapping, ...) are not kept.
    assert note.fields.line_of("heading:data mapping", 0) == 0


def test_every_heading_lint_looks_up_is_kept() -> None:
    lint = (ROOT / "src/intgraph/queries/lint.py").read_text(encoding="utf-8")
    looked_up = set(re.findall(r"line_of\(\s*\"(heading:[^\"]*)\"", lint))
    assert looked_up and looked_up <= LINT_HEADINGS


def test_sample_vault_template_is_the_shared_template() -> None:
    if not SHARED.exists():
        pytest.skip("shared/ is not beside the checkout")
    assert TEMPLATE.read_bytes() == SHARED.read_bytes()


def test_template_itself_is_all_placeholders() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    note = parse_text("Templates/Integration.md", text)
    f = note.fields
    assert note.is_integration  # a draft copied from the template: lint must see it
    assert f.sources == () and f.targets == () and f.middleware == () and f.documents == ()
    assert f.integration_id is None and f.status is None and f.owner is None
    assert all(link.placeholder for link in note.links)
    assert {link.target for link in note.links} == set(TEMPLATE_PLACEHOLDER_LINKS)
    assert [p.line for p in note.problems if p.code == "templater"] == [279, 280]
    assert all(field.placeholder for field in note.raw_fields)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "  ",
        "[Description]",
        "[INT-YYYY-XXX]",
        "[Planning/Development/Production/Deprecated]",
        "N/A",
        "n/a",
        "none",
        "None",
        "TBD",
        "TBC",
        "-",
        "—",
        "<% tp.date.now() %>",
    ],
)
def test_unset_values(value: str) -> None:
    assert is_unset(value)


@pytest.mark.parametrize("value", ["Production", "INT-2024-001", "[[SAP]]", "a [b] c", "None yet"])
def test_set_values(value: str) -> None:
    assert not is_unset(value)


def test_placeholder_refs_are_never_names() -> None:
    marks = TEMPLATE_PLACEHOLDER_LINKS
    assert refs_in("[[system_1]]", 1, marks) == []
    assert refs_in("system_1", 1, marks) == []
    assert [r.text for r in refs_in("[[System_1]]", 1, marks)] == ["System_1"]
    assert [r.text for r in refs_in("A, B; C and D & E", 1, marks)] == ["A", "B", "C", "D", "E"]


def test_broken_yaml_still_parses_body() -> None:
    note = parse_text("b.md", "---\nkey: [unclosed\n---\n# T\n**Status**: Production\n[[X]]\n")
    assert [(p.code, p.line) for p in note.problems] == [("yaml", 3)]
    assert note.fields.status == "Production"
    assert [(k.target, k.line) for k in note.links] == [("X", 6)]


def test_non_mapping_front_matter_is_a_problem() -> None:
    note = parse_text("b.md", "---\n- a\n- b\n---\n[[X]]\n")
    assert [p.code for p in note.problems] == ["yaml"]
    assert [k.target for k in note.links] == ["X"]


def test_aliases_string_or_list() -> None:
    assert parse_text("a.md", "---\naliases: SAP\n---\n").aliases == ("SAP",)
    assert parse_text("a.md", "---\naliases: [SAP, S/4]\n---\n").aliases == ("SAP", "S/4")
    assert parse_text("a.md", "---\nalias: x\n---\n").aliases == ("x",)


PIECES = [*"ab [](|)#^!`~<>-*:\n\t\\%é", "[[", "]]", "```", "<!--", "-->", "\r\n", "    ", "---\n"]
markdownish = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=400, deadline=None)
@given(markdownish)
def test_parser_never_raises_and_lines_are_in_range(text: str) -> None:
    text = text.replace("\r\n", "\n")
    note = parse_text("Fuzz.md", text)
    last = text.count("\n") + 1
    for link in note.links:
        assert 1 <= link.line <= last
        assert "\n" not in link.target
    for problem in note.problems:
        assert problem.line is None or 1 <= problem.line <= last


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parser_survives_any_unicode(text: str) -> None:
    parse_text("Any.md", text.replace("\r", "\n"))


def test_values_in_code_spans_are_kept_but_links_in_them_are_not() -> None:
    text = "### Components\n1. Source System(s)\n   - Name: `[[Fake]]`, [[Real]]\n   - Role: `x`\n"
    text += "**Version**: `1.0`\n"
    note = parse_text("x.md", text)
    assert [e.ref.text for e in note.fields.sources] == ["Real"]
    # A value wholly in a code span is read as its text; code inside a value is kept.
    assert note.fields.sources[0].role == "x"
    assert note.fields.version == "1.0"
    assert not any(f.placeholder for f in note.raw_fields)
    other = parse_text("y.md", "**Version**: `1.0` and `2.0`\n")
    assert other.fields.version == "`1.0` and `2.0`"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("**Status**: *Production*", "Production"),
        ("**Status**: **Production**", "Production"),
        ("**Status**: _Production_", "Production"),
        ("**Status** - Production", "Production"),
        ("**Status**: Production <!-- was Development until March -->", "Production"),
        ("- Status: `Production`", "Production"),
        ("**Status**: Production (since 2025-03)", "Production (since 2025-03)"),
        ("**Status**: - TBD", None),
    ],
)
def test_overview_values_are_read_as_a_reader_reads_them(written: str, read: str | None) -> None:
    assert parse_text("x.md", f"## Integration Overview\n{written}\n").fields.status == read


@pytest.mark.parametrize(
    "heading",
    ["## Metadata", "### Metadata", "## 12. Metadata", "## 🏷️ Metadata", "## metadata",
     "# Metadata", "*Metadata*", "**Metadata**", "**Metadata:**"],
)  # fmt: skip
def test_the_footer_under_any_metadata_heading(heading: str) -> None:
    text = (
        "# T\n## Integration Overview\n**Status**: Production\n## Documentation\n"
        f"- Runbook: [[Ops]]\n{heading}\n- Owner: [[Jane Doe]]\n- Next Review: 2027-01-01\n"
    )
    fields = parse_text("x.md", text).fields
    assert fields.owner is not None and fields.owner.text == "Jane Doe"
    assert fields.meta("Next Review") == "2027-01-01"
    assert [label for label, _ in fields.documents] == ["Runbook"]


@pytest.mark.parametrize(
    "heading", ["## Documentation", "## 9. Documentation", "## 📚 Documentation"]
)
def test_documentation_under_a_numbered_or_emoji_heading(heading: str) -> None:
    text = (
        f"# T\n{heading}\n- Runbook: [[Ops Guide]]\n- Design: [Spec](https://wiki.example.com/x)\n"
    )
    docs = parse_text("x.md", text).fields.documents
    assert [(label, r.text, r.is_link) for label, r in docs] == [
        ("Runbook", "Ops Guide", True),
        ("Design", "Spec", False),  # a link out of the vault: its text
    ]


def test_a_comma_in_a_description_does_not_split_a_name() -> None:
    refs = refs_in("[[SAP ERP]] (ECC 6.0, prod client 100), Workday (HCM, EU)", 1, ())
    assert [(r.text, r.is_link) for r in refs] == [("SAP ERP", True), ("Workday (HCM, EU)", False)]


def test_unquoted_wikilinks_in_front_matter_are_links() -> None:
    text = "---\nsource: [[SAP ERP]]\ntarget:\n  - [[Salesforce]]\n  - '[[Workday]]'\n---\n"
    fields = parse_text("x.md", text).fields
    assert [(e.ref.text, e.ref.is_link) for e in fields.sources] == [("SAP ERP", True)]
    assert [e.ref.text for e in fields.targets] == ["Salesforce", "Workday"]
    assert parse_text("y.md", "---\ntags: [integration/payments]\n---\n").is_integration


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("AT&T Billing", ["AT&T Billing"]),
        ("R&D Portal, Q&A Hub", ["R&D Portal", "Q&A Hub"]),
        ("SAP ERP & Salesforce", ["SAP ERP", "Salesforce"]),
        ("SAP ERP and Salesforce; Workday", ["SAP ERP", "Salesforce", "Workday"]),
        ("Salesforce (EU)", ["Salesforce (EU)"]),
        ("Oracle EBS (R12), Oracle EBS (Cloud)", ["Oracle EBS (R12)", "Oracle EBS (Cloud)"]),
        ("None (Tableau connects to Snowflake directly)", []),
        ("N/A (carrier connector)", []),
        ('[[<% tp.system.prompt("Target") %>]]', []),
        ("[[<% tp.file.title %>|Source]], [[SAP ERP]]", ["SAP ERP"]),
        ("[[SAP ERP (QA)]]", ["SAP ERP (QA)"]),
    ],
)
def test_how_a_value_names_systems(value: str, names: list[str]) -> None:
    assert [r.text for r in refs_in(value, 1, TEMPLATE_PLACEHOLDER_LINKS)] == names


@pytest.mark.parametrize(
    ("value", "owner"),
    [
        ("R&D Team", ("R&D Team", False)),
        ("Smith, John", ("Smith, John", False)),
        ("Finance and Accounting", ("Finance and Accounting", False)),
        ("Platform Team (EMEA)", ("Platform Team (EMEA)", False)),
        ("[[Jane Doe]] (interim), [[Bob]]", ("Jane Doe", True)),
        ("[Jane Doe](mailto:jane.doe@example.com)", ("Jane Doe", False)),
        ("[[integration_owner]]", None),
        ("TBD", None),
        ("[Owner name]", None),
    ],
)
def test_an_owner_is_one_name(value: str, owner: tuple[str, bool] | None) -> None:
    ref = owner_in(value, 1, TEMPLATE_PLACEHOLDER_LINKS)
    assert (None if ref is None else (ref.text, ref.is_link)) == owner


def test_owner_whole_in_the_footer_and_in_front_matter() -> None:
    body = parse_text("a.md", NOTE.replace("- Owner: [[Jane Doe]]", "- Owner: R&D Team"))
    assert body.fields.owner is not None and body.fields.owner.text == "R&D Team"
    front = parse_text("b.md", "---\nowner: Finance and Accounting\n---\n" + NOTE)
    assert front.fields.owner is not None
    assert (front.fields.owner.text, front.fields.owner.is_link) == (
        "Finance and Accounting",
        False,
    )


def test_a_templater_link_is_a_placeholder_link() -> None:
    text = NOTE.replace(
        "   - Name: Workday HCM and ServiceNow (ITSM)", '   - Name: [[<% tp.system.prompt("T") %>]]'
    )
    note = parse_text("a.md", text)
    assert not note.fields.targets
    templater = [link for link in note.links if "<%" in link.target]
    assert templater and all(link.placeholder for link in templater)


COMPONENT_SHAPES = {
    "template": (
        "### Components\n1. Source System(s)\n   - Name: [[SAP ERP]]\n"
        "2. Target System(s)\n   - Name: [[Salesforce CRM]]\n"
        "3. Integration Layer\n   - Components: [[MuleSoft Anypoint]]\n"
    ),
    "bold bullets": (
        "### Components\n- **Source System**: [[SAP ERP]]\n"
        "- **Target System**: [[Salesforce CRM]]\n- **Middleware**: [[MuleSoft Anypoint]]\n"
    ),
    "numbered with values": (
        "### Components\n1. Source System(s): [[SAP ERP]]\n   - Role: System of record\n"
        "2. Target System(s): [[Salesforce CRM]]\n3. Integration Layer: [[MuleSoft Anypoint]]\n"
    ),
    "group headings": (
        "### Source System\n- Name: [[SAP ERP]]\n### Target System\n- Name: [[Salesforce CRM]]\n"
        "### Integration Layer\n- Components: [[MuleSoft Anypoint]]\n"
    ),
    "group headings under Components": (
        "### Components\n#### Source System\n- Name: [[SAP ERP]]\n#### Target Systems\n"
        "- Name: [[Salesforce CRM]]\n#### Middleware\n- Components: [[MuleSoft Anypoint]]\n"
    ),
    "bold paragraphs": (
        "### Components\n**Source Systems:**\n- Name: [[SAP ERP]]\n**Target Systems:**\n"
        "- Name: [[Salesforce CRM]]\n**Integration Layer:**\n- Components: [[MuleSoft Anypoint]]\n"
    ),
    "bullet groups": (
        "### Components\n- Source System(s)\n  - Name: [[SAP ERP]]\n- Target System(s)\n"
        "  - Name: [[Salesforce CRM]]\n- Integration Layer\n  - Components: [[MuleSoft Anypoint]]\n"
    ),
    "Components at level 2": (
        "## Components\n1. Source System(s)\n   - System: [[SAP ERP]]\n"
        "2. Destination System(s)\n   - Names: [[Salesforce CRM]]\n"
        "3. Integration Layer\n   - Components: [[MuleSoft Anypoint]]\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(COMPONENT_SHAPES))
def test_components_as_people_write_them(shape: str) -> None:
    text = (
        "# Sync\n## Integration Overview\n**Integration ID**: INT-2025-001\n"
        "**Status**: Production\n## Integration Architecture\n" + COMPONENT_SHAPES[shape]
        + "## Data Mapping\n- Source: the order table\n- Target: the account object\n"
    )  # fmt: skip
    note = parse_text("x.md", text)
    f = note.fields
    assert [e.ref.text for e in f.sources] == ["SAP ERP"], shape
    assert [e.ref.text for e in f.targets] == ["Salesforce CRM"], shape
    assert [r.text for r in f.middleware] == ["MuleSoft Anypoint"], shape
    placeholders = [r for r in parse_text("x.md", text, raw=True).raw_fields or () if r.placeholder]
    assert placeholders == [], shape  # a group's opening line is not an unfilled field


def test_numbers_in_front_matter_are_read_as_written() -> None:
    text = "---\ntype: integration\nversion: 1.10  # minor ten\nstatus: Production\n---\n# X\n"
    assert parse_text("x.md", text).fields.version == "1.10"
    assert parse_text("y.md", text.replace("1.10", "2")).fields.version == "2"


def test_a_nested_bullet_is_a_groups_field_not_the_overview() -> None:
    text = (
        "# X\n## Integration Overview\n**Integration ID**: INT-2025-001\n"
        "## Technical Specifications\n1. Protocol Details\n   - Version: HTTP/1.1\n"
        "## Support\n1. Incident Management\n   - Classification: P1-P4 by impact\n"
    )
    f = parse_text("x.md", text).fields
    assert (f.version, f.classification) == (None, None)
    top = parse_text("y.md", "# Y\n- Status: Production\n- Version: 2.0\n").fields
    assert (top.status, top.version) == ("Production", "2.0")


def test_dataview_inline_fields_in_the_footer() -> None:
    text = (
        "# X\n**Status**: Production\n---\n**Metadata**\n- Owner:: [[Jane Doe]]\n"
        "- Next Review:: 2027-01-01\n- Last Tested:: 2026-06-01\n"
    )
    f = parse_text("x.md", text).fields
    assert f.owner is not None and f.owner.text == "Jane Doe"
    assert (f.meta("Next Review"), f.meta("Last Tested")) == ("2027-01-01", "2026-06-01")


@pytest.mark.parametrize(
    "overview",
    [
        "**Integration ID**: INT-2025-001\n**Status**: Production\n**Classification**: External",
        "Integration ID: INT-2025-001\nStatus: Production\nClassification: External",
        "| Field | Value |\n|---|---|\n| Integration ID | INT-2025-001 |\n"
        "| **Status** | Production |\n| Classification | External |",
        "> [!info] Overview\n> **Integration ID**: INT-2025-001\n> **Status**: Production\n"
        "> **Classification**: External",
        "> - Integration ID: INT-2025-001\n> - Status: Production\n> - Classification: External",
    ],
    ids=["bold", "plain", "table", "callout", "quoted bullets"],
)
def test_the_overview_in_a_table_a_callout_or_without_bullets(overview: str) -> None:
    text = f"# X\n## Integration Overview\n{overview}\n\nNote: prose with a colon.\n"
    f = parse_text("x.md", text).fields
    assert (f.integration_id, f.status, f.classification) == (
        "INT-2025-001",
        "Production",
        "External",
    )
    raw = parse_text("x.md", text, raw=True).raw_fields or ()
    assert "Note" not in {r.label for r in raw}


def test_a_components_table() -> None:
    text = (
        "# X\n## Integration Architecture\n### Components\n| Role | System | Interface |\n"
        "|---|---|---|\n| Source | [[SAP ERP]] | IDoc |\n| Target | [[Salesforce CRM]] | REST |\n"
    )
    f = parse_text("x.md", text).fields
    assert ([e.ref.text for e in f.sources], [e.ref.text for e in f.targets]) == (
        ["SAP ERP"],
        ["Salesforce CRM"],
    )


def test_a_name_in_code_is_a_plain_name_and_a_link_in_code_is_none() -> None:
    text = (
        "## Integration Architecture\n### Components\n1. Source System(s)\n"
        "   - Name: `SAP ERP`\n2. Target System(s)\n   - Name: `[[Fake]]`\n"
        "3. Integration Layer\n   - Components: `Kafka`\n"
    )
    f = parse_text("x.md", text).fields
    assert [(e.ref.text, e.ref.is_link) for e in f.sources] == [("SAP ERP", False)]
    assert f.targets == ()
    assert [r.text for r in f.middleware] == ["Kafka"]


def test_front_matter_keys_in_any_case_with_dashes_or_blanks() -> None:
    text = (
        "---\nIntegration ID: INT-2025-001\nintegration-id: INT-2025-002\nStatus: Production\n"
        "Source: '[[SAP ERP]]'\nTARGETS: [Salesforce]\n---\n# X\n"
    )
    f = parse_text("x.md", text).fields
    assert (f.integration_id, f.status) == ("INT-2025-002", "Production")  # the last wins
    assert dict(f.lines)["integration_id"] == 3
    assert ([e.ref.text for e in f.sources], [e.ref.text for e in f.targets]) == (
        ["SAP ERP"],
        ["Salesforce"],
    )


@pytest.mark.parametrize(
    ("front", "status", "twice"),
    [
        ("status: Production\nowner: Ada\nstatus: Deprecated\n", "Deprecated", [(4, "status", 2)]),
        # Case variants are one property to intgraph: the one written last is read.
        (
            "status: Planning\nStatus: Deprecated\nstatus: Live\n",
            "Live",
            [(3, "Status", 2), (4, "status", 2)],
        ),
        ("Status: Live\nstatus: Planning\n", "Planning", [(3, "status", 2)]),
        # Keys inside a list or a block value are not properties.
        ("status: Live\nitems:\n- name: a\n- name: b\nnote: |\n  status: x\n", "Live", []),
        ("status: Live\n", "Live", []),
    ],
)
def test_a_property_written_twice_is_a_problem_and_the_last_counts(
    front: str, status: str, twice: list[tuple[int, str, int]]
) -> None:
    note = parse_text("x.md", f"---\n{front}---\n# X\n")
    assert note.fields.status == status
    found = [p for p in note.problems if p.code == "duplicate-key"]
    assert [(p.line, p.message) for p in found] == [
        (line, f"front-matter property {name!r} is written twice (also at line {first}): "
               "the last value counts")
        for line, name, first in twice
    ]  # fmt: skip


def test_a_setext_title() -> None:
    assert parse_text("x.md", "\nOrder Sync\n==========\n\nText.\n").title == "Order Sync"
    assert (
        parse_text("x.md", "---\ntype: integration\n---\nOrder Sync\n===\n").title == "Order Sync"
    )
    assert parse_text("y.md", "Text\n\n===\n").title == "y"
    assert parse_text("z.md", "# Real\nOther\n===\n").title == "Real"
