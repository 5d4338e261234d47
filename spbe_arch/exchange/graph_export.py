"""The dependency graph in exchange formats: GraphML (yEd, Gephi, Cytoscape) and node-link JSON (D3, networkx)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Literal

from spbe_arch.errors import UsageError
from spbe_arch.graph import PROPAGATION, STRENGTH, workspace_graph
from spbe_arch.workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

GraphFormat = Literal["graphml", "json"]
GRAPH_FORMATS: tuple[str, ...] = ("graphml", "json")
# Characters XML 1.0 cannot hold even escaped: a model text with one would make the file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _flat(attributes: dict[str, Any]) -> dict[str, Any]:
    """GraphML holds only scalars: lists become space-separated ids, None is left out."""
    flat = {}
    for key, value in attributes.items():
        if value is None:
            continue
        flat[key] = _xml_safe(" ".join(value) if isinstance(value, list) else value)
    return flat


def _graphml(graph: nx.MultiDiGraph) -> str:
    import networkx as nx

    flat = nx.MultiDiGraph(**_flat(dict(graph.graph)))
    flat.add_nodes_from((n, _flat({"label": d["name"], **d})) for n, d in graph.nodes(data=True))
    flat.add_edges_from((u, v, k, {**_flat(d), "propagation": PROPAGATION[d["type"]] or "none",
                                   "strength": STRENGTH.get(d["type"], "none")})
                        for u, v, k, d in graph.edges(keys=True, data=True))
    return "\n".join(nx.generate_graphml(flat, prettyprint=True, named_key_ids=True)) + "\n"


def _node_link(graph: nx.MultiDiGraph) -> str:
    import networkx as nx

    payload = nx.node_link_data(graph, edges="edges")
    for edge in payload["edges"]:
        edge["propagation"] = PROPAGATION[edge["type"]]
        edge["strength"] = STRENGTH.get(edge["type"])
    payload["graph"]["propagation"] = dict(PROPAGATION)
    payload["graph"]["strength"] = dict(STRENGTH)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def export_graph(workspace: Workspace, format: str, *, graph: nx.MultiDiGraph | None = None) -> str:
    """The graph of ``workspace`` as GraphML or node-link JSON text.

    Every edge also says in which direction a failure propagates along it (``forward``,
    ``backward`` or none) and how hard (``stops``, ``degraded`` or none), so that other tools can
    redo the impact analysis.
    """
    if format not in GRAPH_FORMATS:
        raise UsageError(f"unknown graph format {format!r}; choose from {', '.join(GRAPH_FORMATS)}")
    graph = graph if graph is not None else workspace_graph(workspace)
    return _graphml(graph) if format == "graphml" else _node_link(graph)
