"""``spbe impact``, ``spbe depends`` and ``spbe analyze`` in Bahasa Indonesia, for the architecture team
and the officials they brief: every element and OPD named by its name, never by its id, each chain
told with the relation in words."""

from __future__ import annotations

from spbe_arch.analysis import AnalysisReport
from spbe_arch.analysis.impact import ImpactEntry, ImpactReport
from spbe_arch.analysis.render import one_line
from spbe_arch.document.labels import EDGES
from spbe_arch.model import COLLECTION_LABELS
from spbe_arch.workspace import Workspace

SHOWN_STEPS = 6  # past this many steps a chain's middle is cut, so that the output stays linear


def _status(entry: ImpactEntry) -> str:
    return "" if entry.status == "aktif" else f" (status: {entry.status})"


class _Names:
    """Names of elements and OPDs, read once."""

    def __init__(self, report: ImpactReport, workspace: Workspace) -> None:
        self.workspace = workspace
        self.entries = {e.id: e for e in report.entries}
        self.entries[report.root.id] = report.root

    def name(self, element_id: str) -> str:
        entry = self.entries.get(element_id)
        return one_line(entry.name if entry is not None else self.workspace.display_name(element_id))

    def org(self, org_id: str) -> str:
        return one_line(self.workspace.display_name(org_id))


def _path(report: ImpactReport, names: _Names, entry: ImpactEntry) -> str:
    chain = [names.name(entry.id)]
    current = entry
    while current.via is not None and len(chain) < SHOWN_STEPS:
        chain.append(names.name(current.via))
        current = names.entries[current.via]
    if current.via is not None:
        hidden = entry.depth - len(chain)
        chain += [f"... ({hidden} elemen lain)"] if hidden > 0 else []
        chain.append(names.name(report.root.id))
    return " ← ".join(chain) if report.direction == "impact" else " → ".join(chain[::-1])


def impact_text_id(report: ImpactReport, workspace: Workspace) -> str:
    """What stops and what runs limited if the root stops (or, for ``depends``, what the root needs), per
    domain with the chain that links each element to the root, then per OPD."""
    names = _Names(report, workspace)
    root = report.root
    root_name = names.name(root.id)
    upstream = report.direction == "depends"
    depth = "" if report.depth is None else f" (kedalaman {report.depth} relasi)"
    head = (f"Kebutuhan {root_name} [{COLLECTION_LABELS[root.collection]}]{_status(root)}{depth}" if upstream
            else f"Dampak jika {root_name} [{COLLECTION_LABELS[root.collection]}] berhenti{_status(root)}{depth}")
    lines = [head]
    titles = {
        "stops": f"yang diperlukan (tanpanya {root_name} berhenti)" if upstream
        else f"berhenti jika {root_name} berhenti",
        "degraded": f"yang digunakan (tanpanya {root_name} berjalan terbatas)" if upstream
        else f"berjalan terbatas jika {root_name} berhenti",
    }
    for strength in ("stops", "degraded"):
        if report.strength not in (strength, "all"):
            continue
        groups = report.by_collection if strength == "stops" else report.degraded_by_collection
        count = sum(len(g.ids) for g in groups)
        counts = ", ".join(f"{len(g.ids)} {g.label}" for g in groups)
        lines += ["", f"{count} elemen {titles[strength]}" + (f": {counts}" if counts else "")]
        organizations = report.organizations if strength == "stops" else report.degraded_organizations
        if organizations:
            lines.append(f"  Perangkat daerah {'yang terlibat' if upstream else 'terdampak'} ({len(organizations)}): "
                         + ", ".join(names.org(o) for o in organizations))
        for group in groups:
            lines += ["", f"  {group.label} ({len(group.ids)})"]
            for element_id in group.ids:
                entry = names.entries[element_id]
                owner = f"  [{names.org(entry.owner)}]" if entry.owner else ""
                relation = EDGES.get(entry.relation or "", entry.relation or "")
                lines.append(f"    {names.name(entry.id)}{owner}{_status(entry)}")
                lines.append(f"        {_path(report, names, entry)}" + (f"  (relasi: {relation})" if relation else ""))
    for strength, groups in (("berhenti", report.by_organization), ("terbatas", report.degraded_by_organization)):
        if groups:
            lines += ["", f"Per perangkat daerah ({strength})"]
            for group in groups:
                label = one_line(group.label) if group.key else "tanpa pemilik"
                lines.append(f"  {label}: {len(group.ids)}: {', '.join(names.name(x) for x in group.ids)}")
    if report.truncated:
        lines += ["", f"(masih ada elemen lain di luar kedalaman {report.depth} relasi)"]
    return "\n".join(lines) + "\n"


def _listing(names: list[str], shown: int = 12) -> str:
    """A list cut to its first ``shown`` names, saying how many more there are (JSON has them all)."""
    more = f", ... ({len(names) - shown} lainnya)" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


_CYCLES = {"dependency": "ketergantungan", "hierarchy": "hierarki"}


def analysis_text_id(report: AnalysisReport, workspace: Workspace) -> str:
    """``spbe analyze`` in Bahasa Indonesia: one section per analysis that was run, by name."""

    def name(element_id: str) -> str:
        return one_line(workspace.display_name(element_id))

    lines = [f"{one_line(report.government)}: {report.elements} elemen, {report.relations} relasi"]
    if report.single_points_of_failure is not None:
        lines += ["", f"Titik kegagalan tunggal ({len(report.single_points_of_failure)})"]
        for i, spof in enumerate(report.single_points_of_failure, 1):
            mark = "; titik artikulasi" if spof.articulation_point else ""
            kind = COLLECTION_LABELS.get(spof.collection, spof.collection)
            lines.append(f"  {i}. {one_line(spof.name)} [{kind}{mark}]: menghentikan {len(spof.services)} layanan, "
                         f"{spof.elements} elemen, {len(spof.organizations)} perangkat daerah")
            lines.append(f"      layanan: {_listing([name(s) for s in spof.services])}")
            lines.append(f"      perangkat daerah: {_listing([name(o) for o in spof.organizations])}")
    if report.cycles is not None:
        lines += ["", f"Siklus ({len(report.cycles)})"]
        for cycle in report.cycles:
            steps = " → ".join(name(x) for x in cycle.cycle)
            size = f"  ({len(cycle.members)} elemen)" if len(cycle.members) > len(cycle.cycle) - 1 else ""
            lines.append(f"  {_CYCLES.get(cycle.kind, cycle.kind)}: {steps}{size}")
    if report.orphans is not None:
        lines += ["", f"Elemen tanpa relasi ({len(report.orphans)})"]
        lines += [f"  {one_line(o.name)} [{COLLECTION_LABELS[o.collection]}]" for o in report.orphans]
    if report.most_connected is not None:
        lines += ["", f"Aplikasi dengan relasi terbanyak ({len(report.most_connected)})"]
        for app in report.most_connected:
            detail = ", ".join(f"{EDGES.get(k, k)} {v}" for k, v in app.relations.items())
            lines.append(f"  {one_line(app.name)}: {app.connections} relasi ({detail})")
    if report.opd_dependencies is not None:
        lines += ["", f"Ketergantungan perangkat daerah pada aplikasi perangkat daerah lain "
                      f"({len(report.opd_dependencies)})"]
        for dep in report.opd_dependencies:
            lines.append(f"  {one_line(dep.label)}: {dep.applications} aplikasi dari {len(dep.depends_on)} perangkat "
                         "daerah lain")
            lines += [f"      {one_line(link.label)}: {', '.join(name(a) for a in link.applications)}"
                      for link in dep.depends_on]
    return "\n".join(lines) + "\n"
