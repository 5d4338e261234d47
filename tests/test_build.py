"""``spbe build``: every output in one folder, an index that links them, the exit code of validation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.build import STEPS, build
from spbe_arch.cli import app
from spbe_arch.errors import WorkspaceError


@pytest.fixture
def fast_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document's figures from a stub (the diagram folder still uses the real renderer)."""
    from tests.test_document import STUB_SVG, _stub_png

    png = _stub_png()
    monkeypatch.setattr("spbe_arch.document.data.diagram_renderer",
                        lambda: ((lambda dot, fmt, dpi: STUB_SVG if fmt == "svg" else png), ""))


def test_build_writes_every_output_and_an_index(small: Path, tmp_path: Path, fast_figures: None) -> None:
    steps: list[tuple[str, int, int]] = []
    result = build(small, tmp_path / "out", progress=lambda s, i, n: steps.append((s, i, n)))
    out = tmp_path / "out"
    assert result.exit_code == 0 and result.loaded
    assert [s for s, _, _ in steps] == list(STEPS) and all(n == len(STEPS) for _, _, n in steps)
    for name in ("dokumen-arsitektur-spbe.html", "dokumen-arsitektur-spbe.md", "dokumen-arsitektur-spbe.docx",
                 "dokumen-arsitektur-spbe.pdf", "temuan.json", "temuan.txt", "statistik.json", "duplikasi.json",
                 "duplikasi.md", "index.html",
                 "diagram/index.html", "diagram/landscape.svg", "diagram/landscape.dot"):
        assert (out / name).is_file(), name
    assert any((out / "dokumen-arsitektur-spbe-gambar").glob("*.svg"))
    findings = json.loads((out / "temuan.json").read_text(encoding="utf-8"))
    assert findings["summary"]["errors"] == 0 and findings["summary"]["warnings"] == result.summary.warnings
    assert json.loads((out / "statistik.json").read_text(encoding="utf-8"))["counts"]["applications"] == 5
    assert "app-absensi-dinkes" in (out / "duplikasi.json").read_text(encoding="utf-8")
    # the Markdown report is read by officials beside the document: Indonesian, applications by name
    report = (out / "duplikasi.md").read_text(encoding="utf-8")
    assert report.startswith("# Duplikasi aplikasi") and "Usulan:" in report and "ambang 0,58" in report
    assert "Absensi Online Dinas Kesehatan" in report and "app-absensi-dinkes" not in report
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert {"dokumen-arsitektur-spbe.docx", "temuan.txt", "diagram/index.html", "duplikasi.md"} <= set(links)
    assert all((out / link).is_file() for link in links)
    assert "Validasi: 0 galat" in index


def test_build_is_deterministic(small: Path, tmp_path: Path, fast_figures: None) -> None:
    build(small, tmp_path / "a")
    build(small, tmp_path / "b")
    names = sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(tmp_path / "b").as_posix() for p in (tmp_path / "b").rglob("*")
                           if p.is_file())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_build_with_errors_writes_everything_and_exits_1(make_workspace, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        fast_figures: None) -> None:
    root = make_workspace({"aplikasi.yaml": """
        applications:
          - {id: app-a, name: Aplikasi A, owner: diskominfo, supports: [pb-hilang]}
    """})
    result = CliRunner().invoke(app, ["build", str(root), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert re.search(r"^validation: [1-9]\d* error\(s\)", result.output, flags=re.M)
    assert (tmp_path / "out" / "dokumen-arsitektur-spbe.docx").is_file()
    findings = (tmp_path / "out" / "temuan.txt").read_text(encoding="utf-8")
    assert "kesalahan RF001 Aplikasi A merujuk “pb-hilang”" in findings  # in Indonesian


def test_build_of_an_unreadable_workspace_writes_the_findings(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "spbe.yaml").write_text("spbe: 1\ngovernment: [bukan, peta]\n", encoding="utf-8")
    with pytest.raises(WorkspaceError):
        build(root, tmp_path / "out")
    assert (tmp_path / "out" / "temuan.txt").read_text(encoding="utf-8").strip()
    assert (tmp_path / "out" / "index.html").is_file()
    result = CliRunner().invoke(app, ["build", str(root), "-o", str(tmp_path / "out2")])
    assert result.exit_code == 2 and "cannot be loaded" in result.output


def test_build_is_quiet_when_not_on_a_terminal(small: Path, tmp_path: Path, fast_figures: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    result = CliRunner().invoke(app, ["build", str(small), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("wrote ") and lines[1].startswith("validation: 0 error(s)")
    assert "\r" not in result.output and "\x1b" not in result.output


def test_build_without_fork_draws_the_diagrams_in_a_thread(small: Path, tmp_path: Path, fast_figures: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    result = build(small, tmp_path / "out")
    assert result.exit_code == 0
    assert (tmp_path / "out" / "diagram" / "index.html").is_file()


def test_a_figure_that_cannot_be_drawn_is_said_in_indonesian_and_explained_in_the_notes(
        small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_arch.errors import SpbeError

    def broken(dot: str, fmt: str, dpi: int | None) -> bytes:
        raise SpbeError("the layout engine gave up")

    monkeypatch.setattr("spbe_arch.document.data.diagram_renderer", lambda: (broken, ""))
    result = build(small, tmp_path / "out")
    document = (tmp_path / "out" / "dokumen-arsitektur-spbe.md").read_text(encoding="utf-8")
    assert "diagram ini belum dapat digambar dari model arsitektur" in document
    assert "layout engine" not in document  # no English in the deliverable ...
    assert any(note.startswith("figure ") and note.endswith("not in the document: the layout engine gave up")
               for note in result.notes)  # ... the cause is in the build's notes
