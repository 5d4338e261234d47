"""Benchmark of impact and depends on a long dependency chain (goal: linear, under 2 s for 4,000).

A chain of N infrastructure elements, each located in the previous one, is the worst case for a
report that keeps whole paths per entry (quadratic) or for a recursive walk (stack depth N).

    python benchmarks/bench_chain.py [--length 4000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def write_chain(root: Path, length: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "spbe.yaml").write_text("spbe: 1\ngovernment: {name: Rantai}\n", encoding="utf-8")
    lines = ["organizations:", "  - {id: opd, name: OPD}", "infrastructure:",
             "  - {id: srv-0, name: S0, owner: opd}"]
    lines += [f"  - {{id: srv-{i}, name: S{i}, owner: opd, located_in: srv-{i - 1}}}" for i in range(1, length)]
    (root / "chain.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    from spbe_arch.analysis import depends, impact
    from spbe_arch.analysis.impact_render import impact_text
    from spbe_arch.loader import open_workspace

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "chain"
        write_chain(root, args.length)
        workspace, _ = open_workspace(root)
        for name, run in (("impact", lambda: impact_text(impact(workspace, "srv-0"))),
                          ("depends", lambda: impact_text(depends(workspace, f"srv-{args.length - 1}")))):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                run()
                times.append(time.perf_counter() - start)
            print(f"{name} on a chain of {args.length}: {min(times):.3f} s (query and text, best of {args.repeat})")


if __name__ == "__main__":
    main()
