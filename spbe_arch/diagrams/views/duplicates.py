"""Duplicate applications side by side, one group per function, from the duplicates library."""

from __future__ import annotations

import math

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.labels import clean
from spbe_arch.diagrams.scene import Cluster, Node, Scene
from spbe_arch.diagrams.views.common import element_node, government_name
from spbe_arch.duplicates import Group, find_duplicates
from spbe_arch.model import Application
from spbe_arch.numbers_id import desimal
from spbe_arch.workspace import Workspace


def build_duplicates(workspace: Workspace, part: range | None = None) -> Scene:
    """Every group (the first ``MAX_DUPLICATE_GROUPS``), or only the groups of ``part`` (0-based
    positions, numbered as in the whole view): the document prints the groups a page's worth at a time."""
    scene = Scene("duplicates", title=f"Duplikasi Aplikasi {government_name(workspace)}",
                  subtitle="Satu sistem yang tercatat berulang, atau sistem berbeda dengan fungsi yang sama, per "
                           "kelompok, dengan skor kemiripan; panah hijau: usulan beralih ke aplikasi nasional",
                  engine="osage")
    report = find_duplicates(workspace, language="id")  # shared with the document: made once per workspace
    groups = report.groups
    if not groups:
        scene.note("Tidak ditemukan aplikasi yang duplikat.")
        return scene
    if part is None and len(groups) > theme.MAX_DUPLICATE_GROUPS:
        scene.note(f"{len(groups)} kelompok duplikasi: {theme.MAX_DUPLICATE_GROUPS} pertama ditampilkan; "
                   "daftar lengkapnya tercantum dalam laporan duplikasi.")
    scores: dict[str, list[float]] = {}
    for pair in report.pairs:
        for app_id in (pair.a, pair.b):
            scores.setdefault(app_id, []).append(pair.score)
    positions = range(min(len(groups), theme.MAX_DUPLICATE_GROUPS)) if part is None \
        else range(part.start, min(part.stop, len(groups)))
    for position in positions:
        _add_group(scene, workspace, position + 1, groups[position], scores)
    columns = theme.DUPLICATE_COLUMNS if part is None else theme.DUPLICATE_PAGE_COLUMNS
    scene.columns = max(1, min(columns, math.ceil(math.sqrt(len(positions)))))
    return scene


def page_parts(workspace: Workspace) -> list[range]:
    """The groups cut into page-sized runs: at most ``DUPLICATE_PAGE_GROUPS`` groups, and at most
    ``DUPLICATE_PAGE_ROWS`` rows of application boxes once the groups stand two by two (a group shows its
    boxes two by two), so that a printed part keeps its text legible without cutting a group in two (a
    larger group is a part of its own)."""
    groups = find_duplicates(workspace, language="id").groups[: theme.MAX_DUPLICATE_GROUPS]
    # a group's boxes: its members and the national application it moves to, drawn once
    heights = [math.ceil(len({*g.applications, g.national_application} - {None}) / 2) for g in groups]
    parts: list[range] = []
    start = 0
    for position in range(1, len(groups) + 1):
        if position == len(groups) or position - start >= theme.DUPLICATE_PAGE_GROUPS \
                or _rows(heights[start:position + 1]) > theme.DUPLICATE_PAGE_ROWS:
            parts.append(range(start, position))
            start = position
    return parts


def _rows(heights: list[int]) -> int:
    """The rows of boxes of groups standing side by side, ``DUPLICATE_PAGE_COLUMNS`` to a row."""
    step = theme.DUPLICATE_PAGE_COLUMNS
    return sum(max(heights[i:i + step]) for i in range(0, len(heights), step))


def _add_group(scene: Scene, workspace: Workspace, number: int, group: Group, scores: dict[str, list[float]]) -> None:
    cluster = f"group{number}"
    function = clean(group.title)
    apps = [a for a in (workspace.elements.get(i) for i in group.applications) if isinstance(a, Application)]
    found = [score for app in apps for score in scores.get(app.id, [])]
    low, high = (desimal(min(found)), desimal(max(found))) if found else ("", "")  # Indonesian, as the figure
    similarity = "" if not found else f", kemiripan {low}" if low == high else f", kemiripan {low} sampai {high}"
    scene.add_cluster(Cluster(cluster, f"Kelompok {number}" + (f": {function}" if function else ""),
                              f"{len(apps)} aplikasi{similarity}", columns=2))
    # the national application a group moves to is drawn once, as the target, even when it is a member
    local = [app for app in apps if app.id != group.national_application]
    for app in local:
        node = element_node(workspace, app, show_owner=True, min_width=1.8)
        node.cluster = cluster
        node.id = f"{app.id}__group"  # a group's boxes are its own: the same id may be a national target too
        scene.add_node(node)
    if group.national_application:
        target = scene.add_node(_national_node(workspace, group.national_application, cluster))
        for app in local:
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
