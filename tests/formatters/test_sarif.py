"""SARIF 2.1.0: valid against the official schema, the shape from style_anchors 2.6, stable fingerprints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from okrlint.formatters import _rules, sarif
from okrlint.models import Applicability, Span, Suggestion
from tests.formatters.conftest import REAL_RULE_SPECS
from tests.formatters.sample import (
    BROKEN,
    build_report,
    empty_report,
    make_finding,
    platform_file,
    report_of,
    sales_file,
    sample_report,
    team_report,
)

# The official schema lives in the shared folder beside the repository; it is never copied into the repo.
SCHEMA_PATH = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"official SARIF schema not found at {SCHEMA_PATH.resolve()}")
    schema = _log_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    # The schema declares draft-07 in its own $schema; use the validator it asks for.
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _log_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of a whole SARIF log.

    The shared copy keeps the log object's constraints under ``definitions.Root`` and has none at the top, so
    validating against the file as it is would accept anything; point the root at that definition.
    """
    if "properties" in schema:
        return schema
    if "Root" in schema.get("definitions", {}):
        return {**schema, "$ref": "#/definitions/Root"}
    pytest.fail(f"{SCHEMA_PATH} has neither root properties nor definitions.Root")


def _log(report: Any) -> dict[str, Any]:
    return json.loads(sarif.render(report))


def _results(report: Any) -> list[dict[str, Any]]:
    return _log(report)["runs"][0]["results"]


@pytest.mark.parametrize(
    "report",
    [sample_report(), team_report(), empty_report(), report_of([], [BROKEN])],
    ids=["sample", "teams", "empty", "errors-only"],
)
def test_valid_against_official_schema(validator: jsonschema.protocols.Validator, report: Any) -> None:
    errors = sorted(validator.iter_errors(_log(report)), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])


def test_schema_validation_is_not_vacuous(validator: jsonschema.protocols.Validator) -> None:
    log = _log(sample_report())
    log["runs"][0]["results"][0]["level"] = "info"  # not a SARIF level
    assert not validator.is_valid(log)
    assert not validator.is_valid({"version": "2.1.0"})  # no runs
    assert not validator.is_valid({**_log(empty_report()), "extra": 1})


def test_clean_run_is_the_minimal_log() -> None:
    log = _log(empty_report())
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["name"] == "okrlint"
    assert "rules" not in run["tool"]["driver"]
    assert "invocations" not in run


def test_results_levels_locations_and_column_kind() -> None:
    run = _log(sample_report())["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["K214"]["level"] == "note"
    assert by_rule["K201"]["level"] == "error"
    region = by_rule["K214"]["locations"][0]["physicalLocation"]["region"]
    # The two-line span, end exclusive.
    assert region == {"startLine": 6, "startColumn": 8, "endLine": 7, "endColumn": 14}
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"okrs/platform.md", "okrs/sales%2C%20100%25%3A%20q3.yaml"}


def test_rules_are_only_those_with_results_and_rule_index_points_at_them() -> None:
    run = _log(sample_report())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["K201", "K203", "K214", "O103", "K210", "K202"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    o103 = rules[3]
    assert o103["name"] == "number-in-objective"
    assert o103["defaultConfiguration"] == {"level": "warning"}
    assert o103["shortDescription"]["text"].startswith("The objective carries a number")
    assert "docs/rules/O103-number-in-objective.md" in o103["help"]["markdown"]


def test_rule_metadata_comes_from_the_shipped_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_rules, "rule_specs", REAL_RULE_SPECS)
    spec = REAL_RULE_SPECS()["K201"]
    (rule,) = _log(report_of([make_finding(code="K201")]))["runs"][0]["tool"]["driver"]["rules"]
    assert rule["shortDescription"]["text"] == spec.summary.strip()
    level = {"error": "error", "warning": "warning", "info": "note"}[spec.severity]
    assert rule["defaultConfiguration"]["level"] == level


def test_suppressed_findings_are_left_out() -> None:
    log = _log(sample_report())
    assert "K208" not in json.dumps(log)


