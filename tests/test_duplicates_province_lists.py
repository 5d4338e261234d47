"""Shapes of a province's names-only inventory: the province's short name on every application, hospital
applications named after the hospital, look-alike acronyms, "legal" and "hukum" that are not JDIH."""

from __future__ import annotations

from spbe_arch.duplicates.features import names_a_site
from spbe_arch.duplicates.finder import find_duplicates
from spbe_arch.duplicates.normalize import abbreviates
from spbe_arch.duplicates.systems import pemda_portal
from tests.duplicate_helpers import kinds_of, report_of

ORGS = """\
organizations:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, kind: dinas}
  - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan}
  - {id: dispusip, name: Dinas Perpustakaan dan Kearsipan, kind: dinas}
  - {id: bkd, name: Badan Kepegawaian Daerah, kind: badan}
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: disdik, name: Dinas Pendidikan, kind: dinas}
  - {id: dispar, name: Dinas Pariwisata, kind: dinas}
  - {id: dishub, name: Dinas Perhubungan, kind: dinas}
  - {id: rsud, name: RSUD Dr. Achmad Darwis, kind: uptd}
  - {id: rsud-lubuk, name: RSUD Lubuk Alai, kind: uptd}
  - {id: biro-hukum, name: Biro Hukum, kind: lainnya}
  - {id: disperindag, name: Dinas Perindustrian dan Perdagangan, kind: dinas}
  - {id: desdm, name: Dinas Energi dan Sumber Daya Mineral, kind: dinas}
  - {id: cabdin-1, name: Cabang Dinas Pendidikan Wilayah I, kind: uptd}
  - {id: cabdin-2, name: Cabang Dinas Pendidikan Wilayah II, kind: uptd}
  - {id: bpsdm, name: Badan Pengembangan Sumber Daya Manusia, kind: badan}
"""

# the province's short name, which no table knows, on applications of many different jobs
JATRA = """\
  - {id: samsat, name: e-Samsat Jatra, owner: bapenda}
  - {id: antre, name: ANTRE Samsat Jatra (Antrian Online Samsat), owner: bapenda}
  - {id: pustaka, name: JATRA PUSTAKA (Perpustakaan Digital), owner: dispusip}
  - {id: presensi, name: Presensi Online Jatra, owner: bkd}
  - {id: simpeg, name: SIMPEG Jatra, owner: bkd}
  - {id: mobile, name: JATRA Mobile iOS, owner: diskominfo}
  - {id: dolan, name: DOLAN JATRA (Portal Pariwisata), owner: dispar}
  - {id: atcs, name: ATCS / CCTV Lalu Lintas Jatra, owner: dishub}
"""


def test_the_provinces_short_name_on_many_applications_says_whose_not_which(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # the list writes no address: the short name is known only by the many different jobs that carry it
    report = report_of(make_workspace, ORGS, JATRA)
    assert not [p for p in report.pairs if p.kind == "same_system"]  # before: all eight were one system
    assert not [g for g in report.groups if len(g.applications) > 2]


def test_the_provinces_domain_names_its_short_name(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # two applications only, too few to tell by their jobs: the Pemda's domain says that Jatra is its place
    report = report_of(make_workspace, ORGS, """\
          - {id: samsat, name: e-Samsat Jatra, owner: bapenda, url: "https://esamsat.jatraprov.go.id"}
          - {id: mobile, name: JATRA Mobile, owner: diskominfo}
        """)
    assert report.pairs == []


def test_a_hospitals_other_applications_are_not_its_hospital_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: simrs, name: SIMRS RSUD Dr. Achmad Darwis, owner: rsud}
          - {id: simrs-lubuk, name: SIMRS RSUD Lubuk Alai, owner: rsud-lubuk}
          - {id: aset, name: e-Aset RSUD, owner: rsud}
          - {id: lms, name: LMS Diklat RSUD, owner: rsud}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"simrs", "simrs-lubuk"})) == "functional"  # two hospitals' own SIMRS
    # "RSUD" says whose asset register and whose learning system, not that they manage a hospital
    assert not any({"aset", "lms"} & pair for pair in pairs)


def test_an_acronym_leaves_out_at_most_one_word_of_what_it_abbreviates() -> None:
    assert abbreviates("simak", ["sistem", "informasi", "manajemen", "akademik"])
    assert abbreviates("simakda", ["sistem", "informasi", "manajemen", "aset", "dan", "keuangan", "daerah"])
    assert abbreviates("sipd", ["sistem", "informasi", "pemerintahan", "terpadu", "daerah"])  # one word left out
    # si-in-a-s, leaving out "ijin" and "tanah": any long name would spell some acronym this way
    assert not abbreviates("siinas", ["sistim", "informasi", "ijin", "air", "tanah", "si", "banyu"])


def test_an_acronym_is_not_a_long_name_that_it_only_spells_by_leaving_words_out(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: siinas, name: SIINas, owner: disperindag}
          - {id: sibanyu, name: Sistim Informasi Ijin Air Tanah (SI-BANYU), owner: desdm}
          - {id: simatik, name: SIMATIK (Inventarisasi Aset TIK), owner: diskominfo}
        """)
    assert report.pairs == []  # nor its own acronym beside two words: SIMATIK is not si-in-as


def test_a_long_name_in_capitals_still_spells_its_acronym(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: short, name: SIMANTAB, owner: bkd}
          - {id: long, name: SISTEM INFORMASI MANAJEMEN TABUNGAN, owner: bkd}
        """)
    assert kinds_of(report).get(frozenset({"short", "long"})) == "same_system"


def test_legal_metrology_legislation_and_certified_copies_are_not_jdih(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: jdih, name: JDIH Provinsi, owner: biro-hukum}
          - {id: legislasi, name: SI-LEGAL (Sistem Informasi Legislasi Daerah), owner: biro-hukum}
          - {id: fasilitasi, name: e-Fasilitasi Produk Hukum Kabupaten/Kota, owner: biro-hukum}
          - {id: metrologi, name: SIMETRO (Metrologi Legal), owner: disperindag}
          - {id: legalisir-1, name: Legalisir Ijazah Online, owner: cabdin-1}
          - {id: legalisir-2, name: e-Legalisir, owner: cabdin-2}
        """)
    pairs = kinds_of(report)
    assert not any("jdih" in pair for pair in pairs)
    # certified copies of diplomas, issued by each branch office: one job in two offices
    assert pairs.get(frozenset({"legalisir-1", "legalisir-2"})) == "functional"


def test_sirs_online_is_the_ministrys_hospital_reporting_not_a_hospitals_simrs(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: sirs-darwis, name: SIRS Online, owner: rsud}
          - {id: sirs-lubuk, name: SIRS Kemenkes, owner: rsud-lubuk}
          - {id: simrs, name: SIMRS RSUD Dr. Achmad Darwis, owner: rsud}
          - {id: simrs-lubuk, name: SIMRS Khanza, owner: rsud-lubuk}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"sirs-darwis", "sirs-lubuk"})) == "same_system"  # one national application
    assert not any(pair & {"sirs-darwis", "sirs-lubuk"} and pair & {"simrs", "simrs-lubuk"} for pair in pairs)


def test_the_fuel_tax_and_the_mobile_samsat_schedule_are_not_the_vehicle_tax(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: esamsat, name: e-Samsat Nusteng, owner: bapenda}
          - {id: samsat-mobile, name: Samsat Sembada, owner: dishub}
          - {id: pbbkb, name: Aplikasi Pajak Bahan Bakar Kendaraan Bermotor (PBBKB), owner: bapenda}
          - {id: jadwal, name: Jadwal Samsat Keliling, owner: dishub}
          - {id: samling, name: SAMLING, owner: bkd}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"esamsat", "samsat-mobile"})) == "functional"
    assert not any(pair & {"pbbkb", "jadwal", "samling"} and pair & {"esamsat", "samsat-mobile"} for pair in pairs)


def test_an_archive_application_and_a_letters_application_are_two_groups_each_with_srikandi(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: srikandi, name: SRIKANDI, owner: dispusip, source: nasional}
          - {id: srikandi-dinkes, name: Srikandi, owner: dinkes, source: nasional}
          - {id: srikandi-bkd, name: srikandi.arsip.go.id, owner: bkd, source: nasional}
          - {id: eoffice, name: e-Office Pemprov (Persuratan Elektronik), owner: diskominfo}
          - {id: edisposisi, name: e-Disposisi Surat, owner: dinkes}
          - {id: earsip, name: e-Arsip Digital, owner: bapenda}
          - {id: simarsip, name: SIMARSIP (Sistem Informasi Manajemen Arsip), owner: bkd}
        """)
    groups = [set(g.applications) for g in report.groups if g.kind == "functional"]
    letters = next(g for g in groups if "eoffice" in g)
    archives = next(g for g in groups if "earsip" in g)
    srikandi = {"srikandi", "srikandi-dinkes", "srikandi-bkd"}  # one national application, three rows
    assert letters == srikandi | {"eoffice", "edisposisi"}
    assert archives == srikandi | {"earsip", "simarsip"}  # SRIKANDI is in both: two groups, not one of seven
    archive_group = next(g for g in report.groups if g.kind == "functional" and "earsip" in g.applications)
    assert "SRIKANDI" in archive_group.proposal and "KepmenPANRB 679/2020" in archive_group.proposal
    assert archive_group.function == "pengelolaan arsip dinamis"  # its copies' job, not SRIKANDI's first one


