"""The document as DOCX: the Word template (docxtpl fills its cover), the body from the chapters' Markdown.

The body is written with real Word structure, so that a consultant can finish the document in Word:
headings in the styles Heading 1-3 (Word's table of contents uses them), tables in the table style
"Tabel SPBE" with a repeating header row, figures as PNG pictures with a caption in the Caption style,
lists in the List Bullet / List Number styles. Every style comes from the template and can be
restyled there. The zip is rewritten with fixed timestamps and order: the same model, the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from spbe_arch.document.blocks import BlockWriter
from spbe_arch.document.data import DocumentData
from spbe_arch.document.printing import LANDSCAPE_IN, PART_SLACK, PORTRAIT_IN, Tile
from spbe_arch.document.renderers import FIGURE_SCHEME, markdown_parser
from spbe_arch.document.tables import Table
from spbe_arch.document.templating import TemplateError
from spbe_arch.document.text import clean, xml_text

BODY_MARKER = "[[spbe-arch:isi-dokumen]]"
TOC_MARKER = "[[spbe-arch:daftar-isi]]"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
STORED = (".png", ".jpg", ".jpeg")
CAPTION = re.compile(r"^(Tabel|Gambar) [0-9A-Z]+\.\d+$")
GROUP_FILL = "DCE6F0"
TOTAL_FILL = "F2F2F2"
CM_PER_INCH = 2.54
FIGURE_MARGIN_CM = 2.0  # the margins of a landscape page of a figure (as in the PDF)
EMU_PER_CM = 360000
EMU_PER_INCH = 914400
PICTURE_IDS = 1000  # ids of the pictures of the body, above those of the template
EMU_PER_TWIP = 635
WIDE_TABLE_COLUMNS = 6  # tables this wide get a landscape page
TWIPS_PER_CM = 1440 / 2.54
AFTER_TABLE_SPACING = '<w:spacing w:before="160"/>'
CHAR_TWIPS = 95  # the mean width of a character of running text in Arial 9 pt
CELL_PADDING_TWIPS = 220  # left and right cell margins of the table style, and a little air
WORD_CAP = 18  # longer words (URLs, long ids) may wrap rather than widen their column without limit
TEXT_WORD_CAP = 16  # in columns of long texts, only longer words (rare in Indonesian) may wrap
SHORT_TEXT = 14  # a column whose values are this long on average holds codes, kinds or numbers
TEXT_CAP = 45
MIN_TEXT_TWIPS = 900

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def cover_context(data: DocumentData) -> dict[str, Any]:
    """The values of the Word template's fields (cover, header, markers)."""
    authors = ", ".join(data.authors)
    return {
        "pemerintah": data.government, "pemerintah_kapital": data.government.upper(), "judul": data.title,
        "judul_pendek": data.title, "subjudul": data.subtitle, "periode": data.period, "tanggal": data.date_text,
        "versi": data.version, "versi_teks": f"Versi {data.version}" if data.version else "",
        "penyusun": f"Disusun oleh {authors}" if authors else "", "daftar_isi": TOC_MARKER,
        "isi_dokumen": BODY_MARKER, "lambang": "", "catatan": data.notice or "",
    }