def test_only_safe_edits_become_fixes_and_rewrites_go_in_the_message() -> None:
    results = _results(sample_report())
    with_fixes = [r for r in results if "fixes" in r]
    assert [r["ruleId"] for r in with_fixes] == ["O103"]
    (fix,) = with_fixes[0]["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "Grow EMEA revenue this quarter"
    # The edit covers the whole objective on line 9 ("## O2: " is 7 characters).
    assert replacement["deletedRegion"] == {"startLine": 9, "startColumn": 8, "endLine": 9, "endColumn": 42}
    k201 = next(r for r in results if r["ruleId"] == "K201")
    assert k201["message"]["text"].endswith(
        "Suggested rewrite: Raise onboarding completion from <baseline> to <target>"
    )


def test_input_errors_become_tool_execution_notifications() -> None:
    (invocation,) = _log(sample_report())["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == BROKEN.message
    location = note["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "okrs/broken.yaml"},
        "region": {"startLine": 7, "startColumn": 3},
    }


def _fingerprints(report: Any) -> dict[str, str]:
    return {
        f"{r['ruleId']}@{r['message']['text'][:20]}": r["partialFingerprints"]["okrlintStatementHash/v1"]
        for r in _results(report)
    }


def test_fingerprints_survive_statements_moving_to_other_lines() -> None:
    before = build_report([platform_file(), sales_file()])
    after = build_report([platform_file(prefix="Draft, please comment.\n\n\n"), sales_file()])
    lines_before = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in _results(before)]
    lines_after = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in _results(after)]
    assert lines_before != lines_after
    assert _fingerprints(before) == _fingerprints(after)


def test_fingerprints_tell_findings_apart() -> None:
    base = make_finding()
    variants = [
        base,
        make_finding(code="K202"),
        make_finding(path="okrs/other.md"),
        make_finding(statement="Improve retention"),
    ]
    prints = [r["partialFingerprints"]["okrlintStatementHash/v1"] for r in _results(report_of(variants))]
    assert len(set(prints)) == len(variants)
    # Two findings of one rule on one statement (two vague words) still get two identities.
    twice = _results(report_of([base, make_finding(start=(1, 5), end=(1, 9))]))
    assert len({r["partialFingerprints"]["okrlintStatementHash/v1"] for r in twice}) == 2


def test_fingerprint_ignores_case_and_spacing_of_the_statement() -> None:
    a = sarif.fingerprint(make_finding(statement="Improve  Onboarding"))
    b = sarif.fingerprint(make_finding(statement="improve onboarding"))
    assert a == b


def test_edit_regions_on_the_first_line_use_columns_else_offsets() -> None:
    # The finding covers "Improve" (offsets 107..114) on line 3, which starts at offset 100 and has 25 characters.
    finding = make_finding(start=(3, 8), end=(3, 15), line_text="- KR1: Improve onboarding").model_copy(
        update={"span": Span(start=107, end=114)}
    )
    inside = Suggestion(text="Raise", applicability=Applicability.SAFE, edit=Span(start=107, end=125))
    beyond = Suggestion(text="x", applicability=Applicability.UNSAFE, edit=Span(start=140, end=150))
    shown = Suggestion(text="Raise <metric>", edit=Span(start=107, end=114))
    (result,) = _results(report_of([finding.model_copy(update={"suggestions": (inside, beyond, shown)})]))
    regions = [f["artifactChanges"][0]["replacements"][0]["deletedRegion"] for f in result["fixes"]]
    assert regions == [
        {"startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 26},
        {"charOffset": 140, "charLength": 10},
    ]
    assert result["message"]["text"].endswith("Suggested rewrite: Raise <metric>")


def test_rule_outside_the_registry_is_described_from_the_finding(
    validator: jsonschema.protocols.Validator,
) -> None:
    finding = make_finding(code="X999", name="plugin-rule", message="Plugin says no.")
    log = _log(report_of([finding]))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert (rule["id"], rule["name"], rule["shortDescription"]["text"]) == (
        "X999",
        "plugin-rule",
        "Plugin says no.",
    )
    assert validator.is_valid(log)
