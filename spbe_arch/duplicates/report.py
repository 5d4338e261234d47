"""The result of the duplicate finder: pairs with evidence, groups with a proposal.

``model_dump()`` is the JSON shape that the command prints and that other commands (the duplicates
diagram, the document, the model diff) read: keep it stable.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["same_system", "functional"]


class Pair(BaseModel):
    """Two applications that are one system listed twice (``same_system``), or two systems that serve one
    business function (``functional``); ``a`` < ``b``."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str
    score: float = Field(ge=0, le=1)
    evidence: list[str]
    kind: Kind = "functional"  # same_system: one system listed twice; functional: two systems, one job


class Group(BaseModel):
    """Applications to consolidate into one, and how."""

    model_config = ConfigDict(frozen=True)

    id: str
    applications: list[str]
    function: str
    proposal: str
    national_application: str | None = None  # the national application's element, when the model has it
    national: str | None = None  # the national application by name, modelled or not (SRIKANDI, SIASN)
    kind: Kind = "functional"
    users: list[str] = Field(default_factory=list)  # same_system: the OPDs that use the one system
    system: str | None = None  # same_system: the name the one system is known by (the kept row's)

    @property
    def title(self) -> str:
        """What a reader calls the group: its function, else (a system whose name says no known function)
        the system's name."""
        return self.function or self.system or ""


class DuplicateReport(BaseModel):
    threshold: float
    pairs: list[Pair]
    groups: list[Group]

    def group_of(self, application_id: str) -> Group | None:
        """The group an application belongs to, if any."""
        return next((g for g in self.groups if application_id in g.applications), None)
