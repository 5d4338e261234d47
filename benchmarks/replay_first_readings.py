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
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_duplicates import INVENTORIES, names_only  # noqa: E402

from spbe_arch.duplicates.grouping import _components  # noqa: E402
from spbe_arch.duplicates.inventory_labels import evaluate_inventory  # noqa: E402
from spbe_arch.duplicates.report import DuplicateReport, Group  # noqa: E402
from spbe_arch.loader import open_workspace  # noqa: E402
from spbe_arch.workspace import Workspace  # noqa: E402

# the commit that added each inventory's labels: the finder of its parent had never seen the inventory
ARRIVALS = {"banjarbaru-kota": "7981323", "bali-prov": "0ae6027", "konawe-selatan-kab": "3d2fa72",
            "gunungkidul-kab": "489150f", "sukabumi-kota": "f099a2a", "probolinggo-kota": "9f24c5d",
            "soppeng-kab": "83195ff"}


def _spbe(code: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "spbe_arch", *args], capture_output=True, text=True, cwd=code,
                          env=dict(os.environ, PYTHONPATH=str(code)), check=False)


def _regrouped(report: DuplicateReport) -> DuplicateReport:
    """The report with its local functional groups made again from its own pairs, by today's rule."""
    nationals = {g.national_application for g in report.groups} - {None}
    local = [p for p in report.pairs if p.kind == "functional" and p.a not in nationals and p.b not in nationals]
    kept = [g for g in report.groups if g.kind == "same_system" or g.national_application]
    made = _components(local, joins=lambda pair: pair.evidence[0].startswith("identical names"))  # namesakes
    groups = kept + [Group(id=f"regrouped-{i}", applications=members, function="", proposal="")
                     for i, members in enumerate(made) if len(members) > 1]
    return report.model_copy(update={"groups": groups})


def _figures(report: DuplicateReport, workspace: Workspace, labels: Path) -> str:
    overall = evaluate_inventory(report, workspace, labels).overall
    return f"P {overall.precision:.3f} R {overall.recall:.3f} ({overall.predicted} pairs)"


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
        folder = work / f"ws-{name}-{variant.replace(' ', '-')}"
        _spbe(code, "import", "inventory", str(source), "--into", str(folder), "--force")
        report = DuplicateReport.model_validate_json(_spbe(code, "duplicates", str(folder), "-f", "json").stdout)
        workspace, _ = open_workspace(folder)
        labels = INVENTORIES / name / "labels.yaml"
        print(f"{name:20} {variant:11} as read then: {_figures(report, workspace, labels)}   "
              f"regrouped today: {_figures(_regrouped(report), workspace, labels)}")


if __name__ == "__main__":
    main()
