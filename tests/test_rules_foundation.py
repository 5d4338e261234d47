"""Each foundation rule fires on a minimal bad case and stays silent on the clean fixture."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from spbe_arch.validate import all_rules, validate_workspace


@pytest.fixture
def clean(tmp_path: Path, small: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(small, target)
    return target


def findings_with(root: Path, extra: str, manifest_extra: str = "") -> list[tuple[str, str | None]]:
    (root / "extra.yaml").write_text(textwrap.dedent(extra), encoding="utf-8")
    if manifest_extra:
        with (root / "spbe.yaml").open("a", encoding="utf-8") as handle:
            handle.write(textwrap.dedent(manifest_extra))
    return [(f.rule, f.element) for f in validate_workspace(root).report.findings]


def test_clean_fixture_has_no_foundation_findings(small: Path) -> None:
    report = validate_workspace(small).report
    assert report.summary.errors == 0
    assert [f for f in report.findings if f.rule in OWN or f.rule.startswith("SC")] == []


OWN = {"RF001", "RF002", "RF003", "RF004", "RF005", "RC001", "RC002", "RC003", "RC005", "RC006", "OR001",
       "OR002", "BP001", "BP002", "LY001", "LY002", "DA001", "DA002", "AP001", "AP002", "AP003", "AP004",
       "AP005", "AP020", "IN001", "IN002", "IN003", "KM001", "KM002", "RM001", "RM002"}

CASES: list[tuple[str, str, str | None]] = [
    ("RF001", "applications:\n  - {id: a1, name: A, owner: bkpsdm, supports: [pb-presensix]}\n", "a1"),
    ("RF002", "applications:\n  - {id: a1, name: A, owner: bkpsdm, hosted_on: [app-simpeg]}\n", "a1"),
    ("RF003", "processes:\n  - {id: p1, name: P, owner: bkpsdm, parent: p1}\n", "p1"),
    ("RF004", "applications:\n  - id: a1\n    name: A\n    owner: bkpsdm\n"
              "    integrations: [{target: app-simpeg, via: vm-app-01}]\n", "a1"),
    ("RF005", "applications:\n  - {id: a1, name: A, owner: bkpsdm, users: [dinkes, dinkes]}\n", "a1"),
    ("RC001", "applications:\n  - {id: a1, name: A, owner: bkpsdm, reference: RAA-02}\n", "a1"),
    ("RC002", "applications:\n  - {id: a1, name: A, owner: bkpsdm, reference: RAA.02.09}\n", "a1"),
    ("RC003", "applications:\n  - {id: a1, name: A, owner: bkpsdm, reference: RAB.09.06.03}\n", "a1"),
    ("RC005", "applications:\n  - {id: a1, name: A, owner: bkpsdm}\n", "a1"),
    ("RC006", "applications:\n  - {id: a1, name: A, owner: bkpsdm, kind: umum, reference: RAA.02.02}\n", "a1"),
    ("OR001", "organizations:\n  - {id: dishub, name: Dinas Perhubungan, kind: dinas}\n", "dishub"),
    ("OR002", "organizations:\n  - {id: dishub, name: Dinas Perhubungan, kind: dinas}\n", "dishub"),
    ("BP001", "processes:\n  - {id: p1, name: P, owner: bkpsdm, kind: pendukung}\n", "p1"),
    ("BP002", "processes:\n  - {id: p1, name: P, owner: bkpsdm, kind: inti}\n", "p1"),
    ("LY001", "services:\n  - {id: s1, name: S, owner: bkpsdm, kind: administrasi}\n", "s1"),
    ("LY002", "services:\n  - {id: s1, name: S, owner: bkpsdm, kind: publik, applications: [app-simpus]}\n", "s1"),
    ("DA001", "data:\n  - {id: d1, name: D, owner: bkpsdm}\n", "d1"),
    ("DA002", "data:\n  - {id: d1, name: D, owner: bkpsdm, steward: diskominfo}\n", "d1"),
    ("AP001", "applications:\n  - {id: a1, name: A, owner: bkpsdm}\n", "a1"),
    ("AP002", "applications:\n  - {id: a1, name: A, owner: bkpsdm}\n", "a1"),
    ("AP003", "applications:\n  - {id: a1, name: A, owner: bkpsdm}\n", "a1"),
    ("AP004", "applications:\n  - {id: a1, name: A, owner: bkpsdm}\n", "a1"),
    ("AP005", "applications:\n  - {id: a1, name: A, owner: bkpsdm, url: simpeg.go.id}\n", "a1"),
    ("AP020", "applications:\n  - {id: a1, name: A, owner: bkpsdm, status: rencana}\n", "a1"),
    ("IN001", "infrastructure:\n  - {id: i1, name: DC, owner: diskominfo, kind: pusat-data}\n", "i1"),
    ("IN002", "infrastructure:\n  - {id: i1, name: S, owner: diskominfo, kind: server}\n", "i1"),
    ("IN003", "infrastructure:\n  - {id: i1, name: S, owner: diskominfo, kind: server, located_in: jip-uji}\n", "i1"),
    ("KM001", "security:\n  - {id: k1, name: K, owner: diskominfo, kind: edukasi}\n", "k1"),
    ("KM002", "security:\n  - {id: k1, name: K, owner: diskominfo, kind: audit, protects: [app-simpus],"
              "}\n", "k1"),
    ("RM001", "roadmap:\n  - {id: r1, name: R, owner: diskominfo, year: 2031, affects: [app-simpus]}\n", "r1"),
    ("RM002", "roadmap:\n  - {id: r1, name: R, owner: diskominfo, year: 2026}\n", "r1"),
]


@pytest.mark.parametrize(("code", "extra", "element"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires(clean: Path, code: str, extra: str, element: str | None) -> None:
    assert (code, element) in findings_with(clean, extra)


def test_every_model_rule_of_the_foundation_has_a_case() -> None:
    foundation = {"RF", "RC", "OR", "BP", "LY", "DA", "AP", "IN", "KM", "RM"}
    tested = {c[0] for c in CASES}
    assert {r.code for r in all_rules() if r.family in foundation} >= OWN
    assert tested == OWN


def test_repeated_reference_ignores_integrations_sharing_an_splp(clean: Path) -> None:
    found = findings_with(clean, """\
        applications:
          - id: a1
            name: A
            owner: bkpsdm
            integrations:
              - {target: app-simpeg, via: splp-uji, data: [data-pegawai]}
              - {target: app-simpeg, via: splp-uji, data: [data-pegawai, data-presensi]}
              - {target: app-siasn, via: splp-uji, data: [data-pegawai, data-pegawai]}
    """)
    assert [f for f in found if f[0] == "RF005"] == [("RF005", "a1")]


def test_manifest_severity_override_and_off(clean: Path) -> None:
    found = findings_with(clean, "applications:\n  - {id: a1, name: A, owner: bkpsdm}\n",
                          "rules: {AP001: error, AP002: off}\n")
    report = validate_workspace(clean).report
    assert ("AP002", "a1") not in found
    assert any(f.rule == "AP001" and f.severity == "error" for f in report.findings)
    assert report.exit_code() == 1


def test_unknown_rule_in_manifest_is_reported(clean: Path) -> None:
    assert ("SC015", None) in findings_with(clean, "data: []\n", "rules: {AP999: off}\n")


def test_element_can_silence_a_rule(clean: Path) -> None:
    found = findings_with(clean, """\
        applications:
          - {id: a1, name: A, owner: bkpsdm, ignore: [AP002]}
          - {id: a2, name: B, owner: bkpsdm, properties: {spbe-ignore: "AP002, AP004"}}
    """)
    assert ("AP002", "a1") not in found and ("AP002", "a2") not in found
    assert ("AP004", "a1") in found and ("AP004", "a2") not in found


def test_typed_properties(clean: Path) -> None:
    found = findings_with(clean, """\
        applications:
          - {id: a1, name: A, owner: bkpsdm, properties: {anggaran: banyak, vendor: PT X}}
          - {id: a2, name: B, owner: bkpsdm, properties: {anggaran: 1000}}
    """, "properties:\n  applications: {anggaran: {type: number}, vendor: {type: string, required: true}}\n")
    assert ("SC013", "a1") in found and ("SC013", "a2") in found
    assert sum(1 for f in found if f[0] == "SC013") == 2 + 5  # the fixture's five apps lack the vendor


def test_local_extension_codes(clean: Path) -> None:
    (clean / "local-codes.yaml").write_text(
        "codes:\n  - {code: RAA.02.02.01, name: Kepegawaian}\n  - {code: RAA.07.01, name: X}\n"
        "  - {code: RAA.02.02, name: Dup}\n", encoding="utf-8")
    report = validate_workspace(clean).report
    rc004 = [f for f in report.findings if f.rule == "RC004"]
    assert len(rc004) == 2 and all(f.file == "local-codes.yaml" for f in rc004)
    assert not [f for f in report.findings if f.rule == "RC002"]  # RAA.02.02.01 is still valid


def test_explain_rule_and_unknown_code() -> None:
    from spbe_arch.errors import SpbeError
    from spbe_arch.validate import explain_rule, rule_text

    rule = explain_rule("ap001")
    assert rule.code == "AP001"
    assert rule_text(rule).startswith("AP001 application-without-process (warning)")
    with pytest.raises(SpbeError, match=r"did you mean .*AP001"):
        explain_rule("AP01")
