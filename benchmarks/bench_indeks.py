"""Benchmark of `spbe indeks`: the bundled example (target under 2 s) and the synthetic national model
(target under 30 s per government), timed end to end as a user runs the command.

1. The bundled example: `spbe indeks` and the what-if `--year 2029`, best of three runs.
2. The synthetic national model (benchmarks/generate_national.py): a few governments, each as its own
   workspace (its folder and a manifest), and the whole national model in one run.

    python benchmarks/bench_indeks.py [--scale 1.0] [--governments 3] [--work DIR] [--skip-national]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "models" / "kabupaten-pasuruan"
SPBE = [sys.executable, "-m", "spbe_arch"]


def timed(args: list[str], runs: int = 1) -> float:
    """The best wall time of ``runs`` runs of ``spbe ARGS`` (output discarded; a failure stops the benchmark)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([*SPBE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"spbe {' '.join(args)} failed ({done.returncode}): {done.stderr}")
        best = min(best, elapsed)
    return best


def example() -> None:
    print(f"example: spbe indeks {timed(['indeks', str(EXAMPLE)], 3):.2f} s (target < 2 s)")
    print(f"example: spbe indeks --year 2029 {timed(['indeks', str(EXAMPLE), '--year', '2029'], 3):.2f} s")
    print(f"example: spbe indeks -f xlsx {timed(['indeks', str(EXAMPLE), '-f', 'xlsx', '-o', '/dev/null'], 3):.2f} s")


def national(work: Path, scale: float, governments: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_national import generate

    model = work / "national"
    if not (model / "spbe.yaml").is_file():
        start = time.perf_counter()
        counts = generate(model, scale)
        print(f"national model generated in {time.perf_counter() - start:.1f} s: {counts}")
    folders = sorted(p for p in model.iterdir() if p.is_dir())[:governments]
    worst = 0.0
    for folder in folders:
        single = work / f"single-{folder.name}"
        if single.exists():
            shutil.rmtree(single)
        shutil.copytree(folder, single / folder.name)
        shutil.copy(model / "spbe.yaml", single / "spbe.yaml")
        seconds = timed(["indeks", str(single)])
        worst = max(worst, seconds)
        print(f"national: one government ({folder.name}) {seconds:.2f} s")
    print(f"national: slowest government {worst:.2f} s (target < 30 s)")
    print(f"national: whole model in one run {timed(['indeks', str(model)]):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--governments", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--skip-national", action="store_true")
    args = parser.parse_args()
    example()
    if args.skip_national:
        return
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        national(args.work, args.scale, args.governments)
        return
    with tempfile.TemporaryDirectory(prefix="bench-indeks-") as tmp:
        national(Path(tmp), args.scale, args.governments)


if __name__ == "__main__":
    main()
