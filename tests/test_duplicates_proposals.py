"""Proposals an SPBE architect can sign, on shapes taken from real Pemda inventories: one proposal per
system, nothing proposed for a website, a national application never guessed from an OPD's subdomain,
a function read only in a description integrated rather than moved, and no coin toss between equals."""

from __future__ import annotations

import csv
import io
import textwrap
from pathlib import Path

import pytest

from spbe_arch.document.findings_sections import duplicate_section
from spbe_arch.document.index import ModelIndex
from spbe_arch.duplicates.finder import find_duplicates
from spbe_arch.duplicates.render import RENDERERS
from spbe_arch.duplicates.systems import on_unit_host
from spbe_arch.loader import load_workspace
from tests.inventory_factory import import_rows

ORGS = """\
organizations:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, kind: dinas}
  - {id: bkpsdm, name: BKPSDM, kind: badan}
  - {id: bpkad, name: Badan Pengelolaan Keuangan dan Aset Daerah, kind: badan}
  - {id: kec-utara, name: Kecamatan Utara, kind: kecamatan}
  - {id: disnaker, name: Dinas Tenaga Kerja, kind: dinas}
  - {id: dispar, name: Dinas Pariwisata, kind: dinas}
  - {id: biro-org, name: Biro Organisasi, kind: lainnya}
  - {id: uptd-pasar, name: UPTD Pasar Kota, kind: uptd}
  - {id: setda, name: Sekretariat Daerah, kind: sekretariat-daerah}
  - {id: tu-setda, name: Subbagian Tata Usaha Pimpinan, kind: lainnya, parent: setda}
  - {id: seksi-dispar, name: Seksi Promosi Wisata, kind: lainnya, parent: dispar}
"""


def _workspace(make_workspace, applications: str) -> Path:  # type: ignore[no-untyped-def]
    return make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": "applications:\n" + applications},  # type: ignore[no-any-return]
                          orgs=False)


def test_one_system_gets_one_proposal_named_after_the_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, """\
          - {id: a-sipekat, name: SIPEKAT, owner: bkpsdm, description: Aplikasi kenaikan pangkat. Bagian dari SIMPEG}
          - {id: simpeg, name: SIMPEG, owner: bkpsdm, description: Aplikasi data kepegawaian dan kenaikan pangkat}
          - {id: a-kinerja-mobile, name: e-Kinerja Mobile, owner: diskominfo}
          - {id: kinerja, name: e-Kinerja, owner: bkpsdm}
        """)
    report = find_duplicates(root, language="id")
    systems = {frozenset(g.applications): g for g in report.groups if g.kind == "same_system"}
    assert set(systems) == {frozenset({"a-sipekat", "simpeg"}), frozenset({"a-kinerja-mobile", "kinerja"})}
    # named by the system the other says it is part of, and by the web application rather than its client
    assert "catat sebagai satu aplikasi, SIMPEG," in systems[frozenset({"a-sipekat", "simpeg"})].proposal
    assert "catat sebagai satu aplikasi, e-Kinerja," in systems[frozenset({"a-kinerja-mobile", "kinerja"})].proposal
    # the two rows of e-Kinerja move to the national application in one proposal, not one each
    rows = {"kinerja", "a-kinerja-mobile"}
    moving = [g for g in report.groups if g.kind == "functional" and rows & set(g.applications)]
    assert len(moving) == 1 and {"kinerja", "a-kinerja-mobile"} <= set(moving[0].applications)
    assert "ke e-Kinerja BKN" in moving[0].proposal
    client = next(p for p in report.pairs if {p.a, p.b} == {"kinerja", "a-kinerja-mobile"})
    assert client.evidence[0].startswith("aplikasi web dan versi mobile-nya (e-Kinerja Mobile; e-Kinerja)")


