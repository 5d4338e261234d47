"""Inventories that name every application by a phrase saying what it does, with no description
("Aplikasi Laporan Bulanan Dinas Bina Marga", "Situs Resmi Perangkat Daerah - Dinas Sosial"): the words
of such a name are not all the name of a system, and the organizations it mentions are not its
function. Shapes taken from real Pemda inventories read with their descriptions as names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spbe_arch.duplicates.finder import find_duplicates
from spbe_arch.duplicates.normalize import typo_corrections
from spbe_arch.stemming import is_indonesian_word
from tests.duplicate_helpers import kinds_of, report_of

ORGS = """\
organizations:
  - {id: bkd, name: Badan Kepegawaian Daerah, kind: badan}
  - {id: dinsos, name: Dinas Sosial, kind: dinas}
  - {id: desdm, name: Dinas Energi dan Sumber Daya Mineral, kind: dinas}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, kind: badan}
  - {id: dpupr, name: Dinas Pekerjaan Umum dan Penataan Ruang, kind: dinas}
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, kind: dinas}
  - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan}
  - {id: desa-kuwon, name: Desa Kuwon, kind: desa}
  - {id: desa-kuwonharjo, name: Desa Kuwonharjo, kind: desa}
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: rsud, name: RSUD Al Ihsan, kind: lainnya}
  - {id: rsj, name: Rumah Sakit Jiwa, kind: lainnya}
"""


def _report(make_workspace, applications: str):  # type: ignore[no-untyped-def]
    return report_of(make_workspace, ORGS, applications)


_pairs = kinds_of


def test_a_word_of_the_language_left_from_a_long_name_is_not_a_system_name(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: web-bkd, name: Situs Resmi Perangkat Daerah - Badan Kepegawaian Daerah, owner: bkd, tags: [website]}
          - {id: web-dinsos, name: Situs Resmi Perangkat Daerah - Dinas Sosial, owner: dinsos, tags: [website]}
          - {id: web-bapenda, name: Situs Resmi Perangkat Daerah - Badan Pendapatan Daerah, owner: bapenda,
             tags: [website]}
          - {id: web-kuwon, name: Web OPD Desa Kuwon, owner: desa-kuwon, tags: [website]}
          - {id: web-kuwonharjo, name: Web OPD Desa Kuwonharjo, owner: desa-kuwonharjo, tags: [website]}
        """)
    # before: "resmi" was read as the name of one system, and every OPD's site was one system
    assert report.pairs == [] and report.groups == []


def test_an_opd_s_site_under_two_names_is_one_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: web-esdm, name: Website Dinas Energi dan Sumber Daya Mineral, owner: desdm, tags: [website]}
          - {id: situs-esdm, name: Situs Resmi Perangkat Daerah - Dinas Energi dan Sumber Daya Mineral, owner: desdm,
             tags: [website]}
          - {id: web-dinsos, name: Website Dinas Sosial, owner: dinsos, tags: [website]}
        """)
    assert _pairs(report) == {frozenset({"web-esdm", "situs-esdm"}): "same_system"}


def test_an_organization_a_name_mentions_is_not_its_function(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: lapbul-bappeda, name: Aplikasi Laporan Bulanan Badan Perencanaan Pembangunan Daerah, owner: bappeda}
          - {id: lapbul-dbmtr, name: aplikasi laporan bulanan Dinas Bina Marga dan Tata Ruang, owner: dpupr}
          - {id: db-dishub, name: Aplikasi Database Dishub, owner: diskominfo}
          - {id: sppd-bkd, name: Aplikasi Surat Perintah Perjalanan Dinas, owner: bkd}
          - {id: sppd-dinsos, name: Aplikasi Perjalanan Dinas, owner: dinsos}
        """)
    pairs = _pairs(report)
    # "Dinas Bina Marga dan Tata Ruang" (a former name) says whose it is: both are monthly reports
    assert pairs.get(frozenset({"lapbul-bappeda", "lapbul-dbmtr"})) == "functional"
    # the group's function, where only shared name words say it, is written as a member's name writes it
    group = next(g for g in report.groups if "lapbul-bappeda" in g.applications)
    assert group.function == "Laporan Bulanan"
    # "dinas" of perjalanan dinas is the function, not an organization
    assert pairs.get(frozenset({"sppd-bkd", "sppd-dinsos"})) == "functional"
    assert not any("db-dishub" in pair for pair in pairs)


