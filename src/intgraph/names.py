"""Which system a reference means: note names, aliases and plain names.

A system is named by the note its link resolves to (the note's file name), or by
its text when no note exists. A note's ``aliases`` name the same system. Names
match case-insensitively after Unicode NFC.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from intgraph.model import Ref, name_key, note_name, without_note
from intgraph.resolve import Resolver


@dataclass(frozen=True)
class SystemId:
    """A system's identity: a stable key, its display name and its note (if any)."""

    key: str
    name: str
    path: str | None


class SystemNames:
    """Maps references (links and plain names) to systems, through notes and aliases."""

    def __init__(
        self,
        resolver: Resolver,
        aliases: Mapping[str, tuple[str, ...]],
        root: Path | None = None,
    ) -> None:
        """``aliases`` maps a note path to the aliases its front matter declares;
        ``root``, the vault's folder, lets :meth:`lookup` take a file's path as a user's
        shell gives it (absolute, or from the current folder)."""
        self._resolver = resolver
        self._root = root
        self._aliases: dict[str, str] = {}
        self._note_aliases: dict[str, tuple[str, ...]] = dict(aliases)
        self._plain: dict[str, SystemId] = {}
        self._paths: dict[str, SystemId] = {}
        #: alias key -> every note path declaring it, in path order (the first wins).
        self._declared: dict[str, list[str]] = {}
        for path in sorted(aliases):
            for alias in aliases[path]:
                declared = self._declared.setdefault(name_key(alias), [])
                if path not in declared:
                    declared.append(path)
        self._aliases = {key: paths[0] for key, paths in self._declared.items()}

    def aliases_of(self, path: str | None) -> tuple[str, ...]:
        """The aliases declared by the note at ``path``."""
        return self._note_aliases.get(path, ()) if path else ()

    def alias_target(self, text: str) -> str | None:
        """The note path whose ``aliases`` include ``text``, if any (of several, the
        first by path: see :meth:`alias_sources`)."""
        return self._aliases.get(name_key(text))

    def alias_sources(self, text: str) -> tuple[str, ...]:
        """Every note path whose ``aliases`` include ``text``, in path order: more than
        one, and the alias is ambiguous (Obsidian resolves it to none of them)."""
        return tuple(self._declared.get(name_key(text), ()))

    def for_path(self, path: str) -> SystemId:
        """The system named by the note (or attachment) at ``path``."""
        known = self._paths.get(path)
        if known is None:
            known = self._paths[path] = SystemId("note:" + name_key(path), note_name(path), path)
        return known

    def for_ref(self, ref: Ref, source: str) -> SystemId:
        """The system that ``ref``, written in the note at ``source``, means."""
        return self.for_text(ref.text, ref.is_link, source)

    def for_text(self, text: str, is_link: bool, source: str) -> SystemId:
        """:meth:`for_ref` of a reference given as its text and whether it is a link.

        A plain name with a note in parentheses at its end ("ServiceNow (ITSM)") that
        names no note or alias itself means the note or alias its name without the note
        names, if one does; else it is a system of its own, named by its whole text (so
        "Salesforce (EU)" and "Salesforce (US)" stay two systems)."""
        text = text.strip()
        found = self._noted(text, is_link, source)
        if found is None and not is_link:
            base = without_note(text)
            if base and base != text:
                found = self._noted(base, False, source)
        if found is not None:
            return found
        key = "name:" + name_key(text)
        known = self._plain.get(key)
        if known is None:
            known = self._plain[key] = SystemId(key, text, None)
        return known

    def notes_named(self, text: str, source: str) -> tuple[str, ...]:
        """Every note a plain name written in the note at ``source`` may mean, the one
        :meth:`for_text` takes first: the notes its text names, or, when that names no
        note or alias, the notes its name without a note in parentheses names. More
        than one, and the name is ambiguous (a link would say which note is meant)."""
        text = text.strip()
        found = self._resolver.candidates(text, source)
        if not found and self.alias_target(text) is None:
            base = without_note(text)
            if base and base != text:
                found = self._resolver.candidates(base, source)
        return found

    def _noted(self, text: str, is_link: bool, source: str) -> SystemId | None:
        """The system of the note ``text`` names (by path, name or alias), if any."""
        resolved = self._resolver.resolve_path(text, source)
        if resolved is not None:
            return self.for_path(resolved)
        alias = self.alias_target(text.rsplit("/", 1)[-1] if is_link else text)
        return None if alias is None else self.for_path(alias)

    def lookup(self, query: str) -> str | None:
        """The key of the note a query names by name, alias or path (vault-relative, or a
        file's path inside the vault as the shell gives it); None if no note."""
        resolved = self._resolver.resolve_path(query.strip(), "")
        if resolved is None:
            resolved = self.alias_target(query)
        if resolved is None:
            inside = self._in_vault(query.strip())
            resolved = self._resolver.resolve_path(inside, "") if inside else None
        return self.for_path(resolved).key if resolved else None

    def _in_vault(self, text: str) -> str | None:
        """The vault-relative path of the file at ``text`` (absolute, or from the current
        folder), when it lies inside the vault."""
        if self._root is None or not (
            text.lower().endswith(".md") or "/" in text or os.sep in text
        ):
            return None
        try:
            full = Path(text).expanduser().resolve()
            return full.relative_to(self._root.resolve()).as_posix()
        except (OSError, RuntimeError, ValueError):
            return None
