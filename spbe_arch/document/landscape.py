"""The application landscape for print: OPD boxes listing their applications, a few figures of one page each.

The whole-model landscape of :mod:`spbe_arch.diagrams` is one drawing several metres wide; on A4 its
text shrinks below any readable size. Here each perangkat daerah is one box (its name, then its
applications), three boxes a row, and the boxes are cut into figures that fit a portrait page at
full size, so no text is printed smaller than the figure's font (9 pt).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spbe_arch.diagrams.labels import dot_html, wrap
from spbe_arch.document.index import ModelIndex

PER_ROW = 3
PAGE_HEIGHT_IN = 8.3  # the text area of a portrait page, less the caption
LINE_IN = 0.19  # one 9 pt line with its padding
BOX_WIDTH = 26  # characters of a line in a box
FONT_SIZE = 9


@dataclass
class Box:
    title: str
    applications: list[str]

    @property
    def lines(self) -> int:
        return len(wrap(self.title, BOX_WIDTH)) + sum(len(wrap(a, BOX_WIDTH)) for a in self.applications)

    @property
    def height(self) -> float:
        return 0.25 + LINE_IN * self.lines


def landscape_boxes(ix: ModelIndex) -> list[Box]:
    """One box per owner of applications, in document order (perangkat daerah first, central agencies last)."""
    return [Box(ix.org_title(owner), [a.label for a in apps]) for owner, apps in ix.by_owner(ix.ws.applications)]


def landscape_parts(boxes: list[Box]) -> list[list[Box]]:
    """Boxes cut into parts whose rows (PER_ROW boxes, as high as the highest) fit one page."""
    rows = [boxes[i:i + PER_ROW] for i in range(0, len(boxes), PER_ROW)]
    parts: list[list[Box]] = []
    current: list[Box] = []
    height = 0.0
    for row_boxes in rows:
        row_height = max(b.height for b in row_boxes) + 0.15
        if current and height + row_height > PAGE_HEIGHT_IN:
            parts.append(current)
            current, height = [], 0.0
        current.extend(row_boxes)
        height += row_height
    if current:
        parts.append(current)
    return parts


def _label(box: Box) -> str:
    title = "<BR/>".join(f"<B>{dot_html(line)}</B>" for line in wrap(box.title, BOX_WIDTH))
    rows = [f'<TR><TD BGCOLOR="#1F3864"><FONT COLOR="white">{title}</FONT></TD></TR>']
    for app in box.applications:
        text = '<BR ALIGN="LEFT"/>'.join(dot_html(line) for line in wrap(app, BOX_WIDTH))
        rows.append(f'<TR><TD ALIGN="LEFT" BGCOLOR="#DCE6F0">{text}<BR ALIGN="LEFT"/></TD></TR>')
    return f'<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="3">{"".join(rows)}</TABLE>>'


def landscape_dot(boxes: list[Box]) -> str | None:
    """A grid of OPD boxes, PER_ROW a row, rows kept in order by invisible edges."""
    if not boxes:
        return None
    lines = [
        "digraph lanskap {",
        '  graph [rankdir=TB, nodesep=0.15, ranksep=0.15, bgcolor=white, fontname=Arial, newrank=true];',
        f'  node [shape=plaintext, fontname=Arial, fontsize={FONT_SIZE}, width=2.05];',
        "  edge [style=invis];",
    ]
    for index, box in enumerate(boxes):
        lines.append(f"  b{index} [label={_label(box)}];")
    for start in range(0, len(boxes), PER_ROW):
        row = list(range(start, min(start + PER_ROW, len(boxes))))
        lines.append("  { rank=same; " + " ".join(f"b{i};" for i in row) + " }")
        lines.extend(f"  b{a} -> b{b} [constraint=false];" for a, b in itertools.pairwise(row))
        if start + PER_ROW < len(boxes):
            lines.append(f"  b{start} -> b{start + PER_ROW};")
    lines.append("}")
    return "\n".join(lines) + "\n"
