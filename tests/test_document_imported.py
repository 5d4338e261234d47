"""The document of an architecture just imported from an inventory: what it does not hold yet is said
in words ("belum memuat"), never as "memuat 0", and the duplicates chapter shows the evidence of every
group, not the pairs of its largest group only."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.document import prepare, render_document
from spbe_arch.document.findings_sections import PAIRS_PER_GROUP, duplicate_section
from spbe_arch.document.index import ModelIndex
from spbe_arch.validate import validate_workspace
from spbe_arch.workspace import Workspace
from tests.inventory_factory import import_rows
from tests.test_document_front import stub_figures  # noqa: F401  (autouse: figures without Graphviz)

OFFICES = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Dinas Perhubungan", "Badan Pendapatan Daerah",
           "Dinas Pertanian"]
ROWS = [
    *[[f"S{i:02d}", f"Statistik Sektoral {office}", office, "", "", "Aplikasi"] for i, office in enumerate(OFFICES)],
    ["P01", "Aplikasi Presensi Pegawai", "Badan Kepegawaian Daerah", "", "", "Aplikasi"],
    ["P02", "Absensi Online Guru", "Dinas Pendidikan", "", "", "Aplikasi"],
]


def _imported(tmp_path: Path) -> Workspace:
    return import_rows(tmp_path, ROWS)


def test_what_the_architecture_does_not_hold_yet_is_said_in_words(tmp_path: Path) -> None:
    workspace = _imported(tmp_path)
    md = render_document(prepare(validate_workspace(workspace.root)), "md", figure_dir="gambar").content.decode()
    assert "Arsitektur Proses Bisnis, belum memuat proses bisnis;" in md
    assert "Arsitektur Aplikasi SPBE, memuat 8 aplikasi;" in md
    assert "serta Peta Rencana SPBE, yang belum memuat kegiatan." in md
    assert "Peta Rencana SPBE belum memuat kegiatan." in md
    assert "memuat 0 " not in md and "atas 0 kegiatan" not in md and "anggaran indikatif Rp0" not in md
    # an inventory says nothing of the kind or the source of its rows: all are the Pemda's own, Khusus
    assert ("Saat ini terdapat 8 aplikasi, seluruhnya Aplikasi Khusus. Semua aplikasi tersebut dibangun atau "
            "diadakan oleh pemerintah daerah.") in md
    assert "terdiri atas 0 " not in md and "Sebanyak 0 " not in md


def test_the_pairs_table_shows_the_strongest_pairs_of_every_group(tmp_path: Path) -> None:
    workspace = _imported(tmp_path)
    section = duplicate_section(workspace, ModelIndex(workspace))
    assert section.groups is not None and section.pairs is not None
    assert section.pairs.columns[0] == "Kelompok"
    numbers = [r.cells[0].text for r in section.pairs.rows]
    by_group = {n: numbers.count(n) for n in set(numbers)}
    # two groups: six offices' statistics (one name in six OPDs: five pairs) and two attendance systems
    assert len(section.groups.rows) == 2 and section.pair_count == 6
    assert sorted(by_group.values()) == [1, PAIRS_PER_GROUP]
    assert numbers == sorted(numbers)  # in the order of the groups table
    assert section.pairs.note == f"{6 - PAIRS_PER_GROUP - 1} pasangan lain tercantum dalam laporan duplikasi lengkap."
