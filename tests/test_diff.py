"""The semantic diff of two model versions (`spbe_arch.diff`) and its renderers, on folders."""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.diff.render import code, diff_json, diff_markdown, diff_text, md, plain
from spbe_arch.diff.semantic import DUPLICATES_OFF, DuplicateGroup, ModelDiff, diff_models, duplicate_groups
from spbe_arch.diff.sources import compare_folders, load_version
from spbe_arch.loader import load_workspace
from spbe_arch.workspace import Workspace
from tests.snapshot import assert_snapshot

APPS = """\
    processes:
      - {id: pb-asn, name: Manajemen ASN, owner: bkpsdm}
    data:
      - {id: data-pegawai, name: Data Pegawai, owner: bkpsdm, steward: diskominfo}
    infrastructure:
      - {id: dc, name: Pusat Data, owner: diskominfo, kind: pusat-data, tier: 2}
      - {id: vm-1, name: VM 1, owner: diskominfo, located_in: dc}
      - {id: vm-2, name: VM 2, owner: diskominfo, located_in: dc}
    applications:
      - id: app-simpeg
        name: SIMPEG
        owner: bkpsdm
        users: [bkpsdm, diskominfo]
        supports: [pb-asn]
        writes: [data-pegawai]
        hosted_on: [vm-1]
        properties: {vendor: CV Satu}
      - id: app-lama
        name: Aplikasi Lama
        owner: diskominfo
        supports: [pb-asn]
        hosted_on: [vm-1]
"""


def _load(path: Path) -> Workspace:
    result = load_workspace(path)
    assert result.workspace is not None
    return result.workspace


@pytest.fixture
def fake_duplicates(monkeypatch: pytest.MonkeyPatch) -> None:
    """A duplicate finder that groups applications sharing their first word: the diff's wiring is
    tested independently of the real finder's scoring."""
    module = types.ModuleType("spbe_arch.duplicates")

    def find_duplicates(workspace: Workspace) -> Any:
        by_word: dict[str, list[str]] = {}
        for application in workspace.applications:
            by_word.setdefault(application.name.split()[0].lower(), []).append(application.id)
        groups = [types.SimpleNamespace(applications=ids, function=f"fungsi {word}", proposal="gabungkan",
                                        national_application=None)
                  for word, ids in sorted(by_word.items()) if len(ids) > 1]
        return types.SimpleNamespace(groups=groups)

    module.find_duplicates = find_duplicates  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "spbe_arch.duplicates", module)


@pytest.fixture
def two_versions(make_workspace) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    old = make_workspace({"model.yaml": APPS}, name="old")
    new_apps = (APPS
                .replace("users: [bkpsdm, diskominfo]", "users: [diskominfo, bkpsdm]")  # order only: no change
                .replace("hosted_on: [vm-1]\n        properties: {vendor: CV Satu}",
                         "hosted_on: [vm-2]\n        properties: {vendor: CV Dua}\n        acronym: SIMPEG")
                .replace("""      - id: app-lama
        name: Aplikasi Lama
        owner: diskominfo
        supports: [pb-asn]
        hosted_on: [vm-1]
""", """      - id: app-baru
        name: Aplikasi Baru
        owner: diskominfo
        supports: [pb-asn]
"""))
    new = make_workspace({"model.yaml": "", "pindah/model.yaml": new_apps}, name="new")  # moved file
    return old, new


def _collection(diff: ModelDiff, name: str) -> Any:
    return next(c for c in diff.collections if c.collection == name)


