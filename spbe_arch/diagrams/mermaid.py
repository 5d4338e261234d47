"""A scene as a Mermaid flowchart, which GitHub and GitLab draw inside Markdown.

Ids are generated (``n1``, ``c1``): element ids may hold ``-`` and ``.``, which Mermaid reads as
syntax, and a node called ``end`` would close a subgraph. Every text goes through
:func:`labels.mermaid_text`.
"""

from __future__ import annotations

import json

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.labels import clean, mermaid_lines, mermaid_text
from spbe_arch.diagrams.scene import Node, Scene

# Graphviz shape (and rounded) -> Mermaid brackets.
SHAPES: dict[tuple[str, bool], tuple[str, str]] = {
    ("box", False): ("[", "]"),
    ("box", True): ("(", ")"),
    ("tab", False): ("[", "]"),
    ("cds", False): (">", "]"),
    ("note", False): ("[/", "/]"),
    ("component", False): ("[[", "]]"),
    ("box3d", False): ("[(", ")]"),
    ("hexagon", False): ("{{", "}}"),
    ("doubleoctagon", False): ("{{", "}}"),
    ("octagon", False): ("{{", "}}"),
}
ARROWS: dict[str, str] = {"solid": "-->", "dashed": "-.->", "dotted": "-.->"}
UNDIRECTED: dict[str, str] = {"solid": "---", "dashed": "-.-", "dotted": "-.-"}


def _class_name(style: str) -> str:
    return "s_" + style.replace(".", "_").replace("-", "_")


def _label(node: Node) -> str:
    text = mermaid_lines(node.title, theme.WRAP_NODE)
    if node.emphasis:
        text = f"<b>{text}</b>"
    if node.subtitle:
        text += f"<br/><small>{mermaid_lines(node.subtitle, theme.WRAP_NODE + 6)}</small>"
    return text


def scene_to_mermaid(scene: Scene) -> str:
    scene.limit_nesting()
    ids = {node_id: f"n{i}" for i, node_id in enumerate(scene.nodes, start=1)}
    cluster_ids = {cluster_id: f"c{i}" for i, cluster_id in enumerate(scene.clusters, start=1)}
    # The title is YAML front matter, drawn as plain text: a JSON string is valid YAML and escapes it.
    title = json.dumps(clean(scene.title), ensure_ascii=False)
    packed = scene.engine == "osage"  # groups in a grid: Mermaid stacks them, each group's boxes in a row
    lines = ["---", f"title: {title}", "---", f"flowchart {'TB' if packed else scene.direction}"]
    header = ([scene.subtitle] if scene.subtitle else []) + [f"Catatan: {n}" for n in scene.notes]
    if header:
        lines.append(f'  notes["{"<br/>".join(mermaid_lines(text, theme.WRAP_NOTE) for text in header)}"]')
        lines.append("  class notes s_note")
    by_cluster: dict[str | None, list[Node]] = {}
    for node in scene.nodes.values():
        by_cluster.setdefault(node.cluster, []).append(node)
    children = scene.cluster_children()

    def emit(cluster_id: str | None, indent: str) -> None:
        for node in by_cluster.get(cluster_id, []):
            if node.anchor_of is None:
                opening, closing = SHAPES[_shape(node.style)]
                lines.append(f'{indent}{ids[node.id]}{opening}"{_label(node)}"{closing}')
        for child in children.get(cluster_id, []):
            cluster = scene.clusters[child]
            title = mermaid_text(cluster.title) + (f", {mermaid_text(cluster.subtitle)}" if cluster.subtitle else "")
            lines.append(f'{indent}subgraph {cluster_ids[child]}["{title}"]')
            across = packed and child not in children  # a group of boxes, not a group of groups
            lines.append(f"{indent}  direction {'LR' if across else 'TB'}")
            emit(child, indent + "  ")
            lines.append(f"{indent}end")

    emit(None, "  ")
    link_styles: dict[str, list[int]] = {}
    for index, edge in enumerate(scene.edges.values()):
        style = theme.EDGE_STYLES[edge.style]
        arrow = (UNDIRECTED if style.undirected else ARROWS).get(style.style, "-->")
        if style.penwidth >= 2 and not style.undirected:
            arrow = "==>"
        text = edge.label + (f" ({edge.count}x)" if edge.count > 1 and edge.label else
                             (f"{edge.count}x" if edge.count > 1 else ""))
        middle = f'|"{mermaid_text(text)}"|' if text else ""
        lines.append(f"  {_end(scene, edge.tail, ids, cluster_ids)} {arrow}{middle} "
                     f"{_end(scene, edge.head, ids, cluster_ids)}")
        link_styles.setdefault(edge.style, []).append(index)
    _legend(scene, lines)
    lines += _class_defs(scene, ids)
    for key, indexes in link_styles.items():
        style = theme.EDGE_STYLES[key]
        lines.append(f"  linkStyle {','.join(map(str, indexes))} "
                     f"stroke:{style.colour},stroke-width:{style.penwidth:g}px")
    return "\n".join(lines) + "\n"


