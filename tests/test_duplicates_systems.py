"""One system reported by several OPDs, and the groups it sits in: central applications the tables do not
know, a mobile client told apart from a namesake by what each does, and a functional group that names
every row of the systems in it. Shapes taken from the way kabupaten and province inventories list them."""

from __future__ import annotations

import re

from spbe_arch.duplicates.finder import find_duplicates
from tests.duplicate_helpers import kinds_of, report_of

ORGS = """\
organizations:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, kind: dinas}
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
  - {id: pkm-wetan, name: Puskesmas Wetan, kind: uptd}
  - {id: pkm-kulon, name: Puskesmas Kulon, kind: uptd}
  - {id: dpmptsp, name: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, kind: dinas}
  - {id: dpupr, name: Dinas Pekerjaan Umum dan Penataan Ruang, kind: dinas}
  - {id: bapenda, name: Badan Pendapatan Daerah, kind: badan}
  - {id: kec-wetan, name: Kecamatan Wetan, kind: kecamatan}
  - {id: disdukcapil, name: Dinas Kependudukan dan Pencatatan Sipil, kind: dinas}
  - {id: kec-kulon, name: Kecamatan Kulon, kind: kecamatan}
  - {id: dpmd, name: Dinas Pemberdayaan Masyarakat dan Desa, kind: dinas}
  - {id: bkd, name: Badan Kepegawaian Daerah, kind: badan}
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, kind: badan}
"""


def _report(make_workspace, applications: str):  # type: ignore[no-untyped-def]
    return report_of(make_workspace, ORGS, applications)


_pairs = kinds_of


def test_a_central_application_the_tables_do_not_know_is_one_system_in_every_opd(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: simfoni-dinkes, name: SIMFONI-PPA, owner: dinkes, source: nasional}
          - {id: simfoni-wetan, name: Simfoni-PPA, owner: pkm-wetan, source: nasional}
          - {id: simfoni-kulon, name: simfoni-ppa, owner: pkm-kulon, source: nasional}
          - {id: antrian-wetan, name: Aplikasi Antrian, owner: pkm-wetan}
          - {id: antrian-kulon, name: Aplikasi Antrian, owner: pkm-kulon}
        """)
    pairs = _pairs(report)
    # the inventory lists each row as a central application: one national application used by three OPDs
    # (SIMFONI-PPA, the ministry's record of violence against women and children, reads as a kind of
    # system once its acronym is expanded; the tables do not list it as a national application)
    system = next(g for g in report.groups if "simfoni-wetan" in g.applications)
    assert system.kind == "same_system"
    assert set(system.applications) == {"simfoni-dinkes", "simfoni-wetan", "simfoni-kulon"}
    assert any("aplikasi pusat dengan nama yang sama" in e for p in report.pairs for e in p.evidence
               if {p.a, p.b} <= {"simfoni-dinkes", "simfoni-wetan", "simfoni-kulon"})
    english = find_duplicates(make_workspace(name="en", files={"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: simfoni-dinkes, name: SIMFONI-PPA, owner: dinkes, source: nasional}
  - {id: simfoni-wetan, name: Simfoni-PPA, owner: pkm-wetan, source: nasional}
"""}, orgs=False), language="en")
    assert english.pairs[0].evidence[0] == ("both listed as central (national) applications under one name "
                                            "(SIMFONI-PPA; Simfoni-PPA): one national application used by each OPD")
    # a kind of system each puskesmas built for itself is still two systems of one kind
    assert pairs.get(frozenset({"antrian-wetan", "antrian-kulon"})) != "same_system"


def test_a_mobile_client_and_a_namesake_that_does_another_job_are_two_systems(make_workspace) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_report(make_workspace, """\
          - {id: sipadu-mobile, name: SIPADU Mobile, owner: bapenda,
             description: "Aplikasi Android untuk cek tagihan PBB dan pajak daerah, unduh e-SPPT, bayar lewat QRIS"}
          - {id: sipadu-kec, name: SIPADU Kec. Wetan, owner: kec-wetan,
             description: "Pelayanan administrasi terpadu kecamatan: permohonan surat keterangan dan rekomendasi"}
        """))
    assert pairs.get(frozenset({"sipadu-mobile", "sipadu-kec"})) != "same_system"


