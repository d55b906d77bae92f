"""Versioned JSON: the LintReport as an object with ``"version": 1`` (parsed documents left out).

``report_schema()`` is the JSON Schema of exactly this output; ``docs/okrlint-report.schema.json`` is a copy of it
that a test keeps in step with the model.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from okrlint.formatters.escape import json_text
from okrlint.models import LintReport

# The output's keys in the model's order ("documents" left out).
_FIELDS = tuple(name for name in LintReport.model_fields if name != "documents")
SCHEMA_ID = "https://github.com/okrlint/okrlint/blob/main/docs/okrlint-report.schema.json"


def render(report: LintReport) -> str:
    """The report as ``json.dumps(report.model_dump(mode="json", exclude={"documents"}), indent=2)`` prints it,
    built one finding at a time: a very large file's findings never stand as one tree of dictionaries."""
    marker = f"findings-{uuid.uuid4().hex}"
    data = report.model_dump(mode="json", exclude={"documents", "findings"})
    data = {key: (marker if key == "findings" else data[key]) for key in _FIELDS}
    before, after = json.dumps(data, indent=2, ensure_ascii=False).split(json.dumps(marker), 1)
    # Undecodable bytes of a file name become ``\\xff`` text, so that the output is valid UTF-8.
    return json_text("".join([before, *_findings(report), after])) + "\n"


def _findings(report: LintReport) -> Iterator[str]:
    """The findings array as ``json.dumps(..., indent=2)`` prints it as the value of a top-level key."""
    if not report.findings:
        yield "[]"
        return
    yield "["
    for k, finding in enumerate(report.findings):
        item = json.dumps(finding.model_dump(mode="json"), indent=2, ensure_ascii=False)
        yield ("\n    " if k == 0 else ",\n    ") + item.replace("\n", "\n    ")
    yield "\n  ]"


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
