"""What a change does to the architecture: elements added, removed and changed, findings and
duplicate groups introduced and resolved.

This is the semantic diff a reviewer reads in a merge request instead of a YAML diff: an element
moved to another file, or a list written in another order, is no change; a new `hosted_on` is a
relation added. Findings are matched by rule, severity, element and message, never by line, so
that a finding that only moved is neither new nor resolved.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

from pydantic import BaseModel, Field

from spbe_arch.findings import Finding
from spbe_arch.model import COLLECTION_LABELS, COLLECTIONS, Application, Element, dump_element
from spbe_arch.relations import iter_references
from spbe_arch.workspace import Workspace

VersionState = Literal["loaded", "partial", "unloadable", "absent"]
FailOnNew = Literal["error", "warning", "duplicate"]
FAIL_ON_NEW: tuple[str, ...] = ("error", "warning", "duplicate")

# Fields whose value is a mapping: compared key by key, so that a change says `properties.vendor`.
_NESTED_FIELDS = ("properties", "technology")


# --- the result ------------------------------------------------------------------------------


class ElementRef(BaseModel):
    """An element added or removed, and where it is written (in the version that has it)."""

    id: str
    collection: str
    name: str
    owner: str | None = None
    file: str | None = None
    line: int | None = None


class FieldChange(BaseModel):
    """One changed field: ``properties.x`` style names for keys inside mappings; None when absent."""

    field: str
    old: Any = None
    new: Any = None


class RelationRef(BaseModel):
    """One id written in one field of an element (see :mod:`spbe_arch.relations`); for the `via` and
    `data` of an integration, ``integration`` names the integration's target application."""

    field: str
    edge: str | None
    target: str
    integration: str | None = None


class ElementChange(ElementRef):
    """An element in both versions whose fields or relations differ."""

    fields: list[FieldChange]
    relations_added: list[RelationRef] = Field(default_factory=list)
    relations_removed: list[RelationRef] = Field(default_factory=list)


class CollectionDiff(BaseModel):
    collection: str
    label: str
    added: list[ElementRef] = Field(default_factory=list)
    removed: list[ElementRef] = Field(default_factory=list)
    changed: list[ElementChange] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


class DuplicateGroup(BaseModel):
    """A group of applications that serve one function, as the duplicate finder reported it."""

    applications: list[str]
    names: list[str]
    function: str | None = None
    proposal: str | None = None
    national_application: str | None = None  # the national application to move to, if any


class DuplicateChange(BaseModel):
    """A group that is new (or that lost members), with the pairs that make it so, and the group of
    the other version that shared applications with it."""

    group: DuplicateGroup
    pairs: list[tuple[str, str]]
    other: list[str] = Field(default_factory=list)


class DuplicatesDiff(BaseModel):
    available: bool
    note: str | None = None
    introduced: list[DuplicateChange] = Field(default_factory=list)
    resolved: list[DuplicateChange] = Field(default_factory=list)


class VersionInfo(BaseModel):
    """One side of the comparison: what it is, and whether it could be read."""

    label: str
    state: VersionState = "loaded"
    elements: int = 0
    load_errors: list[Finding] = Field(default_factory=list)
    note: str | None = None


class DiffSummary(BaseModel):
    added: int = 0
    removed: int = 0
    changed: int = 0
    findings_introduced: dict[str, int] = Field(default_factory=dict)  # severity -> count
    findings_resolved: dict[str, int] = Field(default_factory=dict)
    duplicates_introduced: int = 0
    duplicates_resolved: int = 0


class ModelDiff(BaseModel):
    """The difference between two versions of a model."""

    old: VersionInfo
    new: VersionInfo
    collections: list[CollectionDiff]  # only collections with a change, in the format's order
    findings_introduced: list[Finding]
    findings_resolved: list[Finding]
    duplicates: DuplicatesDiff
    summary: DiffSummary

    @property
    def unchanged(self) -> bool:
        s = self.summary
        return not (s.added or s.removed or s.changed or self.findings_introduced or self.findings_resolved
                    or self.duplicates.introduced or self.duplicates.resolved)

    def exit_code(self, fail_on_new: Iterable[str] = ()) -> int:
        """1 when the change introduces what ``fail_on_new`` names (``error``; ``warning``, which
        includes errors; ``duplicate``), else 0."""
        wanted = set(fail_on_new)
        unknown = wanted - set(FAIL_ON_NEW)
        if unknown:
            raise ValueError(f"unknown fail-on-new value(s): {', '.join(sorted(unknown))}")
        severities = {f.severity for f in self.findings_introduced}
        if "error" in wanted and "error" in severities:
            return 1
        if "warning" in wanted and severities & {"error", "warning"}:
            return 1
        if "duplicate" in wanted and self.duplicates.introduced:
            return 1
        return 0


# --- one version, ready to compare ----------------------------------------------------------


