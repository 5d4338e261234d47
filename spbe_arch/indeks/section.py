"""The workspace's Indeks section (``indeks_spbe:`` in a workspace file): recorded levels, with positions.

The loader only notes which file holds the section (``Workspace.sections``); this module reads it with
the loader's positions so that every problem is reported at its file, line and column.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from spbe_arch.errors import SpbeError
from spbe_arch.findings import Finding
from spbe_arch.indeks.reference import IndicatorSet
from spbe_arch.loader import ParsedFile, describe_error, read_file
from spbe_arch.workspace import Workspace

SECTION_KEY = "indeks_spbe"
DEFAULT_FILE = "indeks-spbe.yaml"
WEIGHT_TOLERANCE = 1e-6


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IndicatorRecord(_Strict):
    """One indicator's levels: the Pemda's own assessment and the official result of an evaluation."""

    number: int
    self_assessed: int | None = None
    official: int | None = None
    official_year: int | None = None
    evidence: list[str] = Field(default_factory=list)  # bukti dukung: document titles or URLs
    note: str | None = None


class IndeksSection(_Strict):
    illustrative: bool = False  # the levels are an example, not the Pemda's real assessment
    assessment_year: int | None = None  # year of the self-assessment
    official_year: int | None = None  # year of the evaluation whose levels are recorded as `official`
    target: float | None = Field(default=None, ge=0, le=5)
    weights: dict[int, float] = Field(default_factory=dict)  # a custom set: number -> weight (sum 100)
    indicators: list[IndicatorRecord] = Field(default_factory=list)


@dataclass
class RecordedLevels:
    """The section as read, where it was written, and the weights it selects."""

    section: IndeksSection
    file: str | None = None
    positions: dict[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict)
    weights: dict[int, float] = field(default_factory=dict)

    @property
    def present(self) -> bool:
        return self.file is not None

    def position(self, *path: str | int) -> tuple[int, int]:
        probe: tuple[str | int, ...] = (SECTION_KEY, *path)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return 1, 1

    def record_position(self, number: int, key: str = "number") -> tuple[int, int]:
        for index, record in enumerate(self.section.indicators):
            if record.number == number:
                return self.position("indicators", index, key)
        return self.position()

    def where(self, number: int, key: str = "number") -> str:
        line, column = self.record_position(number, key)
        return f"{self.file}:{line}:{column}"


class IndeksInputError(SpbeError):
    """The Indeks section (or the Indeks settings) cannot be used: every problem at its position."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        lines = "\n".join(f"{f.position}: {f.message}" for f in findings)
        super().__init__(f"the Indeks SPBE levels cannot be used:\n{lines}")


def reference_year(workspace: Workspace) -> tuple[int, str]:
    """The year no recorded year may pass, and what it is: the manifest's ``document.date``, else the year
    of ``SOURCE_DATE_EPOCH`` (a reproducible run), else today."""
    date = workspace.manifest.document.date
    if date is not None:
        return date.year, f"the document date in {workspace.manifest_file} is {date.isoformat()}"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        year = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).year
        return year, f"SOURCE_DATE_EPOCH is in {year}"
    year = dt.date.today().year
    return year, f"the year is {year}"


def read_section(workspace: Workspace, indicator_set: IndicatorSet) -> RecordedLevels:
    """The recorded levels of ``workspace`` (empty when it has no section); raises on bad input."""
    weights = {i.number: i.weight for i in indicator_set.indicators}
    rel = workspace.sections.get(SECTION_KEY)
    now = reference_year(workspace)
    findings = _manifest_years(workspace, now)
    if rel is None:
        if findings:
            raise IndeksInputError(findings)
        return RecordedLevels(IndeksSection(), weights=weights)
    parsed = read_file(workspace.root / rel, rel)
    if not parsed.readable:
        raise IndeksInputError(parsed.problems)
    raw = parsed.value.get(SECTION_KEY) if isinstance(parsed.value, dict) else None
    positions = {**parsed.positions.keys, **parsed.positions.values}
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise IndeksInputError([_at(rel, positions, (SECTION_KEY,), f"{SECTION_KEY} must be a mapping "
                                    "(assessment_year, indicators, ...)")])
    try:
        section = IndeksSection.model_validate(raw)
    except ValidationError as exc:
        raise IndeksInputError([_pydantic(rel, parsed, error) for error in exc.errors()]) from None
    recorded = RecordedLevels(section, rel, positions, weights)
    findings.extend(_check(recorded, indicator_set, now))
    if findings:
        raise IndeksInputError(findings)
    if section.weights:
        recorded.weights = {**weights, **section.weights}
    return recorded


