"""spbe-arch: the Arsitektur SPBE of a government as YAML in git, checked and turned into documents.

The front door for Python (docs/library.md)::

    import spbe_arch

    workspace = spbe_arch.load("models/kabupaten-pasuruan")
    report = spbe_arch.check(workspace)

Its names live in :mod:`spbe_arch.api` and are imported on first use, so that ``import spbe_arch.cli``
(every ``spbe`` command) does not load the whole library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spbe_arch.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from spbe_arch.api import (
        BuildResult,
        DuplicateReport,
        Finding,
        ImpactReport,
        Report,
        SpbeError,
        Workspace,
        WorkspaceError,
        build_all,
        check,
        dependency_graph,
        diagram,
        find_duplicates,
        impact,
        load,
        write_diagrams,
        write_document,
    )

__all__ = [
    "BuildResult", "DuplicateReport", "Finding", "ImpactReport", "Report", "SpbeError", "Workspace", "WorkspaceError",
    "__version__", "build_all", "check", "dependency_graph", "diagram", "find_duplicates", "impact", "load",
    "write_diagrams", "write_document",
]


def __getattr__(name: str) -> Any:
    """The front-door names, from :mod:`spbe_arch.api` when first asked for."""
    if name in __all__:
        import spbe_arch.api

        return getattr(spbe_arch.api, name)
    raise AttributeError(f"module 'spbe_arch' has no attribute {name!r}")
