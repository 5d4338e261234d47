"""The validation report as plain text (one line per finding and a summary) and as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring

from spbe_arch import textsafe
from spbe_arch.findings import Finding
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


def iter_report_json(report: Report) -> Iterator[str]:
    """The JSON report in pieces, one finding at a time: the same text as ``json.dumps`` of the whole
    report with ``indent=2``, without first building a dictionary for each of perhaps hundreds of
    thousands of findings (which would take several times the memory of the findings themselves)."""
    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2)

    yield f'{{\n  "workspace": {dumps(report.workspace)},\n  "loaded": {dumps(report.loaded)},\n  "findings": '
    findings = report.findings
    if not findings:
        yield "[]"
    else:
        yield "[\n"
        last = len(findings) - 1
        for index, finding in enumerate(findings):
            yield _finding_json(finding) + (",\n" if index < last else "\n")
        yield "  ]"
    yield ',\n  "summary": ' + dumps(report.summary.model_dump()).replace("\n", "\n  ") + "\n}\n"


def _finding_json(finding: Finding) -> str:
    """One finding as ``json.dumps(finding.as_dict(), ensure_ascii=False, indent=2)`` indented by four
    spaces writes it, made with the C string encoder (the indenting encoder is pure Python, and a huge
    workspace has hundreds of thousands of findings). A test holds the two equal."""
    text = encode_basestring
    return (f'    {{\n      "rule": {text(finding.rule)},\n      "severity": {text(finding.severity)},\n'
            f'      "message": {text(finding.message)},\n      "element": {_optional(finding.element)},\n'
            f'      "file": {_optional(finding.file)},\n      "line": {_number(finding.line)},\n'
            f'      "column": {_number(finding.column)}\n    }}')


def _optional(value: str | None) -> str:
    return "null" if value is None else str(encode_basestring(value))


def _number(value: int | None) -> str:
    return "null" if value is None else int.__repr__(value)


def report_json(report: Report) -> str:
    return "".join(iter_report_json(report))
