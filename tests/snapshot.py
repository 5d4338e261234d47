"""Snapshot files for generated outputs: compare, or rewrite with SPBE_UPDATE_SNAPSHOTS=1."""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


def assert_snapshot(name: str, actual: str | bytes) -> None:
    """Compare ``actual`` with tests/snapshots/``name``; a missing snapshot fails unless updating."""
    path = SNAPSHOTS / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if os.environ.get("SPBE_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no snapshot {path}; run with SPBE_UPDATE_SNAPSHOTS=1 to create it"
    expected = path.read_bytes()
    if expected != data:
        if isinstance(actual, str):
            import difflib

            diff = "".join(difflib.unified_diff(
                expected.decode("utf-8").splitlines(True), actual.splitlines(True), "snapshot", "actual", n=2))
            raise AssertionError(f"{name} differs from its snapshot:\n{diff[:4000]}")
        raise AssertionError(f"{name} differs from its snapshot ({len(expected)} vs {len(data)} bytes)")
