"""Benchmark of the dependency graph on the synthetic national workspace.

Measures, on the same files:
- parse: PyYAML's C loader (``yaml.load(..., CSafeLoader)``) of every file, the yardstick;
- graph: building the graph (for the analyses; validation no longer builds it), and running every rule
  of ``spbe_arch.rules.graph_rules`` on a fresh validation context, which reads the relations from the
  reference scan instead (goal: at most the parse time),
  and, as a check, the difference between validating with those rules and with them turned off;
- impact: ``impact`` of the data centre with the widest impact, on a fresh graph (goal: under 2 s),
  and the whole ``spbe impact`` command, loading included, for information;
- the other analyses (single points of failure, cycles, orphans, ...), for information.

    python benchmarks/bench_graph.py [WORKSPACE] [--scale 1.0] [--repeat 3] [--json]

Without WORKSPACE, the national workspace is generated with benchmarks/generate_national.py into a
temporary folder. Each figure is the best of ``--repeat`` runs, in seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


def best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The shortest wall time of ``repeat`` runs, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def parse_all(root: Path) -> int:
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file())
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return len(files)


def main() -> None:
    sys.path.insert(0, str(HERE))
    from generate_national import given_or_generated, national_parser

    parser = national_parser(__doc__.splitlines()[0])
    args = parser.parse_args()
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone

    from spbe_arch.analysis import analyze, impact
    from spbe_arch.graph import build_graph
    from spbe_arch.loader import load_workspace
    from spbe_arch.reference import load_catalogue
    from spbe_arch.validate import Context, all_rules, run_rules, validate_loaded

    with tempfile.TemporaryDirectory(prefix="spbe-national-") as tmp:
        root = given_or_generated(args.workspace, args.scale, tmp)
        figures: dict[str, Any] = {"workspace": str(root)}

        figures["parse_s"], figures["files"] = best(args.repeat, lambda: parse_all(root))
        load_s, result = best(1, lambda: load_workspace(root))
        workspace = result.workspace
        assert workspace is not None, "the workspace did not load"
        figures["load_s"] = load_s
        graph = build_graph(workspace)
        figures["nodes"], figures["edges"] = graph.number_of_nodes(), graph.number_of_edges()
        figures["applications"] = len(workspace.applications)

        catalogue = load_catalogue(workspace.manifest.reference)
        codes = [r.code for r in all_rules() if r.check is not None and r.check.__module__.endswith(".graph_rules")]
        figures["graph_rules"] = codes
        figures["graph_build_s"], _ = best(args.repeat, lambda: build_graph(workspace))

        def graph_and_rules() -> int:
            context = Context(workspace, catalogue)  # a fresh context: the reference scan is built inside
            return len(run_rules(context, codes))

        figures["graph_build_and_rules_s"], figures["graph_findings"] = best(args.repeat, graph_and_rules)
        figures["graph_vs_parse"] = round(figures["graph_build_and_rules_s"] / figures["parse_s"], 3)

        settings = workspace.manifest.rules
        saved = dict(settings)
        settings.update({code: "off" for code in codes})
        figures["validate_without_graph_s"], _ = best(args.repeat, lambda: validate_loaded(result, str(root)))
        settings.clear()
        settings.update(saved)
        figures["validate_s"], _ = best(args.repeat, lambda: validate_loaded(result, str(root)))
        figures["validate_added_s"] = figures["validate_s"] - figures["validate_without_graph_s"]

        centres = [i.id for i in workspace.infrastructure if i.kind == "pusat-data"]
        widest = max(centres, key=lambda c: (len(impact(workspace, c, graph=graph).entries), c))
        figures["impact_root"] = widest
        figures["impact_cold_s"], report = best(args.repeat, lambda: impact(workspace, widest))
        figures["impact_warm_s"], _ = best(args.repeat, lambda: impact(workspace, widest, graph=graph))
        figures["impact_elements"] = len(report.entries)
        figures["impact_services"] = len(report.ids("services"))
        figures["analyze_s"], _ = best(1, lambda: analyze(workspace, graph=graph))

        command = [sys.executable, "-m", "spbe_arch", "impact", widest, str(root), "--format", "json"]
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        figures["impact_command_s"] = time.perf_counter() - start

    for key, value in figures.items():
        if isinstance(value, float):
            figures[key] = round(value, 3)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"workspace: {figures['workspace']} ({figures['files']} files, {figures['applications']} applications, "
          f"{figures['nodes']} nodes, {figures['edges']} edges)")
    print(f"parse (PyYAML CSafeLoader)        {figures['parse_s']:8.3f} s")
    print(f"load_workspace                    {figures['load_s']:8.3f} s")
    print(f"graph build                       {figures['graph_build_s']:8.3f} s")
    print(f"graph build + {len(codes)} graph rules      {figures['graph_build_and_rules_s']:8.3f} s  "
          f"({figures['graph_vs_parse']:.2f} x parse; goal <= 1)  {figures['graph_findings']} findings")
    print(f"validate, graph rules off         {figures['validate_without_graph_s']:8.3f} s")
    print(f"validate, all rules               {figures['validate_s']:8.3f} s  "
          f"(adds {figures['validate_added_s']:.3f} s)")
    print(f"impact {widest} (fresh graph) {figures['impact_cold_s']:8.3f} s  (goal < 2 s)  "
          f"{figures['impact_elements']} elements, {figures['impact_services']} services")
    print(f"impact {widest} (graph built) {figures['impact_warm_s']:8.3f} s")
    print(f"spbe impact (command, loading included) {figures['impact_command_s']:8.3f} s")
    print(f"analyze (all sections)            {figures['analyze_s']:8.3f} s")


if __name__ == "__main__":
    main()
