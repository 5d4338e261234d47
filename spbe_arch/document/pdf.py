"""The document as PDF: the chapters (as for Word) written as Typst source and typeset by the ``typst`` package.

Typst is installed by pip with its own fonts, so no office suite or browser is needed. The page numbers
in the Daftar Isi, Daftar Tabel and Daftar Gambar are real: Typst computes them while it lays the pages out.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from spbe_arch.document.data import DocumentData
from spbe_arch.document.renderers import markdown_parser
from spbe_arch.document.tables import Table
from spbe_arch.document.typst_writer import TypstWriter, typst_escape, typst_string
from spbe_arch.errors import SpbeError

FONT = "Libertinus Serif"

PREAMBLE = """
#set document(title: TITLE, author: AUTHOR, date: DATE)
#set text(font: "FONT", size: 11pt, lang: "id", region: "ID", hyphenate: true)
#set par(justify: true, leading: 0.65em, spacing: 1em)
#set page(paper: "a4", margin: (top: 2.5cm, bottom: 2.5cm, left: 3cm, right: 2cm))
#show heading: set text(weight: "bold")
#show heading.where(level: 1): it => align(center, block(above: 0pt, below: 1.4em, text(size: 14pt, it.body)))
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 2): set block(above: 1.4em, below: 0.8em)
#show heading.where(level: 3): set text(size: 11pt)
#show table: set text(size: 8.5pt, hyphenate: true)
#show table: set par(justify: false, leading: 0.45em)
#set table(stroke: 0.4pt + rgb("#8a8a8a"), inset: (x: 4pt, y: 3pt))
#show figure: set block(breakable: true)
#show figure.where(kind: table): set figure.caption(position: top)
#show figure.caption: set text(size: 10pt)
#show figure.caption: set par(justify: false)
#show outline.entry.where(level: 1): set block(above: 0.9em)

#let chapter(body) = { pagebreak(weak: true); heading(level: 1, body) }
#let tabel(caption, numbered, body) = if numbered {
  figure(kind: table, supplement: none, numbering: none, caption: caption, body)
} else { body }
#let tabel-lebar(caption, numbered, body) = page(flipped: true, margin: (x: 2cm, y: 2.5cm),
  tabel(caption, numbered, body))
