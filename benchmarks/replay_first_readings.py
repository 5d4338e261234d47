"""The first readings of the real inventories, replayed: the finder as it was in the commit before each
inventory's labels arrived (the code that had never seen it), scored against today's labels.

A tuning set's figures say how well the finder fits what it was tuned on; these say how it does on an
inventory it has not seen, which is what a new Pemda gets. Each reading is also regrouped with today's
grouping rule (``spbe_arch.duplicates.grouping._components``) on the very pairs that old finder
reported, which measures a change to grouping on unseen data without tuning anything on it.

Needs the project's git history (a full clone) and runs the old code from temporary worktrees.

    python benchmarks/replay_first_readings.py [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_duplicates import INVENTORIES, names_only  # noqa: E402

from spbe_arch.duplicates.grouping import _components  # noqa: E402
from spbe_arch.duplicates.inventory_labels import load_inventory_labels  # noqa: E402
from spbe_arch.duplicates.report import Pair  # noqa: E402

# the commit that added each inventory's labels: the finder of its parent had never seen the inventory
ARRIVALS = {"banjarbaru-kota": "7981323", "bali-prov": "0ae6027", "konawe-selatan-kab": "3d2fa72",
            "gunungkidul-kab": "489150f", "sukabumi-kota": "f099a2a"}


def _spbe(code: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "spbe_arch", *args], capture_output=True, text=True, cwd=code,
                          env=dict(os.environ, PYTHONPATH=str(code)), check=False)


def _rows(workspace: Path) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for path in (workspace / "aplikasi").glob("*.yaml"):
        for app in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("applications", []):
            ids = str((app.get("properties") or {}).get("source_ids", ""))
            rows[app["id"]] = [x.strip() for x in re.split(r"[,;]", ids) if x.strip()]  # "; " in older imports
    return rows


def _score(report: dict, rows: dict[str, list[str]], labels: Path, regroup: bool) -> tuple[float, float, int]:
    expected, excluded = load_inventory_labels(labels)
    groups = [g["applications"] for g in report["groups"]]
    if regroup:
        nationals = {g.get("national_application") for g in report["groups"]} - {None}
        local = [Pair(a=p["a"], b=p["b"], score=p["score"], evidence=p["evidence"]) for p in report["pairs"]
                 if p["kind"] == "functional" and p["a"] not in nationals and p["b"] not in nationals]
        groups = [g["applications"] for g in report["groups"]
                  if g["kind"] == "same_system" or g.get("national_application")] + _components(
                      local, joins=lambda pair: pair.evidence[0].startswith("identical names"))  # namesakes
    predicted = {frozenset(p) for ids in rows.values() for p in combinations(sorted(ids), 2)}
    for group in groups:
        for a, b in combinations(group, 2):
            predicted |= {frozenset((x, y)) for x in rows.get(a, []) for y in rows.get(b, []) if x != y}
    predicted -= excluded
    found = len(predicted & set(expected))
    return found / max(1, len(predicted)), found / max(1, len(expected)), len(predicted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=None, help="folder for worktrees and workspaces")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="spbe-replay-"))
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=True)
    try:
        for name, commit in ARRIVALS.items():
            _replay(work, name, commit)
    finally:  # the old code's worktrees are not left registered in the repository
        for name in ARRIVALS:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / f"code-{name}")],
                           capture_output=True, check=False)


def _replay(work: Path, name: str, commit: str) -> None:
    code = work / f"code-{name}"
    if not code.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(code), f"{commit}^"],
                       check=True)
    for variant in ("as it is", "names only"):
        source = INVENTORIES / name / "apps.csv"
        if variant == "names only":
            source = names_only(source, work / f"{name}-names.csv")
        workspace = work / f"ws-{name}-{variant.replace(' ', '-')}"
        _spbe(code, "import", "inventory", str(source), "--into", str(workspace), "--force")
        report = json.loads(_spbe(code, "duplicates", str(workspace), "-f", "json").stdout)
        rows = _rows(workspace)
        then = _score(report, rows, INVENTORIES / name / "labels.yaml", regroup=False)
        now = _score(report, rows, INVENTORIES / name / "labels.yaml", regroup=True)
        print(f"{name:20} {variant:11} as read then: P {then[0]:.3f} R {then[1]:.3f} ({then[2]} pairs)   "
              f"regrouped today: P {now[0]:.3f} R {now[1]:.3f} ({now[2]} pairs)")


if __name__ == "__main__":
    main()
