"""Impact (what stops if an element stops) and its reverse (what an element needs), with paths."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from spbe_arch.errors import UnknownElementError, UsageError
from spbe_arch.graph import failure_graph, propagation_adjacency
from spbe_arch.model import COLLECTION_LABELS, COLLECTIONS, Application, Organization
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

Direction = Literal["impact", "depends"]
_COLLECTION_ORDER = {c: i for i, c in enumerate(COLLECTIONS)}


class ImpactEntry(BaseModel):
    """One element reached from the root, and the chain of dependencies that links the two.

    ``path`` lists ids so that each one depends on the next: for ``impact`` it runs from this
    element back to the root (``["layanan-perizinan", "app-sicantik", "vm-app-03", "pusat-data-raci"]``),
    for ``depends`` from the root to this element. ``relations[i]`` is the relation type that links
    ``path[i]`` and ``path[i + 1]``.
    """

    id: str
    name: str
    collection: str
    owner: str | None
    status: str
    depth: int
    path: list[str]
    relations: list[str]


class Group(BaseModel):
    """Entries sharing a collection (domain) or an owning OPD."""

    key: str
    label: str
    ids: list[str]


class ImpactReport(BaseModel):
    """The answer to ``spbe impact`` or ``spbe depends``.

    ``organizations``: for impact, the OPDs that own or use an element that stops (the root
    included); for depends, the OPDs that own an element the root needs. ``truncated`` says that
    the depth limit hid further elements.
    """

    direction: Direction
    root: ImpactEntry
    depth: int | None
    entries: list[ImpactEntry]
    by_collection: list[Group]
    by_organization: list[Group]
    organizations: list[str]
    truncated: bool

    def ids(self, collection: str) -> list[str]:
        """The ids of the entries of one collection, e.g. ``report.ids("services")``."""
        return next((g.ids for g in self.by_collection if g.key == collection), [])


def check_element(workspace: Workspace, element_id: str) -> None:
    """Raise :class:`UnknownElementError`, naming the nearest ids, when ``element_id`` is unknown."""
    if element_id not in workspace.elements:
        from spbe_arch.suggest import suggest_id

        raise UnknownElementError(element_id, suggest_id(workspace, element_id))


def _check_depth(depth: int | None) -> None:
    if depth is not None and depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")


Adjacency = Mapping[str, Mapping[str, Any]]


def reach(
    adjacency: Adjacency, root: str, depth: int | None
) -> tuple[dict[str, str | None], dict[str, int], bool]:
    """Breadth-first walk from ``root`` over ``adjacency`` (node -> its neighbours in the walk).

    Returns each reached node's parent and depth, and whether the depth limit hid more. Visited
    nodes are never expanded twice, so cycles end the walk instead of hanging it; neighbours are
    visited in id order, so the shortest path chosen is always the same.
    """
    empty: Mapping[str, Any] = {}
    parent: dict[str, str | None] = {root: None}
    level: dict[str, int] = {root: 0}
    queue: deque[str] = deque([root])
    truncated = False
    while queue:
        node = queue.popleft()
        next_nodes = sorted(n for n in adjacency.get(node, empty) if n not in parent)
        if depth is not None and level[node] >= depth:
            truncated = truncated or bool(next_nodes)
            continue
        for neighbour in next_nodes:
            parent[neighbour] = node
            level[neighbour] = level[node] + 1
            queue.append(neighbour)
    return parent, level, truncated


def _relation(value: Any) -> str:
    """The relation type held in an adjacency: a string (quick path) or a networkx edge dict."""
    return value if isinstance(value, str) else str(value["type"])


def _entry(workspace: Workspace, adjacency: Adjacency, node: str, parent: dict[str, str | None],
           level: dict[str, int], upstream: bool) -> ImpactEntry:
    chain = [node]
    while (up := parent[chain[-1]]) is not None:
        chain.append(up)
    # chain runs from node back to the root; each step of it is an edge of the walk
    relations = [_relation(adjacency[b][a]) for a, b in pairwise(chain)]
    # in the path each id depends on the next: downstream that is the chain itself
    path = chain if not upstream else list(reversed(chain))
    if upstream:
        relations.reverse()
    element = workspace.elements[node]
    return ImpactEntry(id=node, name=element.name, collection=element.COLLECTION, owner=element.owner_id,
                       status=element.status, depth=level[node], path=path, relations=relations)


def organization_label(workspace: Workspace, org_id: str) -> str:
    """An organization's short label (its id when it is not a known organization)."""
    org = workspace.get(org_id)
    return org.label if isinstance(org, Organization) else org_id


def _group(workspace: Workspace, entries: list[ImpactEntry]) -> tuple[list[Group], list[Group]]:
    by_collection: dict[str, list[str]] = {}
    by_org: dict[str, list[str]] = {}
    for entry in entries:
        by_collection.setdefault(entry.collection, []).append(entry.id)
        org = entry.owner or (entry.id if entry.collection == "organizations" else "")
        by_org.setdefault(org, []).append(entry.id)
    collections = [Group(key=c, label=COLLECTION_LABELS[c], ids=by_collection[c])
                   for c in COLLECTIONS if c in by_collection]
    orgs = [Group(key=o, label=organization_label(workspace, o) if o else "(no owner)", ids=ids)
            for o, ids in sorted(by_org.items())]
    return collections, orgs


def _walk(workspace: Workspace, element_id: str, depth: int | None, direction: Direction,
          graph: nx.MultiDiGraph | None) -> ImpactReport:
    check_element(workspace, element_id)
    _check_depth(depth)
    upstream = direction == "depends"
    adjacency: Adjacency
    if graph is None:
        adjacency = propagation_adjacency(workspace, upstream=upstream)
    else:
        failures = failure_graph(graph)
        # the adjacency dicts of the failure graph (its views cost a wrapper object per access)
        adjacency = failures._pred if upstream else failures._succ
    parent, level, truncated = reach(adjacency, element_id, depth)
    root = _entry(workspace, adjacency, element_id, parent, level, upstream)
    entries = sorted(
        (_entry(workspace, adjacency, n, parent, level, upstream) for n in parent if n != element_id),
        key=lambda e: (_COLLECTION_ORDER[e.collection], e.id),
    )
    by_collection, by_org = _group(workspace, entries)
    organizations: set[str] = set()
    for entry in entries if upstream else [root, *entries]:
        if entry.owner:
            organizations.add(entry.owner)
        element = workspace.elements[entry.id]
        if not upstream and isinstance(element, Application):
            organizations.update(u for u in element.users if u in workspace.elements)
    return ImpactReport(direction=direction, root=root, depth=depth, entries=entries, by_collection=by_collection,
                        by_organization=by_org, organizations=sorted(organizations), truncated=truncated)


def impact(workspace: Workspace, element_id: str, depth: int | None = None, *,
           graph: nx.MultiDiGraph | None = None) -> ImpactReport:
    """Everything that stops when ``element_id`` stops, transitively (``depth``: at most that many hops).

    Pass ``graph`` (from :func:`spbe_arch.graph.build_graph`) to reuse one graph across calls.
    """
    return _walk(workspace, element_id, depth, "impact", graph)


def depends(workspace: Workspace, element_id: str, depth: int | None = None, *,
            graph: nx.MultiDiGraph | None = None) -> ImpactReport:
    """Everything ``element_id`` needs to run, transitively: the reverse of :func:`impact`."""
    return _walk(workspace, element_id, depth, "depends", graph)
