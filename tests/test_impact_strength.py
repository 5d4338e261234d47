"""Impact with two strengths: what stops, what runs degraded, and what runs outside the Pemda."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.analysis import depends, impact, single_points_of_failure
from spbe_arch.cli import app
from spbe_arch.errors import UsageError
from spbe_arch.loader import open_workspace
from spbe_arch.workspace import Workspace

MODEL = """\
    infrastructure:
      - {id: pdd, name: Pusat Data Daerah, owner: diskominfo, kind: pusat-data}
      - {id: pdn, name: Pusat Data Nasional, owner: diskominfo, kind: pusat-data, national: true}
      - {id: vm-1, name: VM 1, owner: diskominfo, located_in: pdd}
      - {id: vm-2, name: VM 2, owner: diskominfo, located_in: pdd}
      - {id: vm-3, name: VM 3, owner: diskominfo}
      - {id: cloud-pdn, name: Cloud PDN, owner: diskominfo, kind: komputasi-awan, located_in: pdn}
      - {id: srv-lama, name: Server lama, owner: diskominfo, status: dihentikan}
    applications:
      - {id: app-a, name: A, owner: bkpsdm, hosted_on: [vm-1], writes: [data-shared, data-a]}
      - {id: app-b, name: B, owner: bkpsdm, hosted_on: [vm-3], writes: [data-shared]}
      - {id: app-reader, name: Reader, owner: bkpsdm, hosted_on: [vm-3], reads: [data-shared, data-a]}
      - {id: app-partner, name: Partner, owner: bkpsdm, hosted_on: [vm-3], integrations: [{target: app-a}]}
      - {id: app-national, name: National, owner: diskominfo, source: nasional, hosted_on: [cloud-pdn],
         reads: [data-a], integrations: [{target: app-a}]}
      - {id: app-both, name: Both producers down, owner: bkpsdm, hosted_on: [vm-2], writes: [data-both]}
      - {id: app-both-2, name: Both producers down 2, owner: bkpsdm, hosted_on: [vm-2], writes: [data-both]}
    data:
      - {id: data-shared, name: Shared, owner: bkpsdm}
      - {id: data-a, name: Data A, owner: bkpsdm}
      - {id: data-both, name: Data both, owner: bkpsdm}
    services:
      - {id: ly-reader, name: Layanan Reader, owner: bkpsdm, applications: [app-reader]}
      - {id: ly-a, name: Layanan A, owner: bkpsdm, applications: [app-a]}
"""


@pytest.fixture
def ws(make_workspace) -> Workspace:  # type: ignore[no-untyped-def]
    return open_workspace(make_workspace({"model.yaml": MODEL}))[0]


def _strengths(report_entries: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {e.id: e.strength for e in report_entries}


def test_a_data_centre_stops_what_runs_there_and_degrades_readers(ws: Workspace) -> None:
    found = _strengths(impact(ws, "pdd").entries)
    assert found["vm-1"] == found["app-a"] == found["data-a"] == found["ly-a"] == "stops"
    # the reader reads data whose producer stopped: degraded, and so is the service it realises
    assert found["app-reader"] == found["ly-reader"] == "degraded"
    assert found["app-partner"] == "degraded"  # its integration partner is down
    # one of two producers down: the data set is still there, only degraded
    assert found["data-shared"] == "degraded"
    # both producers down (same data centre): the data set stops
    assert found["data-both"] == "stops"


def test_nothing_outside_the_pemda_is_reached_by_a_local_failure(ws: Workspace) -> None:
    found = _strengths(impact(ws, "pdd").entries)
    assert not {"pdn", "cloud-pdn", "app-national"} & set(found)
    # from the national side, the national data centre does stop what runs there
    assert _strengths(impact(ws, "pdn").entries)["app-national"] == "stops"
    # depends mirrors it: the national application does not need the local data centre
    assert "pdd" not in _strengths(depends(ws, "app-national").entries)


def test_depends_mirrors_impact_with_strengths(ws: Workspace) -> None:
    needed = _strengths(depends(ws, "ly-reader").entries)
    assert needed["app-reader"] == needed["vm-3"] == "stops"
    assert needed["data-a"] == needed["app-a"] == needed["vm-1"] == needed["pdd"] == "degraded"
    # a data set with two producers does not need either one
    assert "app-b" not in needed
    only = depends(ws, "ly-reader", strength="stops")
    assert {e.id for e in only.entries} == {"app-reader", "vm-3"}


def test_single_points_of_failure_count_only_what_stops(ws: Workspace) -> None:
    spofs = {s.id: s for s in single_points_of_failure(ws, limit=20)}
    assert spofs["pdd"].services == ["ly-a"]  # ly-reader is only degraded
    assert "srv-lama" not in spofs


def test_retired_element_is_refused_with_a_clear_message(ws: Workspace) -> None:
    with pytest.raises(UsageError, match="retired"):
        impact(ws, "srv-lama")


def test_cli_strength_and_retired(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root: Path = make_workspace({"model.yaml": MODEL})
    runner = CliRunner()
    result = runner.invoke(app, ["impact", "pdd", str(root), "--strength", "stops", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"degraded"' not in result.stdout.replace('"strength": "stops"', "")
    retired = runner.invoke(app, ["impact", "srv-lama", str(root)])
    assert retired.exit_code == 2 and "retired" in retired.stderr and "Traceback" not in retired.output
    bad = runner.invoke(app, ["depends", "app-a", str(root), "--strength", "some"])
    assert bad.exit_code == 2


def test_a_long_chain_is_walked_without_recursion(make_workspace) -> None:  # type: ignore[no-untyped-def]
    n = 3000
    lines = ["infrastructure:", "  - {id: srv-0, name: S0, owner: diskominfo}"]
    lines += [f"  - {{id: srv-{i}, name: S{i}, owner: diskominfo, located_in: srv-{i - 1}}}" for i in range(1, n)]
    ws = open_workspace(make_workspace({"chain.yaml": "\n".join(lines) + "\n"}))[0]
    report = impact(ws, "srv-0")
    assert len(report.entries) == n - 1
    assert report.path(f"srv-{n - 1}")[-1] == "srv-0" and len(report.path(f"srv-{n - 1}")) == n
    assert len(depends(ws, f"srv-{n - 1}").entries) == n - 1
