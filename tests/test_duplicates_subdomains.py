"""A register of a Pemda's subdomains: one row per host, named by the host alone. One system sits at
several hosts (its versions and copies, v2.simpeg, tes2.daftar.blk; its doors and parts, api.epresensi,
cetak.sitapres), while the hosts under an OPD's own host are that OPD's applications (sipd.bapeda,
e-form.diskominfo) and a kecamatan's site is its own. Shapes taken from a real kabupaten's register."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.duplicates.systems import names_an_area_site, opd_labels_apart, system_host
from tests.inventory_factory import app_rows, import_rows

HEADER = ["id", "name", "owner_opd", "description", "url", "status", "category"]


def _row(row_id: str, host: str, owner: str, status: str = "1") -> list[str]:
    return [row_id, f"{host}.tirtamaya.go.id", owner, "", f"{host}.tirtamaya.go.id", status, ""]


def test_a_version_a_copy_or_a_door_of_a_system_is_read_at_its_host() -> None:
    assert system_host("api.epresensi.x.go.id") == system_host("v2.epresensi.x.go.id") == "epresensi.x.go.id"
    assert system_host("tes2.daftar.blk.x.go.id") == "daftar.blk.x.go.id"
    assert system_host("new.klambu.kec.x.go.id") == "klambu.kec.x.go.id"
    assert system_host("sidatapemda1.bappeda.x.go.id") == "sidatapemda.bappeda.x.go.id"
    assert system_host("e-form.diskominfo.x.go.id") == system_host("eform.diskominfo.x.go.id")
    # under an OPD's own host a part's word names one of its applications, not the OPD's site
    assert system_host("e-form.diskominfo.x.go.id") != "diskominfo.x.go.id"
    assert system_host("maps.dpmptsp.x.go.id") == "maps.dpmptsp.x.go.id"
    # a numbered institution is another institution; the Pemda's own domain is no version of anything
    assert system_host("puskpurwodadi1.dinkes.x.go.id") != system_host("puskpurwodadi2.dinkes.x.go.id")
    assert system_host("v2.x.go.id") == "v2.x.go.id"


def test_hosts_of_one_owner_and_the_sites_of_kecamatan() -> None:
    assert opd_labels_apart("csirt.diskominfo.x.go.id", "csirt.x.go.id") == ("diskominfo", "")
    assert opd_labels_apart("evaluasi.kominfo.x.go.id", "evaluasi.diskominfo.x.go.id") == ("kominfo", "diskominfo")
    assert opd_labels_apart("csirt.x.go.id", "simpeg.x.go.id") is None
    assert opd_labels_apart("sidukun.jdih.x.go.id", "sidukun.x.go.id") is None  # jdih is no OPD's host
    assert names_an_area_site("klambu.kec.x.go.id")
    assert not names_an_area_site("simperdes.klambu.kec.x.go.id")  # an application on a kecamatan's host
    assert not names_an_area_site("klambu.x.go.id")


def test_a_register_of_subdomains_is_read_system_by_system(tmp_path: Path) -> None:
    rows = [_row("S01", "epresensi", "DISKOMINFO"), _row("S02", "api.epresensi", "DISKOMINFO"),
            _row("S03", "v2.epresensi", "DISKOMINFO"), _row("S04", "dashboard.epresensi", "DISKOMINFO"),
            _row("S05", "test.epresensi", "DISKOMINFO", status="0"),
            _row("S06", "dpupr", "DPUPR"), _row("S07", "test.dpupr", "DPUPR"),
            _row("S08", "diskominfo", "DISKOMINFO"), _row("S09", "e-form.diskominfo", "DISKOMINFO"),
            _row("S10", "eform.diskominfo", "DISKOMINFO"),
            _row("S11", "csirt", "DISKOMINFO"), _row("S12", "csirt.diskominfo", "DISKOMINFO"),
            _row("S13", "ppid.dinkes", "DINKES"), _row("S14", "ppid", "DISKOMINFO"),
            _row("S15", "puskpurwodadi1.dinkes", "DINKES"), _row("S16", "puskpurwodadi2.dinkes", "DINKES"),
            _row("S17", "dinpertan", "DINPERTAN"), _row("S18", "bpppurwodadi.dinpertan", "DINPERTAN"),
            _row("S19", "tirtamaya.kec", "KEC"), _row("S20", "klambu.kec", "KEC"),
            _row("S21", "new.klambu.kec", "KEC"), _row("S22", "simpeg", "BKPPD"), _row("S23", "simasn", "BKPPD"),
            _row("S24", "sipd.bapeda", "BAPPEDA"), _row("S25", "sipd.bppkad", "BPPKAD")]
    rows.append(["S26", "tirtamaya.go.id", "DISKOMINFO", "", "tirtamaya.go.id", "1", ""])
    workspace = import_rows(tmp_path, rows, government="Pemerintah Kabupaten Tirtamaya", header=HEADER)
    from spbe_arch.duplicates import find_duplicates

    rows_of = app_rows(workspace)
    groups = [(group.kind, {row for app in group.applications for row in rows_of[app].split("; ")})
              for group in find_duplicates(workspace).groups]

    def kind(a: str, b: str) -> str | None:
        """The kind of the group that holds both rows (one system's rows are one group, whatever pairs
        the report lists for it)."""
        return next((found for found, members in groups if {a, b} <= members), None)

    # the system at its host and its door, copies and versions (a copy no longer in use too)
    assert all(kind("S01", other) == "same_system" for other in ("S02", "S03", "S04", "S05"))
    assert kind("S06", "S07") == "same_system"  # an OPD's site and its test copy
    assert kind("S09", "S10") == "same_system"  # one e-form of the Diskominfo, written two ways
    assert kind("S08", "S09") is None  # ... which is not the Diskominfo's own site
    assert kind("S11", "S12") == "same_system"  # one CSIRT of the Diskominfo, at two of its hosts
    assert kind("S13", "S14") != "same_system"  # the health office's PPID is its own deployment
    assert kind("S15", "S16") is None  # Puskesmas Purwodadi 1 and 2: two institutions
    assert kind("S17", "S18") is None  # an extension office's site on the agriculture office's host
    assert kind("S19", "S26") is None  # Kecamatan Tirtamaya's site is not the Pemda's portal
    assert kind("S20", "S21") == "same_system"  # a kecamatan's site and its new version
    assert kind("S19", "S20") is None  # two kecamatan, two sites
    assert kind("S22", "S23") == "functional"  # SIMPEG and SIMASN: two personnel systems of one office


def test_the_system_is_named_by_its_own_host(tmp_path: Path) -> None:
    from spbe_arch.duplicates import find_duplicates

    rows = [_row("N01", "api.sitapres", "DISKOMINFO"), _row("N02", "cetak.sitapres", "DISKOMINFO"),
            _row("N03", "sitapres", "DISKOMINFO"), _row("N04", "xx.sitapres", "DISKOMINFO"),
            _row("N05", "csirt", "DISKOMINFO"), _row("N06", "csirt.diskominfo", "DISKOMINFO")]
    workspace = import_rows(tmp_path, rows, government="Pemerintah Kabupaten Tirtamaya", header=HEADER)
    report = find_duplicates(workspace)
    assert [group.kind for group in report.groups] == ["same_system", "same_system"]
    named = {group.system for group in report.groups if any("sitapres" in app for app in group.applications)}
    assert named == {"sitapres.tirtamaya.go.id"}
    evidence = {line for pair in report.pairs for line in pair.evidence}
    assert any(line.startswith("addresses of one system (") for line in evidence)
    assert any(line.startswith("one OPD's system at two addresses (csirt") for line in evidence)
    # the document's words
    said = {line for pair in find_duplicates(workspace, language="id").pairs for line in pair.evidence}
    assert any(line.startswith("alamat dari satu sistem (") for line in said)
    assert any(line.startswith("satu sistem milik satu perangkat daerah di dua alamat (csirt") for line in said)


def test_the_import_reads_an_active_flag_and_the_pemda_of_a_bare_domain(tmp_path: Path) -> None:
    from spbe_arch.exchange.inventory import government_in_addresses, import_inventory
    from spbe_arch.loader import open_workspace
    from tests.inventory_factory import write_inventory

    hosts = ["dinkes", "disdik", "bappeda", "kec", "simpeg"]
    assert government_in_addresses([f"{h}.grobogan.go.id" for h in hosts]) == (None, "Grobogan", 5)
    # the same domain with fewer units is an application's (lapor.go.id and its mirrors), not a Pemda's
    assert government_in_addresses([f"{h}.lapor.go.id" for h in hosts[:3]]) is None
    rows = [[f"G{i}", f"{h}.grobogan.go.id", h.upper(), "", f"{h}.grobogan.go.id", str(i % 2), ""]
            for i, h in enumerate(hosts)]
    report = import_inventory(write_inventory(tmp_path / "apps.csv", rows, HEADER), tmp_path / "ws")
    workspace, _ = open_workspace(tmp_path / "ws")
    assert workspace.manifest.government.name == "Pemerintah Daerah Grobogan"
    assert any("grobogan.go.id" in note.message and "kind" in note.message for note in report.assumptions)
    assert not report.warnings  # 1 and 0 are understood
    statuses = {str(app.properties["source_ids"]): app.status for app in workspace.applications}
    assert statuses == {"G0": "dihentikan", "G1": "aktif", "G2": "dihentikan", "G3": "aktif", "G4": "dihentikan"}
