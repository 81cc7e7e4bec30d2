"""SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from intgraph import __version__
from intgraph.render.annotations import Annotation, Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def to_dict(
    command: str, rules: Sequence[Rule], annotations: Sequence[Annotation]
) -> dict[str, Any]:
    """One SARIF log with one run of intgraph ``command`` (lint or orphans)."""
    index = {rule.id: i for i, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "intgraph",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [
                            {
                                "id": r.id,
                                "name": r.name,
                                "shortDescription": {"text": r.short},
                                "fullDescription": {"text": r.full},
                                "help": {"text": r.help},
                                "defaultConfiguration": {"level": r.level},
                                "properties": {"tags": ["intgraph", command]},
                            }
                            for r in rules
                        ],
                    }
                },
                "automationDetails": {"id": f"intgraph/{command}/"},
                "columnKind": "unicodeCodePoints",
                "results": [_result(a, index) for a in annotations],
            }
        ],
    }


def _result(a: Annotation, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": a.rule}
    if a.rule in index:
        result["ruleIndex"] = index[a.rule]
    result.update(
        {
            "level": a.level,
            "message": {"text": a.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": quote(a.path, safe="/"),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": {"startLine": a.line},
                    }
                }
            ],
            "partialFingerprints": {"intgraphFingerprint/v1": a.fingerprint},
        }
    )
    return result


def render(command: str, rules: Sequence[Rule], annotations: Sequence[Annotation]) -> str:
    """SARIF JSON text."""
    return json.dumps(to_dict(command, rules, annotations), indent=2, ensure_ascii=False) + "\n"
