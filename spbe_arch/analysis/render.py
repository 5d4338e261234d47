"""Text renderers of the analysis results (JSON is the models' own ``model_dump_json``)."""

from __future__ import annotations

from spbe_arch.analysis import AnalysisReport
from spbe_arch.analysis.impact import ImpactEntry, ImpactReport
from spbe_arch.model import COLLECTION_LABELS


def one_line(text: str) -> str:
    """Model text on one terminal line: line breaks and other control characters become spaces."""
    return "".join(c if c.isprintable() else " " for c in text)


def _some(ids: list[str], shown: int = 12) -> str:
    """A list of ids cut to its first ``shown``, saying how many more there are (JSON has them all)."""
    more = f", ... ({len(ids) - shown} more)" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def _status(entry: ImpactEntry) -> str:
    return "" if entry.status == "aktif" else f" ({entry.status})"


def _path_text(report: ImpactReport, steps: dict[str, ImpactEntry], entry: ImpactEntry, shown: int = 6) -> str:
    """The chain of an entry; past ``shown`` steps its middle is cut, so the output stays linear."""
    chain = [entry.id]
    current = entry
    while current.via is not None and len(chain) < shown:
        chain.append(current.via)
        current = steps[current.via]
    if current.via is not None:
        hidden = entry.depth - len(chain)
        chain += [f"... ({hidden} more)"] if hidden > 0 else []
        chain.append(report.root.id)
    return " <- ".join(chain if report.direction == "impact" else chain[::-1])


def _section(report: ImpactReport, strength: str, org_labels: dict[str, str]) -> list[str]:
    groups = report.by_collection if strength == "stops" else report.degraded_by_collection
    entries = {e.id: e for e in report.entries}
    entries[report.root.id] = report.root
    lines: list[str] = []
    for group in groups:
        lines += ["", f"  {group.label} ({len(group.ids)})"]
        for element_id in group.ids:
            entry = entries[element_id]
            owner = f"  [{one_line(org_labels.get(entry.owner or '', entry.owner or ''))}]" if entry.owner else ""
            lines.append(f"    {entry.id}  {one_line(entry.name)}{owner}{_status(entry)}")
            lines.append(f"        {_path_text(report, entries, entry)}  ({entry.relation})")
    return lines


def impact_text(report: ImpactReport) -> str:
    """``spbe impact`` / ``spbe depends`` for a terminal: what stops, then what is degraded, per domain
    with the chain that links each element to the root, then per OPD."""
    root = report.root
    org_labels = {g.key: g.label for g in [*report.by_organization, *report.degraded_by_organization]}
    upstream = report.direction == "depends"
    limit = "" if report.depth is None else f" (depth {report.depth})"
    lines = [f"{report.direction} of {root.id}: {one_line(root.name)} [{COLLECTION_LABELS[root.collection]}]"
             f"{_status(root)}{limit}"]
    titles = {
        "stops": "needed by it: it stops without them" if upstream else "stop if it stops",
        "degraded": "used by it: it runs degraded without them" if upstream else "run degraded if it stops",
    }
    for strength in ("stops", "degraded"):
        if report.strength not in (strength, "all"):
            continue
        groups = report.by_collection if strength == "stops" else report.degraded_by_collection
        count = sum(len(g.ids) for g in groups)
        counts = ", ".join(f"{len(g.ids)} {g.label}" for g in groups)
        lines += ["", f"{count} element(s) {titles[strength]}" + (f": {counts}" if counts else "")]
        organizations = report.organizations if strength == "stops" else report.degraded_organizations
        if organizations:
            lines.append(f"  OPDs {'involved' if upstream else 'hit'} ({len(organizations)}): "
                         + ", ".join(organizations))
        lines += _section(report, strength, org_labels)
    for strength, groups in (("stop", report.by_organization), ("degraded", report.degraded_by_organization)):
        if groups:
            lines += ["", f"Per OPD ({strength})"]
            for group in groups:
                key = f" ({group.key})" if group.key else ""
                lines.append(f"  {one_line(group.label)}{key}: {len(group.ids)}: {', '.join(group.ids)}")
    if report.truncated:
        lines += ["", f"(more elements lie beyond depth {report.depth})"]
    return "\n".join(lines) + "\n"


def analysis_text(report: AnalysisReport) -> str:
    """``spbe analyze`` for a terminal: one section per analysis that was run."""
    lines = [f"{one_line(report.government)}: {report.elements} element(s), {report.relations} relation(s)"]
    if report.single_points_of_failure is not None:
        lines += ["", f"Single points of failure ({len(report.single_points_of_failure)})"]
        for i, spof in enumerate(report.single_points_of_failure, 1):
            mark = ", articulation point" if spof.articulation_point else ""
            lines.append(f"  {i}. {spof.id}  {one_line(spof.name)} [{spof.kind or spof.collection}{mark}]: "
                         f"stops {len(spof.services)} service(s), {spof.elements} element(s), "
                         f"{len(spof.organizations)} OPD(s)")
            lines.append(f"      services: {_some(spof.services)}")
            lines.append(f"      OPDs: {_some(spof.organizations)}")
    if report.cycles is not None:
        lines += ["", f"Cycles ({len(report.cycles)})"]
        for cycle in report.cycles:
            steps = " -> ".join(cycle.cycle)
            lines.append(f"  {cycle.kind}: {steps}" + (f"  ({len(cycle.members)} elements)"
                                                        if len(cycle.members) > len(cycle.cycle) - 1 else ""))
    if report.orphans is not None:
        lines += ["", f"Orphans: elements no relation touches ({len(report.orphans)})"]
        lines += [f"  {o.id}  {one_line(o.name)} [{COLLECTION_LABELS[o.collection]}]" for o in report.orphans]
    if report.most_connected is not None:
        lines += ["", f"Most connected applications ({len(report.most_connected)})"]
        for app in report.most_connected:
            detail = ", ".join(f"{k} {v}" for k, v in app.relations.items())
            lines.append(f"  {app.id}  {one_line(app.name)}: {app.connections} connection(s) ({detail})")
    if report.opd_dependencies is not None:
        lines += ["", f"OPD dependence on other OPDs' applications ({len(report.opd_dependencies)})"]
        for dep in report.opd_dependencies:
            lines.append(f"  {one_line(dep.label)} ({dep.organization}): {dep.applications} application(s) of "
                         f"{len(dep.depends_on)} other OPD(s)")
            lines += [f"      {one_line(link.label)}: {', '.join(link.applications)}" for link in dep.depends_on]
    return "\n".join(lines) + "\n"
