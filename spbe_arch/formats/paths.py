"""File paths as CI tools want them: relative to the repository root, not to the workspace.

A finding says ``aplikasi/app.yaml``; GitHub and GitLab need ``models/pemda/aplikasi/app.yaml``,
the path from the root of the checkout, to put an annotation on the right line of the right file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``.git`` (a folder, or a file in worktrees
    and submodules); found without running git, so that rendering works where git is not installed."""
    current = start.resolve()
    for folder in (current, *current.parents):
        if (folder / ".git").exists():
            return folder
    return None


@dataclass(frozen=True)
class PathMapper:
    """Turns workspace-relative file names into paths relative to the repository root (or, outside
    git, to the current folder)."""

    prefix: PurePosixPath | None  # None: the workspace is outside the base; paths become absolute
    workspace: Path

    def __call__(self, file: str) -> str:
        if self.prefix is None:
            return (self.workspace / file).as_posix()
        joined = self.prefix / file
        return joined.as_posix()


def mapper_for(workspace: str | os.PathLike[str], cwd: Path | None = None) -> PathMapper:
    """The mapper for a workspace folder: relative to its git root, else to ``cwd``."""
    here = (cwd or Path.cwd()).resolve()
    folder = Path(workspace)
    folder = (here / folder).resolve() if not folder.is_absolute() else folder.resolve()
    base = repository_root(folder) or here
    try:
        relative = folder.relative_to(base)
    except ValueError:
        return PathMapper(None, folder)
    return PathMapper(PurePosixPath(relative.as_posix()), folder)
