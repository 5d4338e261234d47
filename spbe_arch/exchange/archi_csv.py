"""``spbe export archi-csv``: Archi's CSV trio (elements.csv, relations.csv, properties.csv).

Archi's "Import CSV data into the model" creates what is new and updates what it already has *by
id*; the ids here are the ones of the exchange export, so a model first imported from the exchange
file can be refreshed from CSV after every change to the workspace. The layout follows Archi's own
CSV export: every field quoted, CRLF line ends, the model itself as the first row of elements.csv,
and the access type of Access relationships as the special property ``Access_Type``.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from pydantic import BaseModel

from spbe_arch import textsafe
from spbe_arch.exchange.archimate_export import exchange_model
from spbe_arch.exchange.concepts import XModel
from spbe_arch.exchange.model_builder import BuildNote
from spbe_arch.exchange.workspace_writer import write_output
from spbe_arch.fileio import check_folder

ELEMENTS_HEADER = ("ID", "Type", "Name", "Documentation", "Specialization")
RELATIONS_HEADER = ("ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization")
PROPERTIES_HEADER = ("ID", "Key", "Value")
MODEL_TYPE = "ArchimateModel"
ACCESS_TYPE_KEY = "Access_Type"
FILES = ("elements.csv", "relations.csv", "properties.csv")


class ArchiCsvExport(BaseModel):
    folder: str
    files: list[str]
    elements: int
    relations: int
    properties: int
    notes: list[BuildNote]


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Every cell through :func:`textsafe.csv_cell`: a name (or a formula carried from an imported
    spreadsheet) starting with ``=``, ``+``, ``-`` or ``@`` is never run by the spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(tuple(textsafe.csv_cell(cell) for cell in row) for row in rows)
    return buffer.getvalue()


def csv_rows(xmodel: XModel) -> dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    """File name -> header and rows of the three files."""
    Rows = list[tuple[str, ...]]
    elements: Rows = [(xmodel.id, MODEL_TYPE, xmodel.name, xmodel.documentation or "", "")]
    elements += [(e.id, e.type, e.name, e.documentation or "", "") for e in xmodel.elements]
    relations: Rows = [
        (r.id, f"{r.type}Relationship", r.name or "", r.documentation or "", r.source, r.target, "")
        for r in xmodel.relationships
    ]
    properties: Rows = [(xmodel.id, p.key, p.value) for p in xmodel.properties]
    for element in xmodel.elements:
        properties += [(element.id, p.key, p.value) for p in element.properties]
    for rel in xmodel.relationships:
        properties += [(rel.id, p.key, p.value) for p in rel.properties]
        if rel.type == "Access":
            properties.append((rel.id, ACCESS_TYPE_KEY, rel.access_type or "Access"))
    return {
        "elements.csv": (ELEMENTS_HEADER, elements),
        "relations.csv": (RELATIONS_HEADER, relations),
        "properties.csv": (PROPERTIES_HEADER, properties),
    }


def export_archi_csv(root: str | os.PathLike[str], folder: Path) -> ArchiCsvExport:
    """Write the three CSV files of the workspace at ``root`` into ``folder``."""
    from spbe_arch.loader import open_workspace

    check_folder(folder)
    workspace, _ = open_workspace(root)
    xmodel, notes = exchange_model(workspace, with_views=False)
    rows = csv_rows(xmodel)
    for name, (header, table) in rows.items():
        write_output(folder / name, _table(header, table).encode("utf-8"))
    return ArchiCsvExport(
        folder=str(folder), files=[str(folder / n) for n in FILES], elements=len(xmodel.elements),
        relations=len(xmodel.relationships), properties=len(rows["properties.csv"][1]), notes=notes,
    )


def csv_text(result: ArchiCsvExport) -> str:
    lines = [f"wrote {f}" for f in result.files]
    lines.append(f"{result.elements} elements, {result.relations} relations, {result.properties} properties; "
                 "in Archi: File > Import > CSV Data Into Selected Model (updates by id)")
    lines += [f"  not exported: {n.element}: {n.message}" for n in result.notes]
    return "\n".join(lines) + "\n"
