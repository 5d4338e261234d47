"""The validation run and its report.

The engine runs every registered rule (:mod:`spbe_arch.rules`) over a loaded workspace, places each
hit at its element's source position, applies the manifest's severity settings and the elements'
own suppressions (in :func:`apply_settings`, the one place they are applied) and sorts the result.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from pydantic import BaseModel

from spbe_arch.errors import SpbeError
from spbe_arch.extensions import load_extensions
from spbe_arch.findings import Finding, Location, Severity
from spbe_arch.indeks.section import section_findings
from spbe_arch.loader import LoadResult, load_workspace
from spbe_arch.parallel import beside
from spbe_arch.reference import load_catalogue
from spbe_arch.rules import FAMILIES, RETIRED, Context, Hit, Rule, all_rules, get_rule
from spbe_arch.rules.registry import WORKSPACE
from spbe_arch.suggest import did_you_mean, nearest
from spbe_arch.workspace import Workspace


class Summary(BaseModel):
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    elements: int = 0
    files: int = 0
    by_rule: dict[str, int] = {}


class Report(BaseModel):
    """The result of validating a workspace: every finding, sorted, and their counts."""

    workspace: str
    findings: list[Finding]
    summary: Summary
    loaded: bool = True  # False when some input could not be read at all

    @property
    def has_errors(self) -> bool:
        return self.summary.errors > 0

    def exit_code(self, fail_on: str = "error") -> int:
        if not self.loaded:
            return 2
        if fail_on == "never":
            return 0
        if fail_on == "warning":
            return 1 if self.summary.errors or self.summary.warnings else 0
        return 1 if self.summary.errors else 0


@dataclass
class Validation:
    """A loaded workspace with its report, so that later steps reuse the same model."""

    workspace: Workspace | None
    report: Report
    context: Context | None = None


def _settings(workspace: Workspace | None) -> dict[str, str]:
    """The manifest's ``rules:`` table by upper-case code: a severity or ``off``."""
    return {k.upper(): v for k, v in workspace.manifest.rules.items()} if workspace is not None else {}


def apply_settings(findings: Iterable[Finding], workspace: Workspace | None) -> list[Finding]:
    """Severity overrides from the manifest and suppressions on the element, for every finding."""
    settings = _settings(workspace)
    # the few elements that silence rules, read once (most findings are on elements that silence none)
    silenced = {element.id: element.ignored_rules() for element in workspace.iter_elements()
                if element.ignore or "spbe-ignore" in element.properties} if workspace is not None else {}
    result = []
    for finding in findings:
        code = finding.rule
        if silenced and finding.element in silenced and code in silenced[finding.element]:
            continue
        if code in settings:
            if settings[code] == "off":
                continue
            finding = finding.with_severity(cast(Severity, settings[code]))
        result.append(finding)
    return result


def _unknown_rule_settings(workspace: Workspace) -> list[Finding]:
    findings = []
    for code in workspace.manifest.rules:
        if get_rule(code) is None:
            hint = did_you_mean(nearest(code.upper(), [r.code for r in all_rules()], limit=1)) or \
                "; `spbe rules` lists them"
            line, column = workspace.manifest_keys.get(("rules", code), (1, 1))
            findings.append(Finding(
                rule="SC015", severity="warning", message=f"rules: unknown rule code {code!r}{hint}",
                file=workspace.manifest_file, line=line, column=column))
    return findings


PARALLEL_MIN_ELEMENTS = 20_000  # below this, forking a worker for part of the rules costs more than it saves
# The rules split in two about equal halves of a national model's time: the rules that read the function
# every application performs (rule AP015 reads each application's name against the tables of functions, the
# costliest reading of a validation) run in the worker; every other rule, among them those that read the
# reference scan (every reference of the model read once), runs in this process, which builds that scan once.
_BESIDE_MODULES = ("spbe_arch.rules.duplicate_rules",)


