"""A figure too large for one page is printed in parts: each part must show its own piece of the
figure, top to bottom, and not the figure's middle every time (what an image fitted to its box does)."""

from __future__ import annotations

import io
import re

import pytest
import typst

from spbe_arch.document.pdf import PREAMBLE

Image = pytest.importorskip("PIL.Image")

# four bands, top to bottom: red, green, blue, yellow
TALL_SVG = "".join([
    '<svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="1200pt" viewBox="0 0 400 1200">',
    *(f'<rect x="0" y="{300 * i}" width="400" height="300" fill="{colour}"/>'
      for i, colour in enumerate(("#ff0000", "#00ff00", "#0000ff", "#ffff00"))),
    "</svg>",
])
BANDS = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]


def _function(name: str) -> str:
    """The Typst definition of one function of the PDF's preamble, as the document uses it."""
    found = re.search(rf"#let {name}\(.*?\n}}\n", PREAMBLE, re.S)
    assert found is not None
    return found.group(0)


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {colour for count, colour in image.getcolors(maxcolors=1 << 20) if count > 50} - {(255, 255, 255)}


@pytest.mark.parametrize("landscape", [False, True])
def test_each_part_of_a_cut_figure_shows_its_own_piece(tmp_path, landscape: bool) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "tall.svg").write_text(TALL_SVG, encoding="utf-8")
    flipped = "true" if landscape else "false"
    source = _function("gambar-potong") + f'#gambar-potong(read("tall.svg"), 4in, 12in, 1, 4, lanskap: {flipped})\n'
    (tmp_path / "parts.typ").write_text(source, encoding="utf-8")
    pages = typst.compile(str(tmp_path / "parts.typ"), format="png", ppi=20)
    pages = pages if isinstance(pages, list) else [pages]
    assert len(pages) == 4
    for page, band in zip(pages, BANDS, strict=True):
        # a part is a quarter of the figure: one band, in order, and none of the others
        assert _colours(page) & set(BANDS) == {band}
