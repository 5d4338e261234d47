"""The attack cases: paths, output targets, resources, init, the manifest period, each a clean answer."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.reliability.conftest import add_yaml
from tests.reliability.harness import run

SECRET = "SECRET-OUTSIDE-THE-WORKSPACE"


def _manifest(ws: Path, **changes: object) -> None:
    path = ws / "spbe.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- paths named in a workspace ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["/etc/passwd", "../../../../etc/passwd", "../secret.yaml", "link.yaml"])
def test_reference_extensions_outside_the_workspace_is_refused_with_its_line(sandbox: Path, name: str) -> None:
    ws = sandbox / "ws"
    (sandbox / "secret.yaml").write_text(f"codes:\n  - {{code: RAA.99.99.99, name: {SECRET}}}\n", encoding="utf-8")
    (ws / "link.yaml").symlink_to(sandbox / "secret.yaml")
    _manifest(ws, reference_extensions=name)
    for args in (["validate", str(ws)], ["validate", str(ws), "-f", "json"], ["doc", str(ws), "-f", "md", "-o", "-"]):
        outcome = run("ref-ext", args, sandbox)
        assert outcome.category in ("ok", "clean-error"), outcome.detail
        assert SECRET not in outcome.output and "root:x:0" not in outcome.output
    text = run("ref-ext", ["validate", str(ws)], sandbox).output
    assert "spbe.yaml:" in text and "RC004" in text and "outside the workspace" in text


def test_links_devices_and_fifos_in_the_workspace_are_errors_not_reads(sandbox: Path) -> None:
    ws = sandbox / "ws"
    (sandbox / "outside.yaml").write_text(f"applications:\n  - {{id: app-leak, name: {SECRET}, owner: bkpsdm}}\n",
                                          encoding="utf-8")
    (ws / "leak.yaml").symlink_to(sandbox / "outside.yaml")
    (ws / "zero.yaml").symlink_to("/dev/zero")
    os.mkfifo(ws / "pipe.yaml")
    outcome = run("links", ["validate", str(ws)], sandbox, timeout=30)
    assert outcome.category == "clean-error", outcome.detail
    assert SECRET not in outcome.output
    for name in ("leak.yaml", "zero.yaml", "pipe.yaml"):
        assert f"{name}:1:1: error SC002" in outcome.output


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_an_error_not_a_silent_loss(sandbox: Path) -> None:
    folder = sandbox / "ws" / "aplikasi"
    folder.chmod(0)
    try:
        outcome = run("unreadable", ["validate", str(sandbox / "ws")], sandbox)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert outcome.category == "clean-error" and "aplikasi" in outcome.output and "SC002" in outcome.output


def test_an_unreadable_folder_is_reported_by_the_walk(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as root can see it: the walk's error reaches the findings (never skipped in silence)."""
    from spbe_arch import loader

    real_walk = os.walk

    def failing_walk(top: object, onerror: object = None, **kwargs: object) -> object:
        for entry in real_walk(top, **kwargs):  # type: ignore[call-overload]
            dirpath, dirnames, _ = entry
            if onerror is not None and "aplikasi" in dirnames:
                dirnames.remove("aplikasi")
                onerror(PermissionError(13, "Permission denied", str(Path(dirpath) / "aplikasi")))
            yield entry

    monkeypatch.setattr(loader.os, "walk", failing_walk)
    outcome = run("unreadable", ["validate", str(sandbox / "ws")], sandbox)
    assert outcome.category == "clean-error"
    assert "aplikasi:1:1: error SC002 folder cannot be read: Permission denied" in outcome.output


