"""Fixtures of the reliability suite: a sandbox holding a copy of a workspace, and a tally."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "tests" / "fixtures" / "small"
EXAMPLE = ROOT / "models" / "kabupaten-pasuruan"


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A folder holding ``ws`` (a copy of the small fixture workspace); outputs go to ``out``."""
    shutil.copytree(SMALL, tmp_path / "ws")
    return tmp_path


def add_yaml(root: Path, rel: str, data: Any) -> Path:
    """Write ``data`` with the YAML emitter (any text, control characters included, round-trips)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), encoding="utf-8")
    return path


AddYaml = Callable[[Path, str, Any], Path]


@pytest.fixture
def write_yaml() -> AddYaml:
    return add_yaml
