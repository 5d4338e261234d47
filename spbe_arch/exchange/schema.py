"""``spbe export schema``: JSON Schema of the manifest and of the element files.

Generated from the pydantic classes the loader validates with, so that an editor (the YAML
language server in VS Code and others) completes keys and values and flags mistakes as they are
typed, with the same rules as ``spbe validate``'s schema checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from spbe_arch import model
from spbe_arch.errors import SpbeError
from spbe_arch.exchange.workspace_writer import write_output

MANIFEST_SCHEMA = "spbe-manifest.schema.json"
ELEMENTS_SCHEMA = "spbe-elements.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


class _SchemaGenerator(GenerateJsonSchema):
    """Adds the id pattern, which the model checks in a validator that JSON Schema cannot see."""

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        result = super().function_after_schema(schema)
        function = schema["function"].get("function")
        if getattr(function, "__module__", None) == model.__name__ and getattr(function, "__name__", "") == "_check_id":
            result = {**result, "pattern": model.ID_RE.pattern}
        return result


def elements_file_model() -> type[model.Strict]:
    """A workspace file: any of the collections, each a list of its elements."""
    fields: dict[str, Any] = {
        collection: (list[cls] | None, Field(default=None, description=model.COLLECTION_LABELS[collection]))  # type: ignore[valid-type]
        for collection, cls in model.ELEMENT_CLASSES.items()
    }
    from spbe_arch.indeks.section import SECTION_KEY, IndeksSection

    fields[SECTION_KEY] = (IndeksSection | None, Field(default=None, description="Indeks SPBE (docs/indeks.md)"))
    return create_model(
        "SpbeElements", __base__=model.Strict, __doc__="A file of an Arsitektur SPBE workspace.", **fields)


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema of the manifest and of the element files."""
    manifest = model.Manifest.model_json_schema(schema_generator=_SchemaGenerator)
    manifest["title"] = "spbe.yaml: the manifest of an Arsitektur SPBE workspace"
    elements_model = elements_file_model()
    elements_model.model_config = ConfigDict(extra="forbid", title="SpbeElements")
    elements = elements_model.model_json_schema(schema_generator=_SchemaGenerator)
    elements["title"] = "A file of elements of an Arsitektur SPBE workspace"
    return {
        MANIFEST_SCHEMA: _simplify({"$schema": DRAFT, **manifest}),
        ELEMENTS_SCHEMA: _simplify({"$schema": DRAFT, **elements}),
    }


def _simplify(node: Any) -> Any:
    """``anyOf: [X, null]`` as ``type: [X, null]``: editors then report the real mistake inside X
    ("'nama' was unexpected") instead of "not valid under any of the given schemas"."""
    if isinstance(node, list):
        return [_simplify(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _simplify(v) for k, v in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        other = next(o for o in options if o != {"type": "null"})
        if isinstance(other.get("type"), str):
            merged = {k: v for k, v in node.items() if k != "anyOf"}
            merged.update(other)
            merged["type"] = [other["type"], "null"]
            if "enum" in merged:
                merged["enum"] = [*merged["enum"], None]
            return merged
    return node


def export_schema(folder: Path) -> list[str]:
    """Write both schemas into ``folder``; returns the paths written."""
    from spbe_arch.fileio import check_folder

    check_folder(folder)
    if folder.exists() and not folder.is_dir():
        raise SpbeError(f"{folder}: is a file; give the folder to write the schema files into")
    written = []
    for name, schema in schemas().items():
        path = folder / name
        write_output(path, (json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
        written.append(str(path))
    return written
