"""Reading a spreadsheet (.xlsx or .csv) into a grid of cells, and finding its header row.

Real inventories are not tidy tables: a title and the date above the header, headers merged over
two rows ("OPD" over "Pemilik" and "Pengguna"), the owning OPD merged down over all its rows,
formulas, years stored as dates. Merged ranges are filled with their value, two-row headers read as
one, and formulas give their computed value (or are reported when the file holds none).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spbe_arch.errors import SpbeError
from spbe_arch.exchange.inventory_headers import match_header, normalise

MAX_BYTES = 50 * 1024 * 1024
HEADER_SCAN_ROWS = 30
MAX_COLUMNS = 200  # sheets formatted out to column XFD would otherwise give 16384 empty cells a row
# Bounds on what a file may make us build in memory: an inventory is a few thousand rows. Each
# refusal names the limit; a real sheet over it is split.
MAX_ROWS = 100_000
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024  # all parts of an .xlsx, uncompressed (zip bombs)
MAX_CELLS = 1_000_000  # cells written in one sheet
MAX_MERGED_CELLS = 2_000_000  # cells covered by merged ranges, summed over a sheet
MAX_CSV_FIELD = 1024 * 1024  # characters in one CSV cell
MAPPING_MAX_BYTES = 1024 * 1024
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z0-9:$]+)"')


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; a device, a pipe or a larger file is
    refused before it can fill the memory or hang the run."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SpbeError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SpbeError(f"{path}: not a regular file (a device, a pipe or a socket); it was not read")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise SpbeError(f"{path}: larger than the limit of {limit} bytes; it was not read")
    return data


@dataclass
class Grid:
    """One sheet: rows of cell values (None for empty), with 1-based row numbers for messages."""

    name: str
    rows: list[list[Any]]
    wide_merges: set[tuple[int, int]] = field(default_factory=set)  # (row, col) filled from a merge over columns
    formula_gaps: dict[tuple[int, int], str] = field(default_factory=dict)  # formulas with no computed value

    def cell(self, row: int, col: int) -> Any:
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None


@dataclass
class Header:
    """Where the header is, and which field each column holds."""

    row: int  # 0-based index of the (last) header row
    labels: dict[int, str]  # column -> header text as written
    fields: dict[int, str]  # column -> field (or "ignore")
    unmapped: dict[int, str]  # column -> header text that matched nothing
    duplicates: dict[int, str]  # column -> field already taken by a better column


def read_grids(path: Path, sheet: str | None = None) -> list[Grid]:
    """The sheets of an .xlsx (or the one named), or the table of a .csv."""
    if not path.exists():
        raise SpbeError(f"{path}: no such file")
    if not path.is_file():
        raise SpbeError(f"{path}: not a regular file; give the .xlsx or .csv file of the inventory")
    if path.stat().st_size > MAX_BYTES:
        raise SpbeError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB; is it an inventory?")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        return [_read_csv(path)]
    if suffix in (".xls", ".ods"):
        raise SpbeError(f"{path}: {suffix} files are not read; save the sheet as .xlsx or .csv first")
    raise SpbeError(f"{path}: unknown spreadsheet type {suffix or '(no extension)'}; give a .xlsx or .csv file")


def _read_xlsx(path: Path, sheet: str | None) -> list[Grid]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from spbe_arch.exchange.xmlsafe import refuse_dtd_in_package

    _check_xlsx_bounds(path)  # first: the DTD check reads the parts, which must be of bounded size
    refuse_dtd_in_package(path)
    try:
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SpbeError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
    names = values.sheetnames
    if sheet is not None:
        if sheet not in names:
            raise SpbeError(f"{path}: no sheet {sheet!r}; the sheets are {', '.join(map(repr, names))}")
        names = [sheet]
    return [_grid_of(values[name], formulas[name]) for name in names]


def _check_xlsx_bounds(path: Path) -> None:
    """Refuse a workbook that would explode in memory, before openpyxl expands it: parts that
    unpack to more than :data:`MAX_UNZIPPED_BYTES`, or merged ranges covering more than
    :data:`MAX_MERGED_CELLS` cells (openpyxl makes an object for every merged cell), or a sheet of
    more than :data:`MAX_CELLS` cells."""
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if sum(p.file_size for p in parts) > MAX_UNZIPPED_BYTES:
                raise SpbeError(f"{path}: unpacks to more than {MAX_UNZIPPED_BYTES // (1024 * 1024)} MiB; it was "
                                "not read (split the inventory)")
            for part in parts:
                if not part.filename.startswith("xl/worksheets/") or not part.filename.endswith(".xml"):
                    continue
                xml = archive.read(part)
                cells = xml.count(b"<c ") + xml.count(b"<c>")
                if cells > MAX_CELLS:
                    raise SpbeError(f"{path}: {part.filename} holds {cells} cells, over the limit of {MAX_CELLS}; "
                                    "split the inventory")
                covered = 0
                for ref in _MERGE_REF.findall(xml):
                    try:
                        min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii"))
                    except (ValueError, TypeError):
                        continue
                    covered += ((max_col or min_col or 1) - (min_col or 1) + 1) * (
                        (max_row or min_row or 1) - (min_row or 1) + 1)
                if covered > MAX_MERGED_CELLS:
                    raise SpbeError(f"{path}: merged ranges of {part.filename} cover {covered} cells, over the "
                                    f"limit of {MAX_MERGED_CELLS}; unmerge the cells outside the table")
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SpbeError(f"{path}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None


def _finite(value: Any) -> Any:
    """A number too large for a year or an amount (1E+309 reads as infinity) kept as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _grid_of(ws: Any, formula_ws: Any) -> Grid:
    width = min(ws.max_column or 1, MAX_COLUMNS)
    if (ws.max_row or 0) > MAX_ROWS:
        raise SpbeError(f"sheet {ws.title!r} has {ws.max_row} rows, over the limit of {MAX_ROWS}; split it")
    rows: list[list[Any]] = [[_finite(v) for v in row] for row in ws.iter_rows(max_col=width, values_only=True)]
    grid = Grid(name=ws.title, rows=rows)
    for merged in ws.merged_cells.ranges:
        top = grid.cell(merged.min_row - 1, merged.min_col - 1)
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for c in range(merged.min_col - 1, min(merged.max_col, MAX_COLUMNS)):
                while c >= len(rows[r]):
                    rows[r].append(None)
                rows[r][c] = top
                if merged.max_col > merged.min_col:
                    grid.wide_merges.add((r, c))
    for r, row in enumerate(formula_ws.iter_rows(max_col=width)):
        for c, cell in enumerate(row):
            text = cell.value
            if isinstance(text, str) and text.startswith("=") and grid.cell(r, c) is None:
                grid.formula_gaps[(r, c)] = text
    return grid


