"""Published JSON Schema files, generated from the format models.

Editors' YAML extensions read these through the `# yaml-language-server: $schema=`
line at the top of each curriculum file; a test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from generator.format import FORMAT_MODELS

SCHEMA_DIR = Path(__file__).parent / "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Where each kind of file points its schema line, relative to the file itself.
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="


class _IndonesianSchema(GenerateJsonSchema):
    """Say in the schema what integer mapping keys YAML allows (JSON keys are text)."""

    def dict_schema(self, schema):
        result = super().dict_schema(schema)
        keys = schema.get("keys_schema", {})
        if keys.get("type") == "int":
            result["propertyNames"] = {"pattern": "^[1-9]$"}
        elif keys.get("type") == "literal":
            result["propertyNames"] = {"enum": [str(value) for value in keys["expected"]]}
        return result


def schema_filename(kind: str) -> str:
    return f"{kind}.schema.json"


def render_schemas() -> dict[str, str]:
    """Return {file name: JSON text} for every kind of curriculum file."""
    files = {}
    for kind, model in FORMAT_MODELS.items():
        schema = model.model_json_schema(schema_generator=_IndonesianSchema)
        document = {"$schema": DRAFT, "$id": schema_filename(kind), **schema}
        files[schema_filename(kind)] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return files


def schema_line(kind: str, relpath: str) -> str:
    """The first line a curriculum file at `relpath` should carry."""
    depth = relpath.count("/")
    return f"{SCHEMA_LINE_PREFIX}{'../' * depth}generator/schema/{schema_filename(kind)}"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