#let gambar(svg, width: 16cm, lanskap: false, caption: none) = {
  let fig = figure(kind: image, supplement: none, numbering: none, caption: caption,
    image(bytes(svg), format: "svg", width: width))
  if lanskap { page(flipped: true, margin: (x: 2cm, y: 2cm), align(center + horizon, fig)) } else { fig }
}
#let gambar-potong(svg, lebar, tinggi, kolom, baris, lanskap: false, caption: none) = {
  let tw = lebar / kolom
  let th = tinggi / baris
  let n = kolom * baris
  for r in range(baris) {
    for c in range(kolom) {
      let i = r * kolom + c
      let cap = if i == 0 { caption } else if caption != none {
        [#caption (lanjutan, bagian #(i + 1) dari #n)]
      } else { none }
      // both sizes given: an image in a box of its own height is otherwise fitted ("cover") to the
      // box, cropped about its centre, and every part would show the figure's middle
      let part = box(width: tw, height: th, clip: true,
        place(top + left, dx: -c * tw, dy: -r * th, image(bytes(svg), format: "svg", width: lebar, height: tinggi)))
      let fig = figure(kind: image, supplement: none, numbering: none, outlined: i == 0, caption: cap, part)
      page(flipped: lanskap, margin: (x: 2cm, y: 2cm), align(center + horizon, fig))
    }
  }
}
"""


class PdfError(SpbeError):
    """Typst could not typeset the document (a bug of the writer; the message says where)."""


def cover(data: DocumentData) -> str:
    """The cover page; the front matter after it is numbered in roman numerals."""
    lines = [
        "#page(numbering: none, margin: (x: 2.5cm, y: 3cm))[",
        "#set par(justify: false)",
        "#align(center)[",
        *([f'#image("{data.front.emblem.filename}", height: 3.5cm)'] if data.front and data.front.emblem else []),
        f"#v(1cm)#text(size: 16pt, weight: \"bold\")[{typst_escape(data.government.upper())}]",
        "#v(3cm)",
        f"#text(size: 22pt, weight: \"bold\")[{typst_escape(data.title)}]",
        "#v(0.8cm)",
        f"#text(size: 14pt)[{typst_escape(data.subtitle)}]",
        "#v(1fr)",
    ]
    if data.version:
        lines.append(f"#text(size: 12pt)[Versi {typst_escape(data.version)}] \\")
    lines.append(f"#text(size: 12pt)[{typst_escape(data.date_text)}]")
    if data.authors:
        lines.append(f"#v(0.5cm)#text(size: 11pt)[Disusun oleh {typst_escape(', '.join(data.authors))}]")
    if data.notice:
        lines.append(f"#v(0.8cm)#block(width: 80%, stroke: 0.5pt, inset: 8pt)[#text(size: 10pt, style: \"italic\")"
                     f"[{typst_escape(data.notice)}]]")
    lines += ["]", "]"]
    lines += [
        '#set page(numbering: "i", footer: context align(center, text(size: 10pt, counter(page).display("i"))))',
        "#counter(page).update(1)",
    ]
    return "\n".join(lines) + "\n"


LISTS = """
#pagebreak(weak: true)
#outline(title: [DAFTAR ISI], depth: 2, indent: 1.2em)
#pagebreak(weak: true)
#outline(title: [DAFTAR TABEL], target: figure.where(kind: table))
#pagebreak(weak: true)
#outline(title: [DAFTAR GAMBAR], target: figure.where(kind: image))
#pagebreak(weak: true)
#set page(numbering: "1", footer: context align(center, text(size: 10pt, counter(page).display("1"))))
#counter(page).update(1)
"""


def typst_source(data: DocumentData, markdown: str, tables: list[Table]) -> str:
    """The whole document as Typst source (deterministic: the same model gives the same text)."""
    moment = f"datetime(year: {data.date.year}, month: {data.date.month}, day: {data.date.day})"
    preamble = (PREAMBLE.replace("TITLE", typst_string(data.title))
                .replace("AUTHOR", typst_string("; ".join(data.authors) or data.government))
                .replace("DATE", moment).replace("FONT", FONT))
    body = TypstWriter(data, tables, LISTS).write(markdown_parser().parse(markdown))
    return preamble + cover(data) + body


def figure_fonts(data: DocumentData, markdown: str, tables: list[Table]) -> dict[str, float]:
    """The smallest printed font size (points) of each figure of the PDF: its SVG font size times its scale."""
    writer = TypstWriter(data, tables, LISTS)
    writer.write(markdown_parser().parse(markdown))
    return writer.min_fonts


def render_pdf(data: DocumentData, markdown: str, tables: list[Table]) -> bytes:
    """Typeset the document with Typst's own fonts only, so every machine gives the same PDF."""
    import typst

    source = typst_source(data, markdown, tables)
    moment = dt.datetime(data.date.year, data.date.month, data.date.day, tzinfo=dt.UTC)
    emblem = data.front.emblem if data.front is not None else None
    with tempfile.TemporaryDirectory(prefix="spbe-pdf-") as folder:  # Typst reads images from its root
        main = Path(folder) / "dokumen.typ"
        main.write_text(source, encoding="utf-8")
        if emblem is not None:
            (Path(folder) / emblem.filename).write_bytes(emblem.data)
        try:
            pdf: bytes = typst.compile(str(main), root=folder, ignore_system_fonts=True,
                                       timestamp=int(moment.timestamp()))
        except Exception as exc:  # typst raises its own error types with the source position in the text
            raise PdfError(f"the PDF cannot be typeset: {exc}") from None
    return pdf
