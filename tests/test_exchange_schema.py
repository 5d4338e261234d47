"""JSON Schema of the workspace files: the small fixture's files validate, mistakes are caught."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.exchange.schema import ELEMENTS_SCHEMA, MANIFEST_SCHEMA, export_schema, schemas


def as_editor_sees_it(value: Any) -> Any:
    """YAML as the YAML language server checks it: an unquoted date is a string there."""
    if isinstance(value, dict):
        return {k: as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def load(path: Path) -> Any:
    return as_editor_sees_it(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validators(tmp_path_factory: pytest.TempPathFactory) -> dict[str, jsonschema.Draft202012Validator]:
    folder = tmp_path_factory.mktemp("schema")
    export_schema(folder)
    result = {}
    for name in (MANIFEST_SCHEMA, ELEMENTS_SCHEMA):
        schema = json.loads((folder / name).read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        result[name] = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return result


def test_small_fixture_files_validate(small: Path, validators: dict[str, Any]) -> None:
    validators[MANIFEST_SCHEMA].validate(load(small / "spbe.yaml"))
    files = [p for p in sorted(small.rglob("*.yaml")) if p.name not in ("spbe.yaml", "local-codes.yaml")]
    assert len(files) == 5
    for path in files:
        errors = list(validators[ELEMENTS_SCHEMA].iter_errors(load(path)))
        assert errors == [], (path, [e.message for e in errors])


def test_mistakes_are_caught(validators: dict[str, Any]) -> None:
    elements = validators[ELEMENTS_SCHEMA]

    def messages(doc: Any) -> str:
        return " | ".join(e.message for e in elements.iter_errors(doc))

    assert "'nama' was unexpected" in messages({"applications": [{"id": "a", "name": "A", "owner": "o", "nama": 1}]})
    assert "does not match" in messages({"applications": [{"id": "App X", "name": "A", "owner": "o"}]})
    assert "'owner' is a required property" in messages({"applications": [{"id": "a", "name": "A"}]})
    assert "is not one of" in messages({"applications": [{"id": "a", "name": "A", "owner": "o", "kind": "umu"}]})
    assert "'aplikasi' was unexpected" in messages({"aplikasi": []})
    assert "is not one of" in messages({"infrastructure": [{"id": "x", "name": "X", "owner": "o", "kind": "vm"}]})
    manifest = validators[MANIFEST_SCHEMA]
    assert list(manifest.iter_errors({"spbe": 2, "government": {"name": "X"}}))
    assert not list(manifest.iter_errors({"spbe": 1, "government": {"name": "X"}}))


def test_schema_offers_values_for_completion() -> None:
    elements = schemas()[ELEMENTS_SCHEMA]
    application = elements["$defs"]["Application"]["properties"]
    assert application["security_category"]["enum"] == ["strategis", "tinggi", "rendah", None]
    assert set(elements["properties"]) == {"organizations", "processes", "services", "data", "applications",
                                           "infrastructure", "security", "roadmap", "indeks_spbe"}


def test_cli_export_schema(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "schema", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([MANIFEST_SCHEMA, ELEMENTS_SCHEMA])
    assert json.loads((tmp_path / MANIFEST_SCHEMA).read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")


def test_example_files_validate(example: Path, validators: dict[str, Any]) -> None:
    if not (example / "spbe.yaml").is_file():
        pytest.skip("the bundled example is not there yet")
    validators[MANIFEST_SCHEMA].validate(load(example / "spbe.yaml"))
    for path in sorted(example.rglob("*.yaml")):
        if path.name in ("spbe.yaml", "local-codes.yaml") or ".labels" in path.parts:
            continue
        assert list(validators[ELEMENTS_SCHEMA].iter_errors(load(path))) == [], path
