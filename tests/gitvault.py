"""Real git repositories holding template-style vaults, for the diff and CI tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` with a fixed identity and no user config; return stdout."""
    env = {**os.environ, **GIT_ENV, "HOME": str(cwd)}
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def note(
    title: str,
    ident: str | None,
    status: str,
    sources: list[str],
    targets: list[str],
    middleware: list[str] | None = None,
    owner: str = "Ada Lovelace",
) -> str:
    """An integration note written from the template."""
    via = ", ".join(f"[[{m}]]" for m in middleware or []) or "N/A"
    overview = f"**Integration ID**: {ident}\n" if ident else ""
    return f"""# {title}

## Integration Overview
{overview}**Version**: 1.0.0
**Category**: Data
**Status**: {status}
**Classification**: Internal

## Purpose and Scope
### Business Purpose
Moves records between systems.

## Integration Architecture
### Components
1. Source System(s)
   - Name: {", ".join(f"[[{s}]]" for s in sources)}
   - Role: Publishes records
   - Interface: REST
   - Data: Records

2. Target System(s)
   - Name: {", ".join(f"[[{t}]]" for t in targets)}
   - Role: Consumes records
   - Interface: REST
   - Data: Records

3. Integration Layer
   - Type: {"Middleware" if middleware else "Direct"}
   - Components: {via}
   - Protocol: HTTPS

## Documentation
### Technical Documentation
1. Operational Documents
   - Runbook: [[Runbook]]

---
**Metadata**
- Owner: [[{owner}]]
- Document ID: {ident or "-"}
- Integration Status: {status}
- Next Review: 2027-06-01
- Last Tested: 2026-09-01
"""


def system(name: str) -> str:
    """A system note."""
    return f"---\ntype: system\n---\n# {name}\nA system.\n"


def write(root: Path, files: dict[str, str]) -> None:
    """Write ``files`` (relative path: text) under ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