def test_a_thematic_map_is_a_layer_of_the_geoportal_not_a_second_geoportal(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: geoportal, name: Geoportal Provinsi, owner: diskominfo}
          - {id: webgis-hutan, name: WebGIS Kehutanan, owner: desdm}
          - {id: peta-konflik, name: Sistem Informasi Peta Konflik, owner: dispar}
        """)
    pairs = kinds_of(report)
    assert not any("geoportal" in pair for pair in pairs)


def test_lkpps_shop_and_a_hospitals_performance_pay_are_what_they_are(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: spse, name: SPSE, owner: diskominfo}
          - {id: toko, name: Toko Daring (Bela Pengadaan), owner: disperindag}
          - {id: katalog, name: e-Katalog LKPP, owner: disperindag}
          - {id: simrs, name: SIMRS RSUD Dr. Achmad Darwis, owner: rsud}
          - {id: simrs-lubuk, name: SIMRS RSUD Lubuk Alai, owner: rsud-lubuk}
          - {id: remun, name: e-Remun RSUD, owner: rsud}
        """)
    pairs = kinds_of(report)
    assert not any("toko" in pair for pair in pairs)  # neither the tenders of SPSE nor the catalogue
    assert not any("remun" in pair for pair in pairs)  # the hospital's performance pay, not its SIMRS


def test_a_name_that_says_what_it_is_is_not_guessed_from_its_acronyms_syllables(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: lapor, name: SP4N-LAPOR!, owner: diskominfo}
          - {id: pengaduan, name: Pengaduan Online Disdik, owner: disdik}
          - {id: simadu, name: SIMADU SMA (Sistem Informasi Mutasi Siswa), owner: cabdin-1}
          - {id: sihadir, name: SIHADIR, owner: bkd}
          - {id: presensi, name: e-Presensi Pegawai, owner: dinkes}
        """)
    pairs = kinds_of(report)
    assert not any("simadu" in pair for pair in pairs)  # sim-adu is not "aduan": the name says student transfers
    assert pairs.get(frozenset({"sihadir", "presensi"})) == "functional"  # a bare acronym is still read: si-hadir


def test_a_system_that_several_opds_report_by_its_name_is_one_system_not_a_form(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # "e-Tambo" opens the rows of four OPDs: the name of the province's e-office, not a form of the sheet
    report = report_of(make_workspace, ORGS, """\
          - {id: tambo-kominfo, name: e-Tambo (e-Office Pemprov), owner: diskominfo}
          - {id: tambo-bkd, name: E-TAMBO, owner: bkd}
          - {id: tambo-bapenda, name: e-Tambo, owner: bapenda}
          - {id: tambo-hukum, name: e-Tambo Biro Hukum, owner: biro-hukum}
        """)
    system = next(g for g in report.groups if "tambo-bkd" in g.applications)
    assert system.kind == "same_system"
    assert {"tambo-bkd", "tambo-bapenda"} <= set(system.applications)


def test_an_opds_site_by_name_and_by_address_is_one_site(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: web-dishub, name: Website Dinas Perhubungan, owner: dishub}
          - {id: host-dishub, name: dishub.antengahprov.go.id, owner: dishub, url: "https://dishub.antengahprov.go.id"}
          - {id: host-dinkes, name: dinkes.antengahprov.go.id, owner: dinkes, url: "https://dinkes.antengahprov.go.id"}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"web-dishub", "host-dishub"})) == "same_system"
    assert frozenset({"host-dishub", "host-dinkes"}) not in pairs  # two OPDs' sites are two sites


def test_a_central_application_once_written_with_its_ministry_is_one_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: simfoni-dinkes, name: SIMFONI-PPA, owner: dinkes}
          - {id: simfoni-rs, name: SIMFONI-PPA KemenPPPA, owner: rsud}
        """)
    pair = next(p for p in report.pairs if {p.a, p.b} == {"simfoni-dinkes", "simfoni-rs"})
    assert pair.kind == "same_system"
    # but a Pemda's own e-Kinerja at its own address is not BKN's
    own = report_of(make_workspace, ORGS, """\
          - {id: ekinerja-bkn, name: e-Kinerja BKN, owner: bkd}
          - {id: ekinerja-lokal, name: e-kinerja.antengahprov.go.id, owner: diskominfo,
             url: "https://e-kinerja.antengahprov.go.id"}
        """)
    assert kinds_of(own).get(frozenset({"ekinerja-bkn", "ekinerja-lokal"})) != "same_system"
    assert pair.evidence[0].startswith("nama yang sama, sekali ditulis dengan kementerian atau lembaga pengelolanya")


def test_pupils_learning_and_staff_training_are_two_jobs(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: lms-bpsdm, name: LMS BPSDM (e-Learning ASN), owner: bpsdm}
          - {id: elearning-nakes, name: e-Learning Tenaga Kesehatan, owner: dinkes}
          - {id: elearning-sma, name: e-Learning SMA, owner: disdik}
          - {id: lms-cabdin, name: LMS Cabdin Wilayah II, owner: cabdin-2}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"lms-bpsdm", "elearning-nakes"})) == "functional"  # staff training, twice
    # an education branch office's LMS is its pupils', whatever its name says
    assert pairs.get(frozenset({"elearning-sma", "lms-cabdin"})) == "functional"
    assert not any(pair & {"lms-bpsdm", "elearning-nakes"} and pair & {"elearning-sma", "lms-cabdin"}
                   for pair in pairs)


def test_a_brand_word_alone_does_not_make_a_job_shared(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: beta-hadir, name: Beta Hadir, owner: bkd}
          - {id: beta-app, name: BETA UJI iOS, owner: diskominfo}  # the Pemda's super app
          - {id: presensi, name: e-Presensi Pegawai, owner: dinkes}
          - {id: presensi-disdik, name: Presensi Online, owner: disdik}
          - {id: absensi-dishub, name: Absensi Pegawai, owner: dishub}
          - {id: absen-dispar, name: e-Absen, owner: dispar}
        """)
    pairs = kinds_of(report)
    assert frozenset({"beta-hadir", "beta-app"}) not in pairs  # the province's super app is not attendance
    assert pairs.get(frozenset({"beta-hadir", "presensi"})) == "functional"
    # read at a lower threshold, the pair says why it was scored down
    low = find_duplicates(make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: beta-hadir, name: Beta Hadir, owner: bkd}
  - {id: beta-app, name: BETA UJI iOS, owner: diskominfo}
"""}, orgs=False, name="low"), threshold=0.1, language="id")
    assert "namun kedua nama hanya sama pada satu kata merek, dan hanya Beta Hadir yang menyebut fungsinya" \
        in low.pairs[0].evidence


