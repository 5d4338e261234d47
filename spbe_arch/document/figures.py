"""Figures of the document: diagrams of :mod:`spbe_arch.diagrams` (and one of our own), rendered once per format.

Rendering is lazy: only the figures that the templates place are drawn, and each in the formats that
the requested documents need (SVG for HTML and Markdown, PNG for Word), cached across documents.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spbe_arch.document.printing import LANDSCAPE_IN, PORTRAIT_IN, Area, PrintPlan, print_plan, svg_min_font
from spbe_arch.errors import SpbeError
from spbe_arch.model import COLLECTION_LABELS

Renderer = Callable[[str, str, int | None], bytes]

NO_RENDERER = ("program penggambar diagram Graphviz tidak ditemukan; jalankan dokumen ini di komputer yang memiliki "
               "Graphviz atau paket graphviz-pure")
NOTHING_TO_DRAW = "belum terdapat elemen yang dapat digambarkan pada diagram ini"
# PNG figures (for Word) are drawn at PRINT_DPI pixels per inch of the size they are printed at on A4
# (see :mod:`spbe_arch.document.printing`): 7 pt text is then about 15 pixels high, sharp on paper.
# Rasterising costs time in proportion to the pixels (200 dpi costs the build a second more), so a
# diagram printed small is not drawn large.
PRINT_DPI = 150
MIN_DPI = 24

# ArchiMate layer colours: business yellow, application blue, technology green; others neutral.
LAYER_COLOURS: dict[str, str] = {
    "organizations": "#F3E5C8", "processes": "#FFFFB5", "services": "#FFFFB5", "data": "#B5FFFF",
    "applications": "#B5FFFF", "infrastructure": "#C9E7B7", "security": "#E4E4E4", "roadmap": "#E0D7F5",
}


@dataclass
class FigureSpec:
    """What a figure shows: a caption and how to get its DOT text (None: nothing to draw in this model)."""

    key: str
    caption: str
    dot: Callable[[], str | None]
    empty: str = NOTHING_TO_DRAW


@dataclass
class Figure:
    key: str
    caption: str
    _set: FigureSet = field(repr=False)

    @property
    def filename(self) -> str:
        from spbe_arch.fileio import bounded_name

        return bounded_name(self.key, ".svg")  # keys hold ids, which may be very long

    def svg(self) -> str | None:
        """The figure as SVG ready to be placed inside HTML, or None (then :attr:`reason` says why)."""
        data = self._set.rendered(self.key, "svg")
        return inline_svg(data.decode("utf-8"), self.key) if data is not None else None

    def svg_file(self) -> bytes | None:
        return self._set.rendered(self.key, "svg")

    def png(self) -> bytes | None:
        return self._set.rendered(self.key, "png")

    def print_plan(self, portrait: Area = PORTRAIT_IN, landscape: Area = LANDSCAPE_IN) -> PrintPlan | None:
        """How the figure is printed on A4 (in the given room per page), or None when it cannot be drawn."""
        return self._set.print_plan(self.key, portrait, landscape)

    def size_inches(self) -> tuple[float, float] | None:
        """The figure's natural size (from its SVG), or None when it cannot be drawn."""
        return self._set.natural_size(self.key)

    @property
    def reason(self) -> str:
        return self._set.reasons.get(self.key, "")


