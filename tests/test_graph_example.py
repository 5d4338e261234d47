"""The graph on the bundled example (models/kabupaten-pasuruan): impact of the data centre, planted problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.analysis import impact, single_points_of_failure
from spbe_arch.cli import app
from spbe_arch.loader import load_workspace
from spbe_arch.validate import Validation, validate_workspace

DATA_CENTRE = "pdd-pasuruan"


@pytest.fixture(scope="module")
def validation() -> Validation:
    root = Path(__file__).resolve().parent.parent / "models" / "kabupaten-pasuruan"
    if not (root / "spbe.yaml").exists():
        pytest.skip("the bundled example is absent")
    result = load_workspace(root)
    if result.workspace is None or DATA_CENTRE not in result.workspace.elements:
        pytest.skip(f"the bundled example is incomplete (no {DATA_CENTRE} yet)")
    return validate_workspace(root)


def test_impact_of_the_data_centre(validation: Validation) -> None:
    ws = validation.workspace
    assert ws is not None
    report = impact(ws, DATA_CENTRE)
    services = report.ids("services")
    assert len(services) >= 10
    assert len(report.organizations) >= 10
    entries = {e.id: e for e in report.entries}
    for service in services:
        assert entries[service].strength == "stops"
        path = report.path(service)
        assert path[0] == service and path[-1] == DATA_CENTRE
        assert ws.elements[path[1]].COLLECTION in ("applications", "processes")


def test_data_centre_is_a_single_point_of_failure(validation: Validation) -> None:
    assert validation.workspace is not None
    top = [s.id for s in single_points_of_failure(validation.workspace, limit=5)]
    assert DATA_CENTRE in top


def test_planted_problems_are_found_and_nothing_is_an_error(validation: Validation) -> None:
    report = validation.report
    assert report.summary.errors == 0, [f.format_line() for f in report.findings if f.severity == "error"]
    point_to_point = [f for f in report.findings if f.rule == "AP006"]
    assert len(point_to_point) == 4 and {f.severity for f in point_to_point} == {"warning"}
    assert report.summary.by_rule.get("DA003", 0) >= 1  # several masters of one data set
    assert report.summary.by_rule.get("RF006", 0) >= 1  # an application still on a retired server


def test_impact_command_on_the_example(validation: Validation) -> None:
    result = CliRunner().invoke(app, ["impact", DATA_CENTRE, str(validation.report.workspace)])
    assert result.exit_code == 0, result.output
    assert "Layanan (" in result.stdout and f"<- {DATA_CENTRE}" in result.stdout
