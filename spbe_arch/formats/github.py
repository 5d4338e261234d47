"""GitHub Actions workflow commands: each finding becomes an annotation on the changed file.

``::error file=F,line=L,col=C,title=T::message``. The runner reads these lines from the log, so
every text is escaped as the runner unescapes it: ``%``, CR and LF everywhere, and also ``:`` and
``,`` inside properties, where they would end a value. Without it, a name with a newline could
inject a command of its own.
"""

from __future__ import annotations

from spbe_arch import textsafe
from spbe_arch.findings import Finding
from spbe_arch.formats.paths import PathMapper, mapper_for
from spbe_arch.formats.text import report_status
from spbe_arch.rules import get_rule
from spbe_arch.validate import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return textsafe.github_data(text)


def escape_property(text: str) -> str:
    """A property value of a workflow command (file, title)."""
    return textsafe.github_property(text)


def annotation(finding: Finding, paths: PathMapper) -> str:
    rule = get_rule(finding.rule)
    title = f"{finding.rule} {rule.name}" if rule else finding.rule
    properties: list[tuple[str, str]] = []
    if finding.file is not None:
        properties.append(("file", paths(finding.file)))
        if finding.line is not None:
            properties.append(("line", str(finding.line)))
            properties.append(("col", str(finding.column or 1)))
    properties.append(("title", title))
    props = ",".join(f"{k}={escape_property(v)}" for k, v in properties)
    element = f"[{finding.element}] " if finding.element else ""
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(element + finding.message)}"


def report_github(report: Report, paths: PathMapper | None = None) -> str:
    """One annotation per finding, then the summary as a plain log line."""
    paths = paths or mapper_for(report.workspace)
    lines = [annotation(f, paths) for f in report.findings]
    s = report.summary
    lines.append(escape_data(
        f"spbe validate {report.workspace}: {report_status(report)}: {s.errors} error(s), {s.warnings} warning(s), "
        f"{s.infos} info"))
    return "\n".join(lines) + "\n"


__all__ = ["annotation", "escape_data", "escape_property", "report_github"]
