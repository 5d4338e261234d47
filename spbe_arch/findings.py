"""Findings: what validation (and loading) reports, as data that every output format renders."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

from pydantic import Field

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a workspace file (1-based line and column)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, at one place, under one stable rule code.

    A slotted dataclass rather than a pydantic model: a large workspace yields hundreds of thousands of
    findings, and a pydantic instance costs about seven times the memory and ten times the time to make.
    Pydantic models that hold findings (the reports) still validate and serialise them as usual.
    """

    rule: str
    severity: Severity
    message: str
    element: str | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    # the values the message is built from, for a translated message (spbe_arch.rules.messages_id);
    # keys ending in "_id" hold element ids, shown by name. Not part of the JSON output.
    args: Annotated[tuple[tuple[str, str], ...], Field(exclude=True)] = ()

    def as_dict(self) -> dict[str, Any]:
        """The finding as the JSON output shows it (without ``args``)."""
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "element": self.element,
                "file": self.file, "line": self.line, "column": self.column}

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def arguments(self) -> dict[str, str]:
        return dict(self.args)

    @property
    def position(self) -> str:
        if self.file is None:
            return "<workspace>"
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.file or "", self.line or 0, self.column or 0, self.rule, self.element or "", self.message)

    def format_line(self) -> str:
        return f"{self.position}: {self.severity} {self.rule} {self.message}"


def at(
    rule: str, severity: Severity, message: str, location: Location | None, element: str | None = None
) -> Finding:
    """A finding placed at a location (or at the workspace when there is none)."""
    if location is None:
        return Finding(rule=rule, severity=severity, message=message, element=element)
    return Finding(
        rule=rule, severity=severity, message=message, element=element,
        file=location.file, line=location.line, column=location.column,
    )
