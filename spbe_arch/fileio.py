"""Atomic writes: a temporary file in the same folder, then a rename, so no half-written output.

Every output goes through here, so the checks on a target are made once: ``-`` (standard output)
is never taken for a file name, an existing target must be a regular file (never a device, a
folder or a symbolic link, which a rename would replace), and a missing permission, a full disk or
a file where a folder is expected is one clean :class:`OutputError`, with the previous output
left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from spbe_arch.errors import SpbeError

STDOUT = "-"
MAX_NAME_BYTES = 120  # well under the 255 bytes of common file systems, leaving room for suffixes


class OutputError(SpbeError):
    """An output cannot be written where it was asked for; nothing there was changed."""


def flush_standard_streams() -> None:
    """Write out what waits in the standard streams' buffers: before a fork (the copy would write it
    again) and before the process ends without Python's own clean-up. A closed pipe is ignored:
    nothing more can be written to it anyway."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()


def is_stdout(path: Path | str | None) -> bool:
    """Whether ``-o`` names standard output."""
    return path is not None and str(path) == STDOUT


def bounded_name(stem: str, suffix: str = "") -> str:
    """A file name from model text (an id) that fits every file system: a stem longer than
    :data:`MAX_NAME_BYTES` is cut and given a hash of the whole, so distinct stems stay distinct."""
    raw = stem.encode("utf-8")
    if len(raw) <= MAX_NAME_BYTES:
        return stem + suffix
    digest = hashlib.sha256(raw).hexdigest()[:12]
    cut = raw[:MAX_NAME_BYTES - 13].decode("utf-8", "ignore")
    return f"{cut}-{digest}{suffix}"


def _describe(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "a file is in the place of a folder"
    return exc.strerror or str(exc)


def check_target(path: Path) -> None:
    """Refuse a target that is not a regular file to be replaced: standard output's ``-``, a
    device, a FIFO, a folder or a symbolic link (which the rename would replace, not follow)."""
    if is_stdout(path):
        raise OutputError("this output cannot go to standard output ('-'); give a file name")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {_describe(exc)}; nothing was written") from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"{path}: is a symbolic link; nothing was written (give the file it points to)")
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{path}: is a folder, not a file; nothing was written")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path}: is not a regular file (a device, a pipe or a socket); nothing was written")


def check_folder(path: Path) -> None:
    """Refuse a target folder that is standard output's ``-``, a file or a device."""
    if is_stdout(path):
        raise OutputError("this command writes files into a folder; '-' (standard output) cannot hold them")
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is not a folder; nothing was written")


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
    check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        fd, name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {_describe(exc)}; nothing was written") from None
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot be written: {_describe(exc)}; the previous file is unchanged") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
