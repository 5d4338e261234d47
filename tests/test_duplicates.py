"""Duplicate applications across OPDs: normalisation, score, exclusions, groups, CLI, AP015."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.duplicates import DEFAULT_THRESHOLD, DuplicateReport, find_duplicates
from spbe_arch.duplicates.blocking import all_pairs, block_limit, candidate_pairs
from spbe_arch.duplicates.features import build_features
from spbe_arch.duplicates.normalize import Normaliser, stem_word, typo_corrections
from spbe_arch.duplicates.render import RENDERERS
from spbe_arch.duplicates.tables import build_tables, fold, shipped_tables
from spbe_arch.errors import UsageError
from spbe_arch.loader import open_workspace
from spbe_arch.validate import validate_workspace
from tests.snapshot import assert_snapshot

MANIFEST = """\
spbe: 1
government: {name: Pemerintah Kabupaten Sukamakmur, code: "99.02", kind: kabupaten}
"""

ORGS = """\
organizations:
  - {id: setda, name: Sekretariat Daerah, short_name: Setda, kind: sekretariat-daerah}
  - {id: bkpsdm, name: Badan Kepegawaian dan Pengembangan Sumber Daya Manusia, short_name: BKPSDM, kind: badan}
  - {id: dinkes, name: Dinas Kesehatan, short_name: Dinkes, kind: dinas}
  - {id: disdik, name: Dinas Pendidikan, short_name: Disdik, kind: dinas}
  - {id: dpupr, name: Dinas Pekerjaan Umum dan Penataan Ruang, kind: dinas}
  - {id: kec-bangunrejo, name: Kecamatan Bangunrejo, kind: kecamatan}
  - {id: anri, name: Arsip Nasional Republik Indonesia, short_name: ANRI, kind: instansi-pusat}
