"""intgraph: read an Obsidian vault of integration notes into a graph and query it."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
