"""intgraph export: the landscape model and every writer, on the sample and hostile vaults."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ROOT, fixture, run

from intgraph.export import archimate, backstage, dot, formats, neo4j_csv, structurizr
from intgraph.export.cypher import literal, statements
from intgraph.export.landscape import (
    ExportIntegration,
    ExportModel,
    ExportSystem,
    build_model,
    clean,
)
from intgraph.export.nxgraph import landscape_graph
from intgraph.pipeline import load_vault

GOLDEN = ROOT / "tests" / "golden"
EXTENSIONS = {
    "graphml": "graphml",
    "gexf": "gexf",
    "dot": "dot",
    "json": "json",
    "cypher": "cypher",
    "structurizr": "dsl",
    "backstage": "yaml",
    "archimate": "xml",
}
VAULTS = ("acme", "flow", "hostile", "links", "empty", "nasty")
NASTY_TEXT = clean(
    "a \"quoted\" 'name'\nsecond line\r\n<b>&amp; {x} ${y} {{z}} \\N \\ tab\there; "
    "--> ]]> 中文 ‮rtl‬ \x00\ufffe end\\"
)


def nasty_model() -> ExportModel:
    """A landscape whose every text holds line breaks, quotes, markup, braces, a
    trailing backslash and unicode: what no fixture vault can hold in a name."""
    systems = tuple(
        ExportSystem(
            key=f"name:{n}{NASTY_TEXT}",
            name=f"{n} {NASTY_TEXT}",
            path=None,
            aliases=(NASTY_TEXT, f"alias; {n}"),
            middleware=n == "m",
            owner=NASTY_TEXT if n != "b" else None,
        )
        for n in ("a", "b", "m")
    )
    integration = ExportIntegration(
        path=f"Integrations/{NASTY_TEXT}.md",
        id=NASTY_TEXT,
        title=NASTY_TEXT,
        status=NASTY_TEXT,
        category=NASTY_TEXT,
        classification=None,
        protocol=NASTY_TEXT,
        owner=NASTY_TEXT,
        sources=(systems[0].key,),
        targets=(systems[1].key,),
        middleware=(systems[2].key,),
    )
    twin = ExportIntegration(**{**integration.__dict__, "path": "Integrations/twin.md"})
    return ExportModel(NASTY_TEXT, "0.0", (), systems, (integration, twin))


DOT = shutil.which("dot") or "/usr/bin/dot"


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def models() -> dict[str, ExportModel]:
    found = {name: build_model(load_vault(fixture(name))) for name in VAULTS if name != "nasty"}
    found["nasty"] = nasty_model()
    return found


# ---------------------------------------------------------------- the model


def test_model_of_the_sample_vault(models: dict[str, ExportModel]) -> None:
    model = models["acme"]
    manifest = json.loads((ROOT / "vault_fixtures" / "acme.manifest.json").read_text())
    assert model.vault == "acme"
    names = [s.name for s in model.systems]
    assert names == sorted(names, key=lambda n: (n.lower(), n))
    assert [i.path for i in model.integrations] == sorted(i.path for i in model.integrations)
    sap = next(s for s in model.systems if s.name == "SAP ERP")
    assert sap.path == "Systems/SAP ERP.md"
    assert sap.owner == "David Kowalski"
    assert "SAP" in sap.aliases
    assert {s.name for s in model.systems if s.middleware} >= {"MuleSoft Anypoint"}
    assert len(model.integrations) == len([n for n in load_vault(fixture("acme")).integrations]), (
        manifest.keys()
    )
    for integration in model.integrations:
        for key in (*integration.sources, *integration.targets, *integration.middleware):
            model.system(key)


def test_status_filter_keeps_every_system(models: dict[str, ExportModel]) -> None:
    landscape = load_vault(fixture("acme"))
    production = build_model(landscape, ["production"])
    assert production.systems == models["acme"].systems
    assert production.integrations
    assert all((i.status or "").lower() == "production" for i in production.integrations)
    assert len(production.integrations) < len(models["acme"].integrations)


def test_clean_drops_what_no_format_carries() -> None:
    assert clean("a\x00b\x1bc\ufffed\udcff\te\nf") == "abcd\te\nf"
    assert clean("中文 ✓ ‮x‬") == "中文 ✓ ‮x‬"


# ---------------------------------------------------------------- goldens and determinism


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_golden_sample_vault(fmt: str, models: dict[str, ExportModel]) -> None:
    golden(f"acme.export.{EXTENSIONS[fmt]}", formats.render(models["acme"], fmt))


def test_golden_neo4j_csv(models: dict[str, ExportModel]) -> None:
    for name, text in neo4j_csv.files(models["acme"]).items():
        golden(f"acme.neo4j-csv.{name}", text)


@pytest.mark.parametrize("fmt", formats.FORMATS)
def test_cli_same_bytes_cold_and_warm(fmt: str, tmp_path: Path) -> None:
    outputs = []
    for n in range(2):  # the first run is cold, the second reads the cache
        out = tmp_path / f"run{n}"
        result = run("export", "--vault", fixture("acme"), "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
        if out.is_dir():
            outputs.append([(p.name, p.read_bytes()) for p in sorted(out.iterdir())])
        else:
            outputs.append([("", out.read_bytes())])
    assert outputs[0] == outputs[1]
    assert outputs[0][0][1]


def test_cli_stdout_status_and_errors() -> None:
    result = run("export", "--vault", fixture("acme"), "--format", "json", "--status", "Planning")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["intgraph"] and data["vault"] == "acme"
    assert {link["status"] for link in data["links"]} == {"Planning"}
    bad = run("export", "--vault", fixture("acme"), "--format", "json", "--status", "Prod")
    assert bad.exit_code == 2 and "unknown status" in bad.output
    assert run("export", "--vault", fixture("acme"), "--format", "yaml").exit_code == 2
    folder = run("export", "--vault", fixture("acme"), "--format", "neo4j-csv")
    assert folder.exit_code == 2 and "--out" in folder.output
    assert run("export", "--vault", fixture("nope"), "--format", "dot").exit_code == 2


def test_cli_unwritable_out(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(
        "export", "--vault", fixture("acme"), "--format", "dot", "--out", str(blocker / "a.dot")
    )
    assert result.exit_code == 2 and "cannot write" in result.output


# ---------------------------------------------------------------- GraphML, GEXF, JSON


def _expected_edges(model: ExportModel) -> set[tuple[str, str, str]]:
    return {(s, t, i.title) for i in model.integrations for s in i.sources for t in i.targets}


@pytest.mark.parametrize("vault", VAULTS)
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networkx_round_trip(
    vault: str, fmt: str, models: dict[str, ExportModel], tmp_path: Path
) -> None:
    model = models[vault]
    path = tmp_path / f"g.{fmt}"
    path.write_text(formats.render(model, fmt), encoding="utf-8")
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert sorted(graph.nodes) == sorted(s.key for s in model.systems)
    for system in model.systems:
        data = graph.nodes[system.key]
        assert data["name" if fmt == "graphml" else "label"] == system.name
        assert data["path"] == (system.path or "")
        assert data["aliases"] == "; ".join(system.aliases)
        assert data["middleware"] is system.middleware
        assert data["owner"] == (system.owner or "")
    edges = {(u, v, d["title"]) for u, v, d in graph.edges(data=True)}
    assert edges == _expected_edges(model)
    by_path = {i.path: i for i in model.integrations}
    for _u, _v, data in graph.edges(data=True):
        integration = by_path[data["path"]]
        assert data["integration_id"] == (integration.id or "")
        assert data["status"] == (integration.status or "")
        assert data["protocol"] == (integration.protocol or "")
        names = "; ".join(model.system(k).name for k in integration.middleware)
        assert data["middleware"] == names


@pytest.mark.parametrize("vault", VAULTS)
def test_graphml_round_trip_is_exact(
    vault: str, models: dict[str, ExportModel], tmp_path: Path
) -> None:
    """read_graphml gives back exactly the graph the writer was given."""
    model = models[vault]
    path = tmp_path / "g.graphml"
    path.write_text(formats.render(model, "graphml"), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    sent = landscape_graph(model, flat=True)
    assert dict(back.nodes(data=True)) == dict(sent.nodes(data=True))
    got = sorted((u, v, k, sorted(d.items())) for u, v, k, d in back.edges(keys=True, data=True))
    want = sorted((u, v, k, sorted(d.items())) for u, v, k, d in sent.edges(keys=True, data=True))
    assert got == want
    assert back.graph["vault"] == model.vault


def _networkx_graphml(graph: nx.MultiDiGraph) -> str:
    """What the writer this module's GraphML stands in for writes (see intgraph.export.graphml)."""
    lines = nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(lines) + "\n"


