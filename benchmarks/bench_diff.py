"""Benchmark of `spbe diff`: two commits of a workspace in a temporary git repository.

The second commit adds one application that duplicates an existing one. Measured, best of
``--repeat`` runs, in seconds:
- read: reading the workspace's YAML files at a revision from git's objects into a temporary folder;
- version: loading, validating and finding duplicates in one version (what each side costs);
- version-no-dup: the same without the duplicate finder (``--no-duplicates``);
- compare: the whole comparison of the two commits (``compare("HEAD~1", "HEAD")``);
- cli: the ``spbe diff HEAD~1 HEAD --format md`` command in a fresh process, start-up included.

    python benchmarks/bench_diff.py [WORKSPACE] [--repeat 3] [--json]

Default WORKSPACE: the bundled example. For the synthetic national model, generate it first with
benchmarks/generate_national.py and pass one of its government folders, or the whole folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost", "GIT_COMMITTER_NAME": "bench",
           "GIT_COMMITTER_EMAIL": "bench@localhost", "GIT_CONFIG_NOSYSTEM": "1"}


def best(repeat: int, run: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, **GIT_ENV})


def make_repository(workspace: Path, root: Path) -> Path:
    """A repository with the workspace, then a commit adding a copy of its first application."""
    from spbe_arch.loader import load_workspace

    target = root / "models" / "ws"
    shutil.copytree(workspace, target)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "model")
    loaded = load_workspace(target).workspace
    assert loaded is not None and loaded.applications, "the workspace has no application to duplicate"
    original = sorted(loaded.applications, key=lambda a: a.id)[0]
    (target / "bench-copy.yaml").write_text(
        "applications:\n"
        f"  - id: {original.id}-bench-copy\n    name: {original.name!r}\n    owner: {original.owner}\n"
        + (f"    supports: [{', '.join(original.supports)}]\n" if original.supports else ""),
        encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "copy")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workspace", type=Path, nargs="?", default=HERE.parent / "models" / "kabupaten-pasuruan")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone

    from spbe_arch.diff.gitrepo import extract, find_repository, relative_path, resolve
    from spbe_arch.diff.sources import compare, load_version

    with tempfile.TemporaryDirectory(prefix="spbe-bench-diff-") as tmp:
        ws = make_repository(args.workspace, Path(tmp) / "repo")
        repo = find_repository(ws)
        rel = relative_path(repo, ws)
        head = resolve(repo, "HEAD")
        scratch = Path(tmp) / "scratch"

        def read() -> None:
            shutil.rmtree(scratch, ignore_errors=True)
            extract(repo, head, rel, scratch)

        figures = {
            "files": sum(1 for _ in ws.rglob("*.yaml")),
            "read": best(args.repeat, read),
            "version": best(args.repeat, lambda: load_version(ws, "bench")),
            "version-no-dup": best(args.repeat, lambda: load_version(ws, "bench", duplicates=False)),
            "compare": best(args.repeat, lambda: compare("HEAD~1", "HEAD", ws)),
            "cli": best(args.repeat, lambda: subprocess.run(
                [sys.executable, "-m", "spbe_arch", "diff", "HEAD~1", "HEAD", "-w", str(ws), "-f", "md"],
                check=False, capture_output=True)),
        }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"workspace: {args.workspace} ({figures['files']} YAML files)")
    for name, value in figures.items():
        if name != "files":
            print(f"{name:>15}: {value:.3f} s")


if __name__ == "__main__":
    main()
