"""A realistic application inventory of a fictional regency (Kabupaten Tirtamaya), as Pemda keep them.

``inventory_rows()`` gives 150 deterministic rows; ``write_inventory_xlsx`` lays them out the way
real survey sheets look (a title above the header, a two-row header with merged cells, the owning
OPD merged down over its rows, a section heading, empty rows, years stored as dates and as Excel
serial numbers, formulas with and without a computed value); ``inventory_csv_text`` writes them as
a semicolon CSV with other header spellings, as Excel exports it in an Indonesian locale.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from spbe_arch.duplicates.features import AppFeatures
from spbe_arch.duplicates.report import DuplicateReport
from spbe_arch.workspace import Workspace

# (long name, short form used in some rows)
OPDS: list[tuple[str, str]] = [
    ("Sekretariat Daerah", "Setda"),
    ("Sekretariat DPRD", "Setwan"),
    ("Inspektorat Daerah", "Inspektorat"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("Badan Pendapatan Daerah", "Bapenda"),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("Dinas Kesehatan", "Dinkes"),
    ("Dinas Pendidikan", "Disdik"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("Dinas Sosial", "Dinsos"),
    ("Dinas Perhubungan", "Dishub"),
    ("Dinas Lingkungan Hidup", "DLH"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"),
    ("Dinas Pertanian", "Dispertan"),
    ("Rumah Sakit Umum Daerah dr. Soedarsono", "RSUD dr. Soedarsono"),
    ("Satuan Polisi Pamong Praja", "Satpol PP"),
    ("Kecamatan Tirtamaya", "Kec. Tirtamaya"),
    ("Kecamatan Sumberejo", "Kec. Sumberejo"),
    ("Kecamatan Karanganyar", "Kec. Karanganyar"),
]

# (name, acronym, function, owner index, kind, source, media, language, database, server)
APPS: list[tuple[str, str, str, int, str, str, str, str, str, str]] = [
    ("Sistem Informasi Pemerintahan Daerah", "SIPD", "Perencanaan, penganggaran dan penatausahaan keuangan daerah",
     4, "Umum", "Pusat", "Web", "PHP", "PostgreSQL", "PDN"),
    ("Sistem Informasi Manajemen Kepegawaian", "SIMPEG", "Pengelolaan data dan riwayat pegawai ASN",
     6, "Khusus", "Lokal", "Web", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Aparatur Sipil Negara", "SIASN", "Layanan kepegawaian nasional terintegrasi BKN",
     6, "Umum", "Pusat", "Web", "Java", "Oracle", "PDN"),
    ("Sistem Informasi Kearsipan Dinamis Terintegrasi", "SRIKANDI", "Tata naskah dinas dan kearsipan elektronik",
     0, "Umum", "Pusat", "Web, Android", "Go", "PostgreSQL", "PDN"),
    ("Layanan Aspirasi dan Pengaduan Online Rakyat", "SP4N-LAPOR!", "Pengelolaan pengaduan masyarakat",
     8, "Umum", "Pusat", "Web, Android", "PHP", "MySQL", "PDN"),
    ("Sistem Pengadaan Secara Elektronik", "SPSE", "Pengadaan barang dan jasa pemerintah secara elektronik",
     0, "Umum", "Pusat", "Web", "Java", "PostgreSQL", "Pusat Data Diskominfo"),
    ("e-Presensi Pegawai", "E-PRESENSI", "Pencatatan kehadiran pegawai dengan swafoto dan lokasi",
     6, "Khusus", "Lokal", "Android", "Kotlin", "MySQL", "Pusat Data Diskominfo"),
    ("Aplikasi Absensi Online", "ABSON", "Absensi pegawai berbasis lokasi", 9, "Khusus", "Lokal", "Android",
     "Flutter", "Firebase", "Cloud"),
    ("Sistem Informasi Manajemen Puskesmas", "SIMPUS", "Pencatatan pelayanan pasien di puskesmas", 9, "Khusus",
     "Lokal", "Web", "PHP", "MySQL", "Server OPD"),
    ("Sistem Informasi Manajemen Rumah Sakit", "SIMRS", "Pelayanan pasien, rekam medis dan billing rumah sakit",
     18, "Khusus", "Lokal", "Web, Desktop", "Java", "PostgreSQL", "Server OPD"),
    ("Portal Resmi Pemerintah Kabupaten", "PORTAL", "Informasi publik dan berita pemerintah daerah", 8, "Khusus",
     "Lokal", "Web", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("Pejabat Pengelola Informasi dan Dokumentasi", "PPID", "Layanan permohonan informasi publik", 8, "Khusus",
     "Lokal", "Web", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("Satu Data Kabupaten", "SATUDATA", "Portal data statistik sektoral", 8, "Khusus", "Lokal", "Web", "Python",
     "PostgreSQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Administrasi Kependudukan", "SIAK", "Pendaftaran penduduk dan pencatatan sipil", 11, "Umum",
     "Pusat", "Desktop", "Java", "Oracle", "PDN"),
    ("Layanan Adminduk Online", "LADO", "Permohonan dokumen kependudukan secara daring", 11, "Khusus", "Lokal",
     "Web, Android", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("Data Pokok Pendidikan", "DAPODIK", "Pendataan sekolah, siswa dan guru", 10, "Umum", "Pusat", "Desktop",
     "Java", "PostgreSQL", "PDN"),
    ("Penerimaan Peserta Didik Baru Online", "PPDB", "Seleksi penerimaan siswa baru", 10, "Khusus", "Lokal", "Web",
     "PHP", "MySQL", "Cloud"),
    ("Sistem Informasi Kesejahteraan Sosial Next Generation", "SIKS-NG", "Pengelolaan data terpadu kesejahteraan",
     12, "Umum", "Pusat", "Web", "PHP", "SQL Server", "PDN"),
    ("Online Single Submission", "OSS", "Perizinan berusaha terintegrasi secara elektronik", 15, "Umum", "Pusat",
     "Web", "Java", "Oracle", "PDN"),
    ("Sistem Informasi Perizinan Daerah", "SIPERDA", "Perizinan non-berusaha di daerah", 15, "Khusus", "Lokal",
     "Web", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Pajak Daerah", "SIPADA", "Pendataan, penetapan dan pembayaran pajak daerah", 5, "Khusus",
     "Lokal", "Web", "PHP", "Oracle", "Pusat Data Diskominfo"),
    ("e-BPHTB", "E-BPHTB", "Pelaporan bea perolehan hak atas tanah dan bangunan", 5, "Khusus", "Lokal", "Web",
     "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Kebencanaan", "SIKEBEN", "Pelaporan kejadian bencana dan logistik", 7, "Khusus", "Lokal",
     "Web, Android", "PHP", "MySQL", "Cloud"),
    ("Sistem Informasi Pengawasan", "SIWAS", "Pengelolaan hasil pemeriksaan dan tindak lanjut", 2, "Khusus", "Lokal",
     "Web", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("e-Planning", "E-PLANNING", "Perencanaan pembangunan dan musrenbang", 3, "Khusus", "Lokal", "Web", "PHP",
     "MySQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Jaringan Dokumentasi dan Informasi Hukum", "JDIH", "Publikasi produk hukum daerah", 0,
     "Khusus", "Lokal", "Web", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("e-Retribusi Parkir", "E-PARKIR", "Pemungutan retribusi parkir non-tunai", 13, "Khusus", "Lokal", "Android",
     "Kotlin", "MySQL", "Cloud"),
    ("Sistem Informasi Pengujian Kendaraan Bermotor", "SIPKB", "Uji berkala kendaraan bermotor", 13, "Khusus",
     "Lokal", "Desktop", "Delphi", "SQL Server", "Server OPD"),
    ("Sistem Informasi Lingkungan Hidup", "SILH", "Perizinan lingkungan dan pengawasan limbah", 14, "Khusus",
     "Lokal", "Web", "PHP", "MySQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Jalan dan Jembatan", "SIJAJA", "Inventaris kondisi jalan dan jembatan", 16, "Khusus", "Lokal",
     "Web", "PHP", "PostgreSQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Pertanian Terpadu", "SIPETA", "Data luas tanam, panen dan pupuk bersubsidi", 17, "Khusus",
     "Lokal", "Web, Android", "PHP", "MySQL", "Cloud"),
    ("Sistem Informasi Penegakan Perda", "SIGAKDA", "Pelaporan penegakan peraturan daerah", 19, "Khusus", "Lokal",
     "Android", "Flutter", "MySQL", "Pusat Data Diskominfo"),
    ("Sistem Informasi Desa dan Kelurahan", "SIDEKEL", "Layanan surat pengantar di kecamatan", 20, "Khusus", "Lokal",
     "Web", "PHP", "MySQL", "Server OPD"),
    ("Sistem Informasi Manajemen Aset Daerah", "SIMDA BMD", "Penatausahaan barang milik daerah", 4, "Khusus",
     "Lokal", "Desktop", "Visual Basic", "SQL Server", "Pusat Data Diskominfo"),
    ("e-Rapat DPRD", "E-RAPAT", "Penjadwalan dan notulen rapat dewan", 1, "Khusus", "Lokal", "Web", "PHP", "MySQL",
     "Cloud"),
]

STATUS = ["Aktif", "Aktif", "Aktif", "Tidak Aktif", "Dalam Pengembangan", "aktif", "AKTIF", "Aktif"]
KECAMATAN = [20, 21, 22]


def _owner_text(index: int, variant: int) -> str:
    long_name, short = OPDS[index]
    return [long_name, short, long_name.upper(), f"{long_name} Kabupaten Tirtamaya"][variant % 4]


def inventory_rows() -> list[dict[str, Any]]:
    """150 application rows, with the OPD written in the several ways real sheets mix."""
    rows: list[dict[str, Any]] = []
    n = 0
    while len(rows) < 150:
        for i, (name, acronym, function, owner, kind, source, media, language, db, server) in enumerate(APPS):
            if len(rows) >= 150:
                break
            round_ = n // len(APPS)
            owner_index = owner
            app_name, app_acronym = name, acronym
            if round_ > 0:  # the same kind of application again in another OPD, as in real inventories
                owner_index = (owner + 3 * round_ + i) % len(OPDS)
                app_name = f"{name} {OPDS[owner_index][1]}"
                app_acronym = f"{acronym}-{round_}"
            users = [OPDS[(owner_index + k) % len(OPDS)][1] for k in (1, 5)] if i % 3 == 0 else []
            if i % 7 == 0:
                users.append("Masyarakat")
            rows.append({
                "name": app_name, "acronym": app_acronym, "owner": _owner_text(owner_index, n),
                "users": ", ".join(users), "function": function, "kind": kind, "source": source,
                "media": media, "status": STATUS[n % len(STATUS)], "year": 2012 + (n % 13),
                "url": f"https://{re.sub(r'[^a-z0-9]+', '', app_acronym.lower())}.tirtamayakab.go.id",
                "language": language, "database": db, "server": server,
                "note": "Perlu integrasi SPLP" if n % 5 == 0 else "",
            })
            n += 1
    return rows


XLSX_COLUMNS = ["No", "Nama Aplikasi", "Singkatan", "Pemilik", "Pengguna", "Fungsi", "Klasifikasi (Umum/Khusus)",
                "Kategori (Pusat/Lokal)", "Media", "Status", "Tahun Pembuatan", "Link", "Bahasa Pemrograman",
                "Basis Data", "Lokasi Server", "Catatan Tim Survei"]
HEADER_TOP = 4  # 1-based: the title rows come first


def write_inventory_xlsx(path: Path, rows: list[dict[str, Any]] | None = None) -> dict[str, int]:
    """The inventory as a survey workbook; returns where the special cells went (1-based rows)."""
    from openpyxl import Workbook

    rows = inventory_rows() if rows is None else rows
    wb = Workbook()
    ws = wb.active
    ws.title = "Daftar Aplikasi"
    ws["A1"] = "DAFTAR INVENTARIS APLIKASI PEMERINTAH KABUPATEN TIRTAMAYA TAHUN 2024"
    ws["A2"] = "Keadaan per 31 Desember 2024"
    top, sub = HEADER_TOP, HEADER_TOP + 1
    for col, label in enumerate(XLSX_COLUMNS, start=1):
        if label in ("Pemilik", "Pengguna", "Bahasa Pemrograman", "Basis Data"):
            ws.cell(sub, col, label)
        else:
            ws.cell(top, col, label)
            ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    ws.cell(top, 4, "Perangkat Daerah")
    ws.merge_cells(start_row=top, start_column=4, end_row=top, end_column=5)
    ws.cell(top, 13, "Teknologi")
    ws.merge_cells(start_row=top, start_column=13, end_row=top, end_column=14)
    r = sub + 1
    marks: dict[str, int] = {}
    group_start, group_owner = r, None
    for index, row in enumerate(rows):
        if index == 40:
            ws.cell(r, 1, "B. APLIKASI KHUSUS PERANGKAT DAERAH")
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(XLSX_COLUMNS))
            marks["section"] = r
            r += 1
            group_start, group_owner = r, None
        if index in (25, 90):
            marks.setdefault("empty", r)
            r += 1  # an empty row in the middle of the table
            group_start, group_owner = r, None
        ws.cell(r, 1, f"=ROW()-{sub}")  # numbering formula, never computed (ignored column)
        ws.cell(r, 2, row["name"])
        ws.cell(r, 3, row["acronym"])
        if row["owner"] == group_owner:  # the OPD cell merged down over the rows of one OPD
            ws.merge_cells(start_row=group_start, start_column=4, end_row=r, end_column=4)
            marks.setdefault("merged_owner", r)
        else:
            ws.cell(r, 4, row["owner"])
            group_start, group_owner = r, row["owner"]
        ws.cell(r, 5, row["users"] or None)
        ws.cell(r, 6, row["function"])
        ws.cell(r, 7, row["kind"])
        ws.cell(r, 8, row["source"])
        ws.cell(r, 9, row["media"])
        ws.cell(r, 10, row["status"])
        if index % 10 == 3:
            ws.cell(r, 11, dt.datetime(row["year"], 3, 1))  # a real date cell
        elif index % 10 == 7:
            ws.cell(r, 11, (dt.date(row["year"], 7, 1) - dt.date(1899, 12, 30)).days)  # a serial number
            marks.setdefault("serial_year", r)
        else:
            ws.cell(r, 11, row["year"])
        ws.cell(r, 12, row["url"])
        ws.cell(r, 13, row["language"])
        ws.cell(r, 14, row["database"])
        ws.cell(r, 15, row["server"])
        ws.cell(r, 16, row["note"] or None)
        if index == 10:
            ws.cell(r, 3, '=UPPER("sipd")')  # a formula whose computed value is patched in below
            marks["formula_cached"] = r
        if index == 11:
            ws.cell(r, 3, '=UPPER("simpeg")')  # a formula with no computed value
            marks["formula_uncached"] = r
        r += 1
    marks["last"] = r - 1
    wb.save(path)
    _cache_formula_value(path, f"C{marks['formula_cached']}", "SIPD")
    return marks


def _cache_formula_value(path: Path, ref: str, value: str) -> None:
    """Put a computed value next to a formula, as Excel does when it saves (openpyxl never does)."""
    with zipfile.ZipFile(path) as source:
        items = {name: source.read(name) for name in source.namelist()}
    sheet = items["xl/worksheets/sheet1.xml"].decode("utf-8")
    pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>([^<]*)</f><v\s*/>|<c r="{ref}"([^>]*)><f>([^<]*)</f><v></v>'
                         rf'|<c r="{ref}"([^>]*)><f>([^<]*)</f>')
    match = pattern.search(sheet)
    assert match, f"formula cell {ref} not found"
    attrs = next(g for g in (match.group(1), match.group(3), match.group(5)) if g is not None)
    formula = next(g for g in (match.group(2), match.group(4), match.group(6)) if g is not None)
    attrs = re.sub(r'\s*t="[^"]*"', "", attrs)
    replacement = f'<c r="{ref}"{attrs} t="str"><f>{formula}</f><v>{value}</v>'
    sheet = sheet[:match.start()] + replacement + sheet[match.end():]
    items["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)


CSV_HEADER = ["NO", "NAMA APLIKASI", "SINGKATAN", "OPD", "OPD PENGGUNA", "DESKRIPSI", "KLASIFIKASI", "KATEGORI",
              "PLATFORM", "STATUS", "TAHUN", "URL", "BAHASA", "DATABASE", "SERVER"]


def inventory_csv_text(rows: list[dict[str, Any]] | None = None) -> str:
    """The inventory as an Excel CSV export: semicolons, a title line, then the header."""
    import csv
    import io

    rows = inventory_rows() if rows is None else rows
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Rekapitulasi Aplikasi Kabupaten Tirtamaya 2024"] + [""] * (len(CSV_HEADER) - 1))
    writer.writerow([""] * len(CSV_HEADER))
    writer.writerow(CSV_HEADER)
    for number, row in enumerate(rows, start=1):
        writer.writerow([number, row["name"], row["acronym"], row["owner"], row["users"], row["function"],
                         row["kind"], row["source"], row["media"], row["status"], str(row["year"]), row["url"],
                         row["language"], row["database"], row["server"]])
        if number == 60:
            writer.writerow([""] * len(CSV_HEADER))
    return buffer.getvalue()


INVENTORY_HEADER = ["id", "name", "owner_opd", "description", "status", "category"]


def write_inventory(path: Path, rows: list[list[str]], header: list[str] | None = None) -> Path:
    """Rows (columns of ``header``, INVENTORY_HEADER unless given) as an inventory CSV."""
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or INVENTORY_HEADER)
        writer.writerows(rows)
    return path


def import_rows(tmp_path: Path, rows: list[list[str]],
                government: str = "Pemerintah Kabupaten Sukamakmur", header: list[str] | None = None) -> Workspace:
    """Rows of an inventory CSV (columns of ``header``, INVENTORY_HEADER unless given) through `spbe import
    inventory`, loaded."""
    from spbe_arch.exchange.inventory import import_inventory
    from spbe_arch.loader import open_workspace

    import_inventory(write_inventory(tmp_path / "apps.csv", rows, header), tmp_path / "ws", government=government)
    workspace, _ = open_workspace(tmp_path / "ws")
    return workspace


def app_rows(workspace: Workspace) -> dict[str, str]:
    """Application id -> the inventory rows it was imported from ("R01" or "R01; R02" when merged)."""
    return {app.id: str(app.properties.get("source_ids", "")) for app in workspace.applications}


def row_pairs(workspace: Workspace, report: DuplicateReport | None = None,
              merged: bool = False) -> dict[frozenset[str], str]:
    """Row pair -> kind for every pair the finder reports (``report``, or a fresh run); with ``merged``,
    also the rows merged into one application at import, as same_system."""
    from spbe_arch.duplicates import find_duplicates

    rows = app_rows(workspace)
    found = {frozenset((x, y)): "same_system" for r in rows.values() for x in r.split("; ") for y in r.split("; ")
             if x < y} if merged else {}
    found.update({frozenset((rows[p.a], rows[p.b])): p.kind
                  for p in (report if report is not None else find_duplicates(workspace)).pairs})
    return found


def features_by_row(workspace: Workspace) -> dict[str, AppFeatures]:
    """The finder's reading of each imported application, by the inventory row(s) it came from."""
    from spbe_arch.duplicates.features import build_features

    return {str(f.app.properties["source_ids"]): f for f in build_features(workspace).apps}
