"""A seeded generator of realistic integration vaults, for the benchmark harness.

``python -m benchmarks.vaultgen OUT --integrations 10000`` writes a vault with N
integration notes made from the template, about N/4 systems (hub-and-tail: a few
systems carry many integrations), middleware on most integrations, aliases,
front-matter-only notes, missing documents (unresolved links), people and teams,
and folders by team. The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

TEAMS = ("Finance", "Sales", "Supply Chain", "HR", "Data", "Customer", "Platform", "Security")
STATUSES = ("Production",) * 14 + ("Development",) * 3 + ("Planning",) * 2 + ("Deprecated",)
CATEGORIES = ("System", "Process", "Data", "API")
PROTOCOLS = ("HTTPS/REST", "SFTP", "AMQP", "Kafka", "SOAP", "JDBC", "GraphQL")
MIDDLEWARE = (
    "MuleSoft Anypoint",
    "Confluent Kafka",
    "SFTP Gateway",
    "Azure Service Bus",
    "Boomi AtomSphere",
    "IBM MQ",
)
WORDS = (
    "order",
    "invoice",
    "customer",
    "ledger",
    "shipment",
    "payment",
    "employee",
    "product",
    "price",
    "stock",
    "forecast",
    "contract",
    "supplier",
    "ticket",
    "asset",
    "journal",
)


@dataclass(frozen=True)
class Generated:
    """What was written: counts and the busiest system (a good impact query)."""

    root: Path
    integrations: int
    systems: int
    notes: int
    hub: str


def _system_names(count: int) -> list[str]:
    kinds = ("ERP", "CRM", "WMS", "HCM", "DW", "Portal", "Billing", "Gateway", "Hub", "Ledger")
    return [
        f"{WORDS[i % len(WORDS)].title()} {kinds[i // len(WORDS) % len(kinds)]} {i:05d}"
        for i in range(count)
    ]


def _pick(rng: random.Random, names: list[str]) -> str:
    """Hub-and-tail: index ~ Pareto, so a few systems are picked very often."""
    index = min(int(rng.paretovariate(1.1)) - 1, len(names) - 1)
    if rng.random() < 0.6:
        index = rng.randrange(len(names))
    return names[index]


def _link(name: str, rng: random.Random, aliases: dict[str, str]) -> str:
    roll = rng.random()
    if roll < 0.05 and name in aliases:
        return aliases[name]
    if roll < 0.10:
        return f"[[Systems/{name}|{name}]]"
    return f"[[{name}]]"


def _note(
    index: int,
    rng: random.Random,
    names: list[str],
    aliases: dict[str, str],
    docs: list[str],
    people: list[str],
    teams: list[str],
) -> tuple[str, str]:
    team = TEAMS[index % len(TEAMS)]
    source, target = _pick(rng, names), _pick(rng, names)
    while target == source:
        target = _pick(rng, names)
    word = rng.choice(WORDS)
    title = f"{source} {word.title()} Feed to {target} {index:06d}"
    status = rng.choice(STATUSES)
    ident = f"INT-{2018 + index % 8}-{index:06d}"
    routed = rng.random() < 0.75
    middleware = f"[[{rng.choice(MIDDLEWARE)}]]" if routed else "N/A"
    layer = "Middleware" if routed else "Direct"
    protocol = rng.choice(PROTOCOLS)
    runbook = f"[[{rng.choice(docs)}]]" if rng.random() < 0.9 else f"[[{title} Runbook]]"
    owner, lead, support = rng.choice(people), rng.choice(people), rng.choice(teams)
    year, month = 2026, 1 + index % 9
    path = f"Integrations/{team}/{title}.md"
    if rng.random() < 0.1:
        via = f'"{middleware}"' if routed else "[]"
        return path, (
            f"---\ntype: integration\nintegration_id: {ident}\nstatus: {status}\n"
            f'category: Data\nsource: "[[{source}]]"\ntarget:\n  - "[[{target}]]"\n'
            f'middleware: {via}\nowner: "[[{owner}]]"\n'
            f"---\n# {title}\n\nDeclared in front matter. Runbook: {runbook}\n"
        )
    fields = {
        "Endpoints": f"POST /api/v2/{word}s, GET /api/v2/{word}s/{{id}}",
        "Methods": "GET, POST, PATCH",
        "Authentication": "OAuth 2.0 client credentials",
        "Rate Limits": f"{rng.choice((100, 250, 500, 1000))} requests per minute",
    }
    spec = "\n".join(f"   - {k}: {v}" for k, v in fields.items())
    body = f"""# {title}

