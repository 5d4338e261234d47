"""The parts of a real document: lembar pengesahan, kata pengantar, arah kebijakan, dasar hukum, penutup,
lambang, perangkat daerah counted by kind, and the PDF with its lists."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.document import prepare, render_document
from spbe_arch.document.front import legal_order
from spbe_arch.document.pdf import typst_source
from spbe_arch.document.renderers import CHAPTERS, docx_markdown
from spbe_arch.document.templating import Templates
from spbe_arch.errors import WorkspaceError
from spbe_arch.validate import validate_workspace
from tests.conftest import MANIFEST
from tests.test_document import _stub_png

ORGS = """\
organizations:
  - {id: setda, name: Sekretariat Daerah, kind: sekretariat-daerah}
  - {id: bag-umum, name: Bagian Umum, kind: lainnya, parent: setda}
  - {id: dinkes, name: Dinas Kesehatan, kind: dinas, affairs: ["1.02"]}
  - {id: rsud, name: RSUD Uji, kind: rsud, parent: dinkes}
  - {id: kec-a, name: Kecamatan A, kind: kecamatan}
  - {id: kel-a, name: Kelurahan A, kind: kelurahan, parent: kec-a}
  - {id: bkn, name: Badan Kepegawaian Negara, kind: instansi-pusat}
"""

FULL = MANIFEST + """\
document:
  emblem: lambang.png
  foreword: |
    Puji syukur atas tersusunnya dokumen ini.
  approval:
    regulation: Peraturan Bupati Uji
    number: "7"
    year: 2025
    about: Arsitektur SPBE Kabupaten Uji
    official: Bupati Uji
    name: Budi Santoso
  legal_basis:
    - Peraturan Bupati Uji Nomor 3 Tahun 2020 tentang Tata Kelola SPBE
    - Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik
    - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
  policy:
    source: RPJMD Kabupaten Uji 2025-2029
    vision: Kabupaten Uji yang maju dan digital
    missions: [Meningkatkan layanan publik digital]
    goals: [Terwujudnya pemerintahan digital yang terpadu]
  closing: |
    Demikian dokumen ini disusun.
