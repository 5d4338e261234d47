"""Generated views of the ArchiMate export: the application landscape, the integration map and the
infrastructure topology, each laid out by Graphviz.

Nesting says what a box belongs to (applications inside their OPD, servers inside their data
centre), as architects draw it in Archi; the relationship behind the nesting exists in the model,
so it is not drawn again as a line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spbe_arch.exchange import mapping as mp
from spbe_arch.exchange.concepts import ViewConnection, ViewNode, XRelationship, XView
from spbe_arch.exchange.layout import Box, Cluster, LayoutGraph, layout
from spbe_arch.model import Application, Element, Organization
from spbe_arch.workspace import Workspace

LayoutFunction = Callable[[LayoutGraph], dict[str, Box]]


@dataclass
class _Spec:
    """A view before layout: which elements, how they nest, and which relationships it draws."""

    key: str
    name: str
    documentation: str
    engine: str
    roots: list[str]
    children: dict[str, list[str]]
    relationships: list[XRelationship]
    layout_edges: list[tuple[str, str]]


def build_views(workspace: Workspace, relationships: list[XRelationship],
                run_layout: LayoutFunction = layout) -> list[XView]:
    specs = [_landscape(workspace), _integration(workspace, relationships), _infrastructure(workspace, relationships)]
    return [_realise(spec, workspace, run_layout) for spec in specs if spec.roots]


def _sorted_ids(workspace: Workspace, ids: set[str] | list[str]) -> list[str]:
    return sorted(ids, key=lambda i: (workspace.display_name(i).casefold(), i))


def _group_by_owner(workspace: Workspace, apps: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """Roots (OPDs and applications without a known OPD) and the applications of each OPD."""
    children: dict[str, list[str]] = {}
    loose: list[str] = []
    for app_id in apps:
        element = workspace.get(app_id)
        owner = element.owner_id if element is not None else None
        if owner is not None and isinstance(workspace.get(owner), Organization):
            children.setdefault(owner, []).append(app_id)
        else:
            loose.append(app_id)
    for owner in children:
        children[owner] = _sorted_ids(workspace, children[owner])
    return _sorted_ids(workspace, list(children)) + _sorted_ids(workspace, loose), children


def _landscape(workspace: Workspace) -> _Spec:
    apps = [a.id for a in workspace.applications]
    roots, children = _group_by_owner(workspace, apps)
    return _Spec("landscape", "Lanskap Aplikasi SPBE",
                 "Semua aplikasi, dikelompokkan menurut perangkat daerah pemiliknya.",
                 "osage", roots, children, [], [])


def _integration(workspace: Workspace, relationships: list[XRelationship]) -> _Spec:
    flows = [r for r in relationships if r.prop(mp.FIELD_PROP) in ("integrations", mp.DERIVED_VIA)]
    members: set[str] = set()
    vias: set[str] = set()
    for rel in flows:
        source, target = _model_id(rel.source), _model_id(rel.target)
        if rel.prop(mp.FIELD_PROP) == mp.DERIVED_VIA:
            vias.add(source)
            members.add(target)
        else:
            members.update((source, target))
    apps = [m for m in members if isinstance(workspace.get(m), Application)]
    others = {m for m in members if m not in apps} | vias
    roots, children = _group_by_owner(workspace, apps)
    roots += [v for v in _sorted_ids(workspace, others) if v not in roots]
    edges = [(_model_id(r.source), _model_id(r.target)) for r in flows]
    return _Spec("integration", "Peta Integrasi Aplikasi",
                 "Aplikasi yang saling bertukar data, menurut perangkat daerah, dan SPLP yang menghubungkannya.",
                 "fdp", roots, children, flows, edges)


def _infrastructure(workspace: Workspace, relationships: list[XRelationship]) -> _Spec:
    infra = {i.id: i for i in workspace.infrastructure}
    parent: dict[str, str] = {}
    for item in infra.values():
        container = item.located_in
        if (container is not None and container in infra and container != item.id
                and not workspace.contained_in_cycle(item.id, "located_in")):
            parent[item.id] = container
    children: dict[str, list[str]] = {}
    for child, container in parent.items():
        children.setdefault(container, []).append(child)
    for key in children:
        children[key] = _sorted_ids(workspace, children[key])
    roots = _sorted_ids(workspace, [i for i in infra if i not in parent])
    links = [r for r in relationships if r.prop(mp.FIELD_PROP) == "connected_to"]
    edges = [(_model_id(r.source), _model_id(r.target)) for r in links]
    edges = [(s, t) for s, t in edges if s not in children and t not in children]  # Graphviz joins nodes only
    return _Spec("infrastructure", "Topologi Infrastruktur SPBE",
                 "Infrastruktur menurut lokasinya (di dalam pusat data) dan jaringan yang menghubungkannya.",
                 "dot", roots, children, links, edges)


def _model_id(concept: str) -> str:
    return concept.removeprefix("id-")


def _realise(spec: _Spec, workspace: Workspace, run_layout: LayoutFunction) -> XView:
    graph = LayoutGraph(engine=spec.engine, edges=spec.layout_edges)

    def cluster(key: str) -> Cluster:
        inner = spec.children[key]
        return Cluster(key, workspace.display_name(key),
                       nodes=[c for c in inner if c not in spec.children],
                       clusters=[cluster(c) for c in inner if c in spec.children])

    graph.clusters = [cluster(r) for r in spec.roots if r in spec.children]
    graph.nodes = [r for r in spec.roots if r not in spec.children]
    boxes = run_layout(graph)
    node_ids: dict[str, str] = {}

    def node(key: str) -> ViewNode:
        x, y, w, h = boxes[key]
        node_ids[key] = mp.concept_id(f"{spec.key}--{key}")
        element: Element | None = workspace.get(key)
        return ViewNode(id=node_ids[key], x=x, y=y, w=w, h=h,
                        element=mp.concept_id(key) if element is not None else None,
                        label=None if element is not None else key,
                        children=[node(c) for c in spec.children.get(key, [])])

    nodes = [node(r) for r in spec.roots]
    connections = []
    for rel in spec.relationships:
        source, target = node_ids.get(_model_id(rel.source)), node_ids.get(_model_id(rel.target))
        if source is not None and target is not None:
            connections.append(ViewConnection(id=mp.concept_id(f"{spec.key}--{_model_id(rel.id)}"),
                                              relationship=rel.id, source=source, target=target))
    return XView(id=mp.concept_id(f"view--{spec.key}"), name=spec.name, documentation=spec.documentation,
                 nodes=nodes, connections=connections)
