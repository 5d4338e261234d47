"""Benchmark of the duplicate finder.

1. Quality: precision and recall of pairs and of groups on every labelled set (the bundled example's
   planted groups and the Sukamaju inventory), with the missed and the wrong pairs; then on the real
   inventories of tests/data/inventories (CSV -> `spbe import inventory` -> finder -> row pairs against
   hand labels), overall and per kind (same_system, functional); again with descriptions blanked (names
   only), with descriptions and categories blanked, and with descriptions as names; then on the
   synthetic inventories of fictional Pemda written blind (tests/data/synthetic-inventories). The held-out
   inventories are scored only with --held-out (Provinsi Jawa Barat, which lists names only; an
   inventory with descriptions is also scored by its names alone), and only their figures are printed.
2. Scale: `find_duplicates` on the synthetic national workspace (30,000 applications, made by
   benchmarks/generate_national.py): wall time and peak RSS, measured in a child process.
3. Blocking: on a 3,000-application national workspace, the share of the pairs that `--exhaustive`
   finds above the threshold that the blocked run also finds.

    python benchmarks/bench_duplicates.py [--scale 1.0] [--subset-scale 0.1] [--work DIR] [--skip-scale]
        [--held-out]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = (
    ("kabupaten-pasuruan", ROOT / "models" / "kabupaten-pasuruan", ROOT / "models" / "kabupaten-pasuruan" / ".labels"
     / "duplicates.yaml"),
    ("sukamaju-inventory", ROOT / "tests" / "data" / "sukamaju-inventory", ROOT / "tests" / "data"
     / "sukamaju-inventory.labels.yaml"),
)


INVENTORIES = ROOT / "tests" / "data" / "inventories"
TUNING = ("magetan-kab", "banten-prov", "banjarbaru-kota", "bali-prov", "konawe-selatan-kab", "gunungkidul-kab",
          "sukabumi-kota", "probolinggo-kota", "soppeng-kab", "grobogan-kab")
HELD_OUT = ("jabar-prov",)
# fictional Pemda inventories written blind, labelled by their writers (tests/data/synthetic-inventories)
SYNTHETIC_INVENTORIES = ROOT / "tests" / "data" / "synthetic-inventories"
SYNTHETIC = ("sumberwangi-kab", "nusantara-tengah-prov", "tanjung-batu-kota", "andalas-tengah-prov",
             "jawa-tenggara-prov", "kepulauan-sagara-prov", "lembah-sari-kab", "priangan-selatan-prov",
             "nusa-cendana-prov", "kalimantan-hulu-prov", "abada-prov", "tirta-sari-kota", "wengker-kab",
             "kembang-arum-kota", "batu-ampar-kab", "giri-tirta-kota", "sendang-wangi-kab",
             "pandan-arum-kab", "teluk-permai-kota", "watu-gede-kab", "segara-amerta-kota", "lereng-kidul-kab",
             "bayu-tirta-kota", "wanareja-kab", "muara-jingga-kota")


def names_only(source: Path, target: Path, categories: bool = False, descriptive: bool = False) -> Path:
    """The inventory with its descriptions blanked (and its categories, when asked): what the finder sees
    of an inventory that lists names only (many Pemda inventories do, some without saying which rows are
    websites). The tuning sets read this way tell whether names alone suffice.

    ``descriptive``: the description, where there is one, takes the name's place. Some inventories name
    every application by a phrase that says what it does ("Aplikasi Survei Kepuasan Masyarakat Dinas
    X", "Website Badan Y"), with no description: the tuning sets read this way are the nearest real
    text to such names."""
    import csv

    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if descriptive:
        rows = [{**row, "name": row["description"].strip() or row["name"]} for row in rows]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        blank = {"description": ""} | ({"category": ""} if categories and "category" in rows[0] else {})
        writer.writerows({**row, **blank} for row in rows)
    return target


def _described(source: Path) -> bool:
    import csv

    with source.open(encoding="utf-8", newline="") as handle:
        return any((row.get("description") or "").strip() for row in csv.DictReader(handle))


def inventory_quality(name: str, work: Path, held_out: bool, show_errors: bool,
                      blank_descriptions: bool = False, blank_categories: bool = False,
                      descriptive: bool = False, folders: Path = INVENTORIES) -> dict[str, object] | None:
    """A real inventory the way a user meets it: the CSV through `spbe import inventory`, then the
    finder, then its row pairs against the hand labels (by kind)."""
    from spbe_arch.duplicates import find_duplicates
    from spbe_arch.duplicates.inventory_labels import evaluate_inventory
    from spbe_arch.loader import open_workspace

    folder = folders / name
    if not (folder / "labels.yaml").is_file():
        print(f"\n== {name}: no labels yet, skipped")
        return None
    variant = "-descriptive" if descriptive else "-no-category" if blank_categories \
        else "-names-only" if blank_descriptions else ""
    target = work / f"inventory-{name}{variant}"
    csv_file = names_only(folder / "apps.csv", work / f"{name}{variant}.csv", blank_categories, descriptive) \
        if blank_descriptions or descriptive else folder / "apps.csv"
    subprocess.run([sys.executable, "-m", "spbe_arch", "import", "inventory", str(csv_file), "--into",
                    str(target), "--force"], check=True, capture_output=True, cwd=ROOT)
    workspace, _ = open_workspace(target)
    result = evaluate_inventory(find_duplicates(workspace), workspace, folder / "labels.yaml")
    use = " (HELD OUT: never tuned on)" if held_out else " (synthetic, written blind)" \
        if folders != INVENTORIES else " (tuning set)"
    print(f"\n== {name}{use}"
          f"{', descriptions as names' if descriptive else ''}"
          f"{', names only (descriptions blanked)' if blank_descriptions and not descriptive else ''}"
          f"{', no categories' if blank_categories else ''}")
    # per kind, "found" counts the labelled pairs of the kind found under either kind (recall), and
    # "predicted" the pairs predicted as the kind (precision): found may exceed predicted
    for label, s in (("overall", result.overall), *result.by_kind.items()):
        print(f"  {label:<12} precision {s.precision:.3f}  recall {s.recall:.3f}  ({s.found} of the labelled "
              f"found, {s.predicted} predicted as {label if label != 'overall' else 'duplicates'}, "
              f"{s.expected} labelled)")
    print(f"  kind agreement on found pairs: {result.kind_agreement:.3f}")
    if show_errors:
        print(f"  missed ({len(result.missed)}): {result.missed}")
        print(f"  wrong ({len(result.wrong)}): {result.wrong}")
    return {"set": name, "held_out": held_out, "names_only": blank_descriptions, "no_category": blank_categories,
            "descriptive": descriptive,
            **result.model_dump(exclude={"missed", "wrong"})}


def quality() -> list[dict[str, object]]:
    from spbe_arch.duplicates.evaluate import evaluate_workspace

    rows = []
    for name, workspace, labels in LABELLED:
        if not labels.is_file():
            print(f"{name}: no labels at {labels}, skipped")
            continue
        result = evaluate_workspace(workspace, labels)
        print(f"\n== {name} (threshold {result.threshold})")
        for kind in ("pairs", "direct_pairs", "groups"):
            s = getattr(result, kind)
            print(f"  {kind:<13} precision {s.precision:.3f}  recall {s.recall:.3f}  f1 {s.f1:.3f}  "
                  f"({s.true_positives} of {s.predicted} predicted, {s.expected} expected)")
        print(f"  labelled non-duplicates reported: {result.not_duplicates_flagged or 'none'}")
        print(f"  missed pairs ({len(result.missed_pairs)}): {result.missed_pairs}")
        print(f"  wrong pairs ({len(result.wrong_pairs)}): {result.wrong_pairs}")
        rows.append({"set": name, **result.model_dump(include={"threshold", "pairs", "direct_pairs", "groups"})})
    return rows


_CHILD = """
import json, resource, sys, time
from spbe_arch.cli import configure_gc
from spbe_arch.loader import load_workspace
from spbe_arch.duplicates import find_duplicates
configure_gc()  # the garbage-collector setting of a `spbe` process
start = time.perf_counter()
workspace = load_workspace(sys.argv[1]).workspace
loaded = time.perf_counter()
report = find_duplicates(workspace, exhaustive=sys.argv[2] == "exhaustive")
done = time.perf_counter()
json.dump({"applications": len(workspace.applications), "load_s": loaded - start, "find_s": done - loaded,
           "pairs": [[p.a, p.b] for p in report.pairs] if sys.argv[3] == "pairs" else len(report.pairs),
           "groups": len(report.groups), "threshold": report.threshold,
           "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, sys.stdout)
"""


def run_child(workspace: Path, exhaustive: bool = False, pairs: bool = False) -> dict[str, object]:
    """One run in a fresh interpreter, so that its peak RSS is its own."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(workspace), "exhaustive" if exhaustive else "blocked",
         "pairs" if pairs else "count"],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result


def generate(out: Path, scale: float) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate_national import generate as make  # type: ignore[import-not-found]

    if not (out / "spbe.yaml").is_file():
        print(f"generating {out} (scale {scale}) ...", flush=True)
        make(out, scale=scale)


def scale_run(work: Path, scale: float) -> dict[str, object]:
    national = work / f"national-{scale:g}"
    generate(national, scale)
    result = run_child(national)
    print(f"\n== national workspace: {result['applications']} applications")
    print(f"  load {result['load_s']:.1f} s (the loader, not measured by this issue), "
          f"find_duplicates {result['find_s']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB, "
          f"{result['pairs']} pairs, {result['groups']} groups")
    return result


def blocking_run(work: Path, scale: float) -> dict[str, object]:
    subset = work / f"national-{scale:g}"
    generate(subset, scale)
    blocked = run_child(subset, pairs=True)
    exhaustive = run_child(subset, exhaustive=True, pairs=True)
    found = {tuple(p) for p in blocked["pairs"]}  # type: ignore[attr-defined]
    wanted = {tuple(p) for p in exhaustive["pairs"]}  # type: ignore[attr-defined]
    recall = len(found & wanted) / len(wanted) if wanted else 1.0
    print(f"\n== blocking on {blocked['applications']} applications (threshold {blocked['threshold']})")
    print(f"  exhaustive: {len(wanted)} pairs in {exhaustive['find_s']:.1f} s; blocked: {len(found)} pairs in "
          f"{blocked['find_s']:.1f} s; blocking finds {recall:.4f} of the exhaustive pairs")
    return {"applications": blocked["applications"], "exhaustive_pairs": len(wanted), "blocked_pairs": len(found),
            "recall": recall, "exhaustive_s": exhaustive["find_s"], "blocked_s": blocked["find_s"]}


_MANIFEST = 'spbe: 1\ngovernment: {name: Pemerintah Kabupaten Uji, code: "99.01", kind: kabupaten}\n' \
            "period: {start: 2025, end: 2029}\n"
_BAD_ROWS = 1000
# inventories that must stay linear (the "bad input"): a name on 1,000 rows, a name and its client
# across two OPDs, one template description on 1,000 village websites
_BAD_INPUTS: dict[str, Callable[[int], str]] = {
    "one name on 1,000 rows of two OPDs": lambda i: f"{{id: r{i:04d}, name: {'EP3' if i % 3 else 'E-P3'}, "
                                                   f"owner: {'a' if i % 2 else 'b'}}}",
    "a name and its client, 500 rows each, two OPDs": lambda i: f"{{id: r{i:04d}, name: "
                                                               f"{'EP3' if i % 2 else 'EP3 Mobile'}, "
                                                               f"owner: {'a' if i % 2 else 'b'}}}",
    "one template description on 1,000 village websites": lambda i: f"{{id: r{i:04d}, name: Website Desa {i}, "
                                                                   f"owner: desa-{i}, tags: [website], description: "
                                                                   f"Website resmi pemerintah desa sebagai media "
                                                                   f"informasi publik}}",
}


def bad_inputs_run(work: Path) -> dict[str, object]:
    """Time ``find_duplicates`` on inventories built to be quadratic, each in a fresh interpreter."""
    print("\n== bad inputs (each must stay about linear: compare with a few seconds)")
    figures: dict[str, object] = {}
    for n, (label, row) in enumerate(_BAD_INPUTS.items()):
        folder = work / f"bad-{n}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "spbe.yaml").write_text(_MANIFEST, encoding="utf-8")
        villages = "".join(f"  - {{id: desa-{i}, name: Desa {i}, kind: lainnya}}\n" for i in range(_BAD_ROWS))
        (folder / "organisasi.yaml").write_text("organizations:\n  - {id: a, name: Dinas A, kind: dinas}\n"
                                                "  - {id: b, name: Dinas B, kind: dinas}\n" + villages,
                                                encoding="utf-8")
        (folder / "aplikasi.yaml").write_text("applications:\n" + "".join(f"  - {row(i)}\n" for i in range(_BAD_ROWS)),
                                              encoding="utf-8")
        result = run_child(folder)
        print(f"  {label}: find_duplicates {result['find_s']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB, "
              f"{result['pairs']} pairs, {result['groups']} groups")
        figures[label] = result
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="national workspace scale (1.0: 30,000 apps)")
    parser.add_argument("--subset-scale", type=float, default=0.1, help="scale of the blocking check (0.1: 3,000)")
    parser.add_argument("--work", type=Path, help="folder for the generated workspaces (kept for reuse)")
    parser.add_argument("--skip-scale", action="store_true", help="quality only")
    parser.add_argument("--held-out", action="store_true", help="also score the held-out inventory (figures only)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    from spbe_arch.cli import configure_gc

    configure_gc()  # the garbage-collector setting of a `spbe` process: the library leaves it alone
    figures: dict[str, object] = {"quality": quality()}
    work = args.work or Path(tempfile.mkdtemp(prefix="spbe-bench-duplicates-"))
    work.mkdir(parents=True, exist_ok=True)
    figures["inventories"] = [inventory_quality(n, work, False, True) for n in TUNING]
    figures["names_only"] = [inventory_quality(n, work, False, True, blank_descriptions=True) for n in TUNING]
    figures["no_category"] = [inventory_quality(n, work, False, True, blank_descriptions=True, blank_categories=True)
                              for n in TUNING]
    figures["descriptive"] = [inventory_quality(n, work, False, True, descriptive=True) for n in TUNING]
    figures["synthetic"] = [inventory_quality(n, work, False, True, folders=SYNTHETIC_INVENTORIES) for n in SYNTHETIC]
    if args.held_out:  # run once, at the end: its errors are not printed, so that nobody tunes on them
        figures["held_out"] = [inventory_quality(n, work, True, False) for n in HELD_OUT]
        # an inventory with descriptions is also read by its names alone: the shape of the other one
        figures["held_out_names_only"] = [inventory_quality(n, work, True, False, blank_descriptions=True)
                                          for n in HELD_OUT if _described(INVENTORIES / n / "apps.csv")]
    if not args.skip_scale:
        figures["blocking"] = blocking_run(work, args.subset_scale)
        figures["scale"] = scale_run(work, args.scale)
        figures["bad_inputs"] = bad_inputs_run(work)
    figures["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"\nbenchmark done in {time.perf_counter() - start:.0f} s")
