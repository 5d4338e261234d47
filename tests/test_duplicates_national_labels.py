"""The national-application judgement scored against hand labels of an inventory's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.duplicates.national_labels import evaluate_national, load_national_labels
from spbe_arch.errors import SpbeError
from spbe_arch.loader import open_workspace

APPS = """\
id,name,owner_opd,description,status,category
R1,e-Office Dinas Pendidikan,Dinas Pendidikan,Surat masuk dan disposisi,Aktif,Aplikasi
R2,SRIKANDI,Dinas Komunikasi dan Informatika,Sistem Informasi Kearsipan Dinamis Terintegrasi,Aktif,Aplikasi
R3,Website Dinas Pendidikan,Dinas Pendidikan,Informasi dinas,Aktif,Website
R4,SIMPEG,Badan Kepegawaian Daerah,Data pegawai,Aktif,Aplikasi
R5,Aplikasi Pengaduan Masyarakat,Inspektorat,Aduan warga,Aktif,Aplikasi
R6,Sistem Informasi Pariwisata,Dinas Pariwisata,Promosi wisata,Aktif,Aplikasi
R7,e-Office Lama,Dinas Pariwisata,Surat masuk dan disposisi,Tidak Aktif,Aplikasi
"""
LABELS = """\
id,relation,function,note
R1,copies,persuratan,a local e-office
R2,is,persuratan,SRIKANDI itself
R3,none,,a website
R4,copies,keuangan-daerah,labelled with another national application on purpose
R5,partly,pengaduan,left out of the scores
R6,copies,pengadaan,labelled a copy that nothing in its row shows: a miss
R7,copies,persuratan,"a retired copy: no judgement is made on it, none is scored"
"""


def test_copies_and_national_rows_are_scored_by_row(tmp_path: Path) -> None:
    (tmp_path / "apps.csv").write_text(APPS, encoding="utf-8")
    (tmp_path / "national.csv").write_text(LABELS, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "inventory", str(tmp_path / "apps.csv"), "--into",
                                      str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    workspace, _ = open_workspace(tmp_path / "ws")
    found = evaluate_national(workspace, tmp_path / "national.csv")
    # R1 right; R4 flagged as a copy of SIASN where the label says SIPD; R6 missed; R5 left out
    assert (found.copies.found, found.copies.predicted, found.copies.expected) == (1, 2, 3)
    assert (found.copies_any.found, found.copies_any.predicted) == (2, 2)
    assert (found.is_national.found, found.is_national.predicted, found.is_national.expected) == (1, 1, 1)
    assert found.left_out == 1 and found.outside_table == 0 and found.retired == 1
    assert ("R6", "copies", "pengadaan") in found.missed and ("R4", "copies", "kepegawaian") in found.wrong
    assert not any(row == "R3" for row, *_ in found.wrong)  # a website is never a copy


def test_a_bad_relation_is_reported_with_its_line(tmp_path: Path) -> None:
    labels = tmp_path / "national.csv"
    labels.write_text("id,relation,function,note\nR1,copy,persuratan,\n", encoding="utf-8")
    with pytest.raises(SpbeError, match=r"national.csv:2: relation 'copy'"):
        load_national_labels(labels)


def test_a_label_outside_the_table_counts_once_the_table_knows_the_application() -> None:
    from spbe_arch.duplicates.national_labels import _known
    from spbe_arch.duplicates.tables import shipped_tables

    functions = shipped_tables().functions
    # written when P-Care and SATUSEHAT were outside the table: the labeller's name, the provider beside it
    assert _known("other:P-Care BPJS Kesehatan", functions) == "pcare"
    assert _known("other:SATUSEHAT (Kemenkes)", functions) == "satusehat"
    assert _known("other:BLUe/SIMPKB (Kemenhub)", functions) == "other:BLUe/SIMPKB (Kemenhub)"
    assert _known("persuratan", functions) == "persuratan"
