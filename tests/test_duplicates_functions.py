"""Duplicates from names alone: the lexicon of local government functions (presensi, JDIH, antrean).

Many Pemda inventories list names only, no descriptions: the finder has to tell from a name which
function an application performs, pair the applications of different OPDs that perform the same strong
one, and keep apart what only shares a template word (Portal Dinas X) or a general word (bantuan).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.duplicates import find_duplicates
from spbe_arch.duplicates.finder import misspelt
from spbe_arch.duplicates.national import role_of
from spbe_arch.duplicates.normalize import Normaliser
from spbe_arch.duplicates.tables import build_tables, shipped_tables
from spbe_arch.loader import open_workspace
from tests.inventory_factory import app_rows, features_by_row, import_rows, row_pairs

NAMES_ONLY = [
    ["N01", "E-Presensi", "Badan Kepegawaian Daerah", "", "", "Aplikasi"],
    ["N02", "Aplikasi Absensi Online Pegawai", "Dinas Pendidikan", "", "", "Aplikasi"],
    ["N03", "Sistem Informasi Kehadiran", "Dinas Kesehatan", "", "", "Aplikasi"],
    ["N04", "JDIH", "Biro Hukum", "", "", "Aplikasi"],
    ["N05", "Jaringan Dokumentasi dan Informasi Hukum DPRD", "Sekretariat DPRD", "", "", "Aplikasi"],
    ["N06", "Survei Kepuasan Masyarakat", "Dinas Kependudukan dan Pencatatan Sipil", "", "", "Aplikasi"],
    ["N07", "E-SKM", "Dinas Penanaman Modal dan PTSP", "", "", "Aplikasi"],
    ["N08", "Helpdesk TIK", "Dinas Komunikasi dan Informatika", "", "", "Aplikasi"],
    ["N09", "Aplikasi Monitoring Bantuan", "Dinas Sosial", "", "", "Aplikasi"],
    ["N10", "Portal Dinas Sosial", "Dinas Sosial", "", "", "Aplikasi"],
    ["N11", "Portal Dinas Pertanian", "Dinas Pertanian", "", "", "Aplikasi"],
    ["N12", "Website Dinas Perhubungan", "Dinas Perhubungan", "", "", "Website"],
    ["N13", "Website Dinas Kesehatan", "Dinas Kesehatan", "", "", "Website"],
    ["N14", "E-SAKIP", "Bagian Organisasi", "", "", "Aplikasi"],
    ["N15", "E-Kinerja", "Badan Kepegawaian Daerah", "", "", "Aplikasi"],
    ["N16", "Aplikasi Antrian Online", "Dinas Kependudukan dan Pencatatan Sipil", "", "", "Aplikasi"],
    ["N17", "Antrean Pasien", "Rumah Sakit Umum Daerah", "", "", "Aplikasi"],
    ["N18", "Aplikasi Pengaduan Masyarakat", "Dinas Perhubungan", "", "", "Aplikasi"],
    ["N19", "bapenda.sukamakmur.go.id", "Badan Pendapatan Daerah", "", "", "Website"],
    ["N20", "bappenda.sukamakmur.go.id", "Badan Pendapatan Daerah", "", "", "Website"],
]


def test_the_lexicon_names_local_functions_by_their_synonyms() -> None:
    tables = shipped_tables()
    assert len(tables.roles) >= 25
    assert all(role.concepts for role in tables.roles)
    normaliser = Normaliser(tables)
    presensi = [role_of(normaliser.name(n).weights, tables) for n in ("E-Absen", "Kehadiran Pegawai", "e-Presensi")]
    assert {r.id if r else None for r in presensi} == {"presensi"}
    found = role_of(normaliser.name("Sistem Akuntabilitas Kinerja Instansi Pemerintah").weights, tables)
    assert found is not None and found.id == "sakip"
    aid = role_of(normaliser.name("Monitoring Bantuan Sosial").weights, tables)
    assert aid is None or aid.id != "helpdesk"  # bantuan sosial is aid, not a helpdesk
    weak = role_of(normaliser.name("Dashboard Eksekutif").weights, tables)
    assert weak is not None and not weak.strong


@pytest.mark.parametrize(("name", "ppid"), [
    ("Layanan Permintaan Informasi Publik", True),
    ("Pejabat Pengelola Informasi dan Dokumentasi", True),
    ("Website Resmi sebagai Sarana Informasi Publik dan Transparansi", False),
    ("Media Penyebaran Informasi Publik Pemerintah Provinsi", False),
    ("Website untuk Publikasi Informasi Publik Biro Hukum", False),
])
def test_public_information_is_the_ppid_service_only_when_it_serves_requests(name: str, ppid: bool) -> None:
    # a site "as a means of public information" publishes, as every OPD's site does (Bali: such
    # descriptions paired the sites of BPKAD and Biro Hukum as two PPID services)
    tables = shipped_tables()
    normaliser = Normaliser(tables)
    name_read = normaliser.name(name)
    role = role_of(name_read.weights, tables, name_read.tokens)
    assert (role is not None and role.id == "ppid") is ppid


def test_a_phrase_is_read_with_or_without_the_conjunctions_written_in_it() -> None:
    # a workspace's own synonym may hold "dan" itself; a shipped one is matched across a "dan" or "serta"
    normaliser = Normaliser(build_tables(extra_synonyms={"pendapatan": ["pajak dan retribusi"]}))
    assert dict(normaliser.name("Aplikasi Pajak dan Retribusi Daerah").weights).get("pendapatan") == 1.0
    assert "informasi publik" in normaliser.name("Pejabat Pengelola Informasi serta Dokumentasi").weights
    assert "pendapatan" not in normaliser.name("Pajak Retribusi").weights


def test_names_alone_pair_one_function_across_opds(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, NAMES_ONLY)
    pairs = row_pairs(workspace)
    for first, second in (("N01", "N02"), ("N01", "N03"), ("N02", "N03"), ("N04", "N05"), ("N06", "N07")):
        assert pairs.get(frozenset((first, second))) == "functional", (first, second)


def test_names_alone_keep_apart_what_only_shares_a_word(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, NAMES_ONLY)
    pairs = row_pairs(workspace)
    # a counter's queue (Dukcapil) and a hospital's patients' queue are two jobs
    for first, second in (("N08", "N09"), ("N08", "N18"), ("N10", "N11"), ("N12", "N13"), ("N14", "N15"),
                          ("N16", "N17")):
        assert frozenset((first, second)) not in pairs, (first, second)


def test_one_opds_mistyped_names_are_one_system(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, NAMES_ONLY)
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("N19", "N20"))) == "same_system"
    assert misspelt("bapenda", "bappenda") and not misspelt("sipp2", "sipp3") and not misspelt("siks", "sikn")


def test_the_shared_function_is_evidence_in_both_languages(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, NAMES_ONLY)
    rows = app_rows(workspace)
    english = find_duplicates(workspace)
    survey = next(p for p in english.pairs if {rows[p.a], rows[p.b]} == {"N06", "N07"})
    assert any("public satisfaction survey" in e for e in survey.evidence)
    result = CliRunner().invoke(app, ["duplicates", str(tmp_path / "ws"), "--lang", "id"])
    assert result.exit_code == 0, result.output  # findings of duplicates are advice, not errors
    assert "survei kepuasan masyarakat, yang sering dibangun sendiri" in result.output


def test_a_workspace_table_addition_keeps_the_local_functions() -> None:
    tables = build_tables(extra_aliases={"siabsen": "presensi"})
    normaliser = Normaliser(tables)
    found = role_of(normaliser.name("SIABSEN").weights, tables)
    assert found is not None and found.id == "presensi"


def test_a_workspace_adds_its_own_local_function_in_the_manifest(tmp_path: Path) -> None:
    rows = [["M01", "Aplikasi Apel Pagi", "Dinas Pendidikan", "", "", "Aplikasi"],
            ["M02", "Sistem Apel Pagi Pegawai", "Dinas Kesehatan", "", "", "Aplikasi"]]
    workspace = import_rows(tmp_path, rows)
    manifest = tmp_path / "ws" / "spbe.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "duplicates:\n  functions:\n"
                        "    - {id: apel, function: apel pagi, en: morning roll call, concepts: [[apel]]}\n",
                        encoding="utf-8")
    workspace, _ = open_workspace(tmp_path / "ws")
    report = find_duplicates(workspace)
    assert any("morning roll call" in e for p in report.pairs for e in p.evidence)


@pytest.mark.parametrize("institution", [False, True])
def test_a_manifest_function_may_be_an_institution_whose_sites_are_its_own(tmp_path: Path, institution: bool) -> None:
    rows = [["K01", "Website Klinik Pratama", "Dinas Kesehatan", "", "", ""],
            ["K02", "Website Klinik Utama", "Dinas Sosial", "", "", ""]]
    workspace = import_rows(tmp_path, rows)
    manifest = tmp_path / "ws" / "spbe.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "duplicates:\n  functions:\n"
                        "    - {id: klinik, function: klinik, concepts: [[klinik]], institution: "
                        f"{str(institution).lower()}}}\n", encoding="utf-8")
    workspace, _ = open_workspace(tmp_path / "ws")
    # a clinic's function named by two sites: one job twice, unless the function is what an institution is
    assert bool(row_pairs(workspace)) is not institution


def test_a_name_that_says_website_is_a_website_without_a_category(tmp_path: Path) -> None:
    rows = [["W01", "Website PPID Dinas Kesehatan", "Dinas Kesehatan", "", "", ""],
            ["W02", "Aplikasi PPID", "Dinas Pendidikan", "", "", ""],
            ["W03", "Situs Resmi Dinas Sosial", "Dinas Sosial", "", "", ""],
            ["W04", "Situs Resmi Dinas Pertanian", "Dinas Pertanian", "", "", ""],
            ["W05", "Situs Puskesmas Takeran", "Puskesmas Takeran", "", "", ""],
            ["W06", "Website Puskesmas Kawedanan", "Puskesmas Kawedanan", "", "", ""],
            ["W07", "Aplikasi Sistem Informasi Puskesmas", "Dinas Kesehatan", "", "", ""]]
    workspace = import_rows(tmp_path, rows)
    websites = {row for row, f in features_by_row(workspace).items() if f.website}
    assert websites == {"W01", "W03", "W04", "W05", "W06"}
    pairs = row_pairs(workspace)
    # the PPID's website is where that function lives: one job done twice, with the other OPD's application
    assert pairs.get(frozenset(("W01", "W02"))) == "functional"
    # an OPD's own site, and the site of an institution named by what it is, stay their own
    assert frozenset(("W03", "W04")) not in pairs
    assert not {frozenset((a, b)) for a in ("W05", "W06", "W07") for b in ("W05", "W06", "W07") if a < b} & pairs.keys()


def test_a_kelurahan_service_is_the_kecamatan_service_s_job(tmp_path: Path) -> None:
    """The letters a kelurahan issues online (surat pengantar, keterangan) are the job PATEN does at the
    kecamatan: writers group them. "Kelurahan" alone names an institution, never a job (its site)."""
    rows = [
        ["K01", "SIPELIK (Sistem Informasi Pelayanan Kelurahan)", "Kelurahan Karang Anyar", "", "", "Aplikasi"],
        ["K02", "PATEN Online", "Kecamatan Sumberejo", "", "", "Aplikasi"],
        ["K03", "SIPELIK", "Kecamatan Karanganyar", "", "", "Aplikasi"],
        ["K04", "Website Kelurahan Sidomulyo", "Kelurahan Sidomulyo", "", "", "Website"],
        ["K05", "Website Kelurahan Karang Anyar", "Kelurahan Karang Anyar", "", "", "Website"],
        *NAMES_ONLY,
    ]
    workspace = import_rows(tmp_path, rows)
    roles = {row: f.role.id if f.role else None for row, f in features_by_row(workspace).items()}
    assert roles["K01"] == roles["K02"] == "pelayanan-kecamatan"
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("K01", "K02"))) == "functional"
    # the brand written alone beside the name that spells out what it stands for: one brand, not a
    # brand shared by two systems of which only one says its job
    assert frozenset(("K01", "K03")) in pairs
    assert frozenset(("K04", "K05")) not in pairs


def test_a_cover_letter_for_a_resident_is_not_the_pemda_s_correspondence(tmp_path: Path) -> None:
    """A surat pengantar or a surat keterangan is a paper a resident takes away, not a letter between
    offices: its application is no copy of SRIKANDI and no twin of an office's letter register."""
    rows = [
        ["L01", "e-Surat Pengantar Sukaramai", "Kelurahan Sukaramai", "", "", "Aplikasi"],
        ["L02", "Aplikasi Surat Keterangan Online", "Kecamatan Sumberejo", "", "", "Aplikasi"],
        ["L03", "Surat Masuk Keluar Kecamatan", "Kecamatan Sungai Lerang", "", "", "Aplikasi"],
        ["L04", "E-Office Persuratan", "Bagian Umum", "", "", "Aplikasi"],
        *NAMES_ONLY,
    ]
    workspace = import_rows(tmp_path, rows)
    features = features_by_row(workspace)
    assert features["L03"].function is not None and features["L03"].function.id == "persuratan"
    assert features["L01"].function is None and features["L02"].function is None
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("L03", "L04"))) == "functional"
    assert not {frozenset((a, b)) for a in ("L01", "L02") for b in ("L03", "L04")} & pairs.keys()


