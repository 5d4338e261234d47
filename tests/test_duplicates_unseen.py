"""Duplicates on inventories the finder was not tuned on (fourth round): addresses written in the
description, an OPD's application beside the site named after it, portals shared by several
applications, the SIMDA family, SIPD's planning and budgeting, a national function that holds a local
one whole, names that say nothing beside a description as short as a title, and the wider lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_arch.duplicates import find_duplicates
from spbe_arch.duplicates.features import build_features, national_copies
from spbe_arch.duplicates.national import function_of, role_of
from spbe_arch.duplicates.normalize import Normaliser
from spbe_arch.duplicates.tables import shipped_tables
from tests.inventory_factory import import_rows, row_pairs

ADDRESSES = [
    ["R01", "JDIH", "Bagian Hukum", "Peraturan daerah dan peraturan bupati (jdih.sukamakmur.go.id)", "Aktif",
     "Aplikasi"],
    ["R02", "jdih.sukamakmur.go.id", "Bagian Hukum", "", "", "Website"],
    ["R03", "e-Arsip", "Dinas Arsip", "Arsip dinamis (arsip.sukamakmur.go.id)", "Aktif", "Aplikasi"],
    ["R04", "Si Kopi", "Dinas Koperasi", "Data koperasi (diskop.sukamakmur.go.id/sikopi)", "Aktif", "Aplikasi"],
    ["R05", "Galeri UMKM", "Dinas Koperasi", "Katalog produk (diskop.sukamakmur.go.id/galeri)", "Aktif",
     "Aplikasi"],
    ["R06", "Info Loker", "Dinas Koperasi", "Lowongan kerja (diskop.sukamakmur.go.id/loker)", "Aktif", "Aplikasi"],
    ["R07", "diskop.sukamakmur.go.id", "Dinas Koperasi", "", "", "Website"],
    ["R08", "Lapor Jalan", "Dinas Pekerjaan Umum",
     "Laporan jalan rusak (play.google.com/store/apps/details?id=id.go.sukamakmur.jalan)", "Aktif", "Aplikasi"],
    ["R10", "e-Budget", "Badan Keuangan Daerah", "Penganggaran, terintegrasi dengan sipd.kemendagri.go.id", "Aktif",
     "Aplikasi"],
    ["R09", "Wisata Sukamakmur", "Dinas Pariwisata",
     "Destinasi wisata (play.google.com/store/apps/details?id=id.go.sukamakmur.wisata)", "Aktif", "Aplikasi"],
]


def test_an_address_in_the_description_and_the_site_named_after_an_application(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, ADDRESSES)
    features = {f.app.name: f for f in build_features(workspace).apps}
    assert features["JDIH"].host == ("jdih.sukamakmur.go.id", "")  # the address written in the description
    assert features["Si Kopi"].host == ("diskop.sukamakmur.go.id", "sikopi")
    assert features["e-Budget"].host is None  # the address of the system it integrates with
    pairs = row_pairs(workspace, merged=True)
    assert pairs.get(frozenset(("R01", "R02"))) == "same_system"
    # a portal's root is the OPD's site, not each application at one of its paths
    for app_row in ("R04", "R05", "R06"):
        assert frozenset((app_row, "R07")) not in pairs
    assert frozenset(("R04", "R05")) not in pairs and frozenset(("R05", "R06")) not in pairs
    # two apps of one store are two apps: the package id names each
    assert features["Lapor Jalan"].host != features["Wisata Sukamakmur"].host
    assert frozenset(("R08", "R09")) not in pairs


def test_two_store_apps_in_the_address_column_stay_two_applications_at_import() -> None:
    from spbe_arch.duplicates.systems import address_key

    jalan = address_key("https://play.google.com/store/apps/details?id=id.go.sukamakmur.jalan")
    wisata = address_key("https://play.google.com/store/apps/details?id=id.go.sukamakmur.wisata")
    assert jalan != wisata


def test_an_application_and_its_namesake_site_without_descriptions(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, [
        ["R01", "SIMPEG", "Badan Kepegawaian Daerah", "", "Aktif", "Aplikasi"],
        ["R02", "simpeg.sukamakmur.go.id", "Badan Kepegawaian Daerah", "", "", "Website"],
        ["R03", "dinkes.sukamakmur.go.id", "Dinas Kesehatan", "", "", "Website"],
        ["R04", "SIMPEG", "Dinas Kesehatan", "", "Aktif", "Aplikasi"],
    ])
    pairs = row_pairs(workspace, merged=True)
    assert pairs.get(frozenset(("R01", "R02"))) == "same_system"
    evidence = [e for p in find_duplicates(workspace, language="id").pairs for e in p.evidence]
    assert any("sebagai aplikasi dan sebagai situs web" in e for e in evidence)
    assert frozenset(("R03", "R04")) not in pairs  # an OPD's own site is not its application


@pytest.mark.parametrize(("name", "expected"), [
    ("SIMDA Keuangan", "keuangan-daerah"), ("SIMDA BMD", None), ("SIMDA IP", None), ("E-Budgeting", "keuangan-daerah"),
    ("E-Planning", "perencanaan-daerah"), ("Aplikasi E-Plan", "perencanaan-daerah"), ("e-Budget", "keuangan-daerah"),
    ("IUMK", "perizinan-berusaha"), ("SITU Online", "perizinan-berusaha"),
    ("Aplikasi Pengelola Kinerja Keuangan", None), ("Monitoring Realisasi Keuangan", None),
])
def test_national_functions_of_names(name: str, expected: str | None) -> None:
    tables = shipped_tables()
    found = function_of(Normaliser(tables).name(name).weights, tables)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("SIMDA BMD", "aset"), ("PBB P2", "pbb"), ("E-BPHTB", "bphtb"), ("Info Bapokting", "harga"),
    ("Sistem Informasi Pelayanan Informasi Pasar", "harga"), ("Database UMKM", "umkm"),
    ("Galeri KUMKM", "pemasaran-produk"), ("Sistem Informasi Infrastruktur Pemukiman", "permukiman"),
    ("e-RTLH", "rtlh"), ("Sistem Persediaan", "persediaan"), ("Aplikasi Bank Sampah", "persampahan"),
    ("e-Voting Pilkades", "pemungutan-suara"), ("SIMWAS", "pengawasan-internal"),
    ("Aplikasi Zakat", "zakat"), ("Aplikasi Data Statistik", "satu-data"), ("Sistem Informasi PJU", "penerangan-jalan"),
    ("Si Amin Antar BHK Pendaftaran Badan Hukum Koperasi", "umkm"),
])
def test_local_functions_of_names(name: str, expected: str) -> None:
    tables = shipped_tables()
    normal = Normaliser(tables).name(name)
    found = role_of(normal.weights, tables, normal.tokens)
    assert found is not None and found.id == expected, (name, found)


def test_sipd_planning_and_budgeting_copies(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, [
        ["R01", "SIPD", "Badan Keuangan Daerah", "", "Aktif", "Pusat"],
        ["R02", "E-Planning", "Badan Perencanaan Pembangunan Daerah", "", "Aktif", "Aplikasi"],
        ["R03", "E-Budgeting", "Badan Perencanaan Pembangunan Daerah", "", "Aktif", "Aplikasi"],
        ["R04", "SIMDA Keuangan", "Badan Keuangan Daerah", "", "Aktif", "Aplikasi"],
        ["R05", "SIKN", "Dinas Arsip", "", "Aktif", "Aplikasi"],
        ["R06", "e-Office", "Dinas Komunikasi dan Informatika", "", "Aktif", "Aplikasi"],
    ])
    copies = {app.name: (function.id, national) for app, function, national in national_copies(workspace)}
    sipd = next(a.id for a in workspace.applications if a.name == "SIPD")
    # one row of SIPD serves its planning and its budgeting side
    assert copies["E-Planning"] == ("perencanaan-daerah", sipd)
    assert copies["E-Budgeting"] == ("keuangan-daerah", sipd)
    assert "SIKN" not in copies  # ANRI's national system of static archives, not a copy of SRIKANDI
    pairs = row_pairs(workspace, merged=True)
    assert pairs.get(frozenset(("R03", "R04"))) == "functional"  # two OPDs, both name SIPD's budgeting
    assert frozenset(("R05", "R06")) not in pairs


def test_a_name_that_says_nothing_beside_a_title_like_description(tmp_path: Path) -> None:
    pairs = row_pairs(import_rows(tmp_path, [
        ["R01", "SIMDA BMD", "Badan Keuangan Daerah", "Sistem Informasi Manajemen Aset", "Aktif", "Aplikasi"],
        ["R02", "SILORA", "Kecamatan Tegalsari", "Manajemen Aset", "Aktif", "Aplikasi"],
        ["R03", "SIGANTENG", "Kecamatan Tegalsari", "Pendataan ternak, pemantauan kesehatan hewan, vaksinasi "
         "rabies dan laporan pemotongan hewan di rumah potong", "Aktif", "Aplikasi"],
        ["R04", "IUMK", "Dinas Koperasi", "Manajemen Izin Usaha Mikro dan Kecil", "Aktif", "Aplikasi"],
        ["R05", "Intan", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Perijinan secara online",
         "Aktif", "Aplikasi"],
    ]), merged=True)
    assert pairs.get(frozenset(("R01", "R02"))) == "functional"
    assert pairs.get(frozenset(("R04", "R05"))) == "functional"  # perizinan within perizinan berusaha
    assert frozenset(("R02", "R03")) not in pairs and frozenset(("R01", "R03")) not in pairs


def test_two_taxes_and_two_umkm_jobs_stay_apart(tmp_path: Path) -> None:
    pairs = row_pairs(import_rows(tmp_path, [
        ["R01", "E-PBB", "Badan Pendapatan Daerah", "", "Aktif", "Aplikasi"],
        ["R02", "E-BPHTB", "Badan Pendapatan Daerah", "", "Aktif", "Aplikasi"],
        ["R03", "Database UMKM", "Dinas Koperasi", "", "Aktif", "Aplikasi"],
        ["R04", "Galeri UMKM", "Dinas Perdagangan", "", "Aktif", "Aplikasi"],
        ["R05", "JDIH", "Bagian Hukum", "", "Aktif", "Aplikasi"],
        ["R06", "Pendaftaran Badan Hukum Koperasi", "Dinas Koperasi", "", "Aktif", "Aplikasi"],
    ]), merged=True)
    for pair in (("R01", "R02"), ("R03", "R04"), ("R05", "R06")):
        assert frozenset(pair) not in pairs, pair
