"""Small workspaces for the duplicate finder's tests: the organizations a test module needs and the
applications of one test, and the report's pairs by the kind found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spbe_arch.duplicates.finder import find_duplicates
from spbe_arch.duplicates.report import DuplicateReport


def report_of(make_workspace: Callable[..., Path], orgs: str, applications: str) -> DuplicateReport:
    """The Indonesian report of a workspace holding ``orgs`` and the applications listed after
    ``applications:``."""
    root = make_workspace({"organisasi.yaml": orgs, "aplikasi.yaml": "applications:\n" + applications}, orgs=False)
    return find_duplicates(root, language="id")


def kinds_of(report: DuplicateReport) -> dict[frozenset[str], str]:
    """Each reported pair of applications, with the kind the finder gave it."""
    return {frozenset((p.a, p.b)): p.kind for p in report.pairs}
