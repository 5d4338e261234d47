"""The result of the duplicate finder: pairs with evidence, groups with a proposal.

``model_dump()`` is the JSON shape that the command prints and that other commands (the duplicates
diagram, the document, the model diff) read: keep it stable.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Pair(BaseModel):
    """Two applications that look like one function built twice (``a`` < ``b``)."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str
    score: float = Field(ge=0, le=1)
    evidence: list[str]


class Group(BaseModel):
    """Applications to consolidate into one, and how."""

    model_config = ConfigDict(frozen=True)

    id: str
    applications: list[str]
    function: str
    proposal: str
    national_application: str | None = None


class DuplicateReport(BaseModel):
    threshold: float
    pairs: list[Pair]
    groups: list[Group]

    def group_of(self, application_id: str) -> Group | None:
        """The group an application belongs to, if any."""
        return next((g for g in self.groups if application_id in g.applications), None)
