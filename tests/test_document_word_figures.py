"""The Word document's figures: printed at a readable scale, cut into parts, captions as Word fields."""

from __future__ import annotations

import hashlib
import io
import re

import pytest

from spbe_arch.document import prepare, render_document
from spbe_arch.document.data import DocumentData
from spbe_arch.validate import validate_workspace

EMU_PER_INCH = 914400
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
FONT = re.compile(rb'font-size="([\d.]+)"')
SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)pt"')


@pytest.fixture(scope="module")
def rendered() -> tuple[DocumentData, bytes]:
    from spbe_arch.diagrams import RendererUnavailable, render
    from tests.conftest import SMALL

    try:
        render("digraph { a }", "png")
    except RendererUnavailable:
        pytest.skip("no Graphviz renderer here")
    data = prepare(validate_workspace(SMALL))
    return data, render_document(data, "docx").content


def _pictures(data: DocumentData, content: bytes) -> list[tuple[str, float, dict[str, int]]]:
    """Each picture of the body: its figure's key, its width in inches and its crop (1/1000 %)."""
    import docx

    doc = docx.Document(io.BytesIO(content))
    by_hash = {hashlib.sha1(png).hexdigest(): key for (key, fmt), png in data.figures.cache.items()
               if fmt == "png" and png is not None}
    out = []
    for inline in doc.element.body.iter(f"{WP}inline"):
        blip = next(inline.iter(f"{A}blip"))
        blob = doc.part.related_parts[blip.get(f"{R}embed")].blob
        crop = next(inline.iter(f"{A}srcRect"), None)
        sides = {k: int(crop.get(k, "0")) for k in "ltrb"} if crop is not None else dict.fromkeys("ltrb", 0)
        out.append((by_hash[hashlib.sha1(blob).hexdigest()], int(inline.find(f"{WP}extent").get("cx")) / EMU_PER_INCH,
                    sides))
    return out


def test_every_figure_is_printed_with_its_text_at_7_pt_or_more(rendered: tuple[DocumentData, bytes]) -> None:
    data, content = rendered
    pictures = _pictures(data, content)
    assert len(pictures) >= 10
    for key, width, crop in pictures:
        svg = data.figures.cache[(key, "svg")]
        assert svg is not None
        natural = float(SIZE.search(svg).group(1)) / 72  # type: ignore[union-attr]
        printed = width / (1 - (crop["l"] + crop["r"]) / 100000)  # the whole figure, of which this is a part
        smallest = min(float(v) for v in FONT.findall(svg))
        assert smallest * printed / natural >= 6.95, key


def test_large_figures_are_cut_into_parts_with_continued_captions(rendered: tuple[DocumentData, bytes]) -> None:
    import docx

    data, content = rendered
    pictures = _pictures(data, content)
    counts: dict[str, int] = {}
    for key, _, crop in pictures:
        counts[key] = counts.get(key, 0) + 1
        assert all(0 <= v < 100000 for v in crop.values())
    cut = [key for key, n in counts.items() if n > 1]
    assert cut, "the small model has figures too large for one page"
    for key in cut:  # the parts together show the whole picture, once
        crops = [c for k, _, c in pictures if k == key]
        assert any(c["l"] == 0 and c["t"] == 0 for c in crops)
        assert any(c["r"] == 0 and c["b"] == 0 for c in crops)
    captions = [p.text for p in docx.Document(io.BytesIO(content)).paragraphs if p.style.name == "Caption"]
    continued = [c for c in captions if "(lanjutan, bagian " in c]
    assert len(continued) == sum(counts[k] - 1 for k in cut)
    assert re.fullmatch(r"Gambar \d+\.\d+ .+ \(lanjutan, bagian 2 dari \d+\)", continued[0])


def test_captions_are_word_caption_fields_listed_by_toc_fields(rendered: tuple[DocumentData, bytes]) -> None:
    import docx

    _, content = rendered
    doc = docx.Document(io.BytesIO(content))
    numbered = 0
    for paragraph in doc.paragraphs:
        if paragraph.style.name not in ("Caption", "Caption Tabel") or "(lanjutan, bagian " in paragraph.text:
            continue
        kind, chapter, number = re.match(r"(Gambar|Tabel) ([0-9A-Z]+)\.(\d+) ", paragraph.text).groups()  # type: ignore[union-attr]
        element = paragraph._p
        instructions = "".join(t.text or "" for t in element.iter(f"{W}instrText"))
        assert instructions.split() == ["SEQ", kind, "\\*", "ARABIC", "\\s", "1"]
        kinds = [c.get(f"{W}fldCharType") for c in element.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]
        # the cached result is the number within the chapter, after the chapter as text
        runs = list(element.iter(f"{W}r"))
        separate = next(i for i, r in enumerate(runs) if r.find(f"{W}fldChar") is not None
                        and r.find(f"{W}fldChar").get(f"{W}fldCharType") == "separate")
        assert "".join(t.text for t in runs[separate + 1].iter(f"{W}t")) == number
        assert "".join(t.text for r in runs[:separate] for t in r.iter(f"{W}t")) == f"{kind} {chapter}."
        numbered += 1
    assert numbered >= 20
    body = doc.element.body.xml
    assert 'TOC \\h \\z \\c "Tabel"' in body and 'TOC \\h \\z \\c "Gambar"' in body
    assert 'w:updateFields w:val="true"' in doc.settings.element.xml


def test_the_word_document_is_the_same_for_the_same_model(rendered: tuple[DocumentData, bytes]) -> None:
    from tests.conftest import SMALL

    _, content = rendered
    again = render_document(prepare(validate_workspace(SMALL)), "docx").content
    assert hashlib.sha256(again).digest() == hashlib.sha256(content).digest()
