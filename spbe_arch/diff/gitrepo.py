"""Reading a model as it was at a git revision, without touching the user's working tree.

Files are read from git's object store (``git ls-tree`` + ``git cat-file --batch``) into a
temporary folder: no checkout, no stash, no change to the index or to HEAD, and no effect of
``export-ignore`` attributes or clean filters. Every failure of git becomes a message that says
what to do, in particular in the shallow clones CI systems make by default.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from spbe_arch.errors import SpbeError
from spbe_arch.fileio import write_bytes_atomic
from spbe_arch.loader import YAML_SUFFIXES
from spbe_arch.suggest import did_you_mean, nearest

SHALLOW_HINT = (
    "this is a shallow clone, which lacks older history: fetch it (`git fetch --unshallow`, or "
    "`fetch-depth: 0` for actions/checkout, `GIT_DEPTH: 0` in GitLab CI)"
)

# Environment variables CI systems set for a merge request, most precise first.
_CI_BASE_SHA = ("CI_MERGE_REQUEST_DIFF_BASE_SHA",)
_CI_BASE_BRANCH = ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "CI_DEFAULT_BRANCH")


class GitError(SpbeError):
    """git failed, or the repository does not hold what was asked."""


@dataclass(frozen=True)
class Revision:
    commit: str  # full object name
    label: str  # what the user asked for, as shown in reports
    base_of: str | None = None  # for a default base: the branch whose merge base it is


def _git(repo: Path, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed (or not on PATH); it is needed to read revisions. "
                       "To compare two folders instead: spbe diff OLD_FOLDER NEW_FOLDER")
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1", "GIT_OPTIONAL_LOCKS": "0",
           "LC_ALL": "C"}
    result = subprocess.run([git, "-C", str(repo), *args], input=stdin, capture_output=True, env=env, check=False)
    if check and result.returncode != 0:
        raise GitError(f"git {args[0]} failed: {_stderr(result)}")
    return result


def _stderr(result: subprocess.CompletedProcess[bytes]) -> str:
    text = result.stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else f"exit code {result.returncode}"


def _text(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stdout.decode("utf-8", "replace").strip()


def find_repository(path: Path) -> Path:
    """The top folder of the git repository holding ``path`` (which need not exist any more)."""
    probe = path.absolute()
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if probe.is_file():
        probe = probe.parent
    result = _git(probe, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        detail = _stderr(result)
        if "dubious ownership" in detail or "safe.directory" in detail:
            raise GitError(f"git refuses to read {probe}: {detail} (see `git config --global --add safe.directory`)")
        raise GitError(f"{path}: this path is outside any git repository, so it has no revisions to compare. "
                       "To compare two folders: spbe diff OLD_FOLDER NEW_FOLDER")
    return Path(_text(result)).resolve()


def relative_path(repo: Path, path: Path) -> str:
    """``path`` relative to the repository top, in git's notation ('.' for the top itself)."""
    resolved = path.resolve()
    try:
        rel = resolved.relative_to(repo)
    except ValueError:
        raise GitError(f"{path}: this path is outside the git repository at {repo}") from None
    return PurePosixPath(rel.as_posix()).as_posix()


def is_shallow(repo: Path) -> bool:
    return _text(_git(repo, "rev-parse", "--is-shallow-repository", check=False)) == "true"


def _shallow_boundary(repo: Path) -> set[str]:
    """The commits where a shallow clone's history was cut (their parents are missing)."""
    path = _text(_git(repo, "rev-parse", "--git-path", "shallow", check=False))
    try:
        return set((repo / path).read_text(encoding="ascii").split()) if path else set()
    except (OSError, UnicodeDecodeError):
        return set()


def _refs(repo: Path) -> list[str]:
    out = _text(_git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags",
                     check=False))
    return [line for line in out.splitlines() if line]


def try_commit(repo: Path, rev: str) -> str | None:
    """The commit ``rev`` names, or None (quietly: no guesses, unlike :func:`resolve`)."""
    if rev.startswith("-"):
        return None
    result = _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False)
    return _text(result) if result.returncode == 0 else None


def resolve(repo: Path, rev: str) -> Revision:
    """The commit ``rev`` names; a clear message when it names none."""
    commit = try_commit(repo, rev)
    if commit is not None:
        return Revision(commit, f"{rev} ({commit[:10]})")
    message = f"unknown revision {rev!r} in {repo}"
    message += did_you_mean(nearest(rev, _refs(repo)))
    if is_shallow(repo):
        message += f"; it may be older than what this clone holds: {SHALLOW_HINT}"
    raise GitError(message)


def current_branch(repo: Path) -> str | None:
    """The branch HEAD is on, None when HEAD is detached."""
    result = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    return _text(result) or None if result.returncode == 0 else None


