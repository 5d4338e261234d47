"""`spbe validate --format sarif|junit|github` and `--fail-on`: CI formats of the validation report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.findings import Finding
from spbe_arch.formats import RENDERERS, render_pieces
from spbe_arch.formats.github import annotation, escape_data, escape_property, report_github
from spbe_arch.formats.junit import junit_tree, report_junit
from spbe_arch.formats.paths import PathMapper, mapper_for, repository_root
from spbe_arch.formats.sarif import sarif_log
from spbe_arch.validate import Report, Summary, all_rules, make_report, validate_workspace
from tests.snapshot import assert_snapshot

DATA = Path(__file__).resolve().parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JUNIT_XSD = etree.XMLSchema(etree.parse(str(DATA / "junit-common.xsd")))

# One warning (AP002), one error (RF001), infos; a name full of characters every format must escape.
FINDINGS_WS = {
    "aplikasi/app.yaml": """\
        applications:
          - id: app-a
            name: "Aplikasi 50%, a:b <script>alert(1)</script> & \\"kutip\\" ]]>"
            owner: bkpsdm
            supports: [pb-x]
        """,
}


@pytest.fixture
def findings_ws(make_workspace):  # type: ignore[no-untyped-def]
    return make_workspace(FINDINGS_WS)


def _sarif_validator() -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _mapper(prefix: str = "models/uji", workspace: Path = Path("/repo/models/uji")) -> PathMapper:
    from pathlib import PurePosixPath

    return PathMapper(PurePosixPath(prefix), workspace)


# --- registry ----------------------------------------------------------------------------------


def test_renderers_registered() -> None:
    assert {"text", "json", "sarif", "junit", "github"} <= set(RENDERERS)


# --- SARIF ---------------------------------------------------------------------------------------


def test_sarif_valid_against_schema(findings_ws: Path) -> None:
    report = validate_workspace(findings_ws).report
    log = sarif_log(report, _mapper())
    errors = sorted(_sarif_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    codes = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert codes == [r.code for r in all_rules()]
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"AP002", "RF001"}
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["AP002"] == "warning" and levels["RF001"] == "error" and levels["AP004"] == "note"


def test_sarif_rule_metadata_from_registry(findings_ws: Path) -> None:
    log = sarif_log(validate_workspace(findings_ws).report, _mapper())
    driver = log["runs"][0]["tool"]["driver"]
    rules = driver["rules"]
    by_id = {r["id"]: r for r in rules}
    for registered in all_rules():
        descriptor = by_id[registered.code]
        assert descriptor["name"] == registered.name
        assert descriptor["shortDescription"]["text"] == registered.summary
        assert descriptor["fullDescription"]["text"] == registered.explanation
        level = {"error": "error", "warning": "warning", "info": "note"}[registered.severity]
        assert descriptor["defaultConfiguration"]["level"] == level
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_locations_relative_to_repository_root(findings_ws: Path) -> None:
    report = validate_workspace(findings_ws).report
    log = sarif_log(report, _mapper("models/uji dua"))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "RF001")
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "models/uji%20dua/aplikasi/app.yaml", "uriBaseId": "%SRCROOT%"}
    assert physical["region"]["startLine"] == 5
    assert physical["region"]["startColumn"] >= 1
    assert result["locations"][0]["logicalLocations"] == [{"name": "app-a", "kind": "element"}]


def test_repository_root_found_from_git_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    ws = repo / "models" / "uji"
    ws.mkdir(parents=True)
    (repo / ".git").mkdir()
    assert repository_root(ws) == repo.resolve()
    mapper = mapper_for(ws, cwd=tmp_path)
    assert mapper("aplikasi/x.yaml") == "models/uji/aplikasi/x.yaml"
    # a worktree or submodule has a .git file, not a folder
    (repo / ".git").rmdir()
    (repo / ".git").write_text("gitdir: /elsewhere\n")
    assert mapper_for("models/uji", cwd=repo)("a.yaml") == "models/uji/a.yaml"


def test_outside_git_paths_are_relative_to_current_folder(tmp_path: Path) -> None:
    ws = tmp_path / "here" / "ws"
    ws.mkdir(parents=True)
    if repository_root(tmp_path) is not None:
        pytest.skip("the temporary folder is inside a git repository")
    assert mapper_for(ws, cwd=tmp_path / "here")("a.yaml") == "ws/a.yaml"
    # a workspace outside the current folder gets absolute file URIs in SARIF
    elsewhere = mapper_for(ws, cwd=tmp_path / "other")
    assert elsewhere.prefix is None
    report = Report(workspace=str(ws), summary=Summary(warnings=1), findings=[
        Finding(rule="AP002", severity="warning", message="m", element="x", file="a.yaml", line=1, column=1)])
    uri = sarif_log(report, elsewhere)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert uri == (ws / "a.yaml").as_uri()
    assert not list(_sarif_validator().iter_errors(sarif_log(report, elsewhere)))


def test_sarif_fingerprint_ignores_lines() -> None:
    def log_for(line: int) -> dict[str, object]:
        finding = Finding(rule="AP002", severity="warning", message="m", element="app-a", file="a.yaml",
                          line=line, column=1)
        return sarif_log(make_report("ws", [finding], None, True), _mapper())

    first = log_for(3)["runs"][0]["results"][0]["partialFingerprints"]  # type: ignore[index]
    moved = log_for(30)["runs"][0]["results"][0]["partialFingerprints"]  # type: ignore[index]
    assert first == moved and first["spbeFinding/v1"]


def test_sarif_unloadable_workspace(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = make_workspace({"rusak.yaml": "applications: [\n"})
    report = validate_workspace(ws).report
    assert not report.loaded
    log = sarif_log(report, _mapper())
    assert not list(_sarif_validator().iter_errors(log))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert any(r["ruleId"] == "SC001" for r in log["runs"][0]["results"])


def test_sarif_finding_without_file_points_at_manifest(small: Path) -> None:
    report = Report(workspace=str(small), summary=Summary(errors=1), findings=[
        Finding(rule="RF001", severity="error", message="somewhere")])
    log = sarif_log(report, PathMapper(_mapper().prefix, small))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "models/uji/spbe.yaml"
    assert "region" not in location
    assert not list(_sarif_validator().iter_errors(log))


def test_sarif_of_small_and_example_valid(small: Path, example: Path) -> None:
    targets = [small] + ([example] if (example / "spbe.yaml").is_file() else [])
    for target in targets:
        log = sarif_log(validate_workspace(target).report)
        assert not list(_sarif_validator().iter_errors(log)), target


def test_cli_sarif_output_is_schema_valid(findings_ws: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(findings_ws), "--format", "sarif"])
    assert result.exit_code == 1  # RF001 is an error
    log = json.loads(result.stdout)
    assert not list(_sarif_validator().iter_errors(log))
    uris = {r["ruleId"]: r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    # the temporary workspace is in no repository and outside the current folder: absolute file URIs
    assert uris["RF001"] == (findings_ws / "aplikasi" / "app.yaml").resolve().as_uri()


# --- JUnit ----------------------------------------------------------------------------------------


def test_junit_one_testcase_per_rule(findings_ws: Path) -> None:
    text = report_junit(validate_workspace(findings_ws).report, _mapper())
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    codes = [c.get("name", "").split()[0] for c in cases]
    assert codes == [r.code for r in all_rules()]
    failing = {c.get("name", "").split()[0]: c for c in cases if c.find("failure") is not None}
    assert set(failing) == {"AP002", "RF001"}
    failure = failing["RF001"].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "models/uji/aplikasi/app.yaml:5:" in (failure.text or "")
    assert "<script>" in (failing["AP002"].find("failure").text or "")  # type: ignore[union-attr]
    info_case = next(c for c in cases if c.get("name", "").startswith("AP004"))
    assert info_case.find("failure") is None
    assert "AP004" in (info_case.findtext("system-out") or "")
    assert suites[0].get("tests") == str(len(cases)) and suites[0].get("failures") == "2"
    assert root.get("failures") == "2" and root.get("errors") == "0"


def test_junit_matches_common_schema(findings_ws: Path, small: Path) -> None:
    for ws in (findings_ws, small):
        document = etree.fromstring(report_junit(validate_workspace(ws).report).encode("utf-8"))
        assert JUNIT_XSD.validate(document), JUNIT_XSD.error_log


def test_junit_unloadable_workspace_is_an_error_case(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = make_workspace({"rusak.yaml": "applications: [\n"})
    root = junit_tree(validate_workspace(ws).report)
    assert root.get("errors") == "1"
    assert root.find("testsuite/testcase/error") is not None
    assert JUNIT_XSD.validate(etree.fromstring(ET.tostring(root)))


def test_junit_strips_characters_xml_cannot_hold() -> None:
    finding = Finding(rule="AP002", severity="warning", message="bad \x01 char \x1b[31m", element="a",
                      file="a.yaml", line=1, column=1)
    text = report_junit(make_report("ws", [finding], None, True), _mapper())
    root = ET.fromstring(text.encode("utf-8"))  # would raise on an invalid character
    assert "\ufffd char" in (root.findtext("testsuite/testcase/failure") or "")




# --- GitHub annotations ------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotation_line() -> None:
    finding = Finding(rule="RF001", severity="error", message="nama 'A\nB' 100%, x:y", element="app-a",
                      file="dir, a:b/app.yaml", line=7, column=16)
    line = annotation(finding, _mapper())
    assert line == ("::error file=models/uji/dir%2C a%3Ab/app.yaml,line=7,col=16,title=RF001 unknown-reference::"
                    "[app-a] nama 'A%0AB' 100%25, x:y")
    assert "\n" not in line


def test_github_levels_and_summary(findings_ws: Path) -> None:
    text = report_github(validate_workspace(findings_ws).report, _mapper())
    lines = text.splitlines()
    assert any(line.startswith("::error file=models/uji/aplikasi/app.yaml,line=5,") for line in lines)
    assert any(line.startswith("::warning ") and "title=AP002 application-not-hosted" in line for line in lines)
    assert any(line.startswith("::notice ") for line in lines)
    assert not lines[-1].startswith("::") and "1 error(s), 1 warning(s)" in lines[-1]
    assert all("%25" in line for line in lines if "Aplikasi 50" in line)


def test_github_snapshot(findings_ws: Path) -> None:
    report = validate_workspace(findings_ws).report
    assert_snapshot("ci_formats/findings.github.txt",
                    report_github(report.model_copy(update={"workspace": "models/uji"}), _mapper()))


def test_github_finding_without_file() -> None:
    finding = Finding(rule="SC010", severity="error", message="no manifest")
    assert annotation(finding, _mapper()) == "::error title=SC010 bad-manifest::no manifest"


def test_cli_github_format(findings_ws: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(findings_ws), "-f", "github"])
    assert result.exit_code == 1
    assert result.stdout.count("::error ") == 1


# --- --fail-on -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("fail_on", "warning_code", "error_code"), [
    ("error", 0, 1), ("warning", 1, 1), ("never", 0, 0),
])
def test_fail_on(make_workspace, fail_on: str, warning_code: int, error_code: int) -> None:  # type: ignore[no-untyped-def]
    warning_only = make_workspace({"aplikasi.yaml": """\
        processes:
          - {id: pb-a, name: Proses A, owner: bkpsdm}
        applications:
          - {id: app-a, name: Aplikasi A, owner: bkpsdm, supports: [pb-a]}
        """}, name="warning")
    with_error = make_workspace(FINDINGS_WS, name="error")
    runner = CliRunner()
    for ws, expected in ((warning_only, warning_code), (with_error, error_code)):
        for fmt in ("text", "sarif"):
            result = runner.invoke(app, ["validate", str(ws), "-f", fmt, "--fail-on", fail_on])
            assert result.exit_code == expected, (ws.name, fmt, result.output)
    assert validate_workspace(warning_only).report.summary.warnings >= 1
    assert validate_workspace(warning_only).report.summary.errors == 0


def test_unloadable_exits_2_whatever_fail_on(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws = make_workspace({"rusak.yaml": "applications: [\n"})
    result = CliRunner().invoke(app, ["validate", str(ws), "-f", "junit", "--fail-on", "never"])
    assert result.exit_code == 2
    ET.fromstring(result.stdout.encode("utf-8"))


def test_unknown_format_is_a_usage_error(small: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(small), "-f", "yaml"])
    assert result.exit_code == 2
    assert "sarif" in result.output


def test_renderers_deterministic(findings_ws: Path) -> None:
    first, second = validate_workspace(findings_ws).report, validate_workspace(findings_ws).report
    for name in ("sarif", "junit", "github"):
        assert RENDERERS[name](first) == RENDERERS[name](second)


@given(st.lists(st.tuples(st.text(max_size=30), st.sampled_from(["error", "warning", "info"]),
                          st.one_of(st.none(), st.text(max_size=10)), st.one_of(st.none(), st.integers(0, 10**6))),
                max_size=6),
       st.text(max_size=20), st.booleans())
def test_json_report_in_pieces_is_the_whole_report_dumped(rows: list[tuple[str, str, str | None, int | None]],
                                                          root: str, loaded: bool) -> None:
    findings = [Finding(rule="AP001", severity=severity, message=message, element=element, file=element,  # type: ignore[arg-type]
                        line=line, column=line, args=(("x", "y"),)) for message, severity, element, line in rows]
    report = make_report(root, findings, None, loaded)
    whole = {"workspace": report.workspace, "loaded": report.loaded,
             "findings": [f.as_dict() for f in report.findings], "summary": report.summary.model_dump()}
    assert RENDERERS["json"](report) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert all("".join(render_pieces(name, report)) == RENDERERS[name](report) for name in ("json", "text"))
    keys = {"rule", "severity", "message", "element", "file", "line", "column"}
    assert all(set(f) == keys for f in json.loads(RENDERERS["json"](report))["findings"])
