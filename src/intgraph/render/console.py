"""Render rich objects to a string."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, RenderableType


def to_string(
    items: Sequence[RenderableType], width: int | None = None, color: bool = False
) -> str:
    """Render ``items`` one after another; ANSI colours only when ``color``."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or 120,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    for item in items:
        console.print(item)
        console.print()
    return buffer.getvalue().rstrip("\n") + "\n"