def test_one_opd_s_two_applications_of_one_function_pair_where_names_are_all_there_is(make_workspace) -> None:  # type: ignore[no-untyped-def]
    names_only = _report(make_workspace, """\
          - {id: simrs, name: Sistem Informasi Manajemen Rumah Sakit, owner: dinsos}
          - {id: sigars, name: Aplikasi Pelayanan Rumah Sakit SIGARS, owner: dinsos}
        """)
    assert _pairs(names_only) == {frozenset({"simrs", "sigars"}): "functional"}
    proposal = names_only.groups[0].proposal
    assert "Sistem Informasi Manajemen Rumah Sakit" in proposal and "simrs" not in proposal


def test_one_opd_s_modules_told_apart_by_their_descriptions_stay_apart() -> None:
    report = find_duplicates(Path(__file__).parent / "data" / "sukamaju-inventory")
    pairs = {frozenset((p.a, p.b)) for p in report.pairs}
    # one library's catalogue and its e-book lending: the descriptions say two jobs, though both names
    # say perpustakaan
    assert frozenset({"inlislite", "isukamaju-web"}) not in pairs
    assert frozenset({"inlislite", "isukamaju-android"}) not in pairs


def test_a_word_of_the_language_is_never_corrected_into_another() -> None:
    assert is_indonesian_word("presentasi") and is_indonesian_word("pengaduan")
    assert not is_indonesian_word("kepegwaian") and not is_indonesian_word("pikobar")
    counts = Counter({"presensi": 9, "presentasi": 1, "kepegawaian": 9, "kepegwaian": 1})
    corrections = typo_corrections(counts, frozenset({"presensi", "kepegawaian"}))
    assert corrections == {"kepegwaian": "kepegawaian"}


def test_two_jobs_of_one_national_application_are_its_copies_together(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: e-renbang, name: Aplikasi Perencanaan Pembangunan Daerah, owner: bappeda}
          - {id: simral, name: "Aplikasi perencanaan, pengangggaran dan pelaporan", owner: diskominfo}
        """)
    pair = next(p for p in report.pairs if {p.a, p.b} == {"e-renbang", "simral"})
    assert pair.kind == "functional"
    assert any("dua fungsi dari satu aplikasi nasional, SIPD" in e for e in pair.evidence)


def test_a_kind_of_system_beside_the_national_application_is_its_copy_not_the_same_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: aduan, name: Aplikasi Pengaduan Masyarakat, owner: diskominfo}
          - {id: lapor, name: SP4N LAPOR, owner: diskominfo}
        """)
    assert _pairs(report) == {frozenset({"aduan", "lapor"}): "functional"}
    assert report.groups[0].proposal.startswith("Usulan: alihkan Aplikasi Pengaduan Masyarakat")


def test_one_opd_s_system_and_its_website_are_one_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: web-jdih, name: Website JDIH Provinsi, owner: bappeda, tags: [website]}
          - {id: jdih, name: JDIH, owner: bappeda}
          - {id: jdih-dinsos, name: JDIH, owner: dinsos}
        """)
    pairs = _pairs(report)
    assert pairs[frozenset({"web-jdih", "jdih"})] == "same_system"
    site = next(p for p in report.pairs if {p.a, p.b} == {"web-jdih", "jdih"})
    assert site.evidence[0].startswith("aplikasi dan situs web yang dinamai menurut aplikasi itu")
    # another OPD's JDIH of the same name is another system doing the same job
    assert pairs[frozenset({"jdih", "jdih-dinsos"})] == "functional"


def test_an_online_kind_of_system_in_two_opds_is_two_systems(tmp_path: Path) -> None:
    from spbe_arch.exchange.inventory import import_inventory
    from spbe_arch.loader import open_workspace

    path = tmp_path / "apps.csv"
    path.write_text("Nama Aplikasi,OPD Pemilik\nAplikasi Presensi Online,Dinas Kesehatan\n"
                    "Aplikasi Presensi Online,Dinas Pendidikan\n", encoding="utf-8")
    import_inventory(path, tmp_path / "ws")
    workspace, _ = open_workspace(tmp_path / "ws")
    # "online" of Online Single Submission names no system: the name says what they do, not which one
    assert len(workspace.applications) == 2
    assert {p.kind for p in find_duplicates(workspace).pairs} == {"functional"}


def test_one_opd_s_numbered_series_is_not_one_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: nomor-1, name: Aplikasi Layanan Nomor 1 dengan nama yang cukup panjang, owner: bkd}
          - {id: nomor-2, name: Aplikasi Layanan Nomor 2 dengan nama yang cukup panjang, owner: bkd}
        """)
    assert not any(p.kind == "same_system" for p in report.pairs)