def test_an_opds_acronym_in_its_sites_name_says_whose_site(make_workspace) -> None:  # type: ignore[no-untyped-def]
    orgs = ORGS + "  - {id: bpbd, name: Badan Penanggulangan Bencana Daerah, kind: badan}\n"
    report = report_of(make_workspace, orgs, """\
          - {id: web-bpbd, name: Website BPBD Provinsi, owner: bpbd, tags: [website]}
          - {id: pusdalops, name: Pusdalops PB - Pelaporan Kejadian Bencana, owner: bpbd}
        """)
    assert report.pairs == []  # BPBD, "Badan Penanggulangan Bencana Daerah" written short, is whose site it is


def test_a_name_and_the_same_name_explained_in_brackets_are_one_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: layang, name: LAYANG SARI (Layanan Administrasi Kecamatan Online), owner: diskominfo}
          - {id: layang-kec, name: Layang Sari, owner: dinkes}
          - {id: presensari, name: PRESENSARI, owner: bkd}
          - {id: presensari-kec, name: Presensi Online (Presensari), owner: dishub}
          - {id: simpatik-dinsos, name: SIMPATIK (Sistem Informasi Pelayanan Sosial), owner: dispar}
          - {id: simpatik-izin, name: SIMPATIK (Sistem Informasi Perijinan Terpadu), owner: desdm}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"layang", "layang-kec"})) == "same_system"
    assert pairs.get(frozenset({"presensari", "presensari-kec"})) == "same_system"
    # two systems that explain one acronym differently are not one another's name explained
    assert pairs.get(frozenset({"simpatik-dinsos", "simpatik-izin"})) != "same_system"


def test_p_care_is_known_beside_its_programme(make_workspace) -> None:  # type: ignore[no-untyped-def]
    orgs = ORGS + ("  - {id: pkm-a, name: Puskesmas Wetan, kind: uptd}\n"
                   "  - {id: pkm-b, name: Puskesmas Kulon, kind: uptd}\n")
    report = report_of(make_workspace, orgs, """\
          - {id: pcare-a, name: PCare JKN, owner: pkm-a}
          - {id: pcare-b, name: P Care, owner: pkm-b}
        """)
    assert kinds_of(report).get(frozenset({"pcare-a", "pcare-b"})) == "same_system"


def test_a_national_applications_address_on_its_agencys_domain_names_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: ekinerja-bkd, name: e-Kinerja BKN, owner: bkd}
          - {id: ekinerja-rs, name: e-kinerja.bkn.go.id, owner: rsud}
        """)
    assert kinds_of(report).get(frozenset({"ekinerja-bkd", "ekinerja-rs"})) == "same_system"


PORTAL_ORGS = ORGS + """\
  - {id: biro-adpim, name: Biro Administrasi Pimpinan, kind: lainnya}
"""


def test_the_pemdas_portal_by_name_and_by_its_domain_is_one_system_and_not_the_diskominfos_site(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # the Diskominfo lists the portal by name and its own site by address; the Biro that fills the
    # portal lists it by the Pemda's domain, short name and all
    report = report_of(make_workspace, PORTAL_ORGS, """\
          - {id: portal-name, name: Website Resmi Pemerintah Provinsi Kepulauan Sagara, owner: diskominfo}
          - {id: kominfo-site, name: diskominfo.sagaraprov.go.id, owner: diskominfo, url: "https://diskominfo.sagaraprov.go.id"}
          - {id: portal-host, name: www.sagaraprov.go.id, owner: biro-adpim, url: "https://www.sagaraprov.go.id"}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"portal-name", "portal-host"})) == "same_system"
    assert frozenset({"portal-name", "kominfo-site"}) not in pairs  # before: one "own site" of the Diskominfo
    group = report.group_of("portal-name")
    assert group is not None and group.kind == "same_system"
    assert "portal resmi pemerintah daerah" in next(p for p in report.pairs if "portal-host" in (p.a, p.b)).evidence[0]
    # recorded under its name, not its address
    assert "catat sebagai satu aplikasi, Website Resmi Pemerintah Provinsi Kepulauan Sagara," in group.proposal


def test_a_provinces_short_domain_spells_its_name_in_order(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: portal-host, name: jatraprov.go.id, owner: diskominfo, url: "https://jatraprov.go.id"}
          - {id: portal-name, name: Website Pemerintah Provinsi Jawa Tenggara, owner: diskominfo}
          - {id: other-pemda, name: Website Pemerintah Provinsi Sumatera Tengah, owner: diskominfo}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"portal-host", "portal-name"})) == "same_system"
    assert not {frozenset({"other-pemda", x}) for x in ("portal-host", "portal-name")} & pairs.keys()