"""


@pytest.fixture(autouse=True)
def stub_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_document import STUB_SVG

    png = _stub_png()
    monkeypatch.setattr("spbe_arch.document.data.diagram_renderer",
                        lambda: ((lambda dot, fmt, dpi: STUB_SVG if fmt == "svg" else png), ""))


def _md(root: Path) -> str:
    return render_document(prepare(validate_workspace(root)), "md", figure_dir="gambar").content.decode("utf-8")


def test_a_bare_workspace_says_what_is_missing_in_indonesian(make_workspace) -> None:  # type: ignore[no-untyped-def]
    text = _md(make_workspace({"organisasi.yaml": ORGS}, orgs=False))
    assert "Lembar pengesahan belum dapat disusun: peraturan kepala daerah" in text
    assert "Kata pengantar dari kepala daerah atau kepala perangkat daerah penyusun belum dicantumkan." in text
    for what in ("Visi", "Misi", "Tujuan"):
        assert f"{what} pembangunan daerah belum dicantumkan" in text
    assert "Belum terdapat kegiatan Peta Rencana SPBE." in text or "Peta Rencana SPBE memuat 0 kegiatan" in text
    assert "![Lambang" not in text
    # no empty section: a heading is followed by text or by a heading below it
    lines = [line for line in text.split("\n") if line.strip()]

    def level(line: str) -> int:
        return len(line) - len(line.lstrip("#")) if line.startswith("#") else 99

    for here, after in itertools.pairwise(lines):
        if here.startswith("#") and not here.startswith("## Daftar Isi"):
            assert level(after) > level(here), f"empty section: {here}"


def test_configured_front_matter_and_policy(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"organisasi.yaml": ORGS, "lambang.png": _stub_png()}, manifest=FULL, orgs=False)
    data = prepare(validate_workspace(root))
    rendered = render_document(data, "md", figure_dir="gambar")
    text = rendered.content.decode("utf-8")
    assert "lampiran Peraturan Bupati Uji Nomor 7 Tahun 2025 tentang Arsitektur SPBE Kabupaten Uji" in text
    assert "**BUPATI UJI**" in text and "**BUDI SANTOSO**" in text
    assert "Puji syukur atas tersusunnya dokumen ini." in text
    assert "Visi pembangunan daerah adalah “Kabupaten Uji yang maju dan digital”." in text
    assert "1. Meningkatkan layanan publik digital" in text and "RPJMD Kabupaten Uji 2025-2029" in text
    assert "Demikian dokumen ini disusun." in text
    # dasar hukum in legal order: UU, then Perpres, then Perbup
    basis = text[text.index("## 1.4 Dasar Hukum"):text.index("## 1.5 Sistematika")]
    uu, perpres, perbup = (basis.index(s) for s in ("Undang-Undang Nomor 23 Tahun 2014", "Peraturan Presiden Nomor 95",
                                                   "Peraturan Bupati Uji Nomor 3"))
    assert uu < perpres < perbup
    # the lambang on every cover
    assert "![Lambang Pemerintah Kabupaten Uji](gambar/lambang.png)" in text
    assert rendered.files["gambar/lambang.png"] == _stub_png()
    assert 'src="data:image/png;base64,' in render_document(data, "html").content.decode("utf-8")
    docx = zipfile.ZipFile(io.BytesIO(render_document(data, "docx").content))
    assert any(n.startswith("word/media/") for n in docx.namelist())
    markdown, tables = docx_markdown(data, Templates())
    assert '#image("lambang.png"' in typst_source(data, markdown, tables)


def test_perangkat_daerah_are_counted_by_kind(make_workspace) -> None:  # type: ignore[no-untyped-def]
    text = _md(make_workspace({"organisasi.yaml": ORGS}, orgs=False))
    assert ("memiliki 3 perangkat daerah, yaitu 1 sekretariat daerah, 1 dinas, dan 1 kecamatan, dengan 3 unit "
            "kerja di bawahnya (1 rumah sakit umum daerah, 1 kelurahan, dan 1 unit lainnya)") in text


def test_domains_follow_the_order_of_perpres_132() -> None:
    domains = [c.slug for c in CHAPTERS if c.slug in ("proses-bisnis", "data", "infrastruktur", "aplikasi",
                                                       "keamanan", "layanan")]
    assert domains == ["proses-bisnis", "data", "infrastruktur", "aplikasi", "keamanan", "layanan"]


def test_legal_order_sorts_by_hierarchy_then_year() -> None:
    titles = ["Peraturan Menteri X Nomor 1 Tahun 2020 tentang A", "Peraturan Presiden Nomor 132 Tahun 2022 tentang B",
              "Undang-Undang Nomor 25 Tahun 2009 tentang C", "Peraturan Presiden Nomor 95 Tahun 2018 tentang D;"]
    assert legal_order(titles) == [
        "Undang-Undang Nomor 25 Tahun 2009 tentang C", "Peraturan Presiden Nomor 95 Tahun 2018 tentang D",
        "Peraturan Presiden Nomor 132 Tahun 2022 tentang B", "Peraturan Menteri X Nomor 1 Tahun 2020 tentang A",
    ]


@pytest.mark.parametrize(("files", "message"), [
    ({}, "no such file in the workspace"),
    ({"lambang.png": "bukan gambar"}, "is not a PNG, JPEG or SVG image"),
])
def test_a_bad_lambang_names_the_manifest_line(make_workspace, tmp_path: Path, files: dict[str, str],  # type: ignore[no-untyped-def]
                                               message: str) -> None:
    manifest = MANIFEST + "document:\n  title: Uji\n  emblem: lambang.png\n"
    root = make_workspace({"organisasi.yaml": ORGS, **files}, manifest=manifest, orgs=False)
    with pytest.raises(WorkspaceError, match=rf"spbe\.yaml:6:\d+: document\.emblem 'lambang\.png'.*{message}"):
        prepare(validate_workspace(root))
    result = CliRunner().invoke(app, ["doc", str(root), "-f", "pdf", "-o", str(tmp_path / "d.pdf")])
    assert result.exit_code == 2 and "spbe.yaml:6:" in result.output and "Traceback" not in result.output


def test_a_lambang_outside_the_workspace_is_refused(make_workspace) -> None:  # type: ignore[no-untyped-def]
    manifest = MANIFEST + "document:\n  emblem: ../lambang.png\n"
    root = make_workspace({"organisasi.yaml": ORGS}, manifest=manifest, orgs=False)
    (root.parent / "lambang.png").write_bytes(_stub_png())
    with pytest.raises(WorkspaceError, match="outside the workspace"):
        prepare(validate_workspace(root))


def test_pdf_has_lists_with_page_numbers_and_is_deterministic(small: Path, tmp_path: Path) -> None:
    data = prepare(validate_workspace(small))
    markdown, tables = docx_markdown(data, Templates())
    source = typst_source(data, markdown, tables)
    assert source.index("#outline(title: [DAFTAR ISI]") < source.index("BAB I PENDAHULUAN")
    assert "target: figure.where(kind: table)" in source and "target: figure.where(kind: image)" in source
    assert source.index("LEMBAR PENGESAHAN") < source.index("#outline(title: [DAFTAR ISI]")
    first = render_document(data, "pdf").content
    assert first.startswith(b"%PDF-") and first == render_document(data, "pdf").content
    result = CliRunner().invoke(app, ["doc", str(small), "-f", "pdf", "-o", str(tmp_path / "d.pdf")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.pdf").read_bytes() == first
    refused = CliRunner().invoke(app, ["doc", str(small), "-f", "pdf", "-o", "-"])
    assert refused.exit_code == 2 and "standard output" in refused.output


def test_the_cover_notice_is_on_every_cover(make_workspace) -> None:  # type: ignore[no-untyped-def]
    notice = "Contoh ilustratif: bukan arsitektur resmi <Kabupaten Uji> & mitranya."
    manifest = MANIFEST + f"document:\n  notice: \"{notice}\"\n"
    data = prepare(validate_workspace(make_workspace({"organisasi.yaml": ORGS}, manifest=manifest, orgs=False)))
    assert "Contoh ilustratif: bukan arsitektur resmi \\<Kabupaten Uji\\> & mitranya." in (
        render_document(data, "md").content.decode("utf-8"))
    html = render_document(data, "html").content.decode("utf-8")
    assert ('<p class="notice">Contoh ilustratif: bukan arsitektur resmi &lt;Kabupaten Uji&gt; &amp; mitranya.</p>'
            in html)
    docx = zipfile.ZipFile(io.BytesIO(render_document(data, "docx").content))
    word = docx.read("word/document.xml").decode()
    assert "bukan arsitektur resmi &lt;Kabupaten Uji&gt; &amp; mitranya." in word
    markdown, tables = docx_markdown(data, Templates())
    cover = typst_source(data, markdown, tables).split("#counter(page).update(1)")[0]
    assert "bukan arsitektur resmi" in cover and "Kabupaten Uji" in cover
