"""Every rule of the catalogue; importing this package registers them all.

One module per family group, so that a new rule is added next to its kin; the registry and the
code table are in :mod:`spbe_arch.rules.registry`. Codes never change meaning: a retired rule keeps
its code in ``RETIRED``.
"""

from __future__ import annotations

from spbe_arch.rules import (  # noqa: F401
    codes,
    domain,
    duplicate_rules,
    graph_rules,
    indeks_rules,
    obligations,
    references,
    schema,
)
from spbe_arch.rules.registry import FAMILIES, RETIRED, RULES, Context, Hit, Rule


def all_rules() -> list[Rule]:
    """Every registered rule, by code."""
    return sorted(RULES.values(), key=lambda r: r.code)


def get_rule(code: str) -> Rule | None:
    """The rule ``code`` (any case), or None."""
    return RULES.get(code.upper())


__all__ = ["FAMILIES", "RETIRED", "RULES", "Context", "Hit", "Rule", "all_rules", "get_rule"]