def _read_csv(path: Path) -> Grid:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise SpbeError(f"{path}: not UTF-8 or Windows-1252 text")
    if "\x00" in text:
        raise SpbeError(f"{path}: holds NUL bytes; is it really a CSV file?")
    sample = "\n".join(text.splitlines()[:20])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    rows: list[list[Any]] = []
    previous = csv.field_size_limit(MAX_CSV_FIELD)
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) >= MAX_ROWS:
                raise SpbeError(f"{path}: more than {MAX_ROWS} rows, over the limit; split the inventory")
            rows.append([cell if cell.strip() else None for cell in row[:MAX_COLUMNS]])
    except csv.Error as exc:
        raise SpbeError(f"{path}: line {len(rows) + 1}: not readable as CSV ({exc}; the limit of one cell is "
                        f"{MAX_CSV_FIELD} characters)") from None
    finally:
        csv.field_size_limit(previous)
    return Grid(name=path.name, rows=rows)


def cell_text(value: Any) -> str:
    """A cell as text: numbers without '.0', dates as ISO, text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _labels(grid: Grid, row: int) -> dict[int, list[str]]:
    """Candidate header texts of each column of ``row``: the cell, and the cell under its merged parent."""
    labels: dict[int, list[str]] = {}
    width = len(grid.rows[row]) if row < len(grid.rows) else 0
    for col in range(width):
        own = cell_text(grid.cell(row, col))
        if not own:
            continue
        options = [own]
        parent = cell_text(grid.cell(row - 1, col)) if row > 0 else ""
        if parent and (row - 1, col) in grid.wide_merges and normalise(parent) != normalise(own):
            options.insert(0, f"{parent} {own}")
        labels[col] = options
    return labels


def detect_header(grid: Grid, overrides: dict[str, str] | None = None, row: int | None = None) -> Header | None:
    """The row among the first ones that names the most known columns (and the application name)."""
    overrides = {normalise(k): v for k, v in (overrides or {}).items()}
    candidates = [row] if row is not None else range(min(HEADER_SCAN_ROWS, len(grid.rows)))
    best: Header | None = None
    best_score = 0
    for index in candidates:
        header = _read_header(grid, index, overrides)
        score = len({f for f in header.fields.values() if f != "ignore"})
        if "name" in header.fields.values() and score > best_score and (score >= 2 or row is not None):
            best, best_score = header, score
    return best


def _read_header(grid: Grid, row: int, overrides: dict[str, str]) -> Header:
    header = Header(row=row, labels={}, fields={}, unmapped={}, duplicates={})
    chosen: dict[str, tuple[int, float, int]] = {}  # field -> (column, score, rank)
    for col, options in _labels(grid, row).items():
        header.labels[col] = options[-1] if len(options) == 1 else options[0]
        forced = next((overrides[normalise(o)] for o in options if normalise(o) in overrides), None)
        if forced is not None:
            header.fields[col] = forced
            if not forced.startswith("property:") and forced != "ignore":
                chosen[forced] = (col, 1000.0, -1)
            continue
        match = next((m for m in (match_header(o) for o in options) if m is not None), None)
        if match is None:
            header.unmapped[col] = header.labels[col]
            continue
        field_name, score, rank = match
        if field_name == "ignore":
            header.fields[col] = "ignore"
            continue
        previous = chosen.get(field_name)
        if previous is None or (score, -rank) > (previous[1], -previous[2]):
            if previous is not None:
                header.duplicates[previous[0]] = field_name
                header.fields.pop(previous[0], None)
            chosen[field_name] = (col, score, rank)
            header.fields[col] = field_name
        else:
            header.duplicates[col] = field_name
    return header
