"""`spbe diff` on git revisions: temporary repositories, never the user's working tree."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.diff.gitrepo import GitError, default_base, find_repository, resolve
from spbe_arch.diff.semantic import ModelDiff
from spbe_arch.diff.sources import compare
from spbe_arch.errors import SpbeError, UsageError
from spbe_arch.validate import all_rules

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Tim SPBE", "GIT_AUTHOR_EMAIL": "spbe@uji.go.id",
    "GIT_COMMITTER_NAME": "Tim SPBE", "GIT_COMMITTER_EMAIL": "spbe@uji.go.id",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_DATE": "2025-06-30T10:00:00+07:00",
    "GIT_COMMITTER_DATE": "2025-06-30T10:00:00+07:00",
}

# A dinkes copy of the BKPSDM personnel application, integrated point to point with app-simpeg.
DUPLICATE_APP = """\
  - id: app-simpeg-dinkes
    name: Sistem Informasi Manajemen Kepegawaian Dinas Kesehatan
    acronym: SIMPEG
    owner: dinkes
    reference: RAA.02.02.01
    kind: khusus
    source: lokal
    platform: [web]
    supports: [pb-manajemen-asn]
    writes: [data-pegawai]
    integrations:
      - {target: app-simpeg, data: [data-pegawai], protocol: database}
    security_category: tinggi