def render_docx(data: DocumentData, markdown: str, template: Path, tables: list[Table] | None = None) -> bytes:
    """The Word document: the template's cover filled in, the table of contents, and the body."""
    import jinja2
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(str(template))
        env = jinja2.Environment(autoescape=True, finalize=lambda v: "" if v is None else clean(v))
        context = cover_context(data)
        emblem = data.front.emblem if data.front is not None else None
        if emblem is not None and emblem.format in ("png", "jpg"):  # Word pictures: no SVG
            from docx.shared import Mm
            from docxtpl import InlineImage

            context["lambang"] = InlineImage(tpl, io.BytesIO(emblem.data), height=Mm(35))
        tpl.render(context, jinja_env=env, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{template}: Word template field error: {exc}") from None
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError, PackageNotFoundError) as exc:
        # SyntaxError: lxml's XMLSyntaxError, for a part that is not XML
        raise TemplateError(f"{template}: not a usable Word template ({exc})") from None
    doc = tpl.docx
    writer = WordWriter(doc, data, tables)
    writer.write(markdown_parser().parse(markdown))
    writer.finish(BODY_MARKER, TOC_MARKER)
    _properties(doc, data)
    _update_fields_on_open(doc)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalise_zip(buffer.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """The same package with fixed entry timestamps and a fixed entry order (pictures stored as they are)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", not n.startswith("_rels/"), n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            # pictures are compressed already: deflating them again costs time and saves nothing
            info.compress_type = zipfile.ZIP_STORED if name.endswith(STORED) else zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def _properties(doc: Any, data: DocumentData) -> None:
    props = doc.core_properties
    moment = dt.datetime(data.date.year, data.date.month, data.date.day, tzinfo=dt.UTC)
    props.title = xml_text(data.title)
    props.subject = xml_text(data.subtitle)
    props.author = xml_text("; ".join(data.authors) or data.government)
    props.keywords = "Arsitektur SPBE; SPBE"
    props.language = "id-ID"
    props.comments = xml_text(f"Dibuat dari model arsitektur {data.government} dengan spbe-arch")
    props.last_modified_by = "spbe-arch"
    props.revision = 1
    props.created = moment
    props.modified = moment
    props.last_printed = moment


def _update_fields_on_open(doc: Any) -> None:
    """Ask Word to update the table of contents (and page fields) when the file is opened."""
    from docx.oxml import parse_xml

    settings = doc.settings.element
    for old in settings.findall(_w("updateFields")):
        settings.remove(old)
    update = parse_xml(f'<w:updateFields xmlns:w="{W_NS}" w:val="true"/>')
    later = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
             "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
             "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
             "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")
    anchor = next((child for child in settings if child.tag in {_w(t) for t in later}), None)
    if anchor is not None:
        anchor.addprevious(update)
    else:
        settings.append(update)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels from a PNG header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


class WordWriter(BlockWriter):
    """Turns Markdown tokens into WordprocessingML for the body of a python-docx document.

    Paragraphs and tables are built as XML text and parsed once at the end (python-docx's element
    factory is slow on documents of thousands of cells); pictures and hyperlinks go through
    python-docx, which adds their parts and relationships.
    """

    def __init__(self, doc: Any, data: DocumentData, tables: list[Table] | None = None) -> None:
        self.doc = doc
        self.data = data
        self.tables = tables or []
        self.body = doc.element.body
        section = doc.sections[-1]
        self.text_width_cm = (section.page_width - section.left_margin - section.right_margin) / EMU_PER_CM
        self.landscape_width_cm = (section.page_height - section.top_margin - section.bottom_margin) / EMU_PER_CM
        self.last_caption = -1  # index in parts of the last caption paragraph
        self.section_breaks = 0
        self.pictures = 0
        self.headings: list[tuple[int, str]] = []
        self.captions: dict[str, list[str]] = {"Caption Tabel": [], "Caption": []}  # for Daftar Tabel, Gambar
        self.parts: list[str] = []  # XML of the body elements, in order
        self.after_table = False
        self._style_ids: dict[str, str | None] = {}
        self.lists: list[dict[str, Any]] = []

    # -- styles -----------------------------------------------------------------------------
    def style_id(self, name: str) -> str | None:
        if name not in self._style_ids:
            try:
                self._style_ids[name] = self.doc.styles[name].style_id
            except KeyError:
                self._style_ids[name] = None
        return self._style_ids[name]

    def _ppr(self, style: str, fallback: str = "Normal", extra: str = "") -> str:
        style_id = self.style_id(style) or self.style_id(fallback)
        inner = (f'<w:pStyle w:val="{_attr(style_id)}"/>' if style_id else "") + extra
        return f"<w:pPr>{inner}</w:pPr>" if inner else ""

    def paragraph(self, style: str, runs: str, fallback: str = "Normal", extra: str = "") -> None:
        if self.after_table and style in ("Normal", "List Bullet", "List Number"):
            extra += AFTER_TABLE_SPACING  # text right under a table would touch its last row
        self.after_table = False
        self.parts.append(f"<w:p>{self._ppr(style, fallback, extra)}{runs}</w:p>")

    # -- tokens -----------------------------------------------------------------------------
    def write(self, tokens: list[Any]) -> None:
        self.walk(tokens)

    def on_heading(self, level: int, inline: Any) -> None:
        self.heading(min(level, 3), inline)

    def on_paragraph(self, tokens: list[Any], i: int) -> int:
        if _is_image(tokens[i + 1]):
            caption = tokens[i + 4] if i + 4 < len(tokens) and _caption_kind(tokens[i + 4]) == "Gambar" else None
            self.picture(_children(tokens[i + 1])[0], caption)
            return 6 if caption is not None else 3
        self.paragraph_block(tokens[i + 1])
        return 3

    def on_markdown_table(self, tokens: list[Any]) -> None:
        self.table(tokens)

    def on_model_table(self, table: Table) -> None:
        self.model_table(table)

    def on_list_open(self, ordered: bool) -> None:
        self.lists.append({"ordered": ordered, "num": None})

    def on_list_close(self) -> None:
        self.lists.pop()

    def on_code(self, content: str) -> None:
        for line in content.rstrip("\n").split("\n"):
            self.paragraph("macro", _run(line, code=True))

    def heading(self, level: int, inline: Any) -> None:
        children = inline.children or []
        self.paragraph(f"Heading {level}", self.runs(children))
        self.headings.append((level, "".join(t for t, _, _ in _inline_runs(children))))

    def paragraph_block(self, inline: Any) -> None:
        children = _children(inline)
        if self.lists:
            self.list_item(inline)
            return
        kind = _caption_kind(inline)
        if kind is not None:
            self.caption(inline)
            return
        style = "Normal"
        if children and children[0].type == "em_open" and children[-1].type == "em_close":
            style = "Keterangan"
        self.paragraph(style, self.runs(inline.children or []))

    def caption(self, inline: Any, continued: str = "") -> None:
        """A caption paragraph whose number is a Word caption field: the chapter as text, then
        ``SEQ Gambar \\s 1`` (or ``Tabel``), counted again from 1 after each Heading 1, so that Word keeps
        "Gambar 7.3" when it updates the fields, and the Daftar Gambar and Daftar Tabel (``TOC \\c``) list it.

        A continued part of a cut figure (``continued``: "lanjutan, bagian 2 dari 3") repeats the caption
        as plain text, without a field, so that the figure is counted and listed once.
        """
        children = inline.children or []
        label = _children(inline)[1].content
        kind, number = label.split(" ", 1)
        chapter, _, sequence = number.rpartition(".")
        style = "Caption Tabel" if kind == "Tabel" else "Caption"
        text = "".join(t for t, _, _ in _inline_runs(children))
        close = next((i for i, c in enumerate(children) if c.type == "strong_close"), len(children))
        rest = self.runs(children[close + 1:])
        if continued:
            runs = _run(label, bold=True) + rest + _run(f" ({continued})")
            self.paragraph(style, runs, "Caption")
            return
        self.captions[style].append(text)
        self.last_caption = len(self.parts)
        field = (f'<w:r><w:rPr><w:b/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                 f'<w:r><w:rPr><w:b/></w:rPr><w:instrText xml:space="preserve"> SEQ {kind} \\* ARABIC \\s 1 '
                 f'</w:instrText></w:r><w:r><w:rPr><w:b/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
                 f'{_run(sequence, bold=True)}<w:r><w:rPr><w:b/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>')
        self.paragraph(style, _run(f"{kind} {chapter}.", bold=True) + field + rest, "Caption")

    def list_item(self, inline: Any) -> None:
        state = self.lists[-1]
        depth = len(self.lists)
        base = "List Number" if state["ordered"] else "List Bullet"
        numbering = ""
        if state["ordered"]:
            if state["num"] is None:
                state["num"] = self._restart_numbering(base)
            if state["num"] is not None:
                numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{state["num"]}"/></w:numPr>'
        self.paragraph(base if depth == 1 else f"{base} {min(depth, 3)}", self.runs(inline.children or []), base,
                       numbering)

    def _restart_numbering(self, style_name: str) -> int | None:
        """A numbering instance of the style's list that starts again at 1 (Word would continue it)."""
        try:
            style = self.doc.styles[style_name]
            num_id = style.element.pPr.numPr.numId.val
            numbering = self.doc.part.numbering_part.element
            abstract = numbering.num_having_numId(num_id).abstractNumId.val
        except (AttributeError, KeyError, NotImplementedError):
            return None
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def runs(self, children: list[Any]) -> str:
        """Inline Markdown as runs: bold, italic, code, links (external ones as Word hyperlinks)."""
        out: list[str] = []
        bold = italic = 0
        link: str | None = None
        inside: list[str] = []
        for child in children:
            kind = child.type
            if kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind == "link_open":
                link, inside = str(child.attrs.get("href", "")), []
            elif kind == "link_close":
                out.append(self._hyperlink(link or "", inside))
                link = None
            elif kind in ("text", "text_special", "code_inline", "softbreak", "hardbreak", "image"):
                text = {"softbreak": " ", "image": child.content}.get(kind, child.content)
                if kind == "hardbreak":
                    piece = "<w:r><w:br/></w:r>"
                elif not text:
                    continue
                else:
                    piece = _run(text, bold=bold > 0, italic=italic > 0, code=kind == "code_inline",
                                 link=link is not None and _external(link))
                (inside if link is not None else out).append(piece)
        return "".join(out)

    def _hyperlink(self, href: str, runs: list[str]) -> str:
        if not _external(href):
            return "".join(runs)
        from docx.opc.constants import RELATIONSHIP_TYPE

        rel = self.doc.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        return f'<w:hyperlink r:id="{_attr(rel)}">{"".join(runs)}</w:hyperlink>'

    def picture(self, image: Any, caption: Any = None) -> None:
        """A figure printed as the PDF prints it (:mod:`spbe_arch.document.printing`): at a scale that keeps
        its text at 7 pt or more, on a landscape section when it is wide, and cut into page-sized parts
        when it is too large for one page. Each part shows its share of the one PNG (``a:srcRect``)."""
        src = str(image.attrs.get("src", ""))
        data = plan = None
        if src.startswith(FIGURE_SCHEME):
            key = src[len(FIGURE_SCHEME):]
            if key in self.data.figures:
                figure = self.data.figures[key]
                data, plan = figure.png(), figure.print_plan(self.figure_area(), LANDSCAPE_IN)
        if data is None or plan is None:
            self.paragraph("Gambar", _run(image.content))
            if caption is not None:
                self.caption(caption)
            return
        if plan.height <= 0:
            width_px, height_px = png_size(data)
            plan.height = plan.width * height_px / max(width_px, 1)
        if plan.landscape:
            self.parts.append(self._section_break(landscape=False))
        parts = plan.parts()
        for index, tile in enumerate(parts):
            extra = "<w:keepNext/>" if caption is not None else ""
            if plan.tiles is not None and (index > 0 or not plan.landscape):
                extra = "<w:pageBreakBefore/>" + extra
            self.paragraph("Gambar", self._drawing(data, plan.width, plan.height, tile), extra=extra)
            if caption is not None:
                self.caption(caption, f"lanjutan, bagian {index + 1} dari {len(parts)}" if index else "")
        if plan.landscape:
            self.parts.append(self._section_break(landscape=True, margin_cm=FIGURE_MARGIN_CM))

    def figure_area(self) -> tuple[float, float]:
        """The room for a figure on a portrait page of the template (inches): its text width, less the
        2 % by which a part of a cut figure may be wider than the room, and at most the PDF's."""
        width = min(PORTRAIT_IN[0], self.text_width_cm / CM_PER_INCH * (1 - PART_SLACK))
        return width, PORTRAIT_IN[1]

    def _drawing(self, data: bytes, width_in: float, height_in: float, tile: Tile) -> str:
        """A ``w:drawing`` run: the tile's box of the picture, cropped from the whole PNG."""
        from docx.shared import Emu
        from lxml import etree

        inline = self.doc.part.new_pic_inline(io.BytesIO(data), Emu(round(tile.width * EMU_PER_INCH)),
                                              Emu(round(tile.height * EMU_PER_INCH)))
        self.pictures += 1
        for element in inline.iter(f"{{{ROOT_NAMESPACES['wp']}}}docPr", f"{{{PIC_NS}}}cNvPr"):
            element.set("id", str(PICTURE_IDS + self.pictures))  # unique, as Word requires
        crop = {"l": tile.left / width_in, "t": tile.top / height_in,
                "r": 1 - (tile.left + tile.width) / width_in, "b": 1 - (tile.top + tile.height) / height_in}
        if any(round(v * 100000) for v in crop.values()):
            blip = inline.find(f".//{{{A_NS}}}blip")
            rect = etree.SubElement(blip.getparent(), f"{{{A_NS}}}srcRect")
            for side, value in crop.items():
                rect.set(side, str(max(0, round(value * 100000))))
            blip.addnext(rect)
        return f"<w:r><w:drawing>{etree.tostring(inline, encoding='unicode')}</w:drawing></w:r>"

    # -- tables -----------------------------------------------------------------------------
    def model_table(self, table: Table) -> None:
        """A table of the document model, written directly (no Markdown round trip)."""
        rows = [_RowSpec([[(c, False, False)] for c in table.columns], kind="header")]
        for r in table.rows:
            if r.group is not None:
                rows.append(_RowSpec([[(r.group, True, False)]], kind="group"))
            else:
                rows.append(_RowSpec([[(c.text, r.total, False)] for c in r.cells], kind="total" if r.total else ""))
        if len(table.columns) < WIDE_TABLE_COLUMNS:
            self.parts.append(self._table_xml(rows, list(table.aligns)))
        else:  # a landscape section of its own, its caption with it, so that no word is broken in a cell
            caption_at = len(self.parts) - 1 if self.last_caption == len(self.parts) - 1 else len(self.parts)
            self.parts.insert(caption_at, self._section_break(landscape=False))
            portrait = self.text_width_cm
            self.text_width_cm = self.landscape_width_cm
            self.parts.append(self._table_xml(rows, list(table.aligns)))
            self.text_width_cm = portrait
            self.parts.append(self._section_break(landscape=True))
        self.after_table = True

    def _section_break(self, *, landscape: bool, margin_cm: float | None = None) -> str:
        """A paragraph ending the section before it (portrait or landscape), in the document's page size."""
        from lxml import etree

        section = self.doc.sections[-1]
        width, height = int(section.page_width / EMU_PER_TWIP), int(section.page_height / EMU_PER_TWIP)
        top, bottom = int(section.top_margin / EMU_PER_TWIP), int(section.bottom_margin / EMU_PER_TWIP)
        left, right = int(section.left_margin / EMU_PER_TWIP), int(section.right_margin / EMU_PER_TWIP)
        if margin_cm is not None:  # a figure's own page: narrow margins all round, as in the PDF
            top = bottom = left = right = round(margin_cm * TWIPS_PER_CM)
        if landscape:
            size = f'<w:pgSz w:w="{height}" w:h="{width}" w:orient="landscape"/>'
            margins = f'<w:pgMar w:top="{left}" w:right="{bottom}" w:bottom="{right}" w:left="{top}" w:header="709" ' \
                      'w:footer="709" w:gutter="0"/>'
        else:
            size = f'<w:pgSz w:w="{width}" w:h="{height}"/>'
            margins = f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="709" ' \
                      'w:footer="709" w:gutter="0"/>'
        # the header and footer (page numbers) of the template's section; the cover's own first page stays bare
        final = self.body.find(_w("sectPr"))
        references = "".join(etree.tostring(child, encoding="unicode") for child in (final if final is not None else [])
                             if child.tag in (_w("headerReference"), _w("footerReference")))
        first = not self.section_breaks and final is not None and final.find(_w("titlePg")) is not None
        self.section_breaks += 1
        return (f'<w:p><w:pPr><w:sectPr>{references}<w:type w:val="nextPage"/>{size}{margins}'
                f'{"<w:titlePg/>" if first else ""}</w:sectPr></w:pPr></w:p>')

    def table(self, tokens: list[Any]) -> None:
        """A Markdown table written by a template (bold first cell alone: a group row)."""
        rows: list[_RowSpec] = []
        aligns: list[str] = []
        current: list[list[tuple[str, bool, bool]]] = []
        for i, token in enumerate(tokens):
            if token.type == "tr_open":
                current = []
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", ""))
                if token.type == "th_open":
                    aligns.append(style.split(":", 1)[1] if style.startswith("text-align:") else "left")
                current.append(list(_inline_runs(tokens[i + 1].children or [])))
            elif token.type == "tr_close":
                kind = "header" if not rows else ""
                if kind == "" and _is_group(current):
                    current, kind = current[:1], "group"
                elif kind == "" and current and current[0] and current[0][0][1] and \
                        current[0][0][0].startswith("Jumlah"):
                    kind = "total"
                rows.append(_RowSpec(current, kind))
        if rows:
            self.parts.append(self._table_xml(rows, aligns))
            self.after_table = True

    def _table_xml(self, rows: list[_RowSpec], aligns: list[str]) -> str:
        """A ``w:tbl``: fixed column widths from the content, a repeating header row, group and total rows."""
        columns = len(rows[0].cells)
        widths = self._widths([["".join(t for t, _, _ in c) for c in r.cells] for r in rows if r.kind != "group"],
                              columns)
        table_style = self.style_id("Tabel SPBE") or self.style_id("Table Grid")
        head_style = self.style_id("Judul Tabel") or self.style_id("Isi Tabel")
        body_style = self.style_id("Isi Tabel")
        out = ["<w:tbl><w:tblPr>"]
        if table_style:
            out.append(f'<w:tblStyle w:val="{_attr(table_style)}"/>')
        out.append(f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                   '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
                   'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>')
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out.append("</w:tblGrid>")
        for spec in rows:
            out.append("<w:tr><w:trPr><w:cantSplit/>")
            if spec.kind == "header":
                out.append("<w:tblHeader/></w:trPr>")
                for runs, align, width in zip(spec.cells, aligns, widths, strict=False):
                    out.append(_cell_xml(runs, align, width, head_style, bold=True))
            elif spec.kind == "group":
                out.append("</w:trPr>")
                out.append(_cell_xml(spec.cells[0], "left", sum(widths), body_style, span=columns, fill=GROUP_FILL,
                                     keep_next=True, bold=True))
            else:
                out.append("</w:trPr>")
                fill = TOTAL_FILL if spec.kind == "total" else None
                for runs, align, width in zip(spec.cells, aligns, widths, strict=False):
                    out.append(_cell_xml(runs, align, width, body_style, fill=fill))
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def _widths(self, texts: list[list[str]], columns: int) -> list[int]:
        """Column widths (twips) from the cells' text.

        Columns of short values (codes, kinds, numbers) are at least as wide as their longest word, so that
        Word never breaks one inside; columns of long texts may wrap words longer than TEXT_WORD_CAP
        characters. The rest of the width goes to the columns with the longest texts.
        """
        total = int(self.text_width_cm * TWIPS_PER_CM)
        minimum, wanted, short = [], [], []
        for c in range(columns):
            column = [r[c] for r in texts if c < len(r)]
            body = column[1:] or column
            mean = sum(len(t) for t in body) / max(len(body), 1)
            is_short = mean <= SHORT_TEXT
            cap = WORD_CAP if is_short else TEXT_WORD_CAP
            head = max((word_twips(w[:cap], bold=True) for w in column[0].split()), default=0) if column else 0
            words = max((word_twips(w[:cap]) for t in body for w in t.split()), default=0)
            low = max(head, words) + CELL_PADDING_TWIPS
            minimum.append(low)
            short.append(is_short)
            wanted.append(max(low, min(mean, TEXT_CAP) * CHAR_TWIPS + CELL_PADDING_TWIPS))
        if sum(wanted) <= total:
            widths = [w * total / sum(wanted) for w in wanted]
        elif sum(minimum) <= total:
            spare = (total - sum(minimum)) / (sum(wanted) - sum(minimum))
            widths = [m + (w - m) * spare for m, w in zip(minimum, wanted, strict=True)]
        else:  # too many columns: long-text columns give way first, then everything shrinks
            fixed = sum(m for m, s_ in zip(minimum, short, strict=True) if s_)
            rest = total - fixed
            flexible = [m for m, s_ in zip(minimum, short, strict=True) if not s_]
            if flexible and rest >= len(flexible) * MIN_TEXT_TWIPS:
                widths = [m if s_ else rest / len(flexible) for m, s_ in zip(minimum, short, strict=True)]
            else:
                widths = [m * total / sum(minimum) for m in minimum]
        return [int(w) for w in widths]

    # -- placing the body and the table of contents ---------------------------------------
    def _marker(self, marker: str) -> Any:
        for p in self.body.iter(_w("p")):
            if "".join(t.text or "" for t in p.iter(_w("t"))).strip() == marker:
                return p
        return None

    def toc_xml(self) -> str:
        """A TOC field (levels 1-3) whose cached entries are the headings, then the Daftar Tabel and Daftar
        Gambar as TOC fields over the captions' SEQ fields (``\\c "Tabel"``, ``\\c "Gambar"``); Word
        recomputes them, with page numbers, when it opens the file (``updateFields``)."""
        parts = [self._field_paragraphs('TOC \\o "1-3" \\h \\z \\u', self.headings or [(1, "")])]
        for title, style, label in (("DAFTAR TABEL", "Caption Tabel", "Tabel"), ("DAFTAR GAMBAR", "Caption", "Gambar")):
            parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            parts.append(f"<w:p>{self._ppr('TOC Heading')}{_run(title)}</w:p>")
            entries = [(1, text) for text in self.captions[style]] or [(1, "")]
            parts.append(self._field_paragraphs(f'TOC \\h \\z \\c "{label}"', entries, "table of figures"))
        return "".join(parts)

    def _field_paragraphs(self, instruction: str, entries: list[tuple[int, str]], style: str = "") -> str:
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                 f'{xml_escape(instruction)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        parts = []
        for index, (level, text) in enumerate(entries):
            runs = (begin if index == 0 else "") + _run(text) + (end if index == len(entries) - 1 else "")
            parts.append(f"<w:p>{self._ppr(style or f'toc {level}', 'toc 1')}{runs}</w:p>")
        return "".join(parts)

    def finish(self, body_marker: str, toc_marker: str) -> None:
        """Put the body where the template's ``{{ isi_dokumen }}`` paragraph is (else at the end) and the
        table of contents at ``{{ daftar_isi }}`` (else nowhere).

        The document is serialised once with a placeholder at each place, the XML spliced in, and the
        result parsed once: moving thousands of parsed elements into the tree one by one is far slower.
        """
        from docx.oxml import parse_xml
        from lxml import etree

        root = self.doc.part.element
        if any(root.nsmap.get(prefix) != uri for prefix, uri in ROOT_NAMESPACES.items()):
            self._finish_by_moving(body_marker, toc_marker)
            return
        pieces = {"body": "".join(self.parts), "toc": self.toc_xml()}
        for key, marker in (("body", body_marker), ("toc", toc_marker)):
            target = self._marker(marker)
            placeholder = etree.ProcessingInstruction("spbe-arch", key)
            if target is not None:
                target.addprevious(placeholder)
                target.getparent().remove(target)
            elif key == "body":
                section = self.body.find(_w("sectPr"))
                (section.addprevious(placeholder) if section is not None else self.body.append(placeholder))
        text = etree.tostring(root, encoding="unicode")
        for key, xml in pieces.items():
            text = text.replace(f"<?spbe-arch {key}?>", xml, 1)
        self.doc.part._element = parse_xml(text)

    def _finish_by_moving(self, body_marker: str, toc_marker: str) -> None:
        """The same for a template whose root lacks a namespace prefix the XML text uses."""
        from docx.oxml import parse_xml

        for marker, xml, required in ((body_marker, "".join(self.parts), True), (toc_marker, self.toc_xml(), False)):
            elements = list(parse_xml(f"<w:body {NAMESPACES}>{xml}</w:body>"))
            target = self._marker(marker)
            if target is None and not required:
                continue
            if target is None:
                target = self.body.find(_w("sectPr"))
                for element in elements:
                    (target.addprevious(element) if target is not None else self.body.append(element))
                continue
            for element in elements:
                target.addprevious(element)
            target.getparent().remove(target)


ROOT_NAMESPACES = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
NAMESPACES = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    **ROOT_NAMESPACES,
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}.items())


