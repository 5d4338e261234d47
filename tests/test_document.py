"""The architecture document: Markdown and HTML snapshots, Word structure, escaping, templates, determinism."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.document import DocumentFormat, load_templates, prepare, render_document, write_document
from spbe_arch.document.data import DocumentData
from spbe_arch.document.templating import TemplateError
from spbe_arch.validate import validate_workspace
from tests.snapshot import assert_snapshot

STUB_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="144pt" height="72pt" viewBox="0 0 144 72">'
            b'<g id="graph0"></g></svg>')


def _stub_png() -> bytes:
    """A valid 2x1 PNG, so that the Word writer can read its size."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\xff\xff\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def stub_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Figures drawn by a fixed stub, so that snapshots do not depend on Graphviz's output."""
    png = _stub_png()

    def render(dot: str, fmt: str, dpi: int | None) -> bytes:
        assert dot.strip().endswith("}")
        return STUB_SVG if fmt == "svg" else png

    monkeypatch.setattr("spbe_arch.document.data.diagram_renderer", lambda: (render, ""))


def _data(root: Path) -> DocumentData:
    return prepare(validate_workspace(root))


def _text(data: DocumentData, fmt: str, **kwargs: object) -> str:
    return render_document(data, fmt, **kwargs).content.decode("utf-8")  # type: ignore[arg-type]


# -- snapshots ----------------------------------------------------------------------------------

def test_markdown_snapshot(small: Path, stub_figures: None) -> None:
    assert_snapshot("document/small.md", _text(_data(small), "md", figure_dir="dokumen-gambar"))


def test_html_snapshot(small: Path, stub_figures: None) -> None:
    assert_snapshot("document/small.html", _text(_data(small), "html"))


# -- content ------------------------------------------------------------------------------------

def test_markdown_follows_the_outline_in_indonesian(small: Path, stub_figures: None) -> None:
    text = _text(_data(small), "md", figure_dir="gambar")
    headings = re.findall(r"^# (.+)$", text, flags=re.M)
    assert headings[1:] == [  # the domains in the order of Perpres 132/2022
        "LEMBAR PENGESAHAN", "KATA PENGANTAR",
        "BAB I PENDAHULUAN", "BAB II GAMBARAN UMUM", "BAB III ARAH KEBIJAKAN", "BAB IV KERANGKA ARSITEKTUR SPBE",
        "BAB V ARSITEKTUR PROSES BISNIS", "BAB VI ARSITEKTUR DATA DAN INFORMASI", "BAB VII ARSITEKTUR INFRASTRUKTUR",
        "BAB VIII ARSITEKTUR APLIKASI", "BAB IX ARSITEKTUR KEAMANAN", "BAB X ARSITEKTUR LAYANAN",
        "BAB XI ANALISIS", "BAB XII PETA RENCANA SPBE", "BAB XIII PENUTUP", "LAMPIRAN",
    ]
    assert "30 Juni 2025" in text  # the manifest's date, the Indonesian way
    assert "Rp150.000.000" in text  # the roadmap budget
    assert "Indeks SPBE 2,47 dengan predikat Cukup" in text
    assert "Peraturan Presiden Nomor 132 Tahun 2022" in text
    for forbidden in ("lorem", "TODO", "TBD", "placeholder"):
        assert forbidden.lower() not in text.lower()
    # every table row has as many cells as its header
    for block in re.findall(r"(?:^\|.*\|\n)+", text, flags=re.M):
        lines = block.strip("\n").split("\n")
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in lines}
        assert len(widths) == 1, block


def test_markdown_links_of_the_table_of_contents_point_at_headings(small: Path, stub_figures: None) -> None:
    from spbe_arch.document.text import unique_slugs

    text = _text(_data(small), "md", figure_dir="gambar")
    headings = re.findall(r"^#{1,6} (.+)$", text, flags=re.M)
    slugs = set(unique_slugs([h.replace("\\", "") for h in headings]))
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links and set(links) <= slugs


