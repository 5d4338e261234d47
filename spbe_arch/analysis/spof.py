"""Single points of failure: the infrastructure and applications whose loss stops the most services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from spbe_arch.analysis.scope import Scope
from spbe_arch.graph import STRENGTH, failure_graph, workspace_graph
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

CANDIDATES = ("infrastructure", "applications")


class SinglePointOfFailure(BaseModel):
    """One element whose loss stops services, and who feels it.

    ``articulation_point``: removing the element splits the dependency graph (taken as undirected)
    into more pieces, i.e. it is the only link between some parts of the architecture.
    """

    id: str
    name: str
    collection: str
    kind: str | None
    owner: str | None
    services: list[str]
    organizations: list[str]
    elements: int
    articulation_point: bool


def services_stopped_counts(failures: nx.DiGraph, services: list[str]) -> dict[str, int]:
    """For every node, how many services stop when it stops (itself excluded), in one pass.

    Works on the condensation of the failure graph (cycles collapsed), in reverse topological
    order, with one Python int per component as a bit set of services; a component's bits are
    dropped once every predecessor has used them, so memory stays near the frontier.
    """
    import networkx as nx

    index = {s: i for i, s in enumerate(sorted(services))}
    condensed = nx.condensation(failures)
    members = condensed.nodes(data="members")
    waiting = {c: condensed.in_degree(c) for c in condensed.nodes}
    bits: dict[int, int] = {}
    counts: dict[str, int] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        own = 0
        for node in members[component]:
            if node in index:
                own |= 1 << index[node]
        reached = 0
        for successor in condensed.successors(component):
            reached |= bits[successor]
            waiting[successor] -= 1
            if waiting[successor] == 0:
                del bits[successor]
        total = own | reached
        for node in members[component]:
            counts[node] = total.bit_count() - (1 if node in index else 0)
        if waiting[component]:
            bits[component] = total
    return counts


def stops_graph(workspace: Workspace, graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The failure graph reduced to what *stops*: no degraded relation, no `writes` into a data set
    with several producers (one producer down does not stop it), no step from the Pemda's own
    elements into what runs outside it (see :mod:`spbe_arch.analysis.scope`)."""
    import networkx as nx

    scope = Scope(workspace)
    stops = nx.DiGraph()
    stops.add_nodes_from(graph)
    for a, b, data in failure_graph(graph).edges(data=True):
        relation = data["type"]
        if STRENGTH.get(relation) != "stops":
            continue
        if relation == "writes" and scope.producers(b) > 1:
            continue
        if scope.outside(b) and not scope.outside(a):
            continue
        stops.add_edge(a, b, type=relation)
    return stops


def single_points_of_failure(workspace: Workspace, limit: int = 10, *,
                             graph: nx.MultiDiGraph | None = None) -> list[SinglePointOfFailure]:
    """The ``limit`` infrastructure elements and applications that stop the most services.

    Ranked by the number of services stopped, then the number of elements stopped, then
    infrastructure before applications, then id.
    Only *stops* counts (:func:`stops_graph`): a service that merely runs degraded is not stopped.
    Elements that stop no service are not listed. Redundancy is not modelled: an application
    hosted on two servers stops when either does.
    """
    import networkx as nx

    from spbe_arch.analysis.impact import impact

    graph = graph if graph is not None else workspace_graph(workspace)
    failures = stops_graph(workspace, graph)
    counts = services_stopped_counts(failures, [s.id for s in workspace.services])
    candidates = sorted((e for c in CANDIDATES for e in workspace.collection(c)
                         if counts.get(e.id, 0) > 0 and e.status != "dihentikan"),
                        key=lambda e: -counts[e.id])
    if limit <= 0 or not candidates:
        return []
    # ties on the number of services are broken by the number of elements stopped, counted only for
    # the candidates that can still make the list
    threshold = counts[candidates[min(limit, len(candidates)) - 1].id]
    contenders = [e for e in candidates if counts[e.id] >= threshold]
    reach = {e.id: len(nx.descendants(failures, e.id)) for e in contenders}
    ranked = sorted(contenders, key=lambda e: (-counts[e.id], -reach[e.id], CANDIDATES.index(e.COLLECTION), e.id))
    ranked = ranked[:limit]
    articulation = set(nx.articulation_points(failures.to_undirected(as_view=True)))
    result = []
    for element in ranked:
        report = impact(workspace, element.id, graph=graph, strength="stops")
        result.append(SinglePointOfFailure(
            id=element.id, name=element.name, collection=element.COLLECTION, kind=getattr(element, "kind", None),
            owner=element.owner_id, services=report.ids("services"), organizations=report.organizations,
            elements=len(report.entries), articulation_point=element.id in articulation,
        ))
    return result
