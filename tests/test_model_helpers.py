"""One home per concept on the model: the cycle-safe walk up ``parent`` / ``located_in``, the status
predicates, and the one "did you mean" helper."""

from __future__ import annotations

import pytest

import spbe_arch
from spbe_arch.model import Application
from spbe_arch.suggest import did_you_mean, nearest, suggest_id

INFRA = """
    infrastructure:
      - {id: pdn, name: PDN, owner: diskominfo, kind: komputasi-awan}
      - {id: rack, name: Rak, owner: diskominfo, kind: penyimpanan, located_in: pdn}
      - {id: vm, name: VM, owner: diskominfo, kind: server, located_in: rack}
      - {id: loop-a, name: A, owner: diskominfo, kind: server, located_in: loop-b}
      - {id: loop-b, name: B, owner: diskominfo, kind: server, located_in: loop-a}
      - {id: in-loop, name: C, owner: diskominfo, kind: server, located_in: loop-a}
      - {id: lost, name: D, owner: diskominfo, kind: server, located_in: no-such-site}
      - {id: odd, name: E, owner: diskominfo, kind: server, located_in: diskominfo}
"""
ORGS = """
    organizations:
      - {id: setda, name: Sekretariat Daerah, kind: sekretariat}
      - {id: bag-hukum, name: Bagian Hukum, kind: bagian, parent: setda}
      - {id: self, name: Diri Sendiri, kind: bagian, parent: self}
      - {id: diskominfo, name: Dinas Komunikasi dan Informatika, kind: dinas}
      - {id: bps, name: Badan Pusat Statistik, kind: instansi-pusat}
"""


@pytest.fixture
def workspace(make_workspace):  # type: ignore[no-untyped-def]
    return spbe_arch.load(make_workspace({"infra.yaml": INFRA, "organisasi.yaml": ORGS}, orgs=False))


def test_a_central_agency_is_known_by_its_kind(workspace) -> None:  # type: ignore[no-untyped-def]
    assert workspace.get("bps").central and not workspace.get("diskominfo").central
    assert workspace.is_central("bps")
    assert not workspace.is_central("diskominfo") and not workspace.is_central("vm")  # an OPD; infrastructure
    assert not workspace.is_central("no-such-id") and not workspace.is_central(None)


def test_lineage_follows_the_container_field_up(workspace) -> None:  # type: ignore[no-untyped-def]
    assert [e.id for e in workspace.lineage("vm", "located_in")] == ["vm", "rack", "pdn"]
    assert [e.id for e in workspace.lineage("bag-hukum", "parent")] == ["bag-hukum", "setda"]
    assert not workspace.contained_in_cycle("vm", "located_in")


def test_lineage_stops_at_a_cycle_an_unknown_id_or_another_collection(workspace) -> None:  # type: ignore[no-untyped-def]
    assert [e.id for e in workspace.lineage("in-loop", "located_in")] == ["in-loop", "loop-a", "loop-b"]
    assert workspace.contained_in_cycle("in-loop", "located_in")
    assert workspace.contained_in_cycle("loop-a", "located_in")
    assert [e.id for e in workspace.lineage("self", "parent")] == ["self"]
    assert workspace.contained_in_cycle("self", "parent")
    assert [e.id for e in workspace.lineage("lost", "located_in")] == ["lost"]
    assert [e.id for e in workspace.lineage("odd", "located_in")] == ["odd"]  # an organization is no site
    assert workspace.lineage("no-such-id", "parent") == []
    assert not workspace.contained_in_cycle("lost", "located_in")


def test_a_long_chain_is_walked_without_recursion(make_workspace) -> None:  # type: ignore[no-untyped-def]
    rows = "\n".join(f"  - {{id: n{i}, name: N{i}, owner: diskominfo, kind: server"
                     + (f", located_in: n{i + 1}}}" if i < 4999 else "}") for i in range(5000))
    workspace = spbe_arch.load(make_workspace({"infra.yaml": "infrastructure:\n" + rows + "\n"}))
    assert len(workspace.lineage("n0", "located_in")) == 5000


@pytest.mark.parametrize(("status", "running", "planned", "retired"), [
    ("aktif", True, False, False), ("pengembangan", True, True, False), ("rencana", False, True, False),
    ("dihentikan", False, False, True)])
def test_status_predicates(status: str, running: bool, planned: bool, retired: bool) -> None:
    app = Application(id="app", name="App", owner="diskominfo", status=status)  # type: ignore[arg-type]
    assert (app.running, app.planned, app.retired) == (running, planned, retired)


def test_one_suggestion_helper() -> None:
    assert nearest("suports", ["supports", "writes", "reads"]) == ["supports"]
    assert nearest("zzz", ["supports"]) == []
    assert nearest("x", ["a", "b"], cutoff=0, limit=1) != []
    assert did_you_mean(["a", "b"]) == "; did you mean 'a', 'b'?"
    assert did_you_mean(["RC001"], quote=False) == "; did you mean RC001?"
    assert did_you_mean([]) == ""


def test_suggest_id_finds_ids_containing_the_typo(workspace) -> None:  # type: ignore[no-untyped-def]
    assert suggest_id(workspace, "bag-hkum")[0] == "bag-hukum"
    assert "rack" in suggest_id(workspace, "rak", ["infrastructure"])
    assert "rack" not in suggest_id(workspace, "rak", ["organizations"])