def test_a_data_portal_named_portal_is_not_the_pemdas_official_portal(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # an element id starting "portal-" once made a sector's data portal "the Pemda's official portal,
    # kept", and the Diskominfo's Satu Data was to be consolidated into it
    report = report_of(make_workspace, ORGS, """\
          - {id: portal-data-pendidikan, name: Portal Data Pendidikan Sagara, owner: disdik}
          - {id: satu-data, name: Satu Data Sagara, owner: diskominfo}
        """)
    group = report.group_of("satu-data")
    assert group is not None and group.kind == "functional"
    assert "portal resmi" not in group.proposal
    assert "ke dalam Portal Data Pendidikan" not in group.proposal


def test_a_mobile_client_is_its_own_opds_namesakes_not_another_opds(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, PORTAL_ORGS + """\
  - {id: dpmptsp, name: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, kind: dinas}
""", """\
          - {id: pip, name: SIPINTAR Kemdikbud (Program Indonesia Pintar), owner: disdik}
          - {id: izin, name: SIPINTAR Sagara (Sistem Perizinan Terpadu), owner: dpmptsp}
          - {id: izin-mobile, name: SIPINTAR Mobile, owner: dpmptsp}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"izin", "izin-mobile"})) == "same_system"
    # before: the client joined the education office's SIPINTAR too, and through it the two systems
    assert frozenset({"pip", "izin-mobile"}) not in pairs
    assert frozenset({"pip", "izin"}) not in pairs
    assert report.group_of("pip") is None


def test_two_rows_named_by_one_job_are_one_job_whatever_their_one_line_descriptions(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # Kota Sukabumi's Diskominfo: two data portals, each described by one line with no word in common
    report = report_of(make_workspace, ORGS, """\
          - {id: satu-data, name: Satu-Data, owner: diskominfo,
             description: "pengelolaan dan berbagi pakai data antar Perangkat Daerah"}
          - {id: open-data, name: Open Data, owner: diskominfo, description: "koleksi dataset terlengkap di kota"}
        """)
    assert kinds_of(report).get(frozenset({"satu-data", "open-data"})) == "functional"


def test_a_national_application_listed_by_its_address_is_named_by_its_name_first(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: sipd-host, name: sipd.kemendagri.go.id, owner: bapenda, url: "https://sipd.kemendagri.go.id"}
          - {id: e-budgeting, name: E-Budgeting, owner: bapenda}
        """)
    group = report.group_of("e-budgeting")
    assert group is not None and group.kind == "functional"
    # before: "alihkan E-Budgeting ke sipd.kemendagri.go.id, aplikasi nasional ..."
    assert "ke SIPD (sipd.kemendagri.go.id), aplikasi nasional" in group.proposal


def test_legal_certainty_in_a_long_name_is_not_jdih(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # names as long as descriptions: "kepastian hukum" says why, not that legal documents are published
    report = report_of(make_workspace, ORGS, """\
          - {id: jdih, name: Jaringan Dokumentasi dan Informasi Hukum, owner: biro-hukum}
          - {id: standar, name: "Meningkatkan mutu layanan, memberikan kepastian hukum dalam pengelolaan data pasien",
             owner: rsud}
        """)
    assert frozenset({"jdih", "standar"}) not in kinds_of(report)


def test_the_documents_table_gives_a_system_without_a_known_function_no_function(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.document.findings_sections import duplicate_section
    from spbe_arch.document.index import ModelIndex
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: pacs, name: Aplikasi PACS, owner: rsud}
  - {id: pacs-mobile, name: PACS Mobile, owner: rsud}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    table = duplicate_section(workspace, ModelIndex(workspace)).groups
    assert table is not None and len(table.rows) == 1
    cells = [c.text for c in table.rows[0].cells]
    assert cells[1] == "Satu sistem tercatat berulang"
    assert cells[3] == "-"  # before: the system's name again, in the column of its function


BUMD_ORGS = ORGS + """\
  - {id: bpbd, name: BPBD Prov. Jawa Tenggara, kind: badan}
  - {id: bank, name: PT Bank Pembangunan Daerah Andalas Tengah (Bank Antengah), kind: lainnya}
  - {id: dpmptsp, name: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, kind: dinas}
"""


def test_an_address_named_by_the_acronym_its_owner_is_written_with_is_the_owners_site(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, BUMD_ORGS, """\
          - {id: site, name: bpbd.jatraprov.go.id, owner: bpbd, url: "https://bpbd.jatraprov.go.id"}
          - {id: sigap, name: SIGAP Bencana Jatra, owner: bpbd}
          - {id: sigap-android, name: SIGAP Bencana Android, owner: bpbd}
        """)
    pairs = kinds_of(report)
    # before: "BPBD" spelt out to "bencana" made the office's site a third disaster application
    assert not {frozenset({"site", "sigap"}), frozenset({"site", "sigap-android"})} & pairs.keys()


def test_one_owners_app_for_two_stores_is_one_system_however_generic_its_name(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, BUMD_ORGS, """\
          - {id: android, name: Bank Antengah Mobile (Android), owner: bank}
          - {id: ios, name: Bank Antengah Mobile (iOS), owner: bank}
          - {id: queue-android, name: Aplikasi Antrian (Android), owner: dinkes}
          - {id: queue-ios, name: Aplikasi Antrian (iOS), owner: dinkes}
          - {id: queue-other, name: Aplikasi Antrian (Android), owner: disdik}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"android", "ios"})) == "same_system"
    assert pairs.get(frozenset({"queue-android", "queue-ios"})) == "same_system"  # before: functional
    assert pairs.get(frozenset({"queue-android", "queue-other"})) == "functional"  # two OPDs: two systems


def test_an_acronym_that_starts_another_brand_does_not_spell_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, BUMD_ORGS, """\
          - {id: sipad, name: SI-PAD, owner: bapenda}
          - {id: sipadu, name: SI-PADU IZIN, owner: dpmptsp}
        """)
    assert frozenset({"sipad", "sipadu"}) not in kinds_of(report)  # before: one system, by "si-pad-u izin"


def test_a_name_that_says_two_jobs_does_the_one_it_says_first(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # Indonesian puts the head first: scholarships paid as social aid are scholarships
    report = report_of(make_workspace, BUMD_ORGS, """\
          - {id: beasiswa-bansos, name: Sistem Informasi Beasiswa Bantuan Sosial, owner: disdik}
          - {id: hibah, name: e-Hibah Bantuan Sosial, owner: bapenda}
          - {id: beasiswa, name: Beasiswa Online, owner: dispar}
        """)
    pairs = kinds_of(report)
    assert frozenset({"beasiswa-bansos", "hibah"}) not in pairs
    assert pairs.get(frozenset({"beasiswa-bansos", "beasiswa"})) == "functional"


def test_brackets_that_explain_a_name_say_its_job_first(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import build_features
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: minta, name: "Satu Data Jatra (Permintaan Informasi Publik) [IKP]", owner: diskominfo}
  - {id: hibah, name: "Bantuan Sosial Online (Beasiswa Mahasiswa)", owner: disdik}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    roles = {f.id: f.role.id if f.role else None for f in build_features(workspace).apps}
    assert roles == {"minta": "ppid", "hibah": "beasiswa"}


def test_a_ticket_sold_is_neither_a_helpdesk_ticket_nor_the_tourism_portal(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, BUMD_ORGS, """\
          - {id: helpdesk, name: TOLONG BETA - Helpdesk Layanan TIK, owner: diskominfo}
          - {id: ferry, name: SI-TIKET e-Tiket Penyeberangan, owner: dishub}
          - {id: portal, name: Visit Tanjung Batu, owner: dispar}
          - {id: entry, name: e-Tiket Wisata Pantai Lamampu, owner: dispar}
        """)
    pairs = kinds_of(report)
    assert frozenset({"helpdesk", "ferry"}) not in pairs  # before: a ferry ticket was an IT helpdesk
    assert frozenset({"portal", "entry"}) not in pairs


def test_the_ministrys_education_report_is_not_a_schools_report_cards(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: rapor-pendidikan, name: Rapor Pendidikan, owner: disdik}
          - {id: e-rapor, name: e-Rapor SMA, owner: cabdin-1}
          - {id: e-rapor-2, name: e-Rapor SMA, owner: cabdin-2}
        """)
    pairs = kinds_of(report)
    assert not {frozenset({"rapor-pendidikan", "e-rapor"}), frozenset({"rapor-pendidikan", "e-rapor-2"})} & pairs.keys()
    assert frozenset({"e-rapor", "e-rapor-2"}) in pairs


def test_an_acronym_spelt_out_in_the_names_own_brackets_means_what_they_say(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: kesbangpol, name: Badan Kesatuan Bangsa dan Politik, kind: badan}
""", """\
          - {id: penelitian, name: e-SKP (Surat Keterangan Penelitian), owner: kesbangpol}
          - {id: skp, name: e-SKP, owner: bkd}
          - {id: skp-rs, name: e-SKP Pegawai, owner: rsud}
        """)
    # before: SKP read as Sasaran Kinerja Pegawai, and a research permit was to move to e-Kinerja BKN
    assert report.group_of("penelitian") is None
    assert not [p for p in report.pairs if "penelitian" in (p.a, p.b)]
    group = report.group_of("skp")
    assert group is not None and "e-Kinerja BKN" in group.proposal


def test_an_application_named_national_is_never_consolidated_into_a_pemdas_own(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, BUMD_ORGS + """\
  - {id: samsat, name: UPT Samsat Kota, kind: uptd}
""", """\
          - {id: signal, name: SIGNAL (Samsat Digital Nasional), owner: bapenda}
          - {id: esamsat, name: e-Samsat Jatra, owner: bapenda}
          - {id: esamsat-upt, name: E-SAMSAT, owner: samsat}
        """)
    group = report.group_of("signal")
    assert group is not None and group.kind == "functional"
    # before: "konsolidasikan E-SAMSAT dan SIGNAL (Samsat Digital Nasional) ke dalam e-Samsat Jatra"
    assert group.proposal.startswith("Usulan: integrasikan ")
    assert "dengan SIGNAL (Samsat Digital Nasional) (Badan Pendapatan Daerah), yang menurut namanya" in group.proposal
    assert "ke dalam" not in group.proposal


def test_a_module_does_the_job_of_the_system_it_says_it_is_part_of(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: efile, name: Aplikasi untuk arsip file PNS. Bagian dari SIMPEG, owner: bkd}
          - {id: arsip, name: Aplikasi arsip, owner: dispusip}
          - {id: arsip-2, name: Aplikasi untuk menyimpan arsip, owner: dinkes}
          - {id: simpeg, name: SIMPEG, owner: bkd}
          - {id: cuti, name: SIMPEG - Modul Cuti Online, owner: bkd}
        """)
    pairs = kinds_of(report)
    # before: the personnel files were a third archive application
    assert not {frozenset({"efile", "arsip"}), frozenset({"efile", "arsip-2"})} & pairs.keys()
    assert frozenset({"arsip", "arsip-2"}) in pairs
    assert pairs.get(frozenset({"efile", "simpeg"})) == "same_system"  # a module it says it is: one system
    assert frozenset({"cuti", "simpeg"}) in pairs  # "Modul Cuti" names its own module, not another system


def test_renting_assets_out_is_not_administering_them(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: bpkad, name: Badan Pengelola Keuangan dan Aset Daerah, kind: badan}
""", """\
          - {id: siwa, name: SIWA, owner: bpkad, description: Aplikasi Sewa Aset Daerah Provinsi}
          - {id: ebmd, name: E-BMD, owner: bpkad, description: Penatausahaan Barang Milik Daerah}
          - {id: aset-sekolah, name: Sistem Informasi Manajemen Aset Daerah, owner: disdik}
        """)
    pairs = kinds_of(report)
    assert not {frozenset({"siwa", "ebmd"}), frozenset({"siwa", "aset-sekolah"})} & pairs.keys()
    assert frozenset({"ebmd", "aset-sekolah"}) in pairs


def test_the_new_evidence_and_advice_read_in_english_too(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"organisasi.yaml": PORTAL_ORGS, "aplikasi.yaml": """\
applications:
  - {id: portal-name, name: Website Resmi Pemerintah Provinsi Kepulauan Sagara, owner: diskominfo}
  - {id: portal-host, name: www.sagaraprov.go.id, owner: biro-adpim, url: "https://www.sagaraprov.go.id"}
  - {id: signal, name: SIGNAL (Samsat Digital Nasional), owner: bapenda}
  - {id: esamsat, name: e-Samsat Jatra, owner: bapenda}
  - {id: esamsat-2, name: E-SAMSAT, owner: dishub}
  - {id: simfoni, name: SIMFONI-PPA, owner: dinkes}
  - {id: simfoni-rs, name: SIMFONI-PPA KemenPPPA, owner: rsud}
"""}, orgs=False)
    report = find_duplicates(root, language="en")
    evidence = {frozenset((p.a, p.b)): p.evidence[0] for p in report.pairs}
    assert evidence[frozenset({"portal-name", "portal-host"})] == (
        "both are the Pemda's official portal, listed by its name and by its address")
    assert evidence[frozenset({"simfoni", "simfoni-rs"})].startswith(
        "one name, once with the ministry or agency that runs it (")
    group = report.group_of("signal")
    assert group is not None and group.proposal.startswith("Proposal (usulan): integrate ")
    assert group.proposal.endswith("itself stays.")


def test_a_module_named_after_a_national_application_is_that_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: setwan, name: Sekretariat DPRD, kind: lainnya}
""", """\
          - {id: pokir, name: SIPD - Modul Pokok Pikiran DPRD, owner: setwan}
          - {id: sipd, name: SIPD, owner: bapenda}
          - {id: monev, name: SIPELITA Modul e-Monev, owner: diskominfo}
        """)
    pairs = kinds_of(report)
    # before: its module's words were read and SIPD's name was not, so the two rows were two systems
    assert pairs.get(frozenset({"pokir", "sipd"})) == "same_system"
    assert not [p for p in pairs if "monev" in p]  # a module of a local system stays what it says