"""


def _ws(make_workspace, apps: str, manifest: str = MANIFEST, extra: dict[str, str] | None = None) -> Path:
    files = {"organisasi.yaml": ORGS, "aplikasi.yaml": apps, **(extra or {})}
    return make_workspace(files, manifest=manifest, orgs=False)


def _pairs(report: DuplicateReport) -> set[frozenset[str]]:
    """The functional pairs: two systems doing one job."""
    return {frozenset((p.a, p.b)) for p in report.pairs if p.kind == "functional"}


def _same(report: DuplicateReport) -> set[frozenset[str]]:
    """The same-system pairs: one system listed twice."""
    return {frozenset((p.a, p.b)) for p in report.pairs if p.kind == "same_system"}


# -- normalisation ----------------------------------------------------------------------------------


def test_fold_removes_accents_and_keeps_other_scripts():
    assert fold("Sistém Infórmasi") == "sistem informasi"
    assert fold("Kehadiran 出勤") == "kehadiran 出勤"


def test_names_written_differently_meet_on_one_concept():
    normaliser = Normaliser(shipped_tables(), frozenset({("dinkes",), ("sukamakmur",)}))
    absensi = normaliser.name("Absensi Online Dinkes")
    presensi = normaliser.name("e-Presensi Pegawai")
    kehadiran = normaliser.name("Sistem Informasi Kehadiran Kab. Sukamakmur")
    assert set(absensi.weights) == {"presensi"}
    assert "presensi" in presensi.weights and presensi.weights["pegawai"] < presensi.weights["presensi"]
    assert set(kehadiran.weights) == {"presensi"}


def test_acronyms_expand_through_the_alias_table():
    normaliser = Normaliser(shipped_tables())
    assert normaliser.name("SIMPEG").weights == {"kepegawaian": 1.0}
    assert normaliser.name("SIMPEG").expanded == ("simpeg",)
    assert set(normaliser.name("TNDE").weights) == {"persuratan"}
    assert set(normaliser.name("e-Office").weights) == {"persuratan"}
    assert set(normaliser.name("SP4N-LAPOR!").weights) == {"pengaduan"}


def test_unknown_acronym_beside_words_weighs_less_than_the_words():
    name = Normaliser(shipped_tables()).name("SIMAK Sistem Informasi Manajemen Akademik")
    assert name.weights["akademik"] == 1.0
    assert name.weights["simak"] < 0.5


def test_syllable_acronyms_are_spelt_out():
    normaliser = Normaliser(shipped_tables())
    assert normaliser.spell_out("sikeu") == ["keuangan"]
    assert normaliser.spell_out("sihadir") == ["hadir"]
    assert "presensi" in normaliser.name("SIHADIR").weights  # hadir is a synonym of presensi


def test_letters_without_a_vowel_are_not_the_start_of_a_word():
    # EPPD (evaluasi penyelenggaraan pemerintahan daerah) is not e + the start of PPDB (school admission)
    normaliser = Normaliser(shipped_tables())
    assert normaliser.spell_out("eppd") is None
    assert "ppdb" not in normaliser.name("EPPD").weights
    assert normaliser.spell_out("sipbb") == normaliser.tables.acronyms["pbb"]  # a whole acronym still reads


def test_typos_are_corrected_into_known_or_frequent_words_only():
    known = shipped_tables().known_words
    corrections = typo_corrections(
        __import__("collections").Counter({"kepegawain": 1, "perumahan": 1, "perubahan": 5}), known)
    assert corrections["kepegawain"] == "kepegawaian"
    assert "perumahan" not in corrections  # both are real words


def test_stemming_makes_descriptions_meet():
    assert stem_word("pencatatan") == stem_word("mencatat") == "catat"
    assert stem_word("koleksi") == "koleksi"


def test_workspace_tables_extend_the_shipped_ones():
    tables = build_tables(extra_aliases={"SIMANJA": "sistem informasi manajemen kinerja"},
                          extra_synonyms={"presensi": ["apel pagi"]}, extra_places=["sukorejo"])
    assert tables.acronyms["simanja"] == ["sistem", "informasi", "manajemen", "kinerja"]
    assert tables.phrases[("apel", "pagi")] == "presensi"
    assert ("sukorejo",) in tables.places
    assert ("absensi",) in tables.phrases  # the shipped synonyms are still there


# -- pairs, evidence and groups ---------------------------------------------------------------------

APPS = """\
applications:
  - id: presensi-bkpsdm
    name: e-Presensi Pegawai
    owner: bkpsdm
    description: Pencatatan kehadiran pegawai dengan swafoto dan lokasi.
    supports: [pb-presensi]
    writes: [data-presensi]
    users: [setda, dinkes]
  - id: absensi-dinkes
    name: Absensi Online Dinkes
    owner: dinkes
    description: Aplikasi absensi kehadiran pegawai Dinas Kesehatan.
    supports: [pb-presensi]
    writes: [data-presensi]
  - id: kehadiran-bangunrejo
    name: Sistem Kehadiran Kecamatan Bangunrejo
    owner: kec-bangunrejo
  - id: simpus-dinkes
    name: SIMPUS
    owner: dinkes
    description: Pelayanan pasien puskesmas, rekam medis dan farmasi.
  - id: e-office-setda
    name: e-Office
    owner: setda
    description: Surat masuk, surat keluar dan disposisi elektronik.
  - id: srikandi
    name: SRIKANDI
    owner: anri
    source: nasional
    kind: umum
processes:
  - {id: pb-presensi, name: Pengelolaan Kehadiran Pegawai, owner: bkpsdm, reference: RAB.09.06.03}
data:
  - {id: data-presensi, name: Data Presensi, owner: bkpsdm}
