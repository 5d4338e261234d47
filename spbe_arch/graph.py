"""The model as one typed networkx graph, and the one table that says how failures travel on it.

Every analysis (impact, depends, single points of failure, the graph rules) reads the direction of
propagation from :data:`PROPAGATION` only, so changing what "depends on" means is a one-line edit.
Graphs returned here are treated as read-only: derived views are cached per graph object.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from spbe_arch.model import COLLECTIONS, Application, Element
from spbe_arch.relations import RELATION_FIELDS, Relation
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

Direction = Literal["forward", "backward"]
Edge = tuple[str, str, dict[str, Any]]

# For an edge ``source -[type]-> target``:
#   "forward":  a failure of the source stops the target (the application stops the process it supports);
#   "backward": a failure of the target stops the source (the server stops the application hosted on it);
#   None:       no failure travels along this relation (ownership, use, stewardship, documentation).
# Propagation is pessimistic: an element stops when any one of the elements it depends on stops,
# because the format does not describe redundancy.
PROPAGATION: dict[str, Direction | None] = {
    "owned_by": None,  # ownership is accountability, not dependency
    "used_by": None,
    "part_of": None,  # a sub-process or sub-unit is a decomposition; its own services carry its impact
    "delivers": "forward",  # process -> service: the process stopping stops the service
    "realized_by": "backward",  # service -> application: the application stopping stops the service
    "supports": "forward",  # application -> process
    "reads": "backward",  # application/process -> data: unavailable data stops its readers
    "writes": "forward",  # application -> data: a data set is only as available as its producer
    "stewarded_by": None,
    "hosted_on": "backward",  # application -> infrastructure
    "located_in": "backward",  # server -> data centre
    "connected_to": "backward",  # server -> network: a network outage cuts what is connected to it
    "integrates": "backward",  # source -> target application; the `via` SPLP propagates the same way
    "protects": None,
    "affects": None,
    "replaces": None,
}

Strength = Literal["stops", "degraded"]

# How hard a failure hits along each propagating relation:
#   "stops":    the dependant cannot run (its host, location or network is gone, the application that
#               realises a service or supports a process is down);
#   "degraded": the dependant runs without something it uses (data read from a stopped producer, an
#               integration partner or the SPLP between them is down).
# A data set written by several applications stops only when all of them stop; until then it is
# degraded (see spbe_arch.analysis.impact).
STRENGTH: dict[str, Strength] = {
    "delivers": "stops",
    "realized_by": "stops",
    "supports": "stops",
    "reads": "degraded",
    "writes": "stops",
    "hosted_on": "stops",
    "located_in": "stops",
    "connected_to": "stops",
    "integrates": "degraded",
}

# (field, edge type) of every relation field of each collection, from the table of relations.py;
# integrations are handled apart because they carry attributes.
_EDGE_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    collection: tuple(
        (r.field, r.edge) for r in RELATION_FIELDS
        if r.edge is not None
        and (r.collection == collection or (r.collection == "*" and collection != "organizations"))
    )
    for collection in COLLECTIONS
}


def _field_targets(element: Element, fields: tuple[tuple[str, str], ...],
                   known: dict[str, Element]) -> Iterator[tuple[str, str, str]]:
    """(field, edge type, target) of each known id written in ``fields`` of ``element``."""
    for field, edge_type in fields:
        value = getattr(element, field)
        if value is None:
            continue
        for target in (value,) if isinstance(value, str) else value:
            if target in known:
                yield field, edge_type, target


def _element_edges(element: Element, known: dict[str, Element]) -> Iterator[Edge]:
    """The relations written in ``element`` whose target exists, in the field order of relations.py.

    The same relations as :func:`spbe_arch.relations.iter_references` gives (a test holds them
    equal), read without building a Reference per id, because the graph is built on every validation.
    """
    for field, edge_type, target in _field_targets(element, _EDGE_FIELDS[element.COLLECTION], known):
        yield element.id, target, {"type": edge_type, "field": field}
    if isinstance(element, Application):
        for integration in element.integrations:
            if integration.target in known:
                via = integration.via if integration.via in known else None
                yield element.id, integration.target, {
                    "type": "integrates", "field": "integrations", "via": via,
                    "data": [d for d in integration.data if d in known], "protocol": integration.protocol,
                }


def _fill(graph: Any, nodes: Iterable[tuple[str, dict[str, Any]]], edges: Iterable[tuple[str, str, Any]],
          multi: bool) -> None:
    """Fill an empty networkx (Multi)DiGraph through its adjacency dicts.

    ``add_edges_from`` costs about 14 microseconds an edge through its views; this writes the same
    structure (shared successor/predecessor key dicts, integer keys from 0 per node pair) directly.
    tests/test_graph.py compares the result with networkx's own methods.
    """
    succ, pred, node_attrs = graph._succ, graph._pred, graph._node
    for node, attributes in nodes:
        succ[node] = {}
        pred[node] = {}
        node_attrs[node] = attributes
    for source, target, data in edges:
        if multi:
            keydict = succ[source].get(target)
            if keydict is None:
                keydict = succ[source][target] = pred[target][source] = {}
            keydict[len(keydict)] = data
        else:
            succ[source][target] = pred[target][source] = data


_EDGES: weakref.WeakKeyDictionary[Any, list[Edge]] = weakref.WeakKeyDictionary()
_EDGES_BY_TYPE: weakref.WeakKeyDictionary[Any, dict[str, list[Edge]]] = weakref.WeakKeyDictionary()
_FAILURES: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def workspace_graph(workspace: Workspace) -> nx.MultiDiGraph:
    """The dependency graph of ``workspace``, built once and shared by validation, analyses and exports
    (read it, do not change it)."""
    return workspace.derived("graph", lambda: build_graph(workspace))


def build_graph(workspace: Workspace) -> nx.MultiDiGraph:
    """A node per element, an edge per relation (dangling references, reported by RF001, are left out).

    Nodes carry ``collection``, ``name``, ``owner``, ``status`` and ``kind`` (None where the element
    has none). Edges carry ``type`` (the edge type of :mod:`spbe_arch.relations`) and ``field``;
    ``integrates`` edges also carry ``via`` (a known SPLP id or None), ``data`` (ids) and ``protocol``.
    Nodes and edges are inserted in id order, so that exports are byte-for-byte reproducible.
    """
    import networkx as nx

    known = workspace.elements
    ids = sorted(known)
    graph = nx.MultiDiGraph(government=workspace.manifest.government.name)
    nodes = [
        (element_id, {
            "collection": element.COLLECTION, "name": element.name, "owner": element.owner_id,
            "status": element.status, "kind": getattr(element, "kind", None),
        })
        for element_id in ids
        for element in (known[element_id],)
    ]
    edges = [edge for element_id in ids for edge in _element_edges(known[element_id], known)]
    _fill(graph, nodes, edges, multi=True)
    _EDGES[graph] = edges
    return graph


def graph_edges(graph: nx.MultiDiGraph) -> list[Edge]:
    """Every edge as (source, target, attributes), in insertion order."""
    edges = _EDGES.get(graph)
    if edges is None:
        edges = _EDGES[graph] = list(graph.edges(data=True))
    return edges


def edges_by_type(graph: nx.MultiDiGraph) -> dict[str, list[Edge]]:
    """The edges of ``graph`` grouped by relation type (computed once per graph)."""
    cached = _EDGES_BY_TYPE.get(graph)
    if cached is None:
        cached = {}
        for edge in graph_edges(graph):
            cached.setdefault(edge[2]["type"], []).append(edge)
        _EDGES_BY_TYPE[graph] = cached
    return cached


def relation_failures(relations: list[Relation]) -> Iterator[tuple[str, str, str]]:
    """(stopping, stopped, relation type) for every relation along which :data:`PROPAGATION` sends a
    failure: the one place where the table is read. A pair comes once per relation linking it; in the
    graph's order when ``relations`` are (:func:`workspace_relations`, or :func:`graph_order` of some of
    the reference scan's)."""
    own_writes = {(source, target) for source, target, edge_type, _ in relations if edge_type == "writes"}
    for source, target, edge_type, via in relations:
        direction = PROPAGATION[edge_type]
        if direction == "forward":
            yield source, target, edge_type
        elif direction == "backward":
            if edge_type == "reads" and (source, target) in own_writes:
                continue
            yield target, source, edge_type
            if via is not None:
                yield via, source, edge_type


