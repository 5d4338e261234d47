"""Indeks SPBE: index from recorded levels, evidence from the model, what-if, bad input, outputs, rules."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.indeks import IndeksInputError, indeks_report, load_set, predicate, weighted_index
from spbe_arch.loader import load_workspace, open_workspace
from spbe_arch.validate import validate_workspace
from tests.conftest import EXAMPLE, WorkspaceFactory

runner = CliRunner()

MODEL = {
    "infrastruktur.yaml": """\
        infrastructure:
          - {id: splp, name: SPLP Uji, owner: diskominfo, kind: splp}
          - {id: pdd, name: Pusat Data Daerah Uji, owner: diskominfo, kind: pusat-data}
        """,
    "aplikasi.yaml": """\
        applications:
          - id: app-a
            name: Aplikasi Alpha
            owner: diskominfo
            hosted_on: [pdd]
            security_category: rendah
            integrations:
              - {target: app-b}
              - {target: app-c}
          - id: app-b
            name: Aplikasi Beta
            owner: bkpsdm
            hosted_on: [pdd]
            integrations:
              - {target: app-a, via: splp}
          - {id: app-c, name: Aplikasi Gamma, owner: bkpsdm}
        roadmap:
          - {id: pr-splp, name: Pengalihan Integrasi ke SPLP, owner: diskominfo, substance: aplikasi,
             year: 2026, affects: [splp]}
          - {id: pr-lain, name: Renovasi Ruang Rapat, owner: diskominfo, substance: manajemen, year: 2027}
        """,
}


def levels_file(overrides: dict[int, int] | None = None, extra: str = "", count: int = 47) -> str:
    levels = {n: 2 for n in range(1, count + 1)} | (overrides or {})
    rows = "\n".join(f"    - {{number: {n}, self_assessed: {lv}}}" for n, lv in levels.items())
    return f"indeks_spbe:\n  assessment_year: 2025\n{extra}  indicators:\n{rows}\n"


@pytest.fixture
def workspace(make_workspace: WorkspaceFactory) -> Path:
    return make_workspace({**MODEL, "indeks-spbe.yaml": levels_file({18: 4})})


# --- computation ------------------------------------------------------------------------------


def test_weighted_index_uses_the_official_weights_and_predicate(workspace: Path) -> None:
    model, _ = open_workspace(workspace)
    report = indeks_report(model)
    # all indicators at 2, indicator 18 (weight 2.5) at 4: 2 + 2 * 2.5 / 100
    assert report.self_index.value == 2.05
    assert report.self_index.predicate == "Cukup"
    assert report.official_index.value is None and report.official_index.recorded == 0


@pytest.mark.parametrize(("score", "expected"), [
    (4.2, "Memuaskan"), (4.19, "Sangat Baik"), (3.5, "Sangat Baik"), (3.49, "Baik"), (2.6, "Baik"),
    (2.59, "Cukup"), (1.8, "Cukup"), (1.79, "Kurang"), (0.0, "Kurang"),
])
def test_predicate_thresholds(score: float, expected: str) -> None:
    assert predicate(score) == expected


def test_index_needs_every_indicator() -> None:
    weights = {i.number: i.weight for i in load_set().indicators}
    partial = weighted_index({1: 3, 2: 3}, weights)
    assert partial.value is None and partial.recorded == 2 and partial.total == 47
    full = weighted_index(dict.fromkeys(weights, 5), weights)
    assert full.value == 5.0 and full.predicate == "Memuaskan"


def test_shipped_sets_sum_to_100() -> None:
    for name in ("spbe-2020", "pemdi-2026"):
        indicator_set = load_set(name)
        assert round(sum(i.weight for i in indicator_set.indicators), 6) == 100
    assert len(load_set("spbe-2020").indicators) == 47
    assert load_set("pemdi-2026").official is False


# --- evidence ---------------------------------------------------------------------------------


def test_integration_evidence_counts_splp_share(workspace: Path) -> None:
    model, _ = open_workspace(workspace)
    row = next(r for r in indeks_report(model).rows if r.number == 18)
    evidence = row.evidence[0]
    assert evidence.kind == "integrasi-splp"
    assert evidence.share == pytest.approx(1 / 3)
    assert evidence.supported_level == 2
    assert "1 dari 3 integrasi" in evidence.figures[0]
    assert "Aplikasi Alpha → Aplikasi Beta" in evidence.missing
    assert evidence.section.startswith("Bab Arsitektur Aplikasi")


def test_hosting_and_security_evidence(workspace: Path) -> None:
    model, _ = open_workspace(workspace)
    rows = {r.number: r for r in indeks_report(model).rows}
    hosting = rows[16].evidence[0]
    # pdd hosts apps of two OPDs (consolidated): Alpha and Beta of 3 local apps
    assert hosting.share == pytest.approx(2 / 3) and hosting.supported_level == 3
    security = rows[22].evidence[0]
    assert security.share == pytest.approx(1 / 3) and security.supported_level == 1
    assert "Aplikasi Beta" in security.missing


def test_without_section_evidence_is_still_computed(make_workspace: WorkspaceFactory) -> None:
    root = make_workspace(MODEL)
    result = runner.invoke(app, ["indeks", str(root)])
    assert result.exit_code == 0, result.output
    assert "Tingkat per indikator belum dicatat" in result.stdout
    assert "1 dari 3 integrasi antar-perangkat daerah" in result.stdout


# --- the bundled example ----------------------------------------------------------------------


def test_example_reproduces_the_official_2023_index() -> None:
    model, _ = open_workspace(EXAMPLE)
    report = indeks_report(model)
    assert report.illustrative
    assert report.official_index.value == 2.47 and report.official_index.predicate == "Cukup"
    assert report.matching_history is not None and report.matching_history.score == 2.47
    related = [r for r in report.rows if r.evidence]
    expected = {i.number for i in load_set().indicators if i.evidence}
    assert {r.number for r in related} == expected
    assert all(e.figures and e.section for r in related for e in r.evidence)


def test_example_cli_text_and_whatif() -> None:
    result = runner.invoke(app, ["indeks", str(EXAMPLE), "--year", "2029"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2,47 (Cukup); sesuai dengan hasil resmi 2023" in out
    assert "ILUSTRASI" in out
    assert "Indikator yang naik:" in out
    model, _ = open_workspace(EXAMPLE)
    report = indeks_report(model, year=2029)
    assert report.whatif is not None and report.whatif.index.value is not None
    assert report.self_index.value is not None and report.whatif.index.value > report.self_index.value
    raised = {r.number for r in report.whatif.raised}
    assert {37, 42} <= raised  # SRIKANDI migration and SP4N-LAPOR! complaints
    row37 = next(r for r in report.rows if r.number == 37)
    assert row37.projected == (row37.level or 0) + 1


def test_whatif_after_one_activity(workspace: Path) -> None:
    model, _ = open_workspace(workspace)
    report = indeks_report(model, ["pr-splp"])
    assert report.whatif is not None
    assert [r.number for r in report.whatif.raised] == [7, 18]
    row = next(r for r in report.rows if r.number == 18)
    assert row.projected == 5 and row.projected_by == ["Pengalihan Integrasi ke SPLP"]
    unrelated = indeks_report(model, ["pr-lain"])
    assert unrelated.whatif is not None and unrelated.whatif.raised == []


def test_unknown_roadmap_id_is_a_usage_error(workspace: Path) -> None:
    result = runner.invoke(app, ["indeks", str(workspace), "--after", "pr-spl"])
    assert result.exit_code == 2
    assert "pr-spl" in result.stderr and "pr-splp" in result.stderr


# --- bad input --------------------------------------------------------------------------------


def _error(root: Path) -> str:
    result = runner.invoke(app, ["indeks", str(root)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.stderr


def test_unknown_indicator_number_at_its_line(make_workspace: WorkspaceFactory) -> None:
    text = "indeks_spbe:\n  indicators:\n    - {number: 3, self_assessed: 2}\n    - {number: 48, self_assessed: 2}\n"
    err = _error(make_workspace({**MODEL, "indeks-spbe.yaml": text}))
    assert "indeks-spbe.yaml:4:16: unknown indicator number 48" in err


def test_level_outside_range(make_workspace: WorkspaceFactory) -> None:
    text = "indeks_spbe:\n  indicators:\n    - number: 3\n      official: 7\n"
    err = _error(make_workspace({"indeks-spbe.yaml": text}))
    assert "indeks-spbe.yaml:4:17: indicator 3: official level 7 is outside 1-5" in err


def test_custom_weights_must_sum_to_100(make_workspace: WorkspaceFactory) -> None:
    text = levels_file(extra="  weights: {1: 5.0}\n")
    err = _error(make_workspace({"indeks-spbe.yaml": text}))
    assert "indeks-spbe.yaml:3:3: weights: the indicator weights sum to 103.7, not 100" in err
    balanced = levels_file({1: 3}, extra="  weights: {1: 3.8, 11: 0.0}\n")
    model, _ = open_workspace(make_workspace({"indeks-spbe.yaml": balanced}, name="ok"))
    # indicator 1 (weight 3.8) at 3, indicator 11 no longer weighed: 2 + 3.8 / 100
    assert indeks_report(model).self_index.value == 2.04


def test_future_year(make_workspace: WorkspaceFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    text = "indeks_spbe:\n  official_year: 2026\n  indicators: []\n"
    err = _error(make_workspace({"indeks-spbe.yaml": text}))
    assert "indeks-spbe.yaml:2:18: official_year 2026 is in the future (SOURCE_DATE_EPOCH is in 2025)" in err
    dated = "spbe: 1\ngovernment: {name: Uji}\ndocument: {date: 2024-06-30}\n"
    text = "indeks_spbe:\n  assessment_year: 2025\n"
    err = _error(make_workspace({"indeks-spbe.yaml": text}, manifest=dated, name="dated"))
    assert "indeks-spbe.yaml:2:20: assessment_year 2025 is in the future (the document date in spbe.yaml is " \
           "2024-06-30)" in err


def test_future_year_in_manifest(make_workspace: WorkspaceFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    manifest = "spbe: 1\ngovernment: {name: Uji}\nspbe_index:\n  - {year: 2030, score: 2.0}\n"
    err = _error(make_workspace({}, manifest=manifest))
    assert "spbe.yaml:3:1: spbe_index[0]: year 2030 is in the future" in err


def test_unknown_key_in_section(make_workspace: WorkspaceFactory) -> None:
    text = "indeks_spbe:\n  indicators:\n    - {number: 3, self_asessed: 2}\n"
    err = _error(make_workspace({"indeks-spbe.yaml": text}))
    assert "indeks-spbe.yaml:3:19: unknown key 'self_asessed'" in err and "self_assessed" in err


def test_section_given_twice_is_a_load_finding(make_workspace: WorkspaceFactory) -> None:
    root = make_workspace({"a.yaml": "indeks_spbe: {}\n", "b.yaml": "indeks_spbe: {}\n"})
    result = load_workspace(root)
    assert [f.format_line() for f in result.findings if f.rule == "SC004"] == [
        "b.yaml:1:1: error SC004 'indeks_spbe' is already given in a.yaml; keep one"]
    assert result.workspace is not None and result.workspace.sections == {"indeks_spbe": "a.yaml"}


def test_pemdi_set_from_manifest(make_workspace: WorkspaceFactory) -> None:
    manifest = "spbe: 1\ngovernment: {name: Uji}\nindeks: {set: pemdi-2026}\n"
    root = make_workspace({**MODEL, "indeks-spbe.yaml": levels_file(count=20)}, manifest=manifest)
    result = runner.invoke(app, ["indeks", str(root)])
    assert result.exit_code == 0, result.output
    assert "Indeks Pemerintah Digital" in result.stdout and "belum dikonfirmasi" in result.stdout
    assert "2,00 (Cukup)" in result.stdout
    bad = make_workspace({"indeks-spbe.yaml": levels_file(count=21)}, manifest=manifest, name="bad")
    with pytest.raises(IndeksInputError, match="unknown indicator number 21"):
        indeks_report(open_workspace(bad)[0])


# --- outputs ----------------------------------------------------------------------------------


def test_json_output(workspace: Path) -> None:
    result = runner.invoke(app, ["indeks", str(workspace), "-f", "json"])
    payload = json.loads(result.stdout)
    assert payload["self_index"]["value"] == 2.05
    row = next(r for r in payload["rows"] if r["number"] == 18)
    assert row["level"] == 4 and row["supported_level"] == 2 and row["architecture_related"] is True


def test_csv_worksheet_escapes_formulas(make_workspace: WorkspaceFactory) -> None:
    text = 'indeks_spbe:\n  indicators:\n    - {number: 11, self_assessed: 2, evidence: ["=HYPERLINK(\\"x\\")"]}\n'
    root = make_workspace({**MODEL, "indeks-spbe.yaml": text})
    result = runner.invoke(app, ["indeks", str(root), "-f", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:5] == ["No", "Domain", "Aspek", "Indikator", "Bobot (%)"]
    assert len(rows) == 48
    row11 = rows[11]
    assert row11[0] == "11" and row11[5] == "2" and row11[9] == "'=HYPERLINK(\"x\")"
    assert rows[1][11] == "tidak dapat dibuktikan dari arsitektur SPBE"


def test_xlsx_worksheet_is_text_and_reproducible(workspace: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (first, second):
        result = runner.invoke(app, ["indeks", str(workspace), "-f", "xlsx", "-o", str(target)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    sheet = load_workbook(first).active
    assert sheet["A1"].value == "No" and sheet["D19"].value.startswith("Tingkat Kematangan Penggunaan Sistem")
    assert sheet["L19"].value == "2"
    assert runner.invoke(app, ["indeks", str(workspace), "-f", "xlsx"]).exit_code == 2


# --- rules ------------------------------------------------------------------------------------


def test_ix001_level_far_above_evidence(workspace: Path) -> None:
    findings = [f for f in validate_workspace(workspace).report.findings if f.rule == "IX001"]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.element == "app-a" and finding.file == "aplikasi.yaml"
    assert "indicator 18" in finding.message and "indeks-spbe.yaml:" in finding.message
    assert "level 4" in finding.message and "supports level 2" in finding.message


def test_ix001_silent_when_level_matches(make_workspace: WorkspaceFactory) -> None:
    root = make_workspace({**MODEL, "indeks-spbe.yaml": levels_file({18: 3})})
    assert not [f for f in validate_workspace(root).report.findings if f.rule.startswith("IX")]


def test_ix002_national_level_without_national_application(make_workspace: WorkspaceFactory) -> None:
    apps = """\
        applications:
          - {id: e-office, name: e-Office Persuratan Dinas, owner: diskominfo}
        """
    root = make_workspace({"aplikasi.yaml": apps, "indeks-spbe.yaml": levels_file({37: 3})})
    findings = [f for f in validate_workspace(root).report.findings if f.rule == "IX002"]
    assert [f.element for f in findings] == ["e-office"]
    assert "indicator 37" in findings[0].message


# --- the document section ---------------------------------------------------------------------


def test_kondisi_spbe_section_of_the_example() -> None:
    from spbe_arch.indeks.kondisi import kondisi_spbe, trend_dot

    model, _ = open_workspace(EXAMPLE)
    kondisi = kondisi_spbe(model)
    assert kondisi.last_official is not None and kondisi.last_official.score == 2.47
    assert kondisi.self_score == 2.58 and kondisi.gap == 0.42 and kondisi.illustrative
    assert kondisi.evidence is not None
    assert [r.cells[0].text for r in kondisi.evidence.rows][:3] == ["11", "12", "15"]
    dot = trend_dot(kondisi)
    assert dot is not None
    assert dot.index("2023") < dot.index("2025 (mandiri)") < dot.index("Target")
    assert "2,47 (Cukup)" in dot and "2,58 (Cukup)" in dot


def test_kondisi_spbe_reports_unusable_levels(make_workspace: WorkspaceFactory) -> None:
    from spbe_arch.indeks.kondisi import kondisi_spbe, trend_dot

    root = make_workspace({"indeks-spbe.yaml": "indeks_spbe:\n  indicators:\n    - {number: 99}\n"})
    kondisi = kondisi_spbe(open_workspace(root)[0])
    assert kondisi.problem is not None and kondisi.evidence is None
    assert trend_dot(kondisi) is None  # no official result, no self-assessment, no target


def test_document_places_the_section(make_workspace: WorkspaceFactory) -> None:
    from spbe_arch.document import prepare, render_document

    root = make_workspace({**MODEL, "indeks-spbe.yaml": levels_file({18: 4}, extra="  target: 2.5\n")})
    data = prepare(validate_workspace(root))
    data.figures.renderer = lambda dot, fmt, dpi: b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    text = render_document(data, "md", figure_dir="gambar").content.decode("utf-8")
    assert "Penilaian mandiri tahun 2025 terhadap indikator Indeks SPBE (PermenPANRB 59/2020) menghasilkan " \
           "indeks 2,05 dengan predikat Cukup. Target indeks yang ditetapkan adalah 2,50, sehingga masih " \
           "terdapat selisih 0,45." in text
    assert "| 18 | Tingkat Kematangan Penggunaan Sistem Penghubung" in text
    assert "(gambar/tren-indeks-spbe.svg)" in text


def test_validate_reports_a_bad_section_at_its_line(make_workspace: WorkspaceFactory) -> None:
    text = "indeks_spbe:\n  indicators:\n    - {number: 3, self_assessed: 6}\n"
    root = make_workspace({"indeks-spbe.yaml": text})
    findings = [f.format_line() for f in validate_workspace(root).report.findings if f.rule == "IX000"]
    assert findings == ["indeks-spbe.yaml:3:34: error IX000 indicator 3: self_assessed level 6 is outside 1-5"]
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 1 and "IX000" in result.stdout


# --- an inventory imported as it is: names and owners, no hosting, no users --------------------

INVENTORY_ORGS = """\
organizations:
  - {id: bappeda, name: Badan Perencanaan Pembangunan Daerah, kind: badan}
  - {id: bkd, name: Badan Kepegawaian Daerah, kind: badan}
  - {id: desa-a, name: Desa Sukamaju, kind: kelurahan}
  - {id: desa-b, name: Desa Sukamulya, kind: kelurahan}
  - {id: uptd-a, name: UPTD Puskesmas Kota, kind: uptd}
  - {id: bag-hukum, name: Bagian Hukum, kind: lainnya}
  - {id: disnaker, name: Dinas Tenaga Kerja, kind: dinas}
