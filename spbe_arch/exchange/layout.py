"""Node geometry for the generated ArchiMate views, from a Graphviz layout.

Views in an exchange file need coordinates. Rather than placing boxes by hand we describe the view
as a graph (clusters for nesting), let Graphviz lay it out (``graphviz-pure``, which ships with the
package, or any ``dot``), read its JSON, and turn it into integer, non-negative, absolute, top-left
coordinates as the exchange format wants them.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from typing import Any

from spbe_arch import textsafe
from spbe_arch.errors import SpbeError

NODE_W = 160  # Archi's default box is 120 x 55; SPBE names are long
NODE_H = 60
MARGIN = 24
POINTS_PER_INCH = 72.0
LAYOUT_TIMEOUT_S = 120


class LayoutError(SpbeError):
    """No Graphviz could be run, or it failed on the view."""


@dataclass
class Cluster:
    """A box drawn around ``nodes`` and nested ``clusters``; ``key`` names it in the result."""

    key: str
    label: str
    nodes: list[str] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)


@dataclass
class LayoutGraph:
    engine: str  # "dot" for views with connections, "osage" to pack boxes into a grid
    nodes: list[str] = field(default_factory=list)  # top-level nodes (outside every cluster)
    clusters: list[Cluster] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)


Box = tuple[int, int, int, int]  # x, y, width, height; top-left origin


def find_graphviz() -> list[str]:
    """The command that lays graphs out, resolved as for diagrams: $SPBE_DOT, then graphviz-pure next
    to this Python, then on PATH, then a system ``dot`` (every one of them makes ``-Tjson0``)."""
    from spbe_arch.diagrams.renderer import find_renderer

    renderer = find_renderer()
    if renderer is None:
        raise LayoutError("no Graphviz found for the view layout (graphviz-pure is installed with spbe-arch; "
                          "set SPBE_DOT to a `dot` program), or export without views (--no-views)")
    return [renderer.path]


def to_dot(graph: LayoutGraph) -> tuple[str, dict[str, str]]:
    """DOT text of the graph with neutral names (n0, cluster_0, ...), and the name of each key."""
    import graphviz

    names: dict[str, str] = {}
    attrs = {"rankdir": "LR", "nodesep": "0.4", "ranksep": "0.9", "pack": "true", "fontsize": "12"}
    if graph.engine == "fdp":  # the force-directed layout settles well before its default 600 rounds
        attrs.update(maxiter="150", sep="+12")
    dot = graphviz.Digraph("view", graph_attr=attrs)
    dot.attr("node", shape="box", fixedsize="true", label="",
             width=f"{NODE_W / POINTS_PER_INCH:.4f}", height=f"{NODE_H / POINTS_PER_INCH:.4f}")

    def add_nodes(target: graphviz.Digraph, keys: list[str]) -> None:
        for key in keys:
            names[key] = f"n{len(names)}"
            target.node(names[key])

    def add_cluster(parent: graphviz.Digraph, cluster: Cluster) -> None:
        names[cluster.key] = f"cluster_{len(names)}"
        with parent.subgraph(name=names[cluster.key]) as sub:
            sub.attr(label=_dot_label(cluster.label), margin="16", labeljust="l")
            add_nodes(sub, cluster.nodes)
            for child in cluster.clusters:
                add_cluster(sub, child)

    for cluster in graph.clusters:
        add_cluster(dot, cluster)
    add_nodes(dot, graph.nodes)
    for source, target in graph.edges:
        if source in names and target in names:
            dot.edge(names[source], names[target])
    return dot.source, names


def _dot_label(text: str) -> str:
    """A cluster label that reserves the space of the element's name; DOT escapes, control characters
    and a leading ``<`` (which the ``graphviz`` package would pass on as an HTML label) are neutralised."""
    import graphviz

    cleaned = textsafe.one_line(text).replace("\\", "/")
    label: str = graphviz.nohtml(cleaned if len(cleaned) <= 48 else cleaned[:47] + "…")
    return label


def layout(graph: LayoutGraph) -> dict[str, Box]:
    """The box of every node and cluster key of ``graph``."""
    if not graph.nodes and not graph.clusters:
        return {}
    source, names = to_dot(graph)
    command = [*find_graphviz(), f"-K{graph.engine}", "-Tjson0"]
    try:
        done = subprocess.run(command, input=source.encode("utf-8"), capture_output=True,
                              timeout=LAYOUT_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LayoutError(f"Graphviz ({command[0]}) could not lay out the view: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LayoutError(f"Graphviz ({command[0]}) failed on the view: {message[-1] if message else done.returncode}")
    try:
        result = json.loads(done.stdout)
    except ValueError as exc:
        raise LayoutError(f"Graphviz ({command[0]}) gave an unreadable layout: {exc}") from None
    return _boxes(result, names)


def _boxes(result: dict[str, Any], names: dict[str, str]) -> dict[str, Box]:
    _, _, _, top = (float(v) for v in result["bb"].split(","))
    by_name = {obj["name"]: obj for obj in result.get("objects", [])}
    boxes: dict[str, Box] = {}
    for key, name in names.items():
        obj = by_name.get(name)
        if obj is None:  # pragma: no cover - Graphviz drops nothing it was given
            continue
        if "bb" in obj:
            x1, y1, x2, y2 = (float(v) for v in obj["bb"].split(","))
        else:
            cx, cy = (float(v) for v in obj["pos"].split(","))
            w = float(obj["width"]) * POINTS_PER_INCH
            h = float(obj["height"]) * POINTS_PER_INCH
            x1, x2, y1, y2 = cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2
        x = round(x1) + MARGIN
        y = round(top - y2) + MARGIN
        boxes[key] = (max(x, 0), max(y, 0), max(round(x2 - x1), 1), max(round(y2 - y1), 1))
    return boxes
