"""The bundled example's README states what the tool prints: this test holds the two together."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spbe_arch.analysis import impact
from spbe_arch.analysis.scope import Scope
from spbe_arch.loader import open_workspace
from spbe_arch.validate import validate_workspace

EXAMPLE = Path(__file__).resolve().parent.parent / "models" / "kabupaten-pasuruan"


@pytest.fixture(scope="module")
def readme() -> str:
    return (EXAMPLE / "README.md").read_text(encoding="utf-8")


def _section(text: str, title: str) -> str:
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else None]


def test_expected_validation_matches(readme: str) -> None:
    section = _section(readme, "Hasil yang diharapkan")
    errors, warnings = (int(n) for n in re.search(r"\*\*(\d+) error, (\d+) peringatan\*\*", section).groups())  # type: ignore[union-attr]
    table = {m[0]: int(m[1]) for m in re.findall(r"^\| ([A-Z]{2}\d{3}) \| (\d+) \|", section, re.M)}
    report = validate_workspace(EXAMPLE).report
    assert (report.summary.errors, report.summary.warnings) == (errors, warnings)
    actual = {r: n for r, n in report.summary.by_rule.items()
              if any(f.rule == r and f.severity != "info" for f in report.findings)}
    assert actual == table
    assert sum(table.values()) == warnings + errors


def test_expected_impact_matches(readme: str) -> None:
    section = _section(readme, "Hasil yang diharapkan")
    stops, degraded = (int(n) for n in re.search(  # type: ignore[union-attr]
        r"\*\*(\d+) elemen berhenti\*\* dan \*\*(\d+) elemen\s+terdegradasi\*\*", section).groups())
    ws, _ = open_workspace(EXAMPLE)
    report = impact(ws, "pdd-pasuruan")
    assert sum(len(g.ids) for g in report.by_collection) == stops
    assert sum(len(g.ids) for g in report.degraded_by_collection) == degraded
    scope = Scope(ws)
    assert not [e.id for e in report.entries if scope.outside(e.id)]
    for national in ("pdn", "cloud-pdn", "splp-nasional", "sipd", "oss", "satusehat", "spse"):
        assert national not in {e.id for e in report.entries}


def test_example_facts(readme: str) -> None:
    ws, _ = open_workspace(EXAMPLE)
    assert sum(1 for o in ws.organizations if o.kind == "kecamatan") == 24
    dtsen = ws.get("data-dtsen")
    assert dtsen is not None and dtsen.owner_id == "bps"
    assert ws.manifest.document.notice and "ilustratif" in ws.manifest.document.notice
    assert "Contoh ilustratif" in readme
    scope = Scope(ws)
    assert all(scope.outside(a.id) for a in ws.applications if a.source == "nasional")