def runs_here(rule_obj: Rule) -> bool:
    """Whether :func:`run_rules` runs ``rule_obj`` in this process when it splits the rules in two."""
    return rule_obj.check is None or rule_obj.check.__module__ not in _BESIDE_MODULES


def run_rules(context: Context, codes: Iterable[str] | None = None) -> list[Finding]:
    """Run the model rules (all, or only ``codes``; none the manifest turns off), each hit placed at its
    source with the rule's default severity; :func:`apply_settings` then applies the settings.

    On a large workspace, where a worker can be forked, the rules that read the reference scan run in
    this process (:func:`runs_here`) and the others in the worker; the findings are the same, in the
    same order.
    """
    workspace = context.workspace
    wanted = {c.upper() for c in codes} if codes is not None else None
    settings = _settings(workspace)
    chosen = [rule_obj for rule_obj in all_rules()
              if rule_obj.check is not None and (wanted is None or rule_obj.code in wanted)
              and settings.get(rule_obj.code) != "off"]
    if len(workspace.elements) < PARALLEL_MIN_ELEMENTS:
        return [finding for rule_obj in chosen for finding in _rule_findings(context, rule_obj)]
    here_rules = [r for r in chosen if runs_here(r)]
    other_rules = [r for r in chosen if not runs_here(r)]
    here: dict[str, list[Finding]] = {}

    def run_here() -> None:
        here.update((r.code, _rule_findings(context, r)) for r in here_rules)

    def run_beside() -> dict[str, list[Finding]]:
        return {r.code: _rule_findings(context, r) for r in other_rules}

    there = beside(run_beside, run_here)
    return [finding for rule_obj in chosen for finding in (here.get(rule_obj.code) or there.get(rule_obj.code) or [])]


def _rule_findings(context: Context, rule_obj: Rule) -> list[Finding]:
    """The hits of one rule as findings, each placed at its element's source."""
    workspace = context.workspace
    assert rule_obj.check is not None
    locate = workspace.locate
    code, severity = rule_obj.code, rule_obj.severity
    findings: list[Finding] = []
    add = findings.append
    for hit in rule_obj.check(context):
        location = locate(hit.element, hit.path)
        if location is None and hit.element == WORKSPACE:
            location = Location(file=workspace.manifest_file, line=1, column=1)
        args = tuple((k, str(v)) for k, v in hit.args.items()) if hit.args else ()
        if location is None:
            add(Finding(code, severity, hit.message, hit.element or None, args=args))
        else:
            add(Finding(code, severity, hit.message, hit.element or None, location.file, location.line,
                        location.column, args))
    return findings


def make_report(root: str, findings: list[Finding], workspace: Workspace | None, loaded: bool) -> Report:
    ordered = sorted(set(findings), key=Finding.sort_key)
    counts = Counter(f.severity for f in ordered)
    summary = Summary(
        errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
        elements=len(workspace.elements) if workspace else 0,
        files=len(workspace.files) + 1 if workspace else 0,
        by_rule=dict(sorted(Counter(f.rule for f in ordered).items())),
    )
    return Report(workspace=root, findings=ordered, summary=summary, loaded=loaded)


def validate_loaded(result: LoadResult, root: str) -> Validation:
    """Validate what :func:`load_workspace` produced."""
    workspace = result.workspace
    findings = list(result.findings)
    if workspace is None:
        return Validation(None, make_report(root, apply_settings(findings, None), None, loaded=False))
    findings.extend(section_findings(workspace))  # sections beside the elements, each checked by its module
    national = load_catalogue(workspace.manifest.reference)
    local_codes, extension_findings = load_extensions(workspace, national)
    findings.extend(extension_findings)
    from spbe_arch.extensions import numbered_domains

    catalogue = national.with_extensions(local_codes, numbered_domains(workspace)) if local_codes else national
    context = Context(workspace, catalogue)
    findings.extend(_unknown_rule_settings(workspace))
    findings.extend(run_rules(context))
    report = make_report(root, apply_settings(findings, workspace), workspace, loaded=not result.fatal)
    return Validation(workspace, report, context)


