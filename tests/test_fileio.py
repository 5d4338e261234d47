"""Atomic writes set the mode a plain ``open()`` would, without touching the process's umask."""

from __future__ import annotations

import os
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from spbe_arch import fileio


def test_new_files_get_the_umask_mode_and_the_umask_is_never_changed(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def no_umask(_mask: int) -> int:
        raise AssertionError("os.umask called while writing")

    monkeypatch.setattr(os, "umask", no_umask)
    paths = [tmp_path / "out" / f"f{i}.txt" for i in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda p: fileio.write_text_atomic(p, "x"), paths))
    modes = {stat.S_IMODE(p.stat().st_mode) for p in paths}
    assert modes == {fileio.NEW_FILE_MODE}
    assert not fileio.NEW_FILE_MODE & stat.S_IWOTH  # never world-writable under a usual umask


def test_the_umask_read_at_import_is_the_process_umask() -> None:
    current = os.umask(0o022)
    os.umask(current)
    assert fileio.UMASK == current == fileio._read_umask()


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    fileio.write_text_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text(encoding="utf-8") == "new"
