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


def impact_text(report: ImpactReport) -> str:
    """``spbe impact`` / ``spbe depends`` for a terminal: entries per domain with their path, then per OPD."""
    root = report.root
    org_labels = {g.key: g.label for g in report.by_organization}
    verb = "stop if it stops" if report.direction == "impact" else "are needed by it"
    limit = "" if report.depth is None else f" (depth {report.depth})"
    lines = [f"{report.direction} of {root.id}: {one_line(root.name)} [{COLLECTION_LABELS[root.collection]}]"
             f"{_status(root)}{limit}"]
    counts = ", ".join(f"{len(g.ids)} {g.label}" for g in report.by_collection)
    lines.append(f"{len(report.entries)} element(s) {verb}" + (f": {counts}" if counts else ""))
    if report.organizations:
        lines.append(f"OPDs {'hit' if report.direction == 'impact' else 'involved'} ({len(report.organizations)}): "
                     + ", ".join(report.organizations))
    entries = {e.id: e for e in report.entries}
    for group in report.by_collection:
        lines += ["", f"{group.label} ({len(group.ids)})"]
        for element_id in group.ids:
            entry = entries[element_id]
            owner = f"  [{one_line(org_labels.get(entry.owner or '', entry.owner or ''))}]" if entry.owner else ""
            lines.append(f"  {entry.id}  {one_line(entry.name)}{owner}{_status(entry)}")
            lines.append(f"      {' <- '.join(entry.path)}")
    if report.by_organization:
        lines += ["", "Per OPD"]
        for group in report.by_organization:
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
