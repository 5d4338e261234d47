"""Where one view goes: the format and file that ``spbe diagram --view`` resolves from its options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spbe_arch.errors import UsageError

SUFFIX_FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".mmd": "mermaid"}


@dataclass(frozen=True)
class ViewTarget:
    format: str
    file: Path | None  # None: standard output
    keep_dot: Path  # where the DOT source is kept when the renderer fails


def view_target(slug: str, formats: list[str], output: Path | None) -> ViewTarget:
    """The format (given, else from the file's suffix, else svg) and the file of one view.

    Text formats go to standard output when no file is given; images to ``SLUG.FORMAT`` here.
    """
    if len(formats) > 1:
        raise UsageError("one view takes one --format; use --all for several formats")
    suffix_format = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    fmt = formats[0] if formats else suffix_format or "svg"
    if (output is None and fmt in ("dot", "mermaid")) or str(output) == "-":
        return ViewTarget(fmt, None, Path(f"{slug}.dot"))
    target = output if output is not None else Path(f"{slug}.{'mmd' if fmt == 'mermaid' else fmt}")
    return ViewTarget(fmt, target, target.with_suffix(".dot"))
