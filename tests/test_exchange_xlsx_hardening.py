"""An .xlsx is a zip of XML parts from anywhere: a part that declares a DTD or entities (entity expansion,
external entities reading local files) is refused with exit 2, and nothing of the payload is expanded."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl.xml
import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from spbe_arch.cli import app

SECRET = "rahasia-negara-0123456789"
LAUGHS = ('<!DOCTYPE x [<!ENTITY a "hahahahaha">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
          + "]>")


def _workbook(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Nama Aplikasi", "OPD Pemilik", "Fungsi"])
    sheet.append(["SIMPEG", "BKPSDM", "kepegawaian"])
    book.save(path)


def _poisoned(tmp_path: Path, part: str, prolog: str, reference: str | None = None) -> Path:
    """A copy of a valid workbook whose ``part`` carries ``prolog`` (and, in its first text, ``reference``)."""
    clean = tmp_path / "clean.xlsx"
    _workbook(clean)
    target = tmp_path / "poisoned.xlsx"
    with zipfile.ZipFile(clean) as source, zipfile.ZipFile(target, "w") as out:
        assert part in source.namelist()
        for name in source.namelist():
            data = source.read(name)
            if name == part:
                text = data.decode("utf-8")
                text = re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + prolog, text, count=1)
                if reference is not None:
                    text = text.replace("SIMPEG", reference, 1)
                data = text.encode("utf-8")
            out.writestr(name, data)
    return target


def test_openpyxl_reads_through_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


def test_the_clean_workbook_imports(tmp_path: Path) -> None:
    clean = tmp_path / "clean.xlsx"
    _workbook(clean)
    result = CliRunner().invoke(app, ["import", "inventory", str(clean), "--into", str(tmp_path / "ws"),
                                      "--government", "Kabupaten Uji"])
    assert result.exit_code in (0, 1), result.output
    assert "SIMPEG" in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "ws").rglob("*.yaml"))


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml",
                                  "xl/styles.xml", "docProps/core.xml", "_rels/.rels"])
def test_entity_expansion_in_any_part_is_refused(tmp_path: Path, part: str) -> None:
    reference = "&i;" if part == "xl/worksheets/sheet1.xml" else None
    poisoned = _poisoned(tmp_path, part, LAUGHS, reference)
    into = tmp_path / "ws"
    result = CliRunner().invoke(app, ["import", "inventory", str(poisoned), "--into", str(into),
                                      "--government", "Kabupaten Uji"])
    assert result.exit_code == 2, result.output
    assert "refused" in result.output and part in result.output
    assert "Traceback" not in result.output and "hahaha" not in result.output
    assert not into.exists() or not any(into.rglob("*.yaml"))


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    prolog = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    poisoned = _poisoned(tmp_path, "xl/worksheets/sheet1.xml", prolog, "&xxe;")
    result = CliRunner().invoke(app, ["import", "inventory", str(poisoned), "--into", str(tmp_path / "ws"),
                                      "--government", "Kabupaten Uji", "--format", "json"])
    assert result.exit_code == 2, result.output
    assert SECRET not in result.output
    assert not any(SECRET in p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.yaml"))