def test_a_national_application_named_with_another_of_its_functions_is_that_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    """"SIPD Perencanaan (Sistem Informasi Pemerintahan Daerah)" is SIPD's planning module: SIPD plans as
    well as budgets. Before, only SIPD's budgeting words counted beside its name, and the planning row was
    a local planning application to be moved into "SIPD Modul Penganggaran"."""
    report = report_of(make_workspace, ORGS + """\
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, kind: badan}
  - {id: bpkad, name: Badan Pengelolaan Keuangan dan Aset Daerah, kind: badan}
""", """\
          - {id: sipd-plan, name: SIPD Perencanaan (Sistem Informasi Pemerintahan Daerah), owner: bappeda}
          - {id: sipd-budget, name: SIPD Modul Penganggaran, owner: bpkad}
          - {id: sipd-accounts, name: SIPD Penatausahaan, owner: bapenda}
          - {id: sipd-plain, name: SIPD RI, owner: dinkes}
          - {id: eplanning, name: e-Planning Pembangunan Daerah, owner: bappeda}
        """)
    system = next(g for g in report.groups if g.kind == "same_system" and "sipd-plan" in g.applications)
    assert "sipd-budget" in system.applications
    assert system.national_application == "sipd-plain"  # named by the row that names no module
    assert not any("alihkan SIPD Perencanaan" in g.proposal or "move SIPD Perencanaan" in g.proposal
                   for g in report.groups)
    # the planning application moves to SIPD (the row that names no module), not to its budgeting module
    planning = report.group_of("eplanning")
    assert planning is not None and " ke SIPD RI, aplikasi nasional" in planning.proposal, planning.proposal
    # the group holds SIPD's rows that plan or name no module, not those of its budgeting and accounts
    assert {"sipd-plan", "sipd-plain"} <= set(planning.applications)
    assert not {"sipd-budget", "sipd-accounts"} & set(planning.applications)


def test_a_mobile_client_named_by_its_systems_brand_is_that_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: disnaker, name: Dinas Tenaga Kerja dan Transmigrasi, kind: dinas}
  - {id: rs-giri, name: RSUD Giri Sewu, kind: uptd}
""", """\
          - {id: bkol, name: Bursa Kerja Online (BKOL) Provinsi, owner: disnaker}
          - {id: bkol-m, name: BKOL Mobile, owner: disnaker}
          - {id: pustaka, name: Perpustakaan Digital iPrisel, owner: dispusip}
          - {id: pustaka-m, name: Aplikasi iPrisel Mobile (Android) - Baca Buku Online, owner: dispusip}
          - {id: simrs, name: SIMRS Giri Sewu, owner: rs-giri}
          - {id: rs-m, name: GIRI SEWU Mobile (Android), owner: rs-giri}
          - {id: sastra, name: SIMRS SASTRA, owner: rsud}
          - {id: sastra-m, name: SASTRA Mobile (Antrian Online Pasien), owner: rsud}
        """)
    pairs = kinds_of(report)
    # before: the brand shared with a longer name was "only a brand word", and the two rows two systems
    assert pairs.get(frozenset({"bkol", "bkol-m"})) == "same_system"
    assert pairs.get(frozenset({"pustaka", "pustaka-m"})) == "same_system"
    # the hospital's own name is not a system's brand; a client whose own words say another job is another
    assert pairs.get(frozenset({"simrs", "rs-m"})) != "same_system"
    assert pairs.get(frozenset({"sastra", "sastra-m"})) != "same_system"


def test_an_opds_site_named_by_the_opds_name_is_its_site_whatever_job_the_name_says(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, """\
organizations:
  - {id: bkd-prov, name: BKD Provinsi Priangan Selatan, kind: badan}
  - {id: rsud, name: RSUD Dr. Achmad Darwis, kind: uptd}
  - {id: dishub, name: Dinas Perhubungan, kind: dinas}
