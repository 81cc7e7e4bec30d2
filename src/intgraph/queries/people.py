"""People named in integration fields: the owner and the technical lead."""

from __future__ import annotations

import networkx as nx

from intgraph.graph import fields_of
from intgraph.model import TEMPLATE_PLACEHOLDER_LINKS, Ref, ref_name


def person(ref: Ref | None) -> str | None:
    """The name of a person named in a field: a link's note name, or the plain text."""
    return None if ref is None else ref_name(ref)


def people(value: str | None) -> str | None:
    """The people a Metadata value names (``[[Ada]], Bob``), joined by ", "; None if unset."""
    if value is None:
        return None
    # Imported here: the parse package (YAML and the scanner) is not loaded on a warm run.
    from intgraph.parse.values import refs_in

    names = [person(r) for r in refs_in(value, 0, TEMPLATE_PLACEHOLDER_LINKS)]
    return ", ".join(n for n in names if n) or None


def owner_of(graph: nx.MultiDiGraph, node: str) -> str | None:
    """The owner of an integration (Metadata footer or front matter), as a name; kept on
    the graph node, so reading it does not load the integrations' fields."""
    owner = graph._node[node].get("owner")
    return None if owner is None else str(owner)


def technical_lead_of(graph: nx.MultiDiGraph, node: str) -> str | None:
    """The Metadata footer's Technical Lead of an integration, as names."""
    return people(fields_of(graph, node).meta("Technical Lead"))
