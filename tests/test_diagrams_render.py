"""Finding and running the renderer, and the ``spbe diagram`` command."""

from __future__ import annotations

import os
import stat
import sysconfig
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.diagrams import (
    DiagramProblems,
    RendererUnavailable,
    build_dot,
    candidates,
    find_renderer,
    render,
    render_many,
    write_all,
)
from spbe_arch.diagrams import renderer as renderer_module
from spbe_arch.errors import SpbeError
from spbe_arch.loader import open_workspace

SMALL = Path(__file__).parent / "fixtures" / "small"
posix_only = pytest.mark.skipif(os.name != "posix", reason="fake renderers are shell scripts")


@pytest.fixture(autouse=True)
def _no_renderer_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPBE_DOT", raising=False)


def fake(folder: Path, name: str, body: str) -> Path:
    """An executable shell script standing in for a renderer."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def no_renderer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine where no renderer can be found: no package script, nothing on PATH."""
    scripts, on_path = tmp_path / "scripts", tmp_path / "path-bin"
    scripts.mkdir()
    on_path.mkdir()
    monkeypatch.setattr(renderer_module.sysconfig, "get_path", lambda name: str(scripts))
    monkeypatch.setenv("PATH", str(on_path))
    return on_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["diagram", *args])
    return result.exit_code, result.stdout, result.stderr


# --- resolution order -------------------------------------------------------------------------

def test_the_package_renderer_comes_first() -> None:
    found = find_renderer()
    assert found is not None and found.name.startswith("graphviz-pure")
    assert Path(found.path).parent == Path(sysconfig.get_path("scripts"))
    assert found.origin == "package" and "pdf" not in found.formats


@posix_only
def test_explicit_option_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = fake(tmp_path, "graphviz-pure", "cat >/dev/null; echo '<svg/>'")
    other = fake(tmp_path / "other", "dot", "cat >/dev/null; echo '<svg/>'")
    monkeypatch.setenv("SPBE_DOT", str(other))
    assert candidates(str(mine))[0].path == str(mine) and candidates(str(mine))[0].origin == "--dot"
    from_env = find_renderer()
    assert from_env is not None and from_env.path == str(other) and from_env.origin == "SPBE_DOT"
    assert from_env.formats == frozenset({"svg", "png", "pdf"})  # a `dot` can make PDF


def test_an_explicit_renderer_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SpbeError, match="is not an executable file or a command on PATH"):
        find_renderer(str(tmp_path / "nope"))


@posix_only
def test_path_then_system_dot(no_renderer: Path) -> None:
    fake(no_renderer, "dot", "cat >/dev/null; printf '%%PDF-1.4 fake'")
    assert find_renderer() is not None and find_renderer().origin == "system dot"  # type: ignore[union-attr]
    fake(no_renderer, "graphviz-pure", "cat >/dev/null; echo '<svg/>'")
    assert [r.origin for r in candidates()] == ["PATH", "system dot"]
    assert find_renderer(fmt="pdf").origin == "system dot"  # type: ignore[union-attr]
    assert render("digraph {}", "pdf") == b"%PDF-1.4 fake"  # only the system dot makes PDF


def test_no_renderer_at_all(no_renderer: Path) -> None:
    assert find_renderer() is None
    with pytest.raises(RendererUnavailable, match="no Graphviz renderer found to make svg; install graphviz-pure"):
        render("digraph {}", "svg")


def test_pdf_without_a_system_dot_says_what_is_needed() -> None:
    with pytest.raises(RendererUnavailable, match="PDF needs a system Graphviz `dot`"):
        render("digraph {}", "pdf")


# --- failures of the renderer -------------------------------------------------------------------

@posix_only
def test_a_crashing_renderer_gives_its_message(tmp_path: Path) -> None:
    crash = fake(tmp_path, "graphviz-pure", "cat >/dev/null; echo 'Error: syntax error in line 1' >&2; exit 3")
    with pytest.raises(SpbeError, match=r"failed with exit code 3: Error: syntax error in line 1"):
        render("digraph {}", "svg", renderer=find_renderer(str(crash)))


