"""Which writer makes which format, and where its output goes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from intgraph.errors import UsageError
from intgraph.export import (
    archimate,
    backstage,
    cypher,
    dot,
    gexf,
    graphml,
    json_graph,
    neo4j_csv,
    structurizr,
)
from intgraph.export.landscape import ExportModel
from intgraph.render.output import write_text

TEXT_WRITERS: dict[str, Callable[[ExportModel], str]] = {
    "graphml": graphml.render,
    "gexf": gexf.render,
    "dot": dot.render,
    "json": json_graph.render,
    "cypher": cypher.render,
    "structurizr": structurizr.render,
    "backstage": backstage.render,
    "archimate": archimate.render,
}
FOLDER_WRITERS = ("neo4j-csv",)
FORMATS: tuple[str, ...] = (*TEXT_WRITERS, *FOLDER_WRITERS)


def render(model: ExportModel, fmt: str) -> str:
    """The export of ``model`` as text, for every format but the folder ones."""
    if fmt not in TEXT_WRITERS:
        raise UsageError(f"the {fmt} export is a folder: name it with --out")
    return TEXT_WRITERS[fmt](model)


def write(model: ExportModel, fmt: str, out: str | Path, force: bool = False) -> Path:
    """Write the export of ``model`` to ``out`` (a file, or a folder for neo4j-csv); a
    file intgraph did not write is replaced only with ``force`` (OutputError)."""
    if fmt == "neo4j-csv":
        return neo4j_csv.write(model, out, force)
    return write_text(out, render(model, fmt), force)
