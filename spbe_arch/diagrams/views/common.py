"""What every view needs: an element as a box, organizations in a stable order, summaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeVar

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.scene import Cluster, Node, Scene
from spbe_arch.model import (
    Application,
    DataSet,
    Element,
    Infrastructure,
    Organization,
    Process,
    RoadmapActivity,
    Security,
    Service,
)
from spbe_arch.workspace import Workspace

# Order in which organizations are listed: as a Pemda lists its perangkat daerah.
ORG_KIND_ORDER: tuple[str, ...] = (
    "sekretariat-daerah", "sekretariat-dprd", "inspektorat", "badan", "dinas", "satpol-pp", "rsud", "uptd",
    "kecamatan", "kelurahan", "lainnya", "instansi-pusat",
)

COLLECTION_WORDS: dict[str, str] = {
    "organizations": "perangkat daerah",
    "processes": "proses bisnis",
    "services": "layanan",
    "data": "data",
    "applications": "aplikasi",
    "infrastructure": "infrastruktur",
    "security": "kegiatan keamanan",
    "roadmap": "kegiatan peta rencana",
}

INFRA_KIND_WORDS: dict[str, str] = {
    "pusat-data": "pusat data", "komputasi-awan": "komputasi awan", "server": "server",
    "penyimpanan": "penyimpanan", "jaringan-intra": "jaringan intra", "internet": "internet", "splp": "SPLP",
    "perangkat-keamanan": "perangkat keamanan", "sistem-operasi": "sistem operasi", "basis-data": "basis data",
    "lainnya": "lainnya",
}


def government_name(workspace: Workspace) -> str:
    return workspace.manifest.government.name


def org_sort_key(org: Organization) -> tuple[int, str, str]:
    return (ORG_KIND_ORDER.index(org.kind), org.label.lower(), org.id)


def owner_short(workspace: Workspace, element: Element) -> str:
    """The owner's short name, or words saying the owner is unknown (never a bare id)."""
    owner = element.owner_id
    org = workspace.elements.get(owner) if owner else None
    return org.label if isinstance(org, Organization) else "pemilik tidak dikenal"


def node_style(element: Element) -> str:
    if isinstance(element, Application):
        if element.source == "nasional":
            return "applications.umum" if element.kind == "umum" else "applications.nasional"
        return "applications.umum-lokal" if element.kind == "umum" else "applications"
    if isinstance(element, Organization):
        return "organizations.pusat" if element.central else "organizations"
    if isinstance(element, DataSet):
        return "data.master" if element.master else "data"
    if isinstance(element, Infrastructure):
        return theme.INFRA_VARIANTS.get(element.kind, "infrastructure")
    return element.COLLECTION


def _facts(element: Element) -> list[str]:
    """The few facts worth a second line under the name."""
    if isinstance(element, Application):
        facts = [element.acronym] if element.acronym and element.acronym not in element.name else []
        if element.kind == "umum":
            facts.append("Aplikasi Umum")
        if element.source == "nasional":
            facts.append("nasional")
        return facts
    if isinstance(element, Organization):
        return [element.short_name] if element.short_name and element.short_name != element.name else []
    if isinstance(element, Process):
        return [f"proses {element.kind}"]
    if isinstance(element, Service):
        return [f"layanan {element.kind}"]
    if isinstance(element, DataSet):
        return (["data induk"] if element.master else []) + [element.classification]
    if isinstance(element, Infrastructure):
        kind = INFRA_KIND_WORDS[element.kind]
        facts = [kind] if kind.lower() not in element.name.lower() else []
        if element.tier:
            facts.append(f"tier {element.tier}")
        if element.provider:
            facts.append(element.provider)
        return facts
    if isinstance(element, Security):
        return [element.kind.replace("-", " ")]
    if isinstance(element, RoadmapActivity):
        return [str(element.year)]
    return []


def element_node(
    workspace: Workspace, element: Element, *, cluster: str | None = None, layer: int | None = None,
    show_owner: bool = False, emphasis: bool = False, min_width: float | None = None,
) -> Node:
    facts = _facts(element)
    if show_owner and element.owner_id is not None:
        facts.append(owner_short(workspace, element))
    if element.status != "aktif":
        facts.append(element.status)
    return Node(
        id=element.id, title=element.name, style=node_style(element), subtitle=", ".join(facts),
        status=element.status, cluster=cluster, layer=layer, emphasis=emphasis, min_width=min_width,
    )


