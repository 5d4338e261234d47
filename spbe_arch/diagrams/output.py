"""Writing diagrams to files: one view, or every view with an index.html that shows them.

A diagram's DOT source is never lost: when no renderer can make a format, or the renderer fails
or hangs, the ``.dot`` file is written and the problem is said plainly.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pydantic import BaseModel, Field

from spbe_arch.diagrams.renderer import (
    RENDER_FORMATS,
    Renderer,
    RendererTimeout,
    RendererUnavailable,
    render,
    render_many,
    require_renderer,
)
from spbe_arch.errors import SpbeError
from spbe_arch.fileio import write_bytes_atomic, write_text_atomic
from spbe_arch.workspace import Workspace

FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot", "mermaid")
SUFFIXES: dict[str, str] = {"svg": ".svg", "png": ".png", "pdf": ".pdf", "dot": ".dot", "mermaid": ".mmd"}
BATCH = 8  # views per run of the renderer in --all: its start-up is paid once per batch
FORMAT_LABELS: dict[str, str] = {"svg": "SVG", "png": "PNG", "pdf": "PDF", "dot": "DOT", "mermaid": "Mermaid"}


class ViewFiles(BaseModel):
    view: str
    title: str
    notes: list[str] = Field(default_factory=list)
    files: dict[str, Path] = Field(default_factory=dict)  # format -> file


class DiagramRun(BaseModel):
    """What ``--all`` wrote and what could not be made."""

    directory: Path
    views: list[ViewFiles]
    index: Path | None = None
    problems: list[str] = Field(default_factory=list)

    @property
    def files(self) -> list[Path]:
        found = [f for v in self.views for f in v.files.values()]
        return [*found, self.index] if self.index else found


class DiagramProblems(SpbeError):
    """Some diagrams could not be rendered; their DOT sources were written instead."""

    def __init__(self, run: DiagramRun) -> None:
        super().__init__("; ".join(run.problems))
        self.run = run


def view_slug(view: str) -> str:
    """A file name for a view: ``opd:dinkes`` -> ``opd-dinkes``; a very long id is cut and given a hash,
    so the name fits every file system and stays unique (:func:`fileio.bounded_name`)."""
    from spbe_arch.fileio import bounded_name

    return bounded_name(view.replace(":", "-"))


def check_formats(formats: Iterable[str]) -> list[str]:
    chosen = list(dict.fromkeys(f.lower() for f in formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise SpbeError(f"unknown diagram format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    return chosen


def build_dot(workspace: Workspace, view: str, depth: int = 1) -> str:
    """The DOT source of one view (``landscape``, ``opd:ID``, ``service:ID``, ``context:ID``, ...)."""
    from spbe_arch.diagrams.dot import scene_to_dot
    from spbe_arch.diagrams.views import build_scene

    return scene_to_dot(build_scene(workspace, view, depth))


def build_mermaid(workspace: Workspace, view: str, depth: int = 1) -> str:
    """The Mermaid flowchart of one view, for Markdown on GitHub and GitLab."""
    from spbe_arch.diagrams.mermaid import scene_to_mermaid
    from spbe_arch.diagrams.views import build_scene

    return scene_to_mermaid(build_scene(workspace, view, depth))


def diagram_text(workspace: Workspace, view: str, fmt: str, depth: int = 1) -> str:
    return build_mermaid(workspace, view, depth) if fmt == "mermaid" else build_dot(workspace, view, depth)


def view_bytes(workspace: Workspace, view: str, fmt: str, *, depth: int = 1, dot: str | None = None,
               timeout: float = 60, keep_dot: Path | None = None) -> bytes:
    """One view in one format. When it cannot be rendered and ``keep_dot`` is given, the DOT source is
    written there before the error is raised, so that the work is not lost."""
    fmt = check_formats([fmt])[0]
    if fmt in ("dot", "mermaid"):
        return diagram_text(workspace, view, fmt, depth).encode("utf-8")
    source = build_dot(workspace, view, depth)
    try:
        return render(source, fmt, timeout, renderer=require_renderer(fmt, dot))
    except SpbeError as exc:
        if keep_dot is None:
            raise
        write_text_atomic(keep_dot, source)
        raise type(exc)(f"{exc.message}; the DOT source is written to {keep_dot}") from None


def write_view(workspace: Workspace, view: str, path: Path, fmt: str, *, depth: int = 1,
               dot: str | None = None, timeout: float = 60) -> Path:
    """Write one view to ``path``; if it cannot be rendered, write ``path`` with ``.dot`` and raise."""
    data = view_bytes(workspace, view, fmt, depth=depth, dot=dot, timeout=timeout, keep_dot=path.with_suffix(".dot"))
    write_bytes_atomic(path, data)
    return path


def export_all(workspace: Workspace, out_dir: Path, formats: Sequence[str] = ("svg",), *, dot: str | None = None,
               timeout: float = 60, jobs: int | None = None) -> DiagramRun:
    """Every view of :func:`list_views` in every format, the DOT sources, and an ``index.html``.

    Each view is handed to the renderers (one process each, ``jobs`` at a time) as soon as its DOT
    source is made, so that drawing overlaps with building the next views.
    """
    import os

    from spbe_arch.diagrams.dot import scene_to_dot
    from spbe_arch.diagrams.mermaid import scene_to_mermaid
    from spbe_arch.diagrams.views import build_scene, list_views

    chosen = check_formats(formats)
    from spbe_arch.fileio import OutputError, check_folder

    check_folder(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot be created: {exc.strerror or exc}; nothing was written") from None
    run = DiagramRun(directory=out_dir, views=[])
    renderers: dict[str, _Rendering] = {}
    for fmt in (f for f in chosen if f in RENDER_FORMATS):
        try:
            renderers[fmt] = _Rendering(fmt, require_renderer(fmt, dot), timeout, out_dir)
        except RendererUnavailable as exc:
            run.problems.append(f"{fmt.upper()} not written: {exc.message}; the DOT sources are in {out_dir}")
    batch: list[tuple[ViewFiles, str]] = []
    with ThreadPoolExecutor(max_workers=jobs or min(8, os.cpu_count() or 1)) as pool:
        for view in list_views(workspace):
            scene = build_scene(workspace, view)
            source = scene_to_dot(scene)
            item = ViewFiles(view=view, title=scene.title, notes=list(scene.notes))
            item.files["dot"] = out_dir / f"{view_slug(view)}{SUFFIXES['dot']}"
            write_text_atomic(item.files["dot"], source)
            if "mermaid" in chosen:
                item.files["mermaid"] = out_dir / f"{view_slug(view)}{SUFFIXES['mermaid']}"
                write_text_atomic(item.files["mermaid"], scene_to_mermaid(scene))
            run.views.append(item)
            batch.append((item, source))
            if len(batch) == BATCH:
                for rendering in renderers.values():
                    pool.submit(rendering.draw, batch)
                batch = []
        for rendering in renderers.values():
            if batch:
                pool.submit(rendering.draw, batch)
    for fmt, rendering in renderers.items():
        if rendering.failures:
            missing = sum(1 for v in run.views if fmt not in v.files)
            run.problems.append(f"{fmt.upper()} not written for {missing} of {len(run.views)} views "
                                f"({sorted(rendering.failures)[0]}); the DOT sources are in {out_dir}")
    run.index = _write_index(workspace, run)
    return run


class _Rendering:
    """One format of ``--all``: draws views in batches as they come.

    A view the renderer fails on is reported and the others are still drawn; a renderer that hangs is
    not tried again (each try would cost the whole timeout).
    """

    def __init__(self, fmt: str, renderer: Renderer, timeout: float, out_dir: Path) -> None:
        self.fmt, self.renderer, self.timeout, self.out_dir = fmt, renderer, timeout, out_dir
        self.broken = threading.Event()
        self.failures: list[str] = []

    def draw(self, batch: list[tuple[ViewFiles, str]]) -> None:
        if self.broken.is_set():
            return
        try:
            images = render_many([source for _, source in batch], self.fmt, self.timeout, renderer=self.renderer)
        except RendererTimeout as exc:
            self.broken.set()
            self.failures.append(f"{', '.join(item.view for item, _ in batch)}: {exc.message}")
            return
        except SpbeError:  # find out which view it was: one at a time
            for item, source in batch:
                self.draw_one(item, source)
            return
        for (item, _), data in zip(batch, images, strict=True):
            self._write(item, data)

    def draw_one(self, item: ViewFiles, source: str) -> None:
        if self.broken.is_set():
            return
        try:
            data = render(source, self.fmt, self.timeout, renderer=self.renderer)
        except SpbeError as exc:
            if isinstance(exc, RendererTimeout):
                self.broken.set()
            self.failures.append(f"{item.view}: {exc.message}")
            return
        self._write(item, data)

    def _write(self, item: ViewFiles, data: bytes) -> None:
        path = self.out_dir / f"{view_slug(item.view)}{SUFFIXES[self.fmt]}"
        write_bytes_atomic(path, data)
        item.files[self.fmt] = path


def write_all(workspace: Workspace, out_dir: Path, formats: Sequence[str] = ("svg",), *, dot: str | None = None,
              timeout: float = 60) -> list[Path]:
    """Write every view and ``index.html``; raise :class:`DiagramProblems` (files still written) on failures."""
    run = export_all(workspace, out_dir, formats, dot=dot, timeout=timeout)
    if run.problems:
        raise DiagramProblems(run)
    return run.files


SECTIONS: tuple[tuple[str, str], ...] = (
    ("umum", "Lanskap, integrasi dan infrastruktur"),
    ("opd", "Per perangkat daerah"),
    ("service", "Per layanan"),
    ("duplicates", "Duplikasi aplikasi"),
)


def _section(view: str) -> str:
    kind = view.partition(":")[0]
    return kind if kind in ("opd", "service", "duplicates") else "umum"


def _write_index(workspace: Workspace, run: DiagramRun) -> Path:
    from importlib import resources

    import jinja2

    from spbe_arch.version import __version__

    template_text = resources.files("spbe_arch.diagrams").joinpath("index.html.j2").read_text("utf-8")
    from spbe_arch import textsafe

    # autoescape quotes every text and attribute; finalize drops the control characters HTML cannot hold
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             finalize=lambda value: textsafe.xml_chars(value) if isinstance(value, str) else value)
    sections = []
    for key, title in SECTIONS:
        views = []
        for item in (v for v in run.views if _section(v.view) == key):
            image = next((item.files[f].name for f in ("svg", "png") if f in item.files), None)
            links = [(FORMAT_LABELS[f], item.files[f].name) for f in FORMATS if f in item.files]
            views.append({"anchor": view_slug(item.view), "title": item.title, "notes": item.notes,
                          "image": image, "links": links})
        if views:
            sections.append({"anchor": key, "title": title, "views": views})
    government = workspace.manifest.government.name
    html = env.from_string(template_text).render(
        title=f"Diagram Arsitektur SPBE {government}", government=government, views=run.views,
        sections=sections, problems=run.problems, version=__version__,
    )
    path = run.directory / "index.html"
    write_text_atomic(path, html)
    return path
