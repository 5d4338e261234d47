"""Paths a workspace names must stay inside it: a manifest in a merge request must not make a CI
runner read ``/etc/passwd`` or ``../../secrets`` and print it in the output."""

from __future__ import annotations

import os
from pathlib import Path


class OutsideWorkspace(ValueError):
    """A path named in the workspace leads outside it (absolute, ``..``, or through a link)."""


def inside(root: Path, name: str) -> Path:
    """``name`` (relative to ``root``) as a path inside the workspace, links resolved; raises
    :class:`OutsideWorkspace` with the reason otherwise."""
    if not name or "\x00" in name:
        raise OutsideWorkspace("is empty or holds a NUL character")
    if Path(name).is_absolute() or os.path.isabs(name) or Path(name).drive:
        raise OutsideWorkspace("is an absolute path; name a file inside the workspace, relative to spbe.yaml")
    base = root.resolve()
    target = (root / name).resolve()
    if not target.is_relative_to(base):
        raise OutsideWorkspace("leads outside the workspace (through `..` or a link); name a file inside it")
    return target


def is_outside(root: Path, path: Path) -> bool:
    """Whether ``path`` (found inside ``root``) resolves outside it, through a link."""
    return not path.resolve().is_relative_to(root.resolve())


__all__ = ["OutsideWorkspace", "inside", "is_outside"]