def test_markdown_figures_are_written_beside_the_document(small: Path, stub_figures: None, tmp_path: Path) -> None:
    written = write_document(_data(small), "md", tmp_path / "doc.md")
    figures = [p for p in written if p.suffix == ".svg"]
    assert figures and all(p.parent == tmp_path / "doc-gambar" for p in figures)
    text = (tmp_path / "doc.md").read_text(encoding="utf-8")
    for figure in figures:
        assert f"(doc-gambar/{figure.name})" in text
        assert figure.read_bytes() == STUB_SVG


def test_html_is_self_contained_with_anchors_and_toc(small: Path, stub_figures: None) -> None:
    html = _text(_data(small), "html")
    assert "<style>" in html and "@page" in html and "break-before: page" in html
    assert 'font-family: Arial, "Liberation Sans", Arimo' in html  # the font the SVG text needs
    assert "<svg" in html and "<img" not in html and "http://" not in html.replace("http://www.w3.org", "")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids must be unique"
    for element_id in ("app-simpeg", "data-pegawai", "vm-app-01", "bkpsdm", "rm-konsolidasi-presensi"):
        assert f'id="el-{element_id}"' in html
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in ids, target
    assert '<nav class="toc"' in html and 'href="#bab-i-pendahuluan"' in html


def test_a_missing_renderer_gives_notes_instead_of_figures(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("spbe_arch.document.data.diagram_renderer", lambda: (None, "Graphviz tidak ditemukan"))
    data = _data(small)
    html = _text(data, "html")
    assert "<svg" not in html
    assert "tidak disertakan: Graphviz tidak ditemukan" in html
    docx = _open_docx(render_document(data, "docx").content)
    assert len(docx.inline_shapes) == 0


def test_a_workspace_with_errors_still_gets_a_document(make_workspace, stub_figures: None) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"aplikasi.yaml": """
        applications:
          - {id: app-a, name: Aplikasi A, owner: diskominfo, supports: [pb-hilang], hosted_on: [server-hilang]}
    """})
    validation = validate_workspace(root)
    assert validation.report.summary.errors > 0
    text = _text(prepare(validation), "md", figure_dir="gambar")
    assert "# BAB XI ANALISIS" in text
    assert "| RF001 |" in text and "Kesalahan" in text  # the rule in chapter X, the level in the appendix
    # without document.background in the manifest, the standard latar belakang
    assert "Sistem Pemerintahan Berbasis Elektronik (SPBE) adalah penyelenggaraan pemerintahan" in text
    assert "Aplikasi A merujuk “pb-hilang”, yang tidak tercatat" in text  # the appendix, in Indonesian


# -- Word ---------------------------------------------------------------------------------------

def _open_docx(data: bytes):  # type: ignore[no-untyped-def]
    import docx

    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def small_docx() -> bytes:
    from tests.conftest import SMALL

    return render_document(_data(SMALL), "docx").content


def test_docx_has_real_headings_tables_and_figures(small_docx: bytes) -> None:
    from docx.oxml.ns import qn

    doc = _open_docx(small_docx)
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "Caption", "Caption Tabel", "List Number"} <= styles
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["LEMBAR PENGESAHAN", "KATA PENGANTAR", "BAB I PENDAHULUAN"] and headings[-1] == "LAMPIRAN"
    assert "8.2.1 Ringkasan Aplikasi" in [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert len(doc.tables) >= 30
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert table.style is not None and table.style.name == "Tabel SPBE"
    apps = next(t for t in doc.tables if t.rows[0].cells[0].text == "Aplikasi" and len(t.columns) == 7)
    assert "Sistem Informasi Manajemen Kepegawaian (SIMPEG)" in [r.cells[0].text for r in apps.rows]
    # the cover is filled in and the table of contents is a TOC field
    texts = [p.text for p in doc.paragraphs]
    assert "PEMERINTAH KABUPATEN UJI" in texts and "30 Juni 2025" in texts
    body = doc.element.body.xml
    assert 'TOC \\o "1-3"' in body
    assert "{{" not in body and "[[spbe-arch" not in body
    assert 'w:updateFields w:val="true"' in doc.settings.element.xml
    # page numbers in the footer
    assert "PAGE" in doc.sections[0].footer._element.xml


def test_docx_figures_are_png_pictures_with_captions(small_docx: bytes) -> None:
    from spbe_arch.diagrams import RendererUnavailable, render

    try:
        render("digraph { a }", "png")
    except RendererUnavailable:
        pytest.skip("no Graphviz renderer here")
    doc = _open_docx(small_docx)
    assert len(doc.inline_shapes) >= 5
    names = zipfile.ZipFile(io.BytesIO(small_docx)).namelist()
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in names)
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert any(c.startswith("Gambar 4.1 ") for c in captions)
    # every picture fits the text width of its section (landscape sections for wide figures)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    extent = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
    widths: list[int] = []
    checked = 0
    for block in doc.element.body:
        widths += [int(e.get("cx")) for e in block.iter(extent)]
        section = block if block.tag == f"{w}sectPr" else block.find(f"{w}pPr/{w}sectPr")
        if section is None:
            continue
        size, margins = section.find(f"{w}pgSz"), section.find(f"{w}pgMar")
        text = (int(size.get(f"{w}w")) - int(margins.get(f"{w}left")) - int(margins.get(f"{w}right"))) * 635
        assert all(width <= text for width in widths)
        checked += len(widths)
        widths = []
    assert checked == len(doc.inline_shapes)