"""


def test_an_inventory_is_judged_by_what_it_records_not_by_what_it_lacks(make_workspace: WorkspaceFactory) -> None:
    root = make_workspace({"organisasi.yaml": INVENTORY_ORGS, "aplikasi.yaml": """\
        applications:
          - {id: sipd-row, name: magetankab.sipd.kemendagri.go.id, owner: bappeda}
          - {id: simpeg, name: SIMPEG, owner: bkd}
          - {id: siasn, name: SIASN, owner: bkd, users: [bappeda, desa-a, desa-b, uptd-a]}
          - {id: web-desa, name: sukamaju.desa.id, owner: desa-a, tags: [website]}
          - {id: jdih-row, name: jdih.tirtamayakab.go.id, owner: bag-hukum}
          - {id: walk, name: lapor.disnaker.tirtamayakab.go.id, owner: disnaker}
          - {id: ekin, name: e-kinerja.tirtamayakab.go.id, owner: bkd}
          - {id: ekin-mobile, name: e-kinerja Mobile, owner: bkd}
          - {id: sikerja, name: Sistem Penilaian Kinerja Pegawai, owner: bappeda}
          - {id: erdkk, name: Elektronik Rencana Definitif Kebutuhan Kelompok, acronym: e-RDKK, owner: bappeda,
             source: nasional}
        """}, orgs=False)
    model, _ = open_workspace(root)
    rows = {r.number: r for r in indeks_report(model).rows}
    planning = rows[32].evidence[0]  # the Pemda's SIPD, listed by its address, is SIPD
    assert "tidak mencatat aplikasi SIPD" not in " ".join(planning.figures)
    assert planning.figures[0] == ("magetankab.sipd.kemendagri.go.id tercatat dalam arsitektur SPBE; perangkat daerah "
                                   "penggunanya selain pemiliknya belum dicatat.")
    assert planning.missing.startswith("catat perangkat daerah pengguna magetankab.sipd.kemendagri.go.id")
    assert "e-RDKK" not in planning.figures[0]  # another national application that plans is not SIPD
    staff = rows[36].evidence[0]  # users recorded: counted among perangkat daerah only (no village, no UPTD)
    assert staff.figures[0] == "SIASN digunakan oleh 2 dari 3 perangkat daerah (67%)."
    hosting = rows[16].evidence[0]  # no hosting recorded at all: no level, no "0% in a data centre"
    assert hosting.supported_level is None and hosting.share is None
    assert hosting.figures == ["Arsitektur SPBE belum mencatat lokasi penempatan (hosting) 9 aplikasi lokal."]
    jdih = rows[44].evidence[0]  # the Pemda's JDIH, run by a unit of the Setda: recorded and in use
    assert jdih.figures[0].startswith("jdih.tirtamayakab.go.id tercatat") and jdih.supported_level == 3
    # the labour office's own reporting application is not SP4N-LAPOR!, whatever its address's first label
    assert rows[42].evidence[0].figures[0] == "Arsitektur SPBE tidak mencatat aplikasi SP4N-LAPOR!/LAPOR!."
    kinerja = rows[41].evidence[0]  # the Pemda's e-Kinerja and its mobile client are no rivals; another app is
    assert kinerja.figures[0].startswith("e-kinerja.tirtamayakab.go.id tercatat")
    assert kinerja.examples == ["sikerja"]
