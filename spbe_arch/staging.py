"""An output folder replaced all at once: built beside the target, locked, swapped in at the end.

``spbe build`` writes dozens of files. Written in place, a failure, a kill or Ctrl-C halfway would
leave a folder half old and half new, and two builds into one folder would mix their files. Here
the new output is made in a hidden folder beside the target and swapped in only when complete; a
lock file makes a second build into the same folder refuse at once; SIGINT and SIGTERM stop the
build cleanly (the caller stops its workers, this module removes the hidden folder) and leave the
previous output as it was.

A list of what the build wrote (:data:`MANIFEST`) is kept in the folder. At the swap, files of the
previous output that are not on the previous list (the user's own files) are carried over; files
the previous build wrote and this one does not are dropped. A file the build did not write is never
deleted.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from spbe_arch.fileio import OutputError, check_folder

MANIFEST = ".spbe-build.json"


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived: the exit code is 128 + the signal number (130, 143)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


class BuildLocked(OutputError):
    """Another build is writing into the same folder."""


def _raise_interrupted(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextmanager
def signals_raise() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` in the main thread while the block runs, so
    every ``finally`` cleans up; outside the main thread nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise_interrupted) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def _deferred_signals() -> Iterator[None]:
    """Hold SIGINT and SIGTERM during the swap (a few renames), then deliver them."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    blocked = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.lock"


@contextmanager
def folder_lock(target: Path) -> Iterator[None]:
    """An exclusive lock beside ``target``; a second build into the same folder is refused at once."""
    path = _lock_path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written: {exc.strerror or exc}; nothing was written") from None
    try:
        _try_lock(fd, target)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)
    finally:
        os.close(fd)  # closing releases the lock


def _try_lock(fd: int, target: Path) -> None:
    busy = BuildLocked(f"{target}: another spbe build is writing into this folder; wait for it to finish "
                       "(nothing was written)")
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            raise busy from None
        return
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise busy from None


def previous_files(target: Path) -> set[str] | None:
    """What the previous build listed as written (relative paths), or None without a readable list."""
    try:
        data = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    return {f for f in files if isinstance(f, str)} if isinstance(files, list) else None


def written_files(folder: Path) -> list[str]:
    """Every file under ``folder`` (relative, forward slashes), sorted, without the list itself."""
    found = []
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            rel = (Path(dirpath) / name).relative_to(folder).as_posix()
            if rel != MANIFEST:
                found.append(rel)
    return sorted(found)


def _user_files(target: Path) -> list[str]:
    """Files in the previous output that no build listed: the user's, carried over at the swap."""
    if not target.is_dir():
        return []
    ours = previous_files(target) or set()
    return [rel for rel in written_files(target) if rel not in ours]


def _carry(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, dest, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, dest, follow_symlinks=False)


@contextmanager
def staged_folder(target: Path, *, keep_out: Path | None = None) -> Iterator[Path]:
    """A hidden folder beside ``target`` to build into; when the block ends without an error it
    replaces ``target`` (with the user's own files carried over and :data:`MANIFEST` written),
    otherwise it is removed and ``target`` is left as it was. ``target`` may not hold ``keep_out``
    (the workspace) nor the current folder: the swap moves the whole folder."""
    check_folder(target)
    if target.is_symlink():
        raise OutputError(f"{target}: is a symbolic link; give the folder it points to")
    resolved = target.resolve()
    for inner, what in ((Path.cwd(), "the current folder"), (keep_out, "the workspace")):
        if inner is not None and inner.resolve().is_relative_to(resolved):
            raise OutputError(f"{target}: holds {what}; give a folder of its own for the outputs (e.g. -o out)")
    target = resolved
    with folder_lock(target):
        try:
            stage = Path(tempfile.mkdtemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent))
        except OSError as exc:
            raise OutputError(f"{target}: cannot be written: {exc.strerror or exc}; nothing was written") from None
        try:
            yield stage
            _finish(stage, target)
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def _finish(stage: Path, target: Path) -> None:
    """The swap: list, carry the user's files, rename the old folder away and the new one in."""
    ours = written_files(stage)
    manifest = {"files": ours, "note": "files written by spbe build; others in this folder are kept"}
    (stage / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    try:
        for rel in _user_files(target):
            if rel not in ours:
                _carry(target / rel, stage / rel)
        old = target.parent / f".{target.name[:40]}.old-{os.getpid()}"
        with _deferred_signals():
            if target.exists():
                os.replace(target, old)
            try:
                os.replace(stage, target)
            except OSError:
                if old.exists():
                    os.replace(old, target)  # put the previous output back
                raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be replaced: {exc.strerror or exc}; the previous output is "
                          "unchanged") from None


__all__ = ["MANIFEST", "BuildLocked", "Interrupted", "folder_lock", "previous_files", "signals_raise",
           "staged_folder", "written_files"]
