"""Duplicates on real-shaped inventories: the CSV through `spbe import inventory`, then the finder.

Covers the two kinds of finding (one system listed on several rows; different systems doing one job),
the merging of same-system rows at import, proposals an architect can sign, the scoring against
hand labels, and the bad input of real inventories (only websites, empty descriptions, one name on
1,000 rows, capitals, names that are only addresses, one template description on 200 rows).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.duplicates import find_duplicates
from spbe_arch.duplicates.inventory_labels import evaluate_inventory, load_inventory_labels
from spbe_arch.exchange.inventory import import_inventory
from spbe_arch.loader import open_workspace
from spbe_arch.workspace import Workspace
from tests.inventory_factory import app_rows, import_rows, row_pairs, write_inventory


def _by_row(workspace: Workspace) -> dict[str, str]:
    """Inventory row id -> application id."""
    return {row: app.id for app in workspace.applications
            for row in str(app.properties.get("source_ids", "")).split("; ") if row}


INVENTORY = [
    ["R01", "Srikandi", "Dinas Kesehatan", "Aplikasi persuratan dinas", "Aktif", "Pusat"],
    ["R02", "SRIKANDI", "Dinas Pendidikan", "Persuratan elektronik", "Aktif", "Pusat"],
    ["R03", "EP3", "Kecamatan Wonosari", "Pelayanan perizinan kecamatan", "Aktif", "Aplikasi"],
    ["R04", "E-P3", "Kecamatan Cepogo", "Pelayanan perizinan kecamatan", "Aktif", "Aplikasi"],
    ["R05", "EP3DN", "Dinas Perdagangan", "Pendaftaran produk dalam negeri", "Aktif", "Aplikasi"],
    ["R06", "Aplikasi Antrian", "Dinas Kesehatan", "Antrian pasien di loket pendaftaran", "Aktif", "Aplikasi"],
    ["R07", "Aplikasi Antrian", "Dinas Kependudukan dan Pencatatan Sipil", "Antrean layanan kependudukan di loket",
     "Aktif", "Aplikasi"],
    ["R08", "dinkes.sukamakmur.go.id", "Dinas Kesehatan", "Website Dinas Kesehatan", "", "Website"],
    ["R09", "disdik.sukamakmur.go.id", "Dinas Pendidikan", "Website Dinas Pendidikan", "", "Website"],
    ["R10", "e-kinerja.sukamakmur.go.id", "Badan Kepegawaian Daerah", "Penilaian kinerja ASN", "", "Aplikasi"],
    ["R11", "e-Kinerja (Mobile)", "Dinas Sosial", "e-kinerja versi mobile", "", "Aplikasi"],
    ["R12", "SIPEKAT", "Badan Kepegawaian Daerah", "Aplikasi kenaikan pangkat. Bagian dari SIMPEG", "", "Aplikasi"],
    ["R13", "simpeg.sukamakmur.go.id", "Badan Kepegawaian Daerah", "Data kepegawaian dan kenaikan pangkat", "",
     "Aplikasi"],
    ["R14", "Sistem Billing Air", "PDAM Tirta Sukamakmur", "Penagihan rekening air pelanggan", "", "Aplikasi"],
    ["R15", "SP2D Online", "Badan Keuangan Daerah", "Penerbitan surat perintah pencairan dana", "", "Aplikasi"],
    ["R16", "SIPD", "Badan Keuangan Daerah", "Sistem Informasi Pemerintahan Daerah", "", "Pusat"],
    ["R17", "SIPERDIN", "Sekretariat Daerah", "Surat perintah perjalanan dinas", "", "Aplikasi"],
]


@pytest.fixture
def inventory(tmp_path: Path) -> Workspace:
    return import_rows(tmp_path, INVENTORY)


def test_import_merges_one_system_into_one_application_with_its_users(tmp_path: Path) -> None:
    report = import_inventory(write_inventory(tmp_path / "apps.csv", INVENTORY), tmp_path / "ws")
    workspace, _ = open_workspace(tmp_path / "ws")
    rows = _by_row(workspace)
    assert rows["R01"] == rows["R02"]  # SRIKANDI of two OPDs: one national application
    assert rows["R03"] == rows["R04"]  # EP3 of every kecamatan: the Pemda's one system
    assert rows["R05"] != rows["R03"]  # EP3DN is another system
    assert rows["R06"] != rows["R07"]  # a name of a kind of system: two queue systems
    srikandi = workspace.get(rows["R01"])
    assert srikandi.source == "nasional" and len([srikandi.owner, *srikandi.users]) == 2
    assert srikandi.properties["source_rows"] == "apps.csv:2; apps.csv:3"
    merges = [n.message for n in report.assumptions if "merged into it" in n.message]
    assert len(merges) == 2 and any("'E-P3'" in m for m in merges)


def test_import_marks_websites_and_records_addresses(inventory: Workspace) -> None:
    rows = _by_row(inventory)
    site = inventory.get(rows["R08"])
    assert site.tags == ["website"] and site.url == "https://dinkes.sukamakmur.go.id"
    assert inventory.get(rows["R06"]).tags == []


def test_two_kinds_of_finding(inventory: Workspace) -> None:
    report = find_duplicates(inventory)
    rows = _by_row(inventory)
    kinds = {frozenset((p.a, p.b)): p.kind for p in report.pairs}
    assert kinds[frozenset((rows["R10"], rows["R11"]))] == "same_system"  # web and mobile client
    assert kinds[frozenset((rows["R12"], rows["R13"]))] == "same_system"  # "Bagian dari SIMPEG"
    assert kinds[frozenset((rows["R06"], rows["R07"]))] == "functional"  # two queue systems
    assert kinds[frozenset((rows["R15"], rows["R16"]))] == "functional"  # SP2D next to SIPD
    assert frozenset((rows["R15"], rows["R17"])) not in kinds  # SP2D is not travel orders
    assert frozenset((rows["R08"], rows["R09"])) not in kinds  # each OPD's website is its own
    assert not any(rows["R14"] in pair for pair in kinds)  # a BUMD's billing is not the Pemda's
    same = next(g for g in report.groups if g.kind == "same_system" and rows["R10"] in g.applications)
    assert same.users == sorted(same.users) and len(same.users) == 2


def test_proposals_are_usulan_by_name_never_retire(inventory: Workspace) -> None:
    report = find_duplicates(inventory, language="id")
    for group in report.groups:
        assert group.proposal.startswith("Usulan:")
        assert "hentikan" not in group.proposal and "`" not in group.proposal
        assert not any(app_id in group.proposal for app_id in group.applications if "-" in app_id)
    same = next(g for g in report.groups if g.kind == "same_system")
    assert "catat sebagai satu aplikasi" in same.proposal
    sipd = next(g for g in report.groups if g.national_application and g.kind == "functional"
                and "SP2D Online" in g.proposal)
    assert "SIPD" in sipd.proposal and "Permendagri 70/2019" in sipd.proposal


def test_portal_and_planned_applications_are_kept(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({
        "aplikasi.yaml": """\
        applications:
          - {id: geoportal, name: Geoportal Kabupaten, owner: diskominfo, description: Peta tematik daerah}
          - {id: peta-pupr, name: Sistem Informasi Peta Tematik, owner: bkpsdm, description: Peta tematik daerah}
          - {id: presensi-a, name: Presensi Pegawai, owner: diskominfo}
          - {id: presensi-b, name: Presensi Pegawai Online, owner: bkpsdm}
        """,
        "roadmap.yaml": """\
        roadmap:
          - {id: rm-presensi, name: Pengembangan presensi pegawai terpadu, owner: bkpsdm, year: 2026,
             affects: [presensi-b]}
        """})
    report = find_duplicates(root, language="id")
    geo = report.group_of("geoportal")
    assert geo is not None and "ke dalam Geoportal Kabupaten" in geo.proposal  # the geoportal is what stays
    assert "dipertahankan" in geo.proposal and "konsolidasikan Geoportal" not in geo.proposal
    presensi = report.group_of("presensi-a")
    assert presensi is not None and "Pengembangan presensi pegawai terpadu (2026)" in presensi.proposal
    assert "ke dalam Presensi Pegawai Online" not in presensi.proposal or "dipertahankan" in presensi.proposal


def test_a_plan_that_unifies_the_group_keeps_only_the_portal(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({
        "aplikasi.yaml": """\
        applications:
          - {id: geoportal, name: Geoportal Kabupaten, owner: diskominfo, description: Peta tematik daerah}
          - {id: peta-pupr, name: Sistem Informasi Peta Tematik, owner: bkpsdm, description: Peta tematik daerah}
        """,
        "roadmap.yaml": """\
        roadmap:
          - {id: rm-geo, name: Geoportal tunggal simpul jaringan, owner: diskominfo, year: 2027,
             affects: [geoportal, peta-pupr]}
        """})
    proposal = _proposal_of(root, "peta-pupr")
    assert f"konsolidasikan Sistem Informasi Peta Tematik ({BKPSDM}) ke dalam Geoportal Kabupaten" in proposal
    assert "Geoportal tunggal simpul jaringan (2027)" in proposal  # the plan is cited ...
    assert f"Geoportal Kabupaten ({DISKOMINFO}) adalah geoportal" in proposal  # ... the geoportal kept by name ...
    assert "dipertahankan: peta rencana" not in proposal  # ... and what the plan unifies is not "kept" by it
    assert "adalah portal resmi" not in proposal  # the geoportal is not called an official portal


def test_a_group_whose_members_all_stay_is_no_proposal() -> None:
    example = Path(__file__).resolve().parent.parent / "models" / "kabupaten-pasuruan"
    report = find_duplicates(example, language="id")
    # the official portal and the OPDs' shared website platform look alike and the pair is reported ...
    assert any({p.a, p.b} == {"portal-pasuruankab", "website-opd"} for p in report.pairs)
    # ... but both are official portals that stay: no group proposes a change that cannot be made
    assert report.group_of("portal-pasuruankab") is None and report.group_of("website-opd") is None
    assert not any("tidak ada perubahan" in g.proposal for g in report.groups)


def test_a_dashboard_of_a_national_function_is_no_copy_of_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"aplikasi.yaml": """\
        applications:
          - {id: dash-duk, name: Dashboard Data Agregat Kependudukan, owner: diskominfo,
             description: Dashboard data agregat kependudukan per kecamatan}
          - {id: layan-duk, name: Sistem Informasi Data Kependudukan, owner: bkpsdm,
             description: Pencatatan biodata penduduk dan kartu keluarga}
        """})
    report = find_duplicates(root, language="id")
    # the dashboard shows population data, the local register records it: only the register does SIAK's
    # job (none of the 25 pairs of a dashboard or a monitoring beside a national application's row in the
    # labelled inventories is a duplicate)
    assert report.group_of("dash-duk") is None
    service = report.group_of("layan-duk")
    assert service is not None and service.applications == ["layan-duk"]
    assert f"alihkan Sistem Informasi Data Kependudukan ({BKPSDM}) ke SIAK" in service.proposal
    assert "Dashboard" not in service.proposal


def test_a_dashboard_alone_beside_the_national_application_makes_no_group(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"aplikasi.yaml": """\
        applications:
          - {id: siak, name: SIAK, owner: diskominfo, source: nasional,
             description: Sistem Informasi Administrasi Kependudukan}
          - {id: dash-duk, name: Dashboard Data Agregat Kependudukan, owner: bkpsdm,
             description: Dashboard data agregat kependudukan per kecamatan}
          - {id: duk, name: Sistem Informasi Data Kependudukan, owner: bkpsdm}
        """})
    report = find_duplicates(root, language="id")
    assert report.group_of("dash-duk") is None
    assert not [p for p in report.pairs if "dash-duk" in (p.a, p.b)]
    assert report.group_of("duk") is not None  # beside it, a local register of the population is a copy


DISKOMINFO, BKPSDM = "Dinas Komunikasi dan Informatika", "BKPSDM"  # the organizations of conftest.ORGS


def _proposal_of(root: Path, app_id: str) -> str:
    group = find_duplicates(root, language="id").group_of(app_id)
    assert group is not None
    return group.proposal


def test_labels_score_merged_rows_as_found(tmp_path: Path, inventory: Workspace) -> None:
    labels = tmp_path / "labels.yaml"
    labels.write_text("""\
