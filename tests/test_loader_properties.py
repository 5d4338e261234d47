"""Property tests of the loader: arbitrary input never crashes it; valid elements round-trip."""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_arch.loader import load_workspace, parse_text
from spbe_arch.model import Application
from spbe_arch.validate import validate_workspace

ids = st.from_regex(r"\A[a-z0-9]{1,8}([-._][a-z0-9]{1,6}){0,2}\Z")
texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
apps = st.fixed_dictionaries(
    {"id": ids, "name": texts, "owner": st.just("bkpsdm")},
    optional={
        "description": st.text(max_size=80),
        "acronym": st.text(string.ascii_uppercase, min_size=1, max_size=8),
        "kind": st.sampled_from(["umum", "khusus"]),
        "status": st.sampled_from(["rencana", "pengembangan", "aktif", "dihentikan"]),
        "platform": st.lists(st.sampled_from(["web", "mobile", "desktop"]), unique=True),
        "since": st.integers(1990, 2030),
        "tags": st.lists(texts, max_size=3),
        "properties": st.dictionaries(st.from_regex(r"\A[a-z]{1,8}\Z"),
                                      st.one_of(st.integers(-10**6, 10**6), st.booleans(), texts), max_size=3),
    },
)


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_parses_or_reports(text: str) -> None:
    parsed = parse_text(text, "x.yaml")
    if not parsed.readable:
        assert parsed.problems and all(p.file == "x.yaml" and p.line for p in parsed.problems)


@given(st.binary(max_size=200))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_file_never_crashes(tmp_path_factory, data: bytes) -> None:  # type: ignore[no-untyped-def]
    root: Path = tmp_path_factory.mktemp("ws")
    (root / "spbe.yaml").write_text("spbe: 1\ngovernment: {name: X}\n", encoding="utf-8")
    (root / "f.yaml").write_bytes(data)
    report = validate_workspace(root).report
    assert report.exit_code() in (0, 1, 2)


@given(st.lists(apps, min_size=1, max_size=5, unique_by=lambda a: a["id"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_valid_applications_round_trip(tmp_path_factory, items: list[dict[str, object]]) -> None:  # type: ignore[no-untyped-def]
    root: Path = tmp_path_factory.mktemp("ws")
    (root / "spbe.yaml").write_text("spbe: 1\ngovernment: {name: X}\n", encoding="utf-8")
    (root / "org.yaml").write_text("organizations:\n  - {id: bkpsdm, name: BKPSDM}\n", encoding="utf-8")
    text = yaml.safe_dump({"applications": items}, allow_unicode=True)
    (root / "apps.yaml").write_text(text, encoding="utf-8")
    expected = yaml.safe_load(text)["applications"]  # PyYAML's own reading is the reference
    result = load_workspace(root)
    assert [f for f in result.findings if f.severity == "error"] == []
    ws = result.workspace
    assert ws is not None
    for item in expected:
        loaded = ws.elements[str(item["id"])]
        assert loaded == Application.model_validate(item)
        assert ws.locate(loaded.id) is not None
