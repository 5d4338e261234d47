"""Benchmark of `spbe build`: the bundled example, all diagrams and the HTML, Markdown, DOCX and PDF
document, under 10 s.

Measured on a workspace (default: the bundled example):
- cli: the whole ``spbe build WORKSPACE -o DIR`` command in a fresh process, start-up included (the
  number the target is about), best of ``--repeat`` runs, with the CPU seconds it used (the process and
  the Graphviz renderers it ran) and the machine's load average, since other work on the machine slows
  the wall time down;
- steps: seconds per step of one in-process run, from the progress callback of the library;
- sizes: the files written, the page count of the PDF (Typst) and the smallest font size printed in
  its figures (each figure's SVG font size times the scale it is printed at on A4), the same for the
  figures of the Word document (from each picture's width in the DOCX), and the page count
  of the Word document when LibreOffice is installed (``--pdf``: convert it with
  ``libreoffice --headless --convert-to pdf``).

    python benchmarks/bench_build.py [WORKSPACE] [--repeat 3] [--pdf] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 10.0


def cli_run(workspace: Path, out: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (the command and its renderers) and exit code of one ``spbe build``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "spbe_arch", "build", str(workspace), "-o", str(out)],
                          capture_output=True, text=True, check=False, env={**os.environ, "CI": "true"})
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        sys.exit(f"spbe build failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed, cpu, done.returncode


def steps(workspace: Path, out: Path) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from spbe_arch.build import build
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone
    marks: list[tuple[str, float]] = []
    started = time.perf_counter()
    build(workspace, out, progress=lambda step, _i, _n: marks.append((step, time.perf_counter())))
    marks.append(("end", time.perf_counter()))
    result = {}
    for (step, at), (_, following) in itertools.pairwise(marks):
        result[step] = round(following - at, 2)
    result["total"] = round(marks[-1][1] - started, 2)
    return result


def pdf_pages(pdf: Path) -> int:
    """The page count of the PDF's page tree (its root /Pages node has the largest /Count)."""
    return max((int(n) for n in re.findall(rb"/Count (\d+)", pdf.read_bytes())), default=0)


def figure_fonts(workspace: Path) -> dict[str, float]:
    """The smallest printed font size of each figure of the PDF, in points."""
    sys.path.insert(0, str(ROOT))
    from spbe_arch.document import prepare
    from spbe_arch.document.pdf import figure_fonts as fonts
    from spbe_arch.document.renderers import docx_markdown
    from spbe_arch.document.templating import Templates
    from spbe_arch.validate import validate_workspace

    data = prepare(validate_workspace(workspace))
    markdown, tables = docx_markdown(data, Templates())
    return fonts(data, markdown, tables)


def word_figure_fonts(workspace: Path) -> dict[str, float]:
    """The smallest printed font size of each figure of the Word document, in points: its SVG font size
    times the scale of its picture (the picture's width in EMU, widened by its crop for a cut part)."""
    import hashlib
    import io

    import docx

    sys.path.insert(0, str(ROOT))
    from spbe_arch.document import prepare, render_document
    from spbe_arch.validate import validate_workspace

    data = prepare(validate_workspace(workspace))
    document = docx.Document(io.BytesIO(render_document(data, "docx").content))
    keys = {hashlib.sha1(png).hexdigest(): key for (key, fmt), png in data.figures.cache.items()
            if fmt == "png" and png is not None}
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    embed = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
    fonts: dict[str, float] = {}
    for inline in document.element.body.iter(f"{wp}inline"):
        blip = next(inline.iter(f"{a}blip"))
        key = keys[hashlib.sha1(document.part.related_parts[blip.get(embed)].blob).hexdigest()]
        svg = data.figures.cache[(key, "svg")] or b""
        crop = next(inline.iter(f"{a}srcRect"), None)
        shown = 1 - (int(crop.get("l", "0")) + int(crop.get("r", "0"))) / 100000 if crop is not None else 1.0
        printed = int(inline.find(f"{wp}extent").get("cx")) / 914400 / shown
        natural = float(re.search(rb'<svg[^>]*?\swidth="([\d.]+)pt"', svg).group(1)) / 72  # type: ignore[union-attr]
        smallest = min(float(v) for v in re.findall(rb'font-size="([\d.]+)"', svg))
        fonts[key] = min(fonts.get(key, 99.0), smallest * printed / natural)
    return fonts


def page_count(docx: Path) -> int | None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", folder, str(docx)],
                       capture_output=True, check=False, timeout=600)
        pdf = Path(folder) / (docx.stem + ".pdf")
        if not pdf.is_file():
            return None
        found = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
        return len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workspace", nargs="?", type=Path, default=ROOT / "models" / "kabupaten-pasuruan")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="convert the DOCX with LibreOffice and count its pages")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report: dict[str, Any] = {"workspace": str(args.workspace), "target_seconds": TARGET_SECONDS,
                              "load_average": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        runs = [cli_run(args.workspace, Path(tmp) / f"out{i}") for i in range(args.repeat)]
        best = min(runs)
        report.update(cli_seconds=round(best[0], 2), cli_cpu_seconds=round(best[1], 2), exit_code=best[2],
                      all_runs=[round(r[0], 2) for r in runs])
        out = Path(tmp) / "steps"
        report["steps"] = steps(args.workspace, out)
        report["files"] = {p.relative_to(out).as_posix(): p.stat().st_size for p in sorted(out.glob("*"))
                           if p.is_file()}
        report["diagrams"] = len(list((out / "diagram").glob("*.svg")))
        report["pdf_pages"] = pdf_pages(out / "dokumen-arsitektur-spbe.pdf")
        fonts = figure_fonts(args.workspace)
        smallest = min(fonts, key=fonts.__getitem__) if fonts else None
        report["pdf_smallest_figure_font_pt"] = round(fonts[smallest], 1) if smallest else None
        report["pdf_smallest_font_figure"] = smallest
        word = word_figure_fonts(args.workspace)
        smallest = min(word, key=word.__getitem__) if word else None
        report["docx_smallest_figure_font_pt"] = round(word[smallest], 1) if smallest else None
        report["docx_smallest_font_figure"] = smallest
        if args.pdf:
            report["docx_pages"] = page_count(out / "dokumen-arsitektur-spbe.docx")
    report["within_target"] = report["cli_seconds"] < TARGET_SECONDS
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"spbe build {report['workspace']}: {report['cli_seconds']} s (best of {args.repeat}: "
          f"{report['all_runs']}), {report['cli_cpu_seconds']} CPU s, target {TARGET_SECONDS} s: "
          f"{'met' if report['within_target'] else 'NOT met'}")
    print(f"machine: {report['cpus']} CPUs, load average {report['load_average']}")
    print("steps (in-process run): " + ", ".join(f"{k} {v}" for k, v in report["steps"].items()))
    print(f"{len(report['files'])} files and {report['diagrams']} SVG diagrams; "
          + ", ".join(f"{k} {v // 1024} KiB" for k, v in report["files"].items() if k.startswith("dokumen")))
    print(f"PDF: {report['pdf_pages']} pages; smallest font in a figure {report['pdf_smallest_figure_font_pt']} pt "
          f"({report['pdf_smallest_font_figure']})")
    print(f"DOCX: smallest font in a figure {report['docx_smallest_figure_font_pt']} pt "
          f"({report['docx_smallest_font_figure']})")
    if "docx_pages" in report:
        print(f"DOCX pages (LibreOffice): {report['docx_pages']}")


if __name__ == "__main__":
    main()
