"""Indeks SPBE: the evaluation score from recorded levels, and the model's evidence for each indicator.

:func:`indeks_report` reads the workspace's ``indeks_spbe:`` section (docs/indeks.md), computes the
index with the official weights, measures what the model shows for the architecture-related
indicators and, given roadmap activities, the indicators they would raise.
"""

from spbe_arch.indeks.compute import PREDICATES, Score, predicate, weighted_index
from spbe_arch.indeks.evidence import Evidence
from spbe_arch.indeks.reference import DEFAULT_SET, IndicatorSet, available_sets, load_set
from spbe_arch.indeks.report import IndeksReport, Row, indeks_report
from spbe_arch.indeks.section import IndeksInputError, read_section

__all__ = [
    "DEFAULT_SET", "PREDICATES", "Evidence", "IndeksInputError", "IndeksReport", "IndicatorSet", "Row", "Score",
    "available_sets", "indeks_report", "load_set", "predicate", "read_section", "weighted_index",
]