def summary_node(node_id: str, elements: Sequence[Element], workspace: Workspace, *, what: str,
                 cluster: str | None = None, layer: int | None = None) -> Node:
    """One box standing for many elements: how many, and of which OPDs."""
    owners = Counter(owner_short(workspace, e) for e in elements if e.owner_id)
    top = ", ".join(f"{name} ({count})" for name, count in sorted(owners.items(), key=lambda i: (-i[1], i[0]))[:4])
    more = " dst." if len(owners) > 4 else ""
    return Node(id=node_id, title=f"{len(elements)} {what}", style="summary",
                subtitle=f"{top}{more}" if top else "", cluster=cluster, layer=layer)


def short_label(element: Element) -> str:
    """The shortest name that still names the element: the acronym of an application, else its name."""
    if isinstance(element, Application) and element.acronym:
        return element.acronym
    if isinstance(element, Organization):
        return element.label
    return element.name


def listing_node(node_id: str, elements: Sequence[Element], *, what: str, cluster: str | None = None,
                 layer: int | None = None, limit: int = 14) -> Node:
    """One box naming many elements briefly, for those the view lists without drawing their relations."""
    names = [short_label(e) for e in elements[:limit]]
    more = f" dan {len(elements) - limit} lainnya" if len(elements) > limit else ""
    return Node(id=node_id, title=f"{len(elements)} {what}", style="summary", subtitle=", ".join(names) + more,
                cluster=cluster, layer=layer)


def add_capped(
    scene: Scene, workspace: Workspace, elements: Iterable[Element], *, limit: int, what: str, key: str,
    cluster: str | None = None, layer: int | None = None, show_owner: bool = False,
) -> list[Element]:
    """Add up to ``limit`` elements as boxes; the rest become one summary box and a note."""
    items = list(elements)
    shown, rest = (items, []) if len(items) <= limit else (items[: limit - 1], items[limit - 1:])
    for element in shown:
        scene.add_node(element_node(workspace, element, cluster=cluster, layer=layer, show_owner=show_owner))
    if rest:
        scene.add_node(summary_node(f"more__{key}", rest, workspace, what=f"{what} lainnya", cluster=cluster,
                                    layer=layer))
        scene.note(f"{len(items)} {what} terlalu banyak untuk satu gambar: {len(shown)} ditampilkan, "
                   f"{len(rest)} diringkas dalam satu kotak.")
    return shown


def add_layers(scene: Scene, layers: Sequence[tuple[str, str, Sequence[Element]]], workspace: Workspace, *,
               show_owner: bool, start: int = 0) -> int:
    """Layers as columns (one cluster each) in the order given, from ``start``; empty ones are left out.

    Returns the index the next layer would take.
    """
    index = start
    for title, style, elements in layers:
        if not elements:
            continue
        cluster = f"layer{index}"
        scene.add_cluster(Cluster(cluster, title, style=style))
        add_capped(scene, workspace, elements, limit=theme.MAX_LAYER_NODES, what=title.lower(), key=cluster,
                   cluster=cluster, layer=index, show_owner=show_owner)
        index += 1
    return index


E = TypeVar("E", bound=Element)


def sorted_elements(elements: Iterable[E]) -> list[E]:
    return sorted(elements, key=lambda e: (e.name.lower(), e.id))


def relation_style(edge: str) -> str:
    """The theme style of a relation of relations.py: an integration written in the model is direct
    (point to point); every other edge type has a style of its own name in theme.EDGE_STYLES."""
    return "p2p" if edge == "integrates" else edge


UNKNOWN_OWNER = "__unknown"  # no element id starts with "_"


def owner_key(workspace: Workspace, element: Element) -> str:
    """The id of the organization that owns an element, or :data:`UNKNOWN_OWNER` when it names none."""
    owner = element.owner_id
    return owner if owner and isinstance(workspace.elements.get(owner), Organization) else UNKNOWN_OWNER


def connect_relations(scene: Scene, workspace: Workspace, edge_types: Iterable[str], *,
                      labels: bool = False, skip: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset()
                      ) -> None:
    """Arrows for the model's relations of the given types between the elements in the scene.

    ``skip`` leaves out (collection, edge type) pairs, e.g. ``("processes", "reads")``.
    """
    from spbe_arch.relations import iter_references

    wanted = set(edge_types)
    for node_id in sorted(scene.nodes):
        element = workspace.elements.get(node_id)
        if element is None:
            continue
        for ref in iter_references(element):
            if (element.COLLECTION, ref.edge) in skip:
                continue
            if ref.edge in wanted:
                label = theme.EDGE_LABELS.get(ref.edge, "") if labels else ""
                scene.connect(element.id, ref.target, relation_style(ref.edge), label)