@posix_only
def test_a_hanging_renderer_is_stopped(tmp_path: Path) -> None:
    # It starts a child that keeps the pipes open: the whole process group must be stopped.
    hang = fake(tmp_path, "graphviz-pure", "sleep 30 & sleep 30")
    with pytest.raises(SpbeError, match=r"did not finish within 0.5 s and was stopped"):
        render("digraph {}", "svg", timeout=0.5, renderer=find_renderer(str(hang)))


# --- the command ---------------------------------------------------------------------------------

def test_list_and_unknown_views() -> None:
    code, out, _ = run(str(SMALL), "--list")
    assert code == 0 and out.splitlines()[:3] == ["landscape", "integration", "infrastructure"]
    code, _, err = run(str(SMALL), "--view", "lanscape")
    assert code == 2 and "unknown view 'lanscape'; choose one of: landscape," in err
    code, _, err = run(str(SMALL), "--view", "opd:dinkess")
    assert code == 2 and "no element with id 'dinkess'; did you mean 'dinkes'" in err
    code, _, err = run(str(SMALL))
    assert code == 2 and "give one of --view NAME, --all or --list" in err


def test_one_view_in_each_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(str(SMALL), "--view", "landscape", "-f", "dot")
    assert code == 0 and out.startswith("digraph landscape {")
    code, out, _ = run(str(SMALL), "--view", "service:ly-presensi", "--format", "mermaid")
    assert code == 0 and out.startswith("---\ntitle: ") and "flowchart LR" in out
    code, out, _ = run(str(SMALL), "--view", "landscape", "-o", "peta.png")  # the format from the name
    assert code == 0 and out == "wrote peta.png\n"
    assert (tmp_path / "peta.png").read_bytes().startswith(b"\x89PNG")
    code, out, _ = run(str(SMALL), "--view", "opd:dinkes")
    assert code == 0 and (tmp_path / "opd-dinkes.svg").read_bytes().startswith(b"<?xml")
    code, out, _ = run(str(SMALL), "--view", "context:app-simpeg", "--depth", "2", "-o", "-")
    assert code == 0 and out.startswith("<?xml") and "Data Presensi Pegawai" in out


def test_missing_renderer_keeps_the_dot_and_says_so(tmp_path: Path, no_renderer: Path) -> None:
    code, _, err = run(str(SMALL), "--view", "landscape", "-o", str(tmp_path / "peta.svg"))
    assert code == 2
    assert "no Graphviz renderer found to make svg" in err and f"DOT source is written to {tmp_path}" in err
    assert (tmp_path / "peta.dot").read_text(encoding="utf-8").startswith("digraph landscape {")
    assert not (tmp_path / "peta.svg").exists()


@posix_only
def test_hanging_renderer_from_the_command_keeps_the_dot(tmp_path: Path) -> None:
    hang = fake(tmp_path / "bin", "graphviz-pure", "exec sleep 30")
    code, _, err = run(str(SMALL), "--view", "landscape", "-o", str(tmp_path / "peta.png"), "--dot", str(hang),
                       "--timeout", "1")
    assert code == 2 and "did not finish within 1 s" in err and "the DOT source is written to" in err
    assert (tmp_path / "peta.dot").exists() and not (tmp_path / "peta.png").exists()


def test_all_views_with_an_index(tmp_path: Path) -> None:
    out = tmp_path / "gambar"
    code, stdout, _ = run(str(SMALL), "--all", "-o", str(out), "-f", "svg", "-f", "png", "-f", "mermaid")
    assert code == 0 and stdout.startswith("wrote 9 views (dot, mermaid, svg, png) and")
    for name in ("landscape", "integration", "infrastructure", "opd-bkpsdm", "service-ly-presensi", "duplicates"):
        for suffix in (".svg", ".png", ".dot", ".mmd"):
            assert (out / f"{name}{suffix}").stat().st_size > 0, name + suffix
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'font-family: Arial, "Liberation Sans", Arimo' in index
    assert '<img src="opd-bkpsdm.svg" alt="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)"' in index
    assert index.count("<figure") == 9 and '<a href="landscape.mmd">Mermaid</a>' in index


