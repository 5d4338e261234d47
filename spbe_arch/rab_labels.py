"""The RAB process areas `spbe classify` suggests, against an inventory's hand labels.

Labels are a CSV ``id,rab,confidence,note`` per inventory row: ``rab`` is one level-3 code, two
separated by ``;`` when both are right, or ``none`` (an OPD's own site, a row whose job cannot be told).
A suggestion is right when its code is one of the row's; a suggestion on a row labelled ``none`` is
counted apart (what an architect would strike out), and so is a labelled row without a suggestion.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from spbe_arch.classify import Confidence, Suggestion, at_least
from spbe_arch.duplicates.inventory_labels import rows_of
from spbe_arch.errors import SpbeError
from spbe_arch.workspace import Workspace

NONE = "none"
_FLOORS: tuple[tuple[Confidence, str], ...] = (("high", "high"), ("medium", "medium or higher"), ("low", "any"))


class RabScores(BaseModel):
    right: int
    suggested: int  # on rows labelled with a code
    precision: float
    level2_right: int  # the suggestion's level-2 area is one of the labels'


class RabEvaluation(BaseModel):
    by_confidence: dict[str, RabScores]  # "high", "medium or higher", "any"
    on_rows_labelled_none: int
    labelled_without_suggestion: int
    labelled: int  # rows labelled with a code


def load_rab_labels(path: str | os.PathLike[str]) -> dict[str, frozenset[str]]:
    """Row id -> its right codes (empty: labelled ``none``)."""
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise SpbeError(f"{path}: not a RAB labels file ({exc})") from None
    if rows and not {"id", "rab"} <= set(rows[0]):
        raise SpbeError(f"{path}: not a RAB labels file (columns id and rab are needed)")
    return {row["id"]: frozenset(c.strip() for c in row["rab"].split(";") if c.strip() and c.strip() != NONE)
            for row in rows}


def evaluate_rab(workspace: Workspace, suggestions: list[Suggestion],
                 labels_path: str | os.PathLike[str]) -> RabEvaluation:
    labels = load_rab_labels(labels_path)
    by_app = {s.application: s for s in suggestions}
    counts: Counter[tuple[str, str]] = Counter()
    on_none = without = labelled = 0
    for app, rows in rows_of(workspace).items():
        known = [labels[r] for r in rows if r in labels]
        if not known:
            continue
        codes = frozenset().union(*known)
        suggestion = by_app[app].rab if app in by_app else None
        if not codes:
            on_none += suggestion is not None
            continue
        labelled += 1
        if suggestion is None:
            without += 1
            continue
        for floor, name in _FLOORS:
            if at_least(suggestion.confidence, floor):
                counts[(name, "suggested")] += 1
                counts[(name, "right")] += suggestion.code in codes
                counts[(name, "level2")] += suggestion.code[:9] in {c[:9] for c in codes}
    scores = {name: RabScores(right=counts[(name, "right")], suggested=counts[(name, "suggested")],
                              precision=round(counts[(name, "right")] / counts[(name, "suggested")], 4)
                              if counts[(name, "suggested")] else 1.0,
                              level2_right=counts[(name, "level2")])
              for _, name in _FLOORS}
    return RabEvaluation(by_confidence=scores, on_rows_labelled_none=on_none, labelled_without_suggestion=without,
                         labelled=labelled)