same_system:
  - rows: [R01, R02]
  - rows: [R10, R11]
functional:
  - {rows: [R06, R07], confidence: high}
  - {rows: [R05, R03], confidence: low}
borderline:
  - rows: [R08, R09]
""", encoding="utf-8")
    expected, excluded = load_inventory_labels(labels)
    assert expected[frozenset(("R06", "R07"))] == "functional"
    assert frozenset(("R03", "R05")) in excluded and frozenset(("R08", "R09")) in excluded
    result = evaluate_inventory(find_duplicates(inventory), inventory, labels)
    assert result.by_kind["same_system"].found == 2  # R01-R02 were merged at import: found
    assert result.by_kind["functional"].found == 1
    assert result.overall.recall == 1.0 and ("R03", "R04", "same_system") in result.wrong


# -- bad input --------------------------------------------------------------------------------------

def _timed_find(workspace: Workspace) -> tuple[float, int, int]:
    start = time.perf_counter()
    report = find_duplicates(workspace)
    return time.perf_counter() - start, len(report.pairs), len(report.groups)


def test_only_websites_with_one_template_description(tmp_path: Path) -> None:
    rows = [[f"W{i:03d}", f"desa{i:03d}.sukamakmur.go.id", f"Desa Nomor {i}", f"Web Desa Nomor {i}", "", "WEB"]
            for i in range(200)]
    workspace = import_rows(tmp_path, rows)
    assert len(workspace.applications) == 200
    _, pairs, groups = _timed_find(workspace)
    assert (pairs, groups) == (0, 0)  # two villages' sites are two sites


def test_one_name_on_a_thousand_rows_is_one_application(tmp_path: Path) -> None:
    rows = [[f"X{i:04d}", "SRIKANDI" if i % 2 else "Srikandi", f"Kecamatan Nomor {i}", "", "", "Pusat"]
            for i in range(1000)]
    workspace = import_rows(tmp_path, rows)
    assert len(workspace.applications) == 1
    assert len(workspace.applications[0].users) == 999


def test_one_name_on_a_thousand_applications_stays_linear(make_workspace) -> None:  # type: ignore[no-untyped-def]
    apps = "applications:\n" + "".join(
        f"  - {{id: ep3-{i:04d}, name: {'EP3' if i % 3 else 'E-P3'}, owner: {'bkpsdm' if i % 2 else 'diskominfo'}}}\n"
        for i in range(1000))
    workspace, _ = open_workspace(make_workspace({"aplikasi.yaml": apps}))
    report = find_duplicates(workspace)
    assert {p.kind for p in report.pairs} == {"same_system"}
    assert len(report.pairs) == 999 and len(report.groups) == 1  # a spanning tree, not 499,500 pairs


def test_capitals_empty_descriptions_and_address_names(tmp_path: Path) -> None:
    rows = [
        ["C1", "APLIKASI PRESENSI PEGAWAI", "DINAS KESEHATAN", "", "", ""],
        ["C2", "aplikasi presensi pegawai", "Dinas Pendidikan", "", "", ""],
        ["C3", "https://presensi.sukamakmur.go.id", "Badan Kepegawaian Daerah", "", "", ""],
        ["C4", "presensi.sukamakmur.go.id/", "Dinas Sosial", "", "", ""],
    ]
    workspace = import_rows(tmp_path, rows)
    rows_of = _by_row(workspace)
    assert rows_of["C3"] == rows_of["C4"]  # one address: one system
    report = find_duplicates(workspace)
    kinds = {frozenset((p.a, p.b)): p.kind for p in report.pairs}
    assert kinds.get(frozenset((rows_of["C1"], rows_of["C2"]))) == "functional"


def test_cli_lang_and_kind_in_every_format(inventory: Workspace) -> None:
    runner = CliRunner()
    root = str(inventory.root)
    text = runner.invoke(app, ["duplicates", root, "--lang", "id"])
    assert text.exit_code == 0 and "Usulan:" in text.output and "jenis: sistem yang sama" in text.output
    md = runner.invoke(app, ["duplicates", root, "-f", "md"])
    assert md.exit_code == 0 and "Kind: functional" in md.output
    as_csv = runner.invoke(app, ["duplicates", root, "-f", "csv"])
    assert ",same_system," in as_csv.output and ",functional," in as_csv.output
    assert runner.invoke(app, ["duplicates", root, "--lang", "fr"]).exit_code == 2
    # the threshold as given, with a decimal comma in Indonesian (not rounded to two digits)
    given = runner.invoke(app, ["duplicates", root, "--lang", "id", "--threshold", "0.575"])
    assert "pada ambang 0,575;" in given.output.splitlines()[0]
    assert "at threshold 0.575;" in runner.invoke(app, ["duplicates", root, "--threshold", "0.575"]).output


@pytest.mark.parametrize(("setting", "line", "message"), [
    ("  not_duplicates:\n    - [a]\n", 5, "at least 2 items"),
    ("  not_duplicates:\n    - [a, a]\n", 5, "names one application"),
    ("  places: ['  ']\n", 4, "at least 1 character"),
    ("  aliases: {SIMAK: ''}\n", 4, "at least 1 character"),
])
def test_bad_duplicates_settings_are_clean_errors(make_workspace, setting: str, line: int,  # type: ignore[no-untyped-def]
                                                  message: str) -> None:
    manifest = ("spbe: 1\ngovernment: {name: Pemerintah Kabupaten Sukamakmur, kind: kabupaten}\nduplicates:\n"
                + setting)
    root = make_workspace({}, manifest=manifest)
    result = CliRunner().invoke(app, ["duplicates", str(root)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"spbe.yaml:{line}:" in result.output and message in result.output


def test_a_kind_of_system_in_a_thousand_opds_stays_linear(tmp_path: Path) -> None:
    rows = [[f"P{i:04d}", "APLIKASI PRESENSI", f"Kecamatan Nomor {i}", "Presensi pegawai", "", "Aplikasi"]
            for i in range(1000)]
    workspace = import_rows(tmp_path, rows)
    assert len(workspace.applications) == 1000  # one kind of system in many OPDs: not merged
    report = find_duplicates(workspace)
    assert {p.kind for p in report.pairs} == {"functional"}
    assert len(report.pairs) == 999 and len(report.groups) == 1


@pytest.mark.parametrize(("name", "category"), [("Website PPID Kecamatan", "Website"),
                                              ("Aplikasi Layanan Informasi Publik Kecamatan", "Aplikasi")])
def test_one_function_under_many_names_in_many_opds_stays_linear(tmp_path: Path, name: str, category: str) -> None:
    places = [f"{first} {100 + i}" for i, first in enumerate(["Alpha", "Beta", "Gamma", "Delta"] * 75)]
    rows = [[f"K{i:03d}", f"{name} {place}", f"Kecamatan {place}", "", "", category] for i, place in enumerate(places)]
    workspace = import_rows(tmp_path, rows)
    assert len(workspace.applications) == 300
    report = find_duplicates(workspace)
    # 300 systems of one function (PPID) under 300 names: one group, whose pairs are a spanning tree
    # (299), not all 44,850 of them
    assert {p.kind for p in report.pairs} == {"functional"}
    assert len(report.pairs) == 299
    assert [len(g.applications) for g in report.groups] == [300]


def test_a_portal_address_on_every_row_does_not_merge_them(tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    path.write_text("Nama Aplikasi,OPD Pemilik,Link\n" + "".join(
        f"{name},Dinas Nomor {i},https://sukamakmur.go.id\n"
        for i, name in enumerate(["SIMPEG", "e-Office", "SIMDA", "SIPP"])), encoding="utf-8")
    import_inventory(path, tmp_path / "ws")
    workspace, _ = open_workspace(tmp_path / "ws")
    assert len(workspace.applications) == 4


def test_a_word_two_offices_gave_their_systems_names_two_systems(tmp_path: Path) -> None:
    """SIKAP of the BKPSDM and SIKAP of the Dinas Sosial: a word of the language given by two OPDs, names
    only. Two systems that happen to share a catchy name, neither merged at import nor paired by the
    finder; the same word given by three OPDs, or by two hospitals, names one system they share."""
    rows = [
        ["W01", "SIKAP", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "", "", "Aplikasi"],
        ["W02", "SIKAP", "Dinas Sosial", "", "", "Aplikasi"],
        ["W03", "Si-Mantap", "Dinas Perhubungan", "", "", "Aplikasi"],
        ["W04", "SIMANTAP", "Dinas Pekerjaan Umum dan Penataan Ruang", "", "", "Aplikasi"],
        ["W05", "SIMANTAP", "Dinas Pendidikan", "", "", "Aplikasi"],
        ["W06", "E-Klaim", "RSUD Kota Sukamakmur", "", "", "Aplikasi"],
        ["W07", "E-Klaim", "Rumah Sakit Jiwa Daerah", "", "", "Aplikasi"],
        ["W08", "EP3", "Kecamatan Sumberejo", "", "", "Aplikasi"],
        ["W09", "EP3", "Dinas Sosial", "", "", "Aplikasi"],
    ]
    workspace = import_rows(tmp_path, rows)
    merged = {tuple(sorted(r.split("; "))) for r in app_rows(workspace).values()}
    assert ("W01",) in merged and ("W02",) in merged
    assert ("W03", "W04", "W05") in merged  # three OPDs: a system they share
    assert ("W06", "W07") in merged  # two hospitals' claims application: one system
    assert ("W08", "W09") in merged  # not a word of the language: one name, one system
    assert frozenset(("W01", "W02")) not in row_pairs(workspace)
    report = import_inventory(write_inventory(tmp_path / "again.csv", rows), tmp_path / "again")
    notes = [n.message for n in report.assumptions if "a word many offices give their own systems" in n.message]
    assert len(notes) == 1 and "'SIKAP' of Dinas Sosial" in notes[0]
