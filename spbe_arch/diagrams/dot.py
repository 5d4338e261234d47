"""A scene as DOT source, written through the ``graphviz`` package.

Every model text is placed in an HTML-like label after :func:`labels.dot_html`, so no name can
break the DOT syntax; ids pass :func:`textsafe.dot_name` and are then quoted by the ``graphviz`` package.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from spbe_arch import textsafe
from spbe_arch.diagrams import theme
from spbe_arch.diagrams.labels import dot_html, dot_html_lines
from spbe_arch.diagrams.scene import Cluster, Edge, Node, Scene

LEGEND = "legend"
LEGEND_SAMPLE = {"width": "1.5", "height": "0.3", "fontsize": "9", "margin": "0.08,0.03"}


def _font(text: str, size: int | None = None, colour: str | None = None) -> str:
    attrs = (f' POINT-SIZE="{size}"' if size else "") + (f' COLOR="{colour}"' if colour else "")
    return f"<FONT{attrs}>{text}</FONT>" if attrs else text


def node_label(title: str, subtitle: str = "", *, bold: bool = False, width: int = theme.WRAP_NODE) -> str:
    """The HTML label of a box: the wrapped name, then the facts in smaller, muted type."""
    main = dot_html_lines(title, width)
    if bold:
        main = f"<B>{main}</B>"
    if subtitle:
        main += "<BR/>" + _font(dot_html_lines(subtitle, width + 6), theme.SUBTITLE_SIZE, theme.MUTED_COLOUR)
    return f"<{main}>"


def _node_attrs(node: Node) -> dict[str, str]:
    if node.anchor_of is not None:
        return {"shape": "point", "style": "invis", "width": "0.01", "height": "0.01", "label": ""}
    style = theme.NODE_STYLES[node.style]
    styles = ["filled"]
    if style.rounded:
        styles.append("rounded")
    border = theme.STATUS_BORDER.get(node.status) or ("dashed" if style.dashed else None)
    if border:
        styles.append(border)
    retired = node.status == "dihentikan"
    attrs = {
        "shape": style.shape,
        "style": ",".join(styles),
        "fillcolor": theme.RETIRED_FILL if retired else style.colour,
        "label": node_label(node.title, node.subtitle, bold=node.emphasis),
    }
    penwidth = 3.0 if node.emphasis else style.penwidth
    if penwidth != 1:
        attrs["penwidth"] = _num(penwidth)
    if style.margin:
        attrs["margin"] = style.margin
    if retired:
        attrs["fontcolor"] = theme.RETIRED_TEXT
    if node.min_width is not None:
        attrs["width"] = _num(node.min_width)
    return attrs


def _num(value: float) -> str:
    return f"{value:g}"


def _cluster_attrs(cluster: Cluster, order: int, engine: str) -> dict[str, str]:
    left = '<BR ALIGN="LEFT"/>'
    text = f"<B>{dot_html_lines(cluster.title, theme.WRAP_CLUSTER, left=True)}</B>{left}"
    if cluster.subtitle:
        text += _font(dot_html_lines(cluster.subtitle, theme.WRAP_CLUSTER + 20, left=True), theme.SUBTITLE_SIZE,
                      theme.MUTED_COLOUR) + left
    region = cluster.style == "region"
    attrs = {
        "label": f"<{text}>",
        "labeljust": "l",
        "style": "rounded,filled",
        "fillcolor": theme.CLUSTER_FILLS.get(cluster.style, theme.CLUSTER_FILLS["group"]),
        "color": "#4d4d4d" if region else "#8c8c8c",
        "penwidth": "1.5" if region else "1",
        "fontsize": str(theme.CLUSTER_FONT_SIZE + (3 if region else 0)),
        "sortv": str(order),
        "margin": "10",
    }
    if engine == "osage" and cluster.columns:
        attrs["packmode"] = f"array_ult{cluster.columns}"
    return attrs


def _edge_attrs(edge: Edge, scene: Scene) -> tuple[str, str, dict[str, str]]:
    style = theme.EDGE_STYLES[edge.style]
    attrs = {"color": style.colour, "penwidth": _num(style.penwidth), "style": style.style,
             "arrowhead": style.arrowhead}
    text = edge.label
    if edge.count > 1:
        text = f"{text} ({edge.count}x)" if text else f"{edge.count}x"
    if text:
        attrs["label"] = f"<{dot_html_lines(text, 20)}>"
        attrs["fontcolor"] = style.colour
    tail, head = scene.nodes[edge.tail], scene.nodes[edge.head]
    if tail.anchor_of:
        attrs["ltail"] = f"cluster_{_name(tail.anchor_of)}"
    if head.anchor_of:
        attrs["lhead"] = f"cluster_{_name(head.anchor_of)}"
    backwards = tail.layer is not None and head.layer is not None and tail.layer > head.layer
    if style.undirected:
        attrs["dir"] = "none"
    if backwards:  # keep the layers in order: lay the edge out forwards, draw its arrow backwards
        if not style.undirected:
            attrs["dir"] = "back"
            attrs["arrowtail"] = attrs.pop("arrowhead")
        swapped = {"ltail": attrs.pop("lhead", ""), "lhead": attrs.pop("ltail", "")}
        attrs.update({k: v for k, v in swapped.items() if v})
        return _name(edge.head), _name(edge.tail), attrs
    return _name(edge.tail), _name(edge.head), attrs


def _name(scene_id: str) -> str:
    """A scene id as a DOT name the ``graphviz`` package quotes safely (:func:`textsafe.dot_name`)."""
    return textsafe.dot_name(scene_id)


def _title_label(scene: Scene) -> str:
    parts = [_font(f"<B>{dot_html_lines(scene.title, theme.WRAP_TITLE, left=True)}</B>", theme.TITLE_SIZE)]
    if scene.subtitle:
        parts.append(_font(dot_html_lines(scene.subtitle, theme.WRAP_NOTE, left=True), theme.FONT_SIZE + 1,
                           theme.MUTED_COLOUR))
    for note in scene.notes:
        parts.append(_font(dot_html_lines(f"Catatan: {note}", theme.WRAP_NOTE, left=True), theme.FONT_SIZE,
                           theme.NOTE_COLOUR))
    return "<" + '<BR ALIGN="LEFT"/>'.join(parts) + '<BR ALIGN="LEFT"/>>'


def _edge_legend(styles: list[str]) -> str:
    rows = []
    for key in styles:
        style = theme.EDGE_STYLES[key]
        border = max(1, round(style.penwidth))
        dash = f' STYLE="{style.style}"' if style.style in ("dashed", "dotted") else ""
        rows.append(
            f'<TR><TD WIDTH="40" HEIGHT="10" SIDES="B" BORDER="{border}" '
            f'COLOR="{style.colour}"{dash}> </TD><TD ALIGN="LEFT">{dot_html(style.legend)}</TD></TR>'
        )
    table = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1">' + "".join(rows) + "</TABLE>"
    return f'<<FONT POINT-SIZE="9">{table}</FONT>>'


def _legend(graph: Any, scene: Scene) -> None:
    """Samples of every box and arrow the view uses, named: the legend every view carries."""
    key = (tuple(scene.node_styles()), tuple(scene.statuses()), tuple(scene.edge_styles()), scene.engine,
           scene.direction)
    graph.subgraph(_legend_graph(*key))


@functools.lru_cache(maxsize=256)
def _legend_graph(node_styles: tuple[str, ...], statuses: tuple[str, ...], edge_styles: tuple[str, ...],
                  engine: str, direction: str) -> Any:
    """The legend cluster, made once for each combination (many views share one).

    The samples form a small grid (rows of a few), so that the legend never becomes one long column.
    """
    import graphviz

    entries: list[tuple[str, dict[str, str]]] = []
    for key in node_styles:
        style = theme.NODE_STYLES[key]
        styles = ["filled"] + (["rounded"] if style.rounded else []) + (["dashed"] if style.dashed else [])
        entries.append((f"{LEGEND}__{key}", {
            "label": node_label(style.legend, width=22), "shape": style.shape, "style": ",".join(styles),
            "fillcolor": style.colour, "penwidth": _num(style.penwidth), **LEGEND_SAMPLE,
            "margin": style.margin or LEGEND_SAMPLE["margin"]}))
    for status in statuses:
        styles = ["filled"] + ([theme.STATUS_BORDER[status]] if status in theme.STATUS_BORDER else [])
        retired = status == "dihentikan"
        entries.append((f"{LEGEND}__status_{status}", {
            "label": node_label(theme.STATUS_LEGEND[status], width=22), "shape": "box", "style": ",".join(styles),
            "fillcolor": theme.RETIRED_FILL if retired else "#ffffff",
            "fontcolor": theme.RETIRED_TEXT if retired else theme.TEXT_COLOUR, **LEGEND_SAMPLE}))
    if edge_styles:
        entries.append((f"{LEGEND}__edges", {"label": _edge_legend(list(edge_styles)), "shape": "plain"}))
    columns = theme.LEGEND_COLUMNS
    legend = graphviz.Digraph(name=f"cluster_{LEGEND}")
    legend.attr(label="<<B>Keterangan</B>>", style="rounded,filled", fillcolor=theme.CLUSTER_FILLS["legend"],
                color="#8c8c8c", fontsize=str(theme.CLUSTER_FONT_SIZE), sortv="1000000", margin="10")
    for i, (name, attrs) in enumerate(entries):
        legend.node(name, sortv=str(i), **{k: v for k, v in attrs.items() if v})
    if engine != "dot":
        legend.attr(packmode=f"array_ult{columns}")
        return legend
    rows = [[name for name, _ in entries[i:i + columns]] for i in range(0, len(entries), columns)]
    ranks_run_across = direction == "LR"
    for row in rows:  # a chain across ranks, or one rank, makes each row lie horizontally
        if ranks_run_across:
            for left, right in itertools.pairwise(row):
                legend.edge(left, right, style="invis")
        else:
            _same_rank(legend, row, ordered=True)
    for column in range(columns):  # rows in order from the top
        cells = [row[column] for row in rows if column < len(row)]
        if ranks_run_across:  # rotated layouts stack flat edges bottom-up
            _same_rank(legend, cells[::-1], ordered=True)
        else:
            for above, below in itertools.pairwise(cells):
                legend.edge(above, below, style="invis")
    return legend


def _same_rank(graph: Any, names: list[str], *, ordered: bool) -> None:
    """Put nodes on one rank; ``ordered`` keeps them in the given order with invisible flat edges."""
    with graph.subgraph() as same:
        same.attr(rank="same")
        for name in names:
            same.node(name)
        if ordered:
            for first, second in itertools.pairwise(names):
                same.edge(first, second, style="invis")


def scene_to_dot(scene: Scene) -> str:
    import graphviz

    scene.limit_nesting()
    graph_attr = {
        "layout": scene.engine,
        "fontname": theme.FONT,
        "fontsize": str(theme.CLUSTER_FONT_SIZE),
        "fontcolor": theme.TEXT_COLOUR,
        "label": _title_label(scene),
        "labelloc": "t",
        "labeljust": "l",
        "bgcolor": "white",
        "pad": "0.3",
        "outputorder": "edgesfirst",
    }
    if scene.engine == "dot":
        graph_attr.update(rankdir=scene.direction, newrank="true", nodesep="0.25", ranksep="0.7")
        if any(n.anchor_of for n in scene.nodes.values()):
            graph_attr["compound"] = "true"
    else:
        graph_attr.update(pack="24", packmode=f"array_ul{scene.columns}")
    node_attr = {"fontname": theme.FONT, "fontsize": str(theme.FONT_SIZE), "fontcolor": theme.TEXT_COLOUR,
                 "color": "#333333", "margin": "0.12,0.06"}
    edge_attr = {"fontname": theme.FONT, "fontsize": str(theme.SUBTITLE_SIZE), "arrowsize": "0.8"}
    graph = graphviz.Digraph(name=_name(scene.view), graph_attr=graph_attr, node_attr=node_attr, edge_attr=edge_attr)

    by_cluster: dict[str | None, list[Node]] = {}
    for node in scene.nodes.values():
        by_cluster.setdefault(node.cluster, []).append(node)
    children = scene.cluster_children()
    order = {cid: i for i, cid in enumerate(scene.clusters)}

    packed = scene.engine == "osage"

    def emit(container: Any, cluster_id: str | None) -> None:
        for i, node in enumerate(by_cluster.get(cluster_id, [])):
            attrs = _node_attrs(node)
            if packed:
                attrs["sortv"] = str(i)  # keep the order given: osage would sort by size
            container.node(_name(node.id), **attrs)
        for child in children.get(cluster_id, []):
            with container.subgraph(name=f"cluster_{_name(child)}") as sub:
                sub.attr(**_cluster_attrs(scene.clusters[child], order[child], scene.engine))
                emit(sub, child)

    emit(graph, None)
    if scene.engine == "dot":
        _rank_layers(graph, scene)
    for edge in scene.edges.values():
        tail, head, attrs = _edge_attrs(edge, scene)
        graph.edge(tail, head, **attrs)
    _legend(graph, scene)
    return str(graph.source)


def _rank_layers(graph: Any, scene: Scene) -> None:
    """Each layer in one column (or row), the layers in order even where no arrow links them."""
    layers: dict[int, list[str]] = {}
    for node in scene.nodes.values():
        if node.layer is not None:
            layers.setdefault(node.layer, []).append(_name(node.id))
    ordered = sorted(layers)
    for index in ordered:
        _same_rank(graph, layers[index], ordered=False)
    for before, after in itertools.pairwise(ordered):
        graph.edge(layers[before][0], layers[after][0], style="invis", weight="0")


__all__ = ["node_label", "scene_to_dot"]
