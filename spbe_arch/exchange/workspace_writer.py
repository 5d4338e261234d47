"""Writing an imported model as a workspace: one file per domain, as ``spbe init`` lays it out.

Imports never overwrite a file unless asked (``force``), and check every target before writing any,
so a refused import leaves the folder as it was.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from spbe_arch.errors import SpbeError
from spbe_arch.fileio import write_bytes_atomic
from spbe_arch.model import COLLECTIONS, Element, dump_element

DOMAIN_FILES: dict[str, str] = {
    "organizations": "organisasi.yaml",
    "processes": "proses-bisnis/proses-bisnis.yaml",
    "services": "layanan/layanan.yaml",
    "data": "data/data.yaml",
    "applications": "aplikasi/aplikasi.yaml",
    "infrastructure": "infrastruktur/infrastruktur.yaml",
    "security": "keamanan/keamanan.yaml",
    "roadmap": "peta-rencana.yaml",
}
FIRST_KEYS = ("id", "name", "owner")
LAST_KEYS = ("tags", "properties", "ignore")


class ImportNote(BaseModel):
    """One thing the import could not map, or an assumption it made, and where it was."""

    where: str
    message: str


class ImportReport(BaseModel):
    source: str
    target: str
    files: list[str] = Field(default_factory=list)
    created: dict[str, int] = Field(default_factory=dict)  # elements per collection
    relations: int = 0
    header: str | None = None  # spreadsheets: where the header row was found
    columns: dict[str, str] = Field(default_factory=dict)  # spreadsheets: column header -> field
    skipped_elements: list[ImportNote] = Field(default_factory=list)
    skipped_relationships: list[ImportNote] = Field(default_factory=list)
    unmapped_columns: list[ImportNote] = Field(default_factory=list)
    unmapped_rows: list[ImportNote] = Field(default_factory=list)
    assumptions: list[ImportNote] = Field(default_factory=list)
    warnings: list[ImportNote] = Field(default_factory=list)


def report_text(report: ImportReport) -> str:
    """The report as people read it: what was written, then what was left out and why."""
    made = ", ".join(f"{n} {c}" for c, n in report.created.items() if n) or "no elements"
    lines = [f"imported {report.source} into {report.target}: {made}; {report.relations} relations"]
    lines += [f"  wrote {f}" for f in report.files]
    if report.header:
        lines.append(f"header: {report.header}")
        lines += [f"  {column!r} -> {field}" for column, field in report.columns.items()]
    sections = (
        ("not imported (elements)", report.skipped_elements),
        ("not imported (relationships)", report.skipped_relationships),
        ("columns not mapped", report.unmapped_columns),
        ("rows not imported", report.unmapped_rows),
        ("assumptions", report.assumptions),
        ("warnings", report.warnings),
    )
    for title, notes in sections:
        if notes:
            lines.append(f"{title} ({len(notes)}):")
            lines += [f"  {where}: {message}" for where, message in _grouped(notes)]
    lines.append(f"next: spbe validate {report.target}")
    return "\n".join(lines) + "\n"


_ROW = re.compile(r"row (\d+)")


def _grouped(notes: list[ImportNote]) -> list[tuple[str, str]]:
    """One line per message said of several rows ("rows 2-127: category 'Aplikasi berbasis Website'
    ..."), in the order the messages first appear: 126 lines of one warning hide the one that matters."""
    rows: dict[str, list[int]] = {}
    lines: list[tuple[str, str]] = []
    for note in notes:
        found = _ROW.fullmatch(note.where)
        if found is None:
            lines.append((note.where, note.message))
            continue
        if note.message not in rows:
            rows[note.message] = []
            lines.append(("", note.message))  # its place, filled below
        rows[note.message].append(int(found.group(1)))
    return [(where or _row_ranges(rows[message]), message) for where, message in lines]


def _row_ranges(numbers: list[int]) -> str:
    """'row 7', 'rows 2-5, 9': the rows a message is said of."""
    numbers = sorted(set(numbers))
    spans: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        spans.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return f"row {numbers[0]}" if len(numbers) == 1 else f"rows {', '.join(spans)}"


try:  # libyaml's emitter, in every PyYAML wheel, is some 10x faster than the pure one
    _BaseDumper: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _BaseDumper = yaml.SafeDumper


class _Dumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Block style, multi-line text as literal blocks, keys in the order given."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of plain values on one line ([web, mobile]), as people write them."""
    flat = all(isinstance(v, str | int | float | bool) and not (isinstance(v, str) and "\n" in v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value,
                                     flow_style=flat and sum(len(str(v)) + 2 for v in value) <= 80)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def element_mapping(element: Element) -> dict[str, Any]:
    """The element as YAML would hold it: defaults left out, id, name and owner first."""
    data = dump_element(element)
    if "properties" in data:  # keep dates as dates (YAML timestamps), not the JSON text
        data["properties"] = dict(element.properties)
    if "last_done" in data:
        data["last_done"] = element.last_done  # type: ignore[attr-defined]
    ordered = {k: data[k] for k in FIRST_KEYS if k in data}
    ordered.update((k, v) for k, v in data.items() if k not in ordered and k not in LAST_KEYS)
    ordered.update((k, data[k]) for k in LAST_KEYS if k in data)
    return ordered


def render_workspace(manifest: dict[str, Any], elements: list[Element], header: str,
                     extra: dict[str, str] | None = None) -> dict[str, str]:
    """File name -> YAML text of the workspace: one file per domain, as ``spbe init`` writes them, also
    for an empty collection, so that a forced re-import leaves no file of an earlier one behind."""
    files: dict[str, str] = {"spbe.yaml": f"# {header}\n" + dump_yaml(manifest)}
    for collection in COLLECTIONS:
        members = sorted((e for e in elements if collection == e.COLLECTION), key=lambda e: e.id)
        files[DOMAIN_FILES[collection]] = f"# {header}\n" + dump_yaml(
            {collection: [element_mapping(e) for e in members]})
    files.update(extra or {})
    return files


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=110)


def write_workspace(target: Path, files: dict[str, str], force: bool) -> list[str]:
    """Write the files into ``target``; refuse, writing nothing, if one exists and not ``force``."""
    if target.exists() and not target.is_dir():
        raise SpbeError(f"{target}: exists and is not a folder")
    existing = [rel for rel in files if (target / rel).exists()]
    if existing and not force:
        shown = ", ".join(existing[:5]) + (" ..." if len(existing) > 5 else "")
        raise SpbeError(f"{target}: would overwrite {shown}; nothing was written (use --force to overwrite, "
                        "or import into an empty folder)")
    for rel, text in files.items():
        write_output(target / rel, text.encode("utf-8"))
    return sorted(files)


def write_output(path: Path, data: bytes) -> None:
    """Write atomically; a folder that cannot be written is the user's to fix, not a crash."""
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise SpbeError(f"{path}: cannot write: {exc.strerror or exc}") from None


def count_by_collection(elements: list[Element]) -> dict[str, int]:
    counts = Counter(e.COLLECTION for e in elements)
    return {c: counts[c] for c in COLLECTIONS if counts[c]}
