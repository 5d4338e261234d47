"""What-if: the indicators that roadmap activities would raise once done.

spbe-arch's convention (docs/indeks.md): an activity speaks to an indicator when its name or
description holds one of the indicator's keywords, or when it affects an element the indicator's
evidence counts (an SPLP, a data centre, a national application, a data set, a security control).
Each indicator so touched is projected one level up (at most 5): an estimate, never a computed level.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from spbe_arch.errors import UnknownElementError
from spbe_arch.indeks.facts import SITES, ModelFacts, norm
from spbe_arch.indeks.reference import Indicator, IndicatorSet
from spbe_arch.model import Application, Infrastructure, RoadmapActivity, Security


class ActivityRef(BaseModel):
    id: str
    name: str
    year: int


class Raise(BaseModel):
    """One indicator a set of activities would raise, and what each activity adds."""

    number: int
    activities: list[str] = Field(default_factory=list)  # names
    adds: list[str] = Field(default_factory=list)  # Indonesian: the evidence each would add


def select(facts: ModelFacts, after: list[str], year: int | None) -> list[RoadmapActivity]:
    """The activities named (ids) or due by ``year``; an unknown id is a usage error."""
    from spbe_arch.loader import suggest_id

    ws = facts.workspace
    chosen: dict[str, RoadmapActivity] = {}
    for activity_id in after:
        element = ws.get(activity_id)
        if not isinstance(element, RoadmapActivity):
            raise UnknownElementError(activity_id, suggest_id(ws, activity_id, ["roadmap"]))
        chosen[element.id] = element
    if year is not None:
        chosen.update({a.id: a for a in ws.roadmap if a.year <= year})
    return sorted(chosen.values(), key=lambda a: (a.year, a.id))


def _touches(facts: ModelFacts, activity: RoadmapActivity, indicator: Indicator) -> str | None:
    """Why ``activity`` speaks to ``indicator`` (Indonesian), or None."""
    ws = facts.workspace
    text = f" {activity.name} {activity.description or ''} ".casefold()
    word = next((k for k in indicator.keywords if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", text)), None)
    affected = [ws.get(i) for i in activity.affects]
    national = {norm(n) for n in indicator.national}
    for element in affected:
        if element is None:
            continue
        kinds = indicator.evidence
        if isinstance(element, Application) and national and (
                norm(element.acronym or "") in national or norm(element.name) in national):
            return f"menyangkut {element.label}"
        if isinstance(element, Infrastructure) and activity.substance in ("infrastruktur", "aplikasi"):
            if element.kind == "splp" and "integrasi-splp" in kinds:
                return f"menyangkut {element.name}"
            if element.kind in SITES and "hosting-pusat-data" in kinds:
                return f"menyangkut {element.name}"
        if isinstance(element, Security) and activity.substance == "keamanan" and "kategori-keamanan" in kinds:
            return f"menyangkut {element.name}"
    if word is not None:
        return f"kegiatan tentang {word}"
    return None


def raises(facts: ModelFacts, indicator_set: IndicatorSet, activities: list[RoadmapActivity]) -> list[Raise]:
    result = []
    for indicator in indicator_set.indicators:
        found = Raise(number=indicator.number)
        for activity in activities:
            why = _touches(facts, activity, indicator)
            if why is not None:
                found.activities.append(activity.name)
                found.adds.append(f"{activity.name} ({activity.year}): {why}")
        if found.activities:
            result.append(found)
    return result