"""

Git = Callable[..., str]


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default base must not depend on the CI system the suite itself runs on."""
    for name in ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "CI_DEFAULT_BRANCH",
                 "CI_MERGE_REQUEST_DIFF_BASE_SHA", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(cwd.parent), "LC_ALL": "C"}
    result = subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                            cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path, small: Path) -> Path:
    """A repository whose first commit holds a README only, the second the small workspace."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    (root / "README.md").write_text("# arsitektur\n", encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "awal")
    shutil.copytree(small, root / "models" / "uji")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "model")
    return root


def _add_duplicate(repo: Path, commit: bool = True) -> None:
    apps = repo / "models" / "uji" / "aplikasi" / "aplikasi.yaml"
    apps.write_text(apps.read_text(encoding="utf-8") + DUPLICATE_APP, encoding="utf-8")
    if commit:
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "tambah SIMPEG Dinkes")


def _tree_state(repo: Path) -> tuple[str, str, dict[str, bytes]]:
    files = {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted(repo.rglob("*"))
             if p.is_file() and ".git" not in p.relative_to(repo).parts}
    return _git(repo, "status", "--porcelain"), _git(repo, "rev-parse", "HEAD"), files


def _point_to_point_rule() -> str:
    codes = [r.code for r in all_rules() if r.name == "point-to-point-integration"]
    assert codes, "the point-to-point integration rule is missing from the catalogue"
    return codes[0]


def _assert_done_when(diff: ModelDiff, app_id: str, duplicate_of: str) -> None:
    added = [r.id for c in diff.collections for r in c.added]
    assert app_id in added
    rule = _point_to_point_rule()
    assert any(f.rule == rule and f.severity == "warning" and f.element == app_id for f in diff.findings_introduced)
    assert diff.duplicates.available
    groups = [c.group.applications for c in diff.duplicates.introduced]
    assert any(app_id in g and duplicate_of in g for g in groups), groups
    assert diff.exit_code(["duplicate"]) == 1


def test_done_when_small(repo: Path) -> None:
    """The issue's acceptance test on the small fixture: the added application, the new duplicate group,
    the new point-to-point warning, and --fail-on-new duplicate."""
    _add_duplicate(repo)
    ws = repo / "models" / "uji"
    diff = compare("HEAD~1", "HEAD", ws)
    _assert_done_when(diff, "app-simpeg-dinkes", "app-simpeg")
    runner = CliRunner()
    md = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--workspace", str(ws), "--format", "md"])
    assert md.exit_code == 0, md.output
    assert "`app-simpeg-dinkes`" in md.stdout and f"`{_point_to_point_rule()}`" in md.stdout
    assert "New duplicate groups (1)" in md.stdout
    failing = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "-w", str(ws), "--fail-on-new", "duplicate"])
    assert failing.exit_code == 1, failing.output
    assert "duplicate groups introduced:" in failing.stdout
    assert runner.invoke(app, ["diff", "HEAD~1", "HEAD", "-w", str(ws), "--fail-on-new", "warning"]).exit_code == 1


def test_done_when_example(tmp_path: Path, example: Path) -> None:
    """The same on a copy of the bundled example, duplicating one of its applications."""
    if not (example / "spbe.yaml").is_file():
        pytest.skip("the bundled example is not in this checkout")
    from spbe_arch.loader import load_workspace

    loaded = load_workspace(example).workspace
    if loaded is None:
        pytest.skip("the bundled example does not load in this checkout")
    candidates = [a for a in loaded.applications if a.source == "lokal" and a.supports]
    owners = {o.id for o in loaded.organizations if o.kind != "instansi-pusat"}
    if not candidates or len(owners) < 2:
        pytest.skip("the bundled example has no local application to duplicate yet")
    original = sorted(candidates, key=lambda a: a.id)[0]
    other_owner = sorted(owners - {original.owner})[0]
    root = tmp_path / "repo"
    shutil.copytree(example, root / "models" / "contoh")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "contoh")
    copy = "\n".join([
        "applications:",
        f"  - id: {original.id}-salinan",
        f"    name: {original.name!r}",
        *([f"    acronym: {original.acronym!r}"] if original.acronym else []),
        f"    owner: {other_owner}",
        *([f"    reference: {original.reference}"] if original.reference else []),
        f"    supports: [{', '.join(original.supports)}]",
        *([f"    writes: [{', '.join(original.writes)}]"] if original.writes else []),
        "    integrations:",
        f"      - {{target: {original.id}, protocol: database}}",
        "",
    ])
    (root / "models" / "contoh" / "aplikasi").mkdir(exist_ok=True)
    (root / "models" / "contoh" / "aplikasi" / "salinan.yaml").write_text(copy, encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "salinan")
    diff = compare("HEAD~1", "HEAD", root / "models" / "contoh")
    _assert_done_when(diff, f"{original.id}-salinan", original.id)


def test_default_base_is_merge_base_and_working_tree_untouched(repo: Path) -> None:
    _git(repo, "checkout", "-q", "-b", "fitur")
    _add_duplicate(repo, commit=False)  # an uncommitted change on a feature branch
    before = _tree_state(repo)
    ws = repo / "models" / "uji"
    diff = compare(None, None, ws)
    assert diff.old.label.startswith("merge base with main")
    assert diff.new.label == "working tree"
    assert [r.id for c in diff.collections for r in c.added] == ["app-simpeg-dinkes"]
    assert _tree_state(repo) == before  # no checkout, no stash, no index change
    result = CliRunner().invoke(app, ["diff", "--workspace", str(ws), "--fail-on-new", "warning"])
    assert result.exit_code == 1 and "app-simpeg-dinkes" in result.stdout
    assert _tree_state(repo) == before


def test_default_base_prefers_ci_variables(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _git(repo, "rev-parse", "HEAD~1").strip()
    monkeypatch.setenv("CI_MERGE_REQUEST_DIFF_BASE_SHA", first)
    assert default_base(repo).commit == first
    monkeypatch.delenv("CI_MERGE_REQUEST_DIFF_BASE_SHA")
    _git(repo, "branch", "basis", "HEAD~1")
    _git(repo, "checkout", "-q", "-b", "fitur")
    monkeypatch.setenv("GITHUB_BASE_REF", "basis")
    assert default_base(repo).commit == first
    assert "basis" in default_base(repo).label


def test_one_revision_against_working_tree(repo: Path) -> None:
    _add_duplicate(repo, commit=False)
    diff = compare("HEAD", None, repo / "models" / "uji")
    assert diff.new.label == "working tree" and diff.old.label.startswith("HEAD (")
    assert diff.summary.added == 1


def test_revision_where_workspace_did_not_exist(repo: Path) -> None:
    diff = compare("HEAD~1", "HEAD", repo / "models" / "uji")
    assert diff.old.state == "absent"
    assert diff.summary.added == 26 and diff.summary.removed == 0
    assert "does not exist in HEAD~1" in (diff.old.note or "")
    result = CliRunner().invoke(app, ["diff", "HEAD~1", "HEAD", "-w", str(repo / "models" / "uji"), "-f", "md"])
    assert result.exit_code == 0 and "does not exist in HEAD~1" in result.stdout.replace("\\", "")


def test_revision_that_does_not_load(repo: Path) -> None:
    proses = repo / "models" / "uji" / "proses.yaml"
    good = proses.read_text(encoding="utf-8")
    proses.write_text("processes: [\n  - {id: pb-x\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "rusak")
    proses.write_text(good, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "diperbaiki")
    diff = compare("HEAD~1", "HEAD", repo / "models" / "uji")
    assert diff.old.state == "partial"
    assert [f.rule for f in diff.old.load_errors] == ["SC001"]
    assert diff.old.load_errors[0].file == "proses.yaml"
    assert "SC001" in {f.rule for f in diff.findings_resolved}
    # and the other way round: the broken revision is the new one
    broken = compare("HEAD~2", "HEAD~1", repo / "models" / "uji")
    assert broken.new.state == "partial" and "SC001" in {f.rule for f in broken.findings_introduced}
    assert broken.exit_code(["error"]) == 1
    result = CliRunner().invoke(app, ["diff", "HEAD~2", "HEAD~1", "-w", str(repo / "models" / "uji")])
    assert result.exit_code == 0 and "load errors in HEAD~1" in result.stdout


def test_unknown_revision(repo: Path) -> None:
    with pytest.raises(GitError, match=r"unknown revision 'mian'.*did you mean 'main'"):
        resolve(repo, "mian")
    result = CliRunner().invoke(app, ["diff", "tidak-ada", "HEAD", "-w", str(repo / "models" / "uji")])
    assert result.exit_code == 2
    assert "unknown revision 'tidak-ada'" in result.output and "Traceback" not in result.output
    with pytest.raises(GitError):
        resolve(repo, "--output=/tmp/x")  # an option is never passed to git as a revision


def test_path_outside_repository(repo: Path, tmp_path: Path, small: Path) -> None:
    outside = tmp_path / "di-luar"
    shutil.copytree(small, outside)
    if find_repository_or_none(outside) is not None:
        pytest.skip("the temporary folder is inside a git repository")
    result = CliRunner().invoke(app, ["diff", "HEAD~1", "HEAD", "--workspace", str(outside)])
    assert result.exit_code == 2
    assert "outside any git repository" in result.output and "OLD_FOLDER NEW_FOLDER" in result.output


def find_repository_or_none(path: Path) -> Path | None:
    try:
        return find_repository(path)
    except GitError:
        return None


def test_workspace_in_neither_revision(repo: Path) -> None:
    with pytest.raises(UsageError, match="exists neither in"):
        compare("HEAD~1", "HEAD", repo / "models" / "salah-ketik")


def test_workspace_path_that_is_a_file(repo: Path) -> None:
    with pytest.raises(SpbeError, match="is a file"):
        compare("HEAD", "HEAD", repo / "README.md")


def test_folder_mixed_with_revision_is_a_usage_error(repo: Path) -> None:
    result = CliRunner().invoke(app, ["diff", str(repo / "models" / "uji"), "-w", str(repo / "models" / "uji")])
    assert result.exit_code == 2 and "is a folder, not a revision" in result.output


def test_shallow_clone_missing_base(repo: Path, tmp_path: Path) -> None:
    _add_duplicate(repo)
    clone = tmp_path / "dangkal"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    ws = clone / "models" / "uji"
    with pytest.raises(GitError, match="shallow clone"):
        compare("HEAD~1", "HEAD", ws)
    result = CliRunner().invoke(app, ["diff", "HEAD~1", "-w", str(ws)])
    assert result.exit_code == 2 and "fetch-depth: 0" in result.output


def test_shallow_clone_missing_merge_base(repo: Path, tmp_path: Path) -> None:
    """CI clones a merge request's branch and the default branch one commit deep: their fork point is
    missing, and the message says how to fetch it."""
    _git(repo, "checkout", "-q", "-b", "fitur")
    _add_duplicate(repo)
    _git(repo, "checkout", "-q", "main")
    (repo / "README.md").write_text("# arsitektur SPBE\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "main bergerak")
    clone = tmp_path / "dangkal"
    _git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "fitur", f"file://{repo}",
         str(clone))
    with pytest.raises(GitError, match="cannot find where HEAD branched off origin/main: this is a shallow clone"):
        default_base(clone)
    result = CliRunner().invoke(app, ["diff", "-w", str(clone / "models" / "uji")])
    assert result.exit_code == 2 and "git fetch --unshallow" in result.output
    _git(clone, "fetch", "-q", "--unshallow")
    assert compare(None, None, clone / "models" / "uji").summary.added == 1


def test_repository_root_workspace(tmp_path: Path, small: Path) -> None:
    """A repository that is the workspace itself (`spbe diff` run at its top)."""
    root = tmp_path / "ws-repo"
    shutil.copytree(small, root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "awal")
    (root / "README.md").write_text("x\n", encoding="utf-8")
    _add_duplicate_at(root / "aplikasi" / "aplikasi.yaml")
    diff = compare("HEAD", None, root)
    assert [r.id for c in diff.collections for r in c.added] == ["app-simpeg-dinkes"]


def _add_duplicate_at(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + DUPLICATE_APP, encoding="utf-8")


def test_export_ignore_does_not_hide_files(repo: Path) -> None:
    """Revisions are read from git's objects, so `export-ignore` (which `git archive` obeys) hides nothing."""
    (repo / ".gitattributes").write_text("models/uji/proses.yaml export-ignore\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "attributes")
    diff = compare("HEAD", None, repo / "models" / "uji")
    assert diff.unchanged or diff.summary.removed == 0
    assert diff.collections == []


def test_a_revision_compared_with_itself_is_refused(repo: Path) -> None:
    ws = repo / "models" / "uji"
    with pytest.raises(UsageError, match="same commit"):
        compare("HEAD", "main", ws)
    result = CliRunner().invoke(app, ["diff", "HEAD", "HEAD", "-w", str(ws)])
    assert result.exit_code == 2 and "same commit" in result.output and "Traceback" not in result.output


def test_a_default_base_that_is_head_itself_is_refused(repo: Path) -> None:
    """On the default branch (or in a clone holding only this branch) the merge base is HEAD: the
    diff would compare the branch with itself and report no change."""
    _add_duplicate(repo, commit=False)
    ws = repo / "models" / "uji"
    with pytest.raises(UsageError, match="compared with itself"):
        compare(None, None, ws)
    result = CliRunner().invoke(app, ["diff", "-w", str(ws)])
    assert result.exit_code == 2 and "spbe diff HEAD" in result.output
    # what the message proposes works
    assert compare("HEAD", None, ws).summary.added == 1
