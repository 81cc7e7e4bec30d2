"""Plain, frozen data passed between the pipeline stages. No I/O here."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

#: The kinds of graph node (see :mod:`intgraph.graph`).
SYSTEM, INTEGRATION, DOCUMENT = "system", "integration", "document"

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

#: The headings whose lines :attr:`IntegrationFields.lines` keeps (``heading:`` and the
#: heading's text, lower-cased): those lint points its findings at. A note's other
#: headings (three dozen in a filled-in template) are not kept: every cache and every
#: worker's result would otherwise carry them, for nothing to read.
LINT_HEADINGS = frozenset(
    {
        "heading:integration overview",
        "heading:integration architecture",
        "heading:components",
        "heading:documentation",
    }
)


def without_md(path: str) -> str:
    """``path`` without a trailing ``.md`` (any case), as Obsidian writes note links."""
    return path[:-3] if path.lower().endswith(".md") else path


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")


def without_note(name: str) -> str:
    """``name`` without a note in parentheses at its end ("ServiceNow (ITSM)" gives
    "ServiceNow"), blanks and emphasis around it dropped; ``name`` when it has none."""
    return _TRAILING_NOTE.sub("", name).strip().strip("*_").strip()


def note_name(path: str) -> str:
    """A file's name as Obsidian shows it: without folder and without ``.md``."""
    return without_md(path.rsplit("/", 1)[-1])


def ref_name(ref: Ref) -> str:
    """The name a field reference gives: a link's note name, or the plain text."""
    return note_name(ref.text) if ref.is_link else ref.text


def name_key(name: str) -> str:
    """Return the key under which two names match: Unicode NFC, lower case, trimmed."""
    if name.isascii():
        return name.strip().lower()
    return unicodedata.normalize("NFC", name).strip().lower()


class LinkKind(str, Enum):
    """How a link was written."""

    WIKILINK = "wikilink"
    EMBED = "embed"
    MARKDOWN = "markdown"
    FRONTMATTER = "frontmatter"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one file, recorded instead of stopping the run."""

    path: str
    line: int | None
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Link:
    """One link as Obsidian sees it.

    ``target`` is the link path as written (percent-decoded for Markdown links),
    without alias, heading or block; empty for a same-note link such as ``[[#Heading]]``.
    """

    target: str
    line: int
    kind: LinkKind
    subpath: str | None = None
    alias: str | None = None
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Ref:
    """A system, person or document named in a template field: a link or a plain name."""

    text: str
    line: int
    is_link: bool


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A source or target system of an integration, with its Components details."""

    ref: Ref
    role: str | None = None
    interface: str | None = None
    data: str | None = None


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled template field as found in the note (value may be a placeholder)."""

    section: str
    subsection: str | None
    label: str
    value: str
    line: int
    placeholder: bool


@dataclass(frozen=True, slots=True)
class IntegrationFields:
    """The template fields of a note; ``None`` or empty means unset or a placeholder."""

    integration_id: str | None = None
    version: str | None = None
    category: str | None = None
    status: str | None = None
    classification: str | None = None
    sources: tuple[Endpoint, ...] = ()
    targets: tuple[Endpoint, ...] = ()
    layer_type: str | None = None
    middleware: tuple[Ref, ...] = ()
    protocol: str | None = None
    documents: tuple[tuple[str, Ref], ...] = ()
    owner: Ref | None = None
    metadata: tuple[tuple[str, str], ...] = ()
    #: (key, line) of each field written (``status``, ``source``...) and of the first of
    #: each of the :data:`LINT_HEADINGS`, by key.
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, name: str, default: int = 1) -> int:
        """The file line where ``name`` (a field such as ``status``, ``source`` or
        ``heading:components``, one of the :data:`LINT_HEADINGS`) was written, or
        ``default``."""
        for key, line in self.lines:
            if key == name:
                return line
        return default

    def meta(self, label: str) -> str | None:
        """Return the Metadata footer value for ``label`` (case-insensitive), if set."""
        wanted = label.lower()
        for key, value in self.metadata:
            if key.lower() == wanted:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Note:
    """A parsed note: everything later stages need, and nothing raw."""

    path: str
    title: str
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note_type: str | None = None
    links: tuple[Link, ...] = ()
    fields: IntegrationFields = field(default_factory=IntegrationFields)
    #: The overview and Metadata fields, and every field left as a placeholder, with lines;
    #: ``None`` when not read (a load reads them only for lint: see
    #: :meth:`intgraph.pipeline.Landscape.with_raw_fields`).
    raw_fields: tuple[Field, ...] | None = ()
    problems: tuple[Problem, ...] = ()
    is_integration: bool = False
    generated: bool = False
    #: The lines of the labelled fields of the Metadata footer.
    meta_lines: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        """The file name without its extension, as Obsidian shows it."""
        return note_name(self.path)


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where one link points, as Obsidian resolves it from its note."""

    link: Link
    source: str
    resolved: str | None
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """True when a bare name matched several files."""
        return len(self.candidates) > 1
