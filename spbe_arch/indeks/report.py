"""The Indeks report: recorded levels, the index they give, the model's evidence, and the what-if."""

from __future__ import annotations

from pydantic import BaseModel, Field

from spbe_arch.indeks.compute import Score, predicate, weighted_index
from spbe_arch.indeks.evidence import Evidence, evidence_for
from spbe_arch.indeks.facts import ModelFacts
from spbe_arch.indeks.reference import Indicator, IndicatorSet, load_set
from spbe_arch.indeks.section import RecordedLevels, read_section
from spbe_arch.indeks.whatif import ActivityRef, Raise, raises, select
from spbe_arch.workspace import Workspace


class Row(BaseModel):
    """One indicator as the evaluation form lists it, with the model's evidence."""

    number: int
    name: str
    aspect: str
    domain: str | None
    weight: float
    scale: str
    self_assessed: int | None = None
    official: int | None = None
    official_year: int | None = None
    level_name: str | None = None  # name of the recorded (self-assessed, else official) level
    bukti_dukung: list[str] = Field(default_factory=list)
    note: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    supported_level: int | None = None  # the lowest level the evidence supports; None: no evidence
    supported_criterion: str | None = None
    next_level: int | None = None
    next_criterion: str | None = None  # criterion of the level above the recorded one
    projected: int | None = None
    projected_by: list[str] = Field(default_factory=list)

    @property
    def level(self) -> int | None:
        """The level the Pemda stands at: its own assessment, else the official result."""
        return self.self_assessed if self.self_assessed is not None else self.official

    @property
    def architecture_related(self) -> bool:
        return bool(self.evidence)


class OfficialResult(BaseModel):
    year: int
    score: float
    predicate: str


class WhatIf(BaseModel):
    activities: list[ActivityRef]
    index: Score
    raised: list[Raise]


class IndeksReport(BaseModel):
    government: str
    set: str
    set_name: str
    set_official: bool
    sources: list[str]
    note: str
    file: str | None = None  # the workspace file holding the levels
    illustrative: bool = False
    assessment_year: int | None = None
    official_year: int | None = None
    self_index: Score
    official_index: Score
    history: list[OfficialResult] = Field(default_factory=list)  # official index of past years
    target: float | None = None
    rows: list[Row]
    whatif: WhatIf | None = None

    @property
    def levels_recorded(self) -> bool:
        return any(r.level is not None for r in self.rows)

    @property
    def current(self) -> float | None:
        """The index the Pemda stands at: the self-assessment, else the official index."""
        return self.self_index.value if self.self_index.value is not None else self.official_index.value

    @property
    def gap(self) -> float | None:
        return round(self.target - self.current, 2) if self.target is not None and self.current is not None else None

    @property
    def matching_history(self) -> OfficialResult | None:
        """The published result of the year whose per-indicator levels are recorded, if any."""
        return next((h for h in self.history if h.year == self.official_year), None)


def _row(indicator: Indicator, indicator_set: IndicatorSet, recorded: RecordedLevels,
         facts: ModelFacts) -> Row:
    record = next((r for r in recorded.section.indicators if r.number == indicator.number), None)
    row = Row(number=indicator.number, name=indicator.name, aspect=indicator.aspect, domain=indicator.domain,
              weight=recorded.weights[indicator.number], scale=indicator.scale)
    if record is not None:
        row.self_assessed = record.self_assessed
        row.official = record.official
        row.official_year = record.official_year or (recorded.section.official_year if record.official else None)
        row.bukti_dukung = list(record.evidence)
        row.note = record.note
    if row.level is not None:
        row.level_name = indicator_set.level(indicator, row.level).name
        if row.level < 5:
            row.next_level = row.level + 1
            row.next_criterion = indicator_set.level(indicator, row.level + 1).criterion
    row.evidence = evidence_for(facts, indicator)
    levels = [e.supported_level for e in row.evidence if e.supported_level is not None]
    if levels:
        row.supported_level = min(levels)
        row.supported_criterion = indicator_set.level(indicator, row.supported_level).criterion
    return row


def indeks_report(workspace: Workspace, after: list[str] | None = None, year: int | None = None, *,
                  indicator_set: IndicatorSet | None = None) -> IndeksReport:
    """The Indeks report of ``workspace``; with ``after`` (roadmap ids) or ``year``, the what-if too."""
    indicator_set = indicator_set or load_set(workspace.manifest.indeks.set)
    recorded = read_section(workspace, indicator_set)
    facts = ModelFacts(workspace)
    rows = [_row(i, indicator_set, recorded, facts) for i in indicator_set.indicators]
    weights = recorded.weights
    section = recorded.section
    history = [OfficialResult(year=h.year, score=h.score, predicate=predicate(h.score))
               for h in sorted(workspace.manifest.spbe_index, key=lambda h: h.year)]
    report = IndeksReport(
        government=workspace.manifest.government.name, set=indicator_set.set, set_name=indicator_set.name,
        set_official=indicator_set.official, sources=list(indicator_set.sources), note=indicator_set.note,
        file=recorded.file, illustrative=section.illustrative, assessment_year=section.assessment_year,
        official_year=section.official_year,
        self_index=weighted_index({r.number: r.self_assessed for r in rows}, weights),
        official_index=weighted_index({r.number: r.official for r in rows}, weights),
        history=history, target=section.target, rows=rows,
    )
    if after or year is not None:
        activities = select(facts, list(after or []), year)
        raised = raises(facts, indicator_set, activities)
        by_number = {r.number: r for r in raised}
        for row in rows:
            hit = by_number.get(row.number)
            if row.level is not None:
                row.projected = min(5, row.level + 1) if hit else row.level
            if hit:
                row.projected_by = hit.activities
        report.whatif = WhatIf(
            activities=[ActivityRef(id=a.id, name=a.name, year=a.year) for a in activities],
            index=weighted_index({r.number: r.projected for r in rows}, weights), raised=raised)
    return report
