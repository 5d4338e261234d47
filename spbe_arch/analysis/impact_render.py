"""``spbe impact`` and ``spbe depends`` for a terminal, in English (elements by id, for whoever edits the
YAML) or in Bahasa Indonesia (elements and OPDs by name, for the officials the team briefs): one layout,
two voices. What stops, then what runs degraded, per domain with the chain that links each element to
the root, then per OPD."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spbe_arch.analysis.impact import ImpactEntry, ImpactReport
from spbe_arch.analysis.render import one_line
from spbe_arch.document.labels import EDGES
from spbe_arch.model import COLLECTION_LABELS
from spbe_arch.workspace import Workspace

SHOWN_STEPS = 6  # past this many steps a chain's middle is cut, so that the output stays linear


@dataclass(frozen=True)
class _Voice:
    head: Callable[[ImpactReport, str], str]  # (report, status) -> first line
    title: Callable[[ImpactReport, str], str]  # (report, strength) -> what the section counts
    elements: str  # "element(s)"
    organizations: Callable[[bool, int], str]  # (upstream, count) -> the OPDs line's label
    org: Callable[[str], str]  # how an OPD is named in lists
    entry: Callable[[ImpactEntry, str], str]  # (entry, owner) -> the line of one element
    step: Callable[[str], str]  # how an element is named in a chain
    arrows: tuple[str, str]  # the chain's joiner for impact, for depends
    relation: Callable[[str | None], str]
    more: Callable[[int], str]  # the cut middle of a chain
    status: Callable[[ImpactEntry], str]
    per_org: dict[str, str]  # strength -> the per-OPD heading
    group: Callable[[str, str, list[str]], str]  # (key, label, ids) -> one OPD's line
    truncated: Callable[[int | None], str]


def _english(report: ImpactReport) -> _Voice:
    labels = {g.key: g.label for g in [*report.by_organization, *report.degraded_by_organization]}
    upstream = report.direction == "depends"
    return _Voice(
        head=lambda r, status: f"{r.direction} of {r.root.id}: {one_line(r.root.name)} "
                               f"[{COLLECTION_LABELS[r.root.collection]}]{status}"
                               + ("" if r.depth is None else f" (depth {r.depth})"),
        title=lambda r, strength: {
            "stops": "needed by it: it stops without them" if upstream else "stop if it stops",
            "degraded": "used by it: it runs degraded without them" if upstream else "run degraded if it stops",
        }[strength],
        elements="element(s)",
        organizations=lambda up, n: f"OPDs {'involved' if up else 'hit'} ({n})",
        org=lambda org_id: org_id,
        entry=lambda e, owner: f"{e.id}  {one_line(e.name)}" + (f"  [{one_line(labels.get(owner, owner))}]"
                                                                  if owner else ""),
        step=lambda element_id: element_id,
        arrows=(" <- ", " <- "),
        relation=lambda relation: f"  ({relation})",
        more=lambda hidden: f"... ({hidden} more)",
        status=lambda e: "" if e.status == "aktif" else f" ({e.status})",
        per_org={"stops": "Per OPD (stop)", "degraded": "Per OPD (degraded)"},
        group=lambda key, label, ids: f"{one_line(label)}{f' ({key})' if key else ''}: {len(ids)}: {', '.join(ids)}",
        truncated=lambda depth: f"(more elements lie beyond depth {depth})",
    )


def _indonesian(report: ImpactReport, workspace: Workspace) -> _Voice:
    entries = {e.id: e for e in [*report.entries, report.root]}

    def name(element_id: str) -> str:
        entry = entries.get(element_id)
        return one_line(entry.name if entry is not None else workspace.display_name(element_id))

    def org(org_id: str) -> str:
        return one_line(workspace.display_name(org_id))

    root = name(report.root.id)
    upstream = report.direction == "depends"
    kind = COLLECTION_LABELS[report.root.collection]
    return _Voice(
        head=lambda r, status: (f"Kebutuhan {root} [{kind}]{status}" if upstream
                                else f"Dampak jika {root} [{kind}] berhenti{status}")
                               + ("" if r.depth is None else f" (kedalaman {r.depth} relasi)"),
        title=lambda r, strength: {
            "stops": f"yang diperlukan (tanpanya {root} berhenti)" if upstream else f"berhenti jika {root} berhenti",
            "degraded": f"yang digunakan (tanpanya {root} berjalan terbatas)" if upstream
            else f"berjalan terbatas jika {root} berhenti",
        }[strength],
        elements="elemen",
        organizations=lambda up, n: f"Perangkat daerah {'yang terlibat' if up else 'terdampak'} ({n})",
        org=org,
        entry=lambda e, owner: name(e.id) + (f"  [{org(owner)}]" if owner else ""),
        step=name,
        arrows=(" ← ", " → "),
        relation=lambda relation: f"  (relasi: {EDGES.get(relation, relation)})" if relation else "",
        more=lambda hidden: f"... ({hidden} elemen lain)",
        status=lambda e: "" if e.status == "aktif" else f" (status: {e.status})",
        per_org={"stops": "Per perangkat daerah (berhenti)", "degraded": "Per perangkat daerah (terbatas)"},
        group=lambda key, label, ids: f"{one_line(label) if key else 'tanpa pemilik'}: {len(ids)}: "
                                      f"{', '.join(name(x) for x in ids)}",
        truncated=lambda depth: f"(masih ada elemen lain di luar kedalaman {depth} relasi)",
    )


def _path(report: ImpactReport, entries: dict[str, ImpactEntry], entry: ImpactEntry, voice: _Voice) -> str:
    """The chain of an entry; past ``SHOWN_STEPS`` steps its middle is cut, so the output stays linear."""
    chain = [voice.step(entry.id)]
    current = entry
    while current.via is not None and len(chain) < SHOWN_STEPS:
        chain.append(voice.step(current.via))
        current = entries[current.via]
    if current.via is not None:
        hidden = entry.depth - len(chain)
        chain += [voice.more(hidden)] if hidden > 0 else []
        chain.append(voice.step(report.root.id))
    if report.direction == "impact":
        return voice.arrows[0].join(chain)
    return voice.arrows[1].join(chain[::-1])


def impact_text(report: ImpactReport, workspace: Workspace | None = None, language: str = "en") -> str:
    """The report for a terminal; ``language`` ``id`` (which needs the workspace, for names) names every
    element and OPD by its name."""
    if language == "id" and workspace is None:
        raise ValueError("the Indonesian text names elements by name: give the workspace")
    voice = _indonesian(report, workspace) if language == "id" and workspace is not None else _english(report)
    entries = {e.id: e for e in [*report.entries, report.root]}
    upstream = report.direction == "depends"
    lines = [voice.head(report, voice.status(report.root))]
    for strength in ("stops", "degraded"):
        if report.strength not in (strength, "all"):
            continue
        groups = report.by_collection if strength == "stops" else report.degraded_by_collection
        count = sum(len(g.ids) for g in groups)
        counts = ", ".join(f"{len(g.ids)} {g.label}" for g in groups)
        lines += ["", f"{count} {voice.elements} {voice.title(report, strength)}" + (f": {counts}" if counts else "")]
        organizations = report.organizations if strength == "stops" else report.degraded_organizations
        if organizations:
            lines.append(f"  {voice.organizations(upstream, len(organizations))}: "
                         + ", ".join(voice.org(o) for o in organizations))
        for group in groups:
            lines += ["", f"  {group.label} ({len(group.ids)})"]
            for element_id in group.ids:
                entry = entries[element_id]
                lines.append(f"    {voice.entry(entry, entry.owner or '')}{voice.status(entry)}")
                lines.append(f"        {_path(report, entries, entry, voice)}{voice.relation(entry.relation)}")
    for strength, org_groups in (("stops", report.by_organization), ("degraded", report.degraded_by_organization)):
        if org_groups:
            lines += ["", voice.per_org[strength]]
            lines += [f"  {voice.group(g.key, g.label, g.ids)}" for g in org_groups]
    if report.truncated:
        lines += ["", voice.truncated(report.depth)]
    return "\n".join(lines) + "\n"