@pytest.mark.parametrize("vault", VAULTS)
def test_graphml_is_what_networkx_writes(vault: str, models: dict[str, ExportModel]) -> None:
    model = models[vault]
    assert formats.render(model, "graphml") == _networkx_graphml(landscape_graph(model, flat=True))


_XML_TEXT = st.lists(
    st.sampled_from([*"aZ09 &<>\"'\r\n\t\x0b\x0c\x1c\x85é中\u2028;#/", "&amp;", "]]>"]),
    max_size=12,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_XML_TEXT, _XML_TEXT, st.booleans()), min_size=0, max_size=4),
    st.lists(st.tuples(_XML_TEXT, _XML_TEXT), max_size=4),
    _XML_TEXT,
)
def test_graphml_text_is_what_networkx_writes(
    nodes: list[tuple[str, str, bool]], edges: list[tuple[str, str]], note: str
) -> None:
    from intgraph.export.graphml import _document

    graph = nx.MultiDiGraph()
    graph.graph.update({"intgraph": note, "empty": ""})
    for name, path, flag in nodes:
        graph.add_node(name, label=name, path=path, middleware=flag)
    for number, (key, title) in enumerate(edges):
        if nodes:
            source, target = nodes[number % len(nodes)][0], nodes[-1][0]
            graph.add_edge(source, target, key=key, title=title, status="")
    ours = '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(_document(graph).splitlines())
    assert ours + "\n" == _networkx_graphml(graph)