def _end(scene: Scene, node_id: str, ids: dict[str, str], cluster_ids: dict[str, str]) -> str:
    anchor = scene.nodes[node_id].anchor_of
    return cluster_ids[anchor] if anchor is not None else ids[node_id]


def _shape(style_key: str) -> tuple[str, bool]:
    style = theme.NODE_STYLES[style_key]
    return (style.shape, style.rounded) if (style.shape, style.rounded) in SHAPES else ("box", style.rounded)


def _legend(scene: Scene, lines: list[str]) -> None:
    if not scene.node_styles() and not scene.edge_styles():
        return
    lines.append('  subgraph legend["Keterangan"]')
    lines.append("    direction LR")
    for key in scene.node_styles():
        opening, closing = SHAPES[_shape(key)]
        lines.append(f'    {_class_name("legend_" + key)}{opening}"{mermaid_text(theme.NODE_STYLES[key].legend)}"'
                     f"{closing}")
    for key in scene.edge_styles():
        style = theme.EDGE_STYLES[key]
        lines.append(f'    {_class_name("legend_edge_" + key)}["{mermaid_text(style.legend)}"]')
    lines.append("  end")


def _class_defs(scene: Scene, ids: dict[str, str]) -> list[str]:
    out = ["  classDef s_note fill:#ffffff,stroke:#9c2a00,color:#9c2a00"]
    members: dict[str, list[str]] = {}
    for node in scene.nodes.values():
        if node.anchor_of is None:
            members.setdefault(_class_name(node.style), []).append(ids[node.id])
    for key in scene.node_styles():
        style = theme.NODE_STYLES[key]
        dash = ",stroke-dasharray:5 3" if style.dashed else ""
        out.append(f"  classDef {_class_name(key)} fill:{style.colour},stroke:#333333,"
                   f"stroke-width:{style.penwidth:g}px{dash}")
        out.append(f"  class {','.join([*members.get(_class_name(key), []), _class_name('legend_' + key)])} "
                   f"{_class_name(key)}")
    for key in scene.edge_styles():
        edge_style = theme.EDGE_STYLES[key]
        out.append(f"  style {_class_name('legend_edge_' + key)} fill:#ffffff,stroke:{edge_style.colour},"
                   f"stroke-width:{max(edge_style.penwidth, 1.5):g}px,color:{edge_style.colour}")
    for status in scene.statuses():
        nodes = [ids[n.id] for n in scene.nodes.values() if n.status == status and n.anchor_of is None]
        if status == "dihentikan":
            out.append(f"  classDef st_{status} fill:{theme.RETIRED_FILL},color:{theme.RETIRED_TEXT}")
        else:
            dash = "5 3" if theme.STATUS_BORDER.get(status) == "dashed" else "2 2"
            out.append(f"  classDef st_{status} stroke-dasharray:{dash}")
        out.append(f"  class {','.join(nodes)} st_{status}")
    return out