class FigureSet:
    """Every figure the templates may place, keyed by name (``figures["lanskap-aplikasi"]``)."""

    def __init__(self, specs: list[FigureSpec], renderer: Renderer | None, reason: str = "") -> None:
        self.specs = {s.key: s for s in specs}
        self.renderer = renderer
        self.default_reason = reason
        self.reasons: dict[str, str] = {}  # in Indonesian, for the document
        self.details: dict[str, str] = {}  # the technical cause of a figure that failed, for the command line
        self.cache: dict[tuple[str, str], bytes | None] = {}
        self._dot: dict[str, str | None] = {}

    def __getitem__(self, key: str) -> Figure:
        if key not in self.specs:
            raise KeyError(f"no figure {key!r}; figures: {', '.join(sorted(self.specs))}")
        return Figure(key, self.specs[key].caption, self)

    def __contains__(self, key: object) -> bool:
        return key in self.specs

    def keys(self, prefix: str = "") -> list[str]:
        """Figure keys in order, those starting with ``prefix`` when given (``"opd-"``, ``"layanan-"``)."""
        return [k for k in self.specs if k.startswith(prefix)]

    def dot(self, key: str) -> str | None:
        """The figure's DOT source (None, with the reason recorded, when the view cannot be built)."""
        if key not in self._dot:
            try:
                self._dot[key] = self.specs[key].dot()
            except SpbeError as exc:
                self._dot[key] = None
                self.reasons[key] = "diagram ini belum dapat dibuat dari model arsitektur"
                self.details[key] = exc.message
        return self._dot[key]

    def rendered(self, key: str, fmt: str) -> bytes | None:
        """The figure in ``fmt``, or None with the reason recorded (no renderer, nothing to draw)."""
        if (key, fmt) in self.cache:
            return self.cache[(key, fmt)]
        data: bytes | None = None
        if self.renderer is None:
            self.reasons[key] = self.default_reason
        else:
            source = self.dot(key)
            if source is None:
                self.reasons.setdefault(key, self.specs[key].empty)
            elif fmt == "png" and self.rendered(key, "svg") is None:
                pass  # the reason is recorded by the SVG attempt
            else:
                try:
                    data = self.renderer(source, fmt, self.png_dpi(key) if fmt == "png" else None)
                except SpbeError as exc:
                    self.reasons[key] = renderer_reason(exc)
                    self.details[key] = exc.message
        self.cache[(key, fmt)] = data
        return data

    def natural_size(self, key: str) -> tuple[float, float] | None:
        svg = self.rendered(key, "svg")
        return svg_size_inches(svg) if svg is not None else None

    def print_plan(self, key: str, portrait: Area = PORTRAIT_IN, landscape: Area = LANDSCAPE_IN) -> PrintPlan | None:
        """How the figure is printed on A4 (scale, page, parts), or None when it cannot be drawn."""
        svg = self.rendered(key, "svg")
        if svg is None:
            return None
        return print_plan(svg_size_inches(svg), svg_min_font(reader_svg(svg.decode("utf-8"))), portrait, landscape)

    def png_dpi(self, key: str) -> int:
        """The resolution at which the figure's PNG has PRINT_DPI pixels per printed inch."""
        size, plan = self.natural_size(key), self.print_plan(key)
        if size is None or plan is None or size[0] <= 0 or size[1] <= 0:
            return PRINT_DPI
        return max(MIN_DPI, min(PRINT_DPI, round(PRINT_DPI * plan.width / size[0])))

    def prerender(self, formats: tuple[str, ...], keys: list[str] | None = None, workers: int | None = None) -> None:
        """Render figures in parallel (each render is a renderer process), so that templates find them ready."""
        import os
        from concurrent.futures import ThreadPoolExecutor

        wanted = keys if keys is not None else self.keys()
        for key in wanted:
            self.dot(key)  # DOT is built in this thread: the views read the model, the renderers do not
        count = workers or min(8, os.cpu_count() or 1)
        for fmt in dict.fromkeys(("svg", *formats)):  # the SVG first: the PNG's resolution comes from its size
            with ThreadPoolExecutor(max_workers=count) as pool:
                list(pool.map(lambda k, f=fmt: self.rendered(k, f), wanted))


def renderer_reason(exc: SpbeError) -> str:
    if type(exc).__name__ == "RendererUnavailable":
        return NO_RENDERER
    return "diagram ini belum dapat digambar dari model arsitektur"


_SVG_SIZE = re.compile(rb'<svg[^>]*?\swidth="([0-9.]+)(pt|px)?"[^>]*?\sheight="([0-9.]+)(pt|px)?"', re.S)


def svg_size_inches(svg: bytes) -> tuple[float, float] | None:
    """Width and height of an SVG in inches, from its ``width``/``height`` attributes (Graphviz writes pt)."""
    found = _SVG_SIZE.search(svg[:4000])
    if found is None:
        return None
    per_inch = 96.0 if found.group(2) == b"px" else 72.0
    return float(found.group(1)) / per_inch, float(found.group(3)) / per_inch


_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)
_ID_ATTR = re.compile(r'\bid="([^"]*)"')
_ID_REF = re.compile(r'(url\(#|href="#)([^")]*)')


