"""What an ArchiMate export of a workspace must hold, counted from the model itself (not the exporter)."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.loader import open_workspace
from spbe_arch.model import Application
from spbe_arch.relations import iter_references


def expected_counts(root: Path) -> tuple[int, int]:
    """(elements, relationships): one relationship per relation (an id named twice in one list counts once,
    integrations each), plus one Serving from each SPLP to each application integrated through it."""
    workspace, _ = open_workspace(root)
    relations: set[tuple[str, str, str]] = set()
    integrations = 0
    vias: set[tuple[str, str]] = set()
    for element in workspace.iter_elements():
        for ref in iter_references(element):
            if ref.edge is not None and ref.field != "integrations" and ref.target in workspace.elements:
                relations.add((element.id, ref.field, ref.target))
        if isinstance(element, Application):
            for integration in element.integrations:
                integrations += integration.target in workspace.elements
                if integration.via in workspace.elements:
                    for app_id in (element.id, integration.target):
                        if app_id in workspace.elements:
                            vias.add((integration.via, app_id))  # type: ignore[arg-type]
    return len(workspace.elements), len(relations) + integrations + len(vias)
