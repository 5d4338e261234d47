"""Benchmark of the validation rules on the synthetic national workspace: CPU seconds per rule, and per half.

Each pass runs every rule on a fresh validation context (the shared indexes, such as the reference scan,
are built by the first rule that reads them and counted there), making its findings as ``spbe validate``
does; a figure is the least of ``--repeat`` passes, in CPU seconds of this process (run it pinned to one
core, ``taskset -c 0``, on a machine shared with other work). The two halves are those of
``validate.run_rules`` on a large workspace: the rules run in this process (``runs_here``) and those run in
the worker, whose findings are pickled to be sent back (goal: about the same cost, so that on two cores the
rules take about half their CPU time).

    python benchmarks/bench_rules.py [WORKSPACE] [--scale 1.0] [--repeat 3] [--top 25] [--json]

Without WORKSPACE, the national workspace is generated with benchmarks/generate_national.py into a
temporary folder.
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main() -> None:
    sys.path.insert(0, str(HERE))
    from generate_national import given_or_generated, national_parser

    parser = national_parser(__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25, help="rules shown, costliest first")
    args = parser.parse_args()
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone

    from spbe_arch.loader import load_workspace
    from spbe_arch.reference import load_catalogue
    from spbe_arch.validate import Context, _rule_findings, all_rules, runs_here

    with tempfile.TemporaryDirectory(prefix="spbe-national-") as tmp:
        root = given_or_generated(args.workspace, args.scale, tmp)
        workspace = load_workspace(root).workspace
        assert workspace is not None, "the workspace did not load"
        catalogue = load_catalogue(workspace.manifest.reference)
        rules = [r for r in all_rules() if r.check is not None]
        per_rule: dict[str, float] = {}
        halves: dict[str, float] = {}
        findings: dict[str, int] = {}
        for _ in range(args.repeat):
            # what a rule derives from the workspace (the function reading of rule AP015) is made again in
            # every pass, as in one `spbe validate`, not read from the pass before
            workspace._derived.clear()
            context = Context(workspace, catalogue)
            costs: dict[str, float] = {"here": 0.0, "worker": 0.0}
            sent: dict[str, Any] = {}
            for rule_obj in rules:
                start = time.process_time()
                found = _rule_findings(context, rule_obj)
                spent = time.process_time() - start
                per_rule[rule_obj.code] = min(per_rule.get(rule_obj.code, spent), spent)
                findings[rule_obj.code] = len(found)
                costs["here" if runs_here(rule_obj) else "worker"] += spent
                if not runs_here(rule_obj):
                    sent[rule_obj.code] = found
            start = time.process_time()
            pickle.loads(pickle.dumps((True, sent), protocol=pickle.HIGHEST_PROTOCOL))
            costs["sending"] = time.process_time() - start
            for key, value in costs.items():
                halves[key] = min(halves.get(key, value), value)
        figures = {
            "workspace": str(root), "elements": len(workspace.elements), "findings": sum(findings.values()),
            "rules_s": round(sum(per_rule.values()), 3), **{f"{k}_s": round(v, 3) for k, v in halves.items()},
            "per_rule_s": {code: round(s, 3) for code, s in sorted(per_rule.items(), key=lambda x: -x[1])},
        }
        if args.json:
            print(json.dumps(figures, indent=2))
            return
        for code, spent in list(figures["per_rule_s"].items())[:args.top]:
            print(f"{spent:6.2f} {code} {findings[code]}")
        print(f"rules {figures['rules_s']:.2f} s, {figures['findings']} findings; here {halves['here']:.2f} s, "
              f"worker {halves['worker']:.2f} s + sending its findings {halves['sending']:.2f} s")


if __name__ == "__main__":
    main()
