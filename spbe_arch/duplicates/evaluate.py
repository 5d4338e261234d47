"""Precision and recall of the duplicate finder against a labels file.

Labels format (``.labels/duplicates.yaml`` of a workspace, or a file beside a test inventory)::

    groups:
      - {id: presensi, applications: [a, b, c], reason: ..., national_application: null}
    not_duplicates:
      - {applications: [x, y], reason: ...}

Every pair inside a labelled group is a true duplicate pair; every other pair is not. These labels
are of functional duplicates (two systems, one job): same-system findings are not scored here (see
``inventory_labels`` for labels of both kinds). A national
application is never a pair member: it is dropped from the labels and from the prediction alike.
Predicted pairs are the pairs inside predicted groups (what an architect acts on: two applications
end up in one group), so a chain a~b~c counts a-c too, as the labels do. A labelled group counts as
found when a predicted group has a Jaccard overlap of at least 0.5 with it (one to one, best first).
"""

from __future__ import annotations

import os
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from spbe_arch.duplicates.report import DuplicateReport
from spbe_arch.errors import SpbeError
from spbe_arch.workspace import Workspace

GROUP_MATCH = 0.5


class LabelGroup(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    applications: list[str]
    reason: str | None = None
    national_application: str | None = None


class LabelPair(BaseModel):
    model_config = ConfigDict(extra="allow")
    applications: list[str]
    reason: str | None = None


class Labels(BaseModel):
    model_config = ConfigDict(extra="allow")
    groups: list[LabelGroup] = Field(default_factory=list)
    not_duplicates: list[LabelPair] = Field(default_factory=list)


class Scores(BaseModel):
    precision: float
    recall: float
    f1: float
    true_positives: int
    predicted: int
    expected: int


class Evaluation(BaseModel):
    """Quality of one report against one labels file."""

    threshold: float
    pairs: Scores
    direct_pairs: Scores  # the report's own pairs, without the closure of groups
    groups: Scores
    not_duplicates_flagged: list[list[str]]  # labelled hard negatives that were predicted anyway
    missed_pairs: list[list[str]]
    wrong_pairs: list[list[str]]
    unknown_ids: list[str]  # ids in the labels that the workspace does not have


def load_labels(path: str | os.PathLike[str]) -> Labels:
    file = Path(path)
    try:
        raw: Any = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        return Labels.model_validate(raw or {})
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise SpbeError(f"{file}: not a labels file ({type(exc).__name__}: {exc})") from None


def _scores(hits: int, predicted: int, expected: int) -> Scores:
    precision = hits / predicted if predicted else 1.0
    recall = hits / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4), true_positives=hits,
                  predicted=predicted, expected=expected)


def _pair_scores(predicted: set[frozenset[str]], expected: set[frozenset[str]]) -> Scores:
    return _scores(len(predicted & expected), len(predicted), len(expected))


def _pairs_of(groups: list[set[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def _group_scores(predicted: list[set[str]], expected: list[set[str]]) -> Scores:
    candidates = sorted(
        ((len(p & e) / len(p | e), i, j) for i, p in enumerate(predicted) for j, e in enumerate(expected) if p & e),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p: set[int] = set()
    used_e: set[int] = set()
    for overlap, i, j in candidates:
        if overlap >= GROUP_MATCH and i not in used_p and j not in used_e:
            used_p.add(i)
            used_e.add(j)
    return _scores(len(used_e), len(predicted), len(expected))


def evaluate(report: DuplicateReport, labels: Labels, workspace: Workspace) -> Evaluation:
    """Compare ``report`` with ``labels`` (national applications left out of every pair)."""
    national = {a.id for a in workspace.applications if a.source == "nasional"}
    national.update(g.national_application for g in labels.groups if g.national_application)
    national.update(g.national_application for g in report.groups if g.national_application)
    expected_groups = [set(g.applications) - national for g in labels.groups]
    predicted_groups = [set(g.applications) - national for g in report.groups if g.kind == "functional"]
    expected = _pairs_of(expected_groups)
    predicted = _pairs_of(predicted_groups)
    direct = {frozenset((p.a, p.b)) for p in report.pairs
              if p.a not in national and p.b not in national and p.kind == "functional"}
    negatives = [frozenset(n.applications) for n in labels.not_duplicates if len(set(n.applications)) == 2]
    known = set(workspace.elements)
    mentioned = {a for g in labels.groups for a in g.applications} | {a for n in negatives for a in n}
    return Evaluation(
        threshold=report.threshold,
        pairs=_pair_scores(predicted, expected),
        direct_pairs=_pair_scores(direct, expected),
        groups=_group_scores([g for g in predicted_groups if g], [g for g in expected_groups if g]),
        not_duplicates_flagged=sorted(sorted(n) for n in negatives if n in predicted),
        missed_pairs=sorted(sorted(p) for p in expected - predicted),
        wrong_pairs=sorted(sorted(p) for p in predicted - expected),
        unknown_ids=sorted(mentioned - known),
    )


def evaluate_workspace(workspace: Workspace | str | os.PathLike[str], labels_path: str | os.PathLike[str],
                       threshold: float | None = None) -> Evaluation:
    """Run the finder on ``workspace`` and compare it with the labels file."""
    from spbe_arch.duplicates.finder import find_duplicates

    if not isinstance(workspace, Workspace):
        from spbe_arch.loader import open_workspace

        workspace, _ = open_workspace(Path(workspace))
    return evaluate(find_duplicates(workspace, threshold), load_labels(labels_path), workspace)
