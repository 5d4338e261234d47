"""The index from recorded levels: weighted sum and predicate (PermenPANRB 59/2020)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel

# (lowest score, predicate), highest first: PermenPANRB 59/2020.
PREDICATES: tuple[tuple[float, str], ...] = (
    (4.2, "Memuaskan"), (3.5, "Sangat Baik"), (2.6, "Baik"), (1.8, "Cukup"), (0.0, "Kurang"),
)


class Score(BaseModel):
    """An index over one kind of level; ``value`` only when every indicator has a level."""

    value: float | None = None
    predicate: str | None = None
    recorded: int = 0
    total: int = 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.recorded == self.total


def predicate(score: float) -> str:
    return next(name for limit, name in PREDICATES if round(score, 2) >= limit)


def weighted_index(levels: Mapping[int, int | None], weights: Mapping[int, float]) -> Score:
    """Σ level × weight / Σ weight over the set's indicators, rounded to two decimals as published."""
    recorded = {n: lv for n, lv in levels.items() if lv is not None and n in weights}
    score = Score(recorded=len(recorded), total=len(weights))
    if score.complete:
        total_weight = sum(weights.values())
        value = round(sum(level * weights[n] for n, level in recorded.items()) / total_weight + 1e-9, 2)
        score.value = value
        score.predicate = predicate(value)
    return score
