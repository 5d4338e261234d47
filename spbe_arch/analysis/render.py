"""Text renderer of ``spbe analyze`` (JSON is the models' own ``model_dump_json``; ``spbe impact`` is in
``impact_render``): in English, elements by id, for whoever edits the YAML; or in Bahasa Indonesia,
elements and OPDs by name, for the officials the team briefs."""

from __future__ import annotations

from collections.abc import Callable

from spbe_arch.analysis import AnalysisReport
from spbe_arch.document.labels import EDGES
from spbe_arch.model import COLLECTION_LABELS
from spbe_arch.workspace import Workspace


def one_line(text: str) -> str:
    """Model text on one terminal line: line breaks and other control characters become spaces."""
    return "".join(c if c.isprintable() else " " for c in text)


SHOWN = 12  # items of a list before "... (N more)": the JSON has them all

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "head": "{government}: {elements} element(s), {relations} relation(s)",
        "spof": "Single points of failure ({n})",
        "spof_line": "  {i}. {who} [{kind}{mark}]: stops {services} service(s), {elements} element(s), {opds} OPD(s)",
        "articulation": ", articulation point",
        "services": "      services: {items}",
        "opds": "      OPDs: {items}",
        "more": ", ... ({n} more)",
        "cycles": "Cycles ({n})",
        "arrow": " -> ",
        "cycle_size": "  ({n} elements)",
        "orphans": "Orphans: elements no relation touches ({n})",
        "connected": "Most connected applications ({n})",
        "connected_line": "  {who}: {n} connection(s) ({detail})",
        "dependence": "OPD dependence on other OPDs' applications ({n})",
        "dependence_line": "  {label} ({organization}): {applications} application(s) of {others} other OPD(s)",
    },
    "id": {
        "head": "{government}: {elements} elemen, {relations} relasi",
        "spof": "Titik kegagalan tunggal ({n})",
        "spof_line": "  {i}. {who} [{kind}{mark}]: menghentikan {services} layanan, {elements} elemen, "
                     "{opds} perangkat daerah",
        "articulation": "; titik artikulasi",
        "services": "      layanan: {items}",
        "opds": "      perangkat daerah: {items}",
        "more": ", ... ({n} lainnya)",
        "cycles": "Siklus ({n})",
        "arrow": " → ",
        "cycle_size": "  ({n} elemen)",
        "orphans": "Elemen tanpa relasi ({n})",
        "connected": "Aplikasi dengan relasi terbanyak ({n})",
        "connected_line": "  {who}: {n} relasi ({detail})",
        "dependence": "Ketergantungan perangkat daerah pada aplikasi perangkat daerah lain ({n})",
        "dependence_line": "  {label}: {applications} aplikasi dari {others} perangkat daerah lain",
    },
}
_CYCLES = {"dependency": "ketergantungan", "hierarchy": "hierarki"}


def analysis_text(report: AnalysisReport, workspace: Workspace | None = None, language: str = "en") -> str:
    """``spbe analyze`` for a terminal: one section per analysis that was run. ``language`` ``id`` (which
    needs the workspace, for names) names every element and OPD by its name."""
    if language == "id" and workspace is None:
        raise ValueError("the Indonesian text names elements by name: give the workspace")
    text = _TEXT["id" if language == "id" else "en"]
    indonesian = language == "id" and workspace is not None

    def item(element_id: str) -> str:  # an element in a list
        return one_line(workspace.display_name(element_id)) if indonesian and workspace is not None else element_id

    def who(element_id: str, name: str) -> str:  # an element heading its own line
        return one_line(name) if indonesian else f"{element_id}  {one_line(name)}"

    def listing(ids: list[str]) -> str:
        more = text["more"].format(n=len(ids) - SHOWN) if len(ids) > SHOWN else ""
        return ", ".join(item(x) for x in ids[:SHOWN]) + more

    relation: Callable[[str], str] = (lambda k: EDGES.get(k, k)) if indonesian else (lambda k: k)
    lines = [text["head"].format(government=one_line(report.government), elements=report.elements,
                                 relations=report.relations)]
    if report.single_points_of_failure is not None:
        lines += ["", text["spof"].format(n=len(report.single_points_of_failure))]
        for i, spof in enumerate(report.single_points_of_failure, 1):
            kind = COLLECTION_LABELS.get(spof.collection, spof.collection) if indonesian \
                else spof.kind or spof.collection
            mark = text["articulation"] if spof.articulation_point else ""
            lines.append(text["spof_line"].format(
                i=i, who=who(spof.id, spof.name), kind=kind, mark=mark, services=len(spof.services),
                elements=spof.elements, opds=len(spof.organizations)))
            lines.append(text["services"].format(items=listing(spof.services)))
            lines.append(text["opds"].format(items=listing(spof.organizations)))
    if report.cycles is not None:
        lines += ["", text["cycles"].format(n=len(report.cycles))]
        for cycle in report.cycles:
            steps = text["arrow"].join(item(x) for x in cycle.cycle)
            size = text["cycle_size"].format(n=len(cycle.members)) if len(cycle.members) > len(cycle.cycle) - 1 \
                else ""
            lines.append(f"  {_CYCLES.get(cycle.kind, cycle.kind) if indonesian else cycle.kind}: {steps}{size}")
    if report.orphans is not None:
        lines += ["", text["orphans"].format(n=len(report.orphans))]
        lines += [f"  {who(o.id, o.name)} [{COLLECTION_LABELS[o.collection]}]" for o in report.orphans]
    if report.most_connected is not None:
        lines += ["", text["connected"].format(n=len(report.most_connected))]
        for app in report.most_connected:
            detail = ", ".join(f"{relation(k)} {v}" for k, v in app.relations.items())
            lines.append(text["connected_line"].format(who=who(app.id, app.name), n=app.connections, detail=detail))
    if report.opd_dependencies is not None:
        lines += ["", text["dependence"].format(n=len(report.opd_dependencies))]
        for dep in report.opd_dependencies:
            lines.append(text["dependence_line"].format(label=one_line(dep.label), organization=dep.organization,
                                                        applications=dep.applications, others=len(dep.depends_on)))
            lines += [f"      {one_line(link.label)}: {', '.join(item(a) for a in link.applications)}"
                      for link in dep.depends_on]
    return "\n".join(lines) + "\n"
