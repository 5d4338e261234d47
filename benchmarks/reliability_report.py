"""The numbers of the reliability suite: cases tried, clean errors, and every kind of failure.

Runs the attack cases of ``tests/reliability`` (slow ones included unless ``--fast``) in this
process, then ``--fuzz N`` more seeded mutation cases of the example (two commands each), and
prints how every command run ended. Internal errors, tracebacks, hangs, unsafe writes and
injections must all be 0; the failing cases are listed.

    python benchmarks/reliability_report.py [--fuzz 200] [--seed 20261206] [--fast] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fuzz", type=int, default=200, help="mutation cases beyond the suite's own")
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("--fast", action="store_true", help="leave out the tests marked slow")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import pytest

    from tests.reliability.fuzz import run_case
    from tests.reliability.harness import BAD_CATEGORIES, TALLY

    pytest_args = [str(ROOT / "tests" / "reliability"), "-q", "-p", "no:cacheprovider", "-x"]
    if args.fast:
        pytest_args += ["-m", "not slow"]
    suite_status = pytest.main(pytest_args)
    with tempfile.TemporaryDirectory(prefix="spbe-fuzz-") as folder:
        for index in range(1000, 1000 + args.fuzz):
            run_case(args.seed, index, Path(folder))
    counts = TALLY.counts()
    report = {"cases tried": len(TALLY.outcomes), "ok": counts["ok"], "clean errors": counts["clean-error"],
              "internal errors": counts["internal-error"], "tracebacks": counts["traceback"],
              "hangs": counts["hang"], "unsafe writes": counts["unsafe-write"], "injections": counts["injection"],
              "suite": "passed" if suite_status == 0 else f"failed ({int(suite_status)})"}
    if args.json:
        print(json.dumps({**report, "failures": [o.__dict__ for o in TALLY.bad()]}, indent=2, default=str))
    else:
        for key, value in report.items():
            print(f"{key:>16}: {value}")
        for outcome in TALLY.bad():
            print(f"  {outcome.category}: {outcome.case}: {outcome.detail}")
    return 0 if suite_status == 0 and not any(counts[c] for c in BAD_CATEGORIES) else 1


if __name__ == "__main__":
    raise SystemExit(main())
