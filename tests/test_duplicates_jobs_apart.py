"""Jobs that share a word and are still two jobs, as the writers of the labelled inventories judged them:
a dashboard beside the national application whose data it shows, the several jobs of a disaster office,
the grants of the regional budget beside the social office's aid, a tourism portal beside the office's
visitor counts, a hospital's car park beside the levies. Each case has a pair that must still be found
beside the pairs that must not. And jobs that share no word with the national application that does them:
a register of social aid's recipients beside the DTKS (SIKS-NG), a job board beside SIAPkerja, a price board
beside SP2KP, a complaint channel named in Javanese beside SP4N-LAPOR!."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from spbe_arch.duplicates import find_duplicates
from spbe_arch.workspace import Workspace
from tests.inventory_factory import app_rows, import_rows


def reported(workspace: Workspace) -> set[frozenset[str]]:
    """Every row pair the finder reports: its pairs, and the rows that share one of its groups."""
    report = find_duplicates(workspace)
    rows = app_rows(workspace)
    found = {frozenset((rows[p.a], rows[p.b])) for p in report.pairs}
    for group in report.groups:
        found.update(frozenset(pair) for pair in combinations(sorted(rows[a] for a in group.applications), 2))
    return found


def row(row_id: str, name: str, owner: str) -> list[str]:
    return [row_id, name, owner, "", "Aktif", "Aplikasi"]


def test_a_dashboard_or_a_monitoring_shows_a_national_applications_data_it_does_not_copy_it(tmp_path: Path) -> None:
    pairs = reported(import_rows(tmp_path, [
        row("V01", "SIPD", "Badan Perencanaan Pembangunan Daerah"),
        row("V02", "Dashboard Realisasi APBD", "Badan Pengelolaan Keuangan dan Aset Daerah"),
        row("V03", "SPSE", "Dinas Pekerjaan Umum dan Penataan Ruang"),
        row("V04", "SIMONPBJ (Monitoring Pengadaan Barang/Jasa)", "Bagian Pengadaan Barang dan Jasa"),
        row("V05", "e-Budgeting", "Badan Pengelolaan Keuangan dan Aset Daerah"),
    ]))
    assert frozenset(("V01", "V02")) not in pairs  # before: "performs the function of SIPD"
    assert frozenset(("V03", "V04")) not in pairs  # before: moved into SPSE
    assert frozenset(("V01", "V05")) in pairs  # a local budgeting application still does SIPD's job


def test_a_disaster_offices_logistics_early_warning_and_reports_are_three_jobs(tmp_path: Path) -> None:
    pairs = reported(import_rows(tmp_path, [
        row("B01", "Sistem Informasi Logistik dan Peralatan Kebencanaan", "Badan Penanggulangan Bencana Daerah"),
        row("B02", "Peringatan Dini Banjir dan Tanah Longsor (EWS) Online", "Badan Penanggulangan Bencana Daerah"),
        row("B03", "Pelaporan Kejadian Bencana Pusdalops", "Badan Penanggulangan Bencana Daerah"),
        row("B04", "Early Warning System Konflik Sosial", "Badan Kesatuan Bangsa dan Politik"),
        row("B05", "SIGAP Bencana (Sistem Informasi Kebencanaan Daerah)", "Dinas Sosial"),
    ]))
    for apart in (("B01", "B02"), ("B01", "B03"), ("B02", "B03"), ("B02", "B04"), ("B01", "B05"), ("B02", "B05")):
        assert frozenset(apart) not in pairs, apart  # before: all five were one group of "kebencanaan"
    assert frozenset(("B03", "B05")) in pairs  # two OPDs' disaster information systems are one job


def test_the_grants_of_the_regional_budget_are_not_the_social_offices_aid(tmp_path: Path) -> None:
    pairs = reported(import_rows(tmp_path, [
        row("H01", "e-Hibah Bansos", "Badan Pengelolaan Keuangan dan Aset Daerah"),
        row("H02", "SIHIBAH (Sistem Informasi Hibah dan Bansos)", "Bagian Kesejahteraan Rakyat"),
        row("H03", "SIBANSOS (Penyaluran Bantuan Sosial)", "Dinas Sosial"),
    ]))
    assert frozenset(("H01", "H02")) in pairs
    assert frozenset(("H01", "H03")) not in pairs  # before: one group of "hibah dan bantuan sosial"
    assert frozenset(("H02", "H03")) not in pairs


def test_a_tourism_portal_is_not_the_offices_visitor_count(tmp_path: Path) -> None:
    pairs = reported(import_rows(tmp_path, [
        row("T01", "Portal Pariwisata Sukamakmur", "Dinas Pariwisata"),
        row("T02", "Sistem Informasi Data Kunjungan Wisata", "Dinas Pariwisata"),
        row("T03", "Sistem Informasi Pendaftaran Usaha Pariwisata", "Dinas Penanaman Modal dan PTSP"),
        row("T04", "Aplikasi Informasi Pariwisata", "Dinas Komunikasi dan Informatika"),
    ]))
    assert frozenset(("T01", "T02")) not in pairs  # before: one group of "informasi pariwisata"
    assert frozenset(("T01", "T03")) not in pairs
    assert frozenset(("T01", "T04")) in pairs


def test_a_local_register_of_social_aid_recipients_keeps_what_the_dtks_keeps(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, [
        row("S01", "SIKS-NG", "Dinas Sosial"),
        row("S02", "SIBANSOS (Sistem Informasi Penerima Bantuan Sosial)", "Dinas Sosial"),
        row("S03", "e-Hibah Bansos", "Badan Pengelolaan Keuangan dan Aset Daerah"),
        row("S04", "Cek Bansos", "Dinas Sosial"),
    ])
    pairs = reported(workspace)
    assert frozenset(("S01", "S02")) in pairs  # before: the register was read as no national function
    assert frozenset(("S01", "S03")) not in pairs  # the APBD's grants are not the DTKS
    assert frozenset(("S01", "S04")) not in pairs  # Kemensos' own lookup of aid is no copy of its DTKS
    assert national_of(workspace, "S02") == "SIKS-NG"


def national_of(workspace: Workspace, row_id: str) -> str | None:
    """The national application named by the group that holds the row, if any."""
    app_id = next(app for app, rows in app_rows(workspace).items() if row_id in rows.split("; "))
    group = find_duplicates(workspace, language="id").group_of(app_id)
    return group.national if group is not None else None


def test_a_local_job_board_does_the_job_of_the_ministrys_job_market(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, [
        row("K01", "SIAPkerja (Karirhub)", "Dinas Tenaga Kerja"),
        row("K02", "Bursa Kerja Online", "Dinas Tenaga Kerja"),
        row("K03", "Info Loker Muda", "Dinas Pemuda dan Olahraga"),
        row("K04", "Statistik Pencari Kerja", "Dinas Tenaga Kerja"),
    ])
    pairs = reported(workspace)
    assert frozenset(("K01", "K02")) in pairs and frozenset(("K01", "K03")) in pairs  # before: SIAPkerja unknown
    assert not [p for p in pairs if "K04" in p]  # the statistics of job seekers are the office's data
    assert national_of(workspace, "K02") == "SIAPkerja"
    proposals = " ".join(g.proposal for g in find_duplicates(workspace, language="id").groups)
    assert "alihkan Bursa Kerja Online" in proposals and "alihkan SIAPkerja" not in proposals


def test_a_local_price_board_publishes_what_sp2kp_monitors_and_the_food_agencys_panel_is_its_own(
        tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, [
        row("P01", "SP2KP", "Dinas Perdagangan"),
        row("P02", "SIHARGA Sukamakmur", "Dinas Koperasi dan UKM"),
        row("P03", "Panel Harga Pangan", "Dinas Ketahanan Pangan"),
        row("P04", "e-SSH Standar Satuan Harga", "Badan Pengelolaan Keuangan dan Aset Daerah"),
    ])
    pairs = reported(workspace)
    assert frozenset(("P01", "P02")) in pairs  # before: SP2KP and SIHARGA were read as nothing
    assert not [p for p in pairs if "P04" in p]  # a unit price of procurement is budgeting's
    proposals = " ".join(g.proposal for g in find_duplicates(workspace, language="id").groups)
    assert "alihkan Panel Harga Pangan" not in proposals  # the National Food Agency's own application


def test_parking_on_the_street_is_a_levy_and_a_hospitals_car_park_is_its_own(tmp_path: Path) -> None:
    pairs = reported(import_rows(tmp_path, [
        row("L01", "e-Parkir", "Dinas Perhubungan"),
        row("L02", "e-Retribusi Pasar", "Dinas Perdagangan"),
        row("L03", "Sistem Parkir RSUD", "RSUD Sukamakmur"),
        row("L04", "SIMRS RSUD Sukamakmur", "RSUD Sukamakmur"),
    ]))
    assert frozenset(("L01", "L02")) in pairs  # before: parking and levies were two jobs
    assert not [p for p in pairs if "L03" in p]  # not a levy, and not the hospital's management system


def test_a_complaint_channel_named_in_javanese_is_a_complaint_channel(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, [
        row("J01", "SP4N-LAPOR!", "Dinas Komunikasi dan Informatika"),
        row("J02", "Wadul Bupati", "Bagian Protokol dan Komunikasi Pimpinan"),
        row("J03", "Sambat Online", "Dinas Lingkungan Hidup"),
    ])
    pairs = reported(workspace)
    assert frozenset(("J01", "J02")) in pairs and frozenset(("J01", "J03")) in pairs  # before: neither was read


def test_the_archive_of_one_kind_of_record_is_not_srikandi_nor_sipd(tmp_path: Path) -> None:
    pairs = reported(import_rows(tmp_path, [
        row("A01", "SRIKANDI", "Dinas Perpustakaan dan Kearsipan"),
        row("A02", "e-Arsip Keuangan (SP2D Digital)", "Badan Pengelolaan Keuangan dan Aset Daerah"),
        row("A03", "Arsip Digital Dokumen Kontrak", "Dinas Pekerjaan Umum dan Penataan Ruang"),
        row("A04", "SIPD", "Badan Perencanaan Pembangunan Daerah"),
        row("A05", "Arsip Digital Biro Umum", "Bagian Umum"),
    ]))
    assert not [p for p in pairs if "A02" in p or "A03" in p]  # before: both moved into SRIKANDI
    assert frozenset(("A01", "A05")) in pairs  # an office's general digital archive still is SRIKANDI's job


def test_an_accounting_clinic_advises_on_the_books_it_does_not_keep_them(tmp_path: Path) -> None:
    """klinikakuntansi.bppkad.x.go.id, a consultation desk of the finance office on the OPDs' accounting, is
    no local copy of SIPD; an application that keeps the region's accounts is."""
    from spbe_arch.duplicates.features import national_copies

    workspace = import_rows(tmp_path, [row("K1", "Klinik Akuntansi", "Badan Pengelolaan Keuangan dan Aset Daerah"),
                                       row("K2", "Aplikasi Akuntansi Keuangan Daerah", "Dinas Kesehatan")])
    rows = app_rows(workspace)
    copies = {rows[app.id]: function.id for app, function, _ in national_copies(workspace)}
    assert copies == {"K2": "keuangan-daerah"}