def _default_branch_candidates(repo: Path) -> list[str]:
    candidates: list[str] = []
    for name in _CI_BASE_BRANCH:
        branch = os.environ.get(name, "").strip()
        if branch:
            candidates += [f"origin/{branch}", branch]
    origin_head = _git(repo, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD", check=False)
    if origin_head.returncode == 0 and _text(origin_head):
        candidates.append(_text(origin_head))
    configured = _text(_git(repo, "config", "--get", "init.defaultBranch", check=False))
    for branch in ("main", "master", configured):
        if branch:
            candidates += [f"origin/{branch}", branch]
    return list(dict.fromkeys(candidates))


def default_base(repo: Path) -> Revision:
    """The merge base of HEAD with the default branch: what a merge request would be compared to."""
    for name in _CI_BASE_SHA:
        sha = os.environ.get(name, "").strip()
        if sha:
            commit = try_commit(repo, sha)
            if commit is None:
                raise GitError(f"{name}={sha} is not in this clone; {SHALLOW_HINT}")
            return Revision(commit, f"merge base ({commit[:10]})")
    head = try_commit(repo, "HEAD")
    if head is None:
        raise GitError(f"{repo}: the repository has no commit yet, so there is nothing to compare with")
    for ref in _default_branch_candidates(repo):
        if try_commit(repo, ref) is None:
            continue
        result = _git(repo, "merge-base", ref, "HEAD", check=False)
        if result.returncode == 0 and _text(result):
            commit = _text(result)
            if is_shallow(repo) and (commit == head or commit in _shallow_boundary(repo)):
                # HEAD is the branch tip, or the base is where the clone's history was cut: comparing with
                # it would report nothing (or too little) without a word
                raise GitError(f"this shallow clone cannot show where HEAD branched off {ref}: {SHALLOW_HINT}; "
                               "or name the base revision: spbe diff REV")
            return Revision(commit, f"merge base with {ref} ({commit[:10]})", base_of=ref)
        hint = SHALLOW_HINT if is_shallow(repo) else "the branches share no history"
        raise GitError(f"cannot find where HEAD branched off {ref}: {hint}; or name the base revision: spbe diff REV")
    hint = f"; {SHALLOW_HINT}" if is_shallow(repo) else ""
    raise GitError(f"{repo}: no default branch found (tried origin/HEAD, main, master); name the revision to "
                   f"compare with: spbe diff REV{hint}")


@dataclass(frozen=True)
class _Entry:
    mode: str
    kind: str
    oid: str
    path: str


def _tree_entries(repo: Path, commit: str, rel: str) -> list[_Entry]:
    args = ["ls-tree", "-r", "-z", "--full-tree", commit]
    if rel != ".":
        args += ["--", rel]
    entries = []
    for record in _git(repo, *args).stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, oid = meta.decode().split()
        entries.append(_Entry(mode, kind, oid, raw_path.decode("utf-8", "surrogateescape")))
    return entries


def extract(repo: Path, revision: Revision, rel: str, dest: Path) -> bool:
    """Write the YAML files of folder ``rel`` at ``revision`` below ``dest``; False when the folder
    did not exist there."""
    entries = _tree_entries(repo, revision.commit, rel)
    if not entries:
        return False
    if rel != "." and len(entries) == 1 and entries[0].path == rel:
        raise GitError(f"{rel} is a file at {revision.label}, not a workspace folder")
    prefix = "" if rel == "." else rel + "/"
    wanted = [e for e in entries if e.kind == "blob" and e.mode in ("100644", "100755")
              and e.path.endswith(YAML_SUFFIXES) and e.path.startswith(prefix)]
    dest.mkdir(parents=True, exist_ok=True)
    if not wanted:
        return True
    output = _git(repo, "cat-file", "--batch", stdin="".join(f"{e.oid}\n" for e in wanted).encode()).stdout
    position = 0
    for entry in wanted:
        header_end = output.index(b"\n", position)
        oid, kind, size = output[position:header_end].decode().split()
        if oid != entry.oid or kind != "blob":  # pragma: no cover - git answers in order
            raise GitError(f"git cat-file answered {oid} {kind} for {entry.path}")
        start = header_end + 1
        content = output[start:start + int(size)]
        position = start + int(size) + 1
        parts = PurePosixPath(entry.path[len(prefix):]).parts
        if any(p in ("..", "") for p in parts):  # pragma: no cover - git forbids such paths
            continue
        write_bytes_atomic(dest.joinpath(*parts), content)
    return True


__all__ = [
    "GitError", "Revision", "default_base", "extract", "find_repository", "is_shallow", "relative_path", "resolve",
    "try_commit",
]
