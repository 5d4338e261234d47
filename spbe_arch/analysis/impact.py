"""Impact (what stops or is degraded if an element stops) and its reverse (what an element needs)."""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from pydantic import BaseModel

from spbe_arch.analysis.scope import Scope
from spbe_arch.errors import UnknownElementError, UsageError
from spbe_arch.graph import STRENGTH, failure_graph, propagation_adjacency
from spbe_arch.model import COLLECTION_LABELS, COLLECTIONS, Application, Organization
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

Direction = Literal["impact", "depends"]
_COLLECTION_ORDER = {c: i for i, c in enumerate(COLLECTIONS)}


Strength = Literal["stops", "degraded"]
StrengthFilter = Literal["stops", "degraded", "all"]


class ImpactEntry(BaseModel):
    """One element reached from the root, and the step that links it to the walk.

    ``strength``: ``stops`` (it cannot run) or ``degraded`` (it runs without something it uses).
    ``via`` is the next element on the shortest chain back to the root and ``relation`` the relation
    type between the two; :meth:`ImpactReport.path` rebuilds the whole chain. Only one step is kept
    per entry, so that a report stays linear in the number of elements even on long chains.
    """

    id: str
    name: str
    collection: str
    owner: str | None
    status: str
    depth: int
    strength: Strength
    via: str | None
    relation: str | None


class Group(BaseModel):
    """Entries sharing a collection (domain) or an owning OPD."""

    key: str
    label: str
    ids: list[str]


class ImpactReport(BaseModel):
    """The answer to ``spbe impact`` or ``spbe depends``.

    ``by_collection``, ``by_organization`` and ``organizations`` describe the entries that stop
    (impact) or whose loss stops the root (depends); the ``degraded_*`` fields the same for the
    entries that are degraded. With ``strength="degraded"`` the stopping groups are empty, and
    ``entries`` keeps only the stopping elements that lie on the chains of degraded ones.
    ``organizations``: for impact, the OPDs that own or use an element that stops (the root
    included); for depends, the OPDs that own an element the root needs.
    ``truncated`` says that the depth limit hid further elements.
    """

    direction: Direction
    strength: StrengthFilter
    root: ImpactEntry
    depth: int | None
    entries: list[ImpactEntry]
    by_collection: list[Group]
    by_organization: list[Group]
    organizations: list[str]
    degraded_by_collection: list[Group]
    degraded_by_organization: list[Group]
    degraded_organizations: list[str]
    truncated: bool

    def ids(self, collection: str, strength: Strength = "stops") -> list[str]:
        """The ids of the entries of one collection, e.g. ``report.ids("services")``."""
        groups = self.by_collection if strength == "stops" else self.degraded_by_collection
        return next((g.ids for g in groups if g.key == collection), [])

    def path(self, element_id: str) -> list[str]:
        """The chain between the root and ``element_id``, each id depending on the next.

        For impact it runs from the element back to the root, for depends from the root to it.
        """
        steps = {e.id: e for e in self.entries}
        steps[self.root.id] = self.root
        chain = [element_id]
        while (via := steps[chain[-1]].via) is not None:
            chain.append(via)
        return chain if self.direction == "impact" else chain[::-1]

    def relations(self, element_id: str) -> list[str]:
        """The relation types along :meth:`path`: ``relations[i]`` links ``path[i]`` and ``path[i + 1]``."""
        steps = {e.id: e for e in self.entries}
        found: list[str] = []
        current = steps.get(element_id)
        while current is not None and current.relation is not None and current.via is not None:
            found.append(current.relation)
            current = steps.get(current.via)
        return found if self.direction == "impact" else found[::-1]


def check_element(workspace: Workspace, element_id: str) -> None:
    """Raise :class:`UnknownElementError`, naming the nearest ids, when ``element_id`` is unknown."""
    if element_id not in workspace.elements:
        from spbe_arch.suggest import suggest_id

        raise UnknownElementError(element_id, suggest_id(workspace, element_id))


def _check_depth(depth: int | None) -> None:
    if depth is not None and depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")


Adjacency = Mapping[str, Mapping[str, Any]]


def _relation(value: Any) -> str:
    """The relation type held in an adjacency: a string (quick path) or a networkx edge dict."""
    return value if isinstance(value, str) else str(value["type"])