_TOOLTIP = re.compile(r"<title>[^<]*</title>|<!--.*?-->", re.S)


def reader_svg(svg: str) -> str:
    """SVG without what Graphviz writes for tools: element ids as tooltips (title) and comments."""
    return _TOOLTIP.sub("", svg)


def inline_svg(svg: str, prefix: str) -> str:
    """SVG text fit to sit inside an HTML page: no XML prolog, and ids made unique to this figure."""
    body = reader_svg(_PROLOG.sub("", svg)).strip()
    body = _ID_ATTR.sub(lambda m: f'id="{prefix}-{m.group(1)}"', body)
    return _ID_REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", body)


def domain_relations_dot(counts: list[tuple[str, str, str, int]], sizes: dict[str, int]) -> str | None:
    """A diagram of the domains (element counts) and the relations between them (relation counts)."""
    if not counts:
        return None
    import graphviz

    from spbe_arch.document.labels import EDGES
    from spbe_arch.document.text import angka

    graph = graphviz.Digraph(
        "relasi_domain",
        graph_attr={"rankdir": "TB", "fontname": "Arial", "nodesep": "0.5", "ranksep": "0.7", "bgcolor": "white"},
        node_attr={"shape": "box", "style": "rounded,filled", "fontname": "Arial", "fontsize": "11",
                   "margin": "0.2,0.1"},
        edge_attr={"fontname": "Arial", "fontsize": "9", "color": "#555555", "fontcolor": "#333333"},
    )
    present = {s for s, _, _, _ in counts} | {t for _, _, t, _ in counts}
    for collection, label in COLLECTION_LABELS.items():
        if collection in present:
            graph.node(collection, f"{label}\n{angka(sizes.get(collection, 0))} elemen",
                       fillcolor=LAYER_COLOURS.get(collection, "#FFFFFF"))
    pairs: dict[tuple[str, str], list[str]] = {}
    for source, edge, target, count in counts:
        pairs.setdefault((source, target), []).append(f"{EDGES.get(edge, edge)} ({angka(count)})")
    for (source, target), texts in pairs.items():
        graph.edge(source, target, label="\n".join(texts))
    return str(graph.source)


def roadmap_timeline_dot(activities: list[tuple[int, str, str]]) -> str | None:
    """The Peta Rencana as a timeline: one column per year, its activities (name, substance) under it."""
    if not activities:
        return None
    import graphviz

    from spbe_arch.diagrams.labels import wrap

    graph = graphviz.Digraph(
        "linimasa",
        graph_attr={"rankdir": "TB", "fontname": "Arial", "nodesep": "0.25", "ranksep": "0.2", "bgcolor": "white",
                    "newrank": "true"},
        node_attr={"shape": "box", "style": "rounded,filled", "fontname": "Arial", "fontsize": "10",
                   "fillcolor": "#DCE6F0", "color": "#4F6F8F", "width": "2.2", "margin": "0.12,0.06"},
        edge_attr={"style": "invis"},
    )
    years = sorted({year for year, _, _ in activities})
    with graph.subgraph(name="tahun") as header:
        header.attr(rank="same")
        for year in years:
            header.node(f"y{year}", str(year), shape="box", style="filled", fillcolor="#1F3864", fontcolor="white",
                        fontsize="12", width="2.2")
    for left, right in itertools.pairwise(years):
        graph.edge(f"y{left}", f"y{right}")
    for year in years:
        previous = f"y{year}"
        items = sorted((a for a in activities if a[0] == year), key=lambda a: a[1].lower())
        for number, (_, name, substance) in enumerate(items):
            node = f"a{year}_{number}"
            graph.node(node, "\n".join([*wrap(name, 26), f"({substance})"]))
            graph.edge(previous, node)
            previous = node
    return str(graph.source)


def diagram_renderer() -> tuple[Renderer | None, str]:
    """The diagrams' renderer (Graphviz), as the figures call it."""
    from spbe_arch.diagrams import render as render_dot

    def render(dot: str, fmt: str, dpi: int | None) -> bytes:
        return render_dot(dot, fmt, dpi=dpi) if dpi is not None else render_dot(dot, fmt)

    return render, ""
