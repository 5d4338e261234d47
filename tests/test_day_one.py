"""Day-one frictions: workspace discovery, duplicate ids, finding selection, a broken manifest."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.errors import SpbeError, UsageError
from spbe_arch.init import init_workspace
from spbe_arch.loader import load_workspace
from spbe_arch.selection import select_findings
from spbe_arch.validate import filter_report, validate_workspace

runner = CliRunner()

APPS = """\
    applications:
      - {id: app-a, name: Aplikasi A, owner: bkpsdm}
      - {id: app-b, name: Aplikasi B, owner: bkpsdm, integrations: [{target: app-a}]}
"""


# --- workspace discovery --------------------------------------------------------------------------


def test_commands_find_the_workspace_from_a_subfolder(  # type: ignore[no-untyped-def]
        make_workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    root: Path = make_workspace({"aplikasi/aplikasi.yaml": APPS})
    monkeypatch.chdir(root / "aplikasi")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "init" not in result.output and "4 element(s)" in result.output  # orgs and apps loaded
    assert load_workspace(root / "aplikasi").workspace is not None
    impact = runner.invoke(app, ["impact", "app-a"])
    assert impact.exit_code == 0 and "app-b" in impact.stdout


def test_init_inside_a_workspace_is_refused(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root: Path = make_workspace({"aplikasi/aplikasi.yaml": APPS})
    with pytest.raises(SpbeError, match="inside the workspace"):
        init_workspace(root / "aplikasi")
    assert not (root / "aplikasi" / "spbe.yaml").exists()
    result = runner.invoke(app, ["init", str(root / "aplikasi")])
    assert result.exit_code == 2 and not (root / "aplikasi" / "spbe.yaml").exists()
    example = runner.invoke(app, ["init", "--example", str(root / "aplikasi" / "contoh")])
    assert example.exit_code == 2 and "inside the workspace" in example.output
    assert not (root / "aplikasi" / "contoh" / "spbe.yaml").exists()


def test_outside_any_workspace_init_is_advised(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2 and "spbe init" in result.output and "any folder above" in result.output


# --- duplicate ids --------------------------------------------------------------------------------


def test_a_duplicate_id_is_reported_at_both_places_without_cascade(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root: Path = make_workspace({
        "a.yaml": "applications:\n  - {id: app-x, name: Asli, owner: bkpsdm}\n",
        "b.yaml": "applications:\n  - {id: app-x, name: Salinan, owner: diskominfo}\n"
                  "  - {id: app-y, name: Pengguna, owner: bkpsdm, integrations: [{target: app-x}]}\n",
    })
    report = validate_workspace(root).report
    duplicates = [f for f in report.findings if f.rule == "SC009"]
    assert {(f.file, f.line) for f in duplicates} == {("a.yaml", 2), ("b.yaml", 2)}
    assert "b.yaml:2" in next(f for f in duplicates if f.file == "a.yaml").message
    # neither copy is in the model, and the reference to the id is not reported as dangling
    workspace = load_workspace(root).workspace
    assert workspace is not None and "app-x" not in workspace.elements
    assert not [f for f in report.findings if f.rule.startswith("RF")]


# --- --select / --ignore / --min-severity ---------------------------------------------------------


def test_select_ignore_and_min_severity_follow_ruff(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root: Path = make_workspace({"a.yaml": APPS})
    report = validate_workspace(root).report
    rules = {f.rule for f in report.findings}
    assert any(r.startswith("AP") for r in rules) and any(not r.startswith("AP") for r in rules)
    only_ap = filter_report(report, ["AP"], [])
    assert only_ap.findings and all(f.rule.startswith("AP") for f in only_ap.findings)
    some = sorted(r for r in rules if r.startswith("AP"))[0]
    # the more specific selector wins: ignore AP, select back one AP code
    back = filter_report(report, [some], ["AP"])
    assert {f.rule for f in back.findings} == {some}
    assert some not in {f.rule for f in filter_report(report, ["AP0"], [some]).findings}
    warnings = filter_report(report, [], [], "warning")
    assert all(f.severity != "info" for f in warnings.findings)
    assert warnings.summary.infos == 0 and warnings.summary.warnings == report.summary.warnings
    assert select_findings(report.findings, ["ALL"], [], "info") == report.findings


def test_cli_selection_and_bad_selector(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root: Path = make_workspace({"a.yaml": APPS})
    everything = runner.invoke(app, ["validate", str(root)])
    assert ": info " in everything.stdout
    quiet = runner.invoke(app, ["validate", str(root), "--min-severity", "warning", "--ignore", "AP,SC"])
    assert ": info " not in quiet.stdout and " AP" not in quiet.stdout
    bad = runner.invoke(app, ["validate", str(root), "--select", "ZZ9"])
    assert bad.exit_code == 2 and "matches no rule code" in bad.output
    with pytest.raises(UsageError):
        filter_report(validate_workspace(root).report, ["QQ"], [])


# --- a broken manifest does not hide the other files' errors ------------------------------------


def test_manifest_error_does_not_hide_other_files(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root: Path = make_workspace(
        {"a.yaml": "applications:\n  - {id: App X, name: X, owner: bkpsdm}\n"},
        manifest="spbe: 1\ngovernment: {name: Uji, kind: negara}\n",
    )
    report = validate_workspace(root).report
    files = {f.file for f in report.findings if f.severity == "error"}
    assert files == {"spbe.yaml", "a.yaml"}
    assert report.exit_code() == 2
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 2 and "a.yaml:2" in result.stdout and "spbe.yaml:2" in result.stdout