def test_a_functional_group_names_every_row_of_the_systems_in_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    report = _report(make_workspace, """\
          - {id: lapor-kominfo, name: SP4N-LAPOR!, owner: diskominfo, source: nasional}
          - {id: lapor-dpmptsp, name: "LAPOR! (lapor.go.id)", owner: dpmptsp, source: nasional}
          - {id: aduan-dpmptsp, name: e-Pengaduan DPMPTSP, owner: dpmptsp}
          - {id: lapor-jalan, name: LAPOR JALAN (Pengaduan Jalan Rusak), owner: dpupr}
        """)
    functional = next(g for g in report.groups if g.kind == "functional" and "aduan-dpmptsp" in g.applications)
    # SP4N-LAPOR! is reported twice: the group holds both rows, not only the one its copies paired with
    assert {"lapor-kominfo", "lapor-dpmptsp", "aduan-dpmptsp", "lapor-jalan"} <= set(functional.applications)
    assert "Usulan: alihkan" in functional.proposal


def test_a_village_s_letters_are_not_the_government_s_correspondence(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import national_readings
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: sidesa, name: SIDESA WETAN, owner: kec-wetan, description: administrasi kependudukan dan surat menyurat desa}
  - {id: surat, name: Aplikasi Surat Menyurat, owner: dpupr, description: surat masuk dan surat keluar dinas}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    national = {app.id: function.national if function else None for app, function, _, _ in national_readings(workspace)}
    assert national["sidesa"] is None  # certificates a village issues to its people: not SRIKANDI's job
    assert national["surat"] == "SRIKANDI"


def test_a_national_application_named_with_its_provider_or_spelt_out_is_that_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import national_readings
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: satusehat, name: SATUSEHAT, owner: dinkes}
  - {id: satusehat-kemenkes, name: Satu Sehat Kemenkes, owner: pkm-wetan}
  - {id: siak-dukcapil, name: SIAK Dukcapil, owner: kec-wetan}
  - {id: keuangan-desa, name: Sistem Informasi Keuangan Desa, owner: kec-wetan}
  - {id: layanan-duk, name: Layanan Administrasi Kependudukan Online, owner: diskominfo}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    named = {app.id: (national.national if national else None, is_named)
             for app, _, national, is_named in national_readings(workspace)}
    assert named["satusehat"] == ("SATUSEHAT", True)
    assert named["satusehat-kemenkes"] == ("SATUSEHAT", True)  # the ministry beside the name says who runs it
    assert named["siak-dukcapil"] == ("SIAK", True)
    assert named["keuangan-desa"] == ("Siskeudes", True)  # "Sistem Keuangan Desa" with "Informasi" between
    # a local service named by the function's words is not the national application
    assert named["layanan-duk"] == (None, False)
    report = find_duplicates(root, language="id")
    system = next(g for g in report.groups if "satusehat" in g.applications)
    assert system.kind == "same_system" and "satusehat-kemenkes" in system.applications


def test_an_office_s_usual_short_name_in_a_name_says_whose_it_is(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import national_readings
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: antrian-dukcapil, name: ANTRIAN ONLINE DUKCAPIL, owner: disdukcapil}
  - {id: antrian-mpp, name: Antrian MPP, owner: dpmptsp}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    national = {app.id: function for app, function, _, _ in national_readings(workspace)}
    # "Dukcapil" spells out the Dinas Kependudukan dan Pencatatan Sipil: the queue is the office's, not SIAK
    assert national["antrian-dukcapil"] is None
    pairs = _pairs(find_duplicates(root, language="id"))
    assert pairs.get(frozenset({"antrian-dukcapil", "antrian-mpp"})) == "functional"


def test_a_description_of_several_national_functions_names_none_of_them(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import national_readings
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: sigap, name: SIGAP, owner: diskominfo, description: rekap pengaduan dan kepegawaian}
  - {id: wadul, name: WADUL BUPATI, owner: diskominfo,
     description: "Kanal aduan masyarakat langsung kepada Bupati melalui WhatsApp dan web, diteruskan ke OPD terkait"}
  - {id: dash, name: Dashboard Eksekutif Bupati, owner: dpupr,
     description: "dashboard pimpinan menampilkan rekap pengaduan, pendapatan, kepegawaian dan data dari aplikasi OPD"}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    national = {app.id: function.national if function else None for app, function, _, _ in national_readings(workspace)}
    assert national["sigap"] is None  # a recap of complaints and of staff: not a copy of LAPOR! or of SIASN
    assert national["wadul"] == "SP4N-LAPOR!"
    # the head of the Pemda in two names says whose they are, not that they do one job
    from spbe_arch.duplicates.features import build_features

    names = {f.id: set(f.name) for f in build_features(workspace).apps}
    assert "bupati" not in names["wadul"] | names["dash"] and "dashboard" in names["dash"]


