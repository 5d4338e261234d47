"""Rendering the chapters through the templates into HTML, Markdown (and the Markdown that becomes Word)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape as html_unescape
from typing import Any, Literal
from urllib.parse import quote

from markupsafe import Markup

from spbe_arch.document.data import DocumentData
from spbe_arch.document.tables import Table
from spbe_arch.document.templating import Family, Numbering, Templates
from spbe_arch.document.text import clean, md_escape, roman, unique_slugs

Target = Literal["html", "md", "docx"]
FIGURE_SCHEME = "figure:"


@dataclass(frozen=True)
class Chapter:
    slug: str
    number: str  # "1" ... "13"; "L" for the appendices; "" for the front matter (pengesahan, pengantar)

    @property
    def roman(self) -> str:
        return roman(int(self.number)) if self.number.isdigit() else self.number


# The six domains follow the order of Perpres 132/2022 (proses bisnis, data dan informasi,
# infrastruktur, aplikasi, keamanan, layanan).
CHAPTERS: tuple[Chapter, ...] = (
    Chapter("pengantar", ""), Chapter("pendahuluan", "1"), Chapter("gambaran-umum", "2"),
    Chapter("arah-kebijakan", "3"), Chapter("kerangka-arsitektur", "4"), Chapter("proses-bisnis", "5"),
    Chapter("data", "6"), Chapter("infrastruktur", "7"), Chapter("aplikasi", "8"), Chapter("keamanan", "9"),
    Chapter("layanan", "10"), Chapter("analisis", "11"), Chapter("peta-rencana", "12"), Chapter("penutup", "13"),
    Chapter("lampiran", "L"),
)
DOMAIN_CHAPTERS = {c.slug: c for c in CHAPTERS}


def chapter_template(family: Family, position: int, chapter: Chapter) -> str:
    return f"document/{family}/{position:02d}-{chapter.slug}.{family}.j2"


def template_names() -> list[str]:
    """Every template of the document, as a user would name it under --templates."""
    names = ["document/md/document.md.j2", "document/md/macros.md.j2", "document/md/kondisi-spbe.md.j2"]
    names.extend(chapter_template("md", i, c) for i, c in enumerate(CHAPTERS, 1))
    names += ["document/html/document.html.j2", "document/html/blocks.html.j2", "document/html/style.css"]
    names.append("document/template.docx")
    return names


@dataclass
class Placement:
    """How a template places one figure: ``ok`` and where it is, or the reason it is missing."""

    key: str
    caption: str
    ok: bool
    url: Markup = field(default_factory=Markup)
    svg: Markup = field(default_factory=Markup)
    reason: str = ""


@dataclass
class TocEntry:
    level: int
    text: Markup
    anchor: str


@dataclass
class TocItem:
    entry: TocEntry
    children: list[TocEntry] = field(default_factory=list)


def toc_tree(entries: list[TocEntry]) -> list[TocItem]:
    """Entries of level 2 under the level-1 entry before them."""
    tree: list[TocItem] = []
    for entry in entries:
        if entry.level == 1 or not tree:
            tree.append(TocItem(entry))
        else:
            tree[-1].children.append(entry)
    return tree


def _placer(data: DocumentData, target: Target, figure_dir: str | None,
            placed: list[str] | None = None) -> Callable[[str], Placement]:
    def place(key: str) -> Placement:
        figure = data.figures[key]
        if placed is not None:
            placed.append(key)
        if target == "html":
            svg = figure.svg()
            return Placement(key, figure.caption, svg is not None, svg=Markup(svg or ""), reason=figure.reason)
        if target == "docx":
            ok = figure.png() is not None
            return Placement(key, figure.caption, ok, url=Markup(FIGURE_SCHEME + key), reason=figure.reason)
        if figure_dir is None:
            return Placement(key, figure.caption, False,
                             reason="dokumen ditulis ke keluaran standar sehingga berkas gambar tidak dapat disertakan")
        ok = figure.svg_file() is not None
        url = Markup(f"{quote(figure_dir)}/{quote(figure.filename)}")
        return Placement(key, figure.caption, ok, url=url, reason=figure.reason)

    return place


def _context(data: DocumentData, target: Target, numbering: Numbering, place: Callable[[str], Placement],
             chapter: Chapter | None) -> dict[str, Any]:
    return {
        "doc": data, "n": data.n, "tables": data.tables, "matrices": data.matrices, "figures": data.figures,
        "chapter": chapter, "numbering": numbering, "target": target, "place": place,
        "chapters": CHAPTERS,
    }


def render_chapters(data: DocumentData, templates: Templates, family: Family, target: Target,
                    figure_dir: str | None = None, placed: list[str] | None = None,
                    extra: dict[str, Any] | None = None) -> list[str]:
    numbering = Numbering()
    place = _placer(data, target, figure_dir, placed)
    return [
        templates.render(family, chapter_template(family, i, c),
                         {**_context(data, target, numbering, place, c), **(extra or {})})
        for i, c in enumerate(CHAPTERS, 1)
    ]


# -- HTML -----------------------------------------------------------------------------------
# The HTML chapters are the Markdown chapters, rendered by markdown-it with raw HTML off (so model
# text, already escaped for Markdown, comes out escaped for HTML). Tables of the model and diagrams
# are what Markdown cannot carry (links between rows, inline SVG): the Markdown macros leave a marker
# paragraph for each, which is replaced by its HTML from ``document/html/blocks.html.j2``.

_HEADING = re.compile(r"<h([1-3])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_NOTE = re.compile(r"^<p><em>((?:(?!</?em>).)*)</em></p>$", re.M)
_LISTS_MARKER = re.compile(r"^<!--\s*spbe-daftar-isi\s*-->$", re.M)
BLOCKS_TEMPLATE = "document/html/blocks.html.j2"


@dataclass
class CaptionEntry:
    """A line of the Daftar Tabel or Daftar Gambar: "Tabel 7.2", its caption and the block's anchor."""

    label: str
    caption: str
    anchor: str


