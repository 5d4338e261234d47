"""``spbe impact`` and ``spbe depends`` for a terminal, in English (elements by id, for whoever edits the
YAML) or in Bahasa Indonesia (elements and OPDs by name, for the officials the team briefs): one layout,
a table of texts per language, as ``render.analysis_text``. What stops, then what runs degraded, per
domain with the chain that links each element to the root, then per OPD."""

from __future__ import annotations

from spbe_arch.analysis.impact import ImpactEntry, ImpactReport
from spbe_arch.analysis.render import one_line
from spbe_arch.document.labels import EDGES
from spbe_arch.model import COLLECTION_LABELS
from spbe_arch.workspace import Workspace

SHOWN_STEPS = 6  # past this many steps a chain's middle is cut, so that the output stays linear

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "head_impact": "impact of {id}: {name} [{kind}]{status}{depth}",
        "head_depends": "depends of {id}: {name} [{kind}]{status}{depth}",
        "depth": " (depth {n})",
        "status": " ({status})",
        "stops_impact": "{n} element(s) stop if it stops",
        "degraded_impact": "{n} element(s) run degraded if it stops",
        "stops_depends": "{n} element(s) needed by it: it stops without them",
        "degraded_depends": "{n} element(s) used by it: it runs degraded without them",
        "organizations_impact": "  OPDs hit ({n}): {items}",
        "organizations_depends": "  OPDs involved ({n}): {items}",
        "entry": "    {id}  {name}{owner}{status}",
        "arrow_impact": " <- ",
        "arrow_depends": " <- ",
        "relation": "  ({relation})",
        "more": "... ({n} more)",
        "per_org_stops": "Per OPD (stop)",
        "per_org_degraded": "Per OPD (degraded)",
        "org_line": "  {label}{key}: {n}: {items}",
        "truncated": "(more elements lie beyond depth {depth})",
    },
    "id": {
        "head_impact": "Dampak jika {name} [{kind}] berhenti{status}{depth}",
        "head_depends": "Kebutuhan {name} [{kind}]{status}{depth}",
        "depth": " (kedalaman {n} relasi)",
        "status": " (status: {status})",
        "stops_impact": "{n} elemen berhenti jika {root} berhenti",
        "degraded_impact": "{n} elemen berjalan terbatas jika {root} berhenti",
        "stops_depends": "{n} elemen yang diperlukan (tanpanya {root} berhenti)",
        "degraded_depends": "{n} elemen yang digunakan (tanpanya {root} berjalan terbatas)",
        "organizations_impact": "  Perangkat daerah terdampak ({n}): {items}",
        "organizations_depends": "  Perangkat daerah yang terlibat ({n}): {items}",
        "entry": "    {name}{owner}{status}",
        "arrow_impact": " ← ",
        "arrow_depends": " → ",
        "relation": "  (relasi: {relation})",
        "more": "... ({n} elemen lain)",
        "per_org_stops": "Per perangkat daerah (berhenti)",
        "per_org_degraded": "Per perangkat daerah (terbatas)",
        "org_line": "  {label}: {n}: {items}",
        "truncated": "(masih ada elemen lain di luar kedalaman {depth} relasi)",
    },
}


def impact_text(report: ImpactReport, workspace: Workspace | None = None, language: str = "en") -> str:
    """The report for a terminal; ``language`` ``id`` (which needs the workspace, for names) names every
    element and OPD by its name."""
    if language == "id" and workspace is None:
        raise ValueError("the Indonesian text names elements by name: give the workspace")
    indonesian = language == "id" and workspace is not None
    text = _TEXT["id" if indonesian else "en"]
    entries = {e.id: e for e in [*report.entries, report.root]}
    labels = {g.key: g.label for g in [*report.by_organization, *report.degraded_by_organization]}
    direction = report.direction

    def element(element_id: str) -> str:  # an element in a list or a chain
        if not indonesian or workspace is None:
            return element_id
        entry = entries.get(element_id)
        return one_line(entry.name if entry is not None else workspace.display_name(element_id))

    def organization(org_id: str) -> str:  # an OPD in a list: by id in English, as the JSON has it
        return one_line(workspace.display_name(org_id)) if indonesian and workspace is not None else org_id

    def owner_label(org_id: str) -> str:  # the owner beside an element: its label in English, its name in Indonesian
        return organization(org_id) if indonesian else one_line(labels.get(org_id, org_id))

    def status(entry: ImpactEntry) -> str:
        return "" if entry.status == "aktif" else text["status"].format(status=entry.status)

    def path(entry: ImpactEntry) -> str:
        chain = [element(entry.id)]
        current = entry
        while current.via is not None and len(chain) < SHOWN_STEPS:
            chain.append(element(current.via))
            current = entries[current.via]
        if current.via is not None:
            hidden = entry.depth - len(chain)
            chain += [text["more"].format(n=hidden)] if hidden > 0 else []
            chain.append(element(report.root.id))
        return text[f"arrow_{direction}"].join(chain if direction == "impact" else chain[::-1])

    root = report.root
    lines = [text[f"head_{direction}"].format(
        id=root.id, name=one_line(root.name), kind=COLLECTION_LABELS[root.collection], status=status(root),
        depth="" if report.depth is None else text["depth"].format(n=report.depth))]
    for strength in ("stops", "degraded"):
        if report.strength not in (strength, "all"):
            continue
        groups = report.by_collection if strength == "stops" else report.degraded_by_collection
        counts = ", ".join(f"{len(g.ids)} {g.label}" for g in groups)
        title = text[f"{strength}_{direction}"].format(n=sum(len(g.ids) for g in groups), root=element(root.id))
        lines += ["", title + (f": {counts}" if counts else "")]
        organizations = report.organizations if strength == "stops" else report.degraded_organizations
        if organizations:
            lines.append(text[f"organizations_{direction}"].format(
                n=len(organizations), items=", ".join(organization(o) for o in organizations)))
        for group in groups:
            lines += ["", f"  {group.label} ({len(group.ids)})"]
            for element_id in group.ids:
                entry = entries[element_id]
                owner = f"  [{owner_label(entry.owner)}]" if entry.owner else ""
                lines.append(text["entry"].format(id=entry.id, name=one_line(entry.name), owner=owner,
                                                  status=status(entry)))
                relation = EDGES.get(entry.relation or "", entry.relation) if indonesian else entry.relation
                lines.append(f"        {path(entry)}" + text["relation"].format(relation=relation))
    for strength, org_groups in (("stops", report.by_organization), ("degraded", report.degraded_by_organization)):
        if org_groups:
            lines += ["", text[f"per_org_{strength}"]]
            for g in org_groups:
                label = one_line(g.label) if g.key or not indonesian else "tanpa pemilik"
                lines.append(text["org_line"].format(label=label, key=f" ({g.key})" if g.key else "", n=len(g.ids),
                                                     items=", ".join(element(x) for x in g.ids)))
    if report.truncated:
        lines += ["", text["truncated"].format(depth=report.depth)]
    return "\n".join(lines) + "\n"
