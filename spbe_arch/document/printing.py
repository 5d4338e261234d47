"""How a figure is printed on A4, for the PDF and the Word document alike.

A figure is fitted on one page when its smallest text stays at MIN_FONT_PT or more once scaled;
otherwise it is printed at the scale that keeps that size and cut into page-sized parts, each part
on its own page with the caption marked "lanjutan". Both writers follow the same plan, so the PDF
and the Word document print every figure at the same scale.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

PORTRAIT_IN = (6.3, 8.6)  # the text area of an A4 portrait page, less room for the caption
LANDSCAPE_IN = (10.0, 6.2)
MIN_FONT_PT = 7.0  # no figure text is printed smaller
CAPTION_ROOM_IN = 0.4  # the height a part leaves for its caption
PART_SLACK = 0.02  # a figure this much wider (or higher) than the room is not cut for so little
_FONT_SIZE = re.compile(r'font-size="([\d.]+)')


def svg_min_font(svg: str) -> float | None:
    """The smallest font size (points, as Graphviz writes them) of an SVG's text."""
    sizes = [float(v) for v in _FONT_SIZE.findall(svg)]
    return min(sizes) if sizes else None


@dataclass(frozen=True)
class Tile:
    """One printed part of a figure: its column and row, and its box in the printed figure (inches)."""

    column: int
    row: int
    left: float
    top: float
    width: float
    height: float


@dataclass
class PrintPlan:
    """How a figure is printed: its width and height (inches), on which page, cut into (columns, rows) or not."""

    width: float
    height: float
    landscape: bool
    tiles: tuple[int, int] | None
    min_font: float

    def parts(self) -> list[Tile]:
        """The page-sized parts, row by row (one part, the whole figure, when it is not cut)."""
        columns, rows = self.tiles or (1, 1)
        width, height = self.width / columns, self.height / rows
        return [Tile(c, r, c * width, r * height, width, height) for r in range(rows) for c in range(columns)]


Area = tuple[float, float]  # width and height (inches) a figure may fill on a page


def print_plan(size: tuple[float, float] | None, min_font: float | None, portrait: Area = PORTRAIT_IN,
               landscape_area: Area = LANDSCAPE_IN) -> PrintPlan:
    """Fit the figure on one page when its text stays at MIN_FONT_PT or more; otherwise print it at the scale
    that keeps that size, cut into page-sized parts (on the orientation that needs fewer pages).

    ``portrait`` and ``landscape_area`` are the room on a page of either orientation (the Word template's
    margins may differ from the PDF's).
    """
    width, landscape = figure_width(size, portrait, landscape_area)
    if size is None or min_font is None or size[0] <= 0:
        return PrintPlan(width, 0.0, landscape, None, min_font or 0.0)
    scale = width / size[0]
    if min_font * scale >= MIN_FONT_PT:
        return PrintPlan(width, size[1] * scale, landscape, None, min_font * scale)
    scale = min(1.0, MIN_FONT_PT / min_font)
    big = (size[0] * scale, size[1] * scale)
    options = []
    for area, flipped in ((portrait, False), (landscape_area, True)):
        columns = math.ceil(big[0] / area[0] - PART_SLACK)
        rows = math.ceil(big[1] / (area[1] - CAPTION_ROOM_IN) - PART_SLACK)
        options.append((columns * rows, flipped, max(columns, 1), max(rows, 1)))
    _, flipped, columns, rows = min(options)
    return PrintPlan(big[0], big[1], flipped, (columns, rows), min_font * scale)


def figure_width(size: tuple[float, float] | None, portrait_area: Area = PORTRAIT_IN,
                 landscape_area: Area = LANDSCAPE_IN) -> tuple[float, bool]:
    """The printed width (inches) of a figure of natural ``size``, and whether it needs a landscape page.

    A figure is never enlarged; a figure that would shrink more on a portrait page than on a
    landscape one gets a landscape page of its own.
    """
    if size is None or size[0] <= 0 or size[1] <= 0:
        return portrait_area[0], False
    portrait = min(1.0, portrait_area[0] / size[0], portrait_area[1] / size[1])
    landscape = min(1.0, landscape_area[0] / size[0], landscape_area[1] / size[1])
    if landscape > portrait * 1.15:
        return size[0] * landscape, True
    return size[0] * portrait, False
