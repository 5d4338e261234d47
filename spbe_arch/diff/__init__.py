"""What a change does to the architecture, between two folders or two git revisions.

``semantic`` compares two loaded models, ``sources`` loads them from folders or revisions (with
``gitrepo``), ``render`` writes the result as text, Markdown or JSON.
"""

from __future__ import annotations

from spbe_arch.diff.render import DIFF_RENDERERS, diff_json, diff_markdown, diff_text
from spbe_arch.diff.semantic import ModelDiff, ModelVersion, diff_models, diff_versions
from spbe_arch.diff.sources import compare, compare_folders

__all__ = [
    "DIFF_RENDERERS", "ModelDiff", "ModelVersion", "compare", "compare_folders", "diff_json", "diff_markdown",
    "diff_models", "diff_text", "diff_versions",
]
