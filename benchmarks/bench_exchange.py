"""Benchmark of the exchange formats on a workspace.

Measured, best of ``--repeat`` runs, in seconds:
- model: the workspace mapped to ArchiMate (elements, relationships, properties, folders), no views;
- views: the three generated views, laid out by Graphviz;
- xml: writing the exchange document and checking it against the XSDs and the relationship table;
- export: the whole ``spbe export archimate`` function (loading included);
- csv: the whole ``spbe export archi-csv`` function;
- import: ``spbe import archimate`` of the exported file into a new folder;
- inventory: ``spbe import inventory`` of a CSV inventory written from the workspace's applications
  (Indonesian headers, one row per application).

    python benchmarks/bench_exchange.py [WORKSPACE] [--repeat 3] [--json]

Default WORKSPACE: the bundled example.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench_diff import best  # the benchmarks' one timing helper (best of N runs)

HERE = Path(__file__).resolve().parent


def write_inventory(workspace: Any, path: Path) -> int:
    """An inventory as Pemda keep it, one row per application of the workspace."""
    headers = ["No", "Nama Aplikasi", "Singkatan", "OPD Pemilik", "OPD Pengguna", "Fungsi", "Klasifikasi",
               "Kategori", "Media", "Status", "Tahun Pembuatan", "Link", "Basis Data", "Lokasi Server"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for number, app in enumerate(workspace.applications, start=1):
            users = ", ".join(workspace.display_name(u) for u in app.users)
            server = workspace.display_name(app.hosted_on[0]) if app.hosted_on else ""
            writer.writerow([number, app.name, app.acronym or "", workspace.display_name(app.owner), users,
                             app.description or "", app.kind.title(), "Pusat" if app.source == "nasional" else "Lokal",
                             ", ".join(app.platform), "Aktif" if app.status == "aktif" else "Tidak Aktif",
                             app.since or "", app.url or "",
                             app.technology.database if app.technology and app.technology.database else "", server])
    return len(workspace.applications)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workspace", nargs="?", type=Path, default=HERE.parent / "models" / "kabupaten-pasuruan")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone

    from spbe_arch.exchange.archi_csv import export_archi_csv
    from spbe_arch.exchange.archimate_export import (
        _check,
        _serialize,
        build_tree,
        export_archimate,
        forbidden_relationships,
    )
    from spbe_arch.exchange.archimate_import import import_archimate
    from spbe_arch.exchange.inventory import import_inventory
    from spbe_arch.exchange.model_builder import build_model
    from spbe_arch.exchange.views import build_views
    from spbe_arch.loader import open_workspace

    workspace, _ = open_workspace(args.workspace)
    work = Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    try:
        xmodel, _ = build_model(workspace)
        xmodel.views = build_views(workspace, xmodel.relationships)

        def xml() -> None:
            assert not forbidden_relationships(xmodel)
            tree = build_tree(xmodel)
            _check(tree)
            _serialize(tree)

        exported = work / "model.xml"
        counter = iter(range(10_000))
        rows = write_inventory(workspace, work / "inventaris.csv")
        figures = {
            "elements": len(xmodel.elements),
            "relationships": len(xmodel.relationships),
            "inventory_rows": rows,
            "model": best(args.repeat, lambda: build_model(workspace)),
            "views": best(args.repeat, lambda: build_views(workspace, xmodel.relationships)),
            "xml": best(args.repeat, xml),
            "export": best(args.repeat, lambda: export_archimate(args.workspace, exported)),
            "csv": best(args.repeat, lambda: export_archi_csv(args.workspace, work / "csv")),
            "import": best(args.repeat, lambda: import_archimate(exported, work / f"imported-{next(counter)}")),
            "inventory": best(args.repeat, lambda: import_inventory(work / "inventaris.csv",
                                                                    work / f"inventory-{next(counter)}")),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    for key, value in figures.items():
        print(f"{key:15} {value:.3f} s" if isinstance(value, float) else f"{key:15} {value}")


if __name__ == "__main__":
    main()
