"""The bundled example carries its JSON Schemas and the editor line that uses them, and validates against them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from spbe_arch.exchange.schema import schemas
from spbe_arch.init import MODELINE, SCHEMA_FOLDER, add_schema

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: 20 times faster


def test_example_schemas_are_current(example: Path) -> None:
    for name, schema in schemas().items():
        shipped = json.loads((example / SCHEMA_FOLDER / name).read_text(encoding="utf-8"))
        assert shipped == schema, f"{name} is stale: run spbe_arch.init.add_schema on the example"


def test_every_example_file_points_at_its_schema_and_validates(example: Path) -> None:
    import jsonschema

    validators = {}  # one validator per schema, built once (jsonschema.validate would rebuild it per file)
    for name, schema in schemas().items():
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema)
    files = [p for p in example.rglob("*.yaml") if ".schema" not in p.parts and ".labels" not in p.parts
             and p.name != "local-codes.yaml"]
    assert len(files) > 20
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(MODELINE), path
        target = (path.parent / first.removeprefix(MODELINE)).resolve()
        assert target.is_file(), first
        # editors read YAML dates as text, as the schema describes them
        data = json.loads(json.dumps(yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER), default=str))
        validators[target.name].validate(data)


def test_add_schema_is_idempotent_and_skips_local_codes(tmp_path: Path, small: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(small, root)
    add_schema(root)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    rewritten = add_schema(root)
    assert sorted(p.name for p in rewritten) == sorted(schemas())  # only the schema files, no YAML file
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert before == after
    assert not (root / "local-codes.yaml").read_text(encoding="utf-8").startswith(MODELINE)
    assert (root / "aplikasi" / "aplikasi.yaml").read_text(encoding="utf-8").startswith(
        f"{MODELINE}../{SCHEMA_FOLDER}/")
