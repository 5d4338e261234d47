"""Benchmark of the national-application judgement (`spbe classify`, rule AP015, the duplicate finder's
local copies) on real inventories labelled by hand.

Each inventory of tests/data/inventories with a national.csv goes through `spbe import inventory`,
then `spbe classify`; every row's predicted relation to a national application (is it, copies it, or
neither) is compared with the labels: precision and recall of local copies (the right national
application), of copies whichever application is named, and of the national applications themselves.
Again with descriptions blanked (names only), and with the description in the name's place
(descriptions as names: long, descriptive names with no description). Last, the RAB process areas it
suggests, against the hand labels of the inventories that have a rab.csv. The held-out inventory
(Provinsi Jawa Barat) is scored only with --held-out, and only its figures are printed, never its rows.

    python benchmarks/bench_classify.py [--held-out] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_duplicates import HELD_OUT, INVENTORIES, TUNING, names_only  # noqa: E402


def national_quality(name: str, work: Path, held_out: bool, blank_descriptions: bool,
                     descriptive: bool = False) -> dict[str, object] | None:
    """One inventory's national judgement; ``descriptive``: the description in the name's place (the
    nearest real text to inventories that name every row by a phrase, with no description)."""
    from spbe_arch.duplicates.national_labels import evaluate_national
    from spbe_arch.loader import open_workspace

    folder = INVENTORIES / name
    if not (folder / "national.csv").is_file():
        print(f"\n== {name}: no national.csv yet, skipped")
        return None
    variant = "-descriptive" if descriptive else "-names-only" if blank_descriptions else ""
    target = work / f"classify-{name}{variant}"
    csv_file = names_only(folder / "apps.csv", work / f"classify-{name}{variant}.csv", descriptive=descriptive) \
        if blank_descriptions or descriptive else folder / "apps.csv"
    subprocess.run([sys.executable, "-m", "spbe_arch", "import", "inventory", str(csv_file), "--into",
                    str(target), "--force"], check=True, capture_output=True, cwd=ROOT)
    workspace, _ = open_workspace(target)
    result = evaluate_national(workspace, folder / "national.csv")
    print(f"\n== {name}{' (HELD OUT: never tuned on)' if held_out else ' (tuning set)'}"
          f"{', descriptions as names' if descriptive else ''}"
          f"{', names only (descriptions blanked)' if blank_descriptions and not descriptive else ''}")
    for label, s in (("copies", result.copies), ("copies, any", result.copies_any),
                     ("is national", result.is_national)):
        print(f"  {label:<12} precision {s.precision:.3f}  recall {s.recall:.3f}  ({s.found} right of {s.predicted} "
              f"predicted, {s.expected} labelled)")
    print(f"  rows left out: {result.left_out} partly or unsure, {result.retired} of retired applications; "
          f"labelled national applications outside the table: {result.outside_table}")
    if not held_out:
        print(f"  missed ({len(result.missed)}): {result.missed}")
        print(f"  wrong ({len(result.wrong)}): {result.wrong}")
    return {"set": name, "held_out": held_out, "names_only": blank_descriptions, "descriptive": descriptive,
            **result.model_dump(exclude={"missed", "wrong"})}


def rab_quality(name: str, work: Path) -> dict[str, object] | None:
    """One inventory's suggested RAB areas against its hand labels (rab.csv), as the inventory is."""
    from spbe_arch.classify import classify
    from spbe_arch.loader import open_workspace
    from spbe_arch.rab_labels import evaluate_rab

    folder = INVENTORIES / name
    if not (folder / "rab.csv").is_file():
        return None
    target = work / f"rab-{name}"
    subprocess.run([sys.executable, "-m", "spbe_arch", "import", "inventory", str(folder / "apps.csv"), "--into",
                    str(target), "--force"], check=True, capture_output=True, cwd=ROOT)
    workspace, _ = open_workspace(target)
    result = evaluate_rab(workspace, classify(workspace), folder / "rab.csv")
    print(f"\n== {name}: RAB areas ({result.labelled} rows labelled with an area)")
    for label, s in result.by_confidence.items():
        print(f"  {label:<17} precision {s.precision:.3f}  ({s.right} right of {s.suggested} suggested; "
              f"level 2 right: {s.level2_right})")
    print(f"  labelled rows without a suggestion: {result.labelled_without_suggestion}; "
          f"suggestions on rows labelled none: {result.on_rows_labelled_none}")
    return {"set": name, "rab": result.model_dump()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--held-out", action="store_true", help="score the held-out inventory too (figures only)")
    parser.add_argument("--work", type=Path, help="folder for the imported workspaces (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        results = []
        sets = [(name, False) for name in TUNING] + ([(name, True) for name in HELD_OUT] if args.held_out else [])
        for blank, descriptive in ((False, False), (True, False), (True, True)):
            for name, held_out in sets:
                if descriptive and held_out:
                    continue  # the held-out inventory has no descriptions to read as names
                found = national_quality(name, work, held_out, blank, descriptive)
                if found is not None:
                    results.append(found)
        for name in TUNING:  # the RAB labels hold no held-out inventory's rows
            found = rab_quality(name, work)
            if found is not None:
                results.append(found)
        print("\n" + json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
