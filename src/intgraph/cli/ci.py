"""The CI formats of lint and orphans (sarif, github, gitlab, rdjsonl): locate the
findings in the git repository and render them."""

from __future__ import annotations

from collections.abc import Sequence

from intgraph.pipeline import Landscape
from intgraph.queries.lint import Finding
from intgraph.queries.locations import locate
from intgraph.queries.orphans import OrphanReport
from intgraph.render import ci_formats
from intgraph.render.annotations import (
    from_lint,
    from_orphans,
    lint_rules,
    orphan_places,
    orphan_rules,
)

FORMATS = ci_formats.FORMATS


def lint_output(landscape: Landscape, findings: Sequence[Finding], fmt: str) -> str:
    """Lint findings in the CI format ``fmt``."""
    where = locate(landscape, ((f.path, f.line) for f in findings))
    return ci_formats.render(fmt, "lint", lint_rules(), from_lint(findings, where))


def orphans_output(landscape: Landscape, report: OrphanReport, fmt: str) -> str:
    """The orphans report in the CI format ``fmt``."""
    where = locate(landscape, orphan_places(report))
    return ci_formats.render(fmt, "orphans", orphan_rules(), from_orphans(report, where))
