"""JSON output: versioned, documents left out, and valid against the committed schema that tracks the model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from okrlint.formatters import json_
from tests.formatters.sample import empty_report, sample_report, team_report

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "okrlint-report.schema.json"


def test_committed_schema_matches_the_model(update_golden: bool) -> None:
    generated = json_.schema_text()
    if update_golden:
        SCHEMA_FILE.write_text(generated, encoding="utf-8")
    assert SCHEMA_FILE.is_file(), "run pytest tests/formatters --update-golden"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == generated, (
        "docs/okrlint-report.schema.json is out of date: run pytest tests/formatters --update-golden"
    )


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "report", [sample_report(), team_report(), empty_report()], ids=["sample", "teams", "empty"]
)
def test_output_validates(validator: jsonschema.Draft202012Validator, report: Any) -> None:
    data = json.loads(json_.render(report))
    errors = list(validator.iter_errors(data))
    assert not errors, errors[0].message if errors else ""


def test_schema_rejects_what_the_model_rejects(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(json_.render(sample_report()))
    data["findings"][0]["severity"] = "fatal"
    assert not validator.is_valid(data)
    data = json.loads(json_.render(sample_report()))
    data["findings"][0]["unexpected"] = True
    assert not validator.is_valid(data)
    # Parsed documents are not part of the output, so the schema does not allow them either.
    assert not validator.is_valid({**json.loads(json_.render(empty_report())), "documents": []})


def test_versioned_object_without_documents() -> None:
    data = json.loads(json_.render(sample_report()))
    assert data["version"] == 1
    assert "documents" not in data
    assert data["summary"]["by_severity"] == {"error": 3, "warning": 2, "info": 2}
    assert [f["code"] for f in data["findings"] if f["suppressed"]] == ["K208"]


@pytest.mark.parametrize("make", [sample_report, empty_report, team_report])
def test_json_built_a_finding_at_a_time_is_the_report_dumped_whole(make) -> None:
    report = make()
    whole = json.dumps(report.model_dump(mode="json", exclude={"documents"}), indent=2, ensure_ascii=False)
    assert json_.render(report) == whole + "\n"