def test_a_whistleblowing_system_is_not_a_public_service_complaint_channel(make_workspace) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_report(make_workspace, """\
          - {id: wbs, name: Whistleblowing System (WBS), owner: diskominfo}
          - {id: aduan, name: e-Pengaduan DPMPTSP, owner: dpmptsp}
          - {id: lapor-jalan, name: LAPOR JALAN (Pengaduan Jalan Rusak), owner: dpupr}
        """))
    # a report of an official's misconduct goes to the inspectorate, not to SP4N-LAPOR!'s complaint handling
    assert not any("wbs" in pair for pair in pairs)
    assert pairs.get(frozenset({"aduan", "lapor-jalan"})) == "functional"


def test_each_kecamatan_s_village_information_system_does_one_job(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import build_features
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: sid-wetan, name: SID (Sistem Informasi Desa), owner: kec-wetan}
  - {id: opensid-kulon, name: OpenSID, owner: kec-kulon}
  - {id: web-sumberagung, name: Website Desa Sumberagung, owner: kec-wetan,
     description: Website resmi desa sebagai media informasi dan transparansi pemerintahan desa}
  - {id: web-kedungrejo, name: Website Desa Kedungrejo, owner: kec-wetan,
     description: Website resmi desa sebagai media informasi dan transparansi pemerintahan desa}
  - {id: sipandu, name: SIPANDU Desa, owner: kec-kulon, description: pemantauan dana desa oleh kecamatan}
"""}, orgs=False)
    pairs = _pairs(find_duplicates(root, language="id"))
    assert pairs.get(frozenset({"sid-wetan", "opensid-kulon"})) == "functional"
    # a village's website is the village's own, not a village information system
    assert not any(pair & {"web-sumberagung", "web-kedungrejo"} for pair in pairs)
    # a name before the word "Desa" is a system's name, not a village's
    workspace, _ = open_workspace(root)
    features = {f.id: f for f in build_features(workspace).apps}
    assert features["sid-wetan"].role is not None and features["sid-wetan"].role.id == "administrasi-desa"
    assert not features["sipandu"].institution_named and features["web-sumberagung"].institution_named


def test_an_acronym_and_a_long_name_that_do_two_jobs_are_two_systems(make_workspace) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_report(make_workspace, """\
          - {id: sipede, name: SIPEDE, owner: dpmd,
             description: "pemutakhiran data Indeks Desa Membangun dari Kemendesa"}
          - {id: sipemdes, name: Sistem Informasi Pemerintahan Desa, owner: dpmd,
             description: "data perangkat desa, BPD dan penghasilan tetap kepala desa"}
        """))
    # SIPEDE spells Sistem Informasi PEmerintahan DEsa too, but what each row does has nothing in common
    assert pairs.get(frozenset({"sipede", "sipemdes"})) != "same_system"


def test_a_word_of_the_language_beside_the_place_is_not_a_brand(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"spbe.yaml": "spbe: 1\ngovernment: {name: Pemerintah Provinsi Nusteng, kind: provinsi}\n",
                           "organisasi.yaml": """\
        organizations:
          - {id: dinkes, name: Dinas Kesehatan, kind: dinas}
          - {id: rsj, name: Rumah Sakit Jiwa Daerah, kind: rsud}
        """, "aplikasi.yaml": """\
        applications:
          - {id: sehat, name: Nusteng Sehat, owner: dinkes}
          - {id: jiwa, name: Sehat Jiwa Nusteng (Telekonseling), owner: rsj}
        """}, orgs=False, manifest=None)
    pairs = {frozenset((p.a, p.b)): p.kind for p in find_duplicates(root).pairs}
    assert pairs.get(frozenset({"sehat", "jiwa"})) != "same_system"


def test_a_queue_of_a_hospital_and_of_a_puskesmas_do_one_job(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import build_features
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: antrean-rsud, name: Antrean Online RSUD, owner: dinkes}
  - {id: antrian-pkm, name: Antrian Online Puskesmas Wetan, owner: pkm-wetan}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    roles = {f.id: f.role.id if f.role else None for f in build_features(workspace).apps}
    # the institution in the name says whose queue it is; the queue is what it does: patients' queues both
    assert roles == {"antrean-rsud": "antrean-pasien", "antrian-pkm": "antrean-pasien"}


def test_national_look_alikes_of_one_field_are_not_one_another_s_copies(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import national_readings
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: ikd, name: IKD (Identitas Kependudukan Digital), owner: disdukcapil}
  - {id: siak, name: SIAK Terpusat, owner: disdukcapil}
  - {id: katalog, name: e-Katalog LKPP, owner: dpmptsp}
  - {id: spse, name: SPSE (LPSE Kota), owner: dpupr}
  - {id: jdih, name: JDIH Kota, owner: diskominfo}
  - {id: harmonisasi, name: e-Harmonisasi Produk Hukum, owner: diskominfo}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    read = {app.id: (function.national if function else None, national.national if national else None)
            for app, function, national, _ in national_readings(workspace)}
    assert read["ikd"] == ("IKD", "IKD")  # the digital ID card, not a copy of SIAK
    assert read["katalog"] == ("e-Katalog LKPP", "e-Katalog LKPP")  # LKPP's catalogue, not a copy of SPSE
    pairs = _pairs(find_duplicates(root, language="id"))
    # drafting a regulation is not documenting it
    assert frozenset({"jdih", "harmonisasi"}) not in pairs
    assert not any(pair & {"ikd", "katalog"} and pair & {"siak", "spse"} for pair in pairs)


def test_a_name_that_says_which_ministry_runs_it_is_a_central_application(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import build_features
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: cek-bansos, name: Cek Bansos Kemensos, owner: dpmd}
  - {id: sikesos, name: SIKESOS Wetan, owner: dpmd}
  - {id: sikd, name: SIKD Kemenkeu, owner: bapenda}
  - {id: eoffice, name: E-Office Pemkab, owner: diskominfo}
  - {id: asik-dinkes, name: Aplikasi ASIK Kemenkes, owner: dinkes}
  - {id: asik-pkm, name: ASIK Kemenkes, owner: pkm-wetan}
  - {id: simpeg, name: "Aplikasi kepegawaian daerah yang sinkron dengan SIASN BKN dua arah", owner: dpmd}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    national = {f.id: f.is_national for f in build_features(workspace).apps}
    assert national["cek-bansos"] and national["sikd"] and national["asik-dinkes"]
    assert not national["sikesos"] and not national["simpeg"]  # a sentence that mentions BKN is the Pemda's
    report = find_duplicates(root, language="id")
    pairs = _pairs(report)
    assert frozenset({"cek-bansos", "sikesos"}) not in pairs  # the ministry's checker is no local copy
    assert frozenset({"sikd", "eoffice"}) not in pairs  # Kemenkeu's SIKD is not the archives' SIKD
    assert pairs.get(frozenset({"asik-dinkes", "asik-pkm"})) == "same_system"


def test_the_national_application_is_named_by_the_row_written_as_it(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.duplicates.features import build_features
    from spbe_arch.loader import open_workspace

    root = make_workspace({"organisasi.yaml": ORGS, "aplikasi.yaml": """\