def test_docx_zip_has_fixed_timestamps_and_order(small_docx: bytes) -> None:
    infos = zipfile.ZipFile(io.BytesIO(small_docx)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    props = _open_docx(small_docx).core_properties
    assert props.created is not None and props.created.date().isoformat() == "2025-06-30"


# -- escaping -----------------------------------------------------------------------------------

NASTY = '<script>alert("x")</script> & A|B *tebal* _miring_ `kode` \'kutip\' [tautan](http://x) # 1. @'

NASTY_FILES = {
    "aplikasi.yaml": """
        applications:
          - id: app-nakal
            name: '<script>alert("x")</script> & A|B *tebal* _miring_ `kode` ''kutip'' [tautan](http://x) # 1. @'
            owner: diskominfo
            description: "baris satu\\nbaris dua"
            supports: [pb-nakal]
            writes: [data-nakal]
            hosted_on: [srv-nakal]
    """,
    "lain.yaml": """
        processes:
          - {id: pb-nakal, name: "Proses | pipa & <b>tebal</b>", owner: diskominfo}
        data:
          - {id: data-nakal, name: "Data *bintang* _garis_", owner: diskominfo, steward: diskominfo}
        infrastructure:
          - {id: srv-nakal, name: "Server \\"kutip\\" & <i>", owner: diskominfo, kind: server}
        roadmap:
          - {id: rm-nakal, name: "Kegiatan <x> | y", owner: diskominfo, year: 2026, budget: 1250000000,
             affects: [app-nakal]}
    """,
}


@pytest.fixture
def nasty(make_workspace, stub_figures: None) -> DocumentData:  # type: ignore[no-untyped-def]
    manifest = ('spbe: 1\ngovernment: {name: "Pemerintah Kabupaten <Uji> & \\"Coba\\"", kind: kabupaten}\n'
                "period: {start: 2025, end: 2029}\ndocument: {date: 2025-06-30, authors: ['Tim *SPBE* & <Mitra>']}\n")
    return _data(make_workspace(NASTY_FILES, manifest=manifest))


def test_html_escapes_model_text(nasty: DocumentData) -> None:
    html = _text(nasty, "html")
    assert "<script" not in html and "<b>" not in html and "<i>" not in html and "<x>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; A|B *tebal*" in html
    assert "Pemerintah Kabupaten &lt;Uji&gt; &amp; &#34;Coba&#34;" in html
    assert "Tim *SPBE* &amp; &lt;Mitra&gt;" in html
    assert "Rp1.250.000.000" in html
    # the prose comes from the Markdown chapters through markdown-it: model text there is shown, not interpreted
    body = html[html.index("<main>"):]
    assert "Pemerintah Kabupaten &lt;Uji&gt; &amp; &quot;Coba&quot;" in body
    assert 'href="http://x"' not in body and "<em>miring</em>" not in body and "<code>kode</code>" not in body
    assert "<strong>tebal</strong>" not in body and "<em>bintang</em>" not in body


def test_markdown_escapes_model_text(nasty: DocumentData) -> None:
    from markdown_it import MarkdownIt

    text = _text(nasty, "md", figure_dir="gambar")
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<script>" not in rendered and "<b>tebal</b>" not in rendered and "<em>miring</em>" not in rendered
    assert "<strong>tebal</strong>" not in rendered.replace("<strong>Tabel", "")
    assert 'href="http://x"' not in rendered
    # the text reads as written once rendered
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; A|B *tebal* _miring_ `kode`' in rendered
    assert "Proses | pipa &amp; &lt;b&gt;tebal&lt;/b&gt;" in rendered
    # pipes in names do not add table cells
    for block in re.findall(r"(?:^\|.*\|\n)+", text, flags=re.M):
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in block.strip("\n").split("\n")}
        assert len(widths) == 1, block


