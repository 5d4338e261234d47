"""Diagrams of the architecture: views as DOT, Mermaid, SVG, PNG and PDF.

A view is built as a :class:`~spbe_arch.diagrams.scene.Scene` from the model, then written as DOT
(through the ``graphviz`` package) or Mermaid, and rendered by ``graphviz-pure`` (or a system
Graphviz) without any system dependency.
"""

from __future__ import annotations

from spbe_arch.diagrams.output import (
    FORMATS,
    DiagramProblems,
    DiagramRun,
    ViewFiles,
    build_dot,
    build_mermaid,
    export_all,
    view_bytes,
    view_slug,
    write_all,
    write_view,
)
from spbe_arch.diagrams.renderer import (
    Renderer,
    RendererTimeout,
    RendererUnavailable,
    candidates,
    find_renderer,
    render,
    render_many,
    require_renderer,
)
from spbe_arch.diagrams.views import VIEW_KINDS, build_scene, list_views, parse_view

__all__ = [
    "FORMATS", "VIEW_KINDS", "DiagramProblems", "DiagramRun", "Renderer", "RendererTimeout", "RendererUnavailable",
    "ViewFiles",
    "build_dot", "build_mermaid", "build_scene", "candidates", "export_all", "find_renderer", "list_views",
    "parse_view", "render", "render_many", "require_renderer", "view_bytes", "view_slug", "write_all", "write_view",
]