def _networkx_gexf(graph: nx.MultiDiGraph, version: str) -> str:
    """What networkx's writer gives for ``graph``, with intgraph's stamp as the module
    that stands in for it puts it (see intgraph.export.gexf)."""
    from intgraph.export.gexf import _META

    text = "\n".join(nx.generate_gexf(graph, encoding="utf-8", prettyprint=True, version="1.3"))
    text = _META.sub(f"<meta><creator>intgraph {version}</creator>", text, count=1)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(text.splitlines()) + "\n"


@pytest.mark.parametrize("vault", VAULTS)
def test_gexf_is_what_networkx_writes(vault: str, models: dict[str, ExportModel]) -> None:
    model = models[vault]
    graph = landscape_graph(model, flat=True)
    assert formats.render(model, "gexf") == _networkx_gexf(graph, model.version)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_XML_TEXT, _XML_TEXT, st.booleans()), min_size=0, max_size=4),
    st.lists(st.tuples(_XML_TEXT, _XML_TEXT, st.booleans()), max_size=4),
)
def test_gexf_text_is_what_networkx_writes(
    nodes: list[tuple[str, str, bool]], edges: list[tuple[str, str, bool]]
) -> None:
    from intgraph.export.gexf import _document

    graph = nx.MultiDiGraph()
    for name, path, flag in nodes:
        if flag:
            graph.add_node(name, label=path, path=path, middleware=flag)
        else:
            graph.add_node(name)  # a node with no data but its id
    for number, (key, title, labelled) in enumerate(edges):
        if nodes:
            source, target = nodes[number % len(nodes)][0], nodes[-1][0]
            data = {"label": title} if labelled else {}
            graph.add_edge(source, target, key=key, title=title, **data)
    creator = "<meta><creator>intgraph 9</creator>"
    ours = '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(
        _document(graph, creator).splitlines()
    )
    assert ours + "\n" == _networkx_gexf(graph, "9")


@pytest.mark.parametrize("vault", VAULTS)
def test_json_node_link(vault: str, models: dict[str, ExportModel]) -> None:
    model = models[vault]
    data = json.loads(formats.render(model, "json"))
    assert data["intgraph"] == model.version and data["vault"] == model.vault
    try:
        graph = nx.node_link_graph(data, edges="links")
    except TypeError:  # networkx before 3.4 names the key "link"
        graph = nx.node_link_graph(data, link="links")
    assert isinstance(graph, nx.MultiDiGraph)
    assert sorted(graph.nodes) == sorted(s.key for s in model.systems)
    assert {(u, v, d["title"]) for u, v, d in graph.edges(data=True)} == _expected_edges(model)
    drawn = {d["path"] for _, _, d in graph.edges(data=True)}
    listed = {i["path"] for i in data["unconnected"]}
    assert drawn | listed == {i.path for i in model.integrations}
    assert not drawn & listed


# ---------------------------------------------------------------- DOT


