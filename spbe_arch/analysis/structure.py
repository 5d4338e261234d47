"""Analyses of the whole graph: cycles, orphans, the most connected applications, OPD cross-dependency."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from spbe_arch.analysis.impact import organization_label
from spbe_arch.graph import edges_by_type, failure_graph, graph_edges, workspace_graph
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


class Cycle(BaseModel):
    """Elements that depend on each other in a circle (``dependency``) or are their own ancestor
    through ``parent``/``located_in`` (``hierarchy``). ``cycle`` is one circle through them, closed
    (first id repeated at the end), with the relation of each step in ``relations``."""

    kind: Literal["dependency", "hierarchy"]
    members: list[str]
    cycle: list[str]
    relations: list[str]


class Orphan(BaseModel):
    id: str
    name: str
    collection: str
    owner: str | None


class ConnectedApplication(BaseModel):
    """An application and how many distinct elements it is linked to (its owner not counted)."""

    id: str
    name: str
    owner: str | None
    connections: int
    integrations: int
    relations: dict[str, int]


class OpdLink(BaseModel):
    organization: str
    label: str
    applications: list[str]


class OpdDependency(BaseModel):
    """The applications of other OPDs that one OPD's elements depend on directly or that it uses."""

    organization: str
    label: str
    applications: int
    depends_on: list[OpdLink]


def _closed_cycle(graph: nx.DiGraph, members: set[str]) -> tuple[list[str], list[str]]:
    import networkx as nx

    start = min(members)
    edges = nx.find_cycle(graph.subgraph(members), source=start)
    ids = [edge[0] for edge in edges] + [edges[0][0]]
    return ids, [graph.edges[a, b]["type"] for a, b in pairwise(ids)]


def find_cycles(workspace: Workspace, *, graph: nx.MultiDiGraph | None = None) -> list[Cycle]:
    """Every dependency cycle (strongly connected part of the failure graph) and hierarchy cycle.

    A dependency cycle is one entry however many circles it holds, so the list stays short.
    """
    import networkx as nx

    graph = graph if graph is not None else workspace_graph(workspace)
    failures = failure_graph(graph)
    result = []
    for component in nx.strongly_connected_components(failures):
        if len(component) > 1:
            ids, relations = _closed_cycle(failures, component)
            result.append(Cycle(kind="dependency", members=sorted(component), cycle=ids, relations=relations))
    hierarchy = nx.DiGraph()
    for edge_type in ("part_of", "located_in"):
        hierarchy.add_edges_from((a, b, {"type": edge_type}) for a, b, _ in edges_by_type(graph).get(edge_type, []))
    for component in nx.strongly_connected_components(hierarchy):
        if len(component) > 1:
            ids, relations = _closed_cycle(hierarchy, component)
            result.append(Cycle(kind="hierarchy", members=sorted(component), cycle=ids, relations=relations))
    return sorted(result, key=lambda c: (c.kind, c.members))


def _integration_touches(graph: nx.MultiDiGraph) -> set[str]:
    touched: set[str] = set()
    for _, _, data in edges_by_type(graph).get("integrates", []):
        if data.get("via"):
            touched.add(data["via"])
        touched.update(data.get("data", []))
    return touched


def find_orphans(workspace: Workspace, *, graph: nx.MultiDiGraph | None = None) -> list[Orphan]:
    """Elements that no relation touches, ownership aside (an organization that owns something is
    not an orphan; an element that only has an owner is). SPLPs named as an integration's ``via``
    and data named in an integration count as touched."""
    graph = graph if graph is not None else workspace_graph(workspace)
    touched = _integration_touches(graph)
    for source, target, data in graph_edges(graph):
        if data["type"] == "owned_by":
            touched.add(target)
        else:
            touched.update((source, target))
    return [Orphan(id=e.id, name=e.name, collection=e.COLLECTION, owner=e.owner_id)
            for e in sorted(workspace.iter_elements(), key=lambda e: e.id) if e.id not in touched]


def most_connected_applications(workspace: Workspace, limit: int = 10, *,
                                graph: nx.MultiDiGraph | None = None) -> list[ConnectedApplication]:
    """The applications linked to the most distinct elements (in and out, ownership aside)."""
    graph = graph if graph is not None else workspace_graph(workspace)
    apps = {a.id: a for a in workspace.applications}
    neighbours: dict[str, set[str]] = {}
    relations: dict[str, dict[str, int]] = {}
    for source, target, data in graph_edges(graph):
        edge_type = data["type"]
        if edge_type == "owned_by" or source == target:
            continue
        for app_id, other in ((source, target), (target, source)):
            if app_id in apps:
                neighbours.setdefault(app_id, set()).add(other)
                counts = relations.setdefault(app_id, {})
                counts[edge_type] = counts.get(edge_type, 0) + 1
        if edge_type == "integrates" and data.get("via") and source in apps:
            neighbours[source].add(data["via"])
    result = [
        ConnectedApplication(id=app_id, name=apps[app_id].name, owner=apps[app_id].owner_id,
                             connections=len(linked), integrations=relations[app_id].get("integrates", 0),
                             relations=dict(sorted(relations[app_id].items())))
        for app_id, linked in neighbours.items()
    ]
    result.sort(key=lambda a: (-a.connections, -a.integrations, a.id))
    return result[:max(limit, 0)]


def opd_dependencies(workspace: Workspace, *, graph: nx.MultiDiGraph | None = None) -> list[OpdDependency]:
    """For each OPD, the applications of other OPDs it relies on.

    An OPD relies on another OPD's application when one of its own elements depends on it directly
    (along the failure graph: its process is supported by it, its application integrates with it,
    its service is realised by it, ...) or when it is listed among the application's ``users``.
    Sorted by the number of such applications, most dependent first; OPDs relying on none are left out.
    """
    graph = graph if graph is not None else workspace_graph(workspace)
    failures = failure_graph(graph)
    owner = {node: data.get("owner") for node, data in graph.nodes(data=True)}
    apps = {a.id for a in workspace.applications}
    relied: dict[str, dict[str, set[str]]] = {}

    def note(org: str | None, app_id: str) -> None:
        other = owner.get(app_id)
        if org and other and org != other and org in workspace.elements:
            relied.setdefault(org, {}).setdefault(other, set()).add(app_id)

    for app_id, dependant in failures.edges():
        if app_id in apps:
            note(owner.get(dependant), app_id)
    for app in workspace.applications:
        for user in app.users:
            note(user, app.id)
    result = []
    for org, by_other in relied.items():
        links = sorted((OpdLink(organization=o, label=organization_label(workspace, o), applications=sorted(ids))
                        for o, ids in by_other.items()), key=lambda link: (-len(link.applications), link.organization))
        total = len({a for ids in by_other.values() for a in ids})
        result.append(OpdDependency(organization=org, label=organization_label(workspace, org), applications=total,
                                    depends_on=links))
    return sorted(result, key=lambda d: (-d.applications, d.organization))
