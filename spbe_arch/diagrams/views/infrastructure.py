"""Infrastructure topology: sites and what they contain, networks, and the applications each element hosts."""

from __future__ import annotations

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.scene import Cluster, Node, Scene
from spbe_arch.diagrams.views.common import (
    element_node,
    government_name,
    listing_node,
    sorted_elements,
    summary_node,
)
from spbe_arch.model import Application, Infrastructure
from spbe_arch.workspace import Workspace


def _container(workspace: Workspace, element: Infrastructure) -> str | None:
    """The site an element is located in, unless ``located_in`` loops or names no infrastructure."""
    parent = element.located_in
    if parent is None or workspace.contained_in_cycle(element.id, "located_in"):
        return None
    return parent if isinstance(workspace.elements.get(parent), Infrastructure) else None


def build_infrastructure(workspace: Workspace) -> Scene:
    infra = sorted_elements(workspace.infrastructure)
    scene = Scene("infrastructure", title=f"Topologi Infrastruktur {government_name(workspace)}",
                  subtitle="Pusat data, server, jaringan dan aplikasi yang berjalan di atasnya")
    parents = {e.id: _container(workspace, e) for e in infra}
    sites = {p for p in parents.values() if p is not None}
    endpoint: dict[str, str] = {}  # infrastructure id -> the node that stands for it
    for element in infra:  # clusters first, parents before children
        if element.id in sites:
            _add_site(scene, workspace, element, parents, endpoint)
    for element in infra:
        if element.id not in sites:
            parent = parents.get(element.id)
            scene.add_node(element_node(workspace, element, cluster=f"site__{parent}" if parent else None))
            endpoint[element.id] = element.id
    for element in infra:
        for other in element.connected_to:
            if other in endpoint:
                scene.connect(endpoint[element.id], endpoint[other], "connected_to")
    _hosted(scene, workspace, endpoint)
    if not infra:
        scene.note("Model belum memuat infrastruktur.")
    return scene


def _add_site(scene: Scene, workspace: Workspace, site: Infrastructure, parents: dict[str, str | None],
              endpoint: dict[str, str]) -> None:
    cluster_id = f"site__{site.id}"
    if cluster_id in scene.clusters:
        return
    parent = parents.get(site.id)
    if parent is not None:
        parent_element = workspace.elements[parent]
        if isinstance(parent_element, Infrastructure):
            _add_site(scene, workspace, parent_element, parents, endpoint)
    facts = element_node(workspace, site).subtitle
    scene.add_cluster(Cluster(cluster_id, site.name, facts, style="site",
                              parent=f"site__{parent}" if parent else None))
    anchor = f"anchor__{site.id}"
    scene.add_node(Node(id=anchor, title=site.name, style="anchor", cluster=cluster_id, anchor_of=cluster_id))
    endpoint[site.id] = anchor


def _hosted(scene: Scene, workspace: Workspace, endpoint: dict[str, str]) -> None:
    """One box per element that runs applications: their names when few, their OPDs when a list is too long."""
    hosted: dict[str, list[Application]] = {}
    for app in workspace.applications:
        for host in app.hosted_on:
            if host in endpoint:
                hosted.setdefault(host, []).append(app)
    counted = 0
    for host in sorted(hosted):
        apps = sorted_elements(hosted[host])
        node_id = f"hosted__{host}"
        if len(apps) > theme.MAX_HOSTED_LISTED:
            node = scene.add_node(summary_node(node_id, apps, workspace, what="aplikasi"))
            counted += 1
        else:
            node = scene.add_node(listing_node(node_id, apps, what="aplikasi"))
        scene.connect(node.id, endpoint[host], "hosted_on")
    if counted:
        scene.note(f"Kotak aplikasi menyebut nama aplikasinya bila paling banyak {theme.MAX_HOSTED_LISTED}; bila "
                   "lebih, jumlah aplikasi per perangkat daerah.")
    homeless = sum(1 for a in workspace.applications if not any(h in endpoint for h in a.hosted_on))
    if homeless:
        scene.note(f"{homeless} aplikasi belum tercatat berjalan di infrastruktur mana pun.")