def _at(rel: str, positions: dict[tuple[str | int, ...], tuple[int, int]], path: tuple[str | int, ...],
        message: str) -> Finding:
    probe = path
    while probe and probe not in positions:
        probe = probe[:-1]
    line, column = positions.get(probe, (1, 1))
    return Finding(rule="IX000", severity="error", message=message, file=rel, line=line, column=column)


def _pydantic(rel: str, parsed: ParsedFile, error: Any) -> Finding:
    _, message, key = describe_error(IndeksSection, error, SECTION_KEY)
    path = (SECTION_KEY, *(str(p) if isinstance(p, int) and "weights" in error["loc"] else p for p in error["loc"]))
    table = parsed.positions.keys if key else {**parsed.positions.keys, **parsed.positions.values}
    return _at(rel, table, path, message)


def _check(recorded: RecordedLevels, indicator_set: IndicatorSet, limit: tuple[int, str]) -> list[Finding]:
    """Unknown or repeated numbers, levels outside 1-5, weights not summing to 100, years in the future."""
    rel = recorded.file or ""
    section = recorded.section
    known = set(indicator_set.numbers)
    now, why = limit
    problems: list[Finding] = []

    def add(message: str, *path: str | int) -> None:
        problems.append(_at(rel, recorded.positions, (SECTION_KEY, *path), message))

    seen: set[int] = set()
    for index, record in enumerate(section.indicators):
        if record.number not in known:
            add(f"unknown indicator number {record.number}: {indicator_set.name} has indicators "
                f"{min(known)}-{max(known)}", "indicators", index, "number")
        elif record.number in seen:
            add(f"indicator {record.number} is recorded twice; keep one entry", "indicators", index, "number")
        seen.add(record.number)
        for key in ("self_assessed", "official"):
            level = getattr(record, key)
            if level is not None and not 1 <= level <= 5:
                add(f"indicator {record.number}: {key} level {level} is outside 1-5", "indicators", index, key)
        if record.official_year is not None and record.official_year > now:
            add(f"indicator {record.number}: official_year {record.official_year} is in the future "
                f"({why})", "indicators", index, "official_year")
    for key in ("assessment_year", "official_year"):
        year = getattr(section, key)
        if year is not None and year > now:
            add(f"{key} {year} is in the future ({why})", key)
    if section.weights:
        for number in section.weights:
            if number not in known:
                add(f"weights: unknown indicator number {number}", "weights", str(number))
        total = sum({**{i.number: i.weight for i in indicator_set.indicators}, **section.weights}.values())
        if abs(total - 100) > WEIGHT_TOLERANCE:
            add(f"weights: the indicator weights sum to {total:g}, not 100", "weights")
    return problems


def _manifest_years(workspace: Workspace, limit: tuple[int, str]) -> list[Finding]:
    now, why = limit
    problems = []
    for index, result in enumerate(workspace.manifest.spbe_index):
        if result.year > now:
            line, column = workspace.manifest_keys.get(("spbe_index",), (1, 1))
            problems.append(Finding(
                rule="IX000", severity="error", file=workspace.manifest_file, line=line, column=column,
                message=f"spbe_index[{index}]: year {result.year} is in the future ({why})"))
    return problems


def section_findings(workspace: Workspace) -> list[Finding]:
    """The problems of the workspace's Indeks section as load findings (IX000), for ``spbe validate``."""
    from spbe_arch.indeks.reference import load_set

    if SECTION_KEY not in workspace.sections:
        return []
    try:
        read_section(workspace, load_set(workspace.manifest.indeks.set))
    except IndeksInputError as exc:
        return [f for f in exc.findings if f.rule == "IX000"]
    return []