def test_a_website_or_a_bumd_is_never_told_to_move_to_a_national_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"organisasi.yaml": ORGS + "  - {id: pdam, name: PDAM Tirta Sehat, kind: lainnya}\n",
                           "aplikasi.yaml": """\
        applications:
          - {id: bpbj-web, name: bpbj.kab.go.id, owner: bpkad, tags: [website],
             description: Web OPD bagian pengadaan barang dan jasa}
          - {id: pdam-lelang, name: Aplikasi Pengadaan Barang dan Jasa PDAM, owner: pdam}
          - {id: e-lelang, name: Aplikasi Pengadaan Barang dan Jasa, owner: dispar}
        """}, orgs=False)
    report = find_duplicates(root, language="id")
    assert report.group_of("bpbj-web") is None  # a unit's website informs about procurement, it does not run it
    assert report.group_of("pdam-lelang") is None  # a BUMD is a legal entity of its own
    assert report.group_of("e-lelang") is not None  # the Pemda's own copy of SPSE is still proposed


def test_two_complaint_applications_of_a_bumd_are_never_told_to_move_to_sp4n_lapor(make_workspace) -> None:  # type: ignore[no-untyped-def]
    """The PDAM's customer complaints on the web and in its mobile application: a BUMD's own business, of
    a legal entity of its own; consolidating them is the PDAM's matter, moving them to SP4N-LAPOR! is not."""
    pdam = "  - {id: pdam, name: Perumda Air Minum Tirta Sehat, kind: lainnya}\n"
    root = make_workspace({"organisasi.yaml": ORGS + pdam,
                           "aplikasi.yaml": """\
        applications:
          - {id: pdam-aduan, name: Pengaduan Pelanggan, owner: pdam, description: Pengaduan pelanggan air minum}
          - {id: pdam-mobile, name: Tirta Sehat Mobile, owner: pdam,
             description: Cek tagihan dan pengaduan pelanggan lewat android}
        """}, orgs=False)
    report = find_duplicates(root, language="id")
    group = report.group_of("pdam-aduan")
    assert group is not None and group.national is None, group
    assert "SP4N" not in group.proposal and "alihkan" not in group.proposal
    assert group.function == "pengelolaan pengaduan pelayanan publik"


def test_an_application_on_an_opds_subdomain_is_not_the_national_one_its_label_names(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert on_unit_host("lapor.disnakertrans.bantenprov.go.id")
    assert not on_unit_host("lpse.bantenprov.go.id")
    assert not on_unit_host("magetankab.sipd.kemendagri.go.id")
    assert not on_unit_host("https://lapor.go.id/")
    root = _workspace(make_workspace, """\
          - {id: walk, name: lapor.disnaker.tirtamayakab.go.id, owner: disnaker,
             description: Aplikasi E-WaLK - Sistem Pelaporan Ketenagakerjaan}
          - {id: epormas, name: epormas.tirtamayakab.go.id, owner: diskominfo,
             description: Aplikasi Pengaduan Online Berbasis Android}
        """)
    report = find_duplicates(root, language="id")
    # labour reporting by companies is not SP4N-LAPOR!, whatever the first label of its address says
    assert report.group_of("walk") is None
    assert not any({p.a, p.b} == {"walk", "epormas"} for p in report.pairs)
    assert "SP4N-LAPOR!" in _proposal_of(report, "epormas")


def test_a_function_read_only_in_the_description_is_integrated_not_moved(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, """\
          - {id: warga, name: warga.kab.go.id, owner: diskominfo,
             description: Web untuk informasi dan input usulan juga pengaduan masyarakat}
        """)
    proposal = _proposal_of(find_duplicates(root, language="id"), "warga")
    assert proposal.startswith("Usulan: deskripsi warga.kab.go.id (Dinas Komunikasi dan Informatika) menyebut fungsi "
                               "pengelolaan pengaduan pelayanan publik")
    assert "integrasikan bagian tersebut" in proposal and "Usulan: alihkan" not in proposal


def test_a_description_that_only_names_the_function_moves_the_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, """\
          - {id: edrpk, name: edrpk.kab.go.id, owner: diskominfo, description: Aplikasi Perencanaan Pembangunan Daerah}
        """)
    proposal = _proposal_of(find_duplicates(root, language="id"), "edrpk")
    # a bare address says nothing: the description is what the name would have said
    assert proposal.startswith("Usulan: alihkan edrpk.kab.go.id (Dinas Komunikasi dan Informatika) ke SIPD")
    assert "integrasikan bagian tersebut" not in proposal