"""


@pytest.fixture
def presensi(make_workspace) -> Path:
    return _ws(make_workspace, APPS)


def test_duplicates_found_with_evidence_and_group(presensi):
    report = find_duplicates(presensi)
    assert report.threshold == DEFAULT_THRESHOLD
    pairs = _pairs(report)
    assert frozenset({"absensi-dinkes", "presensi-bkpsdm"}) in pairs
    assert frozenset({"kehadiran-bangunrejo", "presensi-bkpsdm"}) in pairs
    assert not any("simpus-dinkes" in p for p in pairs)
    pair = next(p for p in report.pairs if {p.a, p.b} == {"absensi-dinkes", "presensi-bkpsdm"})
    assert pair.a < pair.b and 0 < pair.score <= 1
    assert any("presensi" in e for e in pair.evidence)
    assert any("`pb-presensi`" in e for e in pair.evidence)
    assert any("`data-presensi`" in e for e in pair.evidence)
    group = report.group_of("absensi-dinkes")
    assert group is not None
    assert group.applications == ["absensi-dinkes", "kehadiran-bangunrejo", "presensi-bkpsdm"]
    assert group.id == "dup-absensi-dinkes"
    assert group.function == "Pengelolaan Kehadiran Pegawai"
    assert group.national_application is None
    assert group.kind == "functional"
    assert group.proposal.startswith("Proposal (usulan): consolidate")
    assert group.proposal.index("into e-Presensi Pegawai (BKPSDM)") > 0  # used by the most OPDs
    assert "`" not in group.proposal and "retire" not in group.proposal  # names, never ids; never a verdict


def test_local_copy_of_national_application_is_a_group_of_its_own(presensi):
    report = find_duplicates(presensi)
    group = report.group_of("e-office-setda")
    assert group is not None
    assert group.applications == ["e-office-setda", "srikandi"]  # the local copy, with the national one named
    assert group.national_application == "srikandi" and group.id == "dup-e-office-setda"
    assert "SRIKANDI" in group.proposal and "persuratan" in group.function
    assert "KepmenPANRB 679/2020" in group.proposal  # its legal basis


def test_json_shape_is_the_contract(presensi):
    report = find_duplicates(presensi)
    payload = json.loads(RENDERERS["json"](report, None))
    assert set(payload) == {"threshold", "pairs", "groups"}
    assert set(payload["pairs"][0]) == {"a", "b", "score", "evidence", "kind"}
    assert set(payload["groups"][0]) == {"id", "applications", "function", "proposal", "national_application",
                                         "national", "kind", "users", "system"}
    assert payload == report.model_dump()


def test_output_is_deterministic(presensi):
    first = find_duplicates(presensi).model_dump()
    assert find_duplicates(presensi).model_dump() == first
    scores = [p["score"] for p in first["pairs"]]
    assert scores == sorted(scores, reverse=True)
    assert [g["id"] for g in first["groups"]] == sorted(g["id"] for g in first["groups"])


def test_threshold_argument_and_manifest_setting(make_workspace):
    manifest = MANIFEST + "duplicates: {threshold: 0.99}\n"
    root = _ws(make_workspace, APPS, manifest=manifest)
    assert find_duplicates(root).threshold == 0.99
    assert not any("kehadiran-bangunrejo" in (p.a, p.b) for p in find_duplicates(root).pairs)
    assert find_duplicates(root, threshold=0.3).threshold == 0.3
    with pytest.raises(UsageError):
        find_duplicates(root, threshold=1.5)


def test_indonesian_evidence_for_the_document(presensi):
    report = find_duplicates(presensi, language="id")
    pair = next(p for p in report.pairs if {p.a, p.b} == {"absensi-dinkes", "presensi-bkpsdm"})
    assert any(e.startswith("keduanya mendukung") for e in pair.evidence)
    proposal = report.group_of("e-office-setda").proposal  # type: ignore[union-attr]
    assert proposal.startswith("Usulan: alihkan e-Office (Setda) ke SRIKANDI") and "dasar hukum" in proposal


# -- not duplicates ---------------------------------------------------------------------------------

TWINS = """\
applications:
  - {id: simpeg, name: SIMPEG, owner: bkpsdm, url: "https://simpeg.sukamakmur.go.id", platform: [web]}
  - {id: simpeg-mobile, name: SIMPEG Mobile, owner: bkpsdm, url: "https://simpeg.sukamakmur.go.id/api",
     platform: [mobile]}
  - {id: sipeg-dinkes, name: Sistem Informasi Kepegawaian, owner: dinkes}
  - {id: presensi-a, name: Presensi Pegawai, owner: setda}
  - {id: presensi-b, name: Presensi Pegawai, owner: disdik, distinct_from: [presensi-a]}
  - {id: antrian-a, name: Antrian Online, owner: dinkes}
  - {id: antrian-b, name: Sistem Antrian, owner: disdik}
  - {id: antrian-lama, name: Antrian Loket, owner: disdik, replaces: [antrian-b]}
