"""The views: their names, how a view name is read, and which concrete views a model has."""

from __future__ import annotations

from spbe_arch.diagrams.scene import Scene
from spbe_arch.errors import SpbeError, UnknownElementError
from spbe_arch.model import Element, Organization, Service
from spbe_arch.suggest import did_you_mean, nearest, suggest_id
from spbe_arch.workspace import Workspace

# Every kind of view and what it shows; kinds marked ":ID" take an element id.
VIEW_KINDS: dict[str, str] = {
    "landscape": "applications grouped by the OPD that owns them",
    "integration": "applications and their integrations through the SPLP; point-to-point ones in red",
    "infrastructure": "data centres, servers, networks and what each hosts",
    "opd": "one OPD (opd:ID): its services, processes, applications, data and the other OPDs' apps it uses",
    "service": "one service (service:ID): processes, applications, data and infrastructure behind it",
    "context": "one element (context:ID) and its neighbours to --depth steps",
    "duplicates": "groups of applications with the same function, side by side",
}
WITH_ID: dict[str, tuple[str, ...]] = {
    "opd": ("organizations",),
    "service": ("services",),
    "context": (),  # any collection
}


def _owns_something(workspace: Workspace) -> set[str]:
    return {e.owner_id for e in workspace.iter_elements() if e.owner_id is not None}


def list_views(workspace: Workspace) -> list[str]:
    """Every concrete view of this model that ``--all`` draws, in a stable order."""
    owners = _owns_something(workspace)
    opds = sorted(o.id for o in workspace.organizations if o.id in owners and not o.central)
    services = sorted(s.id for s in workspace.services)
    return ["landscape", "integration", "infrastructure", *(f"opd:{i}" for i in opds),
            *(f"service:{i}" for i in services), "duplicates"]


def view_choices() -> list[str]:
    return [f"{k}:ID" if k in WITH_ID else k for k in VIEW_KINDS]


def _nearest_first(wrong: str, choices: list[str]) -> list[str]:
    from rapidfuzz import fuzz

    return sorted(choices, key=lambda c: (-fuzz.ratio(wrong.lower(), c.split(":")[0]), choices.index(c)))


def parse_view(workspace: Workspace, view: str) -> tuple[str, Element | None]:
    """The kind of a view name and its subject element; a clear error naming the valid choices."""
    kind, sep, element_id = view.strip().partition(":")
    kind = kind.lower()
    if kind not in VIEW_KINDS:
        choices = _nearest_first(kind, view_choices())
        raise SpbeError(f"unknown view {view!r}; choose one of: {', '.join(choices)}")
    if kind not in WITH_ID:
        if sep:
            raise SpbeError(f"view {kind!r} takes no id; use --view {kind}")
        return kind, None
    if not element_id:
        example = _example_id(workspace, kind)
        raise SpbeError(f"view {kind!r} needs an element id: --view {kind}:ID" + (f", e.g. {kind}:{example}"
                                                                                   if example else ""))
    return kind, _subject(workspace, kind, element_id)


def _example_id(workspace: Workspace, kind: str) -> str | None:
    views = [v.partition(":")[2] for v in list_views(workspace) if v.startswith(f"{kind}:")]
    if views:
        return views[0]
    return next(iter(sorted(workspace.elements)), None) if kind == "context" else None


def _subject(workspace: Workspace, kind: str, element_id: str) -> Element:
    collections = WITH_ID[kind]
    element = workspace.elements.get(element_id)
    if element is None:
        raise UnknownElementError(element_id, suggest_id(workspace, element_id, collections or None))
    if not collections or element.COLLECTION in collections:
        return element
    choices = _nearest_of_kind(workspace, kind, element_id)
    hint = did_you_mean(choices)
    raise SpbeError(f"{element_id!r} is in {element.COLLECTION}, but view {kind!r} needs an element of "
                    f"{', '.join(collections)}{hint}")


def _nearest_of_kind(workspace: Workspace, kind: str, wrong: str, limit: int = 5) -> list[str]:
    """The ids a view kind takes, nearest to ``wrong`` first. Unlike :func:`loader.suggest_id` (typos of an
    unknown id), there is no cut-off: ``wrong`` is a real id of another collection, and any id of the right
    one is a useful hint."""
    candidates = sorted(e.id for e in workspace.iter_elements() if e.COLLECTION in WITH_ID[kind])
    return nearest(wrong, candidates, limit=limit, cutoff=0, partial=True)


def build_scene(workspace: Workspace, view: str, depth: int = 1) -> Scene:
    """The scene of one view name (``landscape``, ``opd:ID``, ...)."""
    kind, subject = parse_view(workspace, view)
    if kind == "landscape":
        from spbe_arch.diagrams.views.landscape import build_landscape

        return build_landscape(workspace)
    if kind == "integration":
        from spbe_arch.diagrams.views.integration import build_integration

        return build_integration(workspace)
    if kind == "infrastructure":
        from spbe_arch.diagrams.views.infrastructure import build_infrastructure

        return build_infrastructure(workspace)
    if kind == "duplicates":
        from spbe_arch.diagrams.views.duplicates import build_duplicates

        return build_duplicates(workspace)
    assert subject is not None
    if kind == "opd" and isinstance(subject, Organization):
        from spbe_arch.diagrams.views.layered import build_opd

        return build_opd(workspace, subject)
    if kind == "service" and isinstance(subject, Service):
        from spbe_arch.diagrams.views.layered import build_service

        return build_service(workspace, subject)
    from spbe_arch.diagrams.views.context import build_context

    return build_context(workspace, subject, depth)


__all__ = ["VIEW_KINDS", "build_scene", "list_views", "parse_view", "view_choices"]
