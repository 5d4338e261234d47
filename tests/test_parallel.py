"""Parsing in worker processes gives what parsing in order gives."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from spbe_arch import parallel
from spbe_arch.loader import load_workspace, read_file
from spbe_arch.parallel import read_all, split_runs, worker_count

EXAMPLE = Path(__file__).resolve().parent.parent / "models" / "kabupaten-pasuruan"


def _snapshot(root: Path) -> tuple[list[str], list[dict[str, object]], list[str], dict[str, object]]:
    result = load_workspace(root)
    assert result.workspace is not None
    ws = result.workspace
    sources = {i: (s.file, s.line, s.column, s.keys, s.values) for i, s in ws.sources.items()}
    return (ws.files, [f.as_dict() for f in result.findings],
            [e.model_dump_json() for e in ws.elements.values()], sources)


@pytest.mark.skipif(worker_count(10**9, 2) == 0, reason="needs fork and two cores")
def test_workers_load_the_example_as_one_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    alone = _snapshot(EXAMPLE)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "RUN_BYTES", 1)  # one file per run: many runs, out-of-order finishes
    calls: list[int] = []
    real = parallel.worker_count
    monkeypatch.setattr(parallel, "worker_count", lambda *a: calls.append(real(*a)) or calls[-1])
    together = _snapshot(EXAMPLE)
    assert calls and calls[0] >= 1  # a worker really ran
    assert together == alone


@pytest.mark.skipif(worker_count(10**9, 2) == 0, reason="needs fork and two cores")
def test_parsed_files_and_their_problems_come_back_in_order(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "RUN_BYTES", 1)
    files = []
    for i in range(9):
        path = tmp_path / f"f{i}.yaml"
        path.write_text("a: [1\n" if i % 3 == 1 else "b: 1\nb: 2\n" if i % 3 == 2 else f"a: {i}\n",
                        encoding="utf-8")
        files.append((path, path.name))
    together = list(read_all(files, read_file))
    assert together == [read_file(p, r) for p, r in files]
    assert [f.rule for parsed in together for f in parsed.problems] == ["SC001", "SC003"] * 3


def test_runs_keep_the_order_and_cut_by_size() -> None:
    files = [(Path(f"f{i}"), f"f{i}") for i in range(5)]
    runs = split_runs(files, [parallel.RUN_BYTES, 1, 1, parallel.RUN_BYTES, 1])
    assert runs == [[files[0]], [files[1], files[2], files[3]], [files[4]]]
    assert [entry for run in runs for entry in run] == files


def test_small_workspaces_and_threaded_callers_parse_in_process() -> None:
    assert worker_count(parallel.PARALLEL_MIN_BYTES - 1, 10) == 0
    assert worker_count(10**9, 1) == 0
    assert worker_count(10**9, 10, largest=10**9 // 2) == 0  # one file is most of it: no copying back
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worker_count(10**9, 10) == 0  # forking beside another thread can deadlock
    finally:
        stop.set()
        other.join()


PARENT = os.getpid()


def _dies_in_a_worker(path: Path, rel: str) -> str:
    if os.getpid() != PARENT and rel == "f3.yaml":
        os._exit(9)  # as the out-of-memory killer would end it
    return rel


@pytest.mark.skipif(worker_count(10**9, 2) == 0, reason="needs fork and two cores")
def test_a_worker_that_dies_does_not_lose_or_hang_the_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "RUN_BYTES", 1)
    files = []
    for i in range(8):
        (tmp_path / f"f{i}.yaml").write_text("a: 1\n", encoding="utf-8")
        files.append((tmp_path / f"f{i}.yaml", f"f{i}.yaml"))
    assert list(read_all(files, _dies_in_a_worker)) == [rel for _, rel in files]


def _slow_in_a_worker(path: Path, rel: str) -> tuple[str, bool]:
    if os.getpid() != PARENT:
        time.sleep(0.3)
    return rel, os.getpid() == PARENT


@pytest.mark.skipif(worker_count(10**9, 2) == 0, reason="needs fork and two cores")
def test_this_process_takes_the_runs_no_worker_has_started(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "RUN_BYTES", 1)
    monkeypatch.setattr(parallel, "cores", lambda: 2)  # one worker, however many cores the test machine has
    files = []
    for i in range(8):
        (tmp_path / f"f{i}.yaml").write_text("a: 1\n", encoding="utf-8")
        files.append((tmp_path / f"f{i}.yaml", f"f{i}.yaml"))
    parsed = list(read_all(files, _slow_in_a_worker))
    assert [rel for rel, _ in parsed] == [rel for _, rel in files]  # the files' order, whoever parsed them
    here = [here for _, here in parsed]
    # the first run goes to the worker; this process, not waiting for a slow worker, parses from the end
    assert here[0] is False and here[-1] is True
    assert here == sorted(here)  # the worker's runs are a head, this process's a tail


@pytest.mark.skipif(parallel.cores() < 2, reason="needs fork and two cores")
def test_rules_split_between_two_processes_find_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_arch import validate as validation

    alone = validation.validate_workspace(EXAMPLE).report
    forks: list[bool] = []
    real_beside = parallel.beside

    def counted(job: Callable[[], object], here: Callable[[], None]) -> object:
        forks.append(True)
        return real_beside(job, here)

    monkeypatch.setattr(validation, "PARALLEL_MIN_ELEMENTS", 0)
    monkeypatch.setattr(validation, "beside", counted)
    together = validation.validate_workspace(EXAMPLE).report
    assert forks
    assert together.findings == alone.findings and together.summary == alone.summary
    assert together.findings  # the example has findings: the comparison says something


def test_a_side_job_that_dies_or_fails_is_done_here() -> None:
    order: list[str] = []
    assert parallel.beside(lambda: 7, lambda: order.append("here")) == 7
    assert order == ["here"]
    assert parallel.beside(lambda: os.getpid(), lambda: None) != PARENT or parallel.cores() < 2

    calls = {"n": 0}

    def fails_once() -> str:
        calls["n"] += 1
        if calls["n"] == 1 and os.getpid() != PARENT:
            raise ValueError("in the worker")
        return "done"

    assert parallel.beside(fails_once, lambda: None) == "done"
    assert parallel.beside(lambda: (lambda: 1) if os.getpid() != PARENT else "made here", lambda: None) == "made here"
    if parallel.cores() >= 2:
        with pytest.raises(SystemExit):  # the job runs here again, where dying is ending the test's process
            parallel.beside(lambda: sys.exit(3), lambda: None)


@pytest.mark.skipif(parallel.cores() < 2, reason="needs fork and two cores")
def test_a_side_worker_that_is_killed_leaves_the_job_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    pids: list[int] = []

    def job() -> int:
        if os.getpid() != PARENT:
            os._exit(9)  # as the out-of-memory killer would end it
        pids.append(os.getpid())
        return 5

    assert parallel.beside(job, lambda: None) == 5
    assert pids == [PARENT]


def test_rules_run_beside_never_build_the_reference_scan_and_no_rule_builds_the_graph() -> None:
    """The worker that runs them would read every reference a second time for nothing (see run_rules);
    and no rule needs the networkx graph, which the other commands build (and share) when they need it."""
    from spbe_arch.graph import workspace_graph
    from spbe_arch.reference import load_catalogue
    from spbe_arch.rules import Context, all_rules
    from spbe_arch.validate import runs_here

    result = load_workspace(EXAMPLE)
    assert result.workspace is not None
    workspace = result.workspace
    context = Context(workspace, load_catalogue(workspace.manifest.reference))
    ran = 0
    for rule_obj in all_rules():
        if rule_obj.check is not None and not runs_here(rule_obj):
            list(rule_obj.check(context))
            ran += 1
    assert ran >= 1  # the function reading (rule AP015)
    assert "reference_scan" not in context.__dict__
    for rule_obj in all_rules():
        if rule_obj.check is not None and runs_here(rule_obj):
            list(rule_obj.check(context))
    assert "reference_scan" in context.__dict__  # the check above can see the scan being built
    assert "graph" not in context.__dict__ and not any("graph" in str(key) for key in workspace._derived)
    workspace_graph(workspace)
    assert any("graph" in str(key) for key in workspace._derived)  # the check above can see a built graph