"""


def test_declared_and_same_system_pairs_are_not_duplicates(make_workspace):
    manifest = MANIFEST + "duplicates: {not_duplicates: [[antrian-a, antrian-b]]}\n"
    report = find_duplicates(_ws(make_workspace, TWINS, manifest=manifest))
    pairs = _pairs(report)
    assert frozenset({"simpeg", "simpeg-mobile"}) not in pairs  # one system: same host, same owner
    assert frozenset({"simpeg", "simpeg-mobile"}) in _same(report)
    assert frozenset({"simpeg", "sipeg-dinkes"}) in pairs
    assert frozenset({"presensi-a", "presensi-b"}) not in pairs  # distinct_from
    assert frozenset({"antrian-a", "antrian-b"}) not in pairs  # manifest not_duplicates
    assert frozenset({"antrian-b", "antrian-lama"}) not in pairs  # replaces


def test_shared_acronym_with_different_descriptions_is_not_a_duplicate(make_workspace):
    apps = """\
    applications:
      - id: sipp-tani
        name: SIPP
        owner: disdik
        description: Penyuluhan pertanian, kunjungan ke kelompok tani dan rencana kerja penyuluh.
      - id: sipp-satpol
        name: SIPP
        owner: setda
        description: Penegakan perda, penertiban reklame dan sidang tipiring pelanggar.
    """
    assert find_duplicates(_ws(make_workspace, apps)).pairs == []


def test_bridge_to_a_system_is_not_that_system(make_workspace):
    apps = """\
    applications:
      - {id: simrs, name: SIMRS RSUD, owner: dinkes}
      - {id: bridging-simrs, name: Bridging SIMRS BPJS, owner: dinkes}
    """
    assert find_duplicates(_ws(make_workspace, apps)).pairs == []


# -- bad input --------------------------------------------------------------------------------------


def test_bad_names_do_not_crash_or_pair(make_workspace):
    apps = """\
    applications:
      - {id: a1, name: "A", owner: setda}
      - {id: a2, name: "B", owner: dinkes}
      - {id: a3, name: "-", owner: disdik, description: ""}
      - {id: a4, name: "X1", owner: setda}
      - {id: a5, name: "系统管理", owner: dinkes}
      - {id: a6, name: "系统管理", owner: disdik}
      - {id: a7, name: "Sistém Ínformasi Kehadíran", owner: setda}
      - {id: a8, name: "Sistem Informasi Kehadiran", owner: dinkes}
      - {id: a9, name: "SIMAK", owner: setda}
      - {id: a10, name: "Aplikasi", owner: dinkes}
      - {id: a11, name: "ꦱꦶꦱ꧀ꦠꦼꦩ꧀", owner: setda}
    """
    report = find_duplicates(_ws(make_workspace, apps))
    pairs = _pairs(report)
    assert frozenset({"a7", "a8"}) in pairs  # accents folded
    assert frozenset({"a5", "a6"}) in _same(report)  # non-Latin names compare too: one name, one system
    assert not any(p & {"a1", "a2", "a3", "a4", "a10"} for p in pairs)  # nothing to compare


def test_one_name_in_fifty_opds_is_one_group_without_blow_up(make_workspace):
    orgs = "organizations:\n" + "".join(f"  - {{id: opd{i}, name: OPD Nomor {i}}}\n" for i in range(50))
    apps = "applications:\n" + "".join(
        f"  - {{id: presensi-{i:02d}, name: Aplikasi Presensi, owner: opd{i}}}\n" for i in range(50))
    root = make_workspace({"organisasi.yaml": orgs, "aplikasi.yaml": apps}, manifest=MANIFEST, orgs=False)
    report = find_duplicates(root)
    assert len(report.groups) == 1 and len(report.groups[0].applications) == 50
    assert len(report.pairs) == 49  # one name in n OPDs: a spanning tree of n - 1 pairs, not n(n-1)/2


def test_large_blocks_are_windowed_not_expanded():
    assert block_limit(100_000) == 100
    assert block_limit(300) >= 1000  # small inventories: as good as exhaustive


def test_workspace_with_only_names_and_owners(make_workspace):
    apps = """\
    applications:
      - {id: e-lapor, name: e-Lapor, owner: setda}
      - {id: aduan-dinkes, name: Pengaduan Masyarakat Dinkes, owner: dinkes}
    """
    report = find_duplicates(_ws(make_workspace, apps))
    assert _pairs(report) == {frozenset({"aduan-dinkes", "e-lapor"})}
    assert report.groups[0].proposal.startswith("Proposal (usulan): move Pengaduan Masyarakat Dinkes (Dinkes)")
    assert "SP4N-LAPOR!" in report.groups[0].proposal and "Perpres 76/2013" in report.groups[0].proposal


def test_workspace_with_validation_findings_still_reports(make_workspace):
    apps = """\
    applications:
      - {id: absen-a, name: Absensi Pegawai, owner: setda, supports: [no-such-process]}
      - {id: absen-b, name: Absensi ASN, owner: nobody-here}
    """
    root = _ws(make_workspace, apps)
    assert validate_workspace(root).report.has_errors
    assert _pairs(find_duplicates(root)) == {frozenset({"absen-a", "absen-b"})}


def test_exhaustive_finds_what_blocking_finds(small, presensi):
    for root in (small, presensi):
        assert find_duplicates(root, exhaustive=True) == find_duplicates(root)


def test_blocking_yields_each_pair_once(presensi):
    workspace, _ = open_workspace(presensi)
    apps = build_features(workspace).apps
    found = list(candidate_pairs(apps))
    assert len(found) == len(set(found)) and all(i < j for i, j in found)
    assert set(found) <= set(all_pairs(len(apps)))


# -- renderers and CLI ------------------------------------------------------------------------------


def test_text_and_markdown_snapshots(small):
    workspace, _ = open_workspace(small)
    report = find_duplicates(workspace)
    assert_snapshot("duplicates/small.txt", RENDERERS["text"](report, workspace))
    assert_snapshot("duplicates/small.md", RENDERERS["md"](report, workspace))
    assert_snapshot("duplicates/small.csv", RENDERERS["csv"](report, workspace))


def test_indonesian_reports_speak_indonesian_and_name_applications(small):
    workspace, _ = open_workspace(small)
    report = find_duplicates(workspace, language="id")
    text = RENDERERS["text"](report, workspace, "id")
    markdown = RENDERERS["md"](report, workspace, "id")
    assert_snapshot("duplicates/small.id.txt", text)
    assert_snapshot("duplicates/small.id.md", markdown)
    for english in ("group(s)", "application(s)", "kind:", "proposal:", "national application", "Kind:",
                    "Duplicate applications", "Proposal"):
        assert english not in text and english not in markdown
    assert markdown.startswith("# Duplikasi aplikasi") and "Usulan:" in markdown
    assert "ambang 0,58" in text and "ambang 0,58" in markdown  # Indonesian writes a decimal comma
    # officials read the Markdown: every application by its name, no id
    grouped = {a for g in report.groups for a in g.applications}
    assert grouped and not any(f"`{a}`" in markdown or f" {a} " in markdown for a in grouped)
    assert all(workspace.display_name(a) in markdown for a in grouped)


def test_model_text_is_escaped(make_workspace):
    apps = """\
    applications:
      - {id: x1, name: "=Presensi Pegawai", owner: setda}
      - {id: x2, name: "Presensi <b>|Pegawai|</b>", owner: dinkes}
    """
    root = _ws(make_workspace, apps)
    workspace, _ = open_workspace(root)
    report = find_duplicates(workspace)
    assert report.pairs
    rows = list(csv.reader(io.StringIO(RENDERERS["csv"](report, workspace))))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    markdown = RENDERERS["md"](report, workspace)
    assert "<b>" not in markdown and "\\<b\\>" in markdown and "\\|Pegawai\\|" in markdown


def test_cli_formats_and_exit_codes(presensi):
    runner = CliRunner()
    text = runner.invoke(app, ["duplicates", str(presensi)])
    assert text.exit_code == 0 and "dup-absensi-dinkes" in text.output
    as_json = runner.invoke(app, ["duplicates", str(presensi), "--format", "json", "--threshold", "0.3"])
    assert as_json.exit_code == 0 and json.loads(as_json.output)["threshold"] == 0.3
    as_csv = runner.invoke(app, ["duplicates", str(presensi), "-f", "csv", "--exhaustive"])
    assert as_csv.exit_code == 0 and as_csv.output.startswith("group,kind,function,score,a,")
    as_md = runner.invoke(app, ["duplicates", str(presensi), "-f", "md"])
    assert as_md.exit_code == 0 and as_md.output.startswith("# Duplicate applications")
    assert runner.invoke(app, ["duplicates", str(presensi), "--threshold", "2"]).exit_code == 2
    assert runner.invoke(app, ["duplicates", str(presensi), "--format", "xml"]).exit_code == 2
    missing = runner.invoke(app, ["duplicates", str(presensi / "nope")])
    assert missing.exit_code == 2 and "spbe: error:" in missing.output


def test_cli_reports_zero_duplicates_with_exit_code_zero(make_workspace):
    root = _ws(make_workspace, "applications:\n  - {id: only, name: SIMPUS, owner: dinkes}\n")
    result = CliRunner().invoke(app, ["duplicates", str(root), "-f", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == {"threshold": DEFAULT_THRESHOLD, "pairs": [],
                                                                  "groups": []}


# -- rule AP015 -------------------------------------------------------------------------------------


def _ap015(root: Path) -> dict[str, str]:
    report = validate_workspace(root).report
    return {f.element: f.message for f in report.findings if f.rule == "AP015" and f.element}


def test_ap015_reports_local_copies_of_national_applications(presensi):
    found = _ap015(presensi)
    assert set(found) == {"e-office-setda"}
    assert "SRIKANDI" in found["e-office-setda"] and "`srikandi`" in found["e-office-setda"]
    finding = next(f for f in validate_workspace(presensi).report.findings if f.rule == "AP015")
    assert finding.severity == "warning" and finding.file == "aplikasi.yaml" and finding.line


def test_ap015_leaves_out_websites_and_bumd(make_workspace):
    root = make_workspace({"organisasi.yaml": """\
        organizations:
          - {id: setda, name: Sekretariat Daerah, kind: sekretariat-daerah}
          - {id: pdam, name: PDAM Tirta Sehat, kind: lainnya}
        """, "aplikasi.yaml": """\
        applications:
          - {id: bpbj-web, name: Website Pengadaan Barang dan Jasa, owner: setda, tags: [website]}
          - {id: pdam-lelang, name: Aplikasi Pengadaan Barang dan Jasa PDAM, owner: pdam}
          - {id: e-lelang, name: Aplikasi Pengadaan Barang dan Jasa, owner: setda}
        """}, orgs=False)
    assert set(_ap015(root)) == {"e-lelang"}


def test_ap015_is_silenced_by_distinct_from_ignore_and_settings(make_workspace):
    apps = """\
    applications:
      - {id: tnde, name: TNDE, owner: setda, distinct_from: [srikandi]}
      - {id: lapor, name: Lapor Bupati, owner: setda, ignore: [AP015]}
      - {id: eproc, name: e-Procurement, owner: dpupr}
      - {id: bridge, name: Bridging SIASN, owner: bkpsdm}
      - {id: srikandi, name: SRIKANDI, owner: anri, source: nasional}
    """
    assert set(_ap015(_ws(make_workspace, apps))) == {"eproc"}
    off = MANIFEST + "rules: {AP015: off}\n"
    assert _ap015(_ws(make_workspace, apps, manifest=off)) == {}


def test_ap015_table_is_extended_by_the_manifest(make_workspace):
    manifest = MANIFEST + """\
