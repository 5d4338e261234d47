"""The document as Typst source, from the same chapters' Markdown and tables that become the Word body.

Typst lays the document out and numbers its pages, so the Daftar Isi, Daftar Tabel and Daftar Gambar
carry real page numbers (``outline``). Captions written by the templates ("**Tabel 7.2** …" above a
table, "**Gambar 3.1** …" under a figure) become Typst figures, which is what the lists are built from.
Every text of the model is escaped for Typst markup (:func:`typst_escape`) or written as a string literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spbe_arch.document.blocks import BlockWriter
from spbe_arch.document.data import DocumentData
from spbe_arch.document.figures import reader_svg
from spbe_arch.document.printing import print_plan
from spbe_arch.document.renderers import FIGURE_SCHEME
from spbe_arch.document.tables import Table
from spbe_arch.document.text import xml_text

CAPTION = re.compile(r"^(Tabel|Gambar) [0-9A-Z]+\.\d+$")
LISTS_MARKER = re.compile(r"<!--\s*spbe-daftar-isi\s*-->")
LANDSCAPE_TABLES = ("aplikasi-data", "aplikasi-proses", "opd-urusan")  # the Lampiran's matrices
GROUP_FILL = "#dce6f0"
HEAD_FILL = "#1f3864"
TOTAL_FILL = "#f2f2f2"
WIDE_COLUMNS = 5  # a table with more columns than this goes on a landscape page (as in the Word document)
SHORT_TEXT = 14  # a column whose values are this long on average holds codes, kinds or numbers: sized to fit
_MARKUP = re.compile(r"([\\#$*_\[\]<>@`=\-+/~\"'.:!&%{}()|^,;?])")
_SPACE = re.compile(r"\s+")


def typst_escape(text: str) -> str:
    """Plain text as Typst markup that shows exactly that text (every markup character escaped)."""
    return _MARKUP.sub(r"\\\1", _SPACE.sub(" ", xml_text(text)))


def typst_string(text: str) -> str:
    """A Typst string literal holding ``text``."""
    body = xml_text(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{body}"'


class TypstWriter(BlockWriter):
    """Markdown tokens (markdown-it) of the chapters to Typst markup."""

    def __init__(self, data: DocumentData, tables: list[Table], lists: str = "") -> None:
        self.data = data
        self.tables = tables
        self.lists_markup = lists  # Daftar Isi, Tabel and Gambar: where the front matter ends, before BAB I
        self.lists_done = not lists
        self.min_fonts: dict[str, float] = {}  # the smallest printed font size of each figure, in points
        self.out: list[str] = []
        self.pending_caption: str | None = None  # a "Tabel" caption waiting for its table
        self.lists: list[bool] = []  # ordered?

    def write(self, tokens: list[Any]) -> str:
        self.walk(tokens)
        self.flush_caption()
        return "\n".join(self.out) + "\n"

    # -- the blocks of the walk -----------------------------------------------------------------
    def on_heading(self, level: int, inline: Any) -> None:
        self.heading(level, inline)

    def on_paragraph(self, tokens: list[Any], i: int) -> int:
        self.paragraph(tokens[i + 1])
        return 3

    def on_markdown_table(self, tokens: list[Any]) -> None:
        self.markdown_table(tokens)

    def on_model_table(self, table: Table) -> None:
        self.model_table(table)

    def on_list_open(self, ordered: bool) -> None:
        self.lists.append(ordered)

    def on_list_close(self) -> None:
        self.lists.pop()
        self.out.append("")

    def on_html(self, content: str) -> None:
        if LISTS_MARKER.search(content) and not self.lists_done:
            self.flush_caption()
            self.out.append(self.lists_markup)
            self.lists_done = True
            return
        super().on_html(content)

    def on_code(self, content: str) -> None:
        self.out.append(f"#block(raw({typst_string(content)}))")

    # -- blocks ---------------------------------------------------------------------------------
    def flush_caption(self) -> None:
        if self.pending_caption is not None:
            self.out.append(f"#par[*{self.pending_caption}*]\n")
            self.pending_caption = None

    def heading(self, level: int, inline: Any) -> None:
        self.flush_caption()
        text = self.inline(inline.children or [])
        if level == 1 and not self.lists_done and text.startswith("BAB"):
            self.out.append(self.lists_markup)  # a user template without the marker: the lists before BAB I
            self.lists_done = True
        if level == 1:
            self.out.append(f"#chapter[{text}]\n")
        else:
            self.out.append(f"#heading(level: {min(level, 3)})[{text}]\n")

    def paragraph(self, inline: Any) -> None:
        children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
        if len(children) == 1 and children[0].type == "image":
            self.flush_caption()
            self.figure_image(children[0])
            return
        if len(children) >= 3 and children[0].type == "strong_open" and CAPTION.match(children[1].content or ""):
            caption = self.inline(inline.children or [], plain_bold=True)
            if children[1].content.startswith("Gambar") and self.out and self.out[-1].startswith("#gambar"):
                self.out[-1] = self.out[-1].replace("caption: none", f"caption: [{caption}]", 1)
                return
            self.flush_caption()
            self.pending_caption = caption
            return
        self.flush_caption()
        body = self.inline(inline.children or [])
        if self.lists:
            depth = len(self.lists) - 1
            self.out.append("  " * depth + ("+ " if self.lists[-1] else "- ") + body)
            return
        self.out.append(f"{body}\n")

    def figure_image(self, image: Any) -> None:
        src = str(image.attrs.get("src", ""))
        key = src[len(FIGURE_SCHEME):] if src.startswith(FIGURE_SCHEME) else ""
        svg = self.data.figures.rendered(key, "svg") if key in self.data.figures else None
        if svg is None:
            self.out.append(f"#par[{typst_escape(image.content)}]\n")
            return
        text = reader_svg(svg.decode("utf-8"))
        plan = self.data.figures[key].print_plan() or print_plan(None, None)
        self.min_fonts[key] = plan.min_font
        if plan.tiles is None:
            self.out.append(f"#gambar({typst_string(text)}, width: {plan.width:.2f}in, "
                            f"lanskap: {'true' if plan.landscape else 'false'}, caption: none)\n")
            return
        columns, rows = plan.tiles
        self.out.append(f"#gambar-potong({typst_string(text)}, {plan.width:.2f}in, {plan.height:.2f}in, {columns}, "
                        f"{rows}, lanskap: {'true' if plan.landscape else 'false'}, caption: none)\n")

    def model_table(self, table: Table) -> None:
        columns = len(table.columns)
        cells: list[str] = []
        for name, align in zip(table.columns, table.aligns, strict=False):
            cells.append(_head_cell(typst_escape(name), align))
        body: list[str] = []
        for r in table.rows:
            if r.group is not None:
                body.append(f"table.cell(colspan: {columns}, fill: rgb(\"{GROUP_FILL}\"))[*{typst_escape(r.group)}*]")
                continue
            for c, align in zip(r.cells, table.aligns, strict=False):
                text = typst_escape(c.text)
                if r.total and text:
                    text = f"*{text}*"
                fill = f", fill: rgb(\"{TOTAL_FILL}\")" if r.total else ""
                body.append(f"table.cell(align: {_align(align)}{fill})[{text}]")
        widths = ", ".join(_widths([[c.text for c in r.cells] for r in table.rows if r.group is None],
                                   list(table.columns)))
        self.emit_table(columns, widths, cells, body, landscape=table.key.startswith(LANDSCAPE_TABLES))

    def markdown_table(self, tokens: list[Any]) -> None:
        header: list[str] = []
        aligns: list[str] = []
        rows: list[list[str]] = []
        current: list[str] = []
        for i, token in enumerate(tokens):
            if token.type == "tr_open":
                current = []
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", ""))
                if token.type == "th_open":
                    aligns.append(style.split(":", 1)[1] if style.startswith("text-align:") else "left")
                current.append(self.inline(tokens[i + 1].children or []))
            elif token.type == "tr_close":
                (rows.append(current) if header else header.extend(current))
        columns = len(header)
        cells = [_head_cell(h, a) for h, a in zip(header, aligns, strict=False)]
        body = [f"table.cell(align: {_align(a)})[{c}]" for r in rows for c, a in zip(r, aligns, strict=False)]
        plain = [[_SPACE.sub(" ", re.sub(r"\\(.)", r"\1", c)) for c in r] for r in rows]
        self.emit_table(columns, ", ".join(_widths(plain, [re.sub(r"\\(.)", r"\1", h) for h in header])), cells, body)

    def emit_table(self, columns: int, widths: str, header: list[str], body: list[str],
                   landscape: bool = False) -> None:
        caption = self.pending_caption
        self.pending_caption = None
        grid = (f"table(columns: ({widths},), table.header(repeat: true, {', '.join(header)}),\n"
                + ",\n".join(body) + ")")
        wrapper = "tabel-lebar" if columns > WIDE_COLUMNS or landscape else "tabel"
        self.out.append(f"#{wrapper}([{caption or ''}], {'true' if caption else 'false'}, {grid})\n")

    # -- inline ---------------------------------------------------------------------------------
    def inline(self, children: list[Any], plain_bold: bool = False) -> str:
        out: list[str] = []
        for child in children:
            kind = child.type
            if kind == "strong_open":
                out.append("" if plain_bold else "#strong[")
            elif kind == "strong_close":
                out.append("" if plain_bold else "]")
            elif kind == "em_open":
                out.append("#emph[")
            elif kind == "em_close":
                out.append("]")
            elif kind in ("text", "text_special", "code_inline"):
                out.append(typst_escape(child.content))
            elif kind in ("softbreak", "hardbreak"):
                out.append(" ")
            elif kind == "image":
                out.append(typst_escape(child.content))
        return "".join(out)


def _head_cell(markup: str, align: str) -> str:
    return f'table.cell(align: {_align(align)}, fill: rgb("{HEAD_FILL}"))[#text(fill: white, weight: "bold")[{markup}]]'


def _align(align: str) -> str:
    return {"right": "right", "center": "center"}.get(align, "left")


def _widths(rows: list[list[str]], header: list[str]) -> Iterator[str]:
    """Column widths from the content: columns of short values (codes, kinds, numbers) as wide as their
    content (``auto``, so that no word is broken), the others share the rest by their text length (``fr``)."""
    for c, name in enumerate(header):
        column = [r[c] for r in rows if c < len(r)]
        mean = sum(len(t) for t in column) / max(len(column), 1)
        if mean <= SHORT_TEXT and max((len(w) for t in column for w in t.split()), default=0) <= SHORT_TEXT + 4:
            yield "auto"
            continue
        longest_word = max((len(w) for t in [name, *column] for w in t.split()), default=1)
        yield f"{max(float(longest_word), min(mean, 45.0), 2.0) + 1:.1f}fr"
