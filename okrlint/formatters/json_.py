"""Versioned JSON: the LintReport as an object with ``"version": 1`` (parsed documents left out).

``report_schema()`` is the JSON Schema of exactly this output; ``docs/okrlint-report.schema.json`` is a copy of it
that a test keeps in step with the model.
"""

from __future__ import annotations

import json
from typing import Any

from okrlint.formatters.escape import json_text
from okrlint.models import LintReport

SCHEMA_ID = "https://github.com/okrlint/okrlint/blob/main/docs/okrlint-report.schema.json"


def render(report: LintReport) -> str:
    data = report.model_dump(mode="json", exclude={"documents"})
    # Undecodable bytes of a file name become ``\\xff`` text, so that the output is valid UTF-8.
    return json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def _referenced(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            found.add(ref.removeprefix("#/$defs/"))
        for value in node.values():
            _referenced(value, found)
    elif isinstance(node, list):
        for value in node:
            _referenced(value, found)


def report_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``render``'s output: the model's schema without ``documents``."""
    schema = LintReport.model_json_schema(mode="serialization")
    schema["properties"].pop("documents", None)
    if "documents" in schema.get("required", []):
        schema["required"].remove("documents")
    # Drop the definitions only ``documents`` used (OkrDocument, Objective, ...), following refs transitively.
    defs = schema.get("$defs", {})
    keep: set[str] = set()
    _referenced(schema["properties"], keep)
    while True:
        more = set(keep)
        for name in keep:
            _referenced(defs.get(name, {}), more)
        if more == keep:
            break
        keep = more
    schema["$defs"] = {name: defs[name] for name in sorted(keep)}
    schema["description"] = (
        "Output of `okrlint check --output-format json`: a LintReport without its documents."
    )
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    """The schema as committed in ``docs/okrlint-report.schema.json``."""
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
