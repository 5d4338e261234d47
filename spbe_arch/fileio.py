"""Atomic writes: a temporary file in the same folder, then a rename, so no half-written output."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _read_umask() -> int:
    """The process's umask. Linux shows it in /proc; elsewhere it can only be read by setting it, which
    changes it for every thread for a moment: so it is read once, when this module is imported."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


UMASK = _read_umask()
NEW_FILE_MODE = 0o666 & ~UMASK  # what a plain open() gives a new file


def _mode_for(path: Path) -> int:
    """The mode a plain ``open()`` would give: the existing file's, else :data:`NEW_FILE_MODE`
    (``mkstemp`` alone would leave a private 0o600 file)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return NEW_FILE_MODE


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` for a writer that wants a file name (e.g. one that streams
    its output); it replaces ``path``, with the mode a plain ``open()`` would give, only when the
    block ends without an error, and is removed otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
