"""Parse one note's text into a :class:`~intgraph.model.Note`.

The raw front-matter dict never leaves this package.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from intgraph.model import (
    TEMPLATE_PLACEHOLDER_LINKS,
    Endpoint,
    IntegrationFields,
    LinkKind,
    Note,
    Problem,
    Ref,
    note_name,
)
from intgraph.parse import front
from intgraph.parse.fastmask import mask
from intgraph.parse.fields import read_fields
from intgraph.parse.links import scan_links
from intgraph.parse.values import clean, is_placeholder_link, owner_from_front, refs_from_front
from intgraph.vault import NoteText

__all__ = ["TEMPLATE_PLACEHOLDER_LINKS", "parse_note", "parse_text"]

_TEMPLATER = re.compile(r"<%[\s\S]*?%>|<%")
# A tag: "#" at a line start or after whitespace (not after another character), then
# its name. Searched in whole text: a pattern that starts with a literal is fast.
_TAG = re.compile(r"#(?<!\S#)([^\s#!\"$%&'()*+,.:;<=>?@^`{|}~\[\]\\]+)")
_PLACEHOLDER_KINDS = (LinkKind.WIKILINK, LinkKind.EMBED, LinkKind.FRONTMATTER)
_FM_SCALARS = ("integration_id", "version", "category", "status", "classification")


def parse_note(
    note: NoteText,
    placeholders: Collection[str] = TEMPLATE_PLACEHOLDER_LINKS,
    raw: bool = True,
) -> Note:
    """Parse a decoded note. Problems are recorded on the note; this never raises.
    With ``raw`` false, ``Note.raw_fields`` (only lint reads them) is left ``None``."""
    return parse_text(note.path, note.text, placeholders, note.problems, raw)


def parse_text(
    path: str,
    text: str,
    placeholders: Collection[str] = TEMPLATE_PLACEHOLDER_LINKS,
    problems: tuple[Problem, ...] = (),
    raw: bool = True,
) -> Note:
    """Parse note text (LF line endings) found at vault-relative ``path``; ``raw`` as
    in :func:`parse_note`."""
    lines = text.split("\n")
    fm = front.load(path, lines)
    data = {front.key_name(k): v for k, v in fm.data.items()}
    first = fm.body_start + 1
    body_lines = lines[fm.body_start :]
    masked = mask(body_lines)
    masked_text = "\n".join(masked)
    links = [
        replace(link, placeholder=True)
        if link.kind in _PLACEHOLDER_KINDS and is_placeholder_link(link.target, placeholders)
        else link
        for link in (*fm.links, *scan_links(masked, first, body_lines, masked_text))
    ]
    body = read_fields(masked, first, placeholders, body_lines, raw, masked_text)
    templater = (
        _templater(path, lines, fm.body_start, masked) if "<" in text and "<%" in text else ()
    )
    all_problems = [*problems, *fm.problems, *templater]
    fields = _apply_front_matter(
        body_fields=body, data=data, fm=fm, placeholders=placeholders, lines=lines
    )
    tags = _tags(data, masked_text)
    note_type = front.text_value(data.get("type"))
    generated = (front.text_value(data.get("generated_by")) or "").lower() == "intgraph"
    title = body.title or _setext_title(body_lines) or note_name(path)
    is_integration = bool(
        fields.integration_id
        or fields.sources
        or fields.targets
        or (note_type or "").lower() == "integration"
        or any(t.lower() == "integration" or t.lower().startswith("integration/") for t in tags)
        or _has_template_structure(fields, body.id_label)
    )
    return Note(
        path=path,
        title=title,
        aliases=tuple(_aliases(data)),
        tags=tuple(tags),
        note_type=note_type,
        links=tuple(links),
        fields=fields,
        raw_fields=tuple(body.raw) if raw else None,
        meta_lines=tuple(body.meta_lines),
        problems=tuple(all_problems),
        is_integration=is_integration,
        generated=generated,
    )


_SETEXT_H1 = re.compile(r" {0,3}=+[ \t]*")


def _setext_title(body: list[str]) -> str | None:
    """The title of a note that opens with a heading underlined with ``===``."""
    text = next((at for at, line in enumerate(body) if line.strip()), None)
    if text is None or text + 1 >= len(body) or not _SETEXT_H1.fullmatch(body[text + 1]):
        return None
    title = body[text].strip()
    return title if title[:1] not in ("#", "-", "*", "+", ">", "|", "`", "<") else None


def _has_template_structure(fields: IntegrationFields, id_label: bool) -> bool:
    """A draft copied from the template: its Integration Overview section or an
    ``**Integration ID**:`` field, even when every value is still a placeholder."""
    return id_label or any(key == "heading:integration overview" for key, _ in fields.lines)


def _apply_front_matter(
    body_fields: Any,
    data: dict[str, Any],
    fm: front.FrontMatter,
    placeholders: Collection[str],
    lines: list[str] | None = None,
) -> IntegrationFields:
    """The note's fields: the body's, with the front matter's winning. ``lines``, the
    note's lines, give a number's text as written (YAML reads ``version: 1.10`` as 1.1)."""
    values: dict[str, str | None] = {k: body_fields.overview.get(k) for k in _FM_SCALARS}
    found_lines: dict[str, int] = dict(body_fields.lines)
    for key in _FM_SCALARS:
        if key in data:
            raw = data[key]
            if lines is not None and isinstance(raw, (int, float)) and not isinstance(raw, bool):
                raw = _as_written(lines, fm.line_of(key)) or raw
            fm_value = clean(front.text_value(raw))
            if fm_value:
                values[key] = fm_value
                found_lines[key] = fm.line_of(key)
    sources: list[Endpoint] = list(body_fields.sources)
    targets: list[Endpoint] = list(body_fields.targets)
    middleware: list[Ref] = list(body_fields.middleware)
    owner: Ref | None = body_fields.owner
    for keys, kind in ((("source", "sources"), "s"), (("target", "targets"), "t")):
        refs = _front_refs(data, fm, keys, placeholders)
        if refs:
            endpoints = [Endpoint(r) for r in refs]
            found_lines["source" if kind == "s" else "target"] = refs[0].line
            if kind == "s":
                sources = endpoints
            else:
                targets = endpoints
    fm_middleware = _front_refs(data, fm, ("middleware", "via"), placeholders)
    if fm_middleware:
        middleware = fm_middleware
    if "owner" in data:
        fm_owner = owner_from_front(
            front.link_texts(data["owner"]), fm.line_of("owner"), placeholders
        )
        if fm_owner is not None:
            owner = fm_owner
    return IntegrationFields(
        integration_id=values["integration_id"],
        version=values["version"],
        category=values["category"],
        status=values["status"],
        classification=values["classification"],
        sources=tuple(sources),
        targets=tuple(targets),
        layer_type=body_fields.layer.get("type"),
        middleware=tuple(middleware),
        protocol=body_fields.layer.get("protocol"),
        documents=tuple(body_fields.documents),
        owner=owner,
        metadata=tuple(body_fields.metadata),
        lines=tuple(sorted(found_lines.items())),
    )


def _as_written(lines: list[str], line: int) -> str | None:
    """The value of the front-matter line ``line`` (1-based) as written: ``1.10``."""
    if not 1 <= line <= len(lines) or ":" not in lines[line - 1]:
        return None
    value = lines[line - 1].split(":", 1)[1].split(" #", 1)[0].strip()
    return value or None


def _front_refs(
    data: dict[str, Any],
    fm: front.FrontMatter,
    keys: tuple[str, ...],
    placeholders: Collection[str],
) -> list[Ref]:
    refs: list[Ref] = []
    for key in keys:
        if key in data:
            line = fm.line_of(key)
            refs.extend(refs_from_front(front.link_texts(data[key]), line, placeholders))
    return refs


def _aliases(data: dict[str, Any]) -> list[str]:
    raw = data.get("aliases", data.get("alias"))
    return [a for a in front.text_list(raw) if a]


def _tags(data: dict[str, Any], masked: str) -> list[str]:
    tags: list[str] = []
    raw = data.get("tags", data.get("tag"))
    items = front.text_list(raw)
    if isinstance(raw, str):
        items = re.split(r"[,\s]+", raw)
    tags.extend(t.strip().lstrip("#") for t in items if t and t.strip().lstrip("#"))
    if "#" in masked:
        tags.extend(m.group(1) for m in _TAG.finditer(masked) if not m.group(1).isdigit())
    return list(dict.fromkeys(tags))


def _templater(path: str, lines: list[str], body_start: int, masked: list[str]) -> list[Problem]:
    found: list[Problem] = []
    candidates = [(i + 1, lines[i]) for i in range(body_start)]
    candidates += [(body_start + 1 + i, line) for i, line in enumerate(masked)]
    for line_no, line in candidates:
        if "<%" in line:
            tag = _TEMPLATER.search(line)
            shown = tag.group(0) if tag else "<%"
            found.append(
                Problem(path, line_no, "templater", f"unrendered Templater tag {shown[:60]}")
            )
    return found
