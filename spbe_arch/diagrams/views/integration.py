"""The integration map: which applications exchange data, through the SPLP or point to point."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.scene import Cluster, Node, Scene
from spbe_arch.diagrams.views.common import (
    element_node,
    government_name,
    org_sort_key,
    owner_key,
)
from spbe_arch.model import Application, Organization
from spbe_arch.workspace import Workspace

APP_WIDTH = 1.8


@dataclass(frozen=True)
class Link:
    source: Application
    target: Application
    via: str | None  # id of the hub (an SPLP) or None for a point-to-point integration
    protocol: str


def integration_links(workspace: Workspace) -> list[Link]:
    """Every integration whose target is an application of the model (others are validation findings)."""
    links = []
    for app in sorted(workspace.applications, key=lambda a: a.id):
        for integration in app.integrations:
            target = workspace.elements.get(integration.target)
            if not isinstance(target, Application) or target.id == app.id:
                continue
            via = integration.via if integration.via in workspace.elements else None
            links.append(Link(app, target, via, integration.protocol))
    return links


def build_integration(workspace: Workspace) -> Scene:
    links = integration_links(workspace)
    apps = {a.id: a for link in links for a in (link.source, link.target)}
    direct = sum(1 for link in links if link.via is None)
    scene = Scene("integration", title=f"Peta Integrasi Aplikasi {government_name(workspace)}",
                  subtitle=f"{len(links)} integrasi antar {len(apps)} aplikasi; {direct} langsung (point-to-point)")
    for hub in sorted({link.via for link in links if link.via}):
        scene.add_node(element_node(workspace, workspace.elements[hub]))
    if len(apps) > theme.MAX_INTEGRATION_APPS:
        scene.note(f"{len(apps)} aplikasi terintegrasi melebihi batas {theme.MAX_INTEGRATION_APPS} untuk satu "
                   "gambar: integrasi diringkas antar perangkat daerah; lihat tampilan per OPD untuk rinciannya.")
        _between_opds(scene, workspace, links)
        return scene
    _owner_clusters(scene, workspace, apps.values())
    for app in sorted(apps.values(), key=lambda a: (a.name.lower(), a.id)):
        cluster = f"org__{app.owner}" if f"org__{app.owner}" in scene.clusters else None
        scene.add_node(element_node(workspace, app, cluster=cluster, min_width=APP_WIDTH))
    for link in links:
        draw_link(scene, link.source.id, link.target.id, link)
    if not links:
        scene.note("Belum ada integrasi antar aplikasi dalam model.")
    silent = len(workspace.applications) - len(apps)
    if links and silent:
        scene.note(f"{silent} aplikasi tanpa integrasi tidak ditampilkan.")
    return scene


def draw_link(scene: Scene, source: str, target: str, link: Link, *, through_hub: bool = True) -> None:
    """A point-to-point integration as a red arrow; one through an SPLP via its hub, or as a blue arrow."""
    if link.via is None:
        scene.connect(source, target, "p2p", link.protocol)
    elif through_hub:
        scene.connect(source, link.via, "integration")
        scene.connect(link.via, target, "integration")
    else:
        scene.connect(source, target, "integration")


def _owner_clusters(scene: Scene, workspace: Workspace, apps: Iterable[Application]) -> None:
    owners = {a.owner for a in apps}
    orgs = sorted((o for o in workspace.organizations if o.id in owners), key=org_sort_key)
    for org in orgs:
        scene.add_cluster(Cluster(f"org__{org.id}", org.label, style="group"))


def _between_opds(scene: Scene, workspace: Workspace, links: list[Link]) -> None:
    """Above the limit: one box per OPD (with its number of integrated applications), arrows between OPDs."""
    members: dict[str, set[str]] = {}
    for link in links:
        for app in (link.source, link.target):
            members.setdefault(owner_key(workspace, app), set()).add(app.id)
    for key in sorted(members):
        org = workspace.elements.get(key)
        title = org.name if isinstance(org, Organization) else "Pemilik tidak dikenal"
        style = "organizations.pusat" if workspace.is_central(key) else "organizations"
        subtitle = f"{len(members[key])} aplikasi terintegrasi"
        if isinstance(org, Organization) and org.short_name:
            subtitle = f"{org.short_name}, {subtitle}"
        scene.add_node(Node(id=f"opd__{key}", title=title, style=style, subtitle=subtitle))
    inside = 0
    for link in links:
        source, target = owner_key(workspace, link.source), owner_key(workspace, link.target)
        inside += link.via is None and source == target
        draw_link(scene, f"opd__{source}", f"opd__{target}", link)
    if inside:
        scene.note(f"{inside} integrasi langsung antar aplikasi dalam satu perangkat daerah tidak tampak pada "
                   "ringkasan ini, tetapi pada tampilan OPD-nya.")


__all__ = ["Link", "build_integration", "draw_link", "integration_links"]
