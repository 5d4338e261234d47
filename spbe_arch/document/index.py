"""Lookups the document's tables share: reverse relations, OPD order and labels, hosting sites."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TypeVar

from spbe_arch.document.labels import ORGANIZATION_ORDER
from spbe_arch.document.tables import Cell, cell
from spbe_arch.model import Application, Element, Infrastructure, Organization
from spbe_arch.workspace import Workspace

E = TypeVar("E", bound=Element)
UNKNOWN_OWNER = "Pemilik tidak terdaftar"


class ModelIndex:
    """Derived views of one workspace, computed once and shared by every chapter."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- organizations ----------------------------------------------------------------------
    @cached_property
    def organizations(self) -> list[Organization]:
        """Every organization in the order Pemda documents list them (kind, then name)."""
        return sorted(self.ws.organizations, key=lambda o: (ORGANIZATION_ORDER.get(o.kind, 99), o.name.lower(), o.id))

    @cached_property
    def opd(self) -> list[Organization]:
        """The government's own units (central agencies left out)."""
        return [o for o in self.organizations if not o.central]

    @cached_property
    def org_rank(self) -> dict[str, int]:
        return {o.id: i for i, o in enumerate(self.organizations)}

    def org_title(self, org_id: str | None) -> str:
        """An OPD as a group heading: full name with its short name."""
        if org_id is None:
            return UNKNOWN_OWNER
        org = self.ws.get(org_id)
        if not isinstance(org, Organization):
            return f"{UNKNOWN_OWNER} ({org_id})"
        if org.short_name and org.short_name.lower() != org.name.lower():
            return f"{org.name} ({org.short_name})"
        return org.name

    def org_label(self, org_id: str | None) -> str:
        """An OPD in a cell: its short name when it has one."""
        if org_id is None:
            return "-"
        org = self.ws.get(org_id)
        return org.label if isinstance(org, Organization) else org_id

    def by_owner(self, elements: Iterable[E]) -> list[tuple[str | None, list[E]]]:
        """Elements grouped by owning OPD, OPDs in document order, elements by name within each."""
        groups: dict[str | None, list[E]] = defaultdict(list)
        for element in elements:
            groups[element.owner_id].append(element)
        rank = self.org_rank

        def key(owner: str | None) -> tuple[int, str]:
            return (rank.get(owner, len(rank)) if owner is not None else len(rank) + 1, owner or "")

        return [(owner, sorted(groups[owner], key=name_key)) for owner in sorted(groups, key=key)]

    # -- names ------------------------------------------------------------------------------
    def name(self, element_id: str) -> str:
        element = self.ws.get(element_id)
        if element is None:
            return element_id
        if isinstance(element, Application | Organization):
            return element.label
        return element.name

    def ref(self, element_id: str) -> Cell:
        """A cell naming an element, linked to it when it exists."""
        return cell(self.name(element_id), element_id if element_id in self.ws.elements else None)

    def names(self, ids: Sequence[str], missing: str = "-") -> str:
        return ", ".join(self.name(i) for i in ids) if ids else missing

    # -- reverse relations ------------------------------------------------------------------
    @cached_property
    def supported_by(self) -> dict[str, list[str]]:
        """Process id -> applications that support it."""
        result: dict[str, list[str]] = defaultdict(list)
        for app in sorted(self.ws.applications, key=name_key):
            for process in app.supports:
                result[process].append(app.id)
        return result

    @cached_property
    def delivered_by(self) -> dict[str, list[str]]:
        """Service id -> processes that deliver it."""
        result: dict[str, list[str]] = defaultdict(list)
        for process in sorted(self.ws.processes, key=name_key):
            for service in process.services:
                result[service].append(process.id)
        return result

    @cached_property
    def writers(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = defaultdict(list)
        for app in sorted(self.ws.applications, key=name_key):
            for data_id in dict.fromkeys(app.writes):
                result[data_id].append(app.id)
        return result

    @cached_property
    def readers(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = defaultdict(list)
        for app in sorted(self.ws.applications, key=name_key):
            for data_id in dict.fromkeys(app.reads):
                result[data_id].append(app.id)
        return result

    @cached_property
    def hosted(self) -> dict[str, list[str]]:
        """Infrastructure id -> applications hosted directly on it."""
        result: dict[str, list[str]] = defaultdict(list)
        for app in sorted(self.ws.applications, key=name_key):
            for infra in dict.fromkeys(app.hosted_on):
                result[infra].append(app.id)
        return result

    @cached_property
    def protected_by(self) -> dict[str, list[str]]:
        """Element id -> security controls that protect it."""
        result: dict[str, list[str]] = defaultdict(list)
        for control in sorted(self.ws.security, key=name_key):
            for target in dict.fromkeys(control.protects):
                result[target].append(control.id)
        return result

    @cached_property
    def affected_by(self) -> dict[str, list[str]]:
        """Element id -> roadmap activities that affect it."""
        result: dict[str, list[str]] = defaultdict(list)
        for activity in sorted(self.ws.roadmap, key=lambda a: (a.year, a.name.lower(), a.id)):
            for target in dict.fromkeys(activity.affects):
                result[target].append(activity.id)
        return result

    # -- infrastructure ---------------------------------------------------------------------
    def site(self, infra_id: str) -> str | None:
        """The data centre or cloud an infrastructure element sits in, following ``located_in``."""
        for element in self.ws.lineage(infra_id, "located_in"):
            if isinstance(element, Infrastructure) and element.kind in ("pusat-data", "komputasi-awan"):
                return element.id
        return None

    def hosting_text(self, app: Application) -> str:
        """Where an application runs: the data centres of its hosts (a host outside any data centre by name)."""
        places = [self.site(infra_id) or infra_id for infra_id in app.hosted_on]
        return ", ".join(self.name(p) for p in dict.fromkeys(places)) if places else "-"


def name_key(element: Element) -> tuple[str, str]:
    return (element.name.lower(), element.id)
