"""JUnit XML, the test report format that GitLab, Jenkins, Azure DevOps and others display.

One test case per rule: it passes when the rule found nothing, and fails with the list of its
findings when it found errors or warnings. Info findings do not fail a test; they are listed in
the test case's output. A workspace that cannot be fully loaded adds a test case in error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from spbe_arch.findings import Finding
from spbe_arch.formats.paths import PathMapper, mapper_for
from spbe_arch.rules import all_rules
from spbe_arch.validate import Report

# Characters that XML 1.0 cannot hold at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(finding: Finding, paths: PathMapper) -> str:
    where = "<workspace>"
    if finding.file is not None:
        where = paths(finding.file)
        if finding.line is not None:
            where += f":{finding.line}:{finding.column or 1}"
    element = f" [{finding.element}]" if finding.element else ""
    return f"{where}: {finding.severity} {finding.rule}{element} {finding.message}"


def junit_tree(report: Report, paths: PathMapper | None = None) -> ET.Element:
    """The ``<testsuites>`` element of a validation report."""
    paths = paths or mapper_for(report.workspace)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_rule[finding.rule].append(finding)
    names = {r.code: r.name for r in all_rules()}
    codes = sorted(set(names) | set(by_rule))
    suite = ET.Element("testsuite", name=_clean(f"spbe validate {report.workspace}"))
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="workspace", value=_clean(report.workspace))
    failures = errors = 0
    for code in codes:
        case = ET.SubElement(suite, "testcase", classname=f"spbe.{code[:2]}",
                             name=f"{code} {names.get(code, 'unregistered-rule')}", time="0")
        found = by_rule.get(code, [])
        failing = [f for f in found if f.severity in ("error", "warning")]
        if failing:
            failures += 1
            worst = "error" if any(f.severity == "error" for f in failing) else "warning"
            failure = ET.SubElement(case, "failure", type=worst, message=_clean(
                f"{len(failing)} finding(s); first: {failing[0].message}"))
            failure.text = _clean("\n".join(_line(f, paths) for f in failing) + "\n")
        infos = [f for f in found if f.severity == "info"]
        if infos:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join(_line(f, paths) for f in infos) + "\n")
    if not report.loaded:
        errors = 1
        case = ET.SubElement(suite, "testcase", classname="spbe", name="workspace loads", time="0")
        error = ET.SubElement(case, "error", type="load",
                              message=_clean(f"{report.workspace}: the workspace cannot be fully loaded"))
        error.text = "See the failures of the SC rules for the files that could not be read.\n"
    tests = len(codes) + (0 if report.loaded else 1)
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors), "skipped": "0", "time": "0"}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", {"name": "spbe-arch", **counts})
    root.append(suite)
    return root


def report_junit(report: Report, paths: PathMapper | None = None) -> str:
    tree = junit_tree(report, paths)
    ET.indent(tree)
    body = ET.tostring(tree, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


__all__ = ["junit_tree", "report_junit"]
