"""``spbe build`` all or nothing: a staged folder swapped in, a lock, signals, outputs no longer made."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spbe_arch.build import build
from spbe_arch.errors import SpbeError
from spbe_arch.staging import MANIFEST, BuildLocked, folder_lock, previous_files
from tests.reliability.harness import run


@pytest.fixture
def fast_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_document import STUB_SVG, _stub_png

    png = _stub_png()
    monkeypatch.setattr("spbe_arch.document.data.diagram_renderer",
                        lambda: ((lambda dot, fmt, dpi: STUB_SVG if fmt == "svg" else png), ""))


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_failing_build_leaves_the_previous_output_and_no_temporary_folder(
        sandbox: Path, fast_figures: None, monkeypatch: pytest.MonkeyPatch) -> None:
    out = sandbox / "out"
    build(sandbox / "ws", out)
    before = _tree(out)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise SpbeError("disk trouble halfway")

    monkeypatch.setattr("spbe_arch.build.write_document", broken)
    with pytest.raises(SpbeError):
        build(sandbox / "ws", out)
    assert _tree(out) == before
    assert sorted(p.name for p in sandbox.iterdir()) == ["out", "ws"]


def test_outputs_no_longer_made_are_removed_and_the_users_files_kept(sandbox: Path, fast_figures: None) -> None:
    out = sandbox / "out"
    build(sandbox / "ws", out)
    listed = previous_files(out)
    assert listed and "temuan.txt" in listed and MANIFEST not in listed
    (out / "catatan-saya.txt").write_text("punya saya", encoding="utf-8")
    (out / "diagram" / "opd-lama.svg").write_text("<svg/>", encoding="utf-8")  # the user's, not listed
    stale = "diagram/service-ly-presensi.svg"
    assert stale in listed
    ws = sandbox / "ws"
    layanan = next(p for p in ws.rglob("*.yaml") if "ly-presensi" in p.read_text(encoding="utf-8")
                   and "services:" in p.read_text(encoding="utf-8"))
    text = layanan.read_text(encoding="utf-8")
    layanan.write_text(text.replace("id: ly-presensi", "id: ly-presensi-baru"), encoding="utf-8")
    build(ws, out)
    assert (out / "catatan-saya.txt").read_text(encoding="utf-8") == "punya saya"
    assert (out / "diagram" / "opd-lama.svg").is_file()
    assert not (out / stale).exists()
    assert "catatan-saya.txt" not in (previous_files(out) or set())


def test_a_second_build_into_the_same_folder_is_refused(sandbox: Path) -> None:
    out = sandbox / "out"
    with folder_lock(out):
        with pytest.raises(BuildLocked, match="another spbe build"):
            build(sandbox / "ws", out)
        outcome = run("locked", ["build", str(sandbox / "ws"), "-o", str(out)], sandbox)
    assert outcome.category == "clean-error" and "another spbe build" in outcome.output
    assert not out.exists()


def test_a_build_into_a_file_or_a_link_is_refused(sandbox: Path) -> None:
    (sandbox / "afile").write_text("x", encoding="utf-8")
    (sandbox / "target").mkdir()
    (sandbox / "alink").symlink_to(sandbox / "target")
    for name in ("afile", "alink"):
        outcome = run("target", ["build", str(sandbox / "ws"), "-o", str(sandbox / name)], sandbox)
        assert outcome.category == "clean-error", outcome.detail


def _processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to look for orphans")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_build_exits_cleanly_and_leaves_nothing(sandbox: Path, signum: int, code: int) -> None:
    out = sandbox / "out-interrupted"
    out.mkdir()
    (out / "old.txt").write_text("old", encoding="utf-8")
    (out / MANIFEST).write_text(json.dumps({"files": ["old.txt"]}), encoding="utf-8")
    before = _tree(out)
    example = Path(__file__).resolve().parents[2] / "models" / "kabupaten-pasuruan"
    process = subprocess.Popen([sys.executable, "-m", "spbe_arch", "build", str(example), "-o", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=sandbox)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(p.name.endswith(".tmp") for p in sandbox.iterdir()):
        time.sleep(0.05)
    time.sleep(1.0)  # the worker is drawing, the documents are being written
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == code, stderr
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    assert _tree(out) == before
    assert sorted(p.name for p in sandbox.iterdir()) == ["out-interrupted", "ws"]
    time.sleep(0.5)
    assert _processes_mentioning(str(out)) == [], "a worker outlived the build"


def test_the_lock_file_is_gone_after_a_build(sandbox: Path, fast_figures: None) -> None:
    build(sandbox / "ws", sandbox / "out")
    assert sorted(p.name for p in sandbox.iterdir()) == ["out", "ws"]
    assert os.listdir(sandbox / "out")


def test_a_build_into_the_workspace_or_the_current_folder_is_refused(sandbox: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The swap moves the whole output folder: it must not hold the workspace or the current folder."""
    before = sorted(p.name for p in (sandbox / "ws").iterdir())
    outcome = run("into ws", ["build", str(sandbox / "ws"), "-o", str(sandbox / "ws")], sandbox)
    assert outcome.category == "clean-error" and "holds the workspace" in outcome.output
    monkeypatch.chdir(sandbox / "ws")
    outcome = run("into cwd", ["build", str(sandbox / "ws"), "-o", str(sandbox)], sandbox)
    assert outcome.category == "clean-error" and "holds the current folder" in outcome.output
    assert sorted(p.name for p in (sandbox / "ws").iterdir()) == before