def test_docx_keeps_model_text_literal(nasty: DocumentData) -> None:
    doc = _open_docx(render_document(nasty, "docx").content)
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert any(c.startswith('<script>alert("x")</script> & A|B *tebal* _miring_ `kode` \'kutip\'') for c in cells)
    assert "Proses | pipa & <b>tebal</b>" in cells
    texts = [p.text for p in doc.paragraphs]
    assert 'PEMERINTAH KABUPATEN <UJI> & "COBA"' in texts


def test_control_characters_are_removed(make_workspace, stub_figures: None) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"aplikasi.yaml": """
        applications:
          - {id: app-bel, name: "Aplikasi\\x07Bel\\x1b", owner: diskominfo}
    """})
    data = _data(root)
    assert "AplikasiBel" in _text(data, "html")
    assert "AplikasiBel" in _text(data, "md", figure_dir="g")
    doc = _open_docx(render_document(data, "docx").content)
    assert "AplikasiBel" in {c.text for t in doc.tables for r in t.rows for c in r.cells}


# -- templates ----------------------------------------------------------------------------------

def test_overriding_one_template(small: Path, stub_figures: None, tmp_path: Path) -> None:
    user = tmp_path / "tpl"
    (user / "document" / "md").mkdir(parents=True)
    (user / "document" / "md" / "02-pendahuluan.md.j2").write_text(
        "# BAB I PENDAHULUAN\n\nPembukaan khusus {{ doc.government }}: {{ n.aplikasi }} aplikasi.\n", encoding="utf-8")
    templates = load_templates(user)
    data = _data(small)
    text = _text(data, "md", figure_dir="g", templates=templates)
    assert "Pembukaan khusus Pemerintah Kabupaten Uji: 5 aplikasi." in text
    assert "1.1 Latar Belakang" not in text  # replaced
    assert "# BAB II GAMBARAN UMUM" in text  # the other chapters still come from the shipped templates
    # the HTML document is written from the same Markdown chapter
    html = _text(data, "html", templates=templates)
    assert "<p>Pembukaan khusus Pemerintah Kabupaten Uji: 5 aplikasi.</p>" in html
    assert "1.1 Latar Belakang" not in html
    assert '<h1 id="bab-ii-gambaran-umum">BAB II GAMBARAN UMUM</h1>' in html
    doc = _open_docx(render_document(data, "docx", templates=templates).content)
    assert "Pembukaan khusus Pemerintah Kabupaten Uji: 5 aplikasi." in [p.text for p in doc.paragraphs]