def test_all_without_a_renderer_writes_the_dot_files(tmp_path: Path, no_renderer: Path) -> None:
    code, _, err = run(str(SMALL), "--all", "-o", str(tmp_path))
    assert code == 2 and "SVG not written: no Graphviz renderer found" in err
    assert len(list(tmp_path.glob("*.dot"))) == 9 and not list(tmp_path.glob("*.svg"))
    assert "SVG not written" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_several_views_in_one_run_give_the_same_bytes() -> None:
    workspace, _ = open_workspace(SMALL)
    sources = [build_dot(workspace, view) for view in ("landscape", "opd:bkpsdm", "infrastructure")]
    for fmt in ("svg", "png"):
        assert render_many(sources, fmt) == [render(source, fmt) for source in sources]


@posix_only
def test_all_goes_on_after_a_view_the_renderer_fails_on(tmp_path: Path) -> None:
    # A renderer that fails on one graph only (the one that names the integration view).
    real = find_renderer()
    assert real is not None
    stdin = tmp_path / "stdin.dot"
    # one stdin copy per run ($$): the views are drawn in parallel
    picky = fake(tmp_path / "bin", "graphviz-pure", f"""
cat > {stdin}.$$.dot
for arg in "$@" {stdin}.$$.dot; do
  case "$arg" in *.dot) if grep -q "digraph integration" "$arg"; then echo "panic in layout" >&2; exit 101; fi;; esac
done
exec {real.path} "$@" < {stdin}.$$.dot""")
    workspace, _ = open_workspace(SMALL)
    with pytest.raises(DiagramProblems) as caught:
        write_all(workspace, tmp_path / "out", ["svg"], dot=str(picky))
    assert caught.value.run.problems == [
        f"SVG not written for 1 of 9 views (integration: the renderer {picky} (--dot) failed with exit code 101: "
        f"panic in layout); the DOT sources are in {tmp_path / 'out'}"]
    assert (tmp_path / "out" / "landscape.svg").exists() and not (tmp_path / "out" / "integration.svg").exists()


@posix_only
def test_all_gives_up_on_a_hanging_renderer(tmp_path: Path) -> None:
    hang = fake(tmp_path / "bin", "graphviz-pure", "exec sleep 30")
    workspace, _ = open_workspace(SMALL)
    with pytest.raises(DiagramProblems) as caught:
        write_all(workspace, tmp_path / "out", ["svg"], dot=str(hang), timeout=1)
    (problem,) = caught.value.run.problems
    assert problem.startswith("SVG not written for 9 of 9 views (") and "did not finish within 1 s" in problem
    assert len(list((tmp_path / "out").glob("*.dot"))) == 9


@posix_only
def test_write_all_reports_a_renderer_that_always_fails(tmp_path: Path) -> None:
    crash = fake(tmp_path / "bin", "graphviz-pure", "cat >/dev/null; echo boom >&2; exit 1")
    workspace, _ = open_workspace(SMALL)
    with pytest.raises(DiagramProblems) as caught:
        write_all(workspace, tmp_path / "out", ["svg"], dot=str(crash))
    problem = caught.value.run.problems[0]
    assert problem.startswith("SVG not written for 9 of 9 views") and "boom" in problem
    assert len(caught.value.run.files) == 10  # the DOT sources and the index are still there


def test_write_all_returns_every_file(tmp_path: Path) -> None:
    workspace, _ = open_workspace(SMALL)
    files = write_all(workspace, tmp_path, ["svg"])
    assert {f.name for f in files} >= {"landscape.svg", "landscape.dot", "index.html"}
    assert all(f.exists() for f in files)
    assert build_dot(workspace, "landscape") == (tmp_path / "landscape.dot").read_text(encoding="utf-8")