@dataclass
class ModelVersion:
    """A loaded version of the model with what was computed on it while its files existed."""

    info: VersionInfo
    workspace: Workspace | None
    findings: list[Finding] = field(default_factory=list)
    duplicate_groups: list[DuplicateGroup] | None = None  # None: not computed (turned off)
    duplicates_note: str | None = None
    has_manifest: bool = True  # False: the folder exists but holds no spbe.yaml


def findings_of(workspace: Workspace) -> list[Finding]:
    """Every rule's findings on an already loaded workspace (loader findings are not known here)."""
    from spbe_arch.loader import LoadResult
    from spbe_arch.validate import validate_loaded

    return validate_loaded(LoadResult(workspace, []), str(workspace.root)).report.findings


DUPLICATES_OFF = "duplicate groups were not compared (turned off)"


def duplicate_groups(workspace: Workspace | None) -> list[DuplicateGroup]:
    """The duplicate groups of a workspace, as :func:`spbe_arch.duplicates.find_duplicates` finds them."""
    if workspace is None:
        return []
    from spbe_arch.duplicates import find_duplicates

    groups = []
    for group in find_duplicates(workspace).groups:
        ids = sorted(group.applications)
        if len(ids) > 1:
            groups.append(DuplicateGroup(
                applications=ids, names=[workspace.display_name(i) for i in ids], function=group.function or None,
                proposal=group.proposal or None, national_application=group.national_application))
    return sorted(groups, key=lambda g: g.applications)


def version_of(workspace: Workspace | None, label: str, *, findings: list[Finding] | None = None,
               duplicates: bool = True, info: VersionInfo | None = None) -> ModelVersion:
    """Compute what the comparison needs on one workspace (findings, duplicate groups)."""
    if findings is None:
        findings = findings_of(workspace) if workspace is not None else []
    groups = duplicate_groups(workspace) if duplicates else None
    note = None if duplicates else DUPLICATES_OFF
    if info is None:
        state: VersionState = "loaded" if workspace is not None else "absent"
        info = VersionInfo(label=label, state=state, elements=len(workspace.elements) if workspace else 0)
    return ModelVersion(info, workspace, findings, groups, note)


# --- comparison ------------------------------------------------------------------------------


def diff_models(old: Workspace | None, new: Workspace | None, *, old_findings: list[Finding] | None = None,
                new_findings: list[Finding] | None = None, old_label: str = "old", new_label: str = "new",
                duplicates: bool = True) -> ModelDiff:
    """Compare two loaded workspaces (``old`` None: the model did not exist, everything is added).

    Findings are computed by validating each workspace unless given (give them to include the
    loader's findings, as :func:`spbe_arch.diff.sources.load_version` does).
    """
    return diff_versions(
        version_of(old, old_label, findings=old_findings, duplicates=duplicates),
        version_of(new, new_label, findings=new_findings, duplicates=duplicates),
    )


def diff_versions(old: ModelVersion, new: ModelVersion) -> ModelDiff:
    """Compare two versions whose findings and duplicate groups are already computed."""
    collections = _diff_elements(old.workspace, new.workspace)
    introduced = _finding_difference(new.findings, old.findings)
    resolved = _finding_difference(old.findings, new.findings)
    dups = _diff_duplicates(old, new)
    summary = DiffSummary(
        added=sum(len(c.added) for c in collections),
        removed=sum(len(c.removed) for c in collections),
        changed=sum(len(c.changed) for c in collections),
        findings_introduced=_count_severities(introduced),
        findings_resolved=_count_severities(resolved),
        duplicates_introduced=len(dups.introduced),
        duplicates_resolved=len(dups.resolved),
    )
    return ModelDiff(old=old.info, new=new.info, collections=collections, findings_introduced=introduced,
                     findings_resolved=resolved, duplicates=dups, summary=summary)


def _count_severities(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts[s] for s in ("error", "warning", "info")}


def _elements_by_id(workspace: Workspace | None) -> dict[str, Element]:
    return dict(workspace.elements) if workspace is not None else {}


def _diff_elements(old: Workspace | None, new: Workspace | None) -> list[CollectionDiff]:
    before, after = _elements_by_id(old), _elements_by_id(new)
    result = {c: CollectionDiff(collection=c, label=COLLECTION_LABELS[c]) for c in COLLECTIONS}
    for element_id in sorted(before.keys() | after.keys()):
        was, now = before.get(element_id), after.get(element_id)
        if was is not None and (now is None or now.COLLECTION != was.COLLECTION):
            assert old is not None
            result[was.COLLECTION].removed.append(_ref(old, was))
        if now is not None and (was is None or now.COLLECTION != was.COLLECTION):
            assert new is not None
            result[now.COLLECTION].added.append(_ref(new, now))
        if was is not None and now is not None and was.COLLECTION == now.COLLECTION:
            assert new is not None
            change = _element_change(new, was, now)
            if change is not None:
                result[now.COLLECTION].changed.append(change)
    return [c for c in result.values() if not c.empty]