applications:
  - {id: a-lapor-kemenpan, name: Lapor! KemenPAN-RB, owner: dpmd}
  - {id: sp4n, name: SP4N-LAPOR!, owner: diskominfo}
  - {id: aduan, name: Aplikasi Pengaduan Masyarakat, owner: dpupr}
"""}, orgs=False)
    workspace, _ = open_workspace(root)
    assert build_features(workspace).national_apps["pengaduan"] == "sp4n"
    group = next(g for g in find_duplicates(root, language="id").groups if "aduan" in g.applications)
    assert "ke SP4N-LAPOR!, aplikasi nasional" in group.proposal


def test_every_message_is_written_in_both_languages() -> None:
    from spbe_arch.duplicates.messages import _TEXT

    assert _TEXT["en"].keys() == _TEXT["id"].keys()
    # and says the same things: the same places to fill in
    for key, text in _TEXT["en"].items():
        assert sorted(re.findall(r"{(\w+)", text)) == sorted(re.findall(r"{(\w+)", _TEXT["id"][key])), key


def test_a_dashboard_of_a_function_is_a_view_of_its_data_not_a_second_system(make_workspace) -> None:  # type: ignore[no-untyped-def]
    # names only, as a province lists them: every writer of an inventory labelled these pairs as not duplicates
    report = _report(make_workspace, """\
          - {id: simpeg, name: SIMPEG, owner: bkd}
          - {id: dash-peg, name: Dasboard Kepegawaian, owner: bappeda}
          - {id: ppgbm, name: e-PPGBM, owner: dinkes}
          - {id: dash-stunting, name: Dashboard Stunting, owner: bappeda}
          - {id: dash-stunting-dpmd, name: Dashboard Percepatan Penurunan Stunting, owner: dpmd}
        """)
    pairs = _pairs(report)
    assert frozenset({"simpeg", "dash-peg"}) not in pairs  # a dashboard of personnel data, not a second SIMPEG
    assert frozenset({"ppgbm", "dash-stunting"}) not in pairs
    assert frozenset({"ppgbm", "dash-stunting-dpmd"}) not in pairs
    # two dashboards of one function in two OPDs are two views to make one
    assert pairs.get(frozenset({"dash-stunting", "dash-stunting-dpmd"})) == "functional"
