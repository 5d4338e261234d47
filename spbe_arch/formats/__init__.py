"""Every format of a validation report, registered in one table: text, JSON, SARIF, JUnit XML, GitHub annotations.

Each module offers renderers ``Report -> str``; :data:`RENDERERS` names them for ``--format``.
"""

from __future__ import annotations

from collections.abc import Callable

from spbe_arch.formats.github import report_github
from spbe_arch.formats.junit import report_junit
from spbe_arch.formats.sarif import report_sarif
from spbe_arch.formats.text import report_json, report_status, report_text
from spbe_arch.validate import Report

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": report_text, "json": report_json, "sarif": report_sarif, "junit": report_junit, "github": report_github,
}

__all__ = ["RENDERERS", "report_json", "report_status", "report_text"]