@dataclass
class _HtmlBlocks:
    """The tables and figures the Markdown chapters placed, each rendered to HTML behind a marker."""

    templates: Templates
    marker: str = field(default_factory=lambda: "SPBEBLOK" + secrets.token_hex(8))
    html: list[str] = field(default_factory=list)
    tables: list[CaptionEntry] = field(default_factory=list)
    figures: list[CaptionEntry] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)

    def _anchor(self, base: str) -> str:
        anchor, n = base, 1
        while anchor in self.anchors:
            n += 1
            anchor = f"{base}-{n}"
        self.anchors.add(anchor)
        return anchor

    def place(self, kind: str, item: Table | Placement, label: str) -> Markup:
        key = item.key
        anchor = self._anchor(("tabel-" if kind == "table" else "gambar-") + key)
        entries = self.tables if kind == "table" else self.figures
        entries.append(CaptionEntry(label, item.caption, anchor))
        context = {"kind": kind, "item": item, "label": label, "anchor": anchor}
        self.html.append(self.templates.render("html", BLOCKS_TEMPLATE, context).strip())
        return Markup(f"\n\n{self.marker}{len(self.html) - 1}X\n\n")  # a block of its own, never inside a paragraph

    def fill(self, html: str) -> str:
        """The HTML with every marker replaced by its block (a marker alone in a paragraph loses the <p>)."""
        pattern = re.compile(rf"(<p>)?{self.marker}(\d+)X(</p>)?")

        def block(match: re.Match[str]) -> str:
            inner = self.html[int(match.group(2))]
            if match.group(1) and match.group(3):
                return inner
            return (match.group(1) or "") + inner + (match.group(3) or "")

        return pattern.sub(block, html)


