"""Which views of :mod:`spbe_arch.diagrams` the document shows, under which key and caption."""

from __future__ import annotations

from collections.abc import Callable

from spbe_arch.diagrams import build_dot, list_views
from spbe_arch.document.figures import NOTHING_TO_DRAW, FigureSpec
from spbe_arch.workspace import Workspace

SERVICE_FIGURES = 6  # service layer diagrams in chapter V; every service has one in the build's diagrams folder

# key -> (view name, caption)
MAIN_VIEWS: dict[str, tuple[str, str]] = {
    "peta-integrasi": ("integration", "Peta integrasi aplikasi"),
    "topologi-infrastruktur": ("infrastructure", "Topologi infrastruktur SPBE"),
}
DUPLICATES_KEY, DUPLICATES_CAPTION = "kelompok-duplikasi", "Kelompok duplikasi aplikasi"
# key -> (whether the model has something for the view to show, what to say when it has not)
CONTENT: dict[str, tuple[Callable[[Workspace], bool], str]] = {
    "peta-integrasi": (lambda ws: any(a.integrations for a in ws.applications),
                       "belum tercatat integrasi antaraplikasi"),
    "topologi-infrastruktur": (lambda ws: bool(ws.infrastructure), "belum terdapat infrastruktur SPBE"),
}


def diagram_specs(workspace: Workspace) -> list[FigureSpec]:
    """Figure specs for the main views and the top services (every view is in ``spbe build``'s diagrams folder)."""
    available = set(list_views(workspace))

    def dot_of(view: str) -> Callable[[], str | None]:
        def build() -> str | None:
            return build_dot(workspace, view)

        return build

    specs = landscape_specs(workspace)
    for key, (view, caption) in MAIN_VIEWS.items():
        has_content, empty = CONTENT.get(key, (lambda _ws: True, ""))
        if view in available and has_content(workspace):
            specs.append(FigureSpec(key, caption, dot_of(view)))
        else:
            specs.append(FigureSpec(key, caption, lambda: None, empty or NOTHING_TO_DRAW))
    for service_id in featured_services(workspace):
        service = workspace.elements[service_id]
        specs.append(FigureSpec(f"layanan-{service_id}", f"Lapisan arsitektur layanan {service.name}",
                                dot_of(f"service:{service_id}")))
    specs.extend(duplicate_specs(workspace, "duplicates" in available))
    org_id = featured_organization(workspace)
    if org_id is not None and f"opd:{org_id}" in available:
        specs.append(FigureSpec(f"opd-{org_id}", f"Arsitektur {workspace.display_name(org_id)}: layanan, proses "
                                "bisnis, aplikasi, dan data", dot_of(f"opd:{org_id}")))
    data_id = featured_data(workspace)
    if data_id is not None:
        name = workspace.display_name(data_id)
        caption = f"Keterkaitan {name}" if name.lower().startswith("data ") else f"Keterkaitan data {name}"
        specs.append(FigureSpec(f"data-{data_id}", caption, dot_of(f"context:{data_id}")))
    app_id = featured_application(workspace)
    if app_id is not None:
        specs.append(FigureSpec(f"keamanan-{app_id}", f"Konteks aplikasi strategis {workspace.display_name(app_id)}",
                                dot_of(f"context:{app_id}")))
    return specs


def landscape_specs(workspace: Workspace) -> list[FigureSpec]:
    """The application landscape cut into page-sized figures (``lanskap-1``, ``lanskap-2``, ...)."""
    from spbe_arch.document.index import ModelIndex
    from spbe_arch.document.landscape import landscape_boxes, landscape_dot, landscape_parts

    parts = landscape_parts(landscape_boxes(ModelIndex(workspace)))
    specs = []
    for number, part in enumerate(parts, 1):
        suffix = f" (bagian {number} dari {len(parts)})" if len(parts) > 1 else ""
        specs.append(FigureSpec(f"lanskap-{number}", f"Lanskap aplikasi per perangkat daerah{suffix}",
                                lambda part=part: landscape_dot(part)))  # type: ignore[misc]
    return specs


def duplicate_specs(workspace: Workspace, available: bool = True) -> list[FigureSpec]:
    """The duplicate groups, a page's worth of groups per figure (``kelompok-duplikasi``,
    ``kelompok-duplikasi-2``, ...) so that no group is cut across pages; one figure of every group when
    they fit one page."""
    from spbe_arch.diagrams.dot import scene_to_dot
    from spbe_arch.diagrams.views.duplicates import build_duplicates, page_parts
    from spbe_arch.errors import SpbeError

    whole = FigureSpec(DUPLICATES_KEY, DUPLICATES_CAPTION, lambda: build_dot(workspace, "duplicates"))
    if not available:
        return [FigureSpec(DUPLICATES_KEY, DUPLICATES_CAPTION, lambda: None, NOTHING_TO_DRAW)]
    try:
        parts = page_parts(workspace)
    except SpbeError:
        return [whole]  # the figure says why it cannot be drawn
    if len(parts) <= 1:
        return [whole]
    specs = []
    for number, part in enumerate(parts, 1):
        groups = f"kelompok {part.start + 1}" if len(part) == 1 else f"kelompok {part.start + 1}–{part.stop}"
        specs.append(FigureSpec(DUPLICATES_KEY if number == 1 else f"{DUPLICATES_KEY}-{number}",
                                f"{DUPLICATES_CAPTION} ({groups} dari {parts[-1].stop})",
                                lambda part=part: scene_to_dot(build_duplicates(workspace, part))))  # type: ignore[misc]
    return specs


def featured_organization(workspace: Workspace) -> str | None:
    """The OPD with the most business processes (the first in name order on a tie)."""
    counts: dict[str, int] = {}
    for process in workspace.processes:
        counts[process.owner] = counts.get(process.owner, 0) + 1
    opds = [o for o in workspace.organizations if not o.central and counts.get(o.id)]
    ranked = sorted(opds, key=lambda o: (-counts[o.id], o.name.lower(), o.id))
    return ranked[0].id if ranked else None


def featured_data(workspace: Workspace) -> str | None:
    """The data set most applications read or write, master data (data induk) first."""
    use: dict[str, int] = {}
    for app in workspace.applications:
        for data_id in {*app.reads, *app.writes}:
            use[data_id] = use.get(data_id, 0) + 1
    ranked = sorted((d for d in workspace.data if use.get(d.id)),
                    key=lambda d: (not d.master, -use[d.id], d.name.lower(), d.id))
    return ranked[0].id if ranked else None


def featured_application(workspace: Workspace) -> str | None:
    """The strategis application protected by the most security controls (then the most used)."""
    controls: dict[str, int] = {}
    for control in workspace.security:
        for target in set(control.protects):
            controls[target] = controls.get(target, 0) + 1
    apps = [a for a in workspace.applications if a.security_category == "strategis" and not a.retired]
    ranked = sorted(apps, key=lambda a: (-controls.get(a.id, 0), -len(a.users), a.name.lower(), a.id))
    return ranked[0].id if ranked else None


def featured_services(workspace: Workspace) -> list[str]:
    """The services with the most applications and processes behind them (public services first)."""
    delivering: dict[str, int] = {}
    for process in workspace.processes:
        for service in process.services:
            delivering[service] = delivering.get(service, 0) + 1
    ranked = sorted(
        workspace.services,
        key=lambda s: (s.kind != "publik", -(len(s.applications) + delivering.get(s.id, 0)), s.name.lower(), s.id),
    )
    return [s.id for s in ranked if s.applications or delivering.get(s.id)][:SERVICE_FIGURES]

