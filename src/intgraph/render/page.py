"""Jinja2 templates of intgraph's HTML pages, with autoescape always on.

Jinja2 is imported on first use: most runs render no page, and a warm run's budget
is a few hundred milliseconds.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment


@functools.cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("intgraph.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, **context: Any) -> str:
    """Render the template ``name`` from ``intgraph/render/templates``."""
    return _environment().get_template(name).render(**context)


def trusted(text: str) -> Any:
    """Mark text that intgraph built and escaped itself as safe to insert unescaped."""
    from markupsafe import Markup

    return Markup(text)
