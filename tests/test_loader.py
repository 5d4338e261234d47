"""The loader: positions, merging, determinism, and every kind of bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spbe_arch.errors import WorkspaceError
from spbe_arch.loader import load_workspace, parse_text
from spbe_arch.validate import validate_workspace

APP = """\
applications:
  - id: simpeg
    name: SIMPEG
    owner: bkpsdm
"""


def codes(root: Path) -> list[str]:
    return [f.rule for f in validate_workspace(root).report.findings if f.severity == "error"]


def test_elements_from_every_file_are_merged(make_workspace) -> None:
    root = make_workspace({"a/aplikasi.yaml": APP, "b/data.yaml": "data:\n  - {id: d1, name: D, owner: bkpsdm}\n"})
    result = load_workspace(root)
    assert result.workspace is not None
    assert set(result.workspace.elements) == {"diskominfo", "bkpsdm", "simpeg", "d1"}
    assert result.workspace.files == ["a/aplikasi.yaml", "b/data.yaml", "organisasi.yaml"]


def test_positions_point_at_the_element_and_its_fields(make_workspace) -> None:
    root = make_workspace({"aplikasi.yaml": APP + "    hosted_on: [vm-1, vm-2]\n"})
    ws = load_workspace(root).workspace
    assert ws is not None
    assert str(ws.locate("simpeg")) == "aplikasi.yaml:2:5"
    assert str(ws.locate("simpeg", ("owner",))) == "aplikasi.yaml:4:12"
    assert str(ws.locate("simpeg", ("hosted_on", 1))) == "aplikasi.yaml:5:23"


def test_hidden_folders_and_non_yaml_files_are_skipped(make_workspace) -> None:
    root = make_workspace({".labels/x.yaml": "not: [valid", "notes.txt": "x", "README.md": "# x"})
    assert codes(root) == []


def test_load_order_does_not_depend_on_file_creation_order(tmp_path: Path, make_workspace) -> None:
    files = {f"f{i}.yaml": f"data:\n  - {{id: d{i}, name: D{i}, owner: nobody{i}}}\n" for i in range(8)}
    first = make_workspace(files, name="one")
    second = make_workspace(dict(reversed(list(files.items()))), name="two")
    a = validate_workspace(first).report
    b = validate_workspace(second).report
    assert [f.as_dict() for f in a.findings] == [f.as_dict() for f in b.findings]
    assert list(load_workspace(first).workspace.elements) == list(load_workspace(second).workspace.elements)  # type: ignore[union-attr]


def test_dangling_reference_wrong_enum_and_unknown_key_all_reported(make_workspace) -> None:
    root = make_workspace({
        "aplikasi.yaml": """\
            applications:
              - id: simpeg
                name: SIMPEG
                owner: bkpsdm
                kind: khsus
                hosted_on: [vm-app-1]
                suports: [pb-x]
            infrastructure:
              - {id: vm-app-01, name: VM 1, owner: diskominfo, kind: server}
        """,
    })
    report = validate_workspace(root).report
    errors = {f.rule: f for f in report.findings if f.severity == "error"}
    assert set(errors) == {"SC005", "SC007", "RF001"}
    assert (errors["SC007"].line, errors["SC007"].column) == (5, 11)
    assert "did you mean 'khusus'" in errors["SC007"].message
    assert (errors["SC005"].line, errors["SC005"].column) == (7, 5)
    assert "did you mean 'supports'" in errors["SC005"].message
    assert (errors["RF001"].line, errors["RF001"].column) == (6, 17)
    assert "did you mean 'vm-app-01'" in errors["RF001"].message
    assert report.exit_code() == 1


def test_duplicate_id_names_both_places(make_workspace) -> None:
    root = make_workspace({"a.yaml": APP, "b.yaml": APP})
    first, second = [f for f in validate_workspace(root).report.findings if f.rule == "SC009"]
    assert (first.file, second.file) == ("a.yaml", "b.yaml")
    assert "a.yaml:2:5" in second.message and "b.yaml:2:5" in first.message


def test_missing_manifest_is_a_workspace_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"no spbe\.yaml"):
        load_workspace(tmp_path)


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no such folder"):
        load_workspace(tmp_path / "missing")


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("spbe: 2\ngovernment: {name: X}\n", "format version 2 is not supported"),
        ("government: {name: X}\n", "format version missing"),
        ("- spbe: 1\n", "must be a mapping"),
        ("spbe: 1\n", "missing required key 'government'"),
        ("spbe: 1\ngovernment: {name: X}\nrules: {AP001: loud}\n", "'loud' is not valid"),
    ],
)
def test_bad_manifest_is_fatal(make_workspace, manifest: str, message: str) -> None:
    root = make_workspace({}, manifest=manifest)
    report = validate_workspace(root).report
    assert not report.loaded
    assert report.exit_code() == 2
    assert any(message in f.message for f in report.findings), report.findings


def test_rules_off_in_yaml_1_1_spelling_means_off(make_workspace) -> None:
    root = make_workspace({"aplikasi.yaml": APP}, manifest="spbe: 1\ngovernment: {name: X}\nrules: {AP001: off}\n")
    rules = {f.rule for f in validate_workspace(root).report.findings}
    assert "AP001" not in rules
    assert "AP002" in rules


BAD_FILES: list[tuple[str, str | bytes, str, int]] = [
    ("not-yaml", "applications: [\n  - id: x\n", "SC001", 2),
    ("top-level-list", "- id: x\n  name: y\n", "SC004", 1),
    ("top-level-scalar", "just text\n", "SC004", 1),
    ("latin-1", "applications:\n  - id: x\n    name: Caf\xe9\n".encode("latin-1"), "SC002", 2),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "SC002", 2),
    ("duplicate-key", APP + "    owner: diskominfo\n", "SC003", 1),
    ("python-tag", "applications:\n  - !!python/object:os.system {id: x}\n", "SC011", 1),
    ("custom-tag", "applications:\n  - id: !secret x\n    name: y\n    owner: bkpsdm\n", "SC011", 1),
    ("tab", "applications:\n\t- id: x\n", "SC001", 2),
    ("unknown-collection", "aplikasi:\n  - id: x\n", "SC004", 1),
    ("collection-not-list", "applications: {id: x}\n", "SC004", 1),
    ("item-not-mapping", "applications:\n  - simpeg\n", "SC004", 1),
    ("bad-id", "applications:\n  - {id: SIMPEG Dinkes, name: x, owner: bkpsdm}\n", "SC008", 1),
    ("missing-name", "applications:\n  - {id: x, owner: bkpsdm}\n", "SC006", 1),
    ("quoted-boolean", "applications:\n  - {id: x, name: no, owner: bkpsdm}\n", "SC006", 1),
]


@pytest.mark.parametrize(("case", "content", "rule", "exit_code"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_gives_a_finding_and_exit_code(make_workspace, case: str, content: str | bytes, rule: str,
                                                exit_code: int) -> None:
    root = make_workspace({"bad.yaml": content})
    report = validate_workspace(root).report
    found = [f for f in report.findings if f.rule == rule]
    assert found, f"{case}: expected {rule}, got {[f.format_line() for f in report.findings]}"
    assert found[0].file == "bad.yaml" and found[0].line is not None
    assert report.exit_code() == exit_code


def test_not_utf8_names_the_position_of_the_bad_byte(make_workspace) -> None:
    root = make_workspace({"bad.yaml": "applications:\n  - id: x\n    name: Caf\xe9\n".encode("latin-1")})
    [finding] = [f for f in validate_workspace(root).report.findings if f.rule == "SC002"]
    assert (finding.line, finding.column) == (3, 14)
    assert "0xe9" in finding.message


def test_empty_file_is_only_information(make_workspace) -> None:
    root = make_workspace({"empty.yaml": "", "comments.yaml": "# nothing yet\n"})
    report = validate_workspace(root).report
    assert report.exit_code() == 0
    assert [f.rule for f in report.findings if f.file in ("empty.yaml", "comments.yaml")] == ["SC014", "SC014"]


def test_alias_bomb_is_refused_quickly(make_workspace) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    root = make_workspace({"bomb.yaml": "\n".join(lines) + "\n"})
    report = validate_workspace(root).report
    assert [f.rule for f in report.findings if f.file == "bomb.yaml"] == ["SC012"]
    assert report.exit_code() == 2


def test_small_aliases_are_allowed() -> None:
    parsed = parse_text("common: &c [a, b]\nother: *c\n", "x.yaml")
    assert parsed.readable and parsed.value == {"common": ["a", "b"], "other": ["a", "b"]}


def test_deep_nesting_is_refused(make_workspace) -> None:
    root = make_workspace({"deep.yaml": "applications: " + "[" * 200 + "]" * 200 + "\n",
                           "deeper.yaml": "x: " + "[" * 5000 + "]" * 5000 + "\n"})
    report = validate_workspace(root).report
    assert {f.file for f in report.findings if f.rule in ("SC012", "SC001")} == {"deep.yaml", "deeper.yaml"}


def test_every_problem_of_a_run_is_reported(make_workspace) -> None:
    root = make_workspace({
        "one.yaml": "applications: [\n",
        "two.yaml": "- x\n",
        "three.yaml": APP.replace("owner: bkpsdm", "owner: bkpsdm\n    colour: red"),
    })
    rules = {(f.file, f.rule) for f in validate_workspace(root).report.findings}
    assert {("one.yaml", "SC001"), ("two.yaml", "SC004"), ("three.yaml", "SC005")} <= rules


def test_self_reference_is_an_error(make_workspace) -> None:
    root = make_workspace({"infra.yaml": """\
        infrastructure:
          - {id: dc, name: DC, owner: diskominfo, kind: pusat-data, tier: 2, located_in: dc}
    """})
    assert "RF003" in codes(root)


@pytest.mark.skipif(os.name == "nt", reason="permissions")
def test_unreadable_file(make_workspace) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    root = make_workspace({"secret.yaml": APP})
    (root / "secret.yaml").chmod(0)
    assert "SC002" in codes(root)


def test_atomic_write_gives_normal_permissions(tmp_path: Path) -> None:
    from spbe_arch.fileio import write_text_atomic

    if os.name == "nt":
        pytest.skip("POSIX modes")
    target = tmp_path / "out.txt"
    write_text_atomic(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    write_text_atomic(target, "y")
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_text() == "y"


@pytest.mark.parametrize("manifest_ok", [True, False])
def test_loading_leaves_the_garbage_collector_as_the_caller_set_it(make_workspace, manifest_ok: bool) -> None:
    import gc

    root = make_workspace({"aplikasi.yaml": APP})
    if not manifest_ok:
        (root / "spbe.yaml").write_text("pemda: [\n", encoding="utf-8")
    before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    try:
        gc.disable()
        gc.set_threshold(1234, 5, 6)
        changed = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
        result = load_workspace(root)
        assert (result.workspace is not None) is manifest_ok
        assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == changed
        gc.enable()
        load_workspace(root)
        assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == (True, (1234, 5, 6), changed[2])
    finally:
        gc.set_threshold(*before[1])
        if before[0]:
            gc.enable()
        else:
            gc.disable()
