"""Duplicates on a kabupaten's or kota's yearly inventory survey (names as OPDs type them, short and
uneven descriptions, categories and statuses): the form's own wording and the agencies in general are
not what an application does, and the import keeps apart two OPDs' namesakes that describe two jobs."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.workspace import Workspace
from tests.inventory_factory import app_rows, import_rows, row_pairs, write_inventory

FORM = "Sistem informasi untuk mendukung kinerja OPD"


def test_the_forms_wording_on_two_unrelated_names_is_no_evidence(tmp_path: Path) -> None:
    # Kota Tirta Sari (written blind): SIJALI of the public works office and SIPA (tourist accommodation)
    # carried the one sentence the form suggests, and were one job by it (score 0.80)
    workspace = import_rows(tmp_path, [
        ["R1", "SIJALI", "Dinas Pekerjaan Umum dan Penataan Ruang", FORM, "Aktif", "Aplikasi Khusus"],
        ["R2", "SIPA - Sistem Informasi Pendataan Akomodasi", "Dinas Pariwisata", FORM, "Aktif", "Aplikasi Khusus"],
        ["R3", "Aplikasi Antrian Online", "Dinas Kependudukan dan Pencatatan Sipil", "Antrian layanan KTP dan KK",
         "Aktif", "Aplikasi Khusus"],
        ["R4", "Sistem Antrian Pelayanan", "Dinas Penanaman Modal dan PTSP", "Nomor antrian layanan perizinan",
         "Aktif", "Aplikasi Khusus"],
    ])  # (written by three OPDs or more, the sentence is the form's, which an earlier rule reads)
    pairs = row_pairs(workspace)
    assert frozenset({"R1", "R2"}) not in pairs
    assert pairs.get(frozenset({"R3", "R4"})) == "functional"  # what the rows say still counts


def test_the_agencies_in_general_are_no_evidence(tmp_path: Path) -> None:
    # Kabupaten Wengker (written blind): SIPORA, described by the form's sentence, and the complaint
    # application WADUL WENGKER, whose complaints are "diteruskan ke OPD", shared only the word OPD
    workspace = import_rows(tmp_path, [
        ["R1", "SIPORA", "Dinas Pariwisata, Pemuda dan Olahraga", FORM, "Aktif", "Aplikasi Khusus"],
        ["R2", "WADUL WENGKER", "Dinas Komunikasi dan Informatika",
         "Aplikasi pengaduan masyarakat berbasis web, aduan diteruskan ke OPD", "Aktif", "Aplikasi Khusus"],
        ["R3", "Sistem Pengaduan Masyarakat", "Dinas Lingkungan Hidup",
         "Pengaduan masyarakat tentang pencemaran lingkungan", "Aktif", "Aplikasi Khusus"],
        *([f"R{n}", name, owner, text, "Aktif", "Aplikasi Khusus"] for n, (name, owner, text) in enumerate([
            ("SIMPEG", "Badan Kepegawaian Daerah", "Data kepegawaian dan riwayat jabatan"),
            ("E-Retribusi Pasar", "Dinas Perdagangan", "Pembayaran retribusi pedagang pasar"),
            ("SIMBG", "Dinas PUPR", "Persetujuan bangunan gedung"),
            ("Sipandu Posyandu", "Dinas Kesehatan", "Pencatatan kegiatan posyandu dan penimbangan balita"),
            ("E-Tiket Wisata", "Dinas Pariwisata, Pemuda dan Olahraga", "Penjualan tiket objek wisata"),
            ("Sistem Informasi Perpustakaan", "Dinas Perpustakaan", "Katalog dan peminjaman buku"),
        ], start=4)),
    ])
    pairs = row_pairs(workspace)
    assert not {frozenset({"R1", "R2"}), frozenset({"R1", "R3"})} & pairs.keys()
    assert pairs.get(frozenset({"R2", "R3"})) == "functional"
    assert len(app_rows(workspace)) == 9


def test_two_opds_namesakes_that_describe_two_jobs_are_not_merged_at_import(tmp_path: Path) -> None:
    # Kota Tirta Sari (written blind): the social office's SIMANTAP (DTKS data) and the transport office's
    # SIMANTAP (public transport data) were merged into one application, and the transport office's row
    # then stood beside SIKS-NG as a copy of it
    workspace = import_rows(tmp_path, [
        ["R1", "SIMANTAP", "Dinas Sosial", "Sistem Informasi Manajemen Data Terpadu Kesejahteraan Sosial, verval DTKS",
         "Aktif", "Daerah"],
        ["R2", "SIMANTAP", "Dinas Perhubungan", "data kendaraan angkutan umum, trayek dan terminal", "Aktif", "Daerah"],
        ["R3", "Layang Sari", "Bagian Tata Pemerintahan", "Layanan surat pengantar dan rekomendasi kecamatan",
         "Aktif", "Daerah"],
        ["R4", "Layang Sari", "Kecamatan Sukamaju", "Aplikasi berbasis web untuk mendukung tugas dan fungsi OPD",
         "Aktif", "Daerah"],
        ["R5", "LAYANG SARI", "Kecamatan Sukajaya", "Jarang dipakai, warga lebih banyak datang langsung", "Aktif",
         "Daerah"],
    ])
    rows = sorted(app_rows(workspace).values())
    assert rows == ["R1", "R2", "R3; R4; R5"]  # a form's sentence or one word of the job in common: merged
    assert frozenset({"R1", "R2"}) not in row_pairs(workspace)  # and the finder keeps them apart too


def test_namesakes_whose_descriptions_say_one_word_of_two_jobs_each_are_not_merged(tmp_path: Path) -> None:
    # Kota Muara Jingga (written blind): the Kesbangpol's SIMANTAP (civil organisations and foreigners) and the
    # housing office's SIMANTAP (unfit houses) were merged: the first description says its job in one word
    workspace = import_rows(tmp_path, [
        ["R1", "SIMANTAP", "Badan Kesatuan Bangsa dan Politik", "Sistem Informasi Monitoring Ormas dan Orang Asing",
         "Aktif", "Daerah"],
        ["R2", "SIMANTAP", "Dinas Perumahan dan Kawasan Permukiman",
         "Sistem Informasi Manajemen Rumah Tidak Layak Huni", "Aktif", "Daerah"],
    ])
    assert sorted(app_rows(workspace).values()) == ["R1", "R2"]


def test_the_import_says_which_namesakes_it_kept_apart(tmp_path: Path) -> None:
    from spbe_arch.exchange.inventory import import_inventory

    source = write_inventory(tmp_path / "apps.csv", [
        ["R1", "SIMANTAP", "Dinas Sosial", "Data Terpadu Kesejahteraan Sosial, verval DTKS", "Aktif", "Daerah"],
        ["R2", "SIMANTAP", "Dinas Perhubungan", "data kendaraan angkutan umum dan terminal", "Aktif", "Daerah"],
    ])
    report = import_inventory(source, tmp_path / "ws", government="Pemerintah Kabupaten Sukamakmur")
    notes = [n for n in report.assumptions if "kept apart" in n.message]
    assert len(notes) == 1 and notes[0].where == "row 3" and "'SIMANTAP' of Dinas Perhubungan" in notes[0].message


def test_each_kecamatans_own_counter_online_is_one_job(tmp_path: Path) -> None:
    # Kota Tirta Sari (written blind): e-PATEN of one kecamatan and SIPAKE ("Sistem Informasi Pelayanan
    # Kecamatan") of others were not compared: no local function said a kecamatan's counter
    workspace = import_rows(tmp_path, [
        ["R1", "e-PATEN Pandak Gede", "Kecamatan Pandak Gede", "", "Aktif", "Aplikasi Khusus"],
        ["R2", "SIPAKE - Sistem Informasi Pelayanan Kecamatan", "Kecamatan Tegal Sari", "", "Aktif", "Daerah"],
        ["R3", "Website Kecamatan Tegal Sari", "Kecamatan Tegal Sari", "", "Aktif", "Website"],
        ["R4", "Antrian Pelayanan Kecamatan", "Kecamatan Sanggulan", "", "Aktif", "Aplikasi Khusus"],
    ])
    assert row_pairs(workspace) == {frozenset({"R1", "R2"}): "functional"}  # a site, a queue: other jobs


def test_an_sms_gateway_and_a_whatsapp_gateway_or_broadcast_are_one_job(tmp_path: Path) -> None:
    # Kabupaten Wengker and Kota Tirta Sari (written blind): the Diskominfo's SMS gateway beside the
    # population office's "WA Gateway" and the revenue office's "WA Blast" (notices by WhatsApp)
    workspace = import_rows(tmp_path, [
        ["R1", "SMS Gateway Pemkab", "Dinas Komunikasi dan Informatika", "", "Aktif", "Aplikasi Khusus"],
        ["R2", "WA Gateway Dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "", "Aktif", "Daerah"],
        ["R3", "WA Blast Notifikasi Pajak", "Badan Pendapatan Daerah", "", "Aktif", "Aplikasi Khusus"],
        ["R4", "Payment Gateway Pajak Daerah", "Badan Pendapatan Daerah", "", "Aktif", "Aplikasi Khusus"],
    ])
    pairs = row_pairs(workspace)
    assert {frozenset({"R1", "R2"}), frozenset({"R1", "R3"})} <= pairs.keys()
    assert not any("R4" in pair for pair in pairs)  # a payment gateway is a bridge to a bank, another job


def test_a_super_apps_cards_of_several_jobs_are_not_one_system(tmp_path: Path) -> None:
    # Kota Kembang Arum (a launcher written blind): the super app ARUMKU and its cards for jobs, queues
    # and complaints were one system, and through it every OPD's queue, job board and complaint
    # application one group (first read 0.471 precision)
    workspace = import_rows(tmp_path, [
        ["R1", "ARUMKU", "Dinas Komunikasi dan Informatika", "", "", ""],
        ["R2", "Arumku Loker", "Dinas Komunikasi dan Informatika", "", "", ""],
        ["R3", "Arumku Antrian", "Dinas Komunikasi dan Informatika", "", "", ""],
        ["R4", "Arumku - Aduan Warga", "Dinas Komunikasi dan Informatika", "", "", ""],
        ["R5", "Antrian Online MPP", "Dinas Penanaman Modal dan PTSP", "", "", ""],
        ["R6", "Info Lowongan Kerja", "Dinas Tenaga Kerja", "", "", ""],
        ["R7", "SIGAWE (Sistem Informasi Kepegawaian)", "Badan Kepegawaian Daerah", "", "", ""],
        ["R8", "SIGAWE - Modul Layanan Cuti", "Badan Kepegawaian Daerah", "", "", ""],
        ["R9", "SIGAWE", "RSUD", "", "", ""],
    ])
    from spbe_arch.duplicates import find_duplicates

    rows = app_rows(workspace)
    groups = [{rows[a] for a in g.applications if a in rows} for g in find_duplicates(workspace).groups]
    assert not [g for g in groups if {"R2", "R3"} <= g or {"R3", "R4"} <= g or {"R2", "R5"} <= g]
    assert any({"R3", "R5"} <= g for g in groups)  # each card still meets the other OPDs' rows of its job
    assert any({"R7", "R8", "R9"} <= g for g in groups)  # rows that name themselves a module: one system


def test_the_attendance_at_a_dprd_plenary_is_not_staff_attendance(tmp_path: Path) -> None:
    # Kota Kembang Arum (written blind): the DPRD members' attendance at plenary sessions was a fifth staff
    # attendance application
    workspace = import_rows(tmp_path, [
        ["R1", "Absensi Paripurna", "Sekretariat DPRD", "", "", ""],
        ["R2", "E-Absen Pegawai", "Badan Kepegawaian Daerah", "", "", ""],
        ["R3", "Absensi Pegawai RSUD", "RSUD", "", "", ""],
    ])
    assert row_pairs(workspace) == {frozenset({"R2", "R3"}): "functional"}


FORM_HEADER = ["id", "name", "owner_opd", "users", "description", "platform", "developer", "url", "status", "category"]


def _import_form(tmp_path: Path, rows: list[list[str]]) -> Workspace:
    """Rows of an SPBE inventory form (who built each application, whom it serves) through the import."""
    return import_rows(tmp_path, rows, government="Pemerintah Kabupaten Batu Ampar", header=FORM_HEADER)


def test_who_built_an_application_says_whether_it_is_central(tmp_path: Path) -> None:
    # Kabupaten Batu Ampar (an SPBE form written blind): "Pusat (KLHK)" in the developer column was not
    # read, and the ministries' SIPSN, iSIKHNAS and SIPPN were one local job by the word "nasional"
    workspace = _import_form(tmp_path, [
        ["R1", "SIPSN", "Dinas Lingkungan Hidup", "", "Sistem Informasi Pengelolaan Sampah Nasional", "Web",
         "Pusat (KLHK)", "", "Aktif", ""],
        ["R2", "E-Presensi", "BKPSDM", "Seluruh OPD", "Absensi online pegawai", "Web", "Pihak Ketiga",
         "https://presensi.batuamparkab.go.id", "Aktif", "Aplikasi Umum"],
        ["R3", "Bank Sampah Digital", "Dinas Lingkungan Hidup", "Masyarakat", "tabungan sampah nasabah",
         "Mobile (Android)", "Swakelola", "", "Aktif", ""],
    ])
    sources = {a.name: a.source for a in workspace.applications}
    # what the developer column says stands over a category some OPDs write of their own shared systems
    assert sources == {"SIPSN": "nasional", "E-Presensi": "lokal", "Bank Sampah Digital": "lokal"}


def test_a_local_copy_of_a_central_application_no_registry_names_is_grouped_with_it(tmp_path: Path) -> None:
    # Kabupaten Batu Ampar: the housing office's own "Data RTLH Online" beside the ministry's e-RTLH, listed
    # as built by the centre: no pair, since a central application paired only with its own rows
    workspace = _import_form(tmp_path, [
        ["R1", "Data RTLH Online", "Dinas Perkimtan", "Desa", "pendataan rumah tidak layak huni", "Web", "Mandiri",
         "", "Aktif", "Aplikasi Khusus"],
        ["R2", "e-RTLH", "Dinas Perkimtan", "", "pendataan RTLH Kementerian PUPR", "Web",
         "Pusat (Kementerian PUPR)", "", "Aktif", ""],
        ["R3", "SIMBG", "Dinas PUPR", "", "persetujuan bangunan gedung", "Web", "Pusat (Kementerian PUPR)", "",
         "Aktif", ""],
    ])
    from spbe_arch.duplicates import find_duplicates

    rows = app_rows(workspace)
    groups = find_duplicates(workspace, language="id").groups
    assert [sorted(rows[a] for a in g.applications) for g in groups] == [["R1", "R2"]]
    group = groups[0]
    assert rows[group.national_application or ""] == "R2"
    assert group.proposal.startswith("Usulan: integrasikan Data RTLH Online (Dinas Perkimtan) dengan e-RTLH")
    assert "dasar penetapannya perlu dikonfirmasi" in group.proposal


def test_kemendagris_e_perda_is_not_jdih_and_village_assets_are_not_village_administration(tmp_path: Path) -> None:
    # Provinsi Nusantara Tengah and Kabupaten Wengker (written blind): e-Perda (facilitation of draft Perda)
    # beside JDIH; SIPADES (village assets) beside OpenSID
    workspace = import_rows(tmp_path, [
        ["R1", "e-Perda Kemendagri", "Biro Hukum", "", "", ""],
        ["R2", "JDIH Provinsi", "Biro Hukum", "", "", ""],
        ["R3", "JDIH DPRD", "Sekretariat DPRD", "", "", ""],
        ["R4", "SIPADES", "Dinas Pemberdayaan Masyarakat dan Desa", "Sistem pengelolaan aset desa", "Aktif", "Pusat"],
        ["R5", "OpenSID", "Kecamatan Sendangwaru", "Sistem Informasi Desa untuk administrasi dan surat desa", "Aktif",
         "Daerah"],
        ["R6", "SIDESA", "Kecamatan Watukelir", "Administrasi desa dan layanan surat desa", "Aktif", "Daerah"],
    ])
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset({"R2", "R3"})) == "functional" and pairs.get(frozenset({"R5", "R6"})) == "functional"
    assert not [p for p in pairs if "R1" in p or "R4" in p]


def test_jobs_that_share_a_word_with_another_are_told_apart(tmp_path: Path) -> None:
    # Kabupaten Batu Ampar (written blind) and Provinsi Jawa Tenggara: the Pemda's official cars beside the
    # testing of vehicles (e-KIR); an inventory of IT assets beside the ledger of regional assets; two
    # audit acronyms of one Inspektorat, spelt out to one job, were one system
    workspace = import_rows(tmp_path, [
        ["R1", "SIM PKB (e-KIR)", "Dinas Perhubungan", "Pengujian kendaraan bermotor", "Aktif", "Aplikasi Khusus"],
        ["R2", "SI-RANDIS (Kendaraan Dinas)", "Bagian Umum Setda", "Pendataan kendaraan dinas dan pemeliharaan",
         "Aktif", "Aplikasi Khusus"],
        ["R3", "SIMATIK (Inventarisasi Aset TIK)", "Dinas Kominfo", "", "", ""],
        ["R4", "Sistem Informasi Manajemen Barang Daerah (SIMBADA)", "Badan Pengelolaan Keuangan dan Aset Daerah",
         "", "", ""],
        ["R5", "E-TLHP", "Inspektorat", "Pemantauan tindak lanjut hasil pemeriksaan", "Aktif", ""],
        ["R6", "SIMWAS", "Inspektorat", "Sistem informasi pengawasan: PKPT, kertas kerja audit", "Aktif", ""],
        ["R7", "E-Randis", "BPKAD", "Penatausahaan mobil dinas", "Aktif", ""],
    ])
    pairs = row_pairs(workspace)
    assert not {frozenset({"R1", "R2"}), frozenset({"R1", "R7"}), frozenset({"R3", "R4"})} & pairs.keys()
    assert pairs.get(frozenset({"R2", "R7"})) == "functional"  # two fleets of official cars: one job
    assert pairs.get(frozenset({"R5", "R6"})) != "same_system"



def test_two_central_rows_of_one_application_once_with_its_agency_are_one_system(tmp_path: Path) -> None:
    # Kabupaten Batu Ampar: "E-Kinerja" that the education office lists as built by BKN, beside "E-Kinerja
    # BKN"; and BKN's MyASN (MySAPK's name since 2022) beside SIASN
    workspace = _import_form(tmp_path, [
        ["R1", "E-Kinerja", "Dinas Pendidikan dan Kebudayaan", "Guru", "penilaian kinerja pegawai (BKN)", "Web",
         "Pusat (BKN)", "", "Aktif", ""],
        ["R2", "E-Kinerja BKN", "BKPSDM", "Seluruh OPD", "Pengelolaan kinerja ASN", "Web", "Pusat (BKN)",
         "https://kinerja.bkn.go.id", "Aktif", "Aplikasi Umum"],
        ["R3", "SIASN BKN", "BKPSDM", "", "Sistem Informasi ASN nasional", "Web", "Pusat (BKN)",
         "https://siasn-instansi.bkn.go.id", "Aktif", "Aplikasi Umum"],
        ["R4", "MyASN", "Dinas Kesehatan", "Seluruh ASN", "Aplikasi mobile BKN untuk pemutakhiran data ASN",
         "Mobile (Android)", "Pusat (BKN)", "", "Aktif", "Aplikasi Umum"],
    ])
    pairs = row_pairs(workspace, merged=True)
    assert pairs.get(frozenset({"R1", "R2"})) == "same_system"
    assert pairs.get(frozenset({"R3", "R4"})) == "same_system"


def test_a_national_application_at_the_ministrys_address_and_at_the_pemdas_is_one_system(tmp_path: Path) -> None:
    # Kota Kembang Arum, Kota Tirta Sari, Kabupaten Wengker (written blind): SPSE at spse.inaproc.id/<kota>
    # and "LPSE Kota X" at lpse.<kota>.go.id were two systems by their two addresses
    workspace = _import_form(tmp_path, [
        ["R1", "SPSE", "Dinas PUPR", "", "", "Web", "", "https://spse.inaproc.id/batuamparkab", "Aktif", ""],
        ["R2", "LPSE Kabupaten Batu Ampar", "Bagian Pengadaan Barang dan Jasa", "", "Tender dan seleksi elektronik",
         "Web", "", "https://lpse.batuamparkab.go.id", "Aktif", ""],
        ["R3", "SiRUP", "Bagian Pengadaan Barang dan Jasa", "", "Rencana umum pengadaan", "Web", "",
         "https://sirup.inaproc.id", "Aktif", ""],
    ])
    pairs = row_pairs(workspace, merged=True)
    assert pairs == {frozenset({"R1", "R2"}): "same_system"}  # SiRUP plans procurement: another application


def test_a_report_to_the_fire_brigade_is_not_a_public_complaint(tmp_path: Path) -> None:
    # Kota Giri Tirta (an asset register written blind): "Lapor Damkar" joined the complaint applications
    workspace = import_rows(tmp_path, [
        ["R1", "Lapor Damkar", "Satuan Polisi Pamong Praja", "Laporan kejadian kebakaran", "", ""],
        ["R2", "SP4N-LAPOR!", "Dinas Komunikasi dan Informatika", "", "", "Pusat"],
        ["R3", "Aplikasi Pengaduan Masyarakat", "Dinas Lingkungan Hidup", "", "", ""],
    ])
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset({"R2", "R3"})) == "functional"
    assert not [p for p in pairs if "R1" in p]


def test_an_opds_old_address_listed_as_a_website_with_a_note_is_still_its_site(tmp_path: Path) -> None:
    # Kabupaten Sendang Wangi (a Diskominfo's project list written blind): a kecamatan's site by its name
    # and by its former address, which carries a note, not a description of an application
    workspace = import_rows(tmp_path, [
        ["R1", "kecngrancah.sendangwangikab.go.id", "Kecamatan Ngrancah",
         "alamat lama web kecamatan, sekarang redirect ke kec-ngrancah", "", "WEB"],
        ["R2", "Website Kecamatan Ngrancah", "Kecamatan Ngrancah", "website kecamatan: profil, berita", "Aktif", "WEB"],
        ["R3", "Website Kecamatan Watugedhe", "Kecamatan Watugedhe", "website kecamatan: profil, berita", "Aktif",
         "WEB"],
    ], government="Pemerintah Kabupaten Sendang Wangi")
    assert row_pairs(workspace, merged=True) == {frozenset({"R1", "R2"}): "same_system"}


def test_the_performance_of_the_apparatus_is_staff_performance(tmp_path: Path) -> None:
    # Kabupaten Batu Ampar: "SIKAP (Sistem Informasi Kinerja Aparatur Pegawai)" was not read as a copy of
    # BKN's e-Kinerja: "aparatur" stood between "kinerja" and "pegawai"
    workspace = import_rows(tmp_path, [
        ["R1", "SIKAP (Sistem Informasi Kinerja Aparatur Pegawai)", "BKPSDM", "", "Aktif", "Aplikasi Khusus"],
        ["R2", "E-Kinerja BKN", "BKPSDM", "", "Aktif", "Pusat"],
    ])
    assert row_pairs(workspace) == {frozenset({"R1", "R2"}): "functional"}


def test_a_fish_auction_is_not_procurement(tmp_path: Path) -> None:
    # Kota Teluk Permai (an SPBE catalogue written blind): "Sistem Informasi Lelang Ikan Terpadu" at the fish
    # market was read as a copy of SPSE, the e-procurement application, by the word "lelang"
    workspace = import_rows(tmp_path, [
        ["R1", "SILAUT", "Dinas Kelautan dan Perikanan",
         "Sistem Informasi Lelang Ikan Terpadu: pencatatan lelang dan produksi ikan di TPI", "Aktif", ""],
        ["R2", "SPSE", "Bagian Pengadaan Barang dan Jasa", "Tender dan seleksi elektronik", "Aktif", "Pusat"],
        ["R3", "e-Lelang Daerah", "Dinas PUPR", "Lelang paket pekerjaan konstruksi", "Aktif", ""],
    ])
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset({"R2", "R3"})) == "functional"
    assert not [p for p in pairs if "R1" in p]


def test_an_opds_site_the_diskominfo_lists_by_its_address_is_that_opds_site(tmp_path: Path) -> None:
    # Kabupaten Pandan Arum (a names-only list written blind): the Diskominfo listed the health office's
    # site by its address, and the health office listed it as "Web Dinkes"; one site, listed twice
    workspace = import_rows(tmp_path, [
        ["R1", "dinkes.pandanarumkab.go.id", "Diskominfo", "", "", "Website"],
        ["R2", "Web Dinkes", "Dinas Kesehatan", "", "", "Website"],
        ["R3", "Web Dishub", "Dinas Perhubungan", "", "", "Website"],
        # an address under another OPD's name is that OPD's own business (Provinsi Banten: the revenue
        # office's own site, its name mistyped, is not the planning office's)
        ["R4", "bappenda.pandanarumkab.go.id", "Badan Pendapatan Daerah", "", "", "Website"],
        ["R5", "bappeda.pandanarumkab.go.id", "Badan Perencanaan Pembangunan Daerah", "", "", "Website"],
    ], government="Pemerintah Kabupaten Pandan Arum")
    assert row_pairs(workspace, merged=True) == {frozenset({"R1", "R2"}): "same_system"}


def test_a_plan_of_anything_is_not_the_regions_planning(tmp_path: Path) -> None:
    # Kabupaten Lereng Kidul (the list of a roadmap document, written blind): "e-RDKK (Rencana Definitif
    # Kebutuhan Kelompok)", farmers' fertiliser needs, and a planned booking application ("Rencana pemesanan
    # ...") were copies of SIPD's planning, by the word "rencana"
    workspace = import_rows(tmp_path, [
        ["R1", "e-RDKK (Rencana Definitif Kebutuhan Kelompok)", "Dinas Pertanian",
         "Aplikasi Kementan untuk usulan alokasi pupuk bersubsidi petani.", "Berjalan", "Layanan Publik"],
        ["R2", "Reservasi GOR Online", "Dinas Pemuda dan Olahraga",
         "Rencana pemesanan jadwal penggunaan gelanggang olahraga milik daerah.", "Rencana Pengembangan",
         "Layanan Publik"],
        ["R3", "SIPD Perencanaan", "Bappeda", "Penyusunan RKPD dan Renja", "Berjalan", "Pusat"],
        ["R4", "e-Planning Daerah", "Bappeda", "Penyusunan rencana kerja perangkat daerah", "Berjalan",
         "Administrasi Pemerintahan"],
    ])
    pairs = row_pairs(workspace)
    assert not [p for p in pairs if {"R1", "R2"} & p]
    assert pairs.get(frozenset({"R3", "R4"})) == "functional"


def test_the_dukcapils_online_counter_is_not_a_copy_of_siak(tmp_path: Path) -> None:
    # Kota Tirta Sari, Kota Teluk Permai and Kabupaten Lereng Kidul (written blind): the Dukcapil's online
    # service for population documents was a copy of SIAK, which records what it takes; every writer who
    # listed one judged otherwise. Two such counters of two offices still do one job.
    workspace = import_rows(tmp_path, [
        ["R1", "SIAK Terpusat", "Dinas Kependudukan dan Pencatatan Sipil", "", "Aktif", "Pusat"],
        ["R2", "PANDU SARI (Pelayanan Adminduk Online)", "Dinas Kependudukan dan Pencatatan Sipil",
         "pengajuan dokumen kependudukan online: KK, akta, pindah datang", "Aktif", "Daerah"],
        ["R3", "SI-JEMPOL (Jemput Bola Adminduk)", "Kecamatan Karang Rejo",
         "Pendaftaran layanan KK/KTP/akta oleh warga melalui kecamatan", "Aktif", "Daerah"],
    ])
    assert row_pairs(workspace) == {frozenset({"R2", "R3"}): "functional"}
