"""Published JSON Schema files, generated from the format models.

Editors' YAML extensions read these through the `# yaml-language-server: $schema=`
line at the top of each curriculum file; a test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from generator.format import models as fmt
from generator.format.models import FORMAT_MODELS
from generator.problems import messages

SCHEMA_DIR = Path(__file__).parent.parent / "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Where each kind of file points its schema line, relative to the file itself.
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="


class _IndonesianSchema(GenerateJsonSchema):
    """Say in the schema what integer mapping keys YAML allows (JSON keys are text)."""

    def dict_schema(self, schema):
        result = super().dict_schema(schema)
        keys = schema.get("keys_schema", {})
        if keys.get("type") == "int":
            levels = range(keys.get("ge", 1), keys.get("le", 9) + 1)
        elif keys.get("type") == "literal":
            levels = keys["expected"]
        else:
            return result
        # yaml-language-server compares an unquoted `1:` key as the number 1 and a quoted
        # one as the text "1"; a JSON Schema validator reading the file as JSON sees only
        # text ("1"): a JSON key is always a string. The enum lists both, so every client
        # accepts exactly the levels the validator accepts (it reads `"1":` as 1 too).
        result["propertyNames"] = {
            "enum": [*levels, *(str(level) for level in levels)],
            "errorMessage": messages.schema_keys(levels),
        }
        return result


# Each value list of the format with the label readers see for each value: what the
# editor's hover and completion show next to the value.
_ENUM_LABELS: list[dict[object, str]] = [
    {mode: label for mode, (label, _group) in fmt.MODES.items()},
    fmt.AUDIENCES,
    fmt.LEVELS,
    fmt.STATUSES,
    fmt.RESOURCE_KINDS,
]


def _enum_labels(values: list) -> list[str] | None:
    for table in _ENUM_LABELS:
        if list(table) == values:
            return [table[value] for value in values]
    return None


def _without_null(spec: dict) -> dict:
    """`X | None` as one schema: pydantic's `anyOf` shows the title twice in hover."""
    options = spec.get("anyOf")
    if not options or len(options) != 2 or {"type": "null"} not in options:
        return spec
    other = next(option for option in options if option != {"type": "null"})
    rest = {key: value for key, value in spec.items() if key != "anyOf"}
    if "$ref" in other or not isinstance(other.get("type"), str):
        # oneOf, unlike anyOf, is not shown option by option in hover. A value of the wrong
        # type fails both options, and the server reports the null one's message.
        title = spec.get("title", "")
        null = {"type": "null", "errorMessage": f"{title} {messages.SCHEMA_EXPECTED['object']}"}
        return {"oneOf": [other, null], **rest}
    return {**other, **rest, "type": [other["type"], "null"]}


def _error_message(spec: dict, title: str) -> str | None:
    if "enum" in spec:
        return messages.schema_choice(title, spec["enum"])
    kind = spec.get("type")
    if isinstance(kind, list):
        kind = kind[0]
    if kind == "integer":
        minimum = spec.get("minimum")
        if "exclusiveMinimum" in spec:
            minimum = spec["exclusiveMinimum"] + 1
        return messages.schema_integer(title, minimum, spec.get("maximum"))
    if kind in messages.SCHEMA_EXPECTED:
        return f"{title} {messages.SCHEMA_EXPECTED[kind]}"
    return None


def _for_editors(spec: object, title: str = "") -> object:
    """Adjust pydantic's schema to how yaml-language-server reads it.

    No `default: null` (completion would write `key: null`); an Indonesian `errorMessage`
    and `patternErrorMessage` (the server's own messages are English); descriptions as
    Markdown (plain ones are shown with their backticks escaped); one label per value.
    """
    if isinstance(spec, list):
        return [_for_editors(item, title) for item in spec]
    if not isinstance(spec, dict):
        return spec
    spec = _without_null(spec)
    title = spec.get("title", title)
    result = {
        key: _for_editors(value, title)
        for key, value in spec.items()
        if not (key == "default" and value is None)
    }
    if "description" in result and isinstance(result["description"], str):
        result["markdownDescription"] = result["description"]
    if "enum" in result and (labels := _enum_labels(result["enum"])):
        result["markdownEnumDescriptions"] = labels
    if "pattern" in result:
        name = fmt.PATTERN_NAMES.get(result["pattern"])
        expected = messages.PATTERN_EXPECTED.get(name or "", messages.PATTERN_OTHER)
        result["patternErrorMessage"] = f"{title} {expected}"
    if isinstance(result.get("properties"), dict):
        required = result.get("required", [])
        optional = [key for key in result["properties"] if key not in required]
        result["errorMessage"] = messages.schema_object(title, required, optional)
    elif "errorMessage" not in result and (message := _error_message(result, title)):
        result["errorMessage"] = message
    return result


def schema_filename(kind: str) -> str:
    return f"{kind}.schema.json"


def render_schemas() -> dict[str, str]:
    """Return {file name: JSON text} for every kind of curriculum file."""
    files = {}
    for kind, model in FORMAT_MODELS.items():
        schema = _for_editors(model.model_json_schema(schema_generator=_IndonesianSchema))
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
