"""Using the other cores on a large workspace: its files parsed, and half of its rules run, in forked
worker processes.

Parsing is most of the time of loading a large workspace, and each file parses on its own. So where
there are several cores, the files are cut into runs of about :data:`RUN_BYTES` in loading order and
parsed by a pool of worker processes, while this process builds the model from the runs already
parsed. The result is the same as parsing in order here: the runs come back in order.

Only where ``fork`` exists and this process runs a single thread: forking copies the loaded program
at no cost (starting fresh interpreters would cost more than it saves on most workspaces), and a
fork of a process with other threads can deadlock. Elsewhere, and below :data:`PARALLEL_MIN_BYTES`,
the files are parsed here, one after the other.

After loading, :func:`beside` runs one job (half of the validation rules) in a forked worker while
this process does the other half: the worker sees the loaded workspace as it is, nothing is sent
but the result.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Generic, TypeVar, cast

from spbe_arch.fileio import flush_standard_streams

PARALLEL_MIN_BYTES = 4_000_000  # below this, starting workers costs more than it saves
RUN_BYTES = 400_000  # a worker's unit of work: small enough to balance, large enough to amortise
MAX_WORKERS = 8

T = TypeVar("T")
Reader = Callable[[Path, str], T]


def cores() -> int:
    """The cores this process may use where forking is safe here, else 1."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def worker_count(total_bytes: int, runs: int, largest: int = 0) -> int:
    """How many worker processes to use (0: parse here): one core is left to this process, which
    builds the model from what the workers send and parses a share itself. A file holding half the
    bytes or more is parsed here with the rest: its values would only be parsed elsewhere and copied
    back."""
    if total_bytes < PARALLEL_MIN_BYTES or runs < 2 or 2 * largest >= total_bytes:
        return 0
    available = cores()
    return min(available - 1, runs - 1, MAX_WORKERS) if available > 1 else 0


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
    """``read(path, rel)`` of every file, in order; in worker processes when that pays.

    The workers take the runs from the head of the list. This process hands on their results as they
    come (the caller builds the model from them meanwhile), and whenever the next result is not ready
    it takes the last run no worker has started and parses it itself. So the work meets in the middle
    whatever the cores really give: on a machine whose second core is busy, this process simply
    parses more of the runs.
    """
    sizes = [_size(path) for path, _ in files]
    runs = split_runs(files, sizes)
    workers = worker_count(sum(sizes), len(runs), max(sizes, default=0))
    if workers == 0:
        for path, rel in files:
            yield read(path, rel)
        return
    flush_standard_streams()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_quiet_worker)
    finished = False
    try:
        reader = _RunReader(read)
        futures = [pool.submit(reader, run) for run in runs]
        taken: dict[int, list[T]] = {}  # runs parsed here, by index
        tail = len(runs)  # the runs from here on are taken by this process
        for index, future in enumerate(futures):
            if index < tail:
                while not future.done() and tail - 1 > index and futures[tail - 1].cancel():
                    tail -= 1  # no worker had started it (runs start in order: the last goes first)
                    taken[tail] = reader(runs[tail])
            if index >= tail:
                yield from taken.pop(index)  # every run from the tail on was parsed here
                continue
            try:
                parsed_run = future.result()
            except BrokenProcessPool:
                # a worker died (killed, out of memory): the runs it had not returned are parsed here
                parsed_run = reader(runs[index])
            yield from parsed_run
        finished = True
    finally:
        # at the end, idle workers leave at once (and with them the pool's thread, so that later forks
        # are safe); on an error or an interruption the queued runs are dropped and the workers leave
        # after the run in hand (a fraction of a second): none outlives the command
        pool.shutdown(wait=finished, cancel_futures=True)


_JOB: Callable[[], object] | None = None  # the job of the worker being forked (see beside)


def _run_job(sender: Connection) -> None:
    """In the forked worker: the job's result, or word that it failed (it is then run again in the
    parent, where its error is reported as any other)."""
    _quiet_worker()
    try:
        assert _JOB is not None
        outcome: tuple[bool, object] = (True, _JOB())
    except Exception:  # the parent runs the job again and reports the error itself
        outcome = (False, None)
    try:
        sender.send(outcome)  # pickled whole before anything is written: a failure writes nothing
    except Exception:  # a result that cannot be sent: the parent makes it itself
        sender.send((False, None))
    sender.close()


def beside(job: Callable[[], T], here: Callable[[], None]) -> T:
    """``job()`` in a forked worker while ``here()`` runs in this process; the job's result.

    The worker is a copy of this process at the call, so the job reads everything loaded so far
    without it being sent. Where forking is not safe, or the worker fails or dies, the job runs here
    after ``here()``. The result must be picklable. If ``here()`` raises or is interrupted, the
    worker is stopped at once.
    """
    global _JOB
    if cores() < 2:
        here()
        return job()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    flush_standard_streams()
    _JOB = job
    worker = context.Process(target=_run_job, args=(sender,), daemon=True)
    try:
        worker.start()
    finally:
        _JOB = None
        sender.close()
    try:
        here()
        try:
            ok, result = receiver.recv()
        except EOFError:  # the worker died before answering (killed, out of memory)
            ok, result = False, None
        worker.join()
        return cast(T, result) if ok else job()
    finally:
        if worker.is_alive():
            worker.terminate()
            worker.join()
        receiver.close()
