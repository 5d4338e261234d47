"""Parsing a large workspace's files in several processes.

Parsing is most of the time of loading a large workspace, and each file parses on its own. So where
there are several cores, the files are cut into runs of about :data:`RUN_BYTES` in loading order and
parsed by a pool of worker processes, while this process builds the model from the runs already
parsed. The result is the same as parsing in order here: the runs come back in order.

Only where ``fork`` exists and this process runs a single thread: forking copies the loaded program
at no cost (starting fresh interpreters would cost more than it saves on most workspaces), and a
fork of a process with other threads can deadlock. Elsewhere, and below :data:`PARALLEL_MIN_BYTES`,
the files are parsed here, one after the other.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Generic, TypeVar

PARALLEL_MIN_BYTES = 4_000_000  # below this, starting workers costs more than it saves
RUN_BYTES = 400_000  # a worker's unit of work: small enough to balance, large enough to amortise
MAX_WORKERS = 8

T = TypeVar("T")
Reader = Callable[[Path, str], T]


def worker_count(total_bytes: int, runs: int, largest: int = 0) -> int:
    """How many worker processes to use (0: parse here). A file holding half the bytes or more is
    parsed here with the rest: its values would only be parsed elsewhere and copied back."""
    if total_bytes < PARALLEL_MIN_BYTES or runs < 2 or 2 * largest >= total_bytes:
        return 0
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, runs, MAX_WORKERS) if cores > 1 else 0


def split_runs(files: Sequence[tuple[Path, str]], sizes: Sequence[int]) -> list[list[tuple[Path, str]]]:
    """The files in order, cut into consecutive runs of about :data:`RUN_BYTES`."""
    runs: list[list[tuple[Path, str]]] = []
    current: list[tuple[Path, str]] = []
    held = 0
    for entry, size in zip(files, sizes, strict=True):
        current.append(entry)
        held += size
        if held >= RUN_BYTES:
            runs.append(current)
            current, held = [], 0
    if current:
        runs.append(current)
    return runs


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader reports why it cannot be read


def _quiet_worker() -> None:
    """Ctrl-C reaches the whole process group: the parent alone answers it (and stops the workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _RunReader(Generic[T]):
    """Parses one run of files in a worker (a class, so that the reader travels to the worker by name)."""

    def __init__(self, read: Reader[T]) -> None:
        self.read = read

    def __call__(self, run: list[tuple[Path, str]]) -> list[T]:
        return [self.read(path, rel) for path, rel in run]


def read_all(files: Sequence[tuple[Path, str]], read: Reader[T]) -> Iterator[T]:
    """``read(path, rel)`` of every file, in order; in worker processes when that pays."""
    sizes = [_size(path) for path, _ in files]
    runs = split_runs(files, sizes)
    workers = worker_count(sum(sizes), len(runs), max(sizes, default=0))
    if workers == 0:
        for path, rel in files:
            yield read(path, rel)
        return
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker)
    done = 0
    try:
        for parsed_run in pool.map(_RunReader(read), runs):
            yield from parsed_run
            done += 1
    except BrokenProcessPool:
        # a worker died (killed, out of memory): what it had not returned is parsed here
        for run in runs[done:]:
            for path, rel in run:
                yield read(path, rel)
    finally:
        # on an error or an interruption the queued runs are dropped and the workers leave after
        # the run in hand (a fraction of a second); none outlives the command
        pool.shutdown(wait=False, cancel_futures=True)
