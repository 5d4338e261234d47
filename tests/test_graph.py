"""The dependency graph: nodes, typed edges, and the failure-propagation table."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from spbe_arch.graph import PROPAGATION, build_graph, edges_by_type, failure_graph
from spbe_arch.loader import open_workspace
from spbe_arch.relations import EDGE_TYPES
from spbe_arch.validate import validate_workspace


def test_propagation_table_covers_every_edge_type() -> None:
    assert set(PROPAGATION) == set(EDGE_TYPES)
    assert PROPAGATION["hosted_on"] == "backward"
    assert PROPAGATION["supports"] == "forward"
    assert PROPAGATION["realized_by"] == "backward"
    assert PROPAGATION["delivers"] == "forward"
    assert PROPAGATION["integrates"] == "backward"
    for quiet in ("owned_by", "used_by", "stewarded_by", "protects", "affects", "replaces"):
        assert PROPAGATION[quiet] is None


def test_nodes_carry_collection_name_owner_status(small: Path) -> None:
    ws, _ = open_workspace(small)
    graph = build_graph(ws)
    assert isinstance(graph, nx.MultiDiGraph)
    assert set(graph.nodes) == set(ws.elements)
    assert graph.nodes["app-simpeg"] == {
        "collection": "applications", "name": "Sistem Informasi Manajemen Kepegawaian", "owner": "bkpsdm",
        "status": "aktif", "kind": "khusus",
    }
    assert graph.nodes["bkn"]["owner"] is None
    assert graph.nodes["data-pegawai"]["kind"] is None


def test_an_edge_per_relation_with_its_type(small: Path) -> None:
    ws, _ = open_workspace(small)
    graph = build_graph(ws)
    types = {(u, v, d["type"]) for u, v, d in graph.edges(data=True)}
    assert ("app-simpeg", "vm-app-01", "hosted_on") in types
    assert ("app-simpeg", "pb-manajemen-asn", "supports") in types
    assert ("ly-kesehatan", "app-simpus", "realized_by") in types
    assert ("pb-presensi", "ly-presensi", "delivers") in types
    assert ("vm-app-01", "pusat-data-uji", "located_in") in types
    assert ("km-smki", "app-simpeg", "protects") in types
    assert ("app-simpeg", "bkpsdm", "owned_by") in types
    assert ("data-pegawai", "diskominfo", "stewarded_by") in types
    assert {t for _, _, t in types} <= set(EDGE_TYPES)


def test_integrations_carry_via_data_and_protocol(small: Path) -> None:
    ws, _ = open_workspace(small)
    graph = build_graph(ws)
    edges = {(u, v): d for u, v, d in edges_by_type(graph)["integrates"]}
    assert edges["app-simpeg", "app-siasn"]["via"] == "splp-uji"
    assert edges["app-simpeg", "app-siasn"]["data"] == ["data-pegawai"]
    assert edges["app-simpeg", "app-siasn"]["protocol"] == "api"
    assert edges["app-absensi-dinkes", "app-simpeg"]["via"] is None
    assert edges["app-absensi-dinkes", "app-simpeg"]["protocol"] == "database"


def test_dangling_references_make_no_edge(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"a.yaml": """\
        applications:
          - {id: app-a, name: A, owner: bkpsdm, hosted_on: [server-typo], supports: [pb-x]}
        """})
    validation = validate_workspace(root)
    assert "RF001" in validation.report.summary.by_rule
    graph = validation.context.graph  # type: ignore[union-attr]
    assert set(graph.nodes) == {"app-a", "bkpsdm", "diskominfo"}
    assert [(u, v, d["type"]) for u, v, d in graph.edges(data=True)] == [("app-a", "bkpsdm", "owned_by")]


def test_failure_graph_follows_the_table(small: Path) -> None:
    ws, _ = open_workspace(small)
    failures = failure_graph(build_graph(ws))
    assert failures.has_edge("vm-app-01", "app-simpeg")  # hosted_on: the server stops the app
    assert failures.has_edge("app-simpeg", "pb-manajemen-asn")  # supports: the app stops the process
    assert failures.has_edge("app-simpus", "ly-kesehatan")  # realized_by: the app stops the service
    assert failures.has_edge("pb-presensi", "ly-presensi")  # delivers: the process stops the service
    assert failures.has_edge("app-siasn", "app-simpeg")  # integrates: the target stops the source
    assert failures.has_edge("splp-uji", "app-simpeg")  # ... and so does the via SPLP
    assert failures.edges["splp-uji", "app-simpeg"]["type"] == "integrates"
    assert not failures.has_edge("bkpsdm", "app-simpeg")  # ownership does not propagate
    assert not failures.has_edge("app-simpeg", "bkpsdm")
    assert not failures.has_edge("km-smki", "app-simpeg")  # protects does not propagate
    assert not failures.has_edge("app-simpeg", "km-smki")


def test_a_producer_reading_its_own_data_is_no_cycle(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"a.yaml": """\
        data:
          - {id: data-x, name: X, owner: bkpsdm}
        applications:
          - {id: app-a, name: A, owner: bkpsdm, reads: [data-x], writes: [data-x]}
          - {id: app-b, name: B, owner: bkpsdm, reads: [data-x]}
        """})
    ws, _ = open_workspace(root)
    failures = failure_graph(build_graph(ws))
    assert failures.has_edge("app-a", "data-x")
    assert not failures.has_edge("data-x", "app-a")
    assert failures.has_edge("data-x", "app-b")


def test_graph_is_deterministic(small: Path) -> None:
    ws1, _ = open_workspace(small)
    ws2, _ = open_workspace(small)
    g1, g2 = build_graph(ws1), build_graph(ws2)
    assert list(g1.nodes(data=True)) == list(g2.nodes(data=True))
    assert list(g1.edges(keys=True, data=True)) == list(g2.edges(keys=True, data=True))
    assert list(g1.nodes) == sorted(g1.nodes)


def _reference_edges(ws) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    from spbe_arch.relations import iter_references

    return sorted((e.id, r.target, r.edge) for e in ws.iter_elements() for r in iter_references(e)
                  if r.edge is not None and r.target in ws.elements)


def test_edges_are_exactly_the_relations_of_iter_references(small: Path, make_workspace) -> None:  # type: ignore[no-untyped-def]
    messy = make_workspace({"a.yaml": """\
        applications:
          - {id: app-a, name: A, owner: bkpsdm, users: [bkpsdm, bkpsdm, nobody], replaces: [app-b],
             integrations: [{target: app-b, via: no-splp, data: [no-data]}, {target: app-b}, {target: gone}]}
          - {id: app-b, name: B, owner: diskominfo, distinct_from: [app-a]}
        """})
    for root in (small, messy):
        ws, _ = open_workspace(root)
        graph = build_graph(ws)
        assert sorted((u, v, d["type"]) for u, v, d in graph.edges(data=True)) == _reference_edges(ws)
    integrations = [d for _, _, d in edges_by_type(graph)["integrates"]]
    assert [(d["via"], d["data"]) for d in integrations] == [(None, []), (None, [])]


def test_graph_equals_the_one_networkx_builds(small: Path) -> None:
    ws, _ = open_workspace(small)
    graph = build_graph(ws)
    reference = nx.MultiDiGraph(**graph.graph)
    reference.add_nodes_from(graph.nodes(data=True))
    reference.add_edges_from(graph.edges(keys=True, data=True))
    assert nx.utils.graphs_equal(graph, reference)
    assert list(graph.pred["app-simpeg"]) == list(reference.pred["app-simpeg"])
    assert graph.in_degree("app-simpeg") == reference.in_degree("app-simpeg")
    failures = failure_graph(graph)
    rebuilt = nx.DiGraph()
    rebuilt.add_nodes_from(failures.nodes(data=True))
    rebuilt.add_edges_from(failures.edges(data=True))
    assert nx.utils.graphs_equal(failures, rebuilt)
    assert sorted(nx.descendants(failures, "vm-app-01")) == sorted(nx.descendants(rebuilt, "vm-app-01"))


def test_quick_adjacency_equals_the_failure_graph(small: Path, make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.graph import propagation_adjacency

    messy = make_workspace({"a.yaml": """\
        data:
          - {id: data-x, name: X, owner: bkpsdm}
        infrastructure:
          - {id: splp, name: SPLP, owner: diskominfo, kind: splp}
        applications:
          - {id: app-a, name: A, owner: bkpsdm, reads: [data-x], writes: [data-x], hosted_on: [gone],
             integrations: [{target: app-b, via: splp}, {target: app-b}, {target: app-a}]}
          - {id: app-b, name: B, owner: diskominfo, reads: [data-x], integrations: [{target: app-a, via: nope}]}
        """})
    for root in (small, messy):
        ws, _ = open_workspace(root)
        full = sorted(failure_graph(build_graph(ws)).edges(data="type"))
        down = propagation_adjacency(ws)
        up = propagation_adjacency(ws, upstream=True)
        assert sorted((a, b, t) for a, targets in down.items() for b, t in targets.items()) == full
        assert sorted((a, b, t) for b, sources in up.items() for a, t in sources.items()) == full


_MESSY = """\
    data:
      - {id: data-x, name: X, owner: bkpsdm}
    infrastructure:
      - {id: splp, name: SPLP, owner: diskominfo, kind: splp, located_in: splp}
    processes:
      - {id: p-a, name: PA, owner: bkpsdm, data: [data-x, data-x, nothing]}
      - {id: p-b, name: PB, owner: bkpsdm, parent: p-a}
    applications:
      - {id: app-a, name: A, owner: bkpsdm, users: [bkpsdm, bkpsdm, nobody], reads: [data-x], writes: [data-x],
         hosted_on: [gone, splp], supports: [p-b], replaces: [app-b, app-a],
         integrations: [{target: app-b, via: splp, data: [data-x, data-x]}, {target: app-b}, {target: app-a},
                        {target: gone, via: data-x}]}
      - {id: app-b, name: B, owner: diskominfo, reads: [data-x], distinct_from: [app-a],
         integrations: [{target: app-a, via: nope}]}
    """


def test_the_reference_scan_holds_the_graph_relations_in_graph_order(small: Path, example: Path,
                                                                       make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.graph import PROPAGATING_TYPES, graph_edges, graph_order, workspace_relations
    from spbe_arch.relations import scan_references

    for root in (small, example, make_workspace({"a.yaml": _MESSY})):
        ws, _ = open_workspace(root)
        scanned = scan_references(ws).relations
        edges = [(u, v, d["type"], d.get("via")) for u, v, d in graph_edges(build_graph(ws))]  # in insertion order
        ordered = graph_order(ws, [r for found in scanned.values() for r in found])
        assert ordered == edges
        assert workspace_relations(ws) == [e for e in edges if e[2] in PROPAGATING_TYPES]
        assert all(r[2] == edge_type for edge_type, found in scanned.items() for r in found)
        assert ordered  # the comparison says something


def test_the_reference_scan_names_every_reference_and_suspects_every_doubtful_one(
        small: Path, example: Path, make_workspace) -> None:  # type: ignore[no-untyped-def]
    """Elements outside ``suspects`` have only references no reference rule reports, so the rules may skip them."""
    from spbe_arch.relations import NO_SELF_REFERENCE, iter_references, scan_references

    for root in (small, example, make_workspace({"a.yaml": _MESSY})):
        ws, _ = open_workspace(root)
        scan = scan_references(ws)
        named: dict[str, set[str]] = {field: set() for field in scan.named}
        doubtful = []
        for element in ws.iter_elements():
            refs = list(iter_references(element))
            for ref in refs:
                named[ref.field].add(ref.target)
            listed = [(r.field, r.path[:2] if r.field == "integrations.data" else (), r.target) for r in refs
                      if len(r.path) >= 2 and r.field not in ("integrations", "integrations.via")]
            if any(ws.collection_of(r.target) not in r.targets
                   or (r.target == r.source and r.field.split(".")[0] in NO_SELF_REFERENCE) for r in refs) \
                    or len(set(listed)) != len(listed):
                doubtful.append(element.id)
        assert scan.named == named
        suspects = [e.id for e in scan.suspects]
        assert set(doubtful) <= set(suspects)
        assert suspects == [i for i in ws.elements if i in set(suspects)]  # in workspace order
    assert set(doubtful) == set(suspects) == {"p-a", "app-a", "app-b", "splp"}  # the messy one