## Integration Overview
**Integration ID**: {ident}
**Version**: {1 + index % 4}.{index % 10}.0
**Category**: {rng.choice(CATEGORIES)}
**Status**: {status}
**Classification**: {rng.choice(("Internal", "External", "Hybrid"))}

## Purpose and Scope
### Business Purpose
Moves {word} records from {source} to {target} so that the {team} team works from one
version of each {word}. Without it, {word} changes are re-keyed by hand every morning.

### Integration Scope
- **In Scope**: {word.title()} create and update events, nightly reconciliation
- **Out of Scope**: Historical {word}s older than seven years
- **Future Scope**: Near-real-time deletes

## Integration Architecture
### High-Level Design
{source} publishes `{word}.changed` events; the integration layer maps them to the
{target} model and upserts them in batches of {rng.choice((50, 100, 200))}.

### Components
1. Source System(s)
   - Name: {_link(source, rng, aliases)}
   - Role: System of record for {word}s
   - Interface: {protocol}
   - Data: {word.title()} header and lines

2. Target System(s)
   - Name: {_link(target, rng, aliases)}
   - Role: Consumer of {word}s
   - Interface: {protocol}
   - Data: {word.title()} snapshot

3. Integration Layer
   - Type: {layer}
   - Components: {middleware}
   - Protocol: {protocol}

## Technical Specifications
### Interface Specifications
1. APIs/Services
{spec}

2. Data Format
   - Format: JSON
   - Schema: [[{rng.choice(docs)}]]
   - Validation: JSON Schema draft 2020-12
   - Examples: `{{"id": "{index}", "type": "{word}"}}`

```json
{{"id": "{index}", "type": "{word}", "link": "[[Not A Link]]"}}
```

### Communication Protocol
1. Protocol Details
   - Type: REST
   - Version: 2.0
   - Security: TLS 1.2+
   - Encoding: UTF-8

2. Message Flow
   - Sequence: Publish, transform, upsert, acknowledge
   - Timing: Asynchronous
   - Retry: 5 attempts with exponential backoff
   - Timeout: 30 s

## Security
### Authentication
1. Methods
   - Type: OAuth 2.0
   - Implementation: Client credentials grant
   - Renewal: Tokens renewed every 55 minutes
   - Storage: HashiCorp Vault

## Performance
### Performance Requirements
1. Response Time
   - Target: p95 under {rng.choice((200, 500, 800))} ms
   - Measurement: APM traces
   - Monitoring: Datadog
   - Alerts: p95 above target for 10 minutes

## Data Mapping
### Data Transformations
1. Source to Target
   - Field Mappings: {word}_id to externalId, {word}_status to status, amount to totalAmount
   - Transformations: Dates to ISO 8601, amounts to minor units, codes upper-cased
   - Validations: Mandatory id, status in the agreed list, amount not negative
   - Defaults: currency EUR when empty

2. Target to Source
   - Field Mappings: externalId back to {word}_id for acknowledgements
   - Transformations: None beyond key mapping
   - Validations: Acknowledgement must reference a known {word}
   - Defaults: N/A

### Data Quality
1. Validation Rules
   - Input Validation: JSON Schema and reference-data lookups
   - Output Validation: Target response codes checked per record
   - Business Rules: A closed {word} is never reopened by the feed
   - Error Handling: Failed records parked on the error queue for replay

## Monitoring and Support
### Monitoring
1. System Monitoring
   - Metrics: Throughput, error rate, queue depth, lag
   - Tools: Datadog, Splunk
   - Dashboards: {team} integrations overview
   - Alerts: Error rate above 2 % for 15 minutes pages the on-call engineer

