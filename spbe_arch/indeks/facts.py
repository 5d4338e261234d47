"""Facts of the model that Indeks evidence counts, computed once per workspace."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spbe_arch.model import Application, Infrastructure, Organization
from spbe_arch.workspace import Workspace

RUNNING = ("aktif", "pengembangan")
SITES = ("pusat-data", "komputasi-awan")



def norm(text: str) -> str:
    """Lower case, letters and digits only: how acronyms and names are compared."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@dataclass(frozen=True)
class Link:
    """An integration between applications of two different OPDs."""

    source: str
    target: str
    index: int
    via_splp: bool


@dataclass
class ModelFacts:
    workspace: Workspace

    @cached_property
    def opds(self) -> list[Organization]:
        """The Pemda's perangkat daerah (PP 18/2016: secretariats, inspectorate, dinas, badan, kecamatan;
        the RSUD and Satpol PP as the model lists them): not their units (bagian, UPTD, kelurahan), not the
        villages an inventory lists as owners of their websites, not central agencies."""
        return [o for o in self.workspace.organizations if o.perangkat_daerah and o.status != "dihentikan"]

    @cached_property
    def opd_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.opds)

    @cached_property
    def pemda_ids(self) -> frozenset[str]:
        """The Pemda's organizations of every kind (units and villages too), not central agencies."""
        return frozenset(o.id for o in self.workspace.organizations if not o.central)

    @cached_property
    def running_apps(self) -> list[Application]:
        return [a for a in self.workspace.applications if a.status in RUNNING]

    @cached_property
    def local_apps(self) -> list[Application]:
        return [a for a in self.running_apps if a.source == "lokal"]

    @cached_property
    def inter_opd_links(self) -> list[Link]:
        ws = self.workspace
        links = []
        for app in self.running_apps:
            for index, integration in enumerate(app.integrations):
                other = ws.get(integration.target)
                if other is None or other.owner_id in (None, app.owner):
                    continue
                via = ws.get(integration.via) if integration.via else None
                links.append(Link(app.id, integration.target, index,
                                  isinstance(via, Infrastructure) and via.kind == "splp"))
        return links

    @cached_property
    def has_splp(self) -> bool:
        return any(i.kind == "splp" for i in self.workspace.infrastructure)

    def site_of(self, infra_id: str) -> Infrastructure | None:
        """The outermost data centre or cloud that ``infra_id`` is, or sits in (``located_in``)."""
        ws = self.workspace
        seen: set[str] = set()
        found: Infrastructure | None = None
        current: str | None = infra_id
        while current is not None and current not in seen:
            seen.add(current)
            element = ws.get(current)
            if not isinstance(element, Infrastructure):
                break
            if element.kind in SITES:
                found = element
            current = element.located_in
        return found

    @cached_property
    def app_sites(self) -> dict[str, list[Infrastructure]]:
        result: dict[str, list[Infrastructure]] = {}
        for app in self.local_apps:
            sites = [s for s in (self.site_of(h) for h in app.hosted_on) if s is not None]
            result[app.id] = sites
        return result

    @cached_property
    def national_sites(self) -> set[str]:
        return {i.id for i in self.workspace.infrastructure
                if i.kind in SITES and ((i.reference or "").startswith("RAI.01.01")
                                        or "pusat data nasional" in i.name.casefold())}

    @cached_property
    def consolidated_sites(self) -> set[str]:
        """Data centres hosting the applications of two or more OPDs (or a national one)."""
        owners: dict[str, set[str]] = {}
        for app in self.local_apps:
            for site in self.app_sites[app.id]:
                owners.setdefault(site.id, set()).add(app.owner)
        return {s for s, o in owners.items() if len(o) >= 2} | self.national_sites

    @cached_property
    def _by_label(self) -> dict[str, list[Application]]:
        """Applications in use by normalised acronym and name; a name that is only an address also by the
        words that name the system (``jdih.x.go.id`` is JDIH, ``sakip.x.go.id`` SAKIP)."""
        from spbe_arch.duplicates.systems import is_address, on_unit_host

        result: dict[str, list[Application]] = {}
        for app in self.workspace.applications:
            if app.status != "dihentikan":
                # not on an OPD's subdomain: lapor.disnakertrans.x.go.id is that OPD's, not SP4N-LAPOR!
                system = self.system_label(app) if is_address(app.name) and not on_unit_host(app.name) else ""
                for label in {norm(app.acronym or ""), norm(app.name), system} - {""}:
                    result.setdefault(label, []).append(app)
        return result

    @staticmethod
    def system_label(app: Application) -> str:
        """The normalised words that name the system (an address reduced to them)."""
        from spbe_arch.duplicates.systems import name_text

        return norm(name_text(app.name))

    def national_apps(self, names: tuple[str, ...]) -> list[Application]:
        """Applications of the model named by one of ``names`` (acronym or name), or that the duplicate
        finder's reading recognises as that national application (``x.sipd.kemendagri.go.id``, the
        Pemda's LPSE for SPSE), in model order."""
        from spbe_arch.duplicates.features import national_instances

        instances = national_instances(self.workspace)
        found = {a.id: a for n in names for a in self._by_label.get(norm(n), [])}
        found.update((a.id, a) for n in names for a in instances.get(n.casefold(), []))
        return sorted(found.values(), key=lambda a: self._order[a.id])

    @cached_property
    def _order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.workspace.applications)}

    @cached_property
    def national_copies(self) -> list[tuple[Application, str]]:
        """Local applications in use that copy a national application: (application, national name)."""
        from spbe_arch.duplicates.features import national_copies

        return [(app, function.national) for app, function, _ in national_copies(self.workspace)]