# --- output targets ------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["fifo", "/proc/self", "/", "dir", "link", "file/below"])
def test_odd_output_targets_give_one_clean_line(sandbox: Path, target: str) -> None:
    """A FIFO stands for /dev/null and other devices: the same refusal, and no risk to the real device."""
    os.mkfifo(sandbox / "fifo")
    (sandbox / "dir").mkdir()
    (sandbox / "file").write_text("keep", encoding="utf-8")
    (sandbox / "real.svg").write_text("keep", encoding="utf-8")
    (sandbox / "link").symlink_to(sandbox / "real.svg")
    path = target if target.startswith("/") else str(sandbox / target)
    for args in (["doc", str(sandbox / "ws"), "-f", "md", "-o", path],
                 ["export", "archimate", str(sandbox / "ws"), "-o", path],
                 ["export", "graph", str(sandbox / "ws"), "-f", "json", "-o", path]):
        outcome = run(f"target {target}", args, sandbox, allowed=[])
        assert outcome.category == "clean-error", (args, outcome.detail, outcome.output)
        assert outcome.output.count("\n") == 1 and outcome.output.startswith("spbe: error: ")
    assert stat.S_ISFIFO(os.lstat(sandbox / "fifo").st_mode)
    assert (sandbox / "link").is_symlink() and (sandbox / "real.svg").read_text(encoding="utf-8") == "keep"


def test_dash_means_standard_output_or_is_refused(sandbox: Path) -> None:
    ws = str(sandbox / "ws")
    for args in (["export", "graph", ws, "-f", "json", "-o", "-"], ["doc", ws, "-f", "md", "-o", "-"],
                 ["diagram", ws, "--view", "landscape", "-f", "dot", "-o", "-"]):
        outcome = run("dash", args, sandbox)
        assert outcome.category == "ok" and outcome.output.strip(), args
    for args in (["export", "archimate", ws, "-o", "-"], ["export", "archi-csv", ws, "-o", "-"],
                 ["build", ws, "-o", "-"], ["export", "schema", "-o", "-"]):
        outcome = run("dash", args, sandbox)
        assert outcome.category == "clean-error", (args, outcome.detail)
    assert not (Path.cwd() / "-").exists() and not (sandbox / "-").exists()


