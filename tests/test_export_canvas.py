"""``intgraph map --format canvas``: a JSON Canvas 1.0 file checked against the spec text.

The spec is read from the specs folder (env ``INTGRAPH_SPECS``, else ``<repo>/../shared/
specs``, else ``/work/shared/specs``); the test fails when it cannot be found.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import FIXTURES, ROOT, fixture, run

from intgraph.export.canvas import canvas, render
from intgraph.pipeline import load_vault

GOLDEN = ROOT / "tests" / "golden"
TYPES = {"string": str, "integer": int, "canvasColor": str}


def specs_folder() -> Path:
    """Where the shared specs live (see the module docstring)."""
    candidates = [
        os.environ.get("INTGRAPH_SPECS"),
        str(ROOT.parent / "shared" / "specs"),
        "/work/shared/specs",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "jsoncanvas-1.0.md").is_file():
            return Path(candidate)
    pytest.fail(f"JSON Canvas spec not found in any of {candidates}")


def _fields(section: str) -> dict[str, tuple[bool, str, tuple[str, ...]]]:
    """name → (required, type, allowed values) of the bullets in one spec section."""
    found: dict[str, tuple[bool, str, tuple[str, ...]]] = {}
    current: str | None = None
    for line in section.splitlines():
        top = re.match(r"^- `(\w+)`\s+\((required|optional), `?(\w+)`?\)", line)
        if top:
            current = top.group(1)
            found[current] = (top.group(2) == "required", top.group(3), ())
            continue
        value = re.match(r"^\s+- `([\w#]+)`", line)
        if value and current and "Valid values" in section.split(current, 1)[1][:200]:
            required, kind, values = found[current]
            found[current] = (required, kind, (*values, value.group(1)))
    return found


@pytest.fixture(scope="module")
def spec() -> dict[str, dict[str, tuple[bool, str, tuple[str, ...]]]]:
    text = (specs_folder() / "jsoncanvas-1.0.md").read_text(encoding="utf-8")
    sections = re.split(r"^##+ ", text, flags=re.M)
    by_title = {s.splitlines()[0].strip(): s for s in sections if s.strip()}
    parsed = {
        "node": _fields(by_title["Generic node"]),
        "text": _fields(by_title["Text type nodes"]),
        "file": _fields(by_title["File type nodes"]),
        "link": _fields(by_title["Link type nodes"]),
        "group": _fields(by_title["Group type nodes"]),
        "edge": _fields(by_title["Edges"]),
    }
    assert parsed["node"]["x"] == (True, "integer", ())
    assert set(parsed["edge"]["toSide"][2]) == {"top", "right", "bottom", "left"}
    return parsed


def check(value: dict[str, Any], fields: dict[str, tuple[bool, str, tuple[str, ...]]]) -> None:
    for name, (required, kind, allowed) in fields.items():
        if name not in value:
            assert not required, f"{name} missing from {value}"
            continue
        python = TYPES[kind]
        assert isinstance(value[name], python) and not isinstance(value[name], bool), (
            name,
            value,
        )
        if allowed:
            assert value[name] in allowed, (name, value)


def validate(data: dict[str, Any], spec: dict[str, Any], vault: Path) -> None:
    """The canvas against the spec: fields, types, unique ids, edge ends, file paths."""
    assert set(data) <= {"nodes", "edges"}
    nodes, edges = data.get("nodes", []), data.get("edges", [])
    ids = [n["id"] for n in nodes] + [e["id"] for e in edges]
    assert len(ids) == len(set(ids))
    known = {n["id"] for n in nodes}
    seen_box = False
    for node in nodes:
        assert node["type"] in ("text", "file", "link", "group")
        check(node, spec["node"])
        check(node, spec[node["type"]])
        allowed = set(spec["node"]) | set(spec[node["type"]])
        assert set(node) <= allowed, set(node) - allowed
        if node["type"] == "group":
            assert not seen_box, "groups must come first, to lie underneath"
        else:
            seen_box = True
        if node["type"] == "file":
            assert (vault / node["file"]).is_file(), node["file"]
        color = node.get("color")
        assert color is None or re.fullmatch(r"[1-6]|#[0-9a-fA-F]{6}", color)
    for edge in edges:
        check(edge, spec["edge"])
        assert set(edge) <= set(spec["edge"])
        assert edge["fromNode"] in known and edge["toNode"] in known


VAULTS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


@pytest.mark.parametrize("vault", VAULTS)
def test_canvas_meets_the_spec(vault: str, spec: dict[str, Any]) -> None:
    data = canvas(load_vault(fixture(vault)))
    validate(json.loads(render(data)), spec, FIXTURES / vault)


def test_canvas_of_the_sample_vault(spec: dict[str, Any]) -> None:
    landscape = load_vault(fixture("acme"))
    data = canvas(landscape)
    text = render(data)
    path = GOLDEN / "acme.map.canvas"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8")
    boxes = [n for n in data["nodes"] if n["type"] != "group"]
    files = {n["file"] for n in boxes if n["type"] == "file"}
    assert "Systems/SAP ERP.md" in files
    texts = [n["text"] for n in boxes if n["type"] == "text"]
    assert "Bank of America CashPro" in texts
    groups = [n for n in data["nodes"] if n["type"] == "group"]
    assert {g["label"] for g in groups} >= {"Middleware: MuleSoft Anypoint"}
    labels = {e["label"] for e in data["edges"]}
    assert "INT-2024-030" in labels
    by_label = {e["label"]: e for e in data["edges"]}
    assert by_label["INT-2024-030"]["color"] == "4"  # Production: green
    # boxes do not overlap, and neither do the middleware frames
    for items in (boxes, groups):
        for a in items:
            for b in items:
                if a is b:
                    continue
                apart_x = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                apart_y = a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
                assert apart_x or apart_y, (a, b)


def test_canvas_hostile_text(spec: dict[str, Any]) -> None:
    data = canvas(load_vault(fixture("hostile")))
    validate(data, spec, FIXTURES / "hostile")
    texts = [n["text"] for n in data["nodes"] if n["type"] == "text"]
    assert all("<" not in t for t in texts)  # Markdown text nodes: HTML escaped
    assert "\\<img src=x onerror=window.\\_\\_pwned=1\\>" not in texts
    assert any("&lt;img" in t for t in texts)


def test_canvas_focus_and_filters(spec: dict[str, Any]) -> None:
    landscape = load_vault(fixture("flow"))
    whole = canvas(landscape)
    focused = canvas(landscape, focus="Order Hub", depth=1, direction="both")
    validate(focused, spec, FIXTURES / "flow")
    boxes = [n for n in focused["nodes"] if n["type"] != "group"]
    assert 1 < len(boxes) < len([n for n in whole["nodes"] if n["type"] != "group"])
    production = canvas(landscape, statuses=["production"])
    assert {e.get("color") for e in production["edges"]} <= {"4"}


def test_cli_map_canvas(tmp_path: Path, spec: dict[str, Any]) -> None:
    out = tmp_path / "deep" / "landscape.canvas"
    result = run("map", "--vault", fixture("acme"), "--format", "canvas", "--out", str(out))
    assert result.exit_code == 0, result.output
    validate(json.loads(out.read_text(encoding="utf-8")), spec, FIXTURES / "acme")
    bad = run("map", "--vault", fixture("acme"), "--format", "canvas", "--status", "Bogus")
    assert bad.exit_code == 2 and "unknown status" in bad.output
    assert run("map", "--vault", fixture("acme"), "--format", "png").exit_code == 2
    unknown = run("map", "--vault", fixture("acme"), "--format", "canvas", "--focus", "Nope")
    assert unknown.exit_code == 2


def test_cli_map_default_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("map", "--vault", fixture("flow"), "--format", "canvas").exit_code == 0
    assert (tmp_path / "reports" / "map.canvas").is_file()
    assert not (tmp_path / "reports" / "map.html").exists()
    assert run("map", "--vault", fixture("flow")).exit_code == 0
    assert (tmp_path / "reports" / "map.html").is_file()