def _graph_relations(graph: nx.MultiDiGraph) -> list[Relation]:
    return [(source, target, data["type"], data.get("via")) for source, target, data in graph_edges(graph)]


def failure_edges(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str]]:
    """(stopping, stopped, relation type) of every propagating relation, without building a graph;
    a pair linked by several relations comes once per relation."""
    return relation_failures(_graph_relations(graph))


def failure_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The graph of failure propagation: an edge ``a -> b`` means "if a stops, b stops".

    Built from :data:`PROPAGATION` alone, with two readings of it: an integration's ``via`` SPLP
    propagates to the integration's source as its target does; and an application does not depend
    on a data set it writes itself by also reading it (that would make every producer a cycle).
    Each edge keeps the relation ``type`` that carries the failure (the first in id order when
    several relations link the same pair); edges of one type share one attribute dict, so the
    result is strictly read-only. Computed once per graph.
    """
    cached = _FAILURES.get(graph)
    if cached is not None:
        return cached
    import networkx as nx

    shared = {edge_type: {"type": edge_type} for edge_type in PROPAGATION}
    failures = nx.DiGraph()
    succ, pred, node_attrs = failures._succ, failures._pred, failures._node
    for node in graph:
        succ[node] = {}
        pred[node] = {}
        node_attrs[node] = {}
    for a, b, edge_type in relation_failures(_graph_relations(graph)):
        if a != b and b not in succ[a]:
            succ[a][b] = pred[b][a] = shared[edge_type]
    _FAILURES[graph] = failures
    return failures


PROPAGATING_TYPES = frozenset(e for e, direction in PROPAGATION.items() if direction is not None)
# Relation fields along which a failure can travel, per collection (integrations apart).
_PROPAGATING_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    collection: tuple((f, e) for f, e in fields if e in PROPAGATING_TYPES)
    for collection, fields in _EDGE_FIELDS.items()
}


def workspace_relations(workspace: Workspace) -> list[Relation]:
    """The relations that may propagate a failure, read straight from the elements without building a
    graph: the graph's edges of those types, in the same order (a test holds them equal)."""
    known = workspace.elements
    relations: list[Relation] = []
    add = relations.append
    for element_id in sorted(known):
        element = known[element_id]
        for _, edge_type, target in _field_targets(element, _PROPAGATING_FIELDS[element.COLLECTION], known):
            add((element_id, target, edge_type, None))
        if isinstance(element, Application):
            for integration in element.integrations:
                if integration.target in known:
                    via = integration.via if integration.via in known else None
                    add((element_id, integration.target, "integrates", via))
    return relations


