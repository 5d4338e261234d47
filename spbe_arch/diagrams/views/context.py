"""The context of one element: what it names and what names it, to a chosen depth."""

from __future__ import annotations

from collections import defaultdict

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.scene import Scene
from spbe_arch.diagrams.views.common import (
    COLLECTION_WORDS,
    element_node,
    government_name,
    relation_style,
    sorted_elements,
    summary_node,
)
from spbe_arch.model import Element, Organization
from spbe_arch.relations import iter_references
from spbe_arch.workspace import Workspace

MAX_CONTEXT_NODES = 250
# Organizations own and use almost everything; passing through one would pull in the whole model.
NOT_EXPANDED = ("organizations",)


def _neighbours(workspace: Workspace) -> dict[str, set[tuple[str, str, str]]]:
    """For each element, its relations as (tail, head, edge type), in both directions (references that are no
    edge, such as ``distinct_from``, are left out)."""
    table: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for element in workspace.iter_elements():
        for ref in iter_references(element):
            if ref.edge is not None and ref.target in workspace.elements and ref.target != element.id:
                relation = (element.id, ref.target, ref.edge)
                table[element.id].add(relation)
                table[ref.target].add(relation)
    return table


def build_context(workspace: Workspace, subject: Element, depth: int = 1) -> Scene:
    depth = max(1, depth)
    label = f"{COLLECTION_WORDS.get(subject.COLLECTION, subject.COLLECTION)} {subject.name}"
    scene = Scene(f"context:{subject.id}", title=f"Konteks {label}",
                  subtitle=f"Elemen yang terhubung sampai {depth} langkah, {government_name(workspace)}")
    scene.add_node(element_node(workspace, subject, show_owner=True, emphasis=True))
    table = _neighbours(workspace)
    relations: set[tuple[str, str, str]] = set()
    frontier = [subject.id]
    for _ in range(depth):
        following: list[str] = []
        for current in frontier:
            if current != subject.id and workspace.elements[current].COLLECTION in NOT_EXPANDED:
                continue
            following += _expand(scene, workspace, current, table[current], relations)
        frontier = following
        if len(scene.nodes) >= MAX_CONTEXT_NODES:
            scene.note(f"Konteks dibatasi {MAX_CONTEXT_NODES} elemen; kurangi --depth untuk gambar yang lengkap.")
            break
    for tail, head, edge in sorted(relations):
        scene.connect(tail, head, relation_style(edge), theme.EDGE_LABELS.get(edge, ""))
    return scene


def _expand(scene: Scene, workspace: Workspace, current: str, links: set[tuple[str, str, str]],
            relations: set[tuple[str, str, str]]) -> list[str]:
    """Add the neighbours of one element, at most a few per collection; return the new ones."""
    by_collection: dict[str, list[Element]] = defaultdict(list)
    for tail, head, _edge in links:
        neighbour = workspace.elements[head if tail == current else tail]
        by_collection[neighbour.COLLECTION].append(neighbour)
    added: list[str] = []
    for collection in sorted(by_collection):
        others = sorted_elements({e.id: e for e in by_collection[collection]}.values())
        limit = theme.MAX_CONTEXT_NEIGHBOURS
        shown, rest = (others, []) if len(others) <= limit else (others[: limit - 1], others[limit - 1:])
        for other in shown:
            if other.id not in scene.nodes:
                if len(scene.nodes) >= MAX_CONTEXT_NODES:
                    break
                scene.add_node(element_node(workspace, other, show_owner=not isinstance(other, Organization)))
                added.append(other.id)
        if rest:
            what = f"{COLLECTION_WORDS.get(collection, collection)} lainnya"
            node = scene.add_node(summary_node(f"more__{current}__{collection}", rest, workspace, what=what))
            scene.connect(node.id, current, _summary_style(links, current, rest))
            scene.note(f"{workspace.display_name(current)}: {len(others)} {COLLECTION_WORDS.get(collection, '')} "
                       f"terhubung, {len(shown)} ditampilkan.")
    shown_ids = set(scene.nodes)
    relations.update(r for r in links if r[0] in shown_ids and r[1] in shown_ids)
    return added


def _summary_style(links: set[tuple[str, str, str]], current: str, rest: list[Element]) -> str:
    """The style of the arrow to a summary box: the most common relation it stands for."""
    ids = {e.id for e in rest}
    kinds = sorted(edge for tail, head, edge in links if (head if tail == current else tail) in ids)
    edge = max(set(kinds), key=kinds.count) if kinds else "owned_by"
    return relation_style(edge)