""", """\
          - {id: site, name: Website Badan Kepegawaian Daerah Prov. Priangan Selatan, owner: bkd-prov}
          - {id: simpeg, name: Sistem Informasi Manajemen Kepegawaian (SIMPEG) BKD, owner: bkd-prov}
          - {id: simpeg-rs, name: SIMPEG RSUD Dr. Achmad Darwis, owner: rsud}
          - {id: simpeg-dkp, name: Simpeg Online BKD, owner: dishub}
          - {id: siasn, name: SIASN (Sistem Informasi ASN) Badan Kepegawaian Negara, owner: bkd-prov}
        """)
    pairs = kinds_of(report)
    # before: "kepegawaian" of the OPD's name made its site a third personnel system, to move to SIASN
    assert not [p for p in pairs if "site" in p]
    assert frozenset({"simpeg", "simpeg-rs"}) in pairs


def test_ikm_is_a_satisfaction_index_only_beside_a_surveys_word(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: ikm-survei, name: Survei IKM Online Dinas Perhubungan, owner: dishub}
          - {id: skm, name: Aplikasi Survei Kepuasan Masyarakat (SKM), owner: dinkes}
          - {id: ikm-industri, name: Office UMKM/IKM (IKM), owner: disperindag}
          - {id: ikm-data, name: Database IKM, owner: dispar}
        """)
    pairs = kinds_of(report)
    # before: "IKM" was a word no table knew, and the survey app named by it had no job to share
    assert pairs.get(frozenset({"ikm-survei", "skm"})) == "functional"
    assert not [p for p in pairs if "ikm-industri" in p or "ikm-data" in p]


def test_monitoring_the_execution_of_development_is_one_job(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, kind: badan}
  - {id: adpem, name: Biro Administrasi Pembangunan, kind: lainnya}
  - {id: inspektorat, name: Inspektorat Daerah, kind: lainnya}
  - {id: pupr, name: Dinas Pekerjaan Umum dan Penataan Ruang, kind: dinas}
""", """\
          - {id: simonev, name: SIMONEV - Sistem Informasi Monitoring dan Evaluasi Pembangunan Daerah, owner: bappeda}
          - {id: emonev, name: e-Monev Pelaksanaan Kegiatan Pembangunan Perangkat Daerah, owner: adpem}
          - {id: tlhp, name: e-Monev Tindak Lanjut Hasil Pemeriksaan, owner: inspektorat}
          - {id: air, name: Aplikasi Monitoring Kualitas Air Sungai, owner: desdm}
          - {id: fisik, name: Aplikasi Monitoring Realisasi Fisik dan Keuangan Kegiatan Konstruksi, owner: pupr}
        """)
    pairs = kinds_of(report)
    # before: "monitoring" was only a weak function, and the two development monitors no pair; then the
    # words of that job were read as the words of a view on another's data
    assert pairs.get(frozenset({"simonev", "emonev"})) == "functional"
    assert pairs.get(frozenset({"emonev", "fisik"})) == "functional"
    assert not [p for p in pairs if "tlhp" in p or "air" in p]


def test_a_trainees_attendance_is_not_staff_attendance(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: diklat, name: Absensi Peserta Diklat Berbasis QR Code, owner: bpsdm}
          - {id: absen-dinkes, name: Absensi Fingerprint Pegawai Dinas Kesehatan, owner: dinkes}
          - {id: absen-dishub, name: Aplikasi Absensi Online Pegawai Dinas Perhubungan, owner: dishub}
        """)
    pairs = kinds_of(report)
    assert not [p for p in pairs if "diklat" in p]  # before: a third staff attendance application
    assert frozenset({"absen-dinkes", "absen-dishub"}) in pairs


def test_an_acronym_spelt_as_another_system_is_not_the_national_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, kind: badan}
""", """\
          - {id: statistik, name: SIPD (Sistem Informasi Pembangunan Daerah) - Data Statistik Sektoral, owner: bappeda}
          - {id: sipd, name: SIPD, owner: disdik}
          - {id: sipd-2, name: Aplikasi SIPD Kemendagri, owner: dinkes}
        """)
    pairs = kinds_of(report)
    # before: its own brackets said another SIPD, and it was still one system with Kemendagri's
    assert pairs.get(frozenset({"statistik", "sipd"})) != "same_system"
    assert pairs.get(frozenset({"sipd", "sipd-2"})) == "same_system"


def test_a_national_application_with_its_name_explained_in_brackets_is_that_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: sakti-kes, name: SAKTI (Sistem Aplikasi Keuangan Tingkat Instansi) Dana Dekonsentrasi, owner: dinkes}
          - {id: sakti-dispar, name: Aplikasi SAKTI Kemenkeu (Dana Dekonsentrasi Pariwisata), owner: dispar}
          - {id: sakti-local, name: SAKTI, owner: diskominfo, description: Permintaan layanan TIK perangkat daerah}
          - {id: sikd, name: SIKD (Sistem Informasi Kearsipan Dinamis), owner: dispusip}
          - {id: srikandi, name: SRIKANDI, owner: diskominfo}
        """)
    pairs = kinds_of(report)
    # before: the first two were local finance applications, and not one system
    assert pairs.get(frozenset({"sakti-kes", "sakti-dispar"})) == "same_system"
    # a Pemda's own SAKTI is not the ministry's; ANRI's older SIKD is a copy of SRIKANDI, not SRIKANDI
    assert not [p for p in pairs if "sakti-local" in p]
    assert pairs.get(frozenset({"sikd", "srikandi"})) == "functional"


def test_a_name_says_its_job_before_a_note_in_brackets(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: bpkad, name: Badan Pengelolaan Keuangan dan Aset Daerah, kind: badan}
""", """\
          - {id: simda, name: SIMDA Keuangan BPKP (Arsip Data s.d. 2021), owner: bpkad}
          - {id: arsip, name: Aplikasi Arsip Digital Dinas Kesehatan, owner: dinkes}
          - {id: srikandi, name: SRIKANDI, owner: dispusip}
        """)
    pairs = kinds_of(report)
    assert not [p for p in pairs if "simda" in p]  # before: a copy of SRIKANDI's archive, by its note
    assert frozenset({"arsip", "srikandi"}) in pairs


def test_words_shared_by_two_jobs_do_not_make_one(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: satpol, name: Satuan Polisi Pamong Praja, kind: badan}
  - {id: setwan, name: Sekretariat DPRD, kind: lainnya}
  - {id: biro-umum, name: Biro Umum, kind: lainnya}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, kind: badan}
  - {id: dishut, name: Dinas Kehutanan, kind: dinas}
""", """\
          - {id: gakda, name: Sistem Informasi Penegakan Peraturan Daerah (SIGAKDA), owner: satpol}
          - {id: jdih, name: JDIH Provinsi, owner: biro-hukum}
          - {id: jdih-dprd, name: Jaringan Dokumentasi dan Informasi Hukum DPRD, owner: setwan}
          - {id: ruang, name: Sistem Informasi Peminjaman Ruang Rapat dan Kendaraan Dinas, owner: biro-umum}
          - {id: paripurna, name: Live Streaming Rapat Paripurna DPRD, owner: setwan}
          - {id: zoom, name: Aplikasi Rapat Online (Video Conference), owner: diskominfo}
          - {id: miskin, name: Sistem Informasi Data Kemiskinan Terpadu, owner: bappeda}
          - {id: bankum, name: Sistem Informasi Bantuan Hukum Masyarakat Miskin, owner: biro-hukum}
          - {id: talenta, name: SIMPATIK (Sistem Informasi Pemetaan Talenta dan Kompetensi ASN), owner: bpsdm}
          - {id: gis, name: Sistem Informasi Geografis Kehutanan dan Tutupan Lahan, owner: dishut}
        """)
    pairs = kinds_of(report)
    paired = {one for one in ("gakda", "paripurna", "bankum", "talenta") if [p for p in pairs if one in p]}
    assert paired == set()  # before: each was paired with the other job
    assert frozenset({"jdih", "jdih-dprd"}) in pairs
    assert frozenset({"ruang", "zoom"}) in pairs