def test_a_kind_of_system_on_a_platform_is_not_another_opd_s_client(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: presensi-android, name: Aplikasi Presensi Pegawai Berbasis Android, owner: dinsos}
          - {id: e-absensi, name: E-Absensi Pegawai Badan Kepegawaian Daerah, owner: bkd}
          - {id: sapa, name: Sapamakmur, owner: diskominfo}
          - {id: sapa-mobile, name: Sapamakmur Mobile, owner: dinsos}
        """)
    pairs = _pairs(report)
    # two OPDs' attendance systems, one of them for Android: two systems of one kind, not one and its client
    assert pairs[frozenset({"presensi-android", "e-absensi"})] == "functional"
    # one named system and its mobile client stay one system
    assert pairs[frozenset({"sapa", "sapa-mobile"})] == "same_system"


def test_two_clients_of_one_named_system_are_that_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: lapor-android, name: Lapor Gub (Android), owner: dinsos}
          - {id: lapor-web, name: Lapor Gub Web, owner: diskominfo}
          - {id: pengaduan-android, name: Aplikasi Pengaduan Android, owner: dinsos}
          - {id: pengaduan-web, name: Aplikasi Pengaduan Web, owner: bkd}
          - {id: pengaduan-dinsos, name: Aplikasi Pengaduan, owner: dinsos}
          - {id: pengaduan-bkd, name: Aplikasi Pengaduan, owner: bkd}
        """)
    pairs = _pairs(report)
    # each row names its platform: one system's Android and web clients, not two systems of one kind
    assert pairs[frozenset({"lapor-android", "lapor-web"})] == "same_system"
    # a kind of system on two platforms in two OPDs is still two systems
    assert pairs[frozenset({"pengaduan-android", "pengaduan-web"})] == "functional"
    # a word of a national application's long name (Sistem Pengelolaan Pengaduan ...) names no system
    assert pairs[frozenset({"pengaduan-dinsos", "pengaduan-bkd"})] == "functional"


def test_words_of_a_sentence_in_a_name_do_not_weigh_as_what_it_does() -> None:
    from spbe_arch.duplicates.normalize import Normaliser
    from spbe_arch.duplicates.tables import shipped_tables

    normaliser = Normaliser(shipped_tables())
    # "Perijinan secara online", "Sebagai Sistem Pendapatan Daerah": the name reads like a sentence
    assert set(normaliser.name("Perijinan secara online").weights) == {"perizinan"}
    assert "sebagai" not in normaliser.name("Sebagai Sistem Pendapatan Daerah Online").weights
    # a word of a table's phrase stays (satu data), and so does an acronym that is spelt like a word
    assert "satu data" in normaliser.name("Portal Satu Data").weights
    assert normaliser.name("Aplikasi ADA").weights