def html_parser() -> Any:
    """Markdown to HTML with raw HTML disabled: every ``<`` of a text is shown, never interpreted."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _html_chapter(markdown: str, parser: Any, blocks: _HtmlBlocks) -> str:
    text = _LISTS_MARKER.sub("", markdown)  # the lists of the Word and PDF front matter: HTML has them in its nav
    html = blocks.fill(parser.render(text))
    return _NOTE.sub(r'<p class="note">\1</p>', html)  # a paragraph wholly in italics is a notice


def _html_headings(chapters: list[str], taken: set[str] | None = None) -> tuple[list[str], list[TocEntry]]:
    """Chapters with an id on every heading (none of the ``taken`` ones), and the table of contents
    (levels 1 and 2)."""
    used: set[str] = set(taken or ())
    toc: list[TocEntry] = []
    result = []

    def fix(match: re.Match[str]) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2), match.group(3)
        found = _ID.search(attrs)
        if found:
            anchor = found.group(1)
        else:
            base = unique_slugs([html_unescape(_TAG.sub("", inner))])[0] or "bagian"
            anchor, n = base, 1
            while anchor in used:
                n += 1
                anchor = f"{base}-{n}"
            attrs = f' id="{anchor}"{attrs}'
        used.add(anchor)
        if level <= 2:
            toc.append(TocEntry(level, Markup(_TAG.sub("", inner).strip()), anchor))
        return f"<h{level}{attrs}>{inner}</h{level}>"

    for html in chapters:
        result.append(_HEADING.sub(fix, html))
    return result, toc


def render_html(data: DocumentData, templates: Templates) -> str:
    """The whole document as one self-contained HTML page (styles and diagrams inline), from the
    Markdown chapters: the prose is written once for every format."""
    blocks = _HtmlBlocks(templates)
    markdown = render_chapters(data, templates, "md", "html", extra={"html_block": blocks.place})
    parser = html_parser()
    chapters, toc = _html_headings([_html_chapter(c, parser, blocks) for c in markdown], blocks.anchors)
    context = _context(data, "html", Numbering(), _placer(data, "html", None), None)
    context.update(body=[Markup(c) for c in chapters], toc=toc, toc_tree=toc_tree(toc),
                   table_list=blocks.tables, figure_list=blocks.figures)
    return templates.render("html", "document/html/document.html.j2", context)


# -- Markdown -------------------------------------------------------------------------------

def markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _md_headings(text: str) -> list[tuple[int, str]]:
    """(level, plain text) of every ATX heading of a Markdown text, in order (fenced code skipped).

    Only the heading lines are parsed, as inline Markdown, so that the text is what GitHub shows.
    """
    parser = markdown_parser()
    found = []
    fence: str | None = None
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None:
            continue
        match = _ATX.match(line)
        if match:
            content = re.sub(r"[ \t]+#+[ \t]*$", "", line[match.end():]).strip()
            children = (parser.parseInline(content)[0].children or []) if content else []
            plain = "".join(c.content for c in children if c.type in ("text", "code_inline", "text_special"))
            found.append((len(match.group(1)), plain))
    return found


@dataclass
class MarkdownDocument:
    text: str
    files: dict[str, bytes]  # figure files, relative to the document's folder


def render_markdown(data: DocumentData, templates: Templates, figure_dir: str | None) -> MarkdownDocument:
    """The document as Markdown for GitHub and GitLab; figures are SVG files in ``figure_dir``."""
    placed: list[str] = []
    chapters = render_chapters(data, templates, "md", "md", figure_dir, placed)
    base = _context(data, "md", Numbering(), _placer(data, "md", figure_dir), None)
    # headings of the frame (title, "Daftar Isi") come first in the document, and count for GitHub's slugs
    frame = templates.render("md", "document/md/document.md.j2",
                             {**base, "body": [], "toc": [], "toc_tree": [], "emblem_url": None})
    frame_headings = _md_headings(frame)
    chapter_headings = [h for c in chapters for h in _md_headings(c)]
    slugs = unique_slugs([t for _, t in frame_headings + chapter_headings])[len(frame_headings):]
    toc = [
        TocEntry(level, Markup(md_escape(text)), slug)
        for (level, text), slug in zip(chapter_headings, slugs, strict=True) if level <= 2
    ]
    emblem = data.front.emblem if data.front is not None else None
    emblem_url = Markup(f"{quote(figure_dir)}/{emblem.filename}") if emblem and figure_dir is not None else None
    text = templates.render("md", "document/md/document.md.j2",
                            {**base, "body": [Markup(c) for c in chapters], "toc": toc, "toc_tree": toc_tree(toc),
                             "emblem_url": emblem_url})
    files = {}
    if emblem is not None and figure_dir is not None:
        files[f"{figure_dir}/{emblem.filename}"] = emblem.data
    if figure_dir is not None:
        for key in dict.fromkeys(placed):
            svg = data.figures.rendered(key, "svg")
            if svg is not None:
                files[f"{figure_dir}/{data.figures[key].filename}"] = svg
    return MarkdownDocument(_tidy_markdown(text), files)


def docx_markdown(data: DocumentData, templates: Templates) -> tuple[str, list[Table]]:
    """The chapters as Markdown for the Word body: figures point at ``figure:KEY``, and the tables of
    the model stand as ``<!-- spbe-table:N -->`` markers that the Word writer replaces by real tables."""
    tables: list[Table] = []

    def docx_table(table: Table) -> Markup:
        tables.append(table)
        return Markup(f"<!-- spbe-table:{len(tables) - 1} -->")

    text = "\n\n".join(render_chapters(data, templates, "md", "docx", extra={"docx_table": docx_table}))
    return text, tables


def _tidy_markdown(text: str) -> str:
    """At most one blank line in a row, and one newline at the end."""
    return re.sub(r"\n{3,}", "\n\n", clean(text)).strip() + "\n"
