"""Every relation of the workspace format in one table: which field points to which collections.

Validation (dangling and mistyped references), the graph, the diff and the exchange formats all
read this table, so a new relation is added here once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spbe_arch.model import COLLECTIONS, Application, Element
from spbe_arch.workspace import Workspace

ANY: tuple[str, ...] = COLLECTIONS


@dataclass(frozen=True)
class RelationField:
    collection: str  # "*" for every collection but organizations
    field: str
    edge: str | None  # edge type in the graph; None for a reference that is not a relation
    targets: tuple[str, ...]


RELATION_FIELDS: tuple[RelationField, ...] = (
    RelationField("*", "owner", "owned_by", ("organizations",)),
    RelationField("organizations", "parent", "part_of", ("organizations",)),
    RelationField("processes", "parent", "part_of", ("processes",)),
    RelationField("processes", "services", "delivers", ("services",)),
    RelationField("processes", "data", "reads", ("data",)),
    RelationField("services", "applications", "realized_by", ("applications",)),
    RelationField("data", "steward", "stewarded_by", ("organizations",)),
    RelationField("data", "producer", None, ("organizations",)),
    RelationField("applications", "users", "used_by", ("organizations",)),
    RelationField("applications", "supports", "supports", ("processes",)),
    RelationField("applications", "reads", "reads", ("data",)),
    RelationField("applications", "writes", "writes", ("data",)),
    RelationField("applications", "hosted_on", "hosted_on", ("infrastructure",)),
    RelationField("applications", "replaces", "replaces", ("applications",)),
    RelationField("applications", "distinct_from", None, ("applications",)),
    RelationField("infrastructure", "located_in", "located_in", ("infrastructure",)),
    RelationField("infrastructure", "connected_to", "connected_to", ("infrastructure",)),
    RelationField("security", "protects", "protects", ANY),
    RelationField("roadmap", "affects", "affects", ANY),
)

EDGE_TYPES: tuple[str, ...] = (
    "owned_by", "used_by", "part_of", "delivers", "realized_by", "supports", "reads", "writes",
    "stewarded_by", "hosted_on", "located_in", "connected_to", "integrates", "protects", "affects",
    "replaces",
)

# Fields where naming the element itself makes no sense.
NO_SELF_REFERENCE: frozenset[str] = frozenset(
    {"parent", "located_in", "connected_to", "replaces", "distinct_from", "integrations", "owner"}
)


class Reference(NamedTuple):
    """One id written in one element: where (path), to what, and as which relation.

    A named tuple rather than a dataclass: hundreds of thousands are made per national model."""

    source: str
    path: tuple[str | int, ...]
    target: str
    edge: str | None
    targets: tuple[str, ...]
    field: str


def _fields_for(collection: str) -> list[RelationField]:
    return [
        r for r in RELATION_FIELDS
        if r.collection == collection or (r.collection == "*" and collection != "organizations")
    ]


_FIELDS_BY_COLLECTION: dict[str, list[RelationField]] = {c: _fields_for(c) for c in COLLECTIONS}


def iter_references(element: Element) -> Iterator[Reference]:
    """Every id this element writes, in field order; integrations give target, via and data."""
    for rel in _FIELDS_BY_COLLECTION[element.COLLECTION]:
        value = getattr(element, rel.field, None)
        if value is None:
            continue
        if isinstance(value, str):
            yield Reference(element.id, (rel.field,), value, rel.edge, rel.targets, rel.field)
        else:
            for i, target in enumerate(value):
                yield Reference(element.id, (rel.field, i), target, rel.edge, rel.targets, rel.field)
    if isinstance(element, Application):
        for i, integration in enumerate(element.integrations):
            yield Reference(
                element.id, ("integrations", i, "target"), integration.target, "integrates",
                ("applications",), "integrations",
            )
            if integration.via is not None:
                yield Reference(
                    element.id, ("integrations", i, "via"), integration.via, None,
                    ("infrastructure",), "integrations.via",
                )
            for j, data_id in enumerate(integration.data):
                yield Reference(
                    element.id, ("integrations", i, "data", j), data_id, None, ("data",),
                    "integrations.data",
                )


Relation = tuple[str, str, str, "str | None"]  # source, target, edge type, an integration's via (else None)


@dataclass(frozen=True)
class ReferenceScan:
    """What one pass over every reference of a workspace finds, without making a :class:`Reference` each.

    ``suspects`` are the elements (in workspace order) that write at least one reference a reference
    rule may report: an id of no element, an element of a collection the field does not take, the
    element itself, or an id repeated in one list. Every other element's references are all fine, so
    the rules read :func:`iter_references` of the suspects only. ``named`` holds, per field of
    :data:`RELATION_FIELDS` (and ``integrations``, ``integrations.via``, ``integrations.data``), every
    id written in it. ``relations`` holds, per edge type, the edges of the dependency graph without
    their attributes (sources in workspace order; :func:`spbe_arch.graph.graph_order` puts any of them
    in the graph's order), for the rules that need no graph algorithm.
    """

    suspects: list[Element]
    named: dict[str, set[str]]
    relations: dict[str, list[Relation]]


_DATA = frozenset({"data"})


def scan_references(workspace: Workspace) -> ReferenceScan:
    """The :class:`ReferenceScan` of ``workspace``: the same references as :func:`iter_references` of
    every element gives (a test holds them equal), read as whole lists, element by element (reading one
    field over all elements, then the next, is slower: it walks the memory of every element again)."""
    known = workspace.elements
    kinds = {**workspace.invalid_ids, **{i: e.COLLECTION for i, e in known.items()}}
    kind = kinds.get
    named: dict[str, set[str]] = {rel.field: set() for rel in RELATION_FIELDS}
    named.update({"integrations": set(), "integrations.via": set(), "integrations.data": set()})
    partners, vias, carried = named["integrations"], named["integrations.via"], named["integrations.data"]
    relations: dict[str, list[Relation]] = {edge: [] for edge in EDGE_TYPES}
    integrations = relations["integrates"]
    fields = {c: [(r.field, frozenset(r.targets), named[r.field], r.edge or "",
                   relations[r.edge].append if r.edge else None) for r in rels]
              for c, rels in _FIELDS_BY_COLLECTION.items()}
    suspects: list[Element] = []
    for element in known.values():
        own = element.id
        odd = False
        for name, targets, seen, edge, add in fields[element.COLLECTION]:
            value = getattr(element, name, None)
            if not value:
                continue
            if isinstance(value, str):
                seen.add(value)
                odd = odd or value == own or kind(value) not in targets
                if add is not None and value in known:
                    add((own, value, edge, None))
            else:
                seen.update(value)
                odd = (odd or own in value or (len(value) > 1 and len(set(value)) != len(value))
                       or not targets.issuperset(map(kind, value)))
                if add is not None:
                    for target in value:
                        if target in known:
                            add((own, target, edge, None))
        if isinstance(element, Application):
            for integration in element.integrations:
                target, via, data = integration.target, integration.via, integration.data
                partners.add(target)
                odd = odd or target == own or kind(target) != "applications"
                if target in known:
                    integrations.append((own, target, "integrates", via if via in known else None))
                if via is not None:
                    vias.add(via)
                    odd = odd or via == own or kind(via) != "infrastructure"
                if data:
                    carried.update(data)
                    odd = (odd or own in data or len(set(data)) != len(data)
                           or not _DATA.issuperset(map(kind, data)))
        if odd:
            suspects.append(element)
    return ReferenceScan(suspects, named, {edge: found for edge, found in relations.items() if found})
