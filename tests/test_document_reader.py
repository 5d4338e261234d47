"""The document as its reader sees it: every format of the bundled example, scanned for text that is not
for an Indonesian official (English words, element ids, backticks, file paths, commands of the tool)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from spbe_arch.document import prepare, render_document
from spbe_arch.document.data import DocumentData
from spbe_arch.document.front import PD_KINDS
from spbe_arch.document.pdf import typst_source
from spbe_arch.document.renderers import docx_markdown
from spbe_arch.document.templating import Templates
from spbe_arch.validate import validate_workspace

EXAMPLE = Path(__file__).resolve().parents[1] / "models" / "kabupaten-pasuruan"

# English words a reader must not meet (whole words, any case), and words about the tool rather than the Pemda
ENGLISH = [
    "the", "and", "of", "with", "which", "is", "are", "has", "not", "for", "application", "applications",
    "error", "errors", "warning", "warnings", "found", "missing", "should", "file", "files", "folder", "command",
    "owner", "hosted", "writes", "reads", "supports", "through", "depends", "performs", "exists", "instead",
    "reference", "catalogue", "workspace", "element", "elements", "id", "ids", "yaml", "json", "galat",
]
TOOL_PHRASES = ["model arsitektur", "Model memuat", "dalam model", "validasi model", "spbe-arch", "perpres-132-2022"]
# ids that are also ordinary Indonesian words, as the kinds of perangkat daerah ("1 inspektorat, 19 dinas")
KIND_WORDS = {word for label in PD_KINDS.values() for word in label.lower().split()}
COMMAND = re.compile(r"\bspbe\s+(build|validate|doc|stats|graph|duplicates|rules|init|show|diff|export|import)\b")
PATH = re.compile(r"[\w-]+/[\w./-]*\.(ya?ml|json|svg|png|md|docx|html)\b|\b[\w-]+\.ya?ml\b")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]")


def problems(text: str, ids: set[str], names: list[str] | None = None) -> list[str]:
    """What a reader should not see in ``text``: each problem with a little context.

    The names of the Pemda's own elements (``names``) are theirs to choose ("Web Application Firewall")
    and are taken out before the scan.
    """
    found: list[str] = []
    for name in sorted(names or [], key=len, reverse=True):
        text = text.replace(name, " ")

    def note(kind: str, start: int, end: int) -> None:
        found.append(f"{kind}: …{text[max(0, start - 40):end + 40]}…".replace("\n", " "))

    english = {w.lower() for w in ENGLISH}
    ids = ids - KIND_WORDS
    for match in WORD.finditer(text):
        word = match.group(0)
        if word.lower() in english:
            note(f"English word {word!r}", match.start(), match.end())
        elif word in ids:
            note(f"element id {word!r}", match.start(), match.end())
    for phrase in TOOL_PHRASES:
        for match in re.finditer(re.escape(phrase), text):
            note(f"tool text {phrase!r}", match.start(), match.end())
    for pattern, kind in ((COMMAND, "command"), (PATH, "file path"), (re.compile("`"), "backtick")):
        for match in pattern.finditer(text):
            note(kind, match.start(), match.end())
    return found


def html_text(document: str) -> str:
    """The text a browser shows outside figures (and the tooltips it may show): tags, styles and scripts removed."""
    document = re.sub(r"<(style|script|svg)\b.*?</\1>", " ", document, flags=re.S)
    document = re.sub(r"<!--.*?-->", " ", document, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", document))


def figure_text(document: str) -> str:
    """The labels and tooltips of the figures of an HTML document, one per line."""
    svgs = re.findall(r"<svg\b.*?</svg>", document, flags=re.S)
    return "\n".join(html.unescape(t) for svg in svgs for t in re.findall(r"<(?:text|title)\b[^>]*>([^<]*)<", svg))


def markdown_text(document: str) -> str:
    """The text GitHub shows: link and image targets removed, escapes undone."""
    document = re.sub(r"\]\([^)]*\)", "]", document)
    document = re.sub(r"<[^>]+>", " ", document)
    return re.sub(r"\\(.)", r"\1", document)


def docx_text(content: bytes) -> str:
    """The text of every paragraph, header and footer of the Word file (its XML runs)."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    parts = [n for n in archive.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
    texts = []
    for name in parts:
        xml = archive.read(name).decode("utf-8")
        texts.extend(html.unescape(t) for t in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))
    return " ".join(texts)


def typst_text(source: str) -> str:
    """The text Typst prints: the preamble (styles, functions), figures (SVG strings) and markup calls
    removed, escapes undone."""
    source = source[source.index("#page(numbering: none"):]
    source = re.sub(r'#gambar(-potong)?\("(?:[^"\\]|\\.)*"', "#gambar(", source)
    source = re.sub(r"^#(set|show|let)\b.*$", " ", source, flags=re.M)
    source = re.sub(r'#?[a-z.-]+\((?:[a-z-]+: )?', " ", source)
    source = re.sub(r'"[^"\n]*"', lambda m: m.group(0) if " " in m.group(0) else " ", source)
    return re.sub(r"\\(.)", r"\1", source)


@pytest.fixture(scope="module")
def example() -> Iterator[tuple[DocumentData, set[str]]]:
    data = prepare(validate_workspace(EXAMPLE))
    yield data, set(data.workspace.elements)


def _names(data: DocumentData) -> list[str]:
    return [e.name for e in data.workspace.elements.values()]


def test_scanner_catches_what_it_should() -> None:
    ids = {"app-sipd", "ikd"}
    bad = ("The application app-sipd is hosted; lihat `x`, berkas aplikasi/setda.yaml, jalankan spbe build; "
           "Model memuat ikd")
    kinds = {p.split(":")[0] for p in problems(bad, ids)}
    assert {"English word 'The'", "English word 'application'", "element id 'app-sipd'", "element id 'ikd'",
            "backtick", "file path", "command", "tool text 'Model memuat'"} <= kinds
    assert problems("Aplikasi Sistem Informasi Keuangan Desa milik Dinas Sosial (IKD), 0,88.", ids) == []


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_text_formats_read_like_a_pemda_document(example: tuple[DocumentData, set[str]], fmt: str) -> None:
    data, ids = example
    content = render_document(data, fmt).content.decode("utf-8")
    text = html_text(content) if fmt == "html" else markdown_text(content)
    assert "Arsitektur" in text
    assert problems(text, ids, _names(data)) == []


def test_figures_name_things_by_name(example: tuple[DocumentData, set[str]]) -> None:
    """Figure labels wrap names over several lines, so only ids, backticks, paths and commands are looked for."""
    data, ids = example
    text = figure_text(render_document(data, "html").content.decode("utf-8"))
    assert "Dinas Kesehatan" in text
    assert [p for p in problems(text, ids, _names(data)) if not p.startswith("English word")] == []


def test_word_document_reads_like_a_pemda_document(example: tuple[DocumentData, set[str]]) -> None:
    data, ids = example
    text = docx_text(render_document(data, "docx").content)
    assert "Arsitektur" in text
    assert problems(text, ids, _names(data)) == []


def test_pdf_source_reads_like_a_pemda_document(example: tuple[DocumentData, set[str]]) -> None:
    data, ids = example
    markdown, tables = docx_markdown(data, Templates())
    text = typst_text(typst_source(data, markdown, tables))
    assert "DAFTAR ISI" in text and "Arsitektur" in text
    assert problems(text, ids, _names(data)) == []
