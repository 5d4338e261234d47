"""Precision and recall of the national-application judgement on a labelled real inventory.

The labels (``national.csv`` beside an inventory's ``apps.csv``) give, for every row, how it relates to
a national application, as an SPBE architect reads it::

    id,relation,function,note
    MGT-017,copies,kepegawaian,the Pemda's own SIMPEG beside SIASN
    MGT-001,is,pengadaan,the LPSE instance of SPSE

``relation`` is ``is`` (the row is the national application), ``copies`` (a local application doing its
job), ``partly`` (one of its jobs, or a view of its data), ``none`` or ``unsure``; ``function`` is a
national function id of the shipped table, or ``other:<name>`` for a national application the table
does not know. ``partly`` and ``unsure`` rows are left out of the scores (the labeller could not say
yes or no), and so are the rows of retired applications (``status: dihentikan``, "Tidak Aktif" in an
inventory), on which the tool makes no judgement: a retired copy is nothing to act on. Rows of a
national application outside the table are counted apart.

The prediction is read the way a user gets it: the inventory imported by ``spbe import inventory``,
then ``spbe classify`` (its ``national`` suggestion: the row copies that national application) and the
finder's features (a row named as the national application, or recognised as its instance, *is* it).
Two functions of one national application (SIPD's planning and its budgeting) count as one.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from pydantic import BaseModel

from spbe_arch.duplicates.features import build_features
from spbe_arch.duplicates.inventory_labels import KindScores, rows_of, scores
from spbe_arch.duplicates.tables import NationalFunction, compact
from spbe_arch.errors import SpbeError
from spbe_arch.workspace import Workspace

RELATIONS = ("is", "copies", "partly", "none", "unsure")
LEFT_OUT = ("partly", "unsure")


class NationalEvaluation(BaseModel):
    copies: KindScores  # local copies of a national application, the right one
    copies_any: KindScores  # local copies flagged, whichever national application they are said to copy
    is_national: KindScores  # rows that are the national application itself
    outside_table: int  # rows labelled as (a copy of) a national application the table does not know
    left_out: int  # rows labelled partly or unsure
    retired: int  # rows of retired applications, not judged
    missed: list[tuple[str, str, str]]  # (row, labelled relation, labelled national application)
    wrong: list[tuple[str, str, str]]  # (row, predicted relation, predicted national application)


Label = tuple[str, str]  # (relation, function id or other:name)


def load_national_labels(path: str | os.PathLike[str]) -> dict[str, Label]:
    """Row id -> (relation, function)."""
    try:
        with Path(path).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise SpbeError(f"{path}: not readable ({exc.strerror})") from None
    labels: dict[str, Label] = {}
    for number, row in enumerate(rows, 2):
        relation = (row.get("relation") or "").strip()
        if relation not in RELATIONS:
            raise SpbeError(f"{path}:{number}: relation {relation!r} is not one of {', '.join(RELATIONS)}")
        labels[(row.get("id") or "").strip()] = (relation, (row.get("function") or "").strip())
    return labels


def _known(function: str, functions: tuple[NationalFunction, ...]) -> str:
    """A label's ``other:<name>`` as the table's function id once the table knows that application (a
    label written when P-Care was outside the table, ``other:P-Care BPJS Kesehatan``, is ``pcare``)."""
    if not function.startswith("other:"):
        return function
    written = {compact(w) for w in re.split(r"[\s()/,]+", function[6:]) if compact(w)}  # P-Care is pcare
    for entry in functions:
        if {compact(n) for n in (entry.national, *entry.names)} & written:
            return entry.id
    return function


def evaluate_national(workspace: Workspace, labels_path: str | os.PathLike[str]) -> NationalEvaluation:
    from spbe_arch.classify import classify_features

    features = build_features(workspace)
    labels = {row: (relation, _known(function, features.tables.functions))
              for row, (relation, function) in load_national_labels(labels_path).items()}
    national_of = {f.id: f.national for f in features.tables.functions}  # function id -> national application
    suggested = {s.application for s in classify_features(features, workspace) if s.national is not None}
    rows = rows_of(workspace)
    predicted: dict[str, Label] = {}
    for f in features.apps:
        if f.is_national and f.national is not None:
            guess: Label = ("is", f.national.id)
        elif f.id in suggested and f.function is not None:
            guess = ("copies", f.function.id)
        else:
            continue
        predicted.update((row, guess) for row in rows.get(f.id, []))

    def agree(label: Label, guess: Label, any_function: bool = False) -> bool:
        """Same relation, and the same national application unless any will do."""
        return label[0] == guess[0] and (any_function or national_of.get(label[1], label[1])
                                         == national_of.get(guess[1], guess[1]))

    judged = {f.id for f in features.apps if not f.app.retired}  # applications in use
    retired = {row for app_id, app_rows in rows.items() if app_id not in judged for row in app_rows}
    scored = {row: label for row, label in labels.items() if label[0] not in LEFT_OUT and row not in retired}
    known = {row for row, (relation, function) in scored.items()
             if relation in ("is", "copies") and function in national_of}
    guesses = {row: guess for row, guess in predicted.items() if row in scored}
    result: dict[str, KindScores] = {}
    for relation, key, any_function in (("copies", "copies", False), ("copies", "copies_any", True),
                                        ("is", "is_national", False)):
        made = [row for row, guess in guesses.items() if guess[0] == relation]
        right = sum(1 for row in made if agree(scored[row], guesses[row], any_function))
        result[key] = scores(right, len(made), sum(1 for row in known if scored[row][0] == relation))
    return NationalEvaluation(
        **result,
        outside_table=sum(1 for relation, function in labels.values()
                          if relation in ("is", "copies") and function.startswith("other:")),
        left_out=sum(1 for relation, _ in labels.values() if relation in LEFT_OUT),
        retired=len(retired & labels.keys()),
        missed=sorted((row, *scored[row]) for row in known
                      if row not in guesses or not agree(scored[row], guesses[row])),
        wrong=sorted((row, *guess) for row, guess in guesses.items() if not agree(scored[row], guess)),
    )