def test_overriding_the_html_shell_style_and_blocks(small: Path, stub_figures: None, tmp_path: Path) -> None:
    from spbe_arch.resources import data_dir

    shipped = data_dir("templates") / "document" / "html"
    user = tmp_path / "tpl" / "document" / "html"
    user.mkdir(parents=True)
    (user / "style.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    shell = (shipped / "document.html.j2").read_text(encoding="utf-8")
    (user / "document.html.j2").write_text(shell.replace("<main>", '<main class="khusus">'), encoding="utf-8")
    blocks = (shipped / "blocks.html.j2").read_text(encoding="utf-8")
    (user / "blocks.html.j2").write_text(blocks.replace('<figure class="table"', '<figure class="tabel-khusus"'),
                                         encoding="utf-8")
    templates = load_templates(tmp_path / "tpl")
    html = _text(_data(small), "html", templates=templates)
    assert "body { color: #123456; }" in html and "@page" not in html  # the user's style sheet, only
    assert '<main class="khusus">' in html
    assert '<figure class="tabel-khusus" id="tabel-ringkasan-model">' in html and '<figure class="table"' not in html
    assert "Tabel 2.4</span> Ringkasan elemen arsitektur" in html  # numbering and captions unchanged
    assert "<h1 id=\"bab-i-pendahuluan\">BAB I PENDAHULUAN</h1>" in html  # chapters still shipped
    assert templates.unknown_files() == []


def test_html_and_markdown_number_the_same_tables_and_figures(small: Path, stub_figures: None) -> None:
    from html import unescape

    data = _data(small)
    md = _text(data, "md", figure_dir="g")
    html = _text(data, "html")
    md_captions = re.findall(r"^\*\*((?:Tabel|Gambar) [0-9L]+\.\d+)\*\* (.+)$", md, flags=re.M)
    html_captions = [(label, unescape(caption)) for label, caption in
                     re.findall(r'<span class="label">([^<]+)</span> ([^<]+)</figcaption>', html)]
    assert md_captions and sorted(html_captions) == sorted((k, v.replace("\\", "")) for k, v in md_captions)
    # the Daftar Tabel and Daftar Gambar list every one, and link to it
    listed = re.findall(r'<li><a href="#((?:tabel|gambar)-[^"]+)">((?:Tabel|Gambar) [0-9L]+\.\d+) ', html)
    assert [label for _, label in listed] == [label for label, _ in html_captions if label.startswith("Tabel")] + \
        [label for label, _ in html_captions if label.startswith("Gambar")]
    for anchor, label in listed:
        assert re.search(f'id="{anchor}">\n(?:.*\n)?<figcaption><span class="label">{re.escape(label)}</span>', html)


def test_raw_html_in_a_markdown_chapter_is_shown_as_text(small: Path, stub_figures: None, tmp_path: Path) -> None:
    user = tmp_path / "tpl" / "document" / "md"
    user.mkdir(parents=True)
    (user / "02-pendahuluan.md.j2").write_text(
        "# BAB I PENDAHULUAN\n\n<script>alert(1)</script>\n\nTeks <b>tebal</b> dan [tautan](javascript:alert(1)).\n",
        encoding="utf-8")
    html = _text(_data(small), "html", templates=load_templates(tmp_path / "tpl"))
    assert "<script>alert" not in html and "<b>tebal</b>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;tebal&lt;/b&gt;" in html


def test_an_html_chapter_template_replaces_nothing(small: Path, stub_figures: None, tmp_path: Path) -> None:
    user = tmp_path / "tpl" / "document" / "html"
    user.mkdir(parents=True)
    (user / "02-pendahuluan.html.j2").write_text("<h1>BAB I</h1>\n<p>Lama</p>\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["doc", str(small), "-o", str(tmp_path / "d.html"), "--templates",
                                      str(tmp_path / "tpl")])
    assert result.exit_code == 0
    assert "02-pendahuluan.html.j2 replaces no shipped template" in result.output
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "<p>Lama</p>" not in html and "1.1 Latar Belakang" in html


def test_overriding_the_word_template(small: Path, stub_figures: None, tmp_path: Path) -> None:
    import docx

    from spbe_arch.resources import data_dir

    shipped = docx.Document(str(data_dir("templates") / "document" / "template.docx"))
    shipped.styles["Heading 1"].font.size = docx.shared.Pt(20)
    user = tmp_path / "tpl" / "document"
    user.mkdir(parents=True)
    shipped.save(str(user / "template.docx"))
    doc = _open_docx(render_document(_data(small), "docx", templates=load_templates(tmp_path / "tpl")).content)
    assert doc.styles["Heading 1"].font.size == docx.shared.Pt(20)
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)


