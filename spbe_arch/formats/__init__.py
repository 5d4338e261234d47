"""Every format of a validation report, registered in one table: text, JSON, SARIF, JUnit XML, GitHub annotations.

Each module offers renderers ``Report -> str``; :data:`RENDERERS` names them for ``--format``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spbe_arch.formats.github import report_github
from spbe_arch.formats.junit import report_junit
from spbe_arch.formats.sarif import report_sarif
from spbe_arch.formats.text import iter_report_json, report_json, report_status, report_text
from spbe_arch.validate import Report

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": report_text, "json": report_json, "sarif": report_sarif, "junit": report_junit, "github": report_github,
}



def render_pieces(format: str, report: Report) -> Iterable[str]:
    """The report in ``format`` as pieces to write one after the other: JSON one finding at a time (the
    report of a huge workspace is never held whole as text), the other formats as one piece."""
    if format == "json":
        return iter_report_json(report)
    return (RENDERERS[format](report),)


__all__ = ["RENDERERS", "render_pieces", "report_json", "report_status", "report_text"]