def _ref(workspace: Workspace, element: Element) -> ElementRef:
    location = workspace.locate(element.id)
    return ElementRef(id=element.id, collection=element.COLLECTION, name=element.name, owner=element.owner_id,
                      file=location.file if location else None, line=location.line if location else None)


def _normalised(value: Any) -> Any:
    """A value with the order of its lists ignored: YAML lists in the format are sets."""
    if isinstance(value, list):
        return sorted((_normalised(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, default=str))
    if isinstance(value, dict):
        return {k: _normalised(v) for k, v in value.items()}
    return value


def _flat_fields(element: Element) -> dict[str, Any]:
    dumped = dump_element(element)
    flat: dict[str, Any] = {}
    for key, value in dumped.items():
        if key in _NESTED_FIELDS and isinstance(value, dict):
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = inner_value
        else:
            flat[key] = value
    return flat


_Relation = tuple[str, str | None, str, str | None]


def _relations(element: Element) -> set[_Relation]:
    relations: set[_Relation] = set()
    for ref in iter_references(element):
        integration = None
        if isinstance(element, Application) and ref.field.startswith("integrations.") and len(ref.path) > 1:
            index = ref.path[1]
            integration = element.integrations[index].target if isinstance(index, int) else None
        relations.add((ref.field, ref.edge, ref.target, integration))
    return relations


def _element_change(workspace: Workspace, was: Element, now: Element) -> ElementChange | None:
    before, after = _flat_fields(was), _flat_fields(now)
    fields = [
        FieldChange(field=name, old=before.get(name), new=after.get(name))
        for name in sorted(before.keys() | after.keys(), key=_field_order(now))
        if _normalised(before.get(name)) != _normalised(after.get(name))
    ]
    if not fields:
        return None
    old_rel, new_rel = _relations(was), _relations(now)
    location = workspace.locate(now.id)
    return ElementChange(
        id=now.id, collection=now.COLLECTION, name=now.name, owner=now.owner_id,
        file=location.file if location else None, line=location.line if location else None, fields=fields,
        relations_added=_relation_refs(new_rel - old_rel),
        relations_removed=_relation_refs(old_rel - new_rel),
    )


def _relation_refs(relations: set[_Relation]) -> list[RelationRef]:
    ordered = sorted(relations, key=lambda r: (r[0], r[1] or "", r[2], r[3] or ""))
    return [RelationRef(field=f, edge=e, target=t, integration=i) for f, e, t, i in ordered]


def _field_order(element: Element) -> Any:
    """Fields in the order the format declares them, then nested keys alphabetically."""
    order = {name: i for i, name in enumerate(type(element).model_fields)}

    def key(name: str) -> tuple[int, str]:
        return order.get(name.split(".", 1)[0], len(order)), name

    return key


def _finding_key(finding: Finding) -> tuple[str, str, str, str]:
    anchor = finding.element if finding.element else f"file:{finding.file or ''}"
    return finding.rule, finding.severity, anchor, finding.message


def _finding_difference(these: list[Finding], others: list[Finding]) -> list[Finding]:
    """The findings of ``these`` that ``others`` does not have (as many times as it has them)."""
    remaining = Counter(_finding_key(f) for f in others)
    result = []
    for finding in sorted(these, key=Finding.sort_key):
        key = _finding_key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            result.append(finding)
    return result


def _pairs(groups: list[DuplicateGroup]) -> set[tuple[str, str]]:
    return {pair for g in groups for pair in combinations(sorted(g.applications), 2)}


def _diff_duplicates(old: ModelVersion, new: ModelVersion) -> DuplicatesDiff:
    if old.duplicate_groups is None or new.duplicate_groups is None:
        note = new.duplicates_note or old.duplicates_note or DUPLICATES_OFF
        return DuplicatesDiff(available=False, note=note)
    return DuplicatesDiff(
        available=True,
        introduced=_group_changes(new.duplicate_groups, old.duplicate_groups),
        resolved=_group_changes(old.duplicate_groups, new.duplicate_groups),
    )


def _group_changes(these: list[DuplicateGroup], others: list[DuplicateGroup]) -> list[DuplicateChange]:
    """Groups of ``these`` holding a pair of applications that no group of ``others`` holds."""
    known = _pairs(others)
    changes = []
    for group in these:
        fresh = [p for p in combinations(sorted(group.applications), 2) if p not in known]
        if not fresh:
            continue
        members = set(group.applications)
        overlapping = max(others, key=lambda g: len(members & set(g.applications)), default=None)
        other = overlapping.applications if overlapping and members & set(overlapping.applications) else []
        changes.append(DuplicateChange(group=group, pairs=fresh, other=other))
    return changes


__all__ = [
    "CollectionDiff", "DiffSummary", "DuplicateChange", "DuplicateGroup", "DuplicatesDiff", "ElementChange",
    "ElementRef", "FieldChange", "ModelDiff", "ModelVersion", "RelationRef", "VersionInfo", "diff_models",
    "diff_versions", "duplicate_groups", "findings_of", "version_of",
]