def test_the_planning_application_moves_to_sipd_beside_its_budgeting_row(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, """\
          - {id: sipd, name: SIPD Penatausahaan, owner: bpkad, source: nasional,
             description: Sistem Informasi Pemerintahan Daerah untuk penganggaran dan penatausahaan}
          - {id: eplanning, name: e-Planning, owner: bkpsdm, description: Aplikasi perencanaan RKPD dan Renja}
        """)
    proposal = _proposal_of(find_duplicates(root, language="id"), "eplanning")
    # SIPD plans, budgets and keeps the accounts: the planning application performs one of its functions
    # ... and to SIPD by its own name, not by the row of its budgeting and accounts module
    assert "alihkan e-Planning (BKPSDM) ke SIPD, aplikasi nasional" in proposal
    assert "tidak termasuk usulan ini" not in proposal and "tidak ada perubahan" not in proposal


@pytest.mark.parametrize(("second_owner", "expected"), [
    ("dispar", "satukan "),  # two OPDs used alike: the owners decide which one stays
    # a biro of the secretariat is the secretariat at work, not a unit below the other OPD (Bali: a
    # hospital's e-library was made the keeper over the Biro Organisasi's library application)
    ("biro-org", "satukan "),
    ("tu-setda", "satukan "),  # a unit the model places under the secretariat is the secretariat at work
    ("seksi-dispar", "ke dalam Sistem Informasi Antrean Pelayanan (Badan Pengelolaan Keuangan dan Aset Daerah)"),
    ("kec-utara", "ke dalam Sistem Informasi Antrean Pelayanan (Badan Pengelolaan Keuangan dan Aset Daerah)"),
    ("uptd-pasar", "ke dalam Sistem Informasi Antrean Pelayanan (Badan Pengelolaan Keuangan dan Aset Daerah)"),
])
def test_the_one_kept_is_never_a_coin_toss(make_workspace, second_owner: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, f"""\
          - {{id: antre-a, name: Aplikasi Antrian Loket Kecamatan, owner: {second_owner}}}
          - {{id: antre-b, name: Sistem Informasi Antrean Pelayanan, owner: bpkad}}
        """)
    proposal = _proposal_of(find_duplicates(root, language="id"), "antre-a")
    assert expected in proposal
    if second_owner in ("dispar", "biro-org", "tu-setda"):
        assert "tingkat penggunaannya setara" in proposal and "ke dalam" not in proposal
    else:  # a kecamatan's copy joins the OPD's, said with why; no count of zero integrations
        assert "dikelola perangkat daerah, bukan unit kerja di bawahnya" in proposal
        assert "0 integrasi" not in proposal


def _proposal_of(report, app_id: str) -> str:  # type: ignore[no-untyped-def]
    group = report.group_of(app_id)
    assert group is not None, app_id
    return group.proposal  # type: ignore[no-any-return]


