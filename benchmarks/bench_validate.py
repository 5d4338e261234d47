"""Measure `spbe validate` on the synthetic national workspace against PyYAML's C loader.

Goals: validate in no more time than `yaml.load(..., CSafeLoader)` of the same files takes; peak memory
under 1 GB. Each measurement runs in a fresh process; parse and validate runs alternate, the best time
of each and the median ratio of the --repeat pairs are reported.

    python benchmarks/bench_validate.py [--scale 1.0] [--repeat 3] [--workspace DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOAL_RATIO = 1.0  # validate time / PyYAML parse time, median of the pairs
GOAL_RSS_MB = 1024

PARSE_ONLY = """
import sys, time, yaml, resource
from pathlib import Path
start = time.perf_counter()
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

VALIDATE = """
import sys, time, resource
start = time.perf_counter()
from spbe_arch.cli import collector_paused, configure_gc
from spbe_arch.validate import validate_workspace
from spbe_arch.formats import report_json
configure_gc()  # the garbage-collector setting of a `spbe` process
with collector_paused():  # as `spbe validate` runs
    result = validate_workspace(sys.argv[1])
    report_json(result.report)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      result.report.summary.errors, result.report.summary.elements)
"""


def run(code: str, workspace: Path) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, str(workspace)], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"measurement failed:\n{out.stderr[-3000:]}")
    return [float(x) for x in out.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workspace", type=Path)
    args = parser.parse_args()
    workspace = args.workspace
    if workspace is None:
        sys.path.insert(0, str(HERE))
        from generate_national import generate

        workspace = Path(tempfile.mkdtemp(prefix="spbe-national-"))
        counts = generate(workspace, args.scale)
        print("generated:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    # parse and validate alternate, so that each pair of runs meets the machine in the same state (a shared
    # virtual machine's speed drifts by tens of percent over minutes); the ratio is the median of the pairs'
    pairs = [(run(PARSE_ONLY, workspace), run(VALIDATE, workspace)) for _ in range(args.repeat)]
    parse = min((p for p, _ in pairs), key=lambda r: r[0])
    valid = min((v for _, v in pairs), key=lambda r: r[0])
    ratios = sorted(v[0] / p[0] for p, v in pairs)
    result = {
        "elements": int(valid[3]),
        "parse_only_s": round(parse[0], 2),
        "validate_s": round(valid[0], 2),
        "ratio": round(statistics.median(ratios), 2),
        "ratios": [round(r, 2) for r in ratios],
        "validate_peak_rss_mb": round(valid[1] / 1024),
        "goal_ratio": GOAL_RATIO,
        "goal_rss_mb": GOAL_RSS_MB,
    }
    result["ok"] = result["ratio"] <= GOAL_RATIO and result["validate_peak_rss_mb"] < GOAL_RSS_MB
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