def test_a_strong_function_said_after_a_weak_one_is_the_job(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: pantas, name: Portal Pelayanan Pajak dan Retribusi Daerah, owner: bapenda}
          - {id: elok, name: Sistem Penerimaan Retribusi Elektronik, owner: dishub}
        """)
    # before: "pajak", said first, was the job, and a weak one: the two levy systems made no pair
    assert kinds_of(report).get(frozenset({"pantas", "elok"})) == "functional"


def test_a_permit_that_is_not_a_business_is_not_oss(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: dpmptsp, name: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, kind: dinas}
""", """\
          - {id: sicantik, name: SiCantik Cloud Perizinan Non-Berusaha, owner: dpmptsp}
          - {id: trayek, name: Sistem Perizinan Trayek Angkutan, owner: dishub}
          - {id: oss, name: OSS RBA, owner: dpmptsp}
        """)
    pairs = kinds_of(report)
    # before: "Non-Berusaha" was read as "berusaha", and the application a copy of OSS
    assert frozenset({"sicantik", "oss"}) not in pairs
    assert pairs.get(frozenset({"sicantik", "trayek"})) == "functional"


def test_an_organizations_site_is_not_where_its_function_lives(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: dinkop, name: Dinas Koperasi dan Usaha Kecil Menengah, kind: dinas}
""", """\
          - {id: site, name: Website Dinas Koperasi dan UKM, owner: dinkop}
          - {id: data, name: Sistem Informasi Data UMKM, owner: disperindag}
          - {id: ppid, name: Website PPID Dinas Pendidikan, owner: disdik}
          - {id: ppid-2, name: Aplikasi Layanan Informasi Publik PPID, owner: diskominfo}
        """)
    pairs = kinds_of(report)
    assert not [p for p in pairs if "site" in p]  # before: the Dinas's site was a second UMKM application
    assert frozenset({"ppid", "ppid-2"}) in pairs  # a site named by what it does is where that is done


def test_a_duty_to_report_is_not_a_complaint_and_integrity_is_not_development(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: disnaker, name: Dinas Tenaga Kerja dan Transmigrasi, kind: dinas}
  - {id: biro-org, name: Biro Organisasi, kind: lainnya}
  - {id: adpem, name: Biro Administrasi Pembangunan, kind: lainnya}
""", """\
          - {id: wlkp, name: WLKP Wajib Lapor Ketenagakerjaan Perusahaan, owner: disnaker}
          - {id: lapor, name: SP4N LAPOR, owner: biro-org}
          - {id: aduan, name: Layanan Pengaduan Masyarakat Bidang Pendidikan, owner: disdik}
          - {id: zi, name: Monitoring Pembangunan Zona Integritas (e-ZI), owner: biro-org}
          - {id: emonev, name: e-Monev Pelaksanaan Pembangunan dan Pengendalian Kegiatan, owner: adpem}
        """)
    pairs = kinds_of(report)
    assert not [p for p in pairs if "wlkp" in p or "zi" in p]  # before: a complaint app, a development monitor
    assert frozenset({"aduan", "lapor"}) in pairs


def test_a_librarys_catalogue_and_an_e_book_reader_are_two_jobs(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: dinarpus, name: Dinas Perpustakaan dan Kearsipan, kind: dinas}
""", """\
          - {id: inlislite, name: INLISLite Otomasi Perpustakaan dan Katalog Online (OPAC), owner: dinarpus}
          - {id: ebook, name: Perpustakaan Digital iPrisel, owner: dispusip}
          - {id: slims, name: SLiMS Perpustakaan Sekolah, owner: disdik}
        """)
    pairs = kinds_of(report)
    # before: one function, "perpustakaan", held the catalogue and the e-books alike
    assert frozenset({"inlislite", "ebook"}) not in pairs
    assert pairs.get(frozenset({"inlislite", "slims"})) == "functional"


def test_teachers_attendance_is_staff_attendance_and_pupils_is_not(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: guru, name: Presensi Guru dan Tenaga Kependidikan SMA/SMK Negeri, owner: disdik}
          - {id: absen, name: E-Absen Pegawai Dinkes, owner: dinkes}
          - {id: siswa, name: Presensi Siswa SMA Negeri, owner: cabdin-1}
        """)
    pairs = kinds_of(report)
    assert pairs.get(frozenset({"guru", "absen"})) == "functional"  # before: a school's, not staff attendance
    assert not [p for p in pairs if "siswa" in p]


def test_a_local_function_said_before_whom_it_serves_is_the_job(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: tte-sk, name: TTE BSrE Pemprov untuk Penandatanganan SK Kepegawaian, owner: bkd}
          - {id: tte, name: Layanan Tanda Tangan Elektronik (TTE) terintegrasi BSrE, owner: diskominfo}
          - {id: simpeg, name: Sistem Informasi Manajemen Kepegawaian, owner: dinkes}
        """)
    pairs = kinds_of(report)
    assert frozenset({"tte-sk", "simpeg"}) not in pairs  # before: a copy of SIASN, by the files it signs
    assert frozenset({"tte-sk", "tte"}) in pairs


def test_a_personnel_file_is_the_personnel_systems_not_srikandis(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: efile, name: E-Arsip Dokumen Kepegawaian (Arsip Digital PNS), owner: bkd}
          - {id: srikandi, name: Aplikasi SRIKANDI, owner: diskominfo}
          - {id: arsip, name: Aplikasi Arsip Digital Dinas Kesehatan, owner: dinkes}
        """)
    pairs = kinds_of(report)
    assert frozenset({"efile", "srikandi"}) not in pairs  # before: a copy of SRIKANDI's archive
    assert frozenset({"arsip", "srikandi"}) in pairs


def test_the_pemda_portal_named_with_its_address_and_the_archive_networks_node(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: portal, name: Portal Resmi Pemerintah Provinsi Nusa Cendana (nusacendanaprov.go.id), owner: diskominfo}
          - {id: site, name: Website Dinas Komunikasi dan Informatika Provinsi Nusa Cendana, owner: diskominfo}
          - {id: jikn, name: SIKN-JIKN Simpul Jaringan Informasi Kearsipan Nasional, owner: dispusip}
          - {id: srikandi, name: Aplikasi SRIKANDI, owner: bkd}
          - {id: arsip, name: Aplikasi Arsip Digital Dinas Kesehatan, owner: dinkes}
        """)
    pairs = kinds_of(report)
    # before: the Pemda's portal was the Diskominfo's own site, and the JIKN node a copy of SRIKANDI
    assert {frozenset({"portal", "site"}), frozenset({"jikn", "srikandi"})}.isdisjoint(pairs)
    assert pemda_portal("Portal Resmi Pemerintah Provinsi Nusa Cendana (nusacendanaprov.go.id)", None) \
        == ("prov", "nusacendana")
    assert frozenset({"arsip", "srikandi"}) in pairs


def test_a_programmes_or_an_events_site_is_not_where_a_function_lives(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: expo, name: Website Pameran UMKM Expo 2024, owner: disperindag}
          - {id: umkm, name: Sistem Informasi Data UMKM, owner: dispar}
          - {id: ppid, name: Website PPID Dinas Pendidikan, owner: disdik}
          - {id: ppid-2, name: Aplikasi Layanan Informasi Publik PPID, owner: diskominfo}
        """)
    pairs = kinds_of(report)
    assert not [p for p in pairs if "expo" in p]  # before: a second UMKM data application
    assert frozenset({"ppid", "ppid-2"}) in pairs


def test_names_typed_as_a_province_list_types_them(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: dpmd, name: Dinas Pemberdayaan Masyarakat Desa dan Dukcapil, kind: dinas}
  - {id: setwan, name: Sekretariat DPRD, kind: lainnya}
  - {id: biro-umum, name: Biro Umum, kind: lainnya}
  - {id: dinsos, name: Dinas Sosial, kind: dinas}
  - {id: bapenda-2, name: UPT Samsat Kota, kind: uptd}
