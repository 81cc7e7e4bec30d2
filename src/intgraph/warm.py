"""What a warm run reads: the saved graph, once it is known to still describe the vault.

The graph snapshot is read and decoded by :func:`peek` before the vault's key is known
(for a large one, while a forked child walks the vault: see
:func:`intgraph.vault.find_files`); :func:`saved_graph` then keeps it only when its key,
an alias of the key, or a patch of the few notes edited since ties it to the vault as
stat'ed. The cache holds one snapshot, so it is read once either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from intgraph import cache as store
from intgraph.flows import Flows
from intgraph.incremental import patch, read_alias, still_true
from intgraph.snapshot import LAYOUT_ERRORS, Decoded, decode_light
from intgraph.vault import VaultFiles


class Saved(NamedTuple):
    """The graph snapshot the cache holds, read before its key could be checked."""

    #: The key of the vault it was saved for.
    key: str
    #: The digests of the notes changed near its writing (see :func:`still_true`).
    racy: Any
    written_ns: int
    #: The light part decoded.
    decoded: Decoded


def peek(directory: Path) -> Saved | None:
    """The graph snapshot saved in ``directory``, whatever vault key it is for; None
    when there is none, or none whole and of this layout."""
    found = store.read_any(directory, store.GRAPH)
    if found is None:
        return None
    key, data, written = found
    try:
        light, racy = data
        return Saved(key, racy, written, decode_light(light))
    except LAYOUT_ERRORS:
        return None


def saved_graph(
    directory: Path,
    files: VaultFiles,
    marks: frozenset[str],
    key: str,
    started: int,
    saved: Saved | None,
) -> tuple[Flows, dict[str, tuple[str, ...]], str, int] | None:
    """(flows view, alias map, key of the saved graph, how many notes were parsed to
    tell) of the saved graph (``saved``, as :func:`peek` found it) when it still
    describes the vault: it was saved for ``key``, an alias of ``key`` names it, or the
    notes changed since cannot change the graph (or can be patched into it). None when
    the graph must be built anew."""
    try:
        if saved is not None:
            if saved.key == key and still_true(files, saved.racy, saved.written_ns):
                return (*saved.decoded, key, 0)
            alias = read_alias(directory, key)
            if (
                alias is not None
                and alias[0] == saved.key
                and still_true(files, alias[1], alias[2])
            ):
                return (*saved.decoded, saved.key, 0)
        at_hand = {} if saved is None else {saved.key: saved.decoded}
        patched = patch(directory, files, marks, key, started, at_hand)
        if patched is not None:
            decoded, parsed, base_key = patched
            return (*decoded, base_key, parsed)
    except LAYOUT_ERRORS:
        pass
    return None
