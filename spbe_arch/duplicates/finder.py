"""``find_duplicates``: candidate pairs, scores, exclusions, groups."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from spbe_arch.duplicates.blocking import all_pairs, candidate_pairs
from spbe_arch.duplicates.features import AppFeatures, build_features
from spbe_arch.duplicates.grouping import build_groups
from spbe_arch.duplicates.messages import LANGUAGES, Language, Messages
from spbe_arch.duplicates.report import DuplicateReport, Pair
from spbe_arch.duplicates.scoring import Scorer
from spbe_arch.errors import UsageError
from spbe_arch.workspace import Workspace

DEFAULT_THRESHOLD = 0.58


def same_system(a: AppFeatures, b: AppFeatures) -> bool:
    """Two rows of one system, not two systems: the same URL host (and, on a host that several
    applications share, the same first path segment), one replaces the other, or the same owner's web
    and mobile twins (one integrates the other, or the names are equal)."""
    if (a.host is not None and b.host is not None and a.host[0] == b.host[0]
            and (not a.shared_host or not a.host[1] or not b.host[1] or a.host[1] == b.host[1])):
        return True
    if a.id in b.replaces or b.id in a.replaces:
        return True
    if a.owner == b.owner:
        if a.id in b.integrates or b.id in a.integrates:
            return True
        if a.name_key and a.name_key == b.name_key:
            return True
    return False


def declared_distinct(workspace: Workspace) -> set[frozenset[str]]:
    """Pairs a reviewer declared not to be duplicates (manifest ``not_duplicates``, ``distinct_from``)."""
    pairs: set[frozenset[str]] = set()
    for entry in workspace.manifest.duplicates.not_duplicates:
        members = sorted(set(entry))
        pairs.update(frozenset((x, y)) for i, x in enumerate(members) for y in members[i + 1:])
    for app in workspace.applications:
        pairs.update(frozenset((app.id, other)) for other in app.distinct_from if other != app.id)
    return pairs


def resolve_threshold(workspace: Workspace, threshold: float | None) -> float:
    value = threshold if threshold is not None else workspace.manifest.duplicates.threshold
    value = DEFAULT_THRESHOLD if value is None else float(value)
    if not 0 <= value <= 1 or value != value:
        raise UsageError(f"threshold {value} is outside [0, 1]")
    return value


def find_duplicates(workspace: Workspace | str | os.PathLike[str], threshold: float | None = None,
                    exhaustive: bool = False, *, language: Language = "en") -> DuplicateReport:
    """Duplicate applications of the workspace: pairs above ``threshold`` with evidence, and groups.

    ``threshold`` defaults to the manifest's ``duplicates.threshold``, else 0.58. ``exhaustive``
    compares every pair instead of the blocked candidates (quadratic: to check the blocking on small
    inputs). ``language`` is that of the evidence and proposals (``en`` or ``id``).
    """
    if not isinstance(workspace, Workspace):
        from spbe_arch.loader import open_workspace

        workspace, _ = open_workspace(Path(workspace))
    if language not in LANGUAGES:
        raise UsageError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    limit = resolve_threshold(workspace, threshold)
    # made once per workspace and question: `spbe build` asks for it in the document and in the diagrams
    return workspace.derived(("duplicates", limit, exhaustive, language),
                             lambda: _find(workspace, limit, exhaustive, language))


def _find(workspace: Workspace, limit: float, exhaustive: bool, language: Language) -> DuplicateReport:
    features = build_features(workspace)
    messages = Messages(workspace, language)
    messages.surface = features.normaliser.surface
    apps = features.apps
    candidates = all_pairs(len(apps)) if exhaustive else candidate_pairs(apps)
    found = _score(apps, candidates, Scorer(features, messages, messages.ref), declared_distinct(workspace), limit)
    pairs = [Pair.model_construct(a=a, b=b, score=score, evidence=evidence) for a, b, score, evidence in found]
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    groups = build_groups(features, pairs, workspace, messages)
    return DuplicateReport(threshold=limit, pairs=pairs, groups=groups)


Found = tuple[str, str, float, list[str]]


def _score(apps: list[AppFeatures], candidates: Iterable[tuple[int, int]], scorer: Scorer,
           distinct: set[frozenset[str]], limit: float) -> list[Found]:
    """Score the candidates; explain those that reach the threshold."""
    found: list[Found] = []
    for i, j in candidates:
        a, b = apps[i], apps[j]
        if a.is_national or b.is_national or same_system(a, b):
            continue
        score, signals = scorer.measure(a, b)
        if score <= 0 or score < limit or frozenset((a.id, b.id)) in distinct:
            continue
        found.append((a.id, b.id, score, scorer.explain(a, b, signals)))
    return found