class _Step(NamedTuple):
    via: str | None
    relation: str | None
    depth: int
    strength: Strength


class _Spread:
    """The two-phase walk behind impact and depends: first what stops, then what is degraded.

    Downstream (impact), a node stops when one element it depends on with strength *stops* stops;
    a data set written by several applications stops only when all of them have stopped, and is
    degraded while some are up. Then every element one *degraded* relation away from a stopped
    element is degraded, and so is what stops because of a degraded element. Degradation does not
    travel along a second degraded relation: a reader of a reader's data is not affected.
    Upstream (depends) walks the same relations the other way, so that B is in ``depends(A)`` with
    strength S exactly when A is in ``impact(B)`` with strength S for single-producer data sets.
    Elements outside the Pemda are not reached from the Pemda's own (and the other way round).
    Iterative throughout; both phases are linear in the edges they touch (plus a heap for the second).
    """

    def __init__(self, adjacency: Adjacency, scope: Scope, upstream: bool, depth: int | None) -> None:
        self.adjacency = adjacency
        self.scope = scope
        self.upstream = upstream
        self.depth = depth
        self.truncated = False

    def _blocked(self, root_outside: bool, node: str) -> bool:
        """A local failure does not reach what runs outside the Pemda (nor, upstream, the reverse)."""
        if self.upstream:
            return root_outside and not self.scope.outside(node)
        return not root_outside and self.scope.outside(node)

    def _shared_data(self, source: str, target: str, relation: str) -> bool:
        """A `writes` step to (impact) or from (depends) a data set that has several producers."""
        if relation != "writes":
            return False
        return self.scope.producers(source if self.upstream else target) > 1

    def run(self, root: str, strength: StrengthFilter) -> dict[str, _Step]:
        empty: Mapping[str, Any] = {}
        adjacency, depth = self.adjacency, self.depth
        root_outside = self.scope.outside(root)
        steps: dict[str, _Step] = {root: _Step(None, None, 0, "stops")}
        hits: dict[str, int] = {}
        queue: deque[str] = deque([root])
        # phase 1: what stops
        while queue:
            node = queue.popleft()
            level = steps[node].depth
            around = adjacency.get(node, empty)
            for neighbour in sorted(around):
                relation = _relation(around[neighbour])
                if STRENGTH.get(relation) != "stops" or neighbour in steps:
                    continue
                if self._blocked(root_outside, neighbour):
                    continue
                if self._shared_data(node, neighbour, relation):
                    if self.upstream:
                        continue
                    hits[neighbour] = hits.get(neighbour, 0) + 1
                    if hits[neighbour] < self.scope.producers(neighbour):
                        continue
                if depth is not None and level >= depth:
                    self.truncated = True
                    continue
                steps[neighbour] = _Step(node, relation, level + 1, "stops")
                queue.append(neighbour)
        if strength == "stops":
            return steps
        # phase 2: what is degraded, shortest first (seeds sit at different depths)
        heap: list[tuple[int, str, str, str]] = []
        for node, step in steps.items():
            around = adjacency.get(node, empty)
            for neighbour in around:
                relation = _relation(around[neighbour])
                degrading = STRENGTH.get(relation) == "degraded" or self._shared_data(node, neighbour, relation)
                if degrading and neighbour not in steps and not self._blocked(root_outside, neighbour):
                    heapq.heappush(heap, (step.depth + 1, neighbour, node, relation))
        while heap:
            level, node, via, relation = heapq.heappop(heap)
            if node in steps:
                continue
            if depth is not None and level > depth:
                self.truncated = True
                continue
            steps[node] = _Step(via, relation, level, "degraded")
            around = adjacency.get(node, empty)
            for neighbour in around:
                next_relation = _relation(around[neighbour])
                if (STRENGTH.get(next_relation) == "stops" and neighbour not in steps
                        and not self._shared_data(node, neighbour, next_relation)
                        and not self._blocked(root_outside, neighbour)):
                    heapq.heappush(heap, (level + 1, neighbour, node, next_relation))
        return steps


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


def _entry(workspace: Workspace, node: str, step: _Step) -> ImpactEntry:
    element = workspace.elements[node]
    return ImpactEntry(id=node, name=element.name, collection=element.COLLECTION, owner=element.owner_id,
                       status=element.status, depth=step.depth, strength=step.strength, via=step.via,
                       relation=step.relation)