""", """\
          - {id: site, name: Website DPMD Dukcapil, owner: dpmd}
          - {id: siak, name: SIAK Terpusat (Sistem Informasi Administrasi Kependudukan), owner: dpmd}
          - {id: blud, name: Aplikasi Keuangan BLUD RSUD, owner: rsud}
          - {id: simrs, name: SIMRS Lubuk Alai, owner: rsud-lubuk}
          - {id: hadir, name: absensi kehadiran anggota dewan pada rapat, owner: setwan}
          - {id: ruang, name: Aplikasi Peminjaman Ruang Rapat dan Kendaraan Dinas, owner: biro-umum}
          - {id: lks, name: Aplikasi Pendataan Panti Sosial dan Lembaga Kesejahteraan Sosial (LKS), owner: dinsos}
          - {id: siks, name: SIKS-NG, owner: dinsos}
          - {id: ikm, name: Aplikasi IKM Samsat, owner: bapenda-2}
          - {id: skm, name: Survei Kepuasan Masyarakat (SKM) Online, owner: dishub}
          - {id: tambang, name: Aplikasi pendataan dan pemantauan kegiatan usaha pertambangan batuan, owner: desdm}
          - {id: emonev, name: e-Monev Pelaksanaan Kegiatan Pembangunan, owner: bapenda}
        """)
    pairs = kinds_of(report)
    # before: a site, a BLUD's accounts, a meeting's attendance, a welfare institution and a mining monitor
    # each paired with an application of another job
    wrong = {frozenset(p) for p in (("site", "siak"), ("blud", "simrs"), ("hadir", "ruang"), ("lks", "siks"),
                                    ("tambang", "emonev"))}
    assert wrong.isdisjoint(pairs)
    assert pairs.get(frozenset({"ikm", "skm"})) == "functional"  # before: IKM beside Samsat said nothing


def test_national_applications_as_branch_offices_type_them(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: dapo-1, name: DAPODIK SMA/SMK, owner: cabdin-1}
          - {id: dapo-2, name: Aplikasi dapodikdasmen, owner: cabdin-2}
          - {id: dapo, name: Dapodik, owner: disdik}
          - {id: kin-1, name: e-Kinerja BKN, owner: bkd}
          - {id: kin-2, name: Aplikasi E-Kinerja Pegawai (BKN), owner: dinkes}
        """)
    pairs = kinds_of(report)
    # before: each was read as a local application (or a ministry's other one), and none one system
    for pair in (("dapo-1", "dapo"), ("dapo-2", "dapo"), ("kin-1", "kin-2")):
        assert pairs.get(frozenset(pair)) == "same_system", pair
    assert names_a_site("Webiste Dinas Sosial")  # a typo of the word that says it is a site


def test_an_evaluation_is_a_job_and_not_a_view(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: eval, name: Sistem Evaluasi Akuntabilitas Kinerja Instansi Pemerintah (e-EVAL SAKIP), owner: bkd}
          - {id: sakip, name: Aplikasi E-SAKIP Provinsi, owner: disdik}
        """)
    # before: "evaluasi" made the first a view of another system's data, and the pair was scored down
    assert frozenset({"eval", "sakip"}) in kinds_of(report)


def test_a_trainings_questionnaire_is_not_a_public_satisfaction_survey(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS, """\
          - {id: blk, name: Kuesioner Kepuasan Peserta Pelatihan BLK, owner: bpsdm}
          - {id: skm, name: Survei Kepuasan Masyarakat (SKM) Online DPMPTSP, owner: dishub}
          - {id: skm-rs, name: Aplikasi Survei Kepuasan Masyarakat RSUD, owner: rsud}
        """)
    pairs = kinds_of(report)
    assert not [p for p in pairs if "blk" in p]  # before: a third satisfaction survey of the public
    assert frozenset({"skm", "skm-rs"}) in pairs


def test_a_site_named_by_a_word_that_starts_like_an_opd_is_still_named_by_its_job(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: dinsos, name: Dinas Sosial, kind: dinas}
""", """\
          - {id: site, name: Website Bantuan Sosial Provinsi, owner: dinsos}
          - {id: app, name: Aplikasi Data Bantuan Sosial, owner: bapenda}
          - {id: opd, name: Website Disperindagkop UKM, owner: disperindag}
          - {id: umkm, name: Aplikasi Pendataan UMKM, owner: dispar}
        """)
    pairs = kinds_of(report)
    assert frozenset({"site", "app"}) in pairs  # "Bantuan" starts as "Badan" is written short, and is no OPD
    assert not [p for p in pairs if "opd" in p]


def test_monitoring_alone_makes_no_group_and_the_regents_site_is_not_the_setdas(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = report_of(make_workspace, ORGS + """\
  - {id: dpmd, name: Dinas Pemberdayaan Masyarakat dan Desa, kind: dinas}
  - {id: disbun, name: Dinas Perkebunan, kind: dinas}
  - {id: biro-umum, name: Biro Umum dan Administrasi Pimpinan, kind: lainnya}
""", """\
          - {id: desa, name: Aplikasi Monitoring Penyaluran Dana Desa dan BUMDes, owner: dpmd}
          - {id: kebun, name: Aplikasi pendataan dan pemantauan gangguan usaha perkebunan, owner: disbun}
          - {id: tambang, name: Aplikasi pendataan dan pemantauan kegiatan usaha pertambangan, owner: desdm}
          - {id: gub, name: Situs Resmi Bupati Uji, owner: biro-umum}
          - {id: setda, name: Website Sekretariat Daerah Kabupaten Uji, owner: biro-umum}
        """)
    pairs = kinds_of(report)
    # before: "monitoring" and "usaha" made three unrelated monitors one job to consolidate, and the
    # head of the region's site was the Biro's own site listed twice
    assert not pairs


KECAMATAN_ORGS = """\
organizations:
  - {id: distan, name: Dinas Tanaman Pangan dan Hortikultura, kind: dinas}
  - {id: dispar, name: Dinas Pariwisata, kind: dinas}
  - {id: kec-lalabata, name: Kecamatan Lalabata, kind: kecamatan}
  - {id: kec-ganra, name: Kecamatan Ganra, kind: kecamatan}
  - {id: kec-citta, name: Kecamatan Citta, kind: kecamatan}
"""


def test_one_offices_units_named_after_two_kecamatan_are_two_units(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # Kabupaten Soppeng's domain list: eight agricultural extension centres (BPP), each with its own site,
    # were one system listed eight times (28 pairs), then a functional group, once the kecamatan were taken
    # out of their names
    report = report_of(make_workspace, KECAMATAN_ORGS, """\
          - {id: bpp-lalabata, name: BPP Lalabata, owner: distan, url: "https://bpplalabata.soppeng.go.id"}
          - {id: bpp-ganra, name: BPP Ganra, owner: distan, url: "https://bppganra.soppeng.go.id"}
          - {id: bpp-citta, name: BPP Citta, owner: distan}
        """)
    assert report.pairs == [] and report.groups == []


def test_a_job_said_beside_two_kecamatan_is_still_one_job(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # each kecamatan's own queue application: two systems of one job, as before
    report = report_of(make_workspace, KECAMATAN_ORGS, """\
          - {id: antrian-lalabata, name: Aplikasi Antrian Kecamatan Lalabata, owner: kec-lalabata}
          - {id: antrian-ganra, name: Aplikasi Antrian Kecamatan Ganra, owner: kec-ganra}
        """)
    assert kinds_of(report) == {frozenset({"antrian-lalabata", "antrian-ganra"}): "functional"}


def test_one_system_named_once_with_its_kecamatan_is_still_one_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # one place said, the other name none: the same system written twice
    report = report_of(make_workspace, KECAMATAN_ORGS, """\
          - {id: simtani, name: Simtani, owner: distan}
          - {id: simtani-lalabata, name: Simtani Lalabata, owner: distan}
        """)
    assert kinds_of(report) == {frozenset({"simtani", "simtani-lalabata"}): "same_system"}