duplicates:
  national_functions:
    - {id: perpustakaan, function: otomasi perpustakaan, national: INLISLite, concepts: [[perpustakaan]]}
"""
    apps = "applications:\n  - {id: sipus, name: Sistem Informasi Perpustakaan, owner: disdik}\n"
    assert "INLISLite" in _ap015(_ws(make_workspace, apps, manifest=manifest))["sipus"]


def test_ap015_explained_by_spbe_rules():
    result = CliRunner().invoke(app, ["rules", "AP015"])
    assert result.exit_code == 0 and "SRIKANDI" in result.output and "distinct_from" in result.output


def test_same_host_is_one_system_unless_the_host_is_a_portal(make_workspace):
    apps = """\
    applications:
      - {id: tamu, name: Buku Tamu, owner: setda, url: "https://bukutamu.sukamakmur.go.id/booking"}
      - {id: tamu-survei, name: Buku Tamu Survei, owner: dinkes, url: "https://bukutamu.sukamakmur.go.id/hasil"}
      - {id: presensi-a, name: Presensi Pegawai, owner: setda, url: "https://apps.sukamakmur.go.id/presensi"}
      - {id: presensi-b, name: Absensi Pegawai, owner: dinkes, url: "https://apps.sukamakmur.go.id/absensi"}
      - {id: antrian, name: Antrian Online, owner: disdik, url: "https://apps.sukamakmur.go.id/antrian"}
    """
    pairs = _pairs(find_duplicates(_ws(make_workspace, apps)))
    assert frozenset({"tamu", "tamu-survei"}) not in pairs  # two rows of one system
    assert frozenset({"tamu", "tamu-survei"}) in _same(find_duplicates(_ws(make_workspace, apps)))
    assert frozenset({"presensi-a", "presensi-b"}) in pairs  # a portal host: the paths tell them apart


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=12)), st.one_of(st.none(), st.text(max_size=80)))
def test_any_text_normalises_without_error(name, acronym, description):
    normaliser = Normaliser(shipped_tables(), frozenset({("dinkes",)}))
    result = normaliser.name(name, acronym)
    assert all(0 < weight <= 1 for weight in result.weights.values())
    assert all(weight > 0 for weight in normaliser.description(description).values())


def test_ap015_cites_a_basis_only_where_the_registry_has_one(make_workspace):
    apps = """\
    applications:
      - {id: e-office, name: e-Office, owner: setda}
      - {id: simpeg-lokal, name: Sistem Informasi Kepegawaian, owner: bkpsdm}
      - {id: akta-online, name: Layanan Akta Kelahiran Online, owner: setda, description: Administrasi kependudukan}
    """
    found = _ap015(_ws(make_workspace, apps))
    assert "designated by KepmenPANRB 679/2020" in found["e-office"]
    assert "legal basis to be confirmed" in found["simpeg-lokal"] and "designated" not in found["simpeg-lokal"]
    if "akta-online" in found:  # population administration is SIAK's, never the digital ID card's
        assert "SIAK" in found["akta-online"] and "IKD" not in found["akta-online"]
