"""Analyses of the dependency graph: impact, depends, single points of failure and the whole-model report.

Library functions returning pydantic models; :mod:`spbe_arch.analysis.render` and
:mod:`spbe_arch.analysis.impact_render` turn them into text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel

from spbe_arch.analysis.impact import Group, ImpactEntry, ImpactReport, depends, impact
from spbe_arch.analysis.spof import SinglePointOfFailure, single_points_of_failure
from spbe_arch.analysis.structure import (
    ConnectedApplication,
    Cycle,
    OpdDependency,
    OpdLink,
    Orphan,
    find_cycles,
    find_orphans,
    most_connected_applications,
    opd_dependencies,
)
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

SECTIONS = ("spof", "cycles", "orphans", "connected", "opd")


class AnalysisReport(BaseModel):
    """Every whole-model analysis at once (``spbe analyze``); sections not asked for stay None."""

    government: str
    elements: int
    relations: int
    single_points_of_failure: list[SinglePointOfFailure] | None = None
    cycles: list[Cycle] | None = None
    orphans: list[Orphan] | None = None
    most_connected: list[ConnectedApplication] | None = None
    opd_dependencies: list[OpdDependency] | None = None


def analyze(workspace: Workspace, limit: int = 10, sections: tuple[str, ...] | list[str] = SECTIONS, *,
            graph: nx.MultiDiGraph | None = None) -> AnalysisReport:
    """Run the analyses named in ``sections`` (all by default) over one graph of ``workspace``.

    ``limit`` caps the single points of failure and the most connected applications.
    """
    from spbe_arch.errors import UsageError
    from spbe_arch.graph import workspace_graph

    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        raise UsageError(f"unknown analysis {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    if limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {limit}")
    graph = graph if graph is not None else workspace_graph(workspace)
    wanted = set(sections)
    return AnalysisReport(
        government=workspace.manifest.government.name,
        elements=graph.number_of_nodes(),
        relations=graph.number_of_edges(),
        single_points_of_failure=single_points_of_failure(workspace, limit, graph=graph) if "spof" in wanted else None,
        cycles=find_cycles(workspace, graph=graph) if "cycles" in wanted else None,
        orphans=find_orphans(workspace, graph=graph) if "orphans" in wanted else None,
        most_connected=most_connected_applications(workspace, limit, graph=graph) if "connected" in wanted else None,
        opd_dependencies=opd_dependencies(workspace, graph=graph) if "opd" in wanted else None,
    )


__all__ = [
    "SECTIONS", "AnalysisReport", "ConnectedApplication", "Cycle", "Group", "ImpactEntry", "ImpactReport",
    "OpdDependency", "OpdLink", "Orphan", "SinglePointOfFailure", "analyze", "depends", "find_cycles",
    "find_orphans", "impact", "most_connected_applications", "opd_dependencies", "single_points_of_failure",
]
