"""Benchmark of `spbe diagram --all` (target: all diagrams of the example under 10 s).

Measured on a workspace (default: the bundled example), in seconds:
- cli: the whole ``spbe diagram WORKSPACE --all -o DIR`` command in a fresh process, start-up included
  (the number the target is about), best of ``--repeat`` runs;
- load: opening the workspace;
- export: ``export_all`` in the library (views rendered in parallel as they are built);
- per view, one at a time (no contention): building the scene and its DOT source, and rendering it
  in the first format;
- sizes: the largest images, in pixels, to see that no view became a hairball.

    python benchmarks/bench_diagrams.py [WORKSPACE] [--formats svg,png] [--repeat 3] [--top 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 10.0


def cli_seconds(workspace: Path, formats: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            args = [sys.executable, "-m", "spbe_arch", "diagram", str(workspace), "--all", "-o", out]
            for fmt in formats:
                args += ["-f", fmt]
            started = time.perf_counter()
            done = subprocess.run(args, capture_output=True, text=True, check=False)
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                raise SystemExit(f"spbe diagram failed ({done.returncode}): {done.stderr.strip()}")
            best = min(best, elapsed)
    return best


def svg_pixels(path: Path) -> tuple[int, int]:
    """Width and height of an SVG at 96 dpi (Graphviz writes them in points)."""
    head = path.read_text(encoding="utf-8")[:2000]
    found = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', head)
    if not found:
        return (0, 0)
    return (round(float(found.group(1)) * 96 / 72), round(float(found.group(2)) * 96 / 72))


def library_run(workspace: Path, formats: list[str]) -> dict[str, Any]:
    from spbe_arch.diagrams import export_all, list_views, render
    from spbe_arch.diagrams.dot import scene_to_dot
    from spbe_arch.diagrams.views import build_scene
    from spbe_arch.loader import open_workspace

    started = time.perf_counter()
    model, _ = open_workspace(workspace)
    load = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        run = export_all(model, Path(out), formats)
        total = time.perf_counter() - started
        sizes = {v.view: svg_pixels(v.files["svg"]) for v in run.views if "svg" in v.files}
    fmt = next((f for f in formats if f in ("svg", "png", "pdf")), None)
    views: dict[str, tuple[float, float]] = {}
    for view in list_views(model):
        started = time.perf_counter()
        source = scene_to_dot(build_scene(model, view))
        built = time.perf_counter() - started
        started = time.perf_counter()
        if fmt is not None:
            render(source, fmt)
        views[view] = (built, time.perf_counter() - started)
    return {
        "load": load, "export": total, "views": views, "sizes": sizes, "problems": run.problems,
        "applications": len(model.applications),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", nargs="?", type=Path, default=ROOT / "models" / "kabupaten-pasuruan")
    parser.add_argument("--formats", default="svg", help="comma-separated: svg, png, pdf, dot, mermaid")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=15, help="how many of the slowest views to list")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]

    cli = cli_seconds(args.workspace, formats, args.repeat)
    lib = library_run(args.workspace, formats)
    result = {"workspace": str(args.workspace), "formats": formats, "cpus": os.cpu_count(), "cli": cli,
              "target": TARGET_SECONDS, **lib}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    views = lib["views"]
    print(f"workspace {args.workspace} ({lib['applications']} applications, {len(views)} views), "
          f"formats {', '.join(formats)}, {os.cpu_count()} CPUs")
    print(f"spbe diagram --all (fresh process, best of {args.repeat}): {cli:.2f} s "
          f"(target < {TARGET_SECONDS:g} s: {'met' if cli < TARGET_SECONDS else 'MISSED'})")
    built, drawn = sum(b for b, _ in views.values()), sum(r for _, r in views.values())
    print(f"library: load {lib['load']:.2f} s, export_all {lib['export']:.2f} s (parallel); one view at a time: "
          f"build {built:.2f} s + render {drawn:.2f} s")
    kinds: dict[str, list[float]] = {}
    for view, (build_s, render_s) in views.items():
        kinds.setdefault(view.partition(":")[0], []).append(build_s + render_s)
    print("per kind (build + render): "
          + ", ".join(f"{k} {len(v)} x {sum(v) / len(v):.3f} s" for k, v in kinds.items()))
    print(f"slowest {args.top} views (build + render = total, seconds):")
    for view, (build_s, render_s) in sorted(views.items(), key=lambda i: -sum(i[1]))[: args.top]:
        width, height = lib["sizes"].get(view, (0, 0))
        print(f"  {build_s:6.3f} + {render_s:6.3f} = {build_s + render_s:6.3f}  {view}"
              + (f"  ({width} x {height} px)" if width else ""))
    if lib["problems"]:
        print("problems: " + "; ".join(lib["problems"]))


if __name__ == "__main__":
    main()
