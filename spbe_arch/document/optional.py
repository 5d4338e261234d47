"""The analyses that other parts of spbe-arch provide, imported only when they are installed.

A chapter whose analysis is missing says so in the document rather than inventing content.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def optional_module(name: str) -> ModuleType | None:
    """``name`` imported, or None when that module (not one of its own imports) does not exist."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and (name == exc.name or name.startswith(exc.name + ".")):
            return None
        raise
