"""Where the shipped data lives: inside the wheel (``_data``) or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``domains``, ``models`` or ``templates``, wherever this install keeps it."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def example_model() -> Path:
    return data_dir("models") / "kabupaten-pasuruan"
