"""The validation report as plain text (one line per finding and a summary) and as JSON."""

from __future__ import annotations

import json

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
        "findings": [f.as_dict() for f in report.findings],
        "summary": report.summary.model_dump(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