def test_added_removed_changed(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    diff = diff_models(_load(old), _load(new))
    apps = _collection(diff, "applications")
    assert [r.id for r in apps.added] == ["app-baru"]
    assert apps.added[0].file == "pindah/model.yaml" and apps.added[0].owner == "diskominfo"
    assert [r.id for r in apps.removed] == ["app-lama"]
    assert [c.id for c in apps.changed] == ["app-simpeg"]
    change = apps.changed[0]
    fields = {f.field: (f.old, f.new) for f in change.fields}
    assert fields == {"acronym": (None, "SIMPEG"), "hosted_on": (["vm-1"], ["vm-2"]),
                      "properties.vendor": ("CV Satu", "CV Dua")}
    assert [(r.field, r.edge, r.target) for r in change.relations_added] == [("hosted_on", "hosted_on", "vm-2")]
    assert [(r.field, r.target) for r in change.relations_removed] == [("hosted_on", "vm-1")]
    # the only collection with a change; the moved file and the reordered users are no change
    assert [c.collection for c in diff.collections] == ["applications"]
    assert diff.summary.added == 1 and diff.summary.removed == 1 and diff.summary.changed == 1


def test_findings_introduced_and_resolved_ignore_lines(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    diff = diff_models(_load(old), _load(new))
    introduced = {(f.rule, f.element) for f in diff.findings_introduced}
    resolved = {(f.rule, f.element) for f in diff.findings_resolved}
    assert ("AP002", "app-baru") in introduced  # hosted nowhere
    assert ("AP002", "app-simpeg") not in introduced
    # app-simpeg moved file and line; its unchanged findings are neither new nor resolved
    assert not any(e == "app-simpeg" for _, e in introduced | resolved)
    assert any(e == "app-lama" for _, e in resolved)
    assert diff.summary.findings_introduced["warning"] >= 1
    assert diff.exit_code(["warning"]) == 1
    assert diff.exit_code(["error"]) == 0
    assert diff.exit_code([]) == 0


def test_same_model_no_change(small: Path) -> None:
    diff = diff_models(_load(small), _load(small))
    assert diff.unchanged and diff.duplicates.available
    assert diff.collections == [] and diff.findings_introduced == [] and diff.findings_resolved == []
    assert "no change to the architecture" in diff_text(diff)
    assert "No element was added, removed or changed." in diff_markdown(diff)


def test_old_absent_everything_added(small: Path) -> None:
    diff = diff_models(None, _load(small))
    assert diff.summary.added == 26 and diff.summary.removed == 0
    assert diff.old.state == "absent"
    # the small fixture's planted pair is a duplicate group the change introduces
    assert ["app-absensi-dinkes", "app-presensi-bkpsdm"] in [c.group.applications for c in diff.duplicates.introduced]


def test_duplicates_turned_off_is_a_clear_note(small: Path) -> None:
    diff = diff_models(None, _load(small), duplicates=False)
    assert not diff.duplicates.available and diff.duplicates.introduced == []
    assert DUPLICATES_OFF in diff_text(diff) and "turned off" in diff_markdown(diff)
    assert "| duplicate groups |" not in diff_markdown(diff)
    assert diff.exit_code(["duplicate"]) == 0


def test_duplicate_groups_introduced_and_resolved(make_workspace, fake_duplicates: None) -> None:  # type: ignore[no-untyped-def]
    base = "applications:\n" + "".join(
        f"  - {{id: {i}, name: {n}, owner: bkpsdm}}\n" for i, n in
        (("app-absen-a", "Absensi A"), ("app-absen-b", "Absensi B"), ("app-gaji", "Gaji Pegawai"),
         ("app-izin-a", "Izin Usaha"), ("app-izin-b", "Izin Online")))
    new_text = base.replace("{id: app-izin-b, name: Izin Online, owner: bkpsdm}",
                            "{id: app-izin-b, name: Perizinan Online, owner: bkpsdm}")
    new_text += "  - {id: app-absen-c, name: Absensi C, owner: diskominfo}\n"
    new_text += "  - {id: app-gaji-2, name: Gaji Baru, owner: diskominfo}\n"
    old = _load(make_workspace({"a.yaml": base}, name="old"))
    new = _load(make_workspace({"a.yaml": new_text}, name="new"))
    diff = diff_models(old, new)
    assert diff.duplicates.available
    introduced = {tuple(c.group.applications): c for c in diff.duplicates.introduced}
    assert set(introduced) == {("app-absen-a", "app-absen-b", "app-absen-c"), ("app-gaji", "app-gaji-2")}
    grown = introduced[("app-absen-a", "app-absen-b", "app-absen-c")]
    assert grown.pairs == [("app-absen-a", "app-absen-c"), ("app-absen-b", "app-absen-c")]
    assert grown.other == ["app-absen-a", "app-absen-b"]
    assert grown.group.names == ["Absensi A", "Absensi B", "Absensi C"]
    assert [c.group.applications for c in diff.duplicates.resolved] == [["app-izin-a", "app-izin-b"]]
    assert diff.exit_code(["duplicate"]) == 1
    text = diff_markdown(diff)
    assert "New duplicate groups (2)" in text and "Resolved duplicate groups (1)" in text
    # each group's details, in both human formats
    assert ("- `app-absen-a` (Absensi A), `app-absen-b` (Absensi B), `app-absen-c` (Absensi C)\n"
            "  - function: fungsi absensi\n"
            "  - pairs: `app-absen-a` + `app-absen-c`; `app-absen-b` + `app-absen-c`\n"
            "  - other version's group: `app-absen-a`, `app-absen-b`\n"
            "  - proposal: gabungkan\n") in text
    assert ("duplicate groups introduced:\n"
            "  app-absen-a (Absensi A), app-absen-b (Absensi B), app-absen-c (Absensi C)\n"
            "      function: fungsi absensi\n"
            "      pairs: app-absen-a + app-absen-c; app-absen-b + app-absen-c\n"
            "      other version's group: app-absen-a, app-absen-b\n"
            "      proposal: gabungkan\n") in diff_text(diff)


def test_shrinking_group_is_not_new(make_workspace, fake_duplicates: None) -> None:  # type: ignore[no-untyped-def]
    three = "applications:\n" + "".join(
        f"  - {{id: app-{i}, name: Absensi {i}, owner: bkpsdm}}\n" for i in "abc")
    two = three.replace("  - {id: app-c, name: Absensi c, owner: bkpsdm}\n", "")
    diff = diff_models(_load(make_workspace({"a.yaml": three}, name="old")),
                       _load(make_workspace({"a.yaml": two}, name="new")))
    assert diff.duplicates.introduced == []
    assert len(diff.duplicates.resolved) == 1 and diff.duplicates.resolved[0].group.applications == [
        "app-a", "app-b", "app-c"]
    assert diff.exit_code(["duplicate"]) == 0


def test_list_order_and_integration_changes(make_workspace) -> None:  # type: ignore[no-untyped-def]
    old_text = """\
        infrastructure:
          - {id: splp, name: SPLP, owner: diskominfo, kind: splp}
        applications:
          - id: app-a
            name: A
            owner: bkpsdm
            integrations:
              - {target: app-b, via: splp, protocol: api}
              - {target: app-c, protocol: file}
          - {id: app-b, name: B, owner: diskominfo}
          - {id: app-c, name: C, owner: diskominfo}
        """
    reordered = old_text.replace(
        "              - {target: app-b, via: splp, protocol: api}\n              - {target: app-c, protocol: file}",
        "              - {target: app-c, protocol: file}\n              - {target: app-b, via: splp, protocol: api}")
    rerouted = old_text.replace("{target: app-c, protocol: file}", "{target: app-c, via: splp, protocol: api}")
    old = _load(make_workspace({"a.yaml": old_text}, name="old"))
    assert diff_models(old, _load(make_workspace({"a.yaml": reordered}, name="re"))).collections == []
    diff = diff_models(old, _load(make_workspace({"a.yaml": rerouted}, name="new")))
    change = _collection(diff, "applications").changed[0]
    assert [f.field for f in change.fields] == ["integrations"]
    assert [(r.field, r.target, r.integration) for r in change.relations_added] == [
        ("integrations.via", "splp", "app-c")]
    assert change.relations_removed == []
    assert "integrations (via, to app-c): +splp" in diff_text(diff)


def test_collection_change_is_removed_and_added(make_workspace) -> None:  # type: ignore[no-untyped-def]
    old = _load(make_workspace({"a.yaml": "processes:\n  - {id: x-1, name: X, owner: bkpsdm}\n"}, name="old"))
    new = _load(make_workspace({"a.yaml": "services:\n  - {id: x-1, name: X, owner: bkpsdm}\n"}, name="new"))
    diff = diff_models(old, new)
    assert [r.id for r in _collection(diff, "processes").removed] == ["x-1"]
    assert [r.id for r in _collection(diff, "services").added] == ["x-1"]


# --- versions from folders ----------------------------------------------------------------------


def test_unloadable_version_reports_load_errors(small: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(small, broken)
    (broken / "proses.yaml").write_text("processes: [\n", encoding="utf-8")
    diff = compare_folders(broken, small)
    assert diff.old.state == "partial"
    assert [f.rule for f in diff.old.load_errors] == ["SC001"]
    assert "load errors in" in diff_text(diff) and "Load errors in" in diff_markdown(diff)
    # the processes that did not load are compared as added
    assert {r.id for r in _collection(diff, "processes").added} == {"pb-manajemen-asn", "pb-presensi",
                                                                      "pb-pelayanan-kesehatan"}
    manifest_broken = tmp_path / "manifest"
    shutil.copytree(small, manifest_broken)
    (manifest_broken / "spbe.yaml").write_text("spbe: 2\n", encoding="utf-8")
    diff = compare_folders(manifest_broken, small)
    assert diff.old.state == "unloadable" and diff.old.load_errors[0].rule == "SC010"
    assert diff.summary.added == 26
    assert "SC010" in {f.rule for f in diff.findings_resolved}


def test_folder_without_manifest(small: Path, tmp_path: Path) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    version = load_version(empty, "kosong")
    assert version.info.state == "unloadable" and not version.has_manifest
    assert compare_folders(empty, small).summary.added == 26
    from spbe_arch.errors import UsageError

    with pytest.raises(UsageError, match="holds no workspace"):
        compare_folders(empty, empty)


def test_cli_compares_two_folders(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "app-baru" in result.stdout and "hosted_on: +vm-2 -vm-1" in result.stdout
    assert runner.invoke(app, ["diff", str(old), str(new), "--fail-on-new", "warning"]).exit_code == 1
    assert runner.invoke(app, ["diff", str(old), str(new), "--fail-on-new", "error"]).exit_code == 0
    both = runner.invoke(app, ["diff", str(old), str(new), "--fail-on-new", "error", "--fail-on-new", "warning"])
    assert both.exit_code == 1
    bad = runner.invoke(app, ["diff", str(old), str(new), "--fail-on-new", "nothing"])
    assert bad.exit_code == 2


def test_cli_writes_output_file(two_versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = two_versions
    target = tmp_path / "out" / "diff.md"
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "-f", "md", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("### Architecture change:")


def test_json_round_trips(two_versions: tuple[Path, Path]) -> None:
    diff = compare_folders(*two_versions)
    again = ModelDiff.model_validate_json(diff_json(diff))
    assert again == diff


# --- Markdown ------------------------------------------------------------------------------------

HOSTILE = ('Aplikasi <script>alert(1)</script> | *tebal* _miring_ [tautan](https://x.test) `kode` &amp; \\ '
           '~~x~~ @tim #12')


def _render(markdown: str) -> str:
    """Rendered as GitHub and GitLab do: CommonMark with raw HTML allowed, tables and strikethrough."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)


def test_md_escape_renders_literally() -> None:
    html = _render(f"before {md(HOSTILE)} after")
    assert "<script>" not in html and "<a " not in html and "<em>" not in html and "<strong>" not in html
    assert "<code>" not in html and "<s>" not in html
    assert "&lt;script&gt;" in html
    assert "[tautan](https://x.test)" in html
    assert "&amp;amp;" in html  # the model's literal "&amp;" stays literal
    assert md("a\nb\r\nc") == "a b c"


def test_code_span_falls_back_for_unsafe_text() -> None:
    assert code("app-simpeg") == "`app-simpeg`"
    assert code("a/b.yaml:3:5") == "`a/b.yaml:3:5`"
    assert _render(code("x`y|z")) == "<p>x`y|z</p>\n"  # literal text, no code span


def test_markdown_escapes_model_text(make_workspace) -> None:  # type: ignore[no-untyped-def]
    name = HOSTILE.replace('"', "'")
    old = _load(make_workspace({"a.yaml": "applications: []\n"}, name="old"))
    new = _load(make_workspace({"a.yaml": f"applications:\n  - id: app-x\n    name: \"{name}\"\n"
                                          "    owner: bkpsdm\n"}, name="new"))
    text = diff_markdown(diff_models(old, new, old_label="main <b>", new_label="HEAD | x"))
    html = _render(text)
    assert "<script>" not in html and "<a " not in html and "<b>" not in html
    assert html.count("<table>") == 2  # the summary tables survive the | in the labels and names
    assert "<details>" in html and "<summary>" in html


def test_markdown_summary_first_details_collapsed(two_versions: tuple[Path, Path]) -> None:
    text = diff_markdown(compare_folders(*two_versions))
    assert text.index("| collection |") < text.index("<details>")
    assert "<details open" not in text
    html = _render(text)
    assert "<td>Aplikasi (<code>applications</code>)</td>" in html


def test_text_escapes_control_characters() -> None:
    assert plain("a\x1b[31mb\nc") == "a\\x1b[31mb c"


def test_snapshots(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    diff = diff_models(_load(old), _load(new), old_label="main", new_label="working tree")
    assert_snapshot("diff/folders.md", diff_markdown(diff))
    assert_snapshot("diff/folders.txt", diff_text(diff))


def test_real_duplicate_finder(small: Path) -> None:
    """The wiring to spbe_arch.duplicates: its groups, with names, function and proposal."""
    groups = duplicate_groups(_load(small))
    assert all(isinstance(g, DuplicateGroup) and len(g.applications) >= 2 for g in groups)
    planted = next(g for g in groups if g.applications == ["app-absensi-dinkes", "app-presensi-bkpsdm"])
    assert planted.names == ["Absensi Online Dinas Kesehatan", "e-Presensi Pegawai"]
    assert planted.function and planted.proposal
    assert duplicate_groups(None) == []


def test_markdown_fits_a_comment(make_workspace) -> None:  # type: ignore[no-untyped-def]
    apps = "applications:\n" + "".join(
        f"  - {{id: app-{i:04d}, name: Aplikasi Layanan Nomor {i} dengan nama yang cukup panjang, owner: bkpsdm}}\n"
        for i in range(900))
    diff = diff_models(None, _load(make_workspace({"a.yaml": apps})))
    full = diff_markdown(diff, max_chars=10**9)
    assert len(full) > 60_000
    text = diff_markdown(diff)
    assert len(text) <= 60_000
    assert "| **total** | **902** | **0** | **0** |" in text  # the summary stays whole
    assert "more (the JSON format lists them all)" in text
    assert "`app-0000`" in text


def test_cli_no_duplicates(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(old), str(new), "--no-duplicates"])
    assert result.exit_code == 0 and DUPLICATES_OFF in result.stdout
    refused = runner.invoke(app, ["diff", str(old), str(new), "--no-duplicates", "--fail-on-new", "duplicate"])
    assert refused.exit_code == 2 and "needs the duplicate comparison" in refused.output
