"""Library exceptions; the CLI maps each to a message and an exit code in one place."""

from __future__ import annotations

from spbe_arch.suggest import did_you_mean


class SpbeError(Exception):
    """A problem the user can fix: bad input or bad usage (exit code 2)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WorkspaceError(SpbeError):
    """The workspace cannot be loaded at all (no manifest, unreadable folder)."""


class UnknownElementError(SpbeError):
    """An id given on the command line names no element."""

    def __init__(self, element_id: str, suggestions: list[str]) -> None:
        super().__init__(f"no element with id {element_id!r}{did_you_mean(suggestions)}")
        self.element_id = element_id
        self.suggestions = suggestions


class UsageError(SpbeError):
    """An option or argument the command cannot accept."""
