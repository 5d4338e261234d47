"""Layered views of one OPD and of one service: business, application, data and technology columns."""

from __future__ import annotations

from collections.abc import Sequence

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.scene import Cluster, Scene
from spbe_arch.diagrams.views.common import (
    add_capped,
    add_layers,
    connect_relations,
    element_node,
    government_name,
    listing_node,
    sorted_elements,
)
from spbe_arch.diagrams.views.integration import draw_link, integration_links
from spbe_arch.model import Application, DataSet, Element, Infrastructure, Organization, Process, Service
from spbe_arch.workspace import Workspace

LAYERED_EDGES = ("delivers", "realized_by", "supports", "reads", "writes", "hosted_on", "located_in")
# The OPD view leaves the topology (located_in) to the infrastructure view.
OPD_EDGES = ("delivers", "realized_by", "supports", "reads", "writes", "hosted_on")


def build_opd(workspace: Workspace, org: Organization) -> Scene:
    """One OPD: its services, processes, applications, data and infrastructure, and the other OPDs'
    applications it uses.

    Other OPDs' applications that support its processes, realize its services or integrate with its
    applications are drawn; those it only uses (e-mail, SRIKANDI, ...) are listed in one box.
    """
    owned = [e for e in workspace.iter_elements() if e.owner_id == org.id]
    services = [e for e in owned if isinstance(e, Service)]
    processes = [e for e in owned if isinstance(e, Process)]
    apps = [e for e in owned if isinstance(e, Application)]
    data = [e for e in owned if isinstance(e, DataSet)]
    infra = [e for e in owned if isinstance(e, Infrastructure)]
    process_ids = {p.id for p in processes}
    realizing = {a for s in services for a in s.applications}
    links = [link for link in integration_links(workspace) if org.id in (link.source.owner, link.target.owner)]
    partners = {a.id for link in links for a in (link.source, link.target)}
    others = [a for a in workspace.applications if a.owner != org.id]
    related = [a for a in others if process_ids.intersection(a.supports) or a.id in realizing or a.id in partners]
    related_ids = {a.id for a in related}
    only_used = [a for a in others if org.id in a.users and a.id not in related_ids]
    scene = Scene(f"opd:{org.id}", title=f"{org.name}" + (f" ({org.short_name})" if org.short_name else ""),
                  subtitle=f"Layanan, proses bisnis, aplikasi, integrasi, data dan infrastruktur, "
                           f"{government_name(workspace)}")
    layers: list[tuple[str, str, Sequence[Element]]] = [
        ("Layanan", "layer.business", sorted_elements(services)),
        ("Proses bisnis", "layer.business", sorted_elements(processes)),
    ]
    index = add_layers(scene, layers, workspace, show_owner=False)
    if apps or related or only_used:
        cluster = f"layer{index}"
        scene.add_cluster(Cluster(cluster, "Aplikasi", style="layer.application"))
        add_capped(scene, workspace, sorted_elements(apps), limit=theme.MAX_LAYER_NODES, what="aplikasi",
                   key=cluster, cluster=cluster, layer=index)
        if related or only_used:
            scene.add_cluster(Cluster("others", "Aplikasi OPD lain yang digunakan", parent=cluster))
            add_capped(scene, workspace, sorted_elements(related), limit=theme.MAX_LAYER_NODES,
                       what="aplikasi OPD lain", key="others", cluster="others", layer=index, show_owner=True)
        if only_used:
            scene.add_node(listing_node("used__others", sorted_elements(only_used),
                                        what="aplikasi lain yang juga digunakan", cluster="others", layer=index))
        index += 1
    add_layers(scene, [("Data dan informasi", "layer.data", sorted_elements(data)),
                       ("Infrastruktur", "layer.technology", sorted_elements(infra))],
               workspace, show_owner=False, start=index)
    # Which data a process uses is drawn in the service views; here the applications' data is enough.
    connect_relations(scene, workspace, OPD_EDGES, skip={("processes", "reads")})
    own_ids = {e.id for e in owned}
    for key in [k for k in scene.edges if k[2] == "hosted_on" and k[0] not in own_ids]:
        del scene.edges[key]  # where other OPDs' applications run is their view's business
    for link in links:
        draw_link(scene, link.source.id, link.target.id, link, through_hub=False)
    if not scene.nodes:
        scene.note(f"{org.name} belum memiliki layanan, proses bisnis, aplikasi, data atau infrastruktur dalam "
                   "model.")
    return scene


def build_service(workspace: Workspace, service: Service) -> Scene:
    """One service end to end: the processes that deliver it, the applications, data and infrastructure."""
    processes = [p for p in workspace.processes if service.id in p.services]
    app_ids = set(service.applications)
    process_ids = {p.id for p in processes}
    app_ids.update(a.id for a in workspace.applications if process_ids.intersection(a.supports))
    apps = [a for a in workspace.applications if a.id in app_ids]
    data_ids = {d for p in processes for d in p.data} | {d for a in apps for d in (*a.reads, *a.writes)}
    data = [d for d in workspace.data if d.id in data_ids]
    infra = _hosting(workspace, apps)
    title = service.name if service.name.lower().startswith("layanan") else f"Layanan {service.name}"
    scene = Scene(f"service:{service.id}", title=title,
                  subtitle=f"Dari layanan sampai infrastruktur, {government_name(workspace)}")
    scene.add_node(element_node(workspace, service, layer=0, show_owner=True, emphasis=True, cluster="layer0"))
    scene.add_cluster(Cluster("layer0", "Layanan", style="layer.business"))
    rest: list[tuple[str, str, Sequence[Element]]] = [
        ("Proses bisnis", "layer.business", sorted_elements(processes)),
        ("Aplikasi", "layer.application", sorted_elements(apps)),
        ("Data dan informasi", "layer.data", sorted_elements(data)),
        ("Infrastruktur", "layer.technology", infra),
    ]
    add_layers(scene, rest, workspace, show_owner=True, start=1)
    connect_relations(scene, workspace, LAYERED_EDGES)
    if not processes and not apps:
        scene.note("Belum ada proses bisnis atau aplikasi yang mewujudkan layanan ini dalam model.")
    return scene


def _hosting(workspace: Workspace, apps: Sequence[Application]) -> list[Element]:
    """Where the applications run, and the sites those are located in."""
    found: dict[str, Infrastructure] = {}
    queue = [i for a in apps for i in a.hosted_on]
    while queue:
        current = queue.pop(0)
        element = workspace.elements.get(current)
        if not isinstance(element, Infrastructure) or current in found:
            continue
        found[current] = element
        if element.located_in:
            queue.append(element.located_in)
    return sorted_elements(found.values())
