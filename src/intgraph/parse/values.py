"""Placeholders and field values: what counts as unset, and how a value names things."""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import unquote

from intgraph.model import Ref
from intgraph.parse.scan import MDLINK, WIKILINK, split_wikilink

#: Every ``[[...]]`` of the integration note template: placeholders, never links.
TEMPLATE_PLACEHOLDER_LINKS = frozenset(
    {
        "system_1",
        "system_2",
        "design_doc",
        "interface_spec",
        "data_model",
        "security_spec",
        "runbook",
        "troubleshooting_guide",
        "recovery_plan",
        "maintenance_guide",
        "requirements_doc",
        "process_flows",
        "use_cases",
        "impact_analysis",
        "support_guide",
        "training_materials",
        "faqs",
        "known_issues",
        "integration_owner",
        "technical_lead",
        "support_team",
    }
)

UNSET_WORDS = frozenset({"n/a", "none", "tbd", "tbc", "-", "—", "–"})
_BRACKETED = re.compile(r"^\[[^\[\]]*\]$")
_TEMPLATER = re.compile(r"<%.*?%>")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")


def is_unset(value: str | None) -> bool:
    """True when a field value is empty, a ``[bracketed]`` placeholder, N/A, TBD and the like."""
    if value is None:
        return True
    text = value.strip().strip("*_").strip()
    if not text or text.lower() in UNSET_WORDS:
        return True
    return bool(_BRACKETED.match(text) or _TEMPLATER.fullmatch(text))


def clean(value: str | None) -> str | None:
    """Return a field value stripped, or None when it is unset."""
    return None if is_unset(value) else value.strip()  # type: ignore[union-attr]


def refs_in(value: str, line: int, placeholders: Collection[str]) -> list[Ref]:
    """Name references in a field value: its links, or else its plain names.

    Placeholder links (exact text, case-sensitive) and unset words are dropped.
    """
    refs: list[Ref] = []
    found_link = False
    for m in WIKILINK.finditer(value):
        found_link = True
        path, _sub, _alias = split_wikilink(m.group(2))
        if path and path not in placeholders:
            refs.append(Ref(path, line, True))
    if "](" in value:
        for m in MDLINK.finditer(value):
            dest = m.group(3).strip("<>")
            if dest and ":" not in dest.split("/")[0]:
                found_link = True
                refs.append(Ref(unquote(dest).partition("#")[0], line, True))
    if found_link or is_unset(value):
        return refs
    for part in _SPLIT.split(value.strip()):
        name = _TRAILING_NOTE.sub("", part).strip().strip("*_").strip()
        if not is_unset(name) and name not in placeholders:
            refs.append(Ref(name, line, False))
    return refs


def refs_from_front(texts: list[str], line: int, placeholders: Collection[str]) -> list[Ref]:
    """Name references in front-matter values (each a wikilink string or a plain name)."""
    refs: list[Ref] = []
    for text in texts:
        refs.extend(refs_in(text, line, placeholders))
    return refs
