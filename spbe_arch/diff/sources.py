"""Where the two versions of a diff come from: a folder, a git revision, or the working tree.

``compare`` is the library form of ``spbe diff``. Each version is loaded and analysed while its
files exist (a revision lives in a temporary folder), then compared with :mod:`spbe_arch.diff.semantic`.
A version that did not exist is empty; one that does not load is compared as far as it loaded,
with its load errors reported.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from spbe_arch.diff.gitrepo import (
    Revision,
    current_branch,
    default_base,
    extract,
    find_repository,
    relative_path,
    resolve,
    try_commit,
)
from spbe_arch.diff.semantic import ModelDiff, ModelVersion, VersionInfo, VersionState, diff_versions, version_of
from spbe_arch.errors import UsageError
from spbe_arch.findings import Finding
from spbe_arch.loader import MANIFEST_NAMES, load_workspace

WORKING_TREE = "working tree"


def load_version(folder: Path, label: str, *, duplicates: bool = True) -> ModelVersion:
    """Load, validate and analyse the workspace in ``folder``, whatever state it is in."""
    if not folder.is_dir():
        info = VersionInfo(label=label, state="absent",
                           note=f"the workspace does not exist in {label}: everything is compared as added or removed")
        return version_of(None, label, duplicates=duplicates, info=info)
    if not any((folder / name).is_file() for name in MANIFEST_NAMES):
        error = Finding(rule="SC010", severity="error", file="spbe.yaml",
                        message=f"no spbe.yaml in the workspace folder in {label}")
        info = VersionInfo(label=label, state="unloadable", load_errors=[error],
                           note=f"the workspace cannot be loaded in {label}: it has no manifest")
        version = version_of(None, label, findings=[error], duplicates=duplicates, info=info)
        version.has_manifest = False
        return version
    from spbe_arch.validate import validate_loaded

    result = load_workspace(folder)
    validation = validate_loaded(result, label)
    workspace = result.workspace
    state: VersionState = "loaded"
    note = None
    load_errors: list[Finding] = []
    if workspace is None or result.fatal:
        state = "unloadable" if workspace is None else "partial"
        load_errors = [f for f in result.findings if f.severity == "error"]
        what = "cannot be loaded" if workspace is None else "can be loaded only in part"
        note = f"the workspace {what} in {label} ({len(load_errors)} load error(s), listed below)"
    info = VersionInfo(label=label, state=state, elements=len(workspace.elements) if workspace else 0,
                       load_errors=load_errors, note=note)
    return version_of(workspace, label, findings=validation.report.findings, duplicates=duplicates, info=info)


def load_revision(repo: Path, revision: Revision, rel: str, *, duplicates: bool = True) -> ModelVersion:
    """The workspace at ``rel`` as it was at ``revision``, read from git into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="spbe-diff-") as tmp:
        folder = Path(tmp) / "workspace"
        if not extract(repo, revision, rel, folder):
            folder = Path(tmp) / "absent"
        return load_version(folder, revision.label, duplicates=duplicates)


def compare_folders(old: Path, new: Path, *, duplicates: bool = True) -> ModelDiff:
    old_version = load_version(old, str(old), duplicates=duplicates)
    new_version = load_version(new, str(new), duplicates=duplicates)
    _require_some(old_version, new_version)
    return diff_versions(old_version, new_version)


def compare(rev_a: str | None = None, rev_b: str | None = None, workspace: Path = Path("."), *,
            duplicates: bool = True) -> ModelDiff:
    """``spbe diff``: two folders, or the workspace at two revisions (default: the merge base with the
    default branch, and the working tree; one revision: that revision and the working tree)."""
    if rev_a is not None and rev_b is not None and Path(rev_a).is_dir() and Path(rev_b).is_dir():
        return compare_folders(Path(rev_a), Path(rev_b), duplicates=duplicates)
    repo = find_repository(workspace)
    rel = relative_path(repo, workspace)
    old_rev = default_base(repo) if rev_a is None else _resolve_argument(repo, rev_a)
    new_rev = None if rev_b is None else _resolve_argument(repo, rev_b)
    old = load_revision(repo, old_rev, rel, duplicates=duplicates)
    _refuse_same(repo, old_rev, new_rev, rev_a is None)
    if new_rev is None:
        new = load_version(workspace, WORKING_TREE, duplicates=duplicates)
    else:
        new = load_revision(repo, new_rev, rel, duplicates=duplicates)
    _require_some(old, new, rel)
    return diff_versions(old, new)


def _refuse_same(repo: Path, old: Revision, new: Revision | None, default: bool) -> None:
    """A revision compared with itself reports "no change", which reads as a clean bill of health.
    Refuse two names of one commit, and a default base taken from the very branch HEAD is on (a run
    on the default branch, or a clone that holds only this branch), naming what to give instead."""
    if new is not None and new.commit == old.commit:
        raise UsageError(f"{old.label} and {new.label} are the same commit: there is nothing to compare; "
                         "name two different revisions")
    if not default or new is not None or old.base_of is None or try_commit(repo, "HEAD") != old.commit:
        return
    branch = current_branch(repo)
    base_branch = old.base_of.split("/", 1)[1] if old.base_of.startswith("origin/") else old.base_of
    if branch is None or branch == base_branch:
        on = f"on {branch}" if branch else "detached"
        raise UsageError(
            f"HEAD is {on} and the base found for it, the {old.label}, is HEAD itself: the branch would be "
            "compared with itself. Name the base: spbe diff REV (for example spbe diff HEAD~1, or the "
            "target branch after fetching it), or spbe diff HEAD for the uncommitted changes")


def _resolve_argument(repo: Path, rev: str) -> Revision:
    if Path(rev).is_dir() and try_commit(repo, rev) is None:
        raise UsageError(f"{rev!r} is a folder, not a revision; to compare folders give two: "
                         "spbe diff OLD_FOLDER NEW_FOLDER")
    return resolve(repo, rev)


def _require_some(old: ModelVersion, new: ModelVersion, rel: str | None = None) -> None:
    """A usage error when neither version is a workspace: a wrong --workspace, not a change."""
    if any(v.info.state != "absent" and v.has_manifest for v in (old, new)):
        return
    what = f"the folder {rel!r} of the repository" if rel else "the folder"
    hint = "; give the workspace folder with --workspace" if rel else ""
    if old.info.state == "absent" and new.info.state == "absent":
        raise UsageError(f"{what} exists neither in {old.info.label} nor in {new.info.label}{hint}")
    raise UsageError(f"{what} holds no workspace (spbe.yaml) in {old.info.label} or in {new.info.label}{hint}")


__all__ = ["WORKING_TREE", "compare", "compare_folders", "load_revision", "load_version"]
