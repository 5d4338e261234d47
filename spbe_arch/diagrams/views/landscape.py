"""The application landscape: every application in a box, grouped by the OPD that owns it."""

from __future__ import annotations

import math
from collections import Counter

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.scene import Cluster, Node, Scene
from spbe_arch.diagrams.views.common import (
    UNKNOWN_OWNER,
    element_node,
    government_name,
    org_sort_key,
    owner_key,
    sorted_elements,
)
from spbe_arch.model import Application, Organization
from spbe_arch.workspace import Workspace

LOCAL = "region_local"
CENTRAL = "region_central"
APP_WIDTH = 1.9  # inches: equal boxes make a tidy grid in each OPD
APP_COLUMNS = 3  # applications per row inside an OPD
OPD_COLUMNS = 5  # OPDs per row


def build_landscape(workspace: Workspace) -> Scene:
    apps = workspace.applications
    summarise = len(apps) > theme.MAX_LANDSCAPE_APPS
    scene = Scene("landscape", title=f"Peta Aplikasi {government_name(workspace)}",
                  subtitle=f"{len(apps)} aplikasi, dikelompokkan menurut perangkat daerah pemilik",
                  engine="osage")
    by_owner: dict[str, list[Application]] = {}
    for app in apps:
        by_owner.setdefault(owner_key(workspace, app), []).append(app)
    _add_org_clusters(scene, workspace, by_owner)
    if summarise:
        scene.note(f"{len(apps)} aplikasi melebihi batas {theme.MAX_LANDSCAPE_APPS} untuk satu gambar: setiap "
                   "perangkat daerah diringkas dalam jumlah aplikasinya; lihat tampilan per OPD untuk rinciannya.")
    for cluster_id in list(scene.clusters):
        owned = by_owner.get(cluster_id.removeprefix("org__"), []) if cluster_id.startswith("org__") else []
        if cluster_id == UNKNOWN_OWNER:
            owned = by_owner[UNKNOWN_OWNER]
        if summarise and owned:
            scene.add_node(_summary(cluster_id, owned))
            continue
        for app in sorted_elements(owned):
            scene.add_node(element_node(workspace, app, cluster=cluster_id, min_width=APP_WIDTH))
    if not apps:
        scene.note("Model belum memuat aplikasi.")
    return scene


def _add_org_clusters(scene: Scene, workspace: Workspace, by_owner: dict[str, list[Application]]) -> None:
    """A cluster per owning organization, inside its parent's cluster when the parent is shown too."""
    shown: set[str] = set()
    for owner in by_owner:
        shown.update(o.id for o in workspace.lineage(owner, "parent") if isinstance(o, Organization))
    orgs = sorted((o for o in workspace.organizations if o.id in shown), key=org_sort_key)
    has_local = any(not o.central for o in orgs) or UNKNOWN_OWNER in by_owner
    if has_local:
        scene.add_cluster(Cluster(LOCAL, f"Perangkat Daerah {government_name(workspace)}", style="region"))
    if any(o.central for o in orgs):
        scene.add_cluster(Cluster(CENTRAL, "Instansi Pusat (aplikasi nasional yang digunakan)", style="region"))
    for org in _parents_first(orgs, workspace):
        region = CENTRAL if org.central else LOCAL
        parent = f"org__{org.parent}" if org.parent in shown and _acyclic(workspace, org.id) else region
        count = len(by_owner.get(org.id, []))
        facts = [org.name] if org.short_name and org.short_name != org.name else []
        facts.append(f"{count} aplikasi" if count else "")
        scene.add_cluster(Cluster(f"org__{org.id}", org.label, ", ".join(f for f in facts if f), parent=parent,
                                  columns=APP_COLUMNS))
    if UNKNOWN_OWNER in by_owner:
        scene.add_cluster(Cluster(UNKNOWN_OWNER, "Pemilik tidak dikenal", f"{len(by_owner[UNKNOWN_OWNER])} aplikasi",
                                  parent=LOCAL, columns=APP_COLUMNS))
    for region in (LOCAL, CENTRAL):
        if region in scene.clusters:
            members = sum(1 for c in scene.clusters.values() if c.parent == region)
            scene.clusters[region].columns = max(1, min(OPD_COLUMNS, math.ceil(math.sqrt(members))))


def _acyclic(workspace: Workspace, org_id: str) -> bool:
    return not workspace.contained_in_cycle(org_id, "parent")


def _parents_first(orgs: list[Organization], workspace: Workspace) -> list[Organization]:
    """Keep the sorted order, but list a parent before its children (clusters nest by parent)."""
    ids = {o.id for o in orgs}
    placed: list[Organization] = []
    done: set[str] = set()

    def place(org: Organization) -> None:
        if org.id in done:
            return
        done.add(org.id)
        if org.parent in ids and _acyclic(workspace, org.id):
            parent = workspace.elements[org.parent]
            if isinstance(parent, Organization):
                place(parent)
        placed.append(org)

    for org in orgs:
        place(org)
    return placed


def _summary(cluster: str, apps: list[Application]) -> Node:
    sources = Counter(a.source for a in apps)
    facts = [f"{sources[s]} {s}" for s in ("lokal", "nasional") if sources[s]]
    umum = sum(1 for a in apps if a.kind == "umum")
    if umum:
        facts.append(f"{umum} Aplikasi Umum")
    return Node(id=f"sum__{cluster}", title=f"{len(apps)} aplikasi", style="summary", subtitle=", ".join(facts),
                cluster=cluster, min_width=APP_WIDTH)
