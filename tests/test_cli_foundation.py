"""The foundation's commands through the CLI: validate, rules, stats, show, reference, init, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch import __version__
from spbe_arch.cli import app

runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"spbe-arch {__version__}"


def test_validate_small_fixture_is_clean(small: Path) -> None:
    code, out, _ = run("validate", small)
    assert code == 0
    assert "is valid: 0 error(s)" in out


def test_validate_json_shape(make_workspace) -> None:
    root = make_workspace({"a.yaml": "applications:\n  - {id: x, name: X, owner: nobody}\n"})
    code, out, _ = run("validate", root, "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert set(payload) >= {"findings", "summary"}
    finding = next(f for f in payload["findings"] if f["rule"] == "RF001")
    assert set(finding) == {"rule", "severity", "message", "element", "file", "line", "column"}
    assert finding == {**finding, "element": "x", "file": "a.yaml", "line": 2, "severity": "error"}
    assert payload["summary"]["errors"] >= 1


def test_validate_exit_code_2_when_not_loadable(make_workspace, tmp_path: Path) -> None:
    code, _, err = run("validate", tmp_path)
    assert code == 2 and "no spbe.yaml" in err
    root = make_workspace({"bad.yaml": b"\x00\x01binary"})
    code, out, _ = run("validate", root)
    assert code == 2 and "SC002" in out


def test_validate_fail_on(make_workspace) -> None:
    root = make_workspace({"a.yaml": "applications:\n  - {id: x, name: X, owner: bkpsdm}\n"})
    assert run("validate", root)[0] == 0
    assert run("validate", root, "--fail-on", "warning")[0] == 1
    assert run("validate", root, "--fail-on", "never")[0] == 0


def test_text_findings_are_file_line_col_lines(make_workspace) -> None:
    root = make_workspace({"a.yaml": "applications:\n  - {id: x, name: X, owner: nobody}\n"})
    _, out, _ = run("validate", root)
    line = next(x for x in out.splitlines() if "RF001" in x)
    assert line.startswith("a.yaml:2:")
    assert " error RF001 owner: no element has id 'nobody'" in line


def test_unknown_format_is_a_usage_error(small: Path) -> None:
    code, _, err = run("validate", small, "--format", "yaml")
    assert code == 2 and "yaml" in err


def test_rules_lists_every_rule_one_per_line() -> None:
    from spbe_arch.validate import all_rules

    code, out, _ = run("rules")
    assert code == 0
    lines = out.splitlines()
    assert [x.split()[0] for x in lines] == [r.code for r in all_rules()]
    assert len([r for r in all_rules() if r.check is not None]) >= 30


def test_rules_explains_one() -> None:
    code, out, _ = run("rules", "rf001")
    assert code == 0 and out.startswith("RF001 unknown-reference (error)") and "did you mean" not in out
    code, _, err = run("rules", "RF01")
    assert code == 2 and "RF001" in err


def test_stats_json_counts(small: Path) -> None:
    code, out, _ = run("stats", small, "--format", "json")
    assert code == 0
    stats = json.loads(out)
    assert stats["counts"] == {"organizations": 5, "processes": 3, "services": 2, "data": 3, "applications": 5,
                               "infrastructure": 5, "security": 2, "roadmap": 1}
    raa = next(c for c in stats["coverage"] if c["domain"] == "RAA")
    assert raa["valid_codes"] == 5  # the local extension RAA.02.02.01 counts
    bkpsdm = next(o for o in stats["organizations"] if o["id"] == "bkpsdm")
    assert bkpsdm["counts"]["applications"] == 2


def test_show_element_and_referrers(small: Path) -> None:
    code, out, _ = run("show", "data-pegawai", small, "--format", "json")
    assert code == 0
    view = json.loads(out)
    assert view["collection"] == "data" and view["location"].startswith("data/data.yaml:")
    assert {(r["element"], r["field"]) for r in view["referenced_by"]} >= {("app-simpeg", "writes"),
                                                                         ("app-siasn", "reads")}


def test_show_unknown_id_suggests(small: Path) -> None:
    code, _, err = run("show", "app-simpg", small)
    assert code == 2 and "did you mean 'app-simpeg'" in err


def test_reference_browse_and_search() -> None:
    code, out, _ = run("reference", "RAA")
    assert code == 0 and "RAA.02.02  Fungsi Tertentu" in out
    code, out, _ = run("reference", "--search", "kearsipan")
    assert code == 0 and "RAB.09.06.06" in out
    _, out, _ = run("reference", "RAB.09.06", "--format", "json")
    codes = [c["code"] for c in json.loads(out)]
    assert codes[0] == "RAB.09.06" and "RAB.09.06.03" in codes
    assert run("reference", "XYZ")[0] == 2


def test_init_creates_a_workspace_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "baru"
    code, out, _ = run("init", target, "--name", "Pemerintah Kota Contoh", "--kind", "kota")
    assert code == 0 and (target / "spbe.yaml").exists() and (target / "aplikasi" / "aplikasi.yaml").exists()
    assert f"created {target / 'spbe.yaml'}" in out
    assert (target / ".schema" / "spbe-elements.schema.json").exists()
    assert "Pemerintah Kota Contoh" in (target / "spbe.yaml").read_text(encoding="utf-8")
    assert run("validate", target)[0] == 0
    code, _, err = run("init", target)
    assert code == 2 and "already holds a workspace" in err


def test_no_traceback_on_internal_error(monkeypatch: pytest.MonkeyPatch, small: Path) -> None:
    import spbe_arch.stats

    def boom(*args: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(spbe_arch.stats, "compute_stats", boom)
    code, out, err = run("stats", small)
    assert code == 3 and "internal error" in err and "Traceback" not in out + err


def test_model_commands_pause_the_collector_and_give_it_back(monkeypatch: pytest.MonkeyPatch, small: Path) -> None:
    import gc

    import spbe_arch.validate

    real = spbe_arch.validate.validate_workspace
    seen: list[bool] = []

    def recording(root: object) -> object:
        seen.append(gc.isenabled())
        return real(root)  # type: ignore[arg-type]

    monkeypatch.setattr(spbe_arch.validate, "validate_workspace", recording)
    assert gc.isenabled()
    code, _, _ = run("validate", small)
    assert code == 0 and seen == [False]  # loading and checking ran without the collector ...
    assert gc.isenabled()  # ... which is back on afterwards
    monkeypatch.setattr(spbe_arch.validate, "validate_workspace", lambda root: 1 / 0)
    code, _, err = run("validate", small)
    assert code == 3 and "internal error" in err and gc.isenabled()  # back on after a failure too


def test_python_dash_m(small: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "spbe_arch", "validate", str(small)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stdout


def test_the_process_ends_with_the_command_s_exit_code_and_all_its_output(small: Path, tmp_path: Path) -> None:
    def spbe(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "spbe_arch", *args], capture_output=True, text=True,
                              timeout=120)

    valid = spbe("validate", str(small), "-f", "json")
    assert valid.returncode == 0, valid.stderr
    assert json.loads(valid.stdout)["summary"]["errors"] == 0  # the whole report was flushed before leaving
    strict = spbe("validate", str(small), "--fail-on", "warning")
    assert strict.returncode == (1 if json.loads(valid.stdout)["summary"]["warnings"] else 0)
    missing = spbe("validate", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "nowhere" in missing.stderr
    usage = spbe("validate", "--format", "nonsense", str(small))
    assert usage.returncode == 2
    assert spbe("--version").stdout.startswith("spbe-arch ")


def test_stats_and_show_text(small: Path) -> None:
    code, out, _ = run("stats", small)
    assert code == 0
    assert out.startswith("Pemerintah Kabupaten Uji: 26 elements,")
    assert "  RAA applications        5/5     100.0%" in out
    assert "  bkpsdm                       2/1/2/2/0" in out
    code, out, _ = run("show", "app-simpeg", small)
    assert code == 0
    assert out.startswith("applications: app-simpeg  (aplikasi/aplikasi.yaml:")
    assert "  acronym: SIMPEG" in out
    assert "referenced by:\n  app-presensi-bkpsdm (applications.integrations): e-Presensi Pegawai" in out


def test_a_report_on_a_workspace_with_load_errors_says_it_covers_what_loaded(make_workspace) -> None:
    # an application whose id is an organization's is left out of the model: the report says so on stderr
    root = make_workspace({"aplikasi.yaml": """\
        applications:
          - {id: diskominfo, name: Presensi Online, owner: diskominfo}
          - {id: absen, name: Absensi Pegawai, owner: diskominfo}
        """})
    code, out, err = run("duplicates", root, "--format", "json")
    assert code == 0
    assert json.loads(out)["groups"] == []  # standard output stays the report alone
    assert "error(s) while loading" in err and f"spbe validate {root}" in err
    code, _, err = run("stats", root)
    assert code == 0 and "error(s) while loading" in err


def test_a_report_on_a_clean_workspace_writes_nothing_to_stderr(small: Path) -> None:
    code, _, err = run("stats", small)
    assert code == 0 and err == ""
