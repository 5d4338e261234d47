"""The architecture document ("Dokumen Arsitektur SPBE") in HTML, Markdown, DOCX and PDF.

:func:`render_document` renders one format to bytes (and, for Markdown, the figure files beside it);
:func:`write_document` writes it. Templates are Jinja2 files under ``templates/document/`` (one per
chapter and format family) and a Word template; ``templates_dir`` overrides them file by file.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spbe_arch.document.data import DocumentData, collect
from spbe_arch.document.templating import TemplateError, Templates
from spbe_arch.errors import UsageError
from spbe_arch.fileio import check_target, write_bytes_atomic
from spbe_arch.validate import Validation

__all__ = [
    "DocumentFormat", "RenderedDocument", "TemplateError", "default_output", "prepare", "render_document",
    "write_document",
]


class DocumentFormat(enum.StrEnum):
    html = "html"
    md = "md"
    docx = "docx"
    pdf = "pdf"


EXTENSIONS = {DocumentFormat.html: ".html", DocumentFormat.md: ".md", DocumentFormat.docx: ".docx",
              DocumentFormat.pdf: ".pdf"}
DEFAULT_NAME = "dokumen-arsitektur-spbe"


@dataclass
class RenderedDocument:
    """One document: its bytes and, for Markdown, the figure files to write beside it (relative paths)."""

    format: DocumentFormat
    content: bytes
    files: dict[str, bytes] = field(default_factory=dict)


def default_output(fmt: DocumentFormat) -> Path:
    return Path(DEFAULT_NAME + EXTENSIONS[fmt])


def figure_folder(path: Path) -> str:
    """The folder (beside a Markdown document) that holds its figures."""
    return f"{path.stem}-gambar"


def prepare(validation: Validation, progress: Callable[[str], None] | None = None) -> DocumentData:
    """Collect the document data once; render it in as many formats as needed."""
    return collect(validation, progress)


def render_document(data: DocumentData, fmt: DocumentFormat | str, *, templates: Templates | None = None,
                    figure_dir: str | None = None) -> RenderedDocument:
    """Render the document in one format. For Markdown, ``figure_dir`` is where its figures go (None: none)."""
    from spbe_arch.document import renderers

    fmt = DocumentFormat(fmt)
    templates = templates or Templates()
    data.figures.prerender(("svg", "png") if fmt == DocumentFormat.docx else ("svg",))
    if fmt == DocumentFormat.html:
        return RenderedDocument(fmt, renderers.render_html(data, templates).encode("utf-8"))
    if fmt == DocumentFormat.md:
        md = renderers.render_markdown(data, templates, figure_dir)
        return RenderedDocument(fmt, md.text.encode("utf-8"), md.files)
    key = ("docx-markdown", id(templates))  # the Word body and the PDF come from the same chapters
    if key not in data.cache:
        data.cache[key] = (templates, renderers.docx_markdown(data, templates))
    markdown, tables = data.cache[key][1]
    if fmt == DocumentFormat.pdf:
        from spbe_arch.document.pdf import render_pdf

        return RenderedDocument(fmt, render_pdf(data, markdown, tables))
    from spbe_arch.document.word import render_docx

    return RenderedDocument(fmt, render_docx(data, markdown, templates.docx_template(), tables))


def write_document(data: DocumentData, fmt: DocumentFormat | str, path: Path, *,
                   templates: Templates | None = None) -> list[Path]:
    """Render and write the document (and a Markdown document's figures beside it); the paths written."""
    fmt = DocumentFormat(fmt)
    if path.is_dir() and not path.is_symlink():
        raise UsageError(f"{path} is a folder; give the document's file name, e.g. {path / default_output(fmt)}")
    check_target(path)  # before the figures are written beside it
    rendered = render_document(data, fmt, templates=templates,
                               figure_dir=figure_folder(path) if fmt == DocumentFormat.md else None)
    written = []
    for rel, content in sorted(rendered.files.items()):
        target = path.parent / rel
        write_bytes_atomic(target, content)
        written.append(target)
    write_bytes_atomic(path, rendered.content)
    written.append(path)
    return written


def load_templates(directory: str | os.PathLike[str] | None) -> Templates:
    return Templates(Path(directory) if directory is not None else None)