LOADED = "load-result"  # the key under which a loaded workspace keeps what loading it found


def remember_load(result: LoadResult) -> None:
    """Keep the loader's findings with the workspace, so that validating it later reports them too."""
    if result.workspace is not None:
        result.workspace.derived(LOADED, lambda: result)


def validate(workspace: Workspace) -> Validation:
    """The validation of ``workspace``, made once and shared (the document and ``spbe build`` reuse it).

    It includes the loader's findings when the workspace was loaded by :func:`validate_workspace` or
    :func:`spbe_arch.load`; a workspace made in code has none.
    """
    def run() -> Validation:
        loaded = workspace.derived(LOADED, lambda: LoadResult(workspace, []))
        return validate_loaded(loaded, str(workspace.root))

    return workspace.derived("validation", run)


def filter_report(report: Report, select: list[str], ignore: list[str], min_severity: str = "info") -> Report:
    """The report with only the findings chosen by ``--select``/``--ignore``/``--min-severity``
    (:mod:`spbe_arch.selection`), counts and exit code following."""
    from spbe_arch.selection import parse_selectors, select_findings

    codes = [r.code for r in all_rules()]
    chosen = select_findings(report.findings, parse_selectors(select, codes, "--select"),
                             parse_selectors(ignore, codes, "--ignore"), min_severity)
    counts = Counter(f.severity for f in chosen)
    summary = report.summary.model_copy(update={
        "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
        "by_rule": dict(sorted(Counter(f.rule for f in chosen).items())),
    })
    return report.model_copy(update={"findings": chosen, "summary": summary})


def validate_workspace(root: str | os.PathLike[str]) -> Validation:
    """Load and validate the workspace at ``root``: the library form of ``spbe validate``."""
    path = Path(root)
    result = load_workspace(path)
    if result.workspace is None:
        return validate_loaded(result, str(path))
    remember_load(result)
    validation = validate(result.workspace)
    if validation.report.workspace != str(path):  # the same folder named another way: report it as asked
        validation = Validation(validation.workspace, validation.report.model_copy(update={"workspace": str(path)}),
                                validation.context)
    return validation


def explain_rule(code: str) -> Rule:
    """The rule ``code`` (any case); an unknown or retired code is a usage error saying so."""
    found = get_rule(code)
    if found is None:
        if code.upper() in RETIRED:
            raise SpbeError(f"rule {code.upper()} is retired: {RETIRED[code.upper()]}")
        hint = did_you_mean(nearest(code.upper(), [r.code for r in all_rules()], limit=3), quote=False)
        raise SpbeError(f"no rule {code!r}{hint or '; `spbe rules` lists them'}")
    return found


def rule_text(found: Rule) -> str:
    """The explanation ``spbe rules CODE`` prints."""
    basis = found.basis
    grounds = f"Basis: {basis.text()}.\n\n" if basis is not None else ""
    return (f"{found.code} {found.name} ({found.severity})\n\n{found.summary}.\n\n{found.explanation}\n\n{grounds}"
            f"Family {found.family}: {FAMILIES.get(found.family, '')}.\n"
            f"Change its severity in spbe.yaml (rules: {{{found.code}: warning}}) or silence it on one "
            f"element (ignore: [{found.code}]).\n")


__all__ = [
    "FAMILIES",
    "WORKSPACE",
    "Context",
    "Hit",
    "Report",
    "Rule",
    "Summary",
    "Validation",
    "all_rules",
    "apply_settings",
    "explain_rule",
    "filter_report",
    "get_rule",
    "make_report",
    "remember_load",
    "rule_text",
    "run_rules",
    "validate",
    "validate_loaded",
    "validate_workspace",
]
