"""Every relation of the workspace format in one table: which field points to which collections.

Validation (dangling and mistyped references), the graph, the diff and the exchange formats all
read this table, so a new relation is added here once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spbe_arch.model import COLLECTIONS, Application, Element

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