### Support Model
1. Support Levels
   - L1: Service desk triage within 30 minutes
   - L2: {team} integration team
   - L3: Platform engineering and the {target} vendor
   - Escalation: Major incident process after 2 hours without a workaround

## Testing
### Test Strategy
1. Test Types
   - Unit Testing: Mapping functions covered by unit tests in CI
   - Integration Testing: Contract tests against the {target} sandbox
   - Performance Testing: 3x peak volume before each major release
   - Security Testing: Yearly penetration test and dependency scanning

## Deployment
### Deployment Process
1. Release Process
   - Steps: Merge, build, deploy to QA, smoke test, approve, deploy to production
   - Validation: Synthetic {word} sent end to end after each release
   - Rollback: Redeploy the previous artefact; replay parked messages
   - Communication: Release note in the {team} channel

## Change Management
### Version Control
- Repository: git.example.com/integrations/{word}-feed-{index:06d}
- Branching: Trunk-based with short-lived feature branches
- Releases: Semantic versioning, tagged in git
- Documentation: This note is updated with every release

## Documentation
### Technical Documentation
1. Design Documents
   - Architecture: [[{rng.choice(docs)}]]
   - Interfaces: [[{rng.choice(docs)}]]

2. Operational Documents
   - Runbook: {runbook}
   - Troubleshooting: [[{rng.choice(docs)}]]

---
**Metadata**
- Created: {year - 2}-{month:02d}-01
- Last Updated: {year}-{month:02d}-15
- Owner: [[{owner}]]
- Technical Lead: [[{lead}]]
- Support Team: [[{support}]]
- Review Status: Approved
- Security Classification: Internal
- Document ID: {ident}
- Next Review: {year + 1}-{month:02d}-01
- Integration Status: {status}
- Last Tested: {year}-{month:02d}-10
"""
    return path, body


def generate(root: Path, integrations: int, seed: int = 7) -> Generated:
    """Write a vault of ``integrations`` integration notes into ``root``."""
    rng = random.Random(seed)
    names = _system_names(max(4, integrations // 4))
    aliases = {n: n.split()[0].upper() + n[-5:] for n in names[: len(names) // 5]}
    docs = [
        f"{WORDS[i % len(WORDS)].title()} Design {i:05d}" for i in range(max(10, integrations // 6))
    ]
    people = [f"Person {i:05d}" for i in range(max(5, integrations // 40))]
    teams = [f"{t} Support" for t in TEAMS]
    files: dict[str, str] = {}
    for name in names:
        alias = f"aliases: [{aliases[name]}]\n" if name in aliases else ""
        files[f"Systems/{name}.md"] = f"---\ntype: system\n{alias}---\n# {name}\n"
    for name in MIDDLEWARE:
        files[f"Systems/Middleware/{name}.md"] = f"---\ntype: system\n---\n# {name}\n"
    for i, doc in enumerate(docs):
        files[f"Docs/{TEAMS[i % len(TEAMS)]}/{doc}.md"] = (
            f"# {doc}\n\nSee [[{rng.choice(people)}]].\n"
        )
    for person in people:
        files[f"People/{person}.md"] = f"# {person}\nMember of [[{rng.choice(teams)}]].\n"
    for team in teams:
        files[f"Teams/{team}.md"] = f"# {team}\n"
    for index in range(integrations):
        path, text = _note(index, rng, names, aliases, docs, people, teams)
        files[path] = text
    counts: dict[str, int] = {}
    for path, text in sorted(files.items()):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("   - Name: "):
                counts[line] = counts.get(line, 0) + 1
    (root / ".obsidian").mkdir(parents=True, exist_ok=True)
    (root / ".obsidian" / "app.json").write_text("{}", encoding="utf-8")
    hub = max(names, key=lambda n: (counts.get(f"   - Name: [[{n}]]", 0), n))
    return Generated(root, integrations, len(names) + len(MIDDLEWARE), len(files), hub)


def main() -> None:
    """Command line: write a vault."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--integrations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    made = generate(args.out, args.integrations, args.seed)
    print(
        f"wrote {made.notes} notes ({made.integrations} integrations, "
        f"{made.systems} systems) to {made.root}; busiest system: {made.hub}"
    )


if __name__ == "__main__":
    main()