def graph_order(workspace: Workspace, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` (of :class:`spbe_arch.relations.ReferenceScan`, any selection) in the order of
    :func:`workspace_relations` (and of the graph's edges):
    by source id, then by field in the order of the relation table, integrations last."""
    known = workspace.elements
    ranks = _FIELD_RANKS
    return sorted(relations, key=lambda r: (r[0], ranks[known[r[0]].COLLECTION][r[2]]))


_FIELD_RANKS: dict[str, dict[str, int]] = {
    collection: {**{edge_type: rank for rank, (_, edge_type) in enumerate(fields)}, "integrates": len(fields)}
    for collection, fields in _EDGE_FIELDS.items()
}


def propagation_adjacency(workspace: Workspace, *, upstream: bool = False) -> dict[str, dict[str, str]]:
    """The failure graph of ``workspace`` as plain dicts, without building any networkx graph.

    Downstream (default): ``adjacency[a][b]`` is the relation through which a stopping stops b.
    Upstream: ``adjacency[b][a]``, the same relation seen from the element that depends. This is the
    quick path of one ``impact`` or ``depends`` question on a large model; it holds the same edges
    as :func:`failure_graph` (a test compares them).
    """
    adjacency: dict[str, dict[str, str]] = {}
    for a, b, edge_type in relation_failures(workspace_relations(workspace)):
        if a == b:
            continue
        first, second = (b, a) if upstream else (a, b)
        adjacency.setdefault(first, {}).setdefault(second, edge_type)
    return adjacency
