"""The look of every diagram as data: layer colours, a shape per collection, edge styles, limits.

Colours follow the ArchiMate layers (business yellow, application blue, technology green), which
architects already read without a legend; the legend on every view names them anyway. Change the
look here, never in the view builders.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "Arial"
# Graphviz sizes text with Arial metrics; these fonts share them, so text stays inside its boxes
# wherever the SVG is shown (Linux desktops rarely have Arial).
FONT_STACK = "Arial,Liberation Sans,Arimo,Helvetica,sans-serif"
FONT_SIZE = 11
SUBTITLE_SIZE = 9
CLUSTER_FONT_SIZE = 12
TITLE_SIZE = 18
TEXT_COLOUR = "#1a1a1a"
MUTED_COLOUR = "#4d4d4d"
NOTE_COLOUR = "#9c2a00"

# Characters per line of a wrapped label (names are wrapped at word boundaries).
WRAP_NODE = 24
WRAP_CLUSTER = 36
WRAP_TITLE = 90
WRAP_NOTE = 110

LAYER_COLOURS: dict[str, str] = {
    "business": "#ffffb5",
    "application": "#b5ffff",
    "technology": "#c9e7b7",
    "motivation": "#ccccff",
    "implementation": "#ffe0e0",
    "other": "#eeeeee",
}


@dataclass(frozen=True)
class NodeStyle:
    """One kind of box: what the legend calls it, its layer colour and its Graphviz shape."""

    legend: str
    layer: str
    shape: str
    rounded: bool = False
    fill: str | None = None  # overrides the layer colour
    penwidth: float = 1.0
    dashed: bool = False
    margin: str = ""  # inner margin (inches, "x,y"): shapes with slanted sides need more

    @property
    def colour(self) -> str:
        return self.fill or LAYER_COLOURS[self.layer]


# Keys are a collection, or "collection.variant" for a variant the views distinguish.
NODE_STYLES: dict[str, NodeStyle] = {
    "organizations": NodeStyle("Perangkat daerah", "business", "tab"),
    "organizations.pusat": NodeStyle("Instansi pusat", "business", "tab", fill="#f5e68c"),
    "processes": NodeStyle("Proses bisnis", "business", "cds", margin="0.3,0.08"),
    "services": NodeStyle("Layanan", "business", "box", rounded=True),
    "data": NodeStyle("Data dan informasi", "application", "note", fill="#dcf5ff"),
    "data.master": NodeStyle("Data induk", "application", "note", fill="#dcf5ff", penwidth=2.0),
    "applications": NodeStyle("Aplikasi lokal (khusus)", "application", "component"),
    "applications.umum-lokal": NodeStyle("Aplikasi Umum (lokal)", "application", "component", penwidth=2.0),
    "applications.nasional": NodeStyle("Aplikasi nasional", "application", "component", fill="#80d8f0"),
    "applications.umum": NodeStyle("Aplikasi Umum nasional", "application", "component", fill="#80d8f0",
                                   penwidth=2.0),
    "infrastructure": NodeStyle("Infrastruktur", "technology", "box3d"),
    "infrastructure.pusat-data": NodeStyle("Pusat data / komputasi awan", "technology", "box3d",
                                           fill="#a8d88f", penwidth=1.5),
    "infrastructure.jaringan": NodeStyle("Jaringan", "technology", "hexagon", margin="0.05,0.04"),
    "infrastructure.splp": NodeStyle("SPLP (penghubung layanan)", "technology", "doubleoctagon",
                                     fill="#a8d88f"),
    "security": NodeStyle("Keamanan", "motivation", "octagon", margin="0.05,0.04"),
    "roadmap": NodeStyle("Kegiatan peta rencana", "implementation", "box", rounded=True),
    "summary": NodeStyle("Ringkasan (jumlah elemen)", "other", "box", rounded=True, dashed=True),
}

INFRA_VARIANTS: dict[str, str] = {
    "pusat-data": "infrastructure.pusat-data",
    "komputasi-awan": "infrastructure.pusat-data",
    "jaringan-intra": "infrastructure.jaringan",
    "internet": "infrastructure.jaringan",
    "splp": "infrastructure.splp",
}

# Status other than aktif changes the border (and the text for retired elements).
STATUS_LEGEND: dict[str, str] = {
    "rencana": "Status: rencana (garis putus-putus)",
    "pengembangan": "Status: pengembangan (garis titik-titik)",
    "dihentikan": "Status: dihentikan (abu-abu)",
}
STATUS_BORDER: dict[str, str] = {"rencana": "dashed", "pengembangan": "dotted"}
RETIRED_FILL = "#e6e6e6"
RETIRED_TEXT = "#6b6b6b"


@dataclass(frozen=True)
class EdgeStyle:
    legend: str
    colour: str = "#555555"
    penwidth: float = 1.0
    style: str = "solid"
    arrowhead: str = "normal"
    undirected: bool = False


EDGE_STYLES: dict[str, EdgeStyle] = {
    "delivers": EdgeStyle("menghasilkan layanan", "#8a7a00"),
    "realized_by": EdgeStyle("diwujudkan oleh aplikasi", "#8a7a00", style="dashed"),
    "supports": EdgeStyle("mendukung proses", "#2f6f8f"),
    "reads": EdgeStyle("membaca data", "#2f6f8f", style="dashed", arrowhead="vee"),
    "writes": EdgeStyle("menulis data", "#2f6f8f", arrowhead="vee"),
    "hosted_on": EdgeStyle("berjalan di", "#3f7f3f"),
    "located_in": EdgeStyle("berada di", "#3f7f3f", style="dashed"),
    "connected_to": EdgeStyle("terhubung ke", "#3f7f3f", penwidth=1.5, undirected=True),
    "integration": EdgeStyle("integrasi melalui SPLP", "#1f5fa8", penwidth=1.4),
    "p2p": EdgeStyle("integrasi langsung (point-to-point)", "#d62728", penwidth=2.4),
    "used_by": EdgeStyle("digunakan oleh", "#8a7a00", style="dotted"),
    "owned_by": EdgeStyle("dimiliki oleh", "#999999", style="dotted", arrowhead="none"),
    "part_of": EdgeStyle("bagian dari", "#777777", style="dashed"),
    "stewarded_by": EdgeStyle("walidata", "#999999", style="dotted"),
    "protects": EdgeStyle("melindungi", "#5a5ab0"),
    "affects": EdgeStyle("memengaruhi", "#b05a5a", style="dashed"),
    "replaces": EdgeStyle("menggantikan", "#777777", style="dashed"),
    "similar": EdgeStyle("fungsi sama (duplikasi)", "#d62728", style="dashed", arrowhead="none", undirected=True),
    "move_to": EdgeStyle("usulan: beralih ke aplikasi nasional", "#1f7a1f", penwidth=1.6, style="dashed"),
}

# Indonesian words for each edge type of the graph (relations.EDGE_TYPES), used on edge labels.
EDGE_LABELS: dict[str, str] = {
    "owned_by": "dimiliki", "used_by": "digunakan", "part_of": "bagian dari", "delivers": "menghasilkan",
    "realized_by": "diwujudkan", "supports": "mendukung", "reads": "membaca", "writes": "menulis",
    "stewarded_by": "walidata", "hosted_on": "berjalan di", "located_in": "berada di",
    "connected_to": "terhubung", "integrates": "integrasi", "protects": "melindungi", "affects": "memengaruhi",
    "replaces": "menggantikan",
}

CLUSTER_FILLS: dict[str, str] = {
    "group": "#fbfbfb",
    "region": "#ffffff",
    "layer.business": "#fffff0",
    "layer.application": "#f0ffff",
    "layer.data": "#f3fbff",
    "layer.technology": "#f3faef",
    "site": "#eaf6e4",
    "legend": "#ffffff",
}

LEGEND_COLUMNS = 3

# Limits that keep a view readable: over them a view summarises and says so in a note.
MAX_LANDSCAPE_APPS = 400        # above: one summary box per OPD instead of one box per application
MAX_LAYER_NODES = 40            # per layer of an OPD or service view
MAX_INTEGRATION_APPS = 60        # above: integrations between OPDs instead of between applications
MAX_HOSTED_LISTED = 6           # above: one "N aplikasi" box under an infrastructure element
MAX_CONTEXT_NEIGHBOURS = 24     # per element and collection in a context view
MAX_DUPLICATE_GROUPS = 60
DUPLICATE_COLUMNS = 4           # duplicate groups per row
DUPLICATE_PAGE_COLUMNS = 2      # ... in a figure of the document, a page's worth of groups
DUPLICATE_PAGE_GROUPS = 4       # groups in one figure of the document
DUPLICATE_PAGE_ROWS = 3         # rows of application boxes in one figure of the document
