"""Renderers of a validation report: one function per output format, all over the same Report."""

from __future__ import annotations

import json
from collections.abc import Callable

from spbe_arch import textsafe
from spbe_arch.validate import Report


def report_status(report: Report) -> str:
    """The verdict of the summary line, shared by the text and CI formats."""
    return "cannot be fully loaded" if not report.loaded else ("has errors" if report.summary.errors else "is valid")


def report_text(report: Report) -> str:
    """One line per finding, then the summary; control and bidi characters in model text are shown as
    escapes, so a name cannot start a line of its own (a forged ``::error::``) or drive the terminal."""
    lines = [textsafe.terminal(f.format_line()) for f in report.findings]
    s = report.summary
    lines.append(
        f"{report.workspace}: {report_status(report)}: {s.errors} error(s), {s.warnings} warning(s), {s.infos} info "
        f"in {s.files} file(s), {s.elements} element(s)"
    )
    return "\n".join([*lines[:-1], textsafe.terminal(lines[-1])]) + "\n"


def report_json(report: Report) -> str:
    payload = {
        "workspace": report.workspace,
        "loaded": report.loaded,
        "findings": [f.model_dump() for f in report.findings],
        "summary": report.summary.model_dump(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _ci_renderers() -> dict[str, Callable[[Report], str]]:
    from spbe_arch.formats.github import report_github
    from spbe_arch.formats.junit import report_junit
    from spbe_arch.formats.sarif import report_sarif

    return {"sarif": report_sarif, "junit": report_junit, "github": report_github}


RENDERERS: dict[str, Callable[[Report], str]] = {"text": report_text, "json": report_json, **_ci_renderers()}
