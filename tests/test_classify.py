"""`spbe classify`: suggestions with confidence and evidence; --write keeps the YAML as written."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spbe_arch.classify import classify
from spbe_arch.cli import app
from spbe_arch.loader import open_workspace

APPS = """\
# Aplikasi milik Pemda (komentar ini harus tetap ada)
applications:
  - id: e-office
    name: e-Office Sekretariat   # nama dari inventaris
    owner: diskominfo
    description: Surat masuk, surat keluar dan disposisi elektronik
  - {id: arsip-statis, name: Arsip Statis Daerah, owner: bkpsdm, description: "Pengelolaan arsip statis"}
  - id: dicoded
    name: Aplikasi Kepegawaian
    owner: bkpsdm
    reference: RAA.02.02
  - id: srikandi
    name: SRIKANDI
    owner: bkpsdm
    source: nasional
"""


def _root(make_workspace) -> Path:  # type: ignore[no-untyped-def]
    return make_workspace({"aplikasi.yaml": APPS})  # type: ignore[no-any-return]


def test_suggestions_name_the_national_application_and_its_basis(make_workspace) -> None:  # type: ignore[no-untyped-def]
    suggestions = {s.application: s for s in classify(_root(make_workspace))}
    assert set(suggestions) == {"e-office", "arsip-statis"}  # coded and national applications are left alone
    office = suggestions["e-office"]
    assert office.national is not None and office.national.national == "SRIKANDI"
    assert office.national.basis and "679/2020" in office.national.basis
    assert office.raa.code == "RAA.01.02" and office.raa.confidence == "medium"
    statis = suggestions["arsip-statis"]
    assert statis.national is None  # static archives are not SRIKANDI's job
    assert statis.raa.confidence == "low" and statis.rab is not None and statis.rab.code.startswith("RAB.")


def test_write_adds_accepted_codes_and_keeps_the_file_as_written(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _root(make_workspace)
    result = CliRunner().invoke(app, ["classify", str(root), "--write"])
    assert result.exit_code == 0
    text = (root / "aplikasi.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Aplikasi milik Pemda (komentar ini harus tetap ada)\n")
    assert "    name: e-Office Sekretariat   # nama dari inventaris\n    reference: RAA.01.02\n" in text
    assert '{id: arsip-statis, name: Arsip Statis Daerah, owner: bkpsdm, description: "Pengelolaan arsip statis"}' \
        in text  # a low-confidence suggestion is not written, and the flow mapping is untouched
    assert text.count("reference:") == 2
    workspace, _ = open_workspace(root)
    assert workspace.get("e-office").reference == "RAA.01.02"  # type: ignore[union-attr]
    again = CliRunner().invoke(app, ["classify", str(root), "--write"])
    assert again.exit_code == 0 and (root / "aplikasi.yaml").read_text(encoding="utf-8") == text


def test_write_low_confidence_and_json(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = _root(make_workspace)
    result = CliRunner().invoke(app, ["classify", str(root), "-f", "json", "--write", "--min-confidence", "low"])
    payload = json.loads(result.stdout)
    assert {item["application"] for item in payload} == {"e-office", "arsip-statis"}
    text = (root / "aplikasi.yaml").read_text(encoding="utf-8")
    assert "reference: RAA.02.02, description" in text or "reference: RAA.02.02" in text
    assert text.count("reference:") == 3


def test_bad_workspace_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["classify", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "Traceback" not in result.output
