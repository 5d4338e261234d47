"""The evidence worksheet as .xlsx, byte-for-byte reproducible (fixed dates in the file and the zip)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from spbe_arch.indeks.render import worksheet_rows
from spbe_arch.indeks.report import IndeksReport

FIXED = dt.datetime(2000, 1, 1)
# openpyxl stamps the save time into docProps/core.xml whatever the workbook says
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
WIDTHS = (5, 22, 30, 50, 9, 12, 18, 12, 10, 40, 70, 12, 50, 70, 45, 14, 50)


def report_xlsx(report: IndeksReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Lembar Bukti"
    for values in worksheet_rows(report):
        sheet.append(values)
    for cells in sheet.iter_rows():
        for item in cells:
            item.data_type = "s"  # text, never a formula (cells are escaped as well)
            item.alignment = Alignment(wrap_text=True, vertical="top")
    for item in sheet[1]:
        item.font = Font(bold=True)
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "E2"
    book.properties.created = FIXED
    book.properties.modified = FIXED
    book.properties.creator = "spbe-arch"
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 and a fixed modification date, so that equal input gives
    equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            target.writestr(fixed, data)
    return out.getvalue()
