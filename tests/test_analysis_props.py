"""Property tests of critical and path on generated small vaults.

- ``reach`` equals the number of systems ``impact`` lists downstream, for every system;
- ``sole_feed_of(X)`` is exactly the set of systems left with no inbound integration once X
  and the integrations that need X are removed (computed here from the generated notes,
  by brute force);
- every path ``path`` lists is a real chain of integrations, shortest first, and some path
  exists exactly when ``impact`` reaches TO within the length limit.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intgraph.pipeline import Landscape, load_vault
from intgraph.queries.critical import critical, reaches, sole_feeds
from intgraph.queries.impact import impact
from intgraph.queries.path import find_paths

NAMES = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta")
STATUSES = ("Production", "Deprecated", "Development")


@dataclass(frozen=True)
class Spec:
    """One generated integration note."""

    sources: frozenset[str]
    targets: frozenset[str]
    middleware: frozenset[str]
    status: str


names = st.sampled_from(NAMES)
specs = st.builds(
    Spec,
    sources=st.frozensets(names, max_size=3),
    targets=st.frozensets(names, max_size=2),
    middleware=st.frozensets(names, max_size=1),
    status=st.sampled_from(STATUSES),
)
vaults = st.lists(specs, min_size=1, max_size=9)
filters = st.sampled_from([(), ("Production",), ("Production", "Development")])


def _list(items: frozenset[str]) -> str:
    return "[" + ", ".join(sorted(items)) + "]"


def write_vault(root: Path, integrations: list[Spec]) -> Landscape:
    """Integration notes with front-matter fields and plain system names."""
    for n, spec in enumerate(integrations):
        (root / f"Integration {n}.md").write_text(
            "---\n"
            "type: integration\n"
            f"integration_id: INT-2026-{n:03d}\n"
            f"status: {spec.status}\n"
            f"sources: {_list(spec.sources)}\n"
            f"targets: {_list(spec.targets)}\n"
            f"middleware: {_list(spec.middleware)}\n"
            "---\n"
            f"# Integration {n}\n",
            encoding="utf-8",
        )
    return load_vault(root)


def system_names(landscape: Landscape) -> dict[str, str]:
    """{node: name} of every system in the graph."""
    graph = landscape.graph
    return {n: d["name"] for n, d in graph.nodes(data=True) if d["kind"] == "system"}


def brute_sole_feed(integrations: list[Spec], failing: str) -> set[str]:
    """Systems that had an inbound integration and have none once ``failing`` and the
    integrations that need it (sole source or middleware) are removed."""
    before = {t for spec in integrations for t in spec.targets}
    kept = [
        spec
        for spec in integrations
        if spec.sources != {failing} and failing not in spec.middleware
    ]
    after = {t for spec in kept for t in spec.targets}
    return before - after - {failing}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vaults, filters)
def test_reach_and_sole_feed_match_brute_force(
    integrations: list[Spec], statuses: tuple[str, ...]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        landscape = write_vault(Path(tmp), integrations)
    graph = landscape.graph
    wanted = [s for s in integrations if not statuses or s.status in statuses]
    reach = reaches(graph, statuses)
    cut = sole_feeds(graph, statuses)
    for node, name in system_names(landscape).items():
        expected = impact(landscape, name, statuses=statuses).systems
        assert reach[node] == len(expected), name
        got = {graph.nodes[n]["name"] for n in cut.get(node, set())}
        assert got == brute_sole_feed(wanted, name), name
    ranked = critical(landscape, None, statuses).systems
    keys = [(-len(s.sole_feed_of), -s.reach, s.name.lower()) for s in ranked]
    assert keys == sorted(keys)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vaults, names, names, st.integers(min_value=1, max_value=4))
def test_paths_are_real_and_found_when_reachable(
    integrations: list[Spec], source: str, target: str, max_length: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        landscape = write_vault(Path(tmp), integrations)
    known = set(system_names(landscape).values())
    if source == target or not {source, target} <= known:
        return
    result = find_paths(landscape, source, target, max_paths=50, max_length=max_length)
    reached = {s.name for s in impact(landscape, source, max_depth=max_length).systems}
    assert bool(result.paths) == (target in reached)
    by_id = {f"INT-2026-{n:03d}": spec for n, spec in enumerate(integrations)}
    lengths = [route.length for route in result.paths]
    assert lengths == sorted(lengths) and all(n <= max_length for n in lengths)
    seen = set()
    for route in result.paths:
        assert route.systems[0] == source and route.systems[-1] == target
        assert len(set(route.systems)) == len(route.systems)
        for i, hop in enumerate(route.hops):
            spec = by_id[str(hop.id)]
            assert (hop.source, hop.target) == route.systems[i : i + 2]
            assert hop.target in spec.targets
            # the first hop may start at FROM as middleware, as impact's rule says
            assert hop.source in spec.sources or (i == 0 and hop.source in spec.middleware)
        key = (route.systems, tuple(h.id for h in route.hops))
        assert key not in seen
        seen.add(key)
