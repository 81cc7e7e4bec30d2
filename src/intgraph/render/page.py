"""Jinja2 templates of intgraph's HTML pages, with autoescape always on."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

_ENV = Environment(
    loader=PackageLoader("intgraph.render", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_template(name: str, **context: Any) -> str:
    """Render the template ``name`` from ``intgraph/render/templates``."""
    return _ENV.get_template(name).render(**context)
