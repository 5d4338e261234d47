"""The library's front door: the few functions a Python user needs, each taking a loaded :class:`Workspace`.

Their names differ from the package's modules (``check``, not ``validate``): importing a module
``spbe_arch.validate`` sets that name on the package and would hide a function of the same name.

Derived results (the validation, the dependency graph, the duplicate report) are made once per
workspace and shared by everything that asks for them, so calling several of these functions on
one workspace does not repeat the work. ``import spbe_arch`` offers every name here (docs/library.md).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spbe_arch.analysis import ImpactReport
from spbe_arch.analysis import impact as _impact
from spbe_arch.build import BuildResult
from spbe_arch.build import build as _build
from spbe_arch.document import DocumentFormat, prepare
from spbe_arch.document import write_document as _write_document
from spbe_arch.duplicates import DuplicateReport
from spbe_arch.duplicates import find_duplicates as _find_duplicates
from spbe_arch.duplicates.messages import Language
from spbe_arch.errors import SpbeError, WorkspaceError
from spbe_arch.findings import Finding
from spbe_arch.graph import workspace_graph
from spbe_arch.loader import load_workspace
from spbe_arch.validate import Report, remember_load
from spbe_arch.validate import validate as _validate
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


def load(path: str | os.PathLike[str]) -> Workspace:
    """The workspace in the folder ``path``. Problems in its files are kept for :func:`validate`; only a
    workspace that cannot be read at all (no ``spbe.yaml``, an unreadable manifest) raises :class:`WorkspaceError`."""
    result = load_workspace(Path(path))
    if result.workspace is None:
        problems = "\n".join(f.format_line() for f in result.findings if f.severity == "error")
        raise WorkspaceError(f"{path}: the workspace cannot be loaded:\n{problems}")
    remember_load(result)
    return result.workspace


def check(workspace: Workspace) -> Report:
    """Every finding of the workspace (its files' and its rules'), sorted, with their counts."""
    return _validate(workspace).report


def dependency_graph(workspace: Workspace) -> nx.MultiDiGraph:
    """The dependency graph: a node per element, a typed edge per relation (read it, do not change it)."""
    return workspace_graph(workspace)


def impact(workspace: Workspace, element_id: str, depth: int | None = None) -> ImpactReport:
    """Everything that stops when ``element_id`` stops, transitively (``depth``: at most that many hops)."""
    return _impact(workspace, element_id, depth)


def find_duplicates(workspace: Workspace, threshold: float | None = None, *,
                    language: Language = "en") -> DuplicateReport:
    """Applications that do the same job, in groups, with evidence (``language``: ``en`` or ``id``)."""
    return _find_duplicates(workspace, threshold, language=language)


def diagram(workspace: Workspace, view: str = "landscape", fmt: str = "svg") -> bytes:
    """One view (``landscape``, ``opd:ID``, ``service:ID``, ...) in one format (``svg``, ``png``, ``dot``, ...)."""
    from spbe_arch.diagrams import view_bytes

    return view_bytes(workspace, view, fmt)


def write_diagrams(workspace: Workspace, out_dir: str | os.PathLike[str],
                   formats: Sequence[str] = ("svg",)) -> list[Path]:
    """Every view in ``formats`` into ``out_dir``, with an ``index.html``; the paths written."""
    from spbe_arch.diagrams import write_all

    return write_all(workspace, Path(out_dir), formats)


def write_document(workspace: Workspace, path: str | os.PathLike[str], fmt: str | None = None) -> list[Path]:
    """The architecture document in Bahasa Indonesia at ``path`` (``fmt``: ``html``, ``md`` or ``docx``; by
    default from the suffix of ``path``); the paths written (a Markdown document's figures too)."""
    target = Path(path)
    chosen = fmt or target.suffix.lstrip(".").lower()
    try:
        kind = DocumentFormat(chosen)
    except ValueError:
        raise SpbeError(f"unknown document format {chosen!r}; choose from "
                        f"{', '.join(f.value for f in DocumentFormat)}") from None
    return _write_document(prepare(_validate(workspace)), kind, target)


def build_all(workspace: Workspace, out_dir: str | os.PathLike[str]) -> BuildResult:
    """Every output (findings, statistics, duplicates, the document in three formats, every diagram) into
    ``out_dir``, with an ``index.html`` that links them."""
    return _build(workspace, Path(out_dir))


__all__ = [
    "BuildResult", "DuplicateReport", "Finding", "ImpactReport", "Report", "SpbeError", "Workspace", "WorkspaceError",
    "build_all", "check", "dependency_graph", "diagram", "find_duplicates", "impact", "load", "write_diagrams",
    "write_document",
]
