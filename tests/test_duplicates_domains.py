"""Registers of a Pemda's web domains: one row per subdomain, named by its address alone, owned by a
kapanewon (the kecamatan of DI Yogyakarta), a veterinary clinic or an agricultural extension office of
that kapanewon. Shapes taken from a real kabupaten's domain register."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_arch.duplicates.features import national_copies
from spbe_arch.duplicates.finder import find_duplicates
from spbe_arch.exchange.naming import organization_kind
from tests.inventory_factory import features_by_row, import_rows, row_pairs


@pytest.mark.parametrize(("name", "kind"), [
    ("Kapanewon Nglipar", "kecamatan"), ("Kemantren Gondokusuman", "kecamatan"), ("Distrik Abepura", "kecamatan"),
    ("Kecamatan Bangil", "kecamatan"), ("Kalurahan Bejiharjo", "kelurahan"), ("Nagari Pariangan", "kelurahan"),
    ("Gampong Lampulo", "kelurahan"), ("Desa Kuwon", "kelurahan"), ("Dinas Perhubungan", "dinas"),
])
def test_a_kecamatan_or_a_village_is_known_by_the_name_its_province_gives_it(name: str, kind: str) -> None:
    assert organization_kind(name) == kind


@pytest.mark.parametrize("name", ["rs idaman", "rsj prof m ilyas", "rsia bunda", "rumah sakit mata bali mandara",
                                  "rsud kota uji"])
def test_a_hospital_is_known_by_its_short_forms(name: str) -> None:
    assert organization_kind(name) == "rsud"
    assert organization_kind("rsvp dinas") != "rsud"  # not any word that opens with the letters


def test_the_place_an_address_names_is_whose_site_it_is_not_a_shared_function(tmp_path: Path) -> None:
    rows = []
    for number, place in enumerate(("nglipar", "wonosari", "panggang"), 1):
        title = place.title()
        rows += [[f"K{number}", f"https://{place}.gunungkidulkab.go.id", f"Kapanewon {title}", "", "", "Kapanewon"],
                 [f"P{number}", f"https://{place}.puskeswan.gunungkidulkab.go.id", f"UPT Puskeswan {title}", "", "",
                  "Puskeswan"],
                 [f"B{number}", f"https://{place}.bpp.gunungkidulkab.go.id", f"BPP {title}", "", "", "BPP"]]
    rows += [["D1", "https://dishub.gunungkidulkab.go.id", "Dinas Perhubungan", "", "", "OPD"],
             ["D2", "https://sikab.gunungkidulkab.go.id", "Dinas Komunikasi dan Informatika", "", "", "Other"],
             ["D3", "https://sikab.gunungkidulkab.go.id", "Dinas Komunikasi dan Informatika", "", "", "Other"],
             ["S1", "https://diskominfo.gunungkidulkab.go.id", "Dinas Komunikasi, Informatika dan Statistik", "", "",
              "OPD"],
             ["S2", "https://statistik.gunungkidulkab.go.id", "Dinas Komunikasi, Informatika dan Statistik", "", "",
              "Other"]]
    workspace = import_rows(tmp_path, rows)
    pairs = row_pairs(workspace, merged=True)
    # the kapanewon's site, its veterinary clinic's and its extension office's: three units of one place
    assert not any(pair & {"K1", "P1", "B1"} for pair in pairs)
    # a word of the owner's name that is one of its jobs (statistik) names that job's application, not a
    # second address of the owner's site
    assert frozenset(("S1", "S2")) not in pairs
    # a row listed twice is still one system
    assert pairs == {frozenset(("D2", "D3")): "same_system"}


def test_an_opd_s_site_named_by_its_short_form_is_no_copy_of_a_national_application(tmp_path: Path) -> None:
    rows = [["A1", "https://dukcapil.gunungkidulkab.go.id", "Dinas Kependudukan dan Pencatatan Sipil", "", "", "OPD"],
            ["A2", "https://kesbangpol.gunungkidulkab.go.id", "Badan Kesatuan Bangsa dan Politik", "", "", "OPD"],
            ["A3", "https://dishub.gunungkidulkab.go.id", "Dinas Perhubungan", "", "", "OPD"]]
    workspace = import_rows(tmp_path, rows)
    # the Dukcapil's site is the office's site, not a copy of SIAK to be moved to it
    assert find_duplicates(workspace, language="id").groups == []
    sites = {row: f.owner_site for row, f in features_by_row(workspace).items()}
    assert sites == {"A1": True, "A2": True, "A3": True}
    # rule AP015 and the Indeks evidence read it as the finder does
    assert national_copies(workspace) == []


def test_rule_ap015_reads_an_office_s_portal_as_the_office_s_site(tmp_path: Path) -> None:
    rows = [["B1", "Portal BKPSDM", "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "", ""],
            ["B2", "SIMPEG Daerah", "BKPSDM", "Sistem Informasi Kepegawaian", "", ""]]
    workspace = import_rows(tmp_path, rows)
    assert [app.name for app, _, _ in national_copies(workspace)] == ["SIMPEG Daerah"]


def test_an_application_at_a_named_path_of_an_office_s_host_is_not_the_office_s_site(tmp_path: Path) -> None:
    rows = [["H1", "Portal Diskominfo", "Dinas Komunikasi dan Informatika",
             "Portal Dinas Komunikasi dan Informatika (https://diskominfo.sukabumikota.go.id/)", "", ""],
            ["H2", "Silantik", "Dinas Komunikasi dan Informatika",
             "Sistem Layanan TIK (https://diskominfo.sukabumikota.go.id/silantik/public/)", "", ""],
            ["H3", "Buku Tamu", "Dinas Komunikasi dan Informatika",
             "Reservasi kunjungan tamu (https://bukutamu.sukabumikota.go.id/booking)", "", ""],
            ["H4", "Hasil Survei Buku Tamu", "Dinas Komunikasi dan Informatika",
             "Hasil survei kepuasan pengunjung (https://bukutamu.sukabumikota.go.id/hasil_survey)", "", ""],
            ["H5", "SIMPEG", "Badan Kepegawaian Daerah", "Data pegawai (https://simpeg.sukabumikota.go.id/)", "", ""],
            ["H6", "SIMPEG Login", "Badan Kepegawaian Daerah", "Masuk (https://simpeg.sukabumikota.go.id/login)", "",
             ""]]
    pairs = row_pairs(import_rows(tmp_path, rows), merged=True)
    assert frozenset(("H1", "H2")) not in pairs  # the office's site and an application under it
    assert pairs.get(frozenset(("H3", "H4"))) == "same_system"  # two pages of one application's host
    assert pairs.get(frozenset(("H5", "H6"))) == "same_system"  # its root and its login page


def test_institutions_listed_by_name_are_their_own_pages_not_one_job_done_many_times(tmp_path: Path) -> None:
    rows = [["K1", "Kantor Kecamatan Cikole", "Kecamatan Cikole", "Website kecamatan", "", ""],
            ["P1", "Puskesmas Baros", "Dinas Kesehatan", "Portal Puskesmas Baros", "", ""],
            ["P2", "Puskesmas Benteng", "Dinas Kesehatan", "Portal Puskesmas Benteng", "", ""],
            ["P3", "Puskesmas Cikole", "Dinas Kesehatan", "Profil Puskesmas Cikole", "", ""],
            ["P4", "UPT Puskesmas Cipelang", "Dinas Kesehatan", "Profil Puskesmas Cipelang", "", ""],
            ["P5", "Profil Puskesmas Sukakarya", "Dinas Kesehatan", "", "", ""],
            ["S1", "Sistem Informasi Puskesmas", "Dinas Kesehatan", "Rekam medis pasien puskesmas", "", ""],
            ["S2", "e-Puskesmas", "Badan Perencanaan Pembangunan Daerah", "Pelayanan pasien puskesmas", "", ""],
            ["B1", "Portal BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
             "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "", ""],
            ["B2", "SIMPEG", "Dinas Pendidikan", "Sistem Informasi Kepegawaian", "", ""],
            ["B3", "Badan Kepegawaian Daerah (https://bkd.sukabumikota.go.id)", "Badan Kepegawaian Daerah",
             "Profil dan berita kepegawaian", "", ""]]
    pairs = row_pairs(import_rows(tmp_path, rows), merged=True)
    assert not any(pair & {"P1", "P2", "P3", "P4", "P5"} for pair in pairs)
    assert pairs.get(frozenset(("S1", "S2"))) == "functional"  # two applications of puskesmas still pair
    # an office's portal, or a row named by its owner, is the office's site, not a personnel system
    assert frozenset(("B1", "B2")) not in pairs and frozenset(("B2", "B3")) not in pairs
