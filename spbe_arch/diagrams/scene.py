"""A view before it is drawn: boxes, arrows, groups and notes, independent of DOT or Mermaid.

Views build a :class:`Scene` from the model; :mod:`.dot` and :mod:`.mermaid` draw the same scene,
so both formats always show the same content, legend and notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Engine = Literal["dot", "osage"]
MAX_NESTING = 20  # levels of groups inside groups that a drawing shows
Direction = Literal["LR", "TB"]


@dataclass
class Node:
    id: str
    title: str
    style: str  # a key of theme.NODE_STYLES
    subtitle: str = ""
    status: str = "aktif"
    cluster: str | None = None
    layer: int | None = None  # column of a layered view; edges are drawn from lower to higher layers
    emphasis: bool = False  # the subject of the view
    min_width: float | None = None  # inches; equal widths make tidy grids
    anchor_of: str | None = None  # an invisible point that stands for this cluster at the end of an arrow


@dataclass
class Edge:
    tail: str
    head: str
    style: str  # a key of theme.EDGE_STYLES
    label: str = ""
    count: int = 1


@dataclass
class Cluster:
    id: str
    title: str
    subtitle: str = ""
    style: str = "group"  # a key of theme.CLUSTER_FILLS
    parent: str | None = None
    columns: int | None = None  # packed layouts (osage): how many columns its members form


@dataclass
class Scene:
    view: str
    title: str
    subtitle: str = ""
    engine: Engine = "dot"
    direction: Direction = "LR"
    columns: int = 1  # packed layouts (osage): how many columns the top-level groups form
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add_node(self, node: Node) -> Node:
        """Add a node; the first one added under an id wins (a view may reach an element twice)."""
        return self.nodes.setdefault(node.id, node)

    def add_cluster(self, cluster: Cluster) -> Cluster:
        return self.clusters.setdefault(cluster.id, cluster)

    def connect(self, tail: str, head: str, style: str, label: str = "") -> None:
        """An arrow between two nodes of the scene; the same arrow twice is drawn once, counted."""
        if tail not in self.nodes or head not in self.nodes or tail == head:
            return
        key = (tail, head, style)
        existing = self.edges.get(key)
        if existing is None:
            self.edges[key] = Edge(tail, head, style, label)
        else:
            existing.count += 1

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def node_styles(self) -> list[str]:
        """The node styles drawn, in first-use order (for the legend)."""
        return list(dict.fromkeys(n.style for n in self.nodes.values() if n.anchor_of is None))

    def statuses(self) -> list[str]:
        return sorted({n.status for n in self.nodes.values() if n.status != "aktif"})

    def edge_styles(self) -> list[str]:
        return list(dict.fromkeys(e.style for e in self.edges.values()))

    def limit_nesting(self) -> None:
        """Groups nested deeper than :data:`MAX_NESTING` levels are drawn inside the group at that level
        (with a note): the writers walk groups recursively, and no drawing shows 5,000 nested frames.
        Depths are found without recursion, and a cycle of parents is cut the same way."""
        depth: dict[str, int] = {}
        moved = 0
        for cluster_id in self.clusters:
            chain: list[str] = []
            current: str | None = cluster_id
            while current is not None and current in self.clusters and current not in depth:
                if current in chain:  # a cycle: treat its first member as top level
                    self.clusters[current].parent = None
                    break
                chain.append(current)
                current = self.clusters[current].parent
            base = depth.get(current, -1) if current is not None and current in self.clusters else -1
            for offset, member in enumerate(reversed(chain), start=1):
                depth[member] = base + offset
        for cluster in self.clusters.values():
            if depth.get(cluster.id, 0) >= MAX_NESTING:
                ancestor = cluster.parent
                while ancestor is not None and depth.get(ancestor, 0) >= MAX_NESTING:
                    ancestor = self.clusters[ancestor].parent
                cluster.parent = ancestor
                moved += 1
        if moved:
            self.note(f"{moved} kelompok bersarang lebih dari {MAX_NESTING} tingkat digambar pada tingkat "
                      f"ke-{MAX_NESTING}.")

    def cluster_children(self) -> dict[str | None, list[str]]:
        children: dict[str | None, list[str]] = {}
        for cluster in self.clusters.values():
            children.setdefault(cluster.parent, []).append(cluster.id)
        return children
