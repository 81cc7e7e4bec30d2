"""Write a rendered report to a path the user named."""

from __future__ import annotations

from pathlib import Path

from intgraph.errors import OutputError


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, LF) to ``path``, creating its folder; raises OutputError."""
    target = Path(path).expanduser()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise OutputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from exc
    return target