def test_a_failed_write_keeps_the_previous_file(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    target = sandbox / "out.md"
    target.write_text("previous", encoding="utf-8")

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("spbe_arch.fileio.os.replace", full)
    outcome = run("full disk", ["doc", str(sandbox / "ws"), "-f", "md", "-o", str(target)], sandbox,
                  allowed=["out.md", "out-gambar"])
    assert outcome.category == "clean-error" and "the disk is full" in outcome.output
    assert target.read_text(encoding="utf-8") == "previous"
    assert not [p for p in sandbox.iterdir() if p.name.endswith(".tmp")]


def test_long_ids_become_bounded_unique_file_names(sandbox: Path) -> None:
    ws = sandbox / "ws"
    stem = "a" * 250
    add_yaml(ws, "long.yaml", {"organizations": [
        {"id": stem + "1", "name": "Satu", "kind": "dinas", "affairs": ["2.16"]},
        {"id": stem + "2", "name": "Dua", "kind": "dinas", "affairs": ["2.16"]}],
        "applications": [{"id": "app-l1", "name": "L1", "owner": stem + "1"},
                         {"id": "app-l2", "name": "L2", "owner": stem + "2"}]})
    outcome = run("long ids", ["diagram", str(ws), "--all", "-f", "dot", "-o", str(sandbox / "out")], sandbox,
                  allowed=["out"])
    assert outcome.category == "ok", outcome.detail
    long_names = [p.name for p in (sandbox / "out").iterdir() if p.name.startswith("opd-aaa")]
    assert len(long_names) == 2 and all(len(n.encode()) <= 130 for n in long_names)


# --- resources -----------------------------------------------------------------------------------


def test_a_4000_digit_budget_is_a_finding(sandbox: Path) -> None:
    ws = sandbox / "ws"
    add_yaml(ws, "rm.yaml", {"roadmap": [{"id": "rm-big", "name": "Besar", "owner": "bkpsdm", "substance": "aplikasi",
                                          "year": 2026, "budget": int("9" * 4000)}]})
    outcome = run("budget", ["validate", str(ws)], sandbox)
    assert outcome.category == "ok" and outcome.exit_code == 1 and "budget" in outcome.output
    doc = run("budget doc", ["doc", str(ws), "-f", "md", "-o", "-"], sandbox)
    assert doc.category in ("ok", "clean-error"), doc.detail


@pytest.mark.slow
def test_a_5000_deep_chain_is_drawn_and_built(sandbox: Path) -> None:
    ws = sandbox / "ws"
    infra = [{"id": "i0", "name": "I0", "owner": "bkpsdm", "kind": "pusat-data"}] + [
        {"id": f"i{i}", "name": f"I{i}", "owner": "bkpsdm", "kind": "server", "located_in": f"i{i - 1}"}
        for i in range(1, 5000)]
    add_yaml(ws, "deep.yaml", {"infrastructure": infra})
    for fmt, name in (("dot", "i.dot"), ("mermaid", "i.mmd")):
        outcome = run("deep", ["diagram", str(ws), "--view", "infrastructure", "-f", fmt, "-o",
                               str(sandbox / "out" / name)], sandbox, allowed=["out"], timeout=600)
        assert outcome.category == "ok", outcome.detail
    assert "tingkat" in (sandbox / "out" / "i.dot").read_text(encoding="utf-8")


def _xlsx(path: Path, sheet_xml: str) -> Path:
    """A minimal workbook around one sheet's XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
                   '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return path


SHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


@pytest.mark.parametrize("case", ["merged-17-billion", "zip-bomb", "year-1e309", "merge-beyond-columns"])
def test_hostile_spreadsheets_are_clean_errors(sandbox: Path, case: str) -> None:
    header = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Nama Aplikasi</t></is></c><c r="B1" t="inlineStr"><is>'
              '<t>OPD</t></is></c><c r="C1" t="inlineStr"><is><t>Tahun</t></is></c></row>')
    row = ('<row r="2"><c r="A2" t="inlineStr"><is><t>SIMPEG</t></is></c><c r="B2" t="inlineStr"><is><t>BKPSDM</t>'
           '</is></c><c r="C2"><v>{year}</v></c></row>')
    if case == "merged-17-billion":
        xml = f"{SHEET}<sheetData>{header}</sheetData><mergeCells><mergeCell ref=\"A3:XFD16777\"/></mergeCells>"
    elif case == "zip-bomb":
        cells = "".join(f'<row r="{r}">' + '<c><v>1</v></c>' * 400 + "</row>" for r in range(3, 10_003))
        xml = f"{SHEET}<sheetData>{header}{cells}</sheetData>"
    elif case == "year-1e309":
        xml = f"{SHEET}<sheetData>{header}{row.format(year='1E+309')}</sheetData>"
    else:
        xml = (f"{SHEET}<sheetData>{header}{row.format(year='2020')}</sheetData><mergeCells>"
               '<mergeCell ref="AZ2:BA3"/></mergeCells>')
    book = _xlsx(sandbox / "inv.xlsx", xml + "</worksheet>")
    outcome = run(case, ["import", "inventory", str(book), "--into", str(sandbox / "new"), "--government", "X"],
                  sandbox, allowed=["new"], timeout=120)
    assert outcome.category in ("ok", "clean-error"), (outcome.detail, outcome.output[-500:])
    if case in ("merged-17-billion", "zip-bomb"):
        assert outcome.category == "clean-error" and "limit" in outcome.output


def test_a_csv_field_over_131072_characters_is_read_or_refused_cleanly(sandbox: Path) -> None:
    path = sandbox / "inv.csv"
    path.write_text("Nama Aplikasi,OPD,Keterangan\nSIMPEG,BKPSDM," + "x" * 200_000 + "\n"
                    + "Lain,BKPSDM," + "y" * 2_000_000 + "\n", encoding="utf-8")
    outcome = run("csv field", ["import", "inventory", str(path), "--into", str(sandbox / "new"), "--government",
                                "X"], sandbox, allowed=["new"])
    assert outcome.category == "clean-error" and "1048576" in outcome.output


def test_a_mapping_that_is_a_device_is_refused(sandbox: Path) -> None:
    path = sandbox / "inv.csv"
    path.write_text("Nama Aplikasi,OPD\nSIMPEG,BKPSDM\n", encoding="utf-8")
    outcome = run("mapping", ["import", "inventory", str(path), "--into", str(sandbox / "new"), "--mapping",
                              "/dev/zero"], sandbox, allowed=["new"], timeout=30)
    assert outcome.category == "clean-error" and "not a regular file" in outcome.output


def test_a_corrupt_word_template_is_a_clean_error(sandbox: Path) -> None:
    folder = sandbox / "tpl" / "document"
    folder.mkdir(parents=True)
    (folder / "template.docx").write_bytes(b"not a zip")
    outcome = run("docx", ["doc", str(sandbox / "ws"), "-f", "docx", "--templates", str(sandbox / "tpl"), "-o",
                           str(sandbox / "d.docx")], sandbox, allowed=["d.docx"])
    assert outcome.category == "clean-error" and "Word template" in outcome.output


# --- init and the manifest ----------------------------------------------------------------------


def test_init_with_punctuation_writes_a_manifest_that_loads(sandbox: Path) -> None:
    target = sandbox / "baru"
    outcome = run("init", ["init", str(target), "--name", "Pemerintah Kota Baru: Tahap #2", "--code", "35.78"],
                  sandbox, allowed=["baru"])
    assert outcome.category == "ok"
    lines = outcome.output.splitlines()
    assert len(lines) == len(set(lines)), "each line is printed once"
    manifest = yaml.safe_load((target / "spbe.yaml").read_text(encoding="utf-8"))
    assert manifest["government"]["name"] == "Pemerintah Kota Baru: Tahap #2"
    assert manifest["government"]["code"] == "35.78"
    assert run("validate", ["validate", str(target)], sandbox).category == "ok"


@pytest.mark.parametrize("option", ["--name", "--code"])
def test_init_cannot_inject_keys(sandbox: Path, option: str) -> None:
    outcome = run("init", ["init", str(sandbox / "baru"), option, "X\nrules: {SC006: off}"], sandbox)
    assert outcome.category == "clean-error"
    assert not (sandbox / "baru" / "spbe.yaml").exists()


def test_init_on_an_existing_file_is_a_clean_error(sandbox: Path) -> None:
    (sandbox / "afile").write_text("x", encoding="utf-8")
    assert run("init", ["init", str(sandbox / "afile")], sandbox).category == "clean-error"
    assert run("init", ["init", str(sandbox / "ws")], sandbox).category == "clean-error"


def test_a_period_that_starts_after_it_ends_is_refused(sandbox: Path) -> None:
    _manifest(sandbox / "ws", period={"start": 2030, "end": 2025})
    outcome = run("period", ["validate", str(sandbox / "ws")], sandbox)
    assert outcome.category == "clean-error" and "starts (2030) after it ends (2025)" in outcome.output


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_in_a_shallow_clone_with_the_default_base_says_so(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    source = sandbox / "src"
    git = ["git", "-c", "user.email=t@example.test", "-c", "user.name=t", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", str(source)], check=True)
    shutil.copytree(sandbox / "ws", source / "ws")
    for message in ("one", "two"):
        (source / "ws" / "catatan.txt").write_text(message, encoding="utf-8")
        subprocess.run([*git, "-C", str(source), "add", "-A"], check=True)
        subprocess.run([*git, "-C", str(source), "commit", "-qm", message], check=True)
    clone = sandbox / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", source.as_uri(), str(clone)], check=True)
    monkeypatch.chdir(clone)
    for name in ("CI_MERGE_REQUEST_DIFF_BASE_SHA", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
                 "CI_DEFAULT_BRANCH"):
        monkeypatch.delenv(name, raising=False)
    outcome = run("shallow", ["diff", "-w", "ws"], sandbox)
    assert outcome.category == "clean-error" and "shallow clone" in outcome.output


def test_an_unknown_key_holding_a_bracket_is_a_finding(sandbox: Path) -> None:
    """Found by the fuzzer: a key such as ``x]]y[[`` was dropped from the error's location, then indexed."""
    add_yaml(sandbox / "ws", "kunci.yaml", {"applications": [{"id": "app-kunci", "name": "Kunci", "owner": "bkpsdm",
                                                              "x]]PWNED[[ end": 1}]})
    outcome = run("bracket key", ["validate", str(sandbox / "ws")], sandbox)
    assert outcome.category == "ok" and "SC005" in outcome.output and "unknown key 'x]]PWNED[[ end'" in outcome.output