def _svg_nodes(source: str) -> int:
    done = subprocess.run(
        [DOT, "-Tsvg"], input=source.encode(), capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    svg = ET.fromstring(done.stdout)
    groups = svg.iter("{http://www.w3.org/2000/svg}g")
    return sum(1 for g in groups if g.get("class") == "node")


@pytest.mark.parametrize("vault", VAULTS)
def test_dot_renders_with_graphviz(vault: str, models: dict[str, ExportModel]) -> None:
    model = models[vault]
    assert _svg_nodes(dot.render(model)) == len(model.systems)


def test_dot_keeps_hostile_text_as_text(models: dict[str, ExportModel]) -> None:
    text = dot.render(models["hostile"])
    done = subprocess.run([DOT, "-Tsvg"], input=text.encode(), capture_output=True, check=True)
    svg = ET.fromstring(done.stdout)
    assert not [e for e in svg.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "img")]
    texts = {e.text for e in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert "<img src=x onerror=window.__pwned=1>" in texts
    assert "R&D 'Ωmega' 100% ünïcode" in texts


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_dot_quote_survives_graphviz(name: str) -> None:
    label = clean(name)
    system = ExportSystem("k", label, None, (), False, None)
    other = ExportSystem("k2", "x", None, (), True, None)
    model = ExportModel("v", "0", (), (system, other), ())
    assert _svg_nodes(dot.render(model)) == 2


# ---------------------------------------------------------------- Cypher literals


@given(st.text())
def test_cypher_literal_is_one_line_and_closed(text: str) -> None:
    value = literal(clean(text))
    assert "\n" not in value and "\r" not in value
    body = value[1:-1]
    # every quote inside is escaped: removing escape pairs leaves no quote
    assert "'" not in re.sub(r"\\.", "", body)


def test_cypher_statements_split(models: dict[str, ExportModel]) -> None:
    script = formats.render(models["hostile"], "cypher")
    found = statements(script)
    assert found[0].startswith("CREATE CONSTRAINT")
    assert all(s.split()[0] in ("CREATE", "UNWIND", "MATCH") for s in found)


# ---------------------------------------------------------------- Structurizr


def _dsl_strings(line: str) -> list[str]:
    return re.findall(r'"([^"]*)"', line)


@pytest.mark.parametrize("vault", VAULTS)
def test_structurizr_rules(vault: str, models: dict[str, ExportModel]) -> None:
    model = models[vault]
    text = structurizr.render(model)
    lines = text.splitlines()
    assert text.count("{") == text.count("}")
    depth = 0
    for line in lines:
        stripped = line.strip()
        # quotes balanced on every line, braces only as a last token or alone
        assert stripped.count('"') % 2 == 0, line
        outside = re.sub(r'"[^"]*"', "", stripped)
        assert "{" not in outside[:-1] and ("}" not in outside or outside == "}"), line
        assert "${" not in stripped and not stripped.endswith("\\")
        depth += outside.count("{") - outside.count("}")
        assert depth >= 0
    elements = [ln for ln in lines if " = softwareSystem " in ln]
    relations = [ln for ln in lines if " -> " in ln]
    assert len(elements) == len(model.systems)
    idents = [ln.split("=")[0].strip() for ln in elements]
    assert all(re.fullmatch(r"[a-zA-Z_0-9]+", i) for i in idents)
    assert len(set(idents)) == len(idents)
    names = [_dsl_strings(ln)[0].lower() for ln in elements]
    assert len(set(names)) == len(names)
    if relations:
        assert lines.index(relations[0]) > lines.index(elements[-1])
    pairs = [(ln.split()[0], ln.split()[2], _dsl_strings(ln)[0].lower()) for ln in relations]
    assert len(set(pairs)) == len(pairs)
    assert all(p[0] in idents and p[1] in idents for p in pairs)
    expected = sum(len(i.sources) * len(i.targets) for i in model.integrations)
    assert len(relations) == expected
    assert "systemLandscape" in text and "autolayout" in text


def test_structurizr_identifiers_avoid_keywords() -> None:
    taken: set[str] = set()
    assert structurizr.identifier("Model", taken) == "s_model"
    assert structurizr.identifier("2nd System", taken) == "s_2nd_system"
    assert structurizr.identifier("ünïcode — name", taken) == "unicode_name"
    assert structurizr.identifier("Ünïcode name", taken) == "unicode_name_2"
    assert structurizr.identifier("中文", taken) == "system"


def test_structurizr_duplicate_names_and_descriptions() -> None:
    systems = (
        ExportSystem("a", "CRM", "A/CRM.md", (), False, None),
        ExportSystem("b", "crm", "B/CRM.md", (), False, None),
    )
    twin = dict(
        id="INT-1",
        title="Sync",
        status=None,
        category=None,
        classification=None,
        protocol=None,
        owner=None,
        sources=("a",),
        targets=("b",),
        middleware=(),
    )
    integrations = (ExportIntegration(path="1.md", **twin), ExportIntegration(path="2.md", **twin))
    text = structurizr.render(ExportModel("v", "0", (), systems, integrations))
    assert '"crm (B/CRM.md)"' in text
    assert '"INT-1: Sync (2.md)"' in text


# ---------------------------------------------------------------- Backstage


@pytest.mark.parametrize("vault", VAULTS)
def test_backstage_catalog(vault: str, models: dict[str, ExportModel]) -> None:
    model = models[vault]
    text = formats.render(model, "backstage")
    docs = [d for d in yaml.safe_load_all(text) if d is not None]
    assert docs == backstage.documents(model)
    refs: set[str] = set()
    for kind in ("Component", "API"):
        names = [d["metadata"]["name"] for d in docs if d["kind"] == kind]
        assert len({n.lower() for n in names}) == len(names)
        for name in names:
            assert len(name) <= 63 and backstage.NAME_PATTERN.match(name), name
            refs.add(f"{kind.lower()}:default/{name}")
    assert len([d for d in docs if d["kind"] == "Component"]) == len(model.systems)
    assert len([d for d in docs if d["kind"] == "API"]) == len(model.integrations)
    for doc in docs:
        spec = doc["spec"]
        assert spec["lifecycle"] in ("experimental", "production", "deprecated")
        assert spec["owner"].startswith("group:default/")
        for key in ("dependsOn", "providesApis", "consumesApis"):
            assert set(spec.get(key, ())) <= refs
        for key in doc["metadata"].get("annotations", {}):
            assert re.fullmatch(r"intgraph\.io/[a-z-]+", key)


def test_backstage_names_and_lifecycles() -> None:
    taken: set[str] = set()
    long = "Ωmega " + "x" * 80
    first = backstage.entity_name(long, taken)
    second = backstage.entity_name(long, taken)
    assert len(first) == len(second) == 63 and first != second
    assert backstage.entity_name("<script>", None) == "script"
    assert backstage.entity_name("---", None) == "unnamed"
    assert [
        backstage.lifecycle(s) for s in ("Planning", "Development", "Production", "Deprecated")
    ] == ["experimental", "experimental", "production", "deprecated"]


def test_backstage_placeholder_owner(models: dict[str, ExportModel]) -> None:
    docs = backstage.documents(models["flow"])
    unowned = [d for d in docs if d["spec"]["owner"] == backstage.PLACEHOLDER_OWNER]
    assert unowned
    assert backstage.PLACEHOLDER_OWNER in (ROOT / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- ArchiMate

NS = {"a": archimate.NS}
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


@pytest.mark.parametrize("vault", VAULTS)
def test_archimate_exchange_format(vault: str, models: dict[str, ExportModel]) -> None:
    model = models[vault]
    root = ET.fromstring(archimate.render(model))
    assert root.tag == f"{{{archimate.NS}}}model"
    assert NCNAME.match(root.get("identifier", ""))
    assert root.findtext("a:name", namespaces=NS) == model.vault
    children = [c.tag.split("}")[1] for c in root]
    assert children == [
        "name",
        "documentation",
        "elements",
        "relationships",
        "propertyDefinitions",
        "views",
    ]
    ids = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(ids) == len(set(ids)) and all(NCNAME.match(i or "") for i in ids)
    elements = root.findall("a:elements/a:element", NS)
    assert len(elements) == len(model.systems)
    assert {e.get(archimate.TYPE) for e in elements} <= {"ApplicationComponent"}
    assert sorted(e.findtext("a:name", namespaces=NS) or "" for e in elements) == sorted(
        s.name for s in model.systems
    )
    element_ids = {e.get("identifier") for e in elements}
    flows = root.findall("a:relationships/a:relationship", NS)
    assert len(flows) == sum(len(i.sources) * len(i.targets) for i in model.integrations)
    for flow in flows:
        assert flow.get(archimate.TYPE) == "Flow"
        assert flow.get("source") in element_ids and flow.get("target") in element_ids
    definitions = {d.get("identifier") for d in root.iter(f"{{{archimate.NS}}}propertyDefinition")}
    for prop in root.iter(f"{{{archimate.NS}}}property"):
        assert prop.get("propertyDefinitionRef") in definitions
    nodes = root.findall(".//a:view/a:node", NS)
    assert len(nodes) == len(model.systems)
    assert all(int(n.get("x", "-1")) >= 0 and int(n.get("y", "-1")) >= 0 for n in nodes)


def test_archimate_keeps_hostile_text(models: dict[str, ExportModel]) -> None:
    root = ET.fromstring(archimate.render(models["hostile"]))
    names = {e.text for e in root.iter(f"{{{archimate.NS}}}name")}
    assert "<img src=x onerror=window.__pwned=1>" in names
    assert not [e for e in root.iter() if e.tag in ("script", "img")]


# ---------------------------------------------------------------- neo4j-admin CSV


@pytest.mark.parametrize("vault", VAULTS)
def test_neo4j_csv(vault: str, models: dict[str, ExportModel], tmp_path: Path) -> None:
    model = models[vault]
    folder = neo4j_csv.write(model, tmp_path / "csv")
    tables: dict[str, list[dict[str, str]]] = {}
    for name in ("systems", "integrations", "sends", "delivers", "via"):
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert all(len(r) == len(rows[0]) for r in rows)
        assert all("\n" not in cell for r in rows for cell in r)
        tables[name] = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    systems = {r["key:ID(System)"] for r in tables["systems"]}
    integrations = {r["path:ID(Integration)"] for r in tables["integrations"]}
    assert len(systems) == len(model.systems) and len(integrations) == len(model.integrations)
    assert {r[":LABEL"] for r in tables["systems"]} <= {"System"}
    for r in tables["sends"]:
        assert r[":START_ID(System)"] in systems and r[":END_ID(Integration)"] in integrations
    for name in ("delivers", "via"):
        for r in tables[name]:
            assert r[":START_ID(Integration)"] in integrations
            assert r[":END_ID(System)"] in systems
    assert "neo4j-admin database import full" in (folder / "README.md").read_text()


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.sampled_from(
            [
                "yes",
                "No",
                "null",
                "~",
                "1e3",
                "0x1",
                "- a",
                "a: b",
                "#x",
                "a #b",
                "*x",
                "&y",
                "!t",
                "'q'",
                "\u2028",
                "\x85",
                "group:default/x",
                " a",
            ]
        ),
    )
)
def test_backstage_scalar_round_trips(text: str) -> None:
    value = clean(text)
    assert yaml.safe_load(f"key: {backstage.scalar(value)}\n") == {"key": value}
    lines = backstage.dump({"a": {"b": [value, value]}, "c": backstage.Block(f"x: {value!r}\n")})
    expected = {"a": {"b": [value, value]}, "c": f"x: {value!r}\n"}
    assert yaml.safe_load("\n".join(lines) + "\n") == expected


