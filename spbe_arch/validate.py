"""Rules and the validation run.

A rule has a code that never changes meaning, a default severity, a one-line summary and an
explanation (``spbe rules CODE``). Rules that check a loaded model are functions that yield
:class:`Hit`; the engine places each hit at its element's source position, applies the manifest's
severity settings and the element's own suppressions, and sorts the result.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from spbe_arch.errors import SpbeError
from spbe_arch.findings import Finding, Severity
from spbe_arch.loader import LoadResult, load_workspace
from spbe_arch.reference import Catalogue, load_catalogue
from spbe_arch.workspace import Path_, Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from spbe_arch.relations import Reference


@dataclass(frozen=True)
class Hit:
    """What a rule found: the element, the message, and the path inside the element to point at."""

    element: str
    message: str
    path: Path_ = ()
    # the message's values, for its translation (spbe_arch.rules.messages_id); "*_id" keys hold element ids
    args: dict[str, object] | None = field(default=None, compare=False, hash=False)


@dataclass
class Context:
    """What rules may look at: the workspace, the catalogue with local codes, and (lazily) the graph."""

    workspace: Workspace
    catalogue: Catalogue

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        from spbe_arch.graph import build_graph  # type: ignore[import-untyped,unused-ignore]

        graph: nx.MultiDiGraph = build_graph(self.workspace)
        return graph

    @cached_property
    def references(self) -> list[Reference]:
        """Every reference of the workspace, computed once for all rules."""
        from spbe_arch.relations import iter_references

        return [ref for element in self.workspace.iter_elements() for ref in iter_references(element)]

    @cached_property
    def referrers(self) -> dict[str, list[tuple[str, str]]]:
        """For each id: the (element id, field) pairs that name it."""
        result: dict[str, list[tuple[str, str]]] = {}
        for ref in self.references:
            result.setdefault(ref.target, []).append((ref.source, ref.field))
        return result


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    check: Check | None = None  # None: reported by the loader, not by a check over the model

    @property
    def family(self) -> str:
        return self.code[:2]


RULES: dict[str, Rule] = {}

FAMILIES: dict[str, str] = {
    "SC": "schema: files, YAML and the shape of each element",
    "RF": "references between elements",
    "RC": "reference-architecture codes",
    "OR": "organizations (perangkat daerah)",
    "BP": "proses bisnis",
    "LY": "layanan",
    "DA": "data dan informasi",
    "AP": "aplikasi",
    "IN": "infrastruktur",
    "KM": "keamanan",
    "RM": "peta rencana",
}


def register(code: str, name: str, severity: Severity, summary: str, explanation: str,
             check: Check | None = None) -> Rule:
    if code in RULES:
        raise ValueError(f"rule {code} registered twice")
    rule = Rule(code, name, severity, summary, " ".join(explanation.split()), check)
    RULES[code] = rule
    return rule


def rule(
    code: str, name: str, severity: Severity, summary: str, explanation: str
) -> Callable[[Check], Check]:
    """Decorator: register ``check`` as rule ``code``."""

    def decorate(check: Check) -> Check:
        register(code, name, severity, summary, explanation, check)
        return check

    return decorate


def all_rules() -> list[Rule]:
    import spbe_arch.rules  # noqa: F401  (registers every rule)

    return sorted(RULES.values(), key=lambda r: r.code)


def get_rule(code: str) -> Rule | None:
    all_rules()
    return RULES.get(code.upper())


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


def apply_settings(findings: Iterable[Finding], workspace: Workspace | None) -> list[Finding]:
    """Severity overrides from the manifest and suppressions on the element."""
    settings = {k.upper(): v for k, v in (workspace.manifest.rules.items() if workspace else [])}
    result = []
    for finding in findings:
        code = finding.rule
        if workspace is not None and finding.element:
            element = workspace.get(finding.element)
            if element is not None and code in element.ignored_rules():
                continue
        if code in settings:
            if settings[code] == "off":
                continue
            finding = finding.model_copy(update={"severity": settings[code]})
        result.append(finding)
    return result


def _unknown_rule_settings(workspace: Workspace) -> list[Finding]:
    import difflib

    findings = []
    for code in workspace.manifest.rules:
        if code.upper() not in RULES:
            guess = difflib.get_close_matches(code.upper(), list(RULES), n=1)
            hint = f"; did you mean {guess[0]!r}?" if guess else "; `spbe rules` lists them"
            line, column = workspace.manifest_keys.get(("rules", code), (1, 1))
            findings.append(Finding(
                rule="SC015", severity="warning", message=f"rules: unknown rule code {code!r}{hint}",
                file=workspace.manifest_file, line=line, column=column))
    return findings


def run_rules(context: Context, codes: Iterable[str] | None = None) -> list[Finding]:
    """Run the model rules (all, or only ``codes``) and place each hit at its source."""
    workspace = context.workspace
    wanted = {c.upper() for c in codes} if codes is not None else None
    settings = {k.upper(): v for k, v in workspace.manifest.rules.items()}
    findings: list[Finding] = []
    for rule_obj in all_rules():
        if rule_obj.check is None or (wanted is not None and rule_obj.code not in wanted):
            continue
        if settings.get(rule_obj.code) == "off":
            continue
        severity = settings.get(rule_obj.code, rule_obj.severity)
        for hit in rule_obj.check(context):
            element = workspace.get(hit.element)
            if element is not None and rule_obj.code in element.ignored_rules():
                continue
            location = workspace.locate(hit.element, hit.path)
            findings.append(Finding(
                rule=rule_obj.code, severity=severity, message=hit.message,  # type: ignore[arg-type]
                element=hit.element, file=location.file if location else None,
                line=location.line if location else None, column=location.column if location else None,
                args=tuple((k, str(v)) for k, v in (hit.args or {}).items()),
            ))
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
    from spbe_arch.extensions import load_extensions

    all_rules()
    workspace = result.workspace
    findings = list(result.findings)
    if workspace is None:
        return Validation(None, make_report(root, apply_settings(findings, None), None, loaded=False))
    national = load_catalogue(workspace.manifest.reference)
    local_codes, extension_findings = load_extensions(workspace, national)
    findings.extend(extension_findings)
    catalogue = national.with_extensions(local_codes) if local_codes else national
    context = Context(workspace, catalogue)
    findings = apply_settings(findings, workspace)
    findings.extend(_unknown_rule_settings(workspace))
    findings.extend(run_rules(context))
    report = make_report(root, findings, workspace, loaded=not result.fatal)
    return Validation(workspace, report, context)


def validate_workspace(root: str | os.PathLike[str]) -> Validation:
    """Load and validate the workspace at ``root``: the library form of ``spbe validate``."""
    path = Path(root)
    return validate_loaded(load_workspace(path), str(path))


def explain_rule(code: str) -> Rule:
    """The rule ``code`` (any case); an unknown code is a usage error naming the nearest codes."""
    found = get_rule(code)
    if found is None:
        import difflib

        guess = difflib.get_close_matches(code.upper(), [r.code for r in all_rules()], n=3)
        hint = f"; did you mean {', '.join(guess)}?" if guess else "; `spbe rules` lists them"
        raise SpbeError(f"no rule {code!r}{hint}")
    return found


def rule_text(found: Rule) -> str:
    """The explanation ``spbe rules CODE`` prints."""
    return (f"{found.code} {found.name} ({found.severity})\n\n{found.summary}.\n\n{found.explanation}\n\n"
            f"Family {found.family}: {FAMILIES.get(found.family, '')}.\n"
            f"Change its severity in spbe.yaml (rules: {{{found.code}: warning}}) or silence it on one "
            f"element (ignore: [{found.code}]).\n")
