"""Shared fixtures: small YAML workspaces written into tmp_path, and the bundled ones."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = FIXTURES / "small"
EXAMPLE = ROOT / "models" / "kabupaten-pasuruan"

MANIFEST = """\
spbe: 1
government: {name: Pemerintah Kabupaten Uji, code: "99.01", kind: kabupaten}
period: {start: 2025, end: 2029}
"""

ORGS = """\
organizations:
  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, kind: dinas, affairs: ["2.16"]}
  - {id: bkpsdm, name: BKPSDM, kind: badan, affairs: ["5.03"]}
"""

WorkspaceFactory = Callable[..., Path]


@pytest.fixture
def make_workspace(tmp_path: Path) -> WorkspaceFactory:
    """Write a workspace: ``make_workspace({"aplikasi.yaml": "..."})``; texts are dedented.

    A manifest and two organizations (diskominfo, bkpsdm) are added unless given.
    """

    def make(files: dict[str, str | bytes] | None = None, *, manifest: str | None = MANIFEST,
             orgs: bool = True, name: str = "ws") -> Path:
        root = tmp_path / name
        root.mkdir(parents=True, exist_ok=True)
        contents: dict[str, str | bytes] = {}
        if manifest is not None:
            contents["spbe.yaml"] = manifest
        if orgs:
            contents["organisasi.yaml"] = ORGS
        contents.update(files or {})
        for rel, text in contents.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


@pytest.fixture
def small() -> Path:
    return SMALL


@pytest.fixture
def example() -> Path:
    return EXAMPLE
