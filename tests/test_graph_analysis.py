"""Impact, depends, single points of failure and the whole-model analyses, through the library."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_arch.analysis import (
    analyze,
    depends,
    find_cycles,
    find_orphans,
    impact,
    most_connected_applications,
    opd_dependencies,
    single_points_of_failure,
)
from spbe_arch.analysis.impact_render import impact_text
from spbe_arch.analysis.render import analysis_text
from spbe_arch.analysis.spof import services_stopped_counts
from spbe_arch.errors import UnknownElementError, UsageError
from spbe_arch.graph import STRENGTH, build_graph, failure_graph
from spbe_arch.loader import open_workspace
from spbe_arch.model import Application, Infrastructure, Manifest, Organization, Service
from spbe_arch.workspace import ElementSource, Workspace
from tests.snapshot import assert_snapshot


@pytest.fixture
def ws(small: Path) -> Workspace:
    return open_workspace(small)[0]


# --- impact / depends ---------------------------------------------------------------------------


def test_impact_of_data_centre_reaches_services_with_paths(ws: Workspace) -> None:
    report = impact(ws, "pusat-data-uji")
    assert report.root.id == "pusat-data-uji"
    assert report.path("pusat-data-uji") == ["pusat-data-uji"]
    assert report.ids("services") == ["ly-kesehatan", "ly-presensi"]
    entries = {e.id: e for e in report.entries}
    assert report.path("ly-kesehatan") == ["ly-kesehatan", "app-simpus", "vm-app-01", "pusat-data-uji"]
    assert report.relations("ly-kesehatan") == ["realized_by", "hosted_on", "located_in"]
    assert entries["ly-kesehatan"].depth == 3 and entries["ly-kesehatan"].strength == "stops"
    assert entries["ly-kesehatan"].via == "app-simpus" and entries["ly-kesehatan"].relation == "realized_by"
    assert report.path("app-simpus") == ["app-simpus", "vm-app-01", "pusat-data-uji"]
    assert "pusat-data-uji" not in entries
    assert "km-smki" not in entries  # protects does not propagate
    assert "bkpsdm" not in entries  # nor ownership


def test_impact_groups_by_domain_and_opd(ws: Workspace) -> None:
    report = impact(ws, "vm-app-01")
    assert [g.key for g in report.by_collection] == ["processes", "services", "data", "applications"]
    assert report.by_collection[1].label == "Layanan"
    dinkes = next(g for g in report.by_organization if g.key == "dinkes")
    assert dinkes.label == "Dinkes"
    assert set(dinkes.ids) == {"app-absensi-dinkes", "app-simpus", "ly-kesehatan", "pb-pelayanan-kesehatan",
                               "data-pasien"}
    # owners of what stops, users of the applications that stop, and the owner of the root
    assert report.organizations == ["bkpsdm", "dinkes", "diskominfo"]
    # SIASN reads the personnel data that stops with its producer: it runs degraded
    assert report.degraded_organizations == ["bkn"] and report.ids("applications", "degraded") == ["app-siasn"]
    grouped = [i for g in [*report.by_collection, *report.degraded_by_collection] for i in g.ids]
    assert sorted(grouped) == sorted(e.id for e in report.entries)


def test_depends_is_the_reverse(ws: Workspace) -> None:
    report = depends(ws, "ly-kesehatan")
    entries = {e.id: e for e in report.entries}
    assert {i for i, e in entries.items() if e.strength == "stops"} == {
        "app-simpus", "vm-app-01", "pusat-data-uji", "jip-uji", "pb-pelayanan-kesehatan"}
    # the process reads the patient data: without it, the service runs degraded, it does not stop
    assert entries["data-pasien"].strength == "degraded"
    assert report.path("pusat-data-uji") == ["ly-kesehatan", "app-simpus", "vm-app-01", "pusat-data-uji"]
    assert report.relations("pusat-data-uji") == ["realized_by", "hosted_on", "located_in"]
    assert report.organizations == ["dinkes", "diskominfo"]  # owners of what it needs
    assert report.direction == "depends"


def test_depth_limits_the_walk(ws: Workspace) -> None:
    zero = impact(ws, "pusat-data-uji", depth=0)
    assert zero.entries == [] and zero.by_collection == [] and zero.truncated
    assert zero.root.id == "pusat-data-uji"
    one = impact(ws, "pusat-data-uji", depth=1)
    assert {e.id for e in one.entries} == {"vm-app-01", "splp-uji"}
    assert one.truncated
    full = impact(ws, "pusat-data-uji")
    assert not full.truncated
    assert impact(ws, "pusat-data-uji", depth=50).entries == full.entries


def test_leaf_has_no_impact(ws: Workspace) -> None:
    report = impact(ws, "ly-kesehatan")
    assert report.entries == [] and not report.truncated


def test_negative_depth_is_a_usage_error(ws: Workspace) -> None:
    with pytest.raises(UsageError, match="depth"):
        impact(ws, "vm-app-01", depth=-1)
    with pytest.raises(UsageError):
        depends(ws, "vm-app-01", depth=-3)


def test_unknown_id_names_the_nearest(ws: Workspace) -> None:
    with pytest.raises(UnknownElementError) as info:
        impact(ws, "pusat-data-ujii")
    assert "pusat-data-uji" in info.value.suggestions
    with pytest.raises(UnknownElementError):
        depends(ws, "nothing-like-it-at-all-xyz")


def test_cycles_end_the_walk(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"a.yaml": """\
        applications:
          - {id: app-a, name: A, owner: bkpsdm, integrations: [{target: app-b}]}
          - {id: app-b, name: B, owner: bkpsdm, integrations: [{target: app-c}]}
          - {id: app-c, name: C, owner: bkpsdm, integrations: [{target: app-a}]}
        """})
    ws, _ = open_workspace(root)
    # an integration partner down degrades; degradation does not travel along a second integration
    assert {(e.id, e.strength) for e in impact(ws, "app-a").entries} == {("app-c", "degraded")}
    assert {(e.id, e.strength) for e in depends(ws, "app-a").entries} == {("app-b", "degraded")}
    cycles = find_cycles(ws)
    assert [c.kind for c in cycles] == ["dependency"]
    assert cycles[0].members == ["app-a", "app-b", "app-c"]
    assert cycles[0].cycle[0] == cycles[0].cycle[-1] == "app-a"
    assert cycles[0].relations == ["integrates"] * 3


def _workspace(edges: list[tuple[int, int, str]], n: int) -> Workspace:
    """A workspace built in memory: n applications and servers linked by hosted_on / integrations."""
    ws = Workspace(root=Path("."), manifest=Manifest(spbe=1, government={"name": "Uji"}))
    ws.add(Organization(id="opd", name="OPD"), ElementSource("x.yaml", 1, 1))
    for i in range(n):
        ws.add(Infrastructure(id=f"srv-{i}", name=f"S{i}", owner="opd",
                              located_in=next((f"srv-{b}" for a, b, t in edges if a == i and t == "loc"), None)),
               ElementSource("x.yaml", 1, 1))
        ws.add(Application(id=f"app-{i}", name=f"A{i}", owner="opd",
                           hosted_on=[f"srv-{b}" for a, b, t in edges if a == i and t == "host"],
                           integrations=[{"target": f"app-{b}"} for a, b, t in edges if a == i and t == "int"]),
               ElementSource("x.yaml", 1, 1))
        ws.add(Service(id=f"ly-{i}", name=f"L{i}", owner="opd", applications=[f"app-{i}"]),
               ElementSource("x.yaml", 1, 1))
    return ws


_edges = st.integers(2, 8).flatmap(lambda n: st.tuples(
    st.just(n),
    st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(["host", "int", "loc"])),
             max_size=20, unique_by=lambda e: (e[0], e[2]) if e[2] == "loc" else e)))


@settings(max_examples=60, deadline=None)
@given(_edges)
def test_impact_and_depends_mirror_each_other(sample: tuple[int, list[tuple[int, int, str]]]) -> None:
    n, edges = sample
    ws = _workspace(edges, n)
    graph = build_graph(ws)
    failures = failure_graph(graph)
    stops = nx.DiGraph([(a, b) for a, b, t in failures.edges(data="type") if STRENGTH[t] == "stops"])
    stops.add_nodes_from(failures)

    def closure(nodes: set[str]) -> set[str]:
        return nodes.union(*(nx.descendants(stops, n) for n in nodes))

    for element_id in list(ws.elements)[:6]:
        report = impact(ws, element_id, graph=graph)
        reached = {e.id: e.strength for e in report.entries}
        # the quick path (no graph given) answers exactly the same
        assert impact(ws, element_id) == report
        assert depends(ws, element_id) == depends(ws, element_id, graph=graph)
        stopped = closure({element_id})
        first = {b for a in stopped for b in failures.successors(a)
                 if STRENGTH[failures[a][b]["type"]] == "degraded"} - stopped
        assert {i for i, s in reached.items() if s == "stops"} == stopped - {element_id}
        assert {i for i, s in reached.items() if s == "degraded"} == closure(first) - stopped
        for other, strength in reached.items():
            assert (element_id, strength) in {(e.id, e.strength) for e in depends(ws, other, graph=graph).entries}
        for entry in report.entries:
            path = report.path(entry.id)
            assert path[-1] == element_id and path[0] == entry.id
            assert len(path) == entry.depth + 1
            for a, b in pairwise(path):
                assert failures.has_edge(b, a)
    services = [s.id for s in ws.services]
    counts = services_stopped_counts(failures, services)
    for node in failures:
        assert counts[node] == len(nx.descendants(failures, node) & set(services))


# --- single points of failure ---------------------------------------------------------------------


def test_single_points_of_failure(ws: Workspace) -> None:
    spofs = single_points_of_failure(ws, limit=3)
    assert [s.id for s in spofs] == ["pusat-data-uji", "jip-uji", "vm-app-01"]
    first = spofs[0]
    assert first.services == ["ly-kesehatan", "ly-presensi"]
    assert first.collection == "infrastructure" and first.kind == "pusat-data"
    assert first.organizations == impact(ws, "pusat-data-uji").organizations
    # the single points of failure count what stops, never what runs degraded
    assert first.elements == len(impact(ws, "pusat-data-uji", strength="stops").entries)
    assert first.elements < len(impact(ws, "pusat-data-uji").entries)
    assert spofs[2].articulation_point  # vm-app-01 is the only link to app-simpus and app-absensi-dinkes
    everything = single_points_of_failure(ws, limit=100)
    assert all(s.collection in ("infrastructure", "applications") and s.services for s in everything)
    assert "km-smki" not in {s.id for s in everything}
    services = [len(s.services) for s in everything]
    assert services == sorted(services, reverse=True)
    assert single_points_of_failure(ws, limit=0) == []


# --- whole-model analyses -------------------------------------------------------------------------


def test_orphans(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"a.yaml": """\
        infrastructure:
          - {id: splp, name: SPLP, owner: diskominfo, kind: splp}
          - {id: server-lost, name: Lost, owner: diskominfo}
        applications:
          - {id: app-a, name: A, owner: bkpsdm, integrations: [{target: app-b, via: splp}]}
          - {id: app-b, name: B, owner: bkpsdm}
          - {id: app-alone, name: Alone, owner: bkpsdm}
        """})
    ws, _ = open_workspace(root)
    assert [o.id for o in find_orphans(ws)] == ["app-alone", "server-lost"]


def test_most_connected_applications(ws: Workspace) -> None:
    ranked = most_connected_applications(ws, limit=2)
    assert [a.id for a in ranked] == ["app-simpeg", "app-presensi-bkpsdm"]
    assert ranked[0].integrations == 3
    assert ranked[0].relations["hosted_on"] == 1
    assert "owned_by" not in ranked[0].relations


def test_opd_dependencies(ws: Workspace) -> None:
    deps = {d.organization: d for d in opd_dependencies(ws)}
    assert set(deps) == {"bkpsdm", "dinkes"}
    assert {link.organization: link.applications for link in deps["bkpsdm"].depends_on} == {
        "bkn": ["app-siasn"], "dinkes": ["app-absensi-dinkes"]}
    assert deps["dinkes"].depends_on[0].applications == ["app-simpeg"]  # dinkes uses SIMPEG of BKPSDM
    assert deps["bkpsdm"].applications == 2


def test_hierarchy_cycles_are_found(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"a.yaml": """\
        processes:
          - {id: pb-a, name: A, owner: bkpsdm, parent: pb-b}
          - {id: pb-b, name: B, owner: bkpsdm, parent: pb-a}
        """})
    ws, _ = open_workspace(root)
    cycles = find_cycles(ws)
    assert [(c.kind, c.members, c.relations) for c in cycles] == [
        ("hierarchy", ["pb-a", "pb-b"], ["part_of", "part_of"])]


def test_analyze_runs_the_chosen_sections(ws: Workspace) -> None:
    report = analyze(ws, limit=2, sections=["spof", "orphans"])
    assert report.single_points_of_failure is not None and len(report.single_points_of_failure) == 2
    assert report.orphans == [] and report.cycles is None and report.opd_dependencies is None
    with pytest.raises(UsageError):
        analyze(ws, sections=["nonsense"])
    with pytest.raises(UsageError):
        analyze(ws, limit=-1)


def test_text_renderings_snapshot(ws: Workspace) -> None:
    assert_snapshot("graph/impact-pusat-data-uji.txt", impact_text(impact(ws, "pusat-data-uji")))
    assert_snapshot("graph/depends-ly-presensi.txt", impact_text(depends(ws, "ly-presensi", depth=2)))
    assert_snapshot("graph/analyze-small.txt", analysis_text(analyze(ws, limit=5)))


def test_indonesian_text_renderings_snapshot(ws: Workspace) -> None:
    assert_snapshot("graph/impact-pusat-data-uji.id.txt", impact_text(impact(ws, "pusat-data-uji"), ws, "id"))
    assert_snapshot("graph/depends-ly-presensi.id.txt", impact_text(depends(ws, "ly-presensi", depth=2), ws, "id"))
    assert_snapshot("graph/analyze-small.id.txt", analysis_text(analyze(ws, limit=5), ws, "id"))
    with pytest.raises(ValueError, match="give the workspace"):  # names need the model
        impact_text(impact(ws, "pusat-data-uji"), None, "id")
    with pytest.raises(ValueError, match="give the workspace"):
        analysis_text(analyze(ws, limit=5), None, "id")


def test_text_keeps_model_text_on_one_line(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"a.yaml": """\
        infrastructure:
          - {id: srv, name: "Server\\nkedua\\tbaris", owner: diskominfo}
        applications:
          - {id: app-a, name: "A\\u0007pp", owner: bkpsdm, hosted_on: [srv]}
        """})
    ws, _ = open_workspace(root)
    text = impact_text(impact(ws, "srv"))
    assert "Server kedua baris" in text and "A pp" in text and "\x07" not in text