def test_a_national_application_spelt_out_beside_its_address_is_that_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import national_readings
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: lapor, name: "Sistem Pengaduan publik secara online (lapor.go.id)", owner: diskominfo}
  - {id: spse, name: "Sistem Pengadaan Secara Elektronik (lpse.lkpp.go.id/eproc4)", owner: diskominfo}
  - {id: aduan-dinsos, name: "Pengaduan Dinas (lapor.dinsos.sukamakmur.go.id)", owner: dinsos}
  - {id: aduan-pemda, name: "Aplikasi Pengaduan Masyarakat (aduan.sukamakmur.go.id)", owner: bkd}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    named = {app.id: (national.national if national else None, is_named)
             for app, _, national, is_named in national_readings(workspace)}
    assert named["lapor"] == ("SP4N-LAPOR!", True)
    assert named["spse"] == ("SPSE", True)
    # on an OPD's own host, or on the Pemda's under its own name, the address is the Pemda's application
    assert named["aduan-dinsos"] == (None, False)
    assert named["aduan-pemda"] == (None, False)


def test_the_provider_s_short_name_beside_a_national_application_is_still_its_name(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: sirup-lkpp, name: Aplikasi SIRUP LKPP, owner: bappeda}
          - {id: sirup, name: Sistem Informasi Rencana Umum Pengadaan, owner: dpupr}
          - {id: renja-bappeda, name: Aplikasi Rencana Kerja Bappeda, owner: bappeda}
        """)
    pairs = _pairs(report)
    # two OPDs report SiRUP, one with the LKPP's name beside it: one national application
    assert pairs[frozenset({"sirup-lkpp", "sirup"})] == "same_system"
    assert not any("renja-bappeda" in pair for pair in pairs)


def test_a_name_written_with_underscores_is_read_word_by_word() -> None:
    from spbe_arch.duplicates.normalize import Normaliser
    from spbe_arch.duplicates.tables import shipped_tables

    normaliser = Normaliser(shipped_tables())
    assert normaliser.name("aplikasi_presensi_pegawai").weights == normaliser.name("Aplikasi Presensi Pegawai").weights
    normaliser.description("Bridging SATUSEHAT dan rawat_inap")  # words of descriptions noted as written
    assert normaliser.written == {"satusehat": "SATUSEHAT"}


def test_an_opds_own_website_is_not_the_site_of_its_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: web-dinkes, name: Website Dinas Kesehatan, owner: dinkes}
          - {id: sik, name: Sistem Informasi Kesehatan, owner: dinkes}
          - {id: jdih, name: JDIH, owner: dinsos}
          - {id: web-jdih, name: Website JDIH, owner: dinsos}
        """)
    pairs = _pairs(report)
    # the site names only its OPD ("kesehatan" is the OPD's word): it is not the health system's site
    assert frozenset({"web-dinkes", "sik"}) not in pairs
    # a site named after the application is that application's site
    assert pairs[frozenset({"jdih", "web-jdih"})] == "same_system"


def test_a_kind_of_system_written_short_and_long_in_two_opds_is_two_systems(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: simrs-rsj, name: SIMRS, owner: rsj}
          - {id: simrs-rsud, name: Sistem Informasi Manajemen Rumah Sakit, owner: rsud}
          - {id: simrs-rsud-2, name: SIMRS, owner: rsud}
        """)
    pairs = _pairs(report)
    # each hospital runs its own hospital system: one kind, two systems
    assert pairs[frozenset({"simrs-rsj", "simrs-rsud"})] == "functional"
    # one hospital's system written short and long is one system
    assert pairs[frozenset({"simrs-rsud", "simrs-rsud-2"})] == "same_system"


def test_a_government_not_yet_named_takes_no_word_from_the_names(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # an inventory without a title is imported as "Pemerintah Daerah": "daerah" was then read as the
    # Pemda's place name and taken out of every name, so SIPD spelt out no longer named SIPD
    root = make_workspace({"spbe.yaml": "spbe: 1\ngovernment: {name: Pemerintah Daerah, kind: kabupaten}\n",
                           "organisasi.yaml": ORGS, "aplikasi.yaml": """\
        applications:
          - {id: sipd, name: SIPD, owner: bappeda}
          - {id: sipd-long, name: Sistem Informasi Pemerintahan Daerah, owner: dinsos}
        """}, orgs=False, manifest=None)
    pairs = _pairs(find_duplicates(root, language="id"))
    assert pairs[frozenset({"sipd", "sipd-long"})] == "same_system"


def test_a_travel_site_is_tourism_not_official_travel(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: travel, name: Kuwon Travel Guide, owner: dinsos}
          - {id: sppd, name: Aplikasi SPPD Online, owner: bkd}
          - {id: wisata, name: Portal Wisata Kuwon, owner: diskominfo}
        """)
    pairs = _pairs(report)
    assert frozenset({"travel", "sppd"}) not in pairs  # "travel" of a guide is not a business trip
    assert pairs.get(frozenset({"travel", "wisata"})) == "functional"


