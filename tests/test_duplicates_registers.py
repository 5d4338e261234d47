"""Inventories kept as registers (an information-asset register, a Diskominfo project list): every row's
description opens with one form ("Operasional dan Manajemen Data/Konten ..."), carries the address,
and names are tagged with the unit that runs them ("Sidokar [SIMRS]"). The form, the address and the
tag say nothing of what an application does. Shapes taken from a real provincial register."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.duplicates.features import national_readings
from spbe_arch.duplicates.systems import is_generic, without_addresses, without_tags
from tests.inventory_factory import app_rows, features_by_row, import_rows, row_pairs

FORM = "Operasional dan Manajemen Data/Konten"
# other rows of the register, each its own: the form and the address are rare among them
OTHERS = [[f"O{i:02d}", name, owner, description, "", ""] for i, (name, owner, description) in enumerate([
    ("Sipandu", "Badan Kesatuan Bangsa dan Politik", "Pendataan organisasi kemasyarakatan"),
    ("Simpatik", "Dinas Pendidikan", "Pendataan guru honorer sekolah menengah"),
    ("Sibaru", "Dinas Perhubungan", "Jadwal kapal penyeberangan antar pulau"),
    ("Silaras", "Dinas Lingkungan Hidup", "Pemantauan kualitas udara kota"),
    ("Simantap", "Dinas Pertanian", "Kalender tanam padi petani"),
    ("Sitepat", "Dinas Sosial", "Penyaluran bantuan sosial lansia"),
    ("Sidamar", "Dinas Kelautan dan Perikanan", "Pendataan nelayan dan kapal ikan"),
    ("Sikerja", "Dinas Ketenagakerjaan", "Bursa kerja dan pencari kerja"),
    ("Sibudaya", "Dinas Kebudayaan", "Cagar budaya dan museum daerah"),
    ("Siolah", "Dinas Kepemudaan dan Olahraga", "Pendaftaran atlet daerah"),
    ("Siwisata", "Dinas Pariwisata", "Daya tarik wisata dan desa wisata"),
    ("Sipantau", "Inspektorat Daerah", "Tindak lanjut hasil pemeriksaan"),
])]


def test_a_unit_tag_in_square_brackets_is_not_the_name() -> None:
    assert without_tags("Sidokar [SIMRS]") == "Sidokar"
    assert without_tags("Website PPID Provinsi [IKP] Baru") == "Website PPID Provinsi Baru"
    assert without_tags("[SIMRS]") == "[SIMRS]"  # a tag that is all there is stays
    assert without_tags("SIMRS (Sistem Informasi Manajemen Rumah Sakit)") == \
        "SIMRS (Sistem Informasi Manajemen Rumah Sakit)"  # round brackets spell the name out


def test_tagged_rows_of_one_system_meet_and_a_tag_is_not_their_function(tmp_path: Path) -> None:
    rows = [["T01", "Sidokar [SIMRS]", "Rumah Sakit Mata", "Aplikasi dokumen akreditasi rumah sakit", "", ""],
            ["T02", "SIDOKAR [Datin]", "Rumah Sakit Jiwa", "Manajemen dokumen akreditasi rumah sakit", "", ""],
            ["T03", "E-Perpus [SIMRS]", "Rumah Sakit Umum Daerah", "Aplikasi perpustakaan digital rumah sakit", "", ""],
            ["T04", "SIMRS Mandara [SIMRS]", "Rumah Sakit Umum Daerah", "Sistem Informasi Manajemen Rumah Sakit",
             "", ""]]
    workspace = import_rows(tmp_path, rows)
    pairs = row_pairs(workspace, merged=True)
    # one name written by two hospitals, tagged by two units: one system
    assert pairs.get(frozenset(("T01", "T02"))) == "same_system"
    # the library of a hospital is a library, not the hospital's management system
    assert frozenset(("T03", "T04")) not in pairs
    roles = {row: f.role.id if f.role else None for row, f in features_by_row(workspace).items()}
    assert roles["T03"] != "simrs"


def test_a_form_that_opens_every_description_is_no_evidence(tmp_path: Path) -> None:
    rows = [["F01", "Aplikasi SIKALIMA", "Biro Perekonomian", f"{FORM} Aplikasi SIKALIMA", "", ""],
            ["F02", "Aplikasi Antrean Puskesmas", "Dinas Kesehatan", f"{FORM} Aplikasi Antrean Puskesmas", "", ""],
            ["F03", "Layanan Sisnaker", "Dinas Ketenagakerjaan", f"{FORM} Layanan Sisnaker", "", ""],
            ["F04", "Portal Berita Daerah", "Dinas Komunikasi dan Informatika", f"{FORM} Portal Berita", "", ""]]
    workspace = import_rows(tmp_path, rows + OTHERS)
    assert row_pairs(workspace) == {}


def test_the_address_in_a_description_is_no_evidence_of_what_it_does(tmp_path: Path) -> None:
    assert without_addresses("Data aset (https://aset.sukamakmur.go.id/) dan www.x.go.id").split() == \
        ["Data", "aset", "(", ")", "dan"]
    rows = [["A01", "SIKALIMA", "Biro Perekonomian", "Aplikasi pangan https://sikalima.sukamakmur.go.id/", "", ""],
            ["A02", "SEWAKU", "Badan Keuangan Daerah", "Aplikasi gedung https://sewaku.sukamakmur.go.id/", "", ""],
            ["A03", "Website Badan Keuangan", "Badan Keuangan Daerah", "Informasi publik https://bkd.sukamakmur.go.id/",
             "", ""]]
    workspace = import_rows(tmp_path, rows + OTHERS)
    assert row_pairs(workspace) == {}


def test_a_site_named_only_by_its_owner_is_its_own_site(tmp_path: Path) -> None:
    assert is_generic("Website OPD") and is_generic("Website OPD [Sekretariat]") and not is_generic("Sapamakmur")
    rows = [["S01", "Website OPD", "Dinas Pertanian", "Website resmi Dinas Pertanian", "", ""],
            ["S02", "Website OPD", "Dinas Perikanan", "Website resmi Dinas Perikanan", "", ""],
            ["S03", "Website Dinas Pariwisata", "Dinas Pariwisata", "Website Dinas Pariwisata", "", ""],
            ["S04", "Aplikasi Pungutan Wisatawan", "Dinas Pariwisata", "Pungutan bagi wisatawan asing", "", ""],
            ["S05", "Web-Site Informasi Dinas Adat", "Dinas Adat", "Informasi Dinas Adat", "", ""],
            ["S06", "Web-Site Keuangan Desa Adat", "Dinas Adat", "Sistem Informasi Keuangan Desa Adat", "", ""]]
    workspace = import_rows(tmp_path, rows)
    rows_of = app_rows(workspace)
    assert sorted(rows_of.values()) == ["S01", "S02", "S03", "S04", "S05", "S06"]  # two OPDs' sites: two rows
    features = features_by_row(workspace)
    assert features["S03"].own_site and not features["S03"].functional_site
    assert features["S05"].website and features["S05"].brand is None  # "site" of Web-Site names no system
    pairs = row_pairs(workspace)
    assert not pairs, pairs


def test_one_word_of_two_jobs_is_not_one_system(tmp_path: Path) -> None:
    rows = [["M01", "Made in Sukamakmur", "Dinas Koperasi", "Media katalog digital UMKM", "", ""],
            ["M02", "Made in Sukamakmur Mobile", "Dinas Koperasi", "Katalog digital UMKM di ponsel", "", ""],
            ["M03", "SI-MADE", "Dinas Pendidikan", "Sistem Informasi Manajemen Aset Daerah", "", ""]]
    workspace = import_rows(tmp_path, rows)
    pairs = row_pairs(workspace, merged=True)
    assert pairs.get(frozenset(("M01", "M02"))) == "same_system"  # a catalogue and its mobile client
    assert frozenset(("M02", "M03")) not in pairs and frozenset(("M01", "M03")) not in pairs


def test_medical_records_cyber_incidents_and_information_assets(tmp_path: Path) -> None:
    rows = [["L01", "EMR (Electronic Medical Record)", "Rumah Sakit Umum Daerah", "Rekam medis elektronik", "", ""],
            ["L02", "Aduan CSIRT", "Dinas Komunikasi dan Informatika", "Tiket aduan insiden siber", "", ""],
            ["L03", "PERISAI", "Dinas Komunikasi dan Informatika", "Pengelolaan risiko aset informasi", "", ""],
            ["L04", "Whistleblowing System (WBS)", "Inspektorat Daerah", "Pelaporan pelanggaran pegawai", "", ""],
            ["L05", "Sistem Informasi Keuangan Desa Adat", "Dinas Pemajuan Masyarakat Adat", "", "", ""],
            ["L06", "Aplikasi Keuangan Desa", "Dinas Pemberdayaan Masyarakat dan Desa", "", "", ""]]
    workspace = import_rows(tmp_path, rows)
    features = features_by_row(workspace)
    # an electronic medical record is the hospital's, not an archive (it was read as SRIKANDI's job)
    assert features["L01"].role is not None and features["L01"].role.id == "simrs"
    assert features["L01"].function is None
    # a cyber incident report is not a public-service complaint; the risk of information assets is not BMD
    national = {app.properties["source_ids"]: function for app, function, _, _ in national_readings(workspace)}
    assert national["L02"] is None
    # a report of an official's misconduct goes to the inspectorate; a desa adat keeps its own finances
    assert national["L04"] is None and national["L05"] is None
    assert national["L06"] is not None and national["L06"].national == "Siskeudes"
    assert features["L03"].role is None or features["L03"].role.id != "aset"


def test_two_words_of_one_function_pair_where_names_are_all_there_is(tmp_path: Path) -> None:
    rows = [["R01", "SIMRS Mandara", "Rumah Sakit Umum Daerah", "", "", ""],
            ["R02", "EMR (Electronic Medical Record)", "Rumah Sakit Jiwa", "", "", ""]]
    workspace = import_rows(tmp_path, rows)
    # the hospital system of one hospital and the medical record of another: one function, two words of it
    assert row_pairs(workspace) == {frozenset(("R01", "R02")): "functional"}


def test_a_family_name_is_read_in_its_description_whole_phrases_first(tmp_path: Path) -> None:
    rows = [["B01", "SIMDA", "Badan Keuangan Daerah",
             "Aplikasi SIMDA merupakan program aplikasi yang pada dasarnya digunakan untuk melakukan proses "
             "penatausahaan Barang Milik Daerah (BMD) secara otomatis", "", ""],
            ["B02", "E-BMD", "Badan Keuangan Daerah", "Penatausahaan Barang Milik Daerah", "", ""]]
    workspace = import_rows(tmp_path, rows)
    readings = {app.properties["source_ids"]: function for app, function, _, _ in national_readings(workspace)}
    # SIMDA is a family: this one keeps the assets (BMD), not the accounts that SIPD keeps
    assert readings["B01"] is None
    roles = {row: f.role.id if f.role else None for row, f in features_by_row(workspace).items()}
    assert roles["B01"] == roles["B02"] == "aset"


def test_an_official_site_is_its_owner_s_and_a_form_in_names_says_nothing(tmp_path: Path) -> None:
    rows = [["W01", "Website resmi yang berfungsi sebagai media informasi publik Dinas Perhubungan",
             "Dinas Perhubungan", "", "", ""],
            ["W02", "Website resmi yang berfungsi sebagai media informasi publik Biro Hukum", "Biro Hukum", "", "", ""],
            ["W03", "Layanan Permintaan Informasi Publik", "Dinas Komunikasi dan Informatika", "", "", ""],
            ["W04", "Web OPD Desa Sukamaju", "Desa Sukamaju", "", "", ""],
            *[[f"N{i}", f"{FORM} {name}", owner, "", "", ""] for i, (name, owner) in enumerate([
                ("Aplikasi SIKALIMA", "Biro Perekonomian"), ("Aplikasi Antrean Puskesmas", "Dinas Kesehatan"),
                ("Layanan Sisnaker", "Dinas Ketenagakerjaan"), ("Portal Berita", "Dinas Komunikasi dan Informatika")])]]
    workspace = import_rows(tmp_path, rows + OTHERS)
    features = features_by_row(workspace)
    # an official site publishes public information; it is its OPD's site, not a PPID application
    assert features["W01"].own_site and features["W02"].own_site
    assert features["W04"].website
    pairs = row_pairs(workspace)
    assert not {p for p in pairs if p & {"W01", "W02"}}
    assert not {p for p in pairs if len(p & {"N0", "N1", "N2", "N3"}) == 2}


def test_the_pemda_s_name_and_its_sites_in_a_catalogue_say_nothing(tmp_path: Path) -> None:
    rows = [*[[f"K{i:02d}", f"Web SKPD {opd} Kab. Konawe Selatan", opd,
               "Aplikasi Berbasis Website yang dikembangkan oleh Dinas Komunikasi dan Informatika", "", ""]
              for i, opd in enumerate(["Dinas Sosial", "Dinas Kesehatan", "Badan Keuangan dan Aset Daerah",
                                       "Dinas Perhubungan"])],
            ["K10", "Official Website Konsel", "Dinas Komunikasi dan Informatika",
             "Website Resmi Kabupaten Konawe Selatan, portal berita dan informasi resmi pemerintah", "", ""],
            ["K11", "SAPA Kab. Konawe Selatan", "Dinas Komunikasi dan Informatika", "Aplikasi layanan aspirasi", "",
             ""],
            ["K12", "Statistik Dinkes", "Dinas Kesehatan", "Data statistik kesehatan", "", ""],
            ["K13", "Statistik Dinsos", "Dinas Sosial", "Data statistik sosial", "", ""]]
    workspace = import_rows(tmp_path, rows + OTHERS)
    features = features_by_row(workspace)
    assert all(features[f"K0{i}"].website for i in range(4)) and features["K10"].own_site
    assert "selatan" not in features["K11"].name  # Konawe Selatan: the place with its direction
    pairs = row_pairs(workspace)
    # the OPDs' sites, the Pemda's portal and the rest are not one job; two OPDs' statistics are
    assert pairs == {frozenset(("K12", "K13")): "functional"}


def test_a_description_that_spells_the_acronym_out_says_the_job(tmp_path: Path) -> None:
    """"SIAP RSUD", described "Sistem Informasi Absensi Pegawai ...": the acronym stands for staff
    attendance, and the hospital beside it says whose attendance it is, not that it manages the hospital.
    A description that does not spell the acronym out leaves the name to say the job."""
    rows = [
        ["S01", "SIAP RSUD", "Rumah Sakit Umum Daerah",
         "Sistem Informasi Absensi Pegawai BLUD RSUD. Presensi tenaga kontrak berbasis shift jaga.", "", ""],
        ["S02", "E-Presensi", "Badan Kepegawaian Daerah", "Absen masuk dan pulang pegawai dengan swafoto.", "", ""],
        ["S03", "SIMRS", "Rumah Sakit Umum Daerah", "Pelayanan pasien, rekam medis dan billing rumah sakit", "", ""],
        ["S04", "SIGAP RSUD", "Rumah Sakit Umum Daerah",
         "Aplikasi untuk jadwal jaga perawat dan dokter di bangsal.", "", ""],
        *OTHERS,
    ]
    workspace = import_rows(tmp_path, rows)
    roles = {row: f.role.id if f.role else None for row, f in features_by_row(workspace).items()}
    assert roles["S01"] == "presensi"
    assert roles["S04"] != "presensi"
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("S01", "S02"))) == "functional"
    assert frozenset(("S01", "S03")) not in pairs
