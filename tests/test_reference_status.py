"""Honest reference data: status and source per code, provisional domains, own numberings, stemmed search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.errors import WorkspaceError
from spbe_arch.extensions import workspace_catalogue
from spbe_arch.loader import open_workspace
from spbe_arch.reference import load_catalogue
from spbe_arch.validate import validate_workspace

runner = CliRunner()

MANIFEST = """\
spbe: 1
government: {name: Pemerintah Kabupaten Uji, code: "99.01", kind: kabupaten}
reference_extensions: kode-lokal.yaml
"""

LOCAL = """\
codes:
  - {code: RAA.02.02.01, name: Aplikasi Presensi Pegawai}
numbering:
  RAI:
    name: SIA-SPBE
    codes:
      - {code: RAI.1.1, name: Pusat Data, national: RAI.01.02}
      - {code: RAI.2.1, name: Jaringan Intra, national: RAI.02.01}
"""

APPS = """\
infrastructure:
  - {id: pdd, name: Pusat data, owner: diskominfo, kind: pusat-data, reference: RAI.1.1}
  - {id: lain, name: Lain, owner: diskominfo, kind: lainnya, reference: RAI.09.09}
applications:
  - {id: app-a, name: A, owner: bkpsdm, reference: RAA.02.02.01}
"""


def test_every_code_has_a_status_and_a_source() -> None:
    catalogue = load_catalogue()
    assert all(c.status in ("confirmed", "provisional") and c.source for c in catalogue.codes.values())
    assert catalogue.codes["RAB.09.06"].status == "confirmed"
    assert catalogue.codes["RAB.09.06.03"].status == "provisional"  # level 3 is single-source
    assert catalogue.codes["RAA.01"].status == "confirmed"
    assert catalogue.provisional("RAI") and catalogue.provisional("RAK") and not catalogue.provisional("RAB")


def test_stemmed_search_finds_personnel_codes() -> None:
    catalogue = load_catalogue()
    for words in ("kepegawaian", "pegawai", "Kepegawaian ASN"):
        assert "RAB.09.06" in {c.code for c in catalogue.search(words)}, words
    assert catalogue.search("zzzz qqqq") == []
    assert catalogue.closest("perijinan berusaha")  # suggestions exist for a near miss


def _workspace(make_workspace, local: str = LOCAL) -> Path:  # type: ignore[no-untyped-def]
    return make_workspace({"kode-lokal.yaml": local, "model.yaml": APPS}, manifest=MANIFEST)  # type: ignore[no-any-return]


def test_own_numbering_is_checked_through_its_mapping(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace)
    found = {(f.rule, f.element, f.severity) for f in validate_workspace(root).report.findings}
    assert not any(rule in ("RC001", "RC002", "RC003") for rule, _, _ in found)
    # an unknown code in RAI, whose national numbering is provisional, is a warning
    assert ("RC007", "lain", "warning") in found
    catalogue = workspace_catalogue(open_workspace(root)[0])
    own = catalogue.codes["RAI.1.1"]
    assert own.maps_to == "RAI.01.02" and own.status == "provisional" and "SIA-SPBE" in (own.source or "")


def test_a_mapping_to_an_unknown_national_code_is_bad_input(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace, LOCAL.replace("national: RAI.02.01", "national: RAI.07.07"))
    with pytest.raises(WorkspaceError, match=r"kode-lokal.yaml:\d+:\d+: .*RAI.07.07"):
        validate_workspace(root)
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 2 and "RAI.07.07" in result.output and "Traceback" not in result.output


def test_reference_command_reads_the_workspace(make_workspace, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    root = _workspace(make_workspace)
    result = runner.invoke(app, ["reference", "-s", "presensi", "-w", str(root)])
    assert result.exit_code == 0 and "RAA.02.02.01" in result.stdout and "[local]" in result.stdout
    monkeypatch.chdir(root)
    rai = runner.invoke(app, ["reference", "RAI"])
    assert "[provisional]" in rai.stdout and "own numbering -> RAI.01.02" in rai.stdout
    assert "Sources:" in rai.stdout
    rows = json.loads(runner.invoke(app, ["reference", "RAB.09.06", "-f", "json"]).stdout)
    assert {r["code"]: r["status"] for r in rows}["RAB.09.06.03"] == "provisional"
    assert all(r["source"] for r in rows)
    none = runner.invoke(app, ["reference", "-s", "perijinan berusahaa"])
    assert none.exit_code == 1 and "closest:" in none.stdout