def test_one_short_name_with_its_place_word_moved_is_one_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: hoaks-a, name: Saber Hoaks Bali, owner: diskominfo}
          - {id: hoaks-b, name: Bali Saber Hoaks, owner: dinsos}
          - {id: web-dinsos, name: "Aplikasi yang dikelola oleh Dinas Sosial, memuat informasi mengenai
             kegiatan dan program yang dilaksanakan oleh Dinas Sosial", owner: dinsos}
          - {id: web-bkd, name: "Aplikasi yang dikelola oleh Badan Kepegawaian Daerah, memuat informasi
             mengenai kegiatan dan program yang dilaksanakan oleh Badan Kepegawaian Daerah", owner: bkd}
        """)
    pairs = _pairs(report)
    assert pairs[frozenset({"hoaks-a", "hoaks-b"})] == "same_system"
    # a sentence that differs only by the OPD taken out of it is every OPD's own site, not one system
    assert pairs.get(frozenset({"web-dinsos", "web-bkd"})) != "same_system"


def test_a_groups_function_is_written_as_a_member_writes_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: ptsp-a, name: Aplikasi Layanan Terpadu Satu Pintu, owner: bapenda}
          - {id: ptsp-b, name: Layanan Terpadu Satu Pintu Online, owner: dinsos}
        """)
    group = report.group_of("ptsp-a")
    assert group is not None and group.function == "Layanan Terpadu Satu Pintu"  # not "Layanan Terpadu Pintu"


def test_a_dprd_s_aspirations_are_not_public_service_complaints(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # a DPRD site that takes "pokir" and the people's aspirations serves the council's work, not
    # SP4N-LAPOR!'s complaint handling; "aspirasi" alone names no complaint
    from spbe_arch.duplicates.features import national_readings
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: dprd, name: dprd.kuwon.go.id, owner: diskominfo,
     description: Web dprd untuk informasi dan input pokir juga aspirasi masyarakat}
  - {id: aduan, name: Kanal Warga, owner: dinsos, description: Web untuk informasi dan keluhan masyarakat}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    national = {app.id: function.national if function else None for app, function, _, _ in national_readings(workspace)}
    assert national["dprd"] is None
    assert national["aduan"] == "SP4N-LAPOR!"  # a complaint ("keluhan") still is


def test_a_row_named_by_an_organization_alone_is_its_site(tmp_path: Path) -> None:
    """'Badan Pengelolaan Keuangan dan Pendapatan Daerah (bpkpd.x.go.id)' names the finance office's site:
    its name says the office's affairs, not an application that keeps the region's budget; a name with a
    system's acronym or an application's word is an application."""
    from tests.inventory_factory import features_by_row, import_rows, row_pairs

    rows = [["O1", "Badan Pengelolaan Keuangan dan Pendapatan Daerah (https://bpkpd.tirtamaya.go.id/)", "BPKPD", "",
             "", ""],
            ["O2", "Sistem Informasi Verifikasi Anggaran", "Bappeda", "", "", ""],
            ["O3", "Aplikasi Penatausahaan Anggaran Keuangan", "Dinas Kesehatan", "", "", ""],
            ["O4", "Badan Pendapatan Daerah SIPADA", "Badan Pendapatan Daerah", "", "", ""]]
    workspace = import_rows(tmp_path, rows)
    features = features_by_row(workspace)
    assert features["O1"].organization_site and features["O1"].website
    assert not features["O2"].organization_site and not features["O4"].organization_site
    pairs = row_pairs(workspace)
    assert not any("O1" in pair for pair in pairs)
    assert pairs.get(frozenset(("O2", "O3"))) == "functional"  # the budget's two applications are still found
