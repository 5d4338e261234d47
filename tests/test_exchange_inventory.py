"""Spreadsheet inventory import: 150 realistic rows from .xlsx and .csv, and the ways real sheets go wrong."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.errors import SpbeError
from spbe_arch.exchange.inventory import build_inventory, import_inventory, load_mapping
from spbe_arch.exchange.inventory_headers import match_header
from spbe_arch.exchange.naming import IdAllocator, organization_kind
from spbe_arch.exchange.opd_names import OrgRegistry
from spbe_arch.exchange.workspace_writer import ImportReport, report_text
from spbe_arch.loader import load_workspace
from spbe_arch.model import Application, Element
from spbe_arch.validate import validate_workspace
from tests.inventory_factory import OPDS, inventory_csv_text, inventory_rows, write_inventory_xlsx

DATA = Path(__file__).resolve().parent / "data" / "exchange"
CSV_FILE = DATA / "inventaris-tirtamaya.csv"


@pytest.fixture(scope="module")
def xlsx(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("inventory") / "inventaris.xlsx"
    marks = write_inventory_xlsx(path)
    return path, marks


def workspace_of(root: Path) -> Any:
    result = load_workspace(root)
    assert result.workspace is not None and not result.fatal
    assert [f.format_line() for f in result.findings if f.severity == "error"] == []
    return result.workspace


def test_xlsx_inventory_of_150_rows_becomes_a_valid_workspace(xlsx: tuple[Path, dict[str, int]],
                                                               tmp_path: Path) -> None:
    path, _ = xlsx
    report = import_inventory(path, tmp_path / "ws")
    assert report.created["applications"] == 150
    assert report.header == "row 5 of 'Daftar Aplikasi'"  # a two-row header under the title
    assert report.columns["Perangkat Daerah Pemilik"] == "owner"  # "Perangkat Daerah" merged over two columns
    assert report.columns["Perangkat Daerah Pengguna"] == "users"
    assert report.columns["Teknologi Basis Data"] == "database"
    assert report.columns["Klasifikasi (Umum/Khusus)"] == "kind"
    workspace = workspace_of(tmp_path / "ws")
    assert validate_workspace(tmp_path / "ws").report.summary.errors == 0
    # one organization per OPD however it was written (long, short, capitals, with 'Kabupaten Tirtamaya')
    assert len(workspace.organizations) == len(OPDS) + 1  # + the ministry that owns the PDN
    names = {o.name for o in workspace.organizations}
    assert "Dinas Kesehatan" in names and "DINAS KESEHATAN" not in names
    assert "Kecamatan Tirtamaya" in names
    dinkes = next(o for o in workspace.organizations if o.name == "Dinas Kesehatan")
    assert (dinkes.id, dinkes.short_name, dinkes.kind) == ("dinkes", "Dinkes", "dinas")
    assert {o.kind for o in workspace.organizations} >= {"badan", "dinas", "kecamatan", "rsud", "inspektorat",
                                                          "sekretariat-daerah", "sekretariat-dprd", "instansi-pusat"}


def test_xlsx_rows_and_values(xlsx: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, marks = xlsx
    report = import_inventory(path, tmp_path / "ws")
    workspace = workspace_of(tmp_path / "ws")
    apps = {a.name: a for a in workspace.applications}
    sipd = apps["Sistem Informasi Pemerintahan Daerah"]
    assert (sipd.owner, sipd.kind, sipd.source, sipd.platform) == ("bpkad", "umum", "nasional", ["web"])
    assert sipd.technology is not None and sipd.technology.database == "PostgreSQL"
    assert sipd.users == ["bapenda", "dinkes"] and sipd.properties["pengguna"] == "Masyarakat"
    assert sipd.since == 2012
    srikandi = apps["Sistem Informasi Kearsipan Dinamis Terintegrasi"]
    assert srikandi.platform == ["web", "mobile"]
    rows = inventory_rows()
    by_name = {r["name"]: r for r in rows}
    for app_ in workspace.applications:  # years given as numbers, dates and Excel serials all come back
        assert app_.since == by_name[app_.name]["year"], app_.name
    statuses = {a.status for a in workspace.applications}
    assert statuses == {"aktif", "dihentikan", "pengembangan"}
    # the owning OPD merged down over its rows is read on every row
    assert all(isinstance(a, Application) and a.owner != "opd-belum-ditentukan" for a in workspace.applications)
    # formulas: the computed value when the file has one, a warning when it has none
    cached = next(a for a in workspace.applications if a.name == rows[10]["name"])
    assert cached.acronym == "SIPD"
    uncached = next(a for a in workspace.applications if a.name == rows[11]["name"])
    assert uncached.acronym is None
    assert [n.where for n in report.warnings if "formula" in n.message] == [f"row {marks['formula_uncached']}"]
    # the section heading merged across the table is reported, the empty rows are skipped silently
    assert [n.where for n in report.unmapped_rows] == [f"row {marks['section']}"]
    # an unknown column is reported and kept as a property
    assert [n.message.split("'")[1] for n in report.unmapped_columns] == ["Catatan Tim Survei"]
    noted = [a for a in workspace.applications if "catatan_tim_survei" in a.properties]
    assert len(noted) == sum(1 for r in rows if r["note"])


def test_server_locations_become_infrastructure(xlsx: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    path, _ = xlsx
    import_inventory(path, tmp_path / "ws")
    workspace = workspace_of(tmp_path / "ws")
    infra = {i.id: i for i in workspace.infrastructure}
    assert (infra["pdn"].kind, infra["pdn"].owner) == ("pusat-data", "komdigi")
    assert (infra["pusat-data-diskominfo"].kind, infra["pusat-data-diskominfo"].owner) == ("pusat-data", "diskominfo")
    assert infra["cloud"].kind == "komputasi-awan"
    assert infra["server-opd-dinkes"].owner == "dinkes"  # 'Server OPD' is each OPD's own server
    simpus = next(a for a in workspace.applications if a.name == "Sistem Informasi Manajemen Puskesmas")
    assert simpus.hosted_on == ["server-opd-dinkes"]


def test_csv_inventory_gives_the_same_model(xlsx: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    report = import_inventory(CSV_FILE, tmp_path / "from-csv")
    assert report.header == "row 3 of 'inventaris-tirtamaya.csv'"
    assert report.created["applications"] == 150
    assert report.unmapped_rows == [] and report.unmapped_columns == []
    import_inventory(xlsx[0], tmp_path / "from-xlsx")
    from_csv, from_xlsx = workspace_of(tmp_path / "from-csv"), workspace_of(tmp_path / "from-xlsx")
    assert {o.id for o in from_csv.organizations} == {o.id for o in from_xlsx.organizations}
    assert {i.id for i in from_csv.infrastructure} == {i.id for i in from_xlsx.infrastructure}
    assert {(a.name, a.owner, a.since, a.status) for a in from_csv.applications} == {
        (a.name, a.owner, a.since, a.status) for a in from_xlsx.applications}
    assert validate_workspace(tmp_path / "from-csv").report.summary.errors == 0


def test_committed_csv_is_current() -> None:
    expected = inventory_csv_text().encode("utf-8").replace(b"\r\n", b"\n")
    assert CSV_FILE.read_bytes().replace(b"\r\n", b"\n") == expected, "regenerate it with inventory_csv_text()"


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    import_inventory(CSV_FILE, tmp_path / "ws")
    target = tmp_path / "ws" / "aplikasi" / "aplikasi.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    with pytest.raises(SpbeError, match="would overwrite"):
        import_inventory(CSV_FILE, tmp_path / "ws")
    assert target.read_text(encoding="utf-8") == "# mine\n"
    import_inventory(CSV_FILE, tmp_path / "ws", force=True)
    assert target.read_text(encoding="utf-8").startswith("# Imported from")


def sheet(tmp_path: Path, rows: list[list[Any]], name: str = "s.xlsx") -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def test_no_recognisable_header(tmp_path: Path) -> None:
    path = sheet(tmp_path, [["Kolom A", "Kolom B"], ["satu", "dua"]])
    with pytest.raises(SpbeError, match=r"no header row found.*--mapping"):
        import_inventory(path, tmp_path / "ws")


def test_mapping_file_names_the_columns(tmp_path: Path) -> None:
    path = sheet(tmp_path, [["Rekap"], ["Sistem", "Unit Pengelola", "Nomor SK", "Tahun Anggaran"],
                            ["Aplikasi Gaji", "BKPSDM", "SK-12/2020", 2021]])
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("header_row: 2\ncolumns:\n  Sistem: name\n  Unit Pengelola: owner\n"
                       "  Nomor SK: property:nomor_sk\n  Tahun Anggaran: since\ngovernment: Pemerintah Kota Uji\n",
                       encoding="utf-8")
    report = import_inventory(path, tmp_path / "ws", mapping_file=mapping)
    workspace = workspace_of(tmp_path / "ws")
    (gaji,) = workspace.applications
    assert (gaji.name, gaji.owner, gaji.since) == ("Aplikasi Gaji", "bkpsdm", 2021)
    assert gaji.properties == {"nomor_sk": "SK-12/2020", "source_rows": "s.xlsx:3"}
    assert workspace.manifest.government.name == "Pemerintah Kota Uji"
    assert workspace.manifest.government.kind == "kota"
    assert report.unmapped_columns == []


def test_bad_mapping_file(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns: {Sistem: nama}\n", encoding="utf-8")
    with pytest.raises(SpbeError, match="maps to 'nama'"):
        load_mapping(mapping)
    mapping.write_text("kolom: {}\n", encoding="utf-8")
    with pytest.raises(SpbeError, match="kolom"):
        load_mapping(mapping)


def test_rows_without_a_name_and_repeated_rows_are_reported(tmp_path: Path) -> None:
    path = sheet(tmp_path, [
        ["Nama Aplikasi", "OPD Pemilik", "Status", "Tahun Pembuatan", "Media"],
        ["e-Kinerja", "BKPSDM", "Aktif", "2019", "Web"],
        [None, "Dinkes", "Aktif", None, None],
        [None, None, None, None, None],
        ["e-Kinerja", "BKPSDM", "Aktif", "2019", "Web"],
        ["Nama Aplikasi", "OPD Pemilik", "Status", "Tahun Pembuatan", "Media"],  # the header printed again
        ["SIMPUS", None, "entah", "sekitar tahun lalu", "Papan tulis"],
    ])
    report = import_inventory(path, tmp_path / "ws")
    assert [n.where for n in report.unmapped_rows] == ["row 3"]
    assert "no application name" in report.unmapped_rows[0].message
    merges = [n for n in report.assumptions if n.where == "row 5"]
    assert len(merges) == 1 and "system of row 2" in merges[0].message
    warnings = " | ".join(n.message for n in report.warnings)
    assert "names no owning OPD" in warnings and "status 'entah'" in warnings
    assert "year 'sekitar tahun lalu'" in warnings and "platform 'Papan tulis'" in warnings
    workspace = workspace_of(tmp_path / "ws")
    simpus = workspace.get("simpus")
    assert simpus.owner == "opd-belum-ditentukan"
    assert simpus.properties == {"tahun": "sekitar tahun lalu", "platform": "Papan tulis", "source_rows": "s.xlsx:7"}
    assert workspace.get("e-kinerja").properties["source_rows"] == "s.xlsx:2; s.xlsx:5"


def test_header_variants_are_recognised() -> None:
    for text, field in [("NAMA APLIKASI", "name"), ("Nama Aplikasi/Sistem Informasi", "name"),
                        ("Nama Aplikas", "name"), ("OPD Pemilik", "owner"), ("Perangkat Daerah", "owner"),
                        ("OPD Pengguna", "users"), ("Fungsi", "description"), ("Deskripsi", "description"),
                        ("Klasifikasi (Umum/Khusus)", "kind"), ("Kategori (Pusat/Lokal)", "source"),
                        ("Media", "platform"), ("Platform", "platform"), ("Status", "status"),
                        ("Tahun Pembuatan", "since"), ("Link", "url"), ("URL", "url"), ("Basis Data", "database"),
                        ("Bahasa Pemrograman", "language"), ("Lokasi Server", "hosted_on"), ("Singkatan", "acronym"),
                        ("No.", "ignore"), ("Kategori Keamanan", "security_category")]:
        found = match_header(text)
        assert found is not None and found[0] == field, text
    assert match_header("Warna Favorit") is None


def test_opd_names_are_deduplicated() -> None:
    registry = OrgRegistry(IdAllocator())
    for text in ["Dinas Kesehatan", "DINAS KESEHATAN", "Dinkes", "Dinas Kesehatan Kabupaten Tirtamaya",
                 "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Kec. Bangil",
                 "Kecamatan Bangil", "Inspektorat", "Inspektorat Daerah"]:
        registry.collect(text)
    registry.build()
    assert len(registry.orgs) == 4
    assert registry.resolve("dinkes") is registry.resolve("Dinas Kesehatan")
    assert registry.resolve("BKPSDM").id == "bkpsdm"  # type: ignore[union-attr]
    assert registry.resolve("Kec. Bangil").name == "Kecamatan Bangil"  # type: ignore[union-attr]
    assert organization_kind("Kecamatan Bangil") == "kecamatan"
    assert organization_kind("RSUD Bangil") == "rsud"


def test_an_opd_written_only_by_its_short_form_is_named_in_full() -> None:
    # Kabupaten Pandan Arum (written blind): "Bappedalitbang" and "BKPSDM" stood alone in the sheet; the
    # document names the OPD, and the finder reads its affairs, by its full name
    registry = OrgRegistry(IdAllocator())
    for text in ["Bappedalitbang", "BKPSDM", "Dispermades", "Bapperida"]:
        registry.collect(text)
    registry.build()
    names = {text: registry.resolve(text).name for text in ["Bappedalitbang", "BKPSDM", "Dispermades", "Bapperida"]}  # type: ignore[union-attr]
    assert names == {"Bappedalitbang": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
                     "BKPSDM": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                     "Dispermades": "Dinas Pemberdayaan Masyarakat dan Desa",
                     "Bapperida": "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"}


def test_non_spreadsheet_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "fake.xlsx"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(SpbeError, match=r"not a readable \.xlsx"):
        import_inventory(bad, tmp_path / "ws")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SpbeError, match=r"save the sheet as \.xlsx"):
        import_inventory(old, tmp_path / "ws")
    with pytest.raises(SpbeError, match="no such file"):
        import_inventory(tmp_path / "none.csv", tmp_path / "ws")


def test_csv_with_commas_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Nama Aplikasi", "Perangkat Daerah", "Deskripsi"])
        writer.writerow(["Aplikasi Pelayanan Terpadu", "Dinas Sosial", "Layanan sosial, bantuan – café"])
    import_inventory(path, tmp_path / "ws")
    (only,) = workspace_of(tmp_path / "ws").applications
    assert only.description == "Layanan sosial, bantuan – café"


def test_build_inventory_is_deterministic(xlsx: tuple[Path, dict[str, int]]) -> None:
    first, _, _ = build_inventory(xlsx[0])
    second, _, _ = build_inventory(xlsx[0])
    assert first == second


def test_cli_import_inventory(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["import", "inventory", str(CSV_FILE), "--into", str(tmp_path / "ws"),
                                 "--government", "Pemerintah Kabupaten Tirtamaya"])
    assert result.exit_code == 0, result.output
    assert "150 applications" in result.output and "'NAMA APLIKASI' -> name" in result.output
    again = runner.invoke(app, ["import", "inventory", str(CSV_FILE), "--into", str(tmp_path / "ws")])
    assert again.exit_code == 2 and "would overwrite" in again.output
    assert workspace_of(tmp_path / "ws").manifest.government.name == "Pemerintah Kabupaten Tirtamaya"


def test_opd_names_with_commas_in_the_users_column(tmp_path: Path) -> None:
    path = sheet(tmp_path, [
        ["Nama Aplikasi", "OPD Pemilik", "OPD Pengguna"],
        ["SIGA", "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB", "Dinkes"],
        ["e-Musrenbang", "Dinkes",
         "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB, Badan Perencanaan Pembangunan, Riset dan "
         "Inovasi Daerah, Masyarakat"],
    ])
    import_inventory(path, tmp_path / "ws")
    workspace = workspace_of(tmp_path / "ws")
    names = sorted(o.name for o in workspace.organizations)
    assert names == ["Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Dinas Kesehatan",
                     "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB"]
    musrenbang = next(a for a in workspace.applications if a.name == "e-Musrenbang")
    assert len(musrenbang.users) == 2 and musrenbang.properties["pengguna"] == "Masyarakat"


def _sheet(tmp_path: Path, lines: list[str]) -> tuple[dict[str, str], ImportReport, list[Element]]:
    """A small CSV sheet (header line first) through the inventory import, nothing written."""
    source = tmp_path / "apps.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build_inventory(source)


def test_the_government_named_by_most_rows_is_the_pemda_s_when_the_sheet_has_no_title(tmp_path: Path) -> None:
    rows = ["Nama Aplikasi,OPD Pemilik,Keterangan",
            "Web SKPD Dinas Sosial Kab. Konawe Selatan,Dinas Sosial,Website",
            "Statistik Dinkes,Dinas Kesehatan,Data statistik Kabupaten Konawe Selatan",
            "SIMPEG,Badan Kepegawaian Daerah,Kepegawaian KAB. KONAWE SELATAN",
            "Kota Layak Anak,Dinas Sosial,Program kota layak anak",
            "SIMRAL,Badan Keuangan Daerah,Perencanaan dan penganggaran"]
    files, report, _ = _sheet(tmp_path, rows)
    assert "name: Pemerintah Kabupaten Konawe Selatan" in files["spbe.yaml"]
    assert any("3 of 5 rows name Kabupaten Konawe Selatan" in note.message for note in report.assumptions)
    # one row naming a place is not the Pemda
    files, report, _ = _sheet(tmp_path, rows[:1] + rows[4:])
    assert "name: Pemerintah Daerah" in files["spbe.yaml"]
    assert any("set it (or give --government)" in note.message for note in report.assumptions)


def test_the_pemda_on_whose_domain_most_addresses_are_is_the_pemda_s_when_nothing_else_names_it(
        tmp_path: Path) -> None:
    rows = ["Nama Aplikasi,OPD Pemilik,Kategori",
            "https://dishub.gunungkidulkab.go.id,Dinas Perhubungan,OPD",
            "https://nglipar.gunungkidulkab.go.id,Kapanewon Nglipar,Kapanewon",
            "https://nglipar.puskeswan.gunungkidulkab.go.id,UPT Puskeswan Nglipar,Puskeswan",
            "https://lpse.lkpp.go.id,Bagian Pengadaan Barang dan Jasa,Other"]
    files, report, _ = _sheet(tmp_path, rows)
    assert "name: Pemerintah Kabupaten Gunungkidul" in files["spbe.yaml"]
    assert any("3 of 4 rows have addresses on Kabupaten Gunungkidul's domain" in note.message
               for note in report.assumptions)
    # one address on a Pemda's domain is not enough
    files, _, _ = _sheet(tmp_path, rows[:2] + rows[4:])
    assert "name: Pemerintah Daerah" in files["spbe.yaml"]


def test_a_category_that_says_how_a_system_is_reached_is_its_platform_and_one_warning_is_said_once(
        tmp_path: Path) -> None:
    rows = ["Nama Aplikasi,OPD Pemilik,Kategori",
            "SIMPEG,Badan Kepegawaian Daerah,Aplikasi berbasis Website",
            "E-Kinerja Mobile,Badan Kepegawaian Daerah,Aplikasi berbasis Mobile",
            "SIPPADU,Satuan Polisi Pamong Praja,Website - Layanan Publik",
            "Website Dinas Sosial,Dinas Sosial,Website",
            "Lapor Bupati,Inspektorat,Kanal Warga",
            "Rekap Aduan,Inspektorat,Kanal Warga",
            "Peta Aduan,Inspektorat,Kanal Warga",
            "Bansos,Dinas Sosial,Kanal Warga"]
    _, report, elements = _sheet(tmp_path, rows)
    apps = {e.name: e for e in elements if isinstance(e, Application)}
    assert apps["SIMPEG"].platform == ["web"] and apps["E-Kinerja Mobile"].platform == ["mobile"]
    assert apps["SIPPADU"].platform == ["web"] and "website" not in apps["SIPPADU"].tags  # a web application
    assert apps["SIPPADU"].properties["kategori"] == "Website - Layanan Publik"
    assert "website" in apps["Website Dinas Sosial"].tags
    # the category nobody understood is still reported, once for the rows it is said of
    assert len(report.warnings) == 4
    text = report_text(report)
    assert "rows 6-9: category 'Kanal Warga' is neither a provider" in text
    assert text.count("Kanal Warga") == 1


def test_opd_names_written_in_the_ways_of_real_sheets_are_one_organization() -> None:
    registry = OrgRegistry(IdAllocator())
    spellings = [  # (one organization's names as sheets write them)
        ["Dinas Komunikasi dan Informatika", "Dinas Kominfo"],
        ["Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR"],
        ["Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPM-PTSP", "DPMPTSP"],
        ["Dinas Perumahan dan Kawasan Permukiman", "Disperkim"],
        ["Dinas Perpustakaan dan Kearsipan", "Dispusip"],
        ["Bagian Pengadaan Barang dan Jasa", "Bagian PBJ"],
        ["Bagian Protokol dan Komunikasi Pimpinan", "Bagian Prokopim"],
        ["Puskesmas Karangrejo", "PKM Karangrejo"],
        ["Perumda Air Minum Tirta Wangi", "PDAM Tirta Wangi", "Perumdam Tirta Wangi"],
        ["Dinas Pendidikan dan Kebudayaan", "Dinas Pendidikan"],
        ["Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"],
        ["Badan Keuangan"],  # a word of the language is not letters picked from another name
        ["Dinas Kelautan dan Perikanan"],  # DKP is the initials of both: it names neither
        ["Dinas Kebudayaan dan Pariwisata"],
        ["DKP"],
        # a province's sheet: the short form beside a mistyped long name, and a bureau that a short form's
        # letters could be picked from (b-p-k-a-d of "Biro PereKonomiAn setDa")
        ["Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Pengelolan Keuangan dan Aset Daerah",
         "BPKAD Prov. Andalas Tengah"],
        ["Biro Perekonomian Setda Provinsi Andalas Tengah"],
        ["Dinas Perhubungan", "Dinas Perhubngan"],
        ["Sekretariat DPRD Provinsi Andalas Tengah", "Setwan DPRD Prov. Andalas Tengah", "Setwan"],
        ["Dinas Pertanian"],  # two words of the language, a letter or two apart: two OPDs
        ["Dinas Pertanahan"],
    ]
    for names in spellings:
        for text in names:
            registry.collect(text)
    registry.build()
    assert len(registry.orgs) == len(spellings)
    for names in spellings:
        found = {registry.resolve(text).id for text in names}  # type: ignore[union-attr]
        assert len(found) == 1, names
    assert registry.resolve("Dinas PUPR").name == "Dinas Pekerjaan Umum dan Penataan Ruang"  # type: ignore[union-attr]
    # a mistyped spelling is resolved and kept aside, never shown as the name
    perhubungan = registry.resolve("Dinas Perhubngan")
    assert perhubungan is not None and perhubungan.name == "Dinas Perhubungan"
    assert perhubungan.written_as == ["Dinas Perhubngan"]


def test_the_government_is_read_off_the_addresses_the_rows_have() -> None:
    from spbe_arch.exchange.inventory import government_in_addresses

    # half the rows have an address, most of those on the city's domain; the rows write the place in two words
    rows = [f"Aplikasi {n} https://app{n}.tanjungbatukota.go.id Dinas X" for n in range(6)]
    rows += ["SRIKANDI https://srikandi.arsip.go.id Bagian Umum", "Portal Kota Tanjung Batu Diskominfo"]
    rows += [f"Aplikasi tanpa alamat {n}" for n in range(8)]
    assert government_in_addresses(rows) == ("kota", "Tanjung Batu", 6)
    # a domain without a kind (magetan.go.id): the rows say which kind of Pemda it is
    rows = [f"app{n}.magetan.go.id SETDA Kab Magetan" for n in range(4)]
    assert government_in_addresses(rows) == ("kabupaten", "Magetan", 4)
    # a national domain most rows share is not the Pemda's
    assert government_in_addresses([f"lapor.go.id OPD {n}" for n in range(5)]) is None