def test_the_document_names_the_national_application_even_when_the_model_lacks_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from spbe_arch.cli import app

    root = _workspace(make_workspace, """\
          - {id: eoffice, name: e-Office Sekretariat, owner: diskominfo, description: Surat masuk dan disposisi}
          - {id: tnde, name: Tata Naskah Dinas Elektronik, owner: bkpsdm}
        """)
    report = find_duplicates(root, language="id")
    group = report.group_of("eoffice")
    assert group is not None and group.national_application is None and group.national == "SRIKANDI"
    result = CliRunner().invoke(app, ["doc", str(root), "-f", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("| 1 | Sistem berbeda, fungsi sama"))
    assert row.split(" | ")[4] == "SRIKANDI"  # the column "Aplikasi Nasional"
    assert "1 kelompok di antaranya memiliki padanan aplikasi nasional" in result.output
    for fmt, line in (("text", "  national application: SRIKANDI"), ("md", "National application: SRIKANDI.")):
        shown = CliRunner().invoke(app, ["duplicates", str(root), "-f", fmt])
        assert line in shown.stdout.splitlines(), fmt  # the report names it too, not only the document


def test_a_word_of_a_proposal_that_is_also_an_id_stays_the_word_in_the_document(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from spbe_arch.cli import app

    # a real inventory's infrastructure-statistics application is called SIPIL (id sipil); the word "sipil"
    # of "aparatur sipil negara" had become "SIPIL" in the document's function and proposal
    root = _workspace(make_workspace, """\
          - {id: sipil, name: SIPIL, owner: dispar, description: Statistik pembangunan infrastruktur}
          - {id: simpeg, name: SIMPEG, owner: bkpsdm}
        """)
    result = CliRunner().invoke(app, ["doc", str(root), "-f", "md", "-o", "-"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("| 1 | Sistem berbeda, fungsi sama"))
    assert "aparatur sipil negara" in row and "SIPIL" not in row


def test_a_failed_analysis_is_said_in_indonesian_in_the_document_and_explained_on_the_command_line(
        make_workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    import spbe_arch.document.findings_sections as sections
    from spbe_arch.cli import app
    from spbe_arch.errors import SpbeError

    def broken(*_args: object, **_kwargs: object) -> None:
        raise SpbeError("duplicates.aliases: table entry 3 is not a mapping")

    monkeypatch.setattr(sections, "find_duplicates", broken)
    root = _workspace(make_workspace, "  - {id: simpeg, name: SIMPEG, owner: bkpsdm}\n")
    result = CliRunner().invoke(app, ["doc", str(root), "-f", "md", "-o", "-"])
    assert result.exit_code == 0
    assert ("Analisis duplikasi aplikasi tidak disertakan: pengaturan analisis duplikasi pada model arsitektur "
            "belum sesuai.") in result.stdout
    assert "not a mapping" not in result.stdout  # no English in the deliverable ...
    assert "spbe: note: duplicate analysis not in the document: duplicates.aliases: table entry 3 is not a " \
           "mapping" in result.stderr  # ... the cause is told to whoever builds it


def test_why_rows_are_one_system_is_said_as_it_is(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, """\
          - {id: simpeg, name: SIMPEG, owner: bkpsdm}
          - {id: simpeg-long, name: Sistem Informasi Manajemen Kepegawaian, owner: bkpsdm}
          - {id: srikandi-a, name: Srikandi, owner: diskominfo}
          - {id: srikandi-b, name: SRIKANDI, owner: dispar}
        """)
    evidence = {frozenset((p.a, p.b)): p.evidence[0] for p in find_duplicates(root, language="id").pairs}
    # one OPD's two rows: not "listed by each OPD that uses it"
    assert evidence[frozenset(("simpeg", "simpeg-long"))].startswith(
        "dua baris dari perangkat daerah yang sama dengan nama yang bermakna sama (")
    assert "setiap perangkat daerah" not in evidence[frozenset(("simpeg", "simpeg-long"))]
    assert evidence[frozenset(("srikandi-a", "srikandi-b"))].startswith("keduanya adalah aplikasi nasional SRIKANDI")


SECRETARIATS = """\
organizations:
  - {id: setda, name: Sekretariat Daerah, kind: sekretariat}
  - {id: bag-hukum, name: Bagian Hukum, kind: bagian, parent: setda}
  - {id: setwan, name: Sekretariat DPRD, kind: sekretariat}
"""


def test_the_application_kept_is_that_of_the_opd_whose_affairs_the_function_is(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"organisasi.yaml": SECRETARIATS + """\
  - {id: bkd, name: Badan Kepegawaian Daerah, kind: badan}
  - {id: disdik, name: Dinas Pendidikan, kind: dinas}
""", "aplikasi.yaml": """\
        applications:
          - {id: jdih-dprd, name: JDIH DPRD, owner: setwan}
          - {id: jdih-hukum, name: JDIH Bagian Hukum, owner: bag-hukum}
          - {id: absen-disdik, name: Aplikasi Absensi Pegawai Dinas Pendidikan, owner: disdik}
          - {id: presensi-bkd, name: Aplikasi Presensi Pegawai, owner: bkd}
        """}, orgs=False)
    report = find_duplicates(root, language="id")
    proposals = {frozenset(g.applications): g.proposal for g in report.groups}
    jdih = proposals[frozenset({"jdih-dprd", "jdih-hukum"})]
    # the legal bureau holds JDIH, though it is a unit of the Setda and the DPRD's secretariat is not
    assert jdih.startswith("Usulan: konsolidasikan JDIH DPRD (Sekretariat DPRD) ke dalam JDIH Bagian Hukum")
    assert "dikelola Bagian Hukum, yang urusannya mencakup fungsi tersebut" in jdih
    presensi = proposals[frozenset({"absen-disdik", "presensi-bkd"})]
    assert "ke dalam Aplikasi Presensi Pegawai (Badan Kepegawaian Daerah)" in presensi
    assert "setara" not in presensi


def test_a_workspace_says_whose_affairs_its_own_function_is(make_workspace) -> None:  # type: ignore[no-untyped-def]
    manifest = """\
        spbe: 1
        government: {name: Pemerintah Kabupaten Uji, code: "99.01", kind: kabupaten}
        duplicates:
          functions:
            - {id: apel, function: apel pagi, en: morning roll call, concepts: [[apel]], affairs: [[pamong praja]]}
        """
    root = make_workspace({"organisasi.yaml": """\
        organizations:
          - {id: disdik, name: Dinas Pendidikan, kind: dinas}
          - {id: satpol, name: Satuan Polisi Pamong Praja, kind: satuan}
        """, "aplikasi.yaml": """\
        applications:
          - {id: apel-disdik, name: Aplikasi Apel Pagi Guru, owner: disdik}
          - {id: apel-satpol, name: Aplikasi Apel Pagi, owner: satpol}
        """}, manifest=textwrap.dedent(manifest), orgs=False)
    report = find_duplicates(root, language="id")
    assert len(report.groups) == 1
    assert "ke dalam Aplikasi Apel Pagi (Satuan Polisi Pamong Praja) (dikelola Satuan Polisi Pamong Praja" \
        in report.groups[0].proposal


def test_a_shared_description_word_is_shown_as_the_descriptions_write_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, """\
          - {id: simrs-a, name: SIMRS Grati, owner: dispar, description: Rawat inap dan kasir dengan bridging SATUSEHAT}
          - {id: simrs-b, name: SIMRS Lekok, owner: disnaker, description: Kasir rawat inap dan bridging SATUSEHAT}
          - {id: asn, name: Data Aparatur Sipil Negara, owner: bkpsdm, description: Data aparatur sipil negara daerah}
        """)
    evidence = " ".join(e for p in find_duplicates(root, language="id").pairs for e in p.evidence)
    assert "SATUSEHAT" in evidence and "satusehat" not in evidence  # a name written in capitals stays so
    assert "kasir" in evidence  # a word written as an ordinary word stays in lower case


def test_a_data_platform_that_plans_and_shares_data_is_not_sipds_planning(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # Kota Sukabumi's "Data" ("pengelolaan, perencanaan, dan pembagian data instansi") was proposed to
    # move to SIPD's planning: sharing data between agencies is Satu Data's job (Perpres 39/2019)
    root = _workspace(make_workspace, """\
          - {id: data, name: Data, owner: diskominfo,
             description: "pengelolaan, perencanaan, dan pembagian data instansi (https://data.kota.go.id/login)"}
          - {id: satu-data, name: Satu-Data, owner: diskominfo,
             description: pengelolaan dan berbagi pakai data antar Perangkat Daerah}
          - {id: eplan, name: Sistem Perencanaan Daerah, owner: bpkad, description: penyusunan RKPD dan Renja}
        """)
    report = find_duplicates(root, language="id")
    assert all("SIPD" not in (g.national or "") for g in report.groups if "data" in g.applications)
    eplan = report.group_of("eplan")
    assert eplan is not None and eplan.national == "SIPD"  # a planning application still is


def test_thematic_maps_of_several_opds_go_to_one_geoportal_not_into_each_other(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # Banten: a forest park's map was to be "consolidated into" the disaster agency's map
    root = _workspace(make_workspace, """\
          - {id: peta-hutan, name: Sistem Informasi Peta Kawasan Hutan, owner: disnaker}
          - {id: peta-wisata-alam, name: Peta Tematik Kawasan Konservasi, owner: dispar}
        """)
    group = find_duplicates(root, language="id").group_of("peta-hutan")
    assert group is not None and group.applications == ["peta-hutan", "peta-wisata-alam"]
    assert group.proposal.startswith("Usulan: terbitkan Sistem Informasi Peta Kawasan Hutan (Dinas Tenaga Kerja)")
    assert "satu geoportal Pemerintah Daerah" in group.proposal and "Perpres 27/2014" in group.proposal
    assert "konsolidasikan" not in group.proposal and "ke dalam Peta" not in group.proposal
    english = find_duplicates(root).group_of("peta-hutan")
    assert english is not None and english.proposal.startswith("Proposal (usulan): publish Sistem Informasi Peta")
    assert "one geoportal of the government" in english.proposal and "consolidate" not in english.proposal


def test_the_kept_applications_own_mobile_client_is_neither_consolidated_nor_a_rival(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # Bali: the Biro Hukum lists its JDIH site and JDIH Mobile; with the DPRD's JDIH the group read as a
    # tie between the Biro Hukum's two rows of one system, and "consolidate JDIH Mobile into ..." a client
    root = make_workspace({"organisasi.yaml": SECRETARIATS, "aplikasi.yaml": """\
        applications:
          - {id: jdih-dprd, name: JDIH DPRD, owner: setwan}
          - {id: jdih-hukum, name: Website JDIH Bagian Hukum, owner: bag-hukum}
          - {id: a-jdih-mobile, name: JDIH Bagian Hukum Mobile, owner: bag-hukum}
        """}, orgs=False)
    report = find_duplicates(root, language="id")
    system = next(g for g in report.groups if g.kind == "same_system")
    assert set(system.applications) == {"jdih-hukum", "a-jdih-mobile"}
    # the web application names the system, not its mobile client (both rows name a platform)
    assert "catat sebagai satu aplikasi, Website JDIH Bagian Hukum," in system.proposal
    functional = next(g for g in report.groups if g.kind == "functional")
    assert functional.proposal.startswith(
        "Usulan: konsolidasikan JDIH DPRD (Sekretariat DPRD) ke dalam Website JDIH Bagian Hukum (Bagian Hukum)")
    assert "setara" not in functional.proposal and "JDIH Bagian Hukum Mobile" not in functional.proposal


def test_a_system_is_named_by_the_name_its_other_rows_write_inside_theirs(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # Bali: "Dashboard Monitoring Satu Sehat" and "Satu Sehat" were one system named after the dashboard,
    # and the system's function read "monitoring" from the dashboard's name
    root = _workspace(make_workspace, """\
          - {id: a-dashboard-sibanjir, name: Dashboard Monitoring Sibanjir, owner: bpkad}
          - {id: sibanjir, name: Sibanjir, owner: bpkad}
        """)
    system = next(g for g in find_duplicates(root, language="id").groups if g.kind == "same_system")
    assert set(system.applications) == {"a-dashboard-sibanjir", "sibanjir"}
    assert "catat sebagai satu aplikasi, Sibanjir," in system.proposal
    assert system.system == "Sibanjir" and system.title == "Sibanjir"
    assert system.function == ""  # no table knows what Sibanjir does: its name is not passed off as a function


def test_a_dashboard_of_one_local_system_takes_its_data_from_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # by their names alone a dashboard and the system whose data it shows are not duplicates at all
    names_only = _workspace(make_workspace, """\
          - {id: dash, name: Dashboard Retribusi Pasar, owner: uptd-pasar}
          - {id: eretribusi, name: e-Retribusi Pasar, owner: uptd-pasar}
        """)
    assert find_duplicates(names_only, language="id").group_of("dash") is None
    # where a lower threshold reports the pair (the descriptions say they hold one job's data), the dashboard
    # takes its data from the system: not "satukan", it is not a second system for its job
    root = _workspace(make_workspace, """\
          - {id: dash, name: Dashboard Retribusi Pasar, owner: uptd-pasar,
             description: Rekap penerimaan retribusi pasar harian per pedagang dan per los}
          - {id: eretribusi, name: e-Retribusi Pasar, owner: uptd-pasar,
             description: Penerimaan retribusi pasar harian per pedagang dan per los}
        """)
    report = find_duplicates(root, threshold=0.4, language="id")
    pair = next(p for p in report.pairs if {p.a, p.b} == {"dash", "eretribusi"})
    assert ("namun Dashboard Retribusi Pasar menampilkan data dari sistem lain (dasbor atau pemantauan), bukan "
            "menjalankan pekerjaannya") in pair.evidence
    proposal = _proposal_of(report, "dash")
    assert proposal.startswith("Usulan: integrasikan Dashboard Retribusi Pasar (UPTD Pasar Kota) dengan "
                               "e-Retribusi Pasar (UPTD Pasar Kota) sebagai sumber datanya")
    assert "menyajikan data retribusi daerah" in proposal and "satukan" not in proposal


def test_a_monitoring_whose_job_is_monitoring_is_consolidated_not_read_as_a_view(tmp_path: Path) -> None:
    # the proposal reads a view as the score does: the e-Monev of development programmes monitors as its job
    # (before: "integrasikan e-Monev Pembangunan ... sebagai sumber datanya", while the pair's score had
    # not counted it a view)
    workspace = import_rows(tmp_path, [
        ["M1", "e-Monev Pembangunan", "Badan Perencanaan Pembangunan Daerah", "", "Aktif", "Aplikasi"],
        ["M2", "Sistem Evaluasi Pembangunan Daerah", "Bagian Administrasi Pembangunan", "", "Aktif", "Aplikasi"],
    ])
    (group,) = find_duplicates(workspace, language="id").groups
    assert group.proposal.startswith("Usulan: satukan e-Monev Pembangunan")
    assert "sumber datanya" not in group.proposal


def test_a_system_no_table_knows_is_headed_by_its_name_and_its_function_left_blank(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # the function of a same-system group whose name says no known job was the kept row's name, and the
    # document told the two apart by comparing it with the members' names
    root = _workspace(make_workspace, """\
          - {id: a-dashboard-sibanjir, name: Dashboard Monitoring Sibanjir, owner: bpkad}
          - {id: sibanjir, name: Sibanjir, owner: bpkad}
        """)
    report = find_duplicates(root, language="id")
    workspace = load_workspace(root).workspace
    assert "\n## Sibanjir\n" in RENDERERS["md"](report, workspace, "id")
    assert "sys-a-dashboard-sibanjir: Sibanjir (2 " in RENDERERS["text"](report, workspace, "id")
    rows = list(csv.reader(io.StringIO(RENDERERS["csv"](report, workspace))))
    assert rows[1][1:3] == ["same_system", ""]  # the csv's function column is the function, none here
    section = duplicate_section(workspace, ModelIndex(workspace))
    fungsi = section.groups.columns.index("Fungsi")
    assert [r.cells[fungsi].text for r in section.groups.rows] == ["-"]


def test_a_national_application_listed_twice_is_recorded_by_its_own_name(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # "catat sebagai satu aplikasi, MySAPK BKN" beside SIASN BKN, and "..., Aplikasi SRIKANDI (Surat
    # Menyurat)": the row kept was a name one OPD typed, not the national application's
    root = _workspace(make_workspace, """\
          - {id: a-mysapk, name: MySAPK BKN, owner: diskominfo}
          - {id: siasn, name: SIASN BKN, owner: bkpsdm}
          - {id: a-srikandi, name: Aplikasi SRIKANDI (Surat Menyurat), owner: bpkad}
          - {id: srikandi-address, name: srikandi.arsip.go.id, owner: disnaker}
        """)
    systems = {frozenset(g.applications): g for g in find_duplicates(root, language="id").groups
               if g.kind == "same_system"}
    siasn = systems[frozenset({"a-mysapk", "siasn"})]
    assert siasn.national_application == "siasn"  # the row that writes SIASN
    assert siasn.system == "SIASN" and "catat sebagai satu aplikasi, SIASN, yang" in siasn.proposal
    srikandi = systems[frozenset({"a-srikandi", "srikandi-address"})]
    assert srikandi.system == "SRIKANDI" and "catat sebagai satu aplikasi, SRIKANDI, yang" in srikandi.proposal
