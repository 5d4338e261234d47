"""Choosing which findings to show: ``--select``, ``--ignore`` and ``--min-severity`` (ruff's conventions).

A selector is a rule code or a prefix of codes (``AP``, ``AP0``, ``AP001``) or ``ALL``. A finding is
kept when the most specific selector matching its code comes from ``--select``; on a tie ``--ignore``
wins. Without ``--select`` every rule is selected. Selectors are checked against the known rules, so
a typo is a usage error instead of silently hiding nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from spbe_arch.errors import UsageError
from spbe_arch.findings import Finding

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def parse_selectors(values: Iterable[str], known_codes: Iterable[str], option: str) -> list[str]:
    """Upper-cased selectors from repeated or comma-separated option values; unknown ones refused."""
    codes = list(known_codes)
    selectors: list[str] = []
    for value in values:
        for part in value.split(","):
            selector = part.strip().upper()
            if not selector:
                continue
            if selector != "ALL" and not any(code.startswith(selector) for code in codes):
                raise UsageError(f"{option} {part.strip()!r} matches no rule code; `spbe rules` lists them")
            selectors.append(selector)
    return selectors


def _specificity(code: str, selectors: list[str]) -> int:
    """Length of the longest selector matching ``code`` (ALL counts 0), -1 when none matches."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def keep(finding: Finding, select: list[str], ignore: list[str], min_severity: str) -> bool:
    """Whether ``finding`` passes the selection."""
    if SEVERITY_RANK[finding.severity] < SEVERITY_RANK[min_severity]:
        return False
    chosen = _specificity(finding.rule, select or ["ALL"])
    return chosen >= 0 and chosen > _specificity(finding.rule, ignore)


def select_findings(findings: Iterable[Finding], select: list[str], ignore: list[str],
                    min_severity: str = "info") -> list[Finding]:
    """The findings that pass the selection, in their order."""
    if min_severity not in SEVERITY_RANK:
        raise UsageError(f"--min-severity must be info, warning or error, not {min_severity!r}")
    return [f for f in findings if keep(f, select, ignore, min_severity)]