def test_export_never_overwrites_files_it_did_not_write(tmp_path: Path) -> None:
    acme = fixture("acme")
    folder = tmp_path / "import"
    folder.mkdir()
    mine = folder / "README.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    refused = run("export", "--vault", acme, "--format", "neo4j-csv", "--out", str(folder))
    assert refused.exit_code == 2 and "refusing to overwrite" in refused.stderr
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert not (folder / "systems.csv").exists()  # nothing written before the check
    forced = run(
        "export", "--vault", acme, "--format", "neo4j-csv", "--out", str(folder), "--force"
    )
    assert forced.exit_code == 0
    again = run("export", "--vault", acme, "--format", "neo4j-csv", "--out", str(folder))
    assert again.exit_code == 0  # its own files now
    note = tmp_path / "note.dot"
    note.write_text("digraph mine {}\n", encoding="utf-8")
    assert run("export", "--vault", acme, "--format", "dot", "--out", str(note)).exit_code == 2


def test_export_select(tmp_path: Path) -> None:
    acme = fixture("acme")
    whole = json.loads(run("export", "--vault", acme, "--format", "json").stdout)
    part = json.loads(
        run("export", "--vault", acme, "--format", "json", "--select", "SAP ERP+1").stdout
    )
    assert 0 < len(part["links"]) < len(whole["links"])
    bad = run("export", "--vault", acme, "--format", "json", "--select", "nosuch:x")
    assert bad.exit_code == 2
