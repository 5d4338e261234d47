"""Precision and recall of the duplicate finder on a labelled real inventory, by kind of finding.

The labels (``labels.yaml`` beside an inventory's ``apps.csv``) name rows by the inventory's own ids::

    same_system: [{rows: [A, B], system: ...}]          # rows that are one system
    functional: [{rows: [A, B, C], function: ..., confidence: high|medium|low}]
    hard_negatives: [{rows: [A, B], why: ...}]
    borderline: [{rows: [A, B], why: ...}]

Positive pairs are every pair inside a ``same_system`` entry (kind ``same_system``) and every pair
inside a ``functional`` entry that is not already same-system (kind ``functional``). Pairs of a
``low``-confidence functional entry count as borderline: the labeller was not sure they are one job,
so neither finding nor missing them is scored. Borderline pairs are left out of both sides.

The prediction is read the way a user gets it: the inventory imported by ``spbe import inventory``
(whose applications record their rows in the property ``source_ids``), then the finder. Two rows
merged into one application are a predicted ``same_system`` pair; rows of applications in one
reported group are a predicted pair of the group's kind. A pair counts as found whatever kind was
predicted; the per-kind precision and recall are those of the pairs labelled (recall) or predicted
(precision) of that kind, and ``kind_agreement`` is the share of found pairs whose kinds agree.
"""

from __future__ import annotations

import os
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from spbe_arch.duplicates.report import DuplicateReport
from spbe_arch.errors import SpbeError
from spbe_arch.workspace import Workspace

KINDS = ("same_system", "functional")
RowPair = frozenset[str]


class KindScores(BaseModel):
    precision: float
    recall: float
    found: int
    predicted: int
    expected: int


class InventoryEvaluation(BaseModel):
    overall: KindScores
    by_kind: dict[str, KindScores]
    kind_agreement: float
    missed: list[tuple[str, str, str]]  # (row, row, labelled kind)
    wrong: list[tuple[str, str, str]]  # (row, row, predicted kind)


def _pairs(rows: list[str]) -> set[RowPair]:
    return {frozenset(p) for p in combinations(sorted(set(rows)), 2)}


def load_inventory_labels(path: str | os.PathLike[str]) -> tuple[dict[RowPair, str], set[RowPair]]:
    """(labelled positive pair -> kind, pairs left out of scoring)."""
    try:
        raw: Any = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SpbeError(f"{path}: not a labels file ({exc})") from None
    expected: dict[RowPair, str] = {}
    excluded: set[RowPair] = set()
    for entry in raw.get("same_system") or []:
        for pair in _pairs([str(r) for r in entry["rows"]]):
            expected[pair] = "same_system"
    for entry in raw.get("functional") or []:
        pairs = _pairs([str(r) for r in entry["rows"]])
        if str(entry.get("confidence", "")).lower() == "low":
            excluded |= {p for p in pairs if p not in expected}
            continue
        for pair in pairs:
            expected.setdefault(pair, "functional")
    for entry in raw.get("borderline") or []:
        excluded |= _pairs([str(r) for r in entry["rows"]])
    excluded -= expected.keys()
    return expected, excluded


def rows_of(workspace: Workspace) -> dict[str, list[str]]:
    """Application id -> the inventory rows it was imported from."""
    result: dict[str, list[str]] = {}
    for app in workspace.applications:
        ids = app.properties.get("source_ids")
        if isinstance(ids, str) and ids:
            result[app.id] = [x.strip() for x in ids.split(";") if x.strip()]
    return result


def predicted_pairs(report: DuplicateReport, workspace: Workspace) -> dict[RowPair, str]:
    """Row pair -> predicted kind: merged rows, then the rows of every reported group."""
    rows = rows_of(workspace)
    predicted: dict[RowPair, str] = {}
    for members in rows.values():
        for pair in _pairs(members):
            predicted[pair] = "same_system"
    for group in report.groups:
        group_rows = [r for app in group.applications for r in rows.get(app, [])]
        for pair in _pairs(group_rows):
            predicted.setdefault(pair, group.kind)
    return predicted


def scores(found: int, predicted: int, expected: int) -> KindScores:
    return KindScores(precision=round(found / predicted, 4) if predicted else 1.0,
                      recall=round(found / expected, 4) if expected else 1.0,
                      found=found, predicted=predicted, expected=expected)


def evaluate_inventory(report: DuplicateReport, workspace: Workspace,
                       labels_path: str | os.PathLike[str]) -> InventoryEvaluation:
    expected, excluded = load_inventory_labels(labels_path)
    predicted = {p: k for p, k in predicted_pairs(report, workspace).items() if p not in excluded}
    found = predicted.keys() & expected.keys()
    by_kind = {
        kind: scores(len({p for p in found if expected[p] == kind}),
                      len({p for p, k in predicted.items() if k == kind}),
                      sum(1 for k in expected.values() if k == kind))
        for kind in KINDS
    }
    for kind in KINDS:  # precision of a kind: of the pairs predicted as that kind, those labelled at all
        hits = len({p for p in found if predicted[p] == kind})
        by_kind[kind].precision = round(hits / by_kind[kind].predicted, 4) if by_kind[kind].predicted else 1.0
    agree = sum(1 for p in found if predicted[p] == expected[p])
    return InventoryEvaluation(
        overall=scores(len(found), len(predicted), len(expected)),
        by_kind=by_kind,
        kind_agreement=round(agree / len(found), 4) if found else 1.0,
        missed=sorted((*sorted(p), expected[p]) for p in expected.keys() - found),  # type: ignore[misc]
        wrong=sorted((*sorted(p), predicted[p]) for p in predicted.keys() - expected.keys()),  # type: ignore[misc]
    )
