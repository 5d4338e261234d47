"""Counts of a workspace: per collection, per OPD, and reference-code coverage per domain."""

from __future__ import annotations

from pydantic import BaseModel

from spbe_arch.model import COLLECTIONS, Organization
from spbe_arch.reference import CODE_RE, COLLECTION_DOMAIN, Catalogue
from spbe_arch.workspace import Workspace


class Coverage(BaseModel):
    domain: str
    collection: str
    elements: int
    with_code: int
    valid_codes: int
    distinct_codes: int
    percent: float


class OrganizationCounts(BaseModel):
    id: str
    name: str
    counts: dict[str, int]


class Stats(BaseModel):
    government: str
    elements: int
    relations: int
    counts: dict[str, int]
    by_status: dict[str, int]
    organizations: list[OrganizationCounts]
    coverage: list[Coverage]


def compute_stats(workspace: Workspace, catalogue: Catalogue) -> Stats:
    from spbe_arch.relations import iter_references

    counts = {c: len(workspace.collection(c)) for c in COLLECTIONS}
    by_status: dict[str, int] = {}
    per_org: dict[str, dict[str, int]] = {o.id: {} for o in workspace.organizations}
    relations = 0
    for element in workspace.iter_elements():
        by_status[element.status] = by_status.get(element.status, 0) + 1
        relations += sum(1 for r in iter_references(element) if r.edge is not None)
        owner = element.owner_id
        if owner in per_org:
            per_org[owner][element.COLLECTION] = per_org[owner].get(element.COLLECTION, 0) + 1
    orgs = [
        OrganizationCounts(id=o.id, name=o.name, counts=dict(sorted(per_org[o.id].items())))
        for o in workspace.organizations
        if isinstance(o, Organization)
    ]
    coverage = []
    for collection, domain in COLLECTION_DOMAIN.items():
        elements = workspace.collection(collection)
        coded = [e.reference for e in elements if e.reference]
        valid = [c for c in coded if c and CODE_RE.match(c) and c in catalogue and c.startswith(domain)]
        coverage.append(Coverage(
            domain=domain, collection=collection, elements=len(elements), with_code=len(coded),
            valid_codes=len(valid), distinct_codes=len(set(valid)),
            percent=round(100.0 * len(valid) / len(elements), 1) if elements else 0.0,
        ))
    return Stats(
        government=workspace.manifest.government.name, elements=len(workspace.elements), relations=relations,
        counts=counts, by_status=dict(sorted(by_status.items())), organizations=orgs, coverage=coverage,
    )


def stats_text(stats: Stats) -> str:
    lines = [f"{stats.government}: {stats.elements} elements, {stats.relations} relations", ""]
    width = max(len(c) for c in stats.counts)
    lines += [f"  {c:<{width}}  {n:>6}" for c, n in stats.counts.items()]
    lines += ["", "Reference-code coverage:"]
    for cov in stats.coverage:
        lines.append(f"  {cov.domain} {cov.collection:<{width}}  {cov.valid_codes:>5}/{cov.elements:<5} "
                     f"{cov.percent:5.1f}%  ({cov.distinct_codes} distinct codes)")
    lines += ["", "Per organization (processes/services/data/applications/infrastructure):"]
    for org in stats.organizations:
        c = org.counts
        row = "/".join(str(c.get(k, 0)) for k in ("processes", "services", "data", "applications", "infrastructure"))
        lines.append(f"  {org.id:<28} {row}")
    return "\n".join(lines) + "\n"
