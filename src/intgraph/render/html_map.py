"""The interactive HTML architecture map: one self-contained, offline page.

The page is intgraph's own Jinja2 template (autoescape on). vis-network's script and
style are read from the pyvis package and inlined; the graph travels as JSON inside
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and a
Content-Security-Policy allows only the page's own inline scripts and styles (by hash)
and no requests at all. Same vault and options → same bytes, apart from the time.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
import json
import re
from collections.abc import Collection
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from intgraph import __version__
from intgraph.pipeline import Landscape
from intgraph.queries.impact import impact
from intgraph.queries.statuses import check_statuses
from intgraph.render.escape import terminal
from intgraph.render.map_data import MapData, build_map_data
from intgraph.render.output import write_text
from intgraph.render.page import render_template, trusted
from intgraph.render.svg_map import render_svg

VIS_VERSION = "9.1.2"
FORMATS: tuple[str, ...] = ("html", "svg")
DEFAULT_OUTS = {"html": "reports/map.html", "svg": "reports/map.svg"}
DEFAULT_OUT = DEFAULT_OUTS["html"]
DEFAULT_NAMES = {fmt: Path(out).name for fmt, out in DEFAULT_OUTS.items()}
GROUP_BY: tuple[str, ...] = ("folder", "owner", "community", "none")
_TEMPLATES = Path(__file__).resolve().parent / "templates"
# characters HTML5 does not allow in a document: controls other than whitespace, noncharacters
_FORBIDDEN = re.compile("[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]")


class AssetError(RuntimeError):
    """A bundled script or style cannot be inlined safely."""


def vis_assets_dir() -> Path:
    """The folder of vis-network's files inside the installed pyvis package."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise AssetError("the pyvis package is not installed")
    return Path(spec.origin).resolve().parent / "lib" / f"vis-{VIS_VERSION}"


@functools.cache
def _asset(path: Path, closing: str) -> str:
    """The text of an asset to inline; refuses text that could end its element early.

    Control characters, which HTML5 does not allow in a document, are written as JavaScript
    escapes in scripts (vis-network has one, in a string literal) and refused in styles.
    """
    text = path.read_text(encoding="utf-8")
    lowered = text.lower()
    if f"</{closing}" in lowered or "<!--" in lowered:
        raise AssetError(f"{path.name} cannot be inlined in a <{closing}> element")
    if closing == "script":
        return _FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if _FORBIDDEN.search(text):
        raise AssetError(f"{path.name} has control characters")
    return text


def embed_json(value: Any) -> str:
    """JSON for a ``<script type="application/json">`` element: sorted keys, compact,
    ``<``, ``>`` and ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026``."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")  # lone surrogates
    text = _FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def map_data(
    landscape: Landscape,
    focus: str | None = None,
    depth: int | None = None,
    direction: str = "downstream",
    statuses: Collection[str] = (),
    group_by: str = "auto",
) -> MapData:
    """The map's data: the whole landscape grouped by ``group_by``, or with ``focus`` the
    neighbourhood that ``intgraph impact FOCUS`` reports with the same depth, direction
    and statuses."""
    statuses = check_statuses(landscape.graph, statuses)
    result = impact(landscape, focus, direction, depth, statuses) if focus is not None else None
    return build_map_data(landscape, statuses, result, group_by)


def _summary(data: MapData) -> str:
    middleware = sum(1 for n in data.nodes if n["kind"] == "middleware")
    parts = [
        _plural(len(data.nodes), "system") + (f" ({middleware} middleware)" if middleware else ""),
        _plural(len(data.records), "integration"),
        _plural(len(data.arrows), "arrow"),
    ]
    if data.groups:
        parts.append(f"{_plural(len(data.groups), 'group')} by {data.grouping.mode}")
    if data.undrawn:
        parts.append(f"{_plural(data.undrawn, 'integration')} without a source or target")
    return " · ".join(parts)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def render_map(
    landscape: Landscape,
    focus: str | None = None,
    depth: int | None = None,
    direction: str = "downstream",
    statuses: Collection[str] = (),
    generated: datetime | None = None,
    group_by: str = "auto",
) -> str:
    """The map page as a string; see :func:`map_data` for ``focus`` and the filters.

    ``generated`` (default: now) is the only input besides the vault that changes the
    bytes. Raises UnknownSystemError for an unknown ``focus``.
    """
    data = map_data(landscape, focus, depth, direction, statuses, group_by)
    return page_of(landscape, data, generated)


def page_of(landscape: Landscape, data: MapData, generated: datetime | None = None) -> str:
    """The page for map data already built."""
    when = (generated or datetime.now(timezone.utc)).astimezone(timezone.utc)
    assets = vis_assets_dir()
    scripts = [
        _asset(assets / "vis-network.min.js", "script"),
        _asset(_TEMPLATES / "map_impact.js", "script") + _asset(_TEMPLATES / "map.js", "script"),
    ]
    styles = [_asset(assets / "vis-network.css", "style"), _asset(_TEMPLATES / "map.css", "style")]
    return render_template(
        "map.html.j2",
        vault=terminal(landscape.name),
        focus=data.focus,
        grouping=data.grouping.mode if data.groups else None,
        summary=_summary(data),
        generated=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        generated_text=when.strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        script_hashes=" ".join(_hash(s) for s in scripts),
        style_hashes=" ".join(_hash(s) for s in styles),
        data=trusted(embed_json(data.payload())),
        vis_js=trusted(scripts[0]),
        map_js=trusted(scripts[1]),
        vis_css=trusted(styles[0]),
        map_css=trusted(styles[1]),
    )


def write_map(
    landscape: Landscape,
    out: str | Path | None = None,
    focus: str | None = None,
    depth: int | None = None,
    direction: str = "downstream",
    statuses: Collection[str] = (),
    generated: datetime | None = None,
    group_by: str = "auto",
    fmt: str = "html",
    force: bool = False,
) -> Path:
    """Write the map to ``out`` (default ``reports/map.html``, or ``reports/map.svg`` with
    ``fmt="svg"``; folders created) as the page or, with ``fmt="svg"``, a static SVG of
    the same layout. Raises OutputError when it cannot write, or when ``out`` is a file
    intgraph did not write and not ``force``."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}")
    data = map_data(landscape, focus, depth, direction, statuses, group_by)
    svg = fmt == "svg"
    text = render_svg(data, _summary(data)) if svg else page_of(landscape, data, generated)
    return write_text(out if out is not None else DEFAULT_OUTS[fmt], text, force)
