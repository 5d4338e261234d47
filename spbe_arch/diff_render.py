"""The earlier import path of :mod:`spbe_arch.diff.render`, kept so that code written against it still runs."""

from spbe_arch.diff.render import DIFF_RENDERERS, diff_json, diff_markdown, diff_text

__all__ = ["DIFF_RENDERERS", "diff_json", "diff_markdown", "diff_text"]