def test_a_word_that_marks_another_function_sets_a_name_apart(tmp_path: Path) -> None:
    """SIPADES (Sistem Pengelolaan Aset Desa) holds SIMDA BMD's word `aset`, and `desa` makes it the
    village's assets, not the Pemda's: the word that keeps it from the asset function also keeps it from
    the Pemda's asset systems, and the evidence says so in both languages."""
    from spbe_arch.duplicates.features import build_features
    from spbe_arch.duplicates.messages import Messages
    from spbe_arch.duplicates.scoring import Scorer, set_apart

    rows = [
        ["A01", "SIMDA BMD (Barang Milik Daerah)", "BPKAD", "", "", "Aplikasi"],
        ["A02", "SIPADES (Sistem Pengelolaan Aset Desa)", "Dinas Pemberdayaan Masyarakat dan Desa", "", "", "Aplikasi"],
        ["A03", "Sistem Informasi Manajemen Aset Daerah", "Dinas Pendidikan", "", "", "Aplikasi"],
        ["A04", "Izin Riset Online", "Bapperida", "", "", "Aplikasi"],
        ["A05", "Surat Izin Rekomendasi Penelitian", "Badan Kesatuan Bangsa dan Politik", "", "", "Aplikasi"],
        *NAMES_ONLY,
    ]
    workspace = import_rows(tmp_path, rows)
    by_row = features_by_row(workspace)
    assert set_apart(by_row["A01"], by_row["A02"]) == "desa"
    assert set_apart(by_row["A01"], by_row["A03"]) is None  # the same function: nothing sets it apart
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("A01", "A03"))) == "functional"
    assert not {frozenset(("A01", "A02")), frozenset(("A02", "A03"))} & pairs.keys()
    # riset is penelitian: a research permit, both times, and not a business licence
    assert by_row["A04"].role is None and by_row["A05"].role is None
    assert set_apart(by_row["A04"], by_row["A05"]) is None and set_apart(by_row["A05"], by_row["A04"]) is None
    features = build_features(workspace)
    for language, said in (("id", 'memuat kata "desa"'), ("en", 'says "desa"')):
        messages = Messages(workspace, language)
        messages.surface, messages.written = features.normaliser.surface, features.normaliser.written
        scorer = Scorer(features, messages, messages.ref)
        _, found = scorer.measure(by_row["A01"], by_row["A02"])
        assert any(said in line for line in scorer.explain(by_row["A01"], by_row["A02"], found))