def _organizations(workspace: Workspace, entries: list[ImpactEntry], upstream: bool) -> list[str]:
    organizations: set[str] = set()
    for entry in entries:
        if entry.owner:
            organizations.add(entry.owner)
        element = workspace.elements[entry.id]
        if not upstream and isinstance(element, Application):
            organizations.update(u for u in element.users if u in workspace.elements)
    return sorted(organizations)


def check_running(workspace: Workspace, element_id: str, direction: Direction) -> None:
    """Refuse a question about a retired element: it runs nothing and needs nothing any more."""
    element = workspace.elements[element_id]
    if element.status == "dihentikan":
        what = ("it no longer runs, so its failure stops nothing; elements still relying on it are "
                "findings of rule RF006 (`spbe validate`)" if direction == "impact"
                else "it no longer runs, so it needs nothing")
        raise UsageError(f"{element_id!r} is retired (status: dihentikan): {what}")


def _check_strength(strength: str) -> StrengthFilter:
    if strength not in ("stops", "degraded", "all"):
        raise UsageError(f"--strength must be stops, degraded or all, not {strength!r}")
    return strength  # type: ignore[return-value]


def _chains(steps: dict[str, _Step]) -> set[str]:
    """The degraded elements and every element on their chains to the root (so paths stay whole)."""
    kept: set[str] = set()
    for node, step in steps.items():
        if step.strength != "degraded":
            continue
        current: str | None = node
        while current is not None and current not in kept:
            kept.add(current)
            current = steps[current].via
    return kept


def _walk(workspace: Workspace, element_id: str, depth: int | None, direction: Direction,
          graph: nx.MultiDiGraph | None, strength: str) -> ImpactReport:
    check_element(workspace, element_id)
    _check_depth(depth)
    wanted = _check_strength(strength)
    check_running(workspace, element_id, direction)
    upstream = direction == "depends"
    adjacency: Adjacency
    if graph is None:
        adjacency = propagation_adjacency(workspace, upstream=upstream)
    else:
        failures = failure_graph(graph)
        # the adjacency dicts of the failure graph (its views cost a wrapper object per access)
        adjacency = failures._pred if upstream else failures._succ
    spread = _Spread(adjacency, Scope(workspace), upstream, depth)
    steps = spread.run(element_id, wanted)
    root = _entry(workspace, element_id, steps[element_id])
    entries = sorted(
        (_entry(workspace, n, step) for n, step in steps.items() if n != element_id),
        key=lambda e: (_COLLECTION_ORDER[e.collection], e.id),
    )
    if wanted == "degraded":
        entries = [e for e in entries if e.id in _chains(steps)]
    stopped = [e for e in entries if e.strength == "stops"] if wanted != "degraded" else []
    degraded = [e for e in entries if e.strength == "degraded"]
    by_collection, by_org = _group(workspace, stopped)
    degraded_by_collection, degraded_by_org = _group(workspace, degraded)
    return ImpactReport(
        direction=direction, strength=wanted, root=root, depth=depth, entries=entries,
        by_collection=by_collection, by_organization=by_org,
        organizations=_organizations(workspace, stopped if upstream else [root, *stopped], upstream),
        degraded_by_collection=degraded_by_collection, degraded_by_organization=degraded_by_org,
        degraded_organizations=_organizations(workspace, degraded, upstream),
        truncated=spread.truncated,
    )


def impact(workspace: Workspace, element_id: str, depth: int | None = None, *,
           graph: nx.MultiDiGraph | None = None, strength: str = "all") -> ImpactReport:
    """What stops and what is degraded when ``element_id`` stops (``depth``: at most that many hops).

    ``strength``: ``stops``, ``degraded`` or ``all``. Pass ``graph`` (from
    :func:`spbe_arch.graph.build_graph`) to reuse one graph across calls.
    """
    return _walk(workspace, element_id, depth, "impact", graph, strength)


def depends(workspace: Workspace, element_id: str, depth: int | None = None, *,
            graph: nx.MultiDiGraph | None = None, strength: str = "all") -> ImpactReport:
    """What ``element_id`` needs to run (stops without it) or to run fully (degraded without it)."""
    return _walk(workspace, element_id, depth, "depends", graph, strength)
