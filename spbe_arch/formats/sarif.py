"""SARIF 2.1.0, the format GitHub code scanning (and many other tools) read.

The log names every rule of the registry with its metadata, so that a viewer can explain a
result; each result points at the file and line relative to the repository root, and carries a
fingerprint of rule, element and message, so that a finding keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from spbe_arch.findings import Finding
from spbe_arch.formats.paths import PathMapper, mapper_for
from spbe_arch.rules import Rule, all_rules
from spbe_arch.validate import Report
from spbe_arch.version import __version__

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": f"{rule.summary}. {rule.explanation}\nSee `spbe rules {rule.code}`."},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["spbe", rule.family]},
    }


def _uri(path: str) -> str:
    """A relative URI reference: percent-encoded, with '/' kept."""
    return quote(path, safe="/-._~")


def _fingerprint(finding: Finding) -> str:
    key = "\x1f".join((finding.rule, finding.element or finding.file or "", finding.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _manifest_name(workspace: Path) -> str:
    from spbe_arch.loader import MANIFEST_NAMES

    return next((n for n in MANIFEST_NAMES if (workspace / n).is_file()), MANIFEST_NAMES[0])


def _location(finding: Finding, paths: PathMapper) -> dict[str, Any]:
    file = finding.file or _manifest_name(paths.workspace)
    physical: dict[str, Any] = {"artifactLocation": _artifact(file, paths)}
    if finding.file is not None and finding.line is not None:
        physical["region"] = {"startLine": finding.line, "startColumn": finding.column or 1}
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.element:
        location["logicalLocations"] = [{"name": finding.element, "kind": "element"}]
    return location


def _artifact(file: str, paths: PathMapper) -> dict[str, Any]:
    if paths.prefix is None:  # outside the base folder: an absolute file URI
        return {"uri": Path(paths(file)).resolve().as_uri()}
    return {"uri": _uri(paths(file)), "uriBaseId": SRCROOT}


def sarif_log(report: Report, paths: PathMapper | None = None) -> dict[str, Any]:
    """The SARIF log of a validation report, as a JSON-ready mapping."""
    paths = paths or mapper_for(report.workspace)
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for finding in report.findings:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [_location(finding, paths)],
            "partialFingerprints": {"spbeFinding/v1": _fingerprint(finding)},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "spbe-arch",
            "semanticVersion": __version__,
            "rules": [_rule_descriptor(r) for r in rules],
        }},
        "invocations": [{"executionSuccessful": report.loaded}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if not report.loaded:
        run["invocations"][0]["toolExecutionNotifications"] = [{
            "level": "error",
            "message": {"text": f"{report.workspace}: the workspace cannot be fully loaded"},
        }]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def report_sarif(report: Report, paths: PathMapper | None = None) -> str:
    return json.dumps(sarif_log(report, paths), ensure_ascii=False, indent=2) + "\n"


__all__ = ["report_sarif", "sarif_log"]