def test_a_central_application_a_kelurahan_and_a_kecamatan_both_list_is_one(tmp_path: Path) -> None:
    """Prodeskel (the ministry's village and kelurahan profiles), listed as a central application by a
    kecamatan and by a kelurahan: one national application. A name a village owns is a village's name
    only beside an application of the Pemda's own."""
    rows = [
        ["P01", "Prodeskel", "Kecamatan Pesisir Tirta", "", "Aktif", "Aplikasi Umum"],
        ["P02", "Aplikasi Prodeskel", "Kelurahan Ombak Biru", "", "Aktif", "Aplikasi Umum"],
        *NAMES_ONLY,
    ]
    workspace = import_rows(tmp_path, rows, header=["id", "name", "owner_opd", "description", "status", "category"])
    features = features_by_row(workspace)
    assert features["P01"].is_national and features["P02"].is_national and features["P02"].village
    assert row_pairs(workspace).get(frozenset(("P01", "P02"))) == "same_system"


def test_the_single_emergency_number_is_the_emergency_service(tmp_path: Path) -> None:
    """NTPD 112 (Nomor Tunggal Panggilan Darurat) of one OPD and the emergency call service of another:
    one job, the emergency number."""
    rows = [
        ["D01", "NTPD 112", "Badan Penanggulangan Bencana Daerah", "", "", "Aplikasi"],
        ["D02", "Layanan Panggilan Darurat 112", "Dinas Komunikasi dan Informatika", "", "", "Aplikasi"],
        *NAMES_ONLY,
    ]
    workspace = import_rows(tmp_path, rows)
    roles = {row: f.role.id if f.role else None for row, f in features_by_row(workspace).items()}
    assert roles["D01"] == roles["D02"] == "gawat-darurat"
    assert frozenset(("D01", "D02")) in row_pairs(workspace)
