"""Duplicate applications side by side, one group per function, from the duplicates library."""

from __future__ import annotations

import math

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.labels import clean
from spbe_arch.diagrams.scene import Cluster, Node, Scene
from spbe_arch.diagrams.views.common import element_node, government_name
from spbe_arch.duplicates import Group, find_duplicates
from spbe_arch.model import Application
from spbe_arch.workspace import Workspace


def build_duplicates(workspace: Workspace) -> Scene:
    scene = Scene("duplicates", title=f"Duplikasi Aplikasi {government_name(workspace)}",
                  subtitle="Satu sistem yang tercatat berulang, atau sistem berbeda dengan fungsi yang sama, per "
                           "kelompok, dengan skor kemiripan; panah hijau: usulan beralih ke aplikasi nasional",
                  engine="osage")
    report = find_duplicates(workspace, language="id")  # shared with the document: made once per workspace
    groups = report.groups
    if not groups:
        scene.note("Tidak ditemukan aplikasi yang duplikat.")
        return scene
    if len(groups) > theme.MAX_DUPLICATE_GROUPS:
        scene.note(f"{len(groups)} kelompok duplikasi: {theme.MAX_DUPLICATE_GROUPS} pertama ditampilkan; "
                   "daftar lengkapnya tercantum dalam laporan duplikasi.")
    scores: dict[str, list[float]] = {}
    for pair in report.pairs:
        for app_id in (pair.a, pair.b):
            scores.setdefault(app_id, []).append(pair.score)
    shown = groups[: theme.MAX_DUPLICATE_GROUPS]
    for number, group in enumerate(shown, start=1):
        _add_group(scene, workspace, number, group, scores)
    scene.columns = max(1, min(theme.DUPLICATE_COLUMNS, math.ceil(math.sqrt(len(shown)))))
    return scene


def _add_group(scene: Scene, workspace: Workspace, number: int, group: Group, scores: dict[str, list[float]]) -> None:
    cluster = f"group{number}"
    function = clean(group.function)
    apps = [a for a in (workspace.elements.get(i) for i in group.applications) if isinstance(a, Application)]
    found = [score for app in apps for score in scores.get(app.id, [])]
    low, high = (f"{min(found):.2f}", f"{max(found):.2f}") if found else ("", "")
    similarity = "" if not found else f", kemiripan {low}" if low == high else f", kemiripan {low} sampai {high}"
    scene.add_cluster(Cluster(cluster, f"Kelompok {number}" + (f": {function}" if function else ""),
                              f"{len(apps)} aplikasi{similarity}", columns=2))
    for app in apps:
        node = element_node(workspace, app, show_owner=True, min_width=1.8)
        node.cluster = cluster
        node.id = f"{app.id}__group"  # a group's boxes are its own: the same id may be a national target too
        scene.add_node(node)
    if group.national_application:
        target = scene.add_node(_national_node(workspace, group.national_application, cluster))
        for app in apps:
            scene.connect(f"{app.id}__group", target.id, "move_to")


def _national_node(workspace: Workspace, national_id: str, cluster: str) -> Node:
    """The national application a group should move to: from the model when it is there, else by its id."""
    element = workspace.elements.get(national_id)
    if isinstance(element, Application):
        node = element_node(workspace, element, show_owner=True)
        node.id = f"national__{cluster}"
    else:
        node = Node(id=f"national__{cluster}", title=national_id, style="applications.nasional",
                    subtitle="aplikasi nasional")
    node.cluster = cluster
    return node
