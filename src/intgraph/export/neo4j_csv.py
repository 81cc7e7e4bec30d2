"""CSV files for ``neo4j-admin database import full``: a folder with the System and
Integration nodes, the SENDS, DELIVERS and VIA relationships, and a README naming the
import command. Headers use the importer's ``:ID(group)``, ``:LABEL``, ``:START_ID``,
``:END_ID`` and ``:TYPE`` columns; lists are ``;``-separated ``string[]`` columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from intgraph.errors import OutputError
from intgraph.export.landscape import ExportModel
from intgraph.render.output import write_text, written_by_intgraph

ARRAY_DELIMITER = ";"
COMMAND = (
    "neo4j-admin database import full neo4j --overwrite-destination "
    "--nodes=System=systems.csv --nodes=Integration=integrations.csv "
    "--relationships=SENDS=sends.csv --relationships=DELIVERS=delivers.csv "
    "--relationships=VIA=via.csv"
)


def _cell(value: str | bool | None) -> str:
    """A value for the importer: booleans as true/false, line breaks as spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def _array(values: Iterable[str]) -> str:
    # the importer splits arrays on the delimiter: one inside a value becomes a comma
    return ARRAY_DELIMITER.join(_cell(v).replace(ARRAY_DELIMITER, ",") for v in values)


def _csv(header: Sequence[str], rows: Iterable[Sequence[str | bool | None]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def files(model: ExportModel) -> dict[str, str]:
    """File name → content of every file of the import folder."""
    systems = _csv(
        [
            "key:ID(System)",
            "vault",
            "name",
            "path",
            "aliases:string[]",
            "middleware:boolean",
            "owner",
            ":LABEL",
        ],
        (
            [s.key, model.vault, s.name, s.path, _array(s.aliases), s.middleware, s.owner, "System"]
            for s in model.systems
        ),
    )
    integrations = _csv(
        [
            "path:ID(Integration)",
            "vault",
            "id",
            "title",
            "status",
            "category",
            "classification",
            "protocol",
            "owner",
            ":LABEL",
        ],
        (
            [
                i.path,
                model.vault,
                i.id,
                i.title,
                i.status,
                i.category,
                i.classification,
                i.protocol,
                i.owner,
                "Integration",
            ]
            for i in model.integrations
        ),
    )
    sends = _csv(
        [":START_ID(System)", ":END_ID(Integration)", ":TYPE"],
        ([k, i.path, "SENDS"] for i in model.integrations for k in i.sources),
    )
    delivers = _csv(
        [":START_ID(Integration)", ":END_ID(System)", ":TYPE"],
        ([i.path, k, "DELIVERS"] for i in model.integrations for k in i.targets),
    )
    via = _csv(
        [":START_ID(Integration)", ":END_ID(System)", ":TYPE"],
        ([i.path, k, "VIA"] for i in model.integrations for k in i.middleware),
    )
    readme = (
        f"# intgraph {model.version}: the vault {_cell(model.vault)} for neo4j-admin\n\n"
        "Copy these files into the Neo4j import folder, stop the database, then run:\n\n"
        f"    {COMMAND}\n\n"
        "The import replaces the whole database. To update a running database instead, "
        "use `intgraph export --format cypher` and `cypher-shell -f`.\n"
    )
    return {
        "systems.csv": systems,
        "integrations.csv": integrations,
        "sends.csv": sends,
        "delivers.csv": delivers,
        "via.csv": via,
        "README.md": readme,
    }


def write(model: ExportModel, folder: str | Path, force: bool = False) -> Path:
    """Write the import folder (created if needed); raises OutputError when it cannot, or
    when one of its files exists, was not written by intgraph and not ``force`` (checked
    for every file before any is written)."""
    target = Path(folder).expanduser()
    if target.exists() and not target.is_dir():
        raise OutputError(f"cannot write {str(folder)!r}: it exists and is not a folder")
    texts = files(model)
    if not force:
        for name in texts:
            path = target / name
            if path.exists() and not (path.is_file() and written_by_intgraph(path)):
                raise OutputError(
                    f"refusing to overwrite {str(path)!r}: intgraph did not write it "
                    "(use --force to replace it)"
                )
    for name, text in texts.items():
        write_text(target / name, text, force=True)
    return target