def _external(href: str) -> bool:
    return href.startswith(("http://", "https://", "mailto:"))


def _attr(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


def _run(text: str, *, bold: bool = False, italic: bool = False, code: bool = False, link: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if code:
        props = '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>' + props
    if link:
        props += '<w:color w:val="0563C1"/><w:u w:val="single"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(xml_text(text))}</w:t></w:r>'


def _cell_xml(runs: list[tuple[str, bool, bool]], align: str, width: int, style: str | None, *, bold: bool = False,
              span: int = 1, fill: str | None = None, keep_next: bool = False) -> str:
    """One ``w:tc``: width, span and shading; a paragraph in the table style; the runs, XML-escaped."""
    out = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        out.append(f'<w:gridSpan w:val="{span}"/>')
    if fill:
        out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    out.append("</w:tcPr><w:p><w:pPr>")
    if style:
        out.append(f'<w:pStyle w:val="{_attr(style)}"/>')
    if keep_next:
        out.append("<w:keepNext/>")
    if align in ("right", "center"):
        out.append(f'<w:jc w:val="{align}"/>')
    out.append("</w:pPr>")
    out.extend(_run(text, bold=is_bold or bold, italic=is_italic) for text, is_bold, is_italic in runs if text)
    out.append("</w:p></w:tc>")
    return "".join(out)


# Advance widths of Arial (and the metric-compatible Liberation Sans, Arimo) in em, by character class.
_NARROW = set(" .,:;'!|ijlIft()[]/-")
_WIDE = set("mwMW@%")


def word_twips(word: str, bold: bool = False) -> int:
    """The width of ``word`` in Arial 9 pt, in twips (an estimate from character classes, 5% spare)."""
    em = 0.0
    for char in word:
        if char in _NARROW:
            em += 0.29
        elif char in _WIDE:
            em += 0.85
        elif char.isupper():
            em += 0.70
        elif char.isdigit():
            em += 0.56
        else:
            em += 0.53
    return int(em * 180 * (1.08 if bold else 1.0) * 1.05)


def _children(inline: Any) -> list[Any]:
    """An inline token's children without whitespace-only text."""
    return [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]


def _is_image(inline: Any) -> bool:
    """A paragraph that holds one picture and nothing else."""
    children = _children(inline) if inline.type == "inline" else []
    return len(children) == 1 and children[0].type == "image"


def _caption_kind(inline: Any) -> str | None:
    """"Gambar" or "Tabel" for a caption paragraph ("**Gambar 3.1** ..."), else None."""
    children = _children(inline) if inline.type == "inline" else []
    if len(children) >= 3 and children[0].type == "strong_open" and CAPTION.match(children[1].content or "") \
            and children[2].type == "strong_close":
        return str(children[1].content).split(" ", 1)[0]
    return None


def _inline_runs(children: list[Any]) -> Iterator[tuple[str, bool, bool]]:
    bold = italic = 0
    for child in children:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type in ("text", "text_special", "code_inline") and child.content:
            yield child.content, bold > 0, italic > 0
        elif child.type in ("softbreak", "hardbreak"):
            yield " ", bold > 0, italic > 0


def _is_group(cells: list[list[tuple[str, bool, bool]]]) -> bool:
    """A group row of a Markdown table: bold text in the first cell only."""
    first = [r for r in cells[0] if r[0]] if cells else []
    return (len(cells) > 1 and bool(first) and all(bold for _, bold, _ in first)
            and all(not "".join(t for t, _, _ in c).strip() for c in cells[1:]))


@dataclass
class _RowSpec:
    """One table row for Word: its cells as runs (text, bold, italic); kind header, group, total or ""."""

    cells: list[list[tuple[str, bool, bool]]]
    kind: str = ""
