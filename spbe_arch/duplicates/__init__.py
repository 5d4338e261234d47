"""Duplicate applications across OPDs: explained pairs, groups and consolidation proposals.

``find_duplicates(workspace)`` is the library form of ``spbe duplicates``; see docs/duplicates.md
for how the score is made and how to extend the tables.
"""

from spbe_arch.duplicates.finder import DEFAULT_THRESHOLD, find_duplicates
from spbe_arch.duplicates.report import DuplicateReport, Group, Pair

__all__ = ["DEFAULT_THRESHOLD", "DuplicateReport", "Group", "Pair", "find_duplicates"]
