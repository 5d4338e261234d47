"""Write templates/document/template.docx, the Word template of the architecture document.

Run once after changing the styles here: ``python scripts/build_docx_template.py``. Users restyle the
generated file in Word instead (see docs/document.md): the document generator only relies on the style
names below and on the three fields ``{{ isi_dokumen }}``, ``{{ daftar_isi }}`` and the cover fields.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from spbe_arch.document.word import normalise_zip
from spbe_arch.fileio import write_bytes_atomic

OUT = Path(__file__).resolve().parent.parent / "templates" / "document" / "template.docx"
FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)


def _lang(style_element: object) -> None:
    """Indonesian proofing language on a style's run properties."""
    rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "id-ID")
    rpr.append(lang)


def paragraph_style(doc, name, base="Normal", size=None, bold=None, italic=None, color=None, align=None,
                    before=None, after=None, keep_next=None, page_break=None, caps=None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and style.name != base:
        style.base_style = styles[base]
    font, fmt = style.font, style.paragraph_format
    font.name = FONT
    settings = (
        (font, "size", None if size is None else Pt(size)), (font, "bold", bold), (font, "italic", italic),
        (font.color, "rgb", color), (font, "all_caps", caps), (fmt, "alignment", align),
        (fmt, "space_before", None if before is None else Pt(before)),
        (fmt, "space_after", None if after is None else Pt(after)), (fmt, "keep_with_next", keep_next),
        (fmt, "page_break_before", page_break),
    )
    for target, attribute, value in settings:  # None: leave what the base style gives
        if value is not None:
            setattr(target, attribute, value)
    return style


TABLE_STYLE = f"""
<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="TabelSPBE">
  <w:name w:val="Tabel SPBE"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="7F7F7F"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3A5F"/><w:vAlign w:val="center"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (PAGE, NUMPAGES, ...) in a paragraph, with a cached result."""
    def fld(kind: str):
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
        return run

    paragraph._p.append(fld("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    paragraph._p.append(instr_run)
    paragraph._p.append(fld("separate"))
    result = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    result.append(text)
    paragraph._p.append(result)
    paragraph._p.append(fld("end"))


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.left_margin, section.right_margin = Cm(3), Cm(2.5)
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1.25)
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.different_first_page_header_footer = True  # no page number on the cover

    normal = paragraph_style(doc, "Normal", base=None, size=11, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    normal.paragraph_format.line_spacing = 1.15
    _lang(normal.element)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    paragraph_style(doc, "Heading 1", size=14, bold=True, color=ACCENT, align=WD_ALIGN_PARAGRAPH.CENTER,
                    before=0, after=18, keep_next=True, page_break=True, italic=False)
    paragraph_style(doc, "Heading 2", size=12, bold=True, color=ACCENT, align=WD_ALIGN_PARAGRAPH.LEFT,
                    before=14, after=6, keep_next=True, italic=False)
    paragraph_style(doc, "Heading 3", size=11, bold=True, color=ACCENT, align=WD_ALIGN_PARAGRAPH.LEFT,
                    before=10, after=4, keep_next=True, italic=False)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.name = FONT
    paragraph_style(doc, "Title", size=22, bold=True, color=ACCENT, align=WD_ALIGN_PARAGRAPH.CENTER, before=36,
                    after=12)
    title_ppr = doc.styles["Title"].element.pPr
    for border in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(border)
    paragraph_style(doc, "Subtitle", size=14, italic=False, color=ACCENT, align=WD_ALIGN_PARAGRAPH.CENTER,
                    after=6)
    paragraph_style(doc, "Sampul", size=12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    paragraph_style(doc, "Sampul Keterangan", size=11, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    paragraph_style(doc, "Caption", size=9, bold=True, italic=False, color=ACCENT, align=WD_ALIGN_PARAGRAPH.CENTER,
                    before=6, after=6)
    paragraph_style(doc, "Caption Tabel", base="Caption", keep_next=True, before=10, after=4)
    paragraph_style(doc, "Gambar", align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=0, keep_next=True)
    paragraph_style(doc, "Isi Tabel", size=9, align=WD_ALIGN_PARAGRAPH.LEFT, before=0, after=0)
    doc.styles["Isi Tabel"].paragraph_format.line_spacing = 1.0
    paragraph_style(doc, "Judul Tabel", base="Isi Tabel", bold=True)
    paragraph_style(doc, "Keterangan", size=9, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, before=2, after=8)
    paragraph_style(doc, "TOC Heading", size=14, bold=True, color=ACCENT, align=WD_ALIGN_PARAGRAPH.CENTER,
                    before=0, after=18, italic=False)
    for level, indent in ((1, 0.0), (2, 0.6), (3, 1.2)):
        style = paragraph_style(doc, f"toc {level}", size=11 if level == 1 else 10, bold=level == 1,
                                align=WD_ALIGN_PARAGRAPH.LEFT, before=6 if level == 1 else 0, after=2)
        style.paragraph_format.left_indent = Cm(indent)
        tabs = style.paragraph_format.tab_stops
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

        tabs.add_tab_stop(Cm(15.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    for name in ("List Bullet", "List Number", "List Bullet 2", "List Number 2"):
        doc.styles[name].font.name = FONT
        doc.styles[name].paragraph_format.space_after = Pt(3)
        doc.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.styles.element.append(parse_xml(TABLE_STYLE))

    # cover: every {{ field }} is filled by docxtpl from the model's manifest
    emblem = doc.add_paragraph("{{ lambang }}", style="Sampul")
    emblem.paragraph_format.space_before = Pt(24)
    body = doc.add_paragraph("{{ pemerintah_kapital }}", style="Sampul")
    body.paragraph_format.space_before = Pt(24)
    title = doc.add_paragraph("{{ judul }}", style="Title")
    title.paragraph_format.space_before = Pt(120)
    doc.add_paragraph("{{ subjudul }}", style="Subtitle")
    version = doc.add_paragraph("{{ versi_teks }}", style="Sampul Keterangan")
    version.paragraph_format.space_before = Pt(150)
    doc.add_paragraph("{{ tanggal }}", style="Sampul Keterangan")
    doc.add_paragraph("{{ penyusun }}", style="Sampul Keterangan")
    notice = doc.add_paragraph("{{ catatan }}", style="Sampul Keterangan")
    notice.paragraph_format.space_before = Pt(12)
    breaker = doc.add_paragraph()
    breaker.add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("DAFTAR ISI", style="TOC Heading")
    doc.add_paragraph("{{ daftar_isi }}")
    doc.add_paragraph("{{ isi_dokumen }}")

    footer = section.footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.style = doc.styles["Footer"]
    field(paragraph, "PAGE", "1")
    header = section.header.paragraphs[0]
    header.text = "{{ judul_pendek }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.styles["Header"].font.size = Pt(8)
    doc.styles["Header"].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    doc.styles["Footer"].font.size = Pt(9)

    props = doc.core_properties
    props.title = "{{ judul }}"
    props.author = "spbe-arch"
    props.language = "id-ID"
    props.comments = "Template Dokumen Arsitektur SPBE (spbe-arch)"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main() -> None:
    # fixed entry times and order (the document writer's own normalisation), so that regenerating gives the same file
    write_bytes_atomic(OUT, normalise_zip(build()))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