def test_a_broken_template_names_its_file_and_line(small: Path, stub_figures: None, tmp_path: Path) -> None:
    user = tmp_path / "tpl" / "document" / "md"
    user.mkdir(parents=True)
    (user / "05-kerangka-arsitektur.md.j2").write_text("# BAB IV\n\nbaris dua\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_document(_data(small), "md", templates=load_templates(tmp_path / "tpl"))
    assert f"{user / '05-kerangka-arsitektur.md.j2'}:4:" in caught.value.message
    (user / "05-kerangka-arsitektur.md.j2").write_text("# BAB IV\n\n{{ doc.tidak_ada }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_document(_data(small), "md", templates=load_templates(tmp_path / "tpl"))
    assert f"{user / '05-kerangka-arsitektur.md.j2'}:3:" in caught.value.message
    assert "tidak_ada" in caught.value.message


# -- determinism --------------------------------------------------------------------------------

def test_same_model_same_bytes(small: Path) -> None:
    first, second = _data(small), _data(small)
    for fmt in DocumentFormat:
        assert render_document(first, fmt, figure_dir="g").content == \
            render_document(second, fmt, figure_dir="g").content, fmt


def test_date_from_source_date_epoch(make_workspace, stub_figures: None,  # type: ignore[no-untyped-def]
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_workspace()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751241600")  # 2025-06-30 00:00 UTC
    assert "30 Juni 2025" in _text(_data(root), "md", figure_dir="g")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    assert "1 Januari 2025" in _text(_data(root), "md", figure_dir="g")


# -- the bundled example ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example_html() -> Iterator[tuple[Path, str]]:
    from tests.conftest import EXAMPLE

    if not (EXAMPLE / "spbe.yaml").is_file():
        pytest.skip("the bundled example models/kabupaten-pasuruan is not there")
    yield EXAMPLE, render_document(_data(EXAMPLE), "html").content.decode("utf-8")


def test_example_html_names_every_application(example_html: tuple[Path, str]) -> None:
    from html import escape

    from spbe_arch.loader import open_workspace

    root, html = example_html
    workspace, _ = open_workspace(root)
    assert len(workspace.applications) >= 100
    missing = [a.name for a in workspace.applications if escape(a.name, quote=False) not in html
               and escape(a.name) not in html]
    assert not missing


# -- command line -------------------------------------------------------------------------------

def test_cli_doc_writes_each_format(small: Path, stub_figures: None, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in ("html", "md", "docx"):
        target = tmp_path / f"dokumen.{fmt}"
        result = runner.invoke(app, ["doc", str(small), "--format", fmt, "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert f"wrote {target}" in result.output and target.stat().st_size > 1000
    result = runner.invoke(app, ["doc", str(small), "--format", "md", "-o", "-"])
    assert result.exit_code == 0 and result.output.startswith("# Dokumen Arsitektur SPBE Kabupaten Uji")
    result = runner.invoke(app, ["doc", str(small), "--format", "docx", "-o", "-"])
    assert result.exit_code == 2 and "standard output" in result.output


def test_cli_doc_reports_a_broken_template(small: Path, tmp_path: Path) -> None:
    user = tmp_path / "tpl" / "document" / "html"
    user.mkdir(parents=True)
    (user / "blocks.html.j2").write_text("{% macro table(t) %}\n{{ t.caption }\n{% endmacro %}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["doc", str(small), "-o", str(tmp_path / "d.html"), "--templates",
                                      str(tmp_path / "tpl")])
    assert result.exit_code == 2
    assert "blocks.html.j2:2: template syntax error" in result.output


def test_cli_doc_notes_a_template_that_replaces_nothing(small: Path, stub_figures: None, tmp_path: Path) -> None:
    user = tmp_path / "tpl" / "document" / "md"
    user.mkdir(parents=True)
    (user / "09-aplikasi.md").write_text("# salah nama\n", encoding="utf-8")  # .j2 forgotten
    result = CliRunner().invoke(app, ["doc", str(small), "-f", "md", "-o", str(tmp_path / "d.md"), "--templates",
                                      str(tmp_path / "tpl")])
    assert result.exit_code == 0
    assert "09-aplikasi.md replaces no shipped template" in result.output
    assert "# BAB VIII ARSITEKTUR APLIKASI" in (tmp_path / "d.md").read_text(encoding="utf-8")


def test_cli_doc_unknown_templates_folder(small: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["doc", str(small), "--templates", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such folder" in result.output


def test_template_names_are_all_shipped() -> None:
    from spbe_arch.document.renderers import template_names
    from spbe_arch.resources import data_dir

    for name in template_names():
        assert (data_dir("templates") / name).is_file(), name

