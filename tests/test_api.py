"""The public API: pydantic results, severity/category equal to their strings, and the acceptance examples."""

from __future__ import annotations

import okrlint
from okrlint.api import Linter
from okrlint.models import Category, Severity


def test_launch_the_new_website_is_an_output() -> None:
    findings = okrlint.lint_statement("Launch the new website", kind="key_result")
    assert any(f.category == "output_not_outcome" for f in findings)
    assert findings[0].category == Category.OUTPUT_NOT_OUTCOME


def test_outcome_key_result_gets_no_warning() -> None:
    findings = okrlint.lint_statement(
        "Increase organic search traffic to our website by 20%", kind="key_result"
    )
    assert not [f for f in findings if f.severity in ("warning", "error")]


def test_severity_compares_to_strings() -> None:
    assert Severity.WARNING == "warning"
    assert Severity.ERROR.at_least("warning") and not Severity.INFO.at_least("warning")


def test_lint_text_reports_positions_in_the_file(linter: Linter) -> None:
    text = "# Make our company go viral\n\n- Make videos for youtube\n- Improve SEO\n- Get 10,000 new followers on Instagram\n"
    report = linter.lint_text(text, format="markdown", path="okrs.md")
    output = [f for f in report.findings if f.code == "K203"]
    assert output and (output[0].start.line, output[0].start.column) == (3, 3)
    assert text[output[0].span.start : output[0].span.end] == "Make videos for youtube"
    assert report.tool.model and report.summary.findings >= 2


def test_malformed_text_becomes_an_error_not_an_exception(linter: Linter) -> None:
    report = linter.lint_text("objectives: [", format="yaml", path="x.yaml")
    assert report.errors and report.errors[0].path == "x.yaml"


def test_key_result_with_objective_context(linter: Linter) -> None:
    findings = linter.lint_statement(
        "Increase the number of qualified leads from 1500 to 2000",
        objective="Increase the number of high quality leads",
    )
    assert [f.code for f in findings] == ["K211"]


def test_linter_is_reusable_and_caches(linter: Linter) -> None:
    first = linter.lint_statement("Improve SEO")
    second = linter.lint_statement("Improve SEO")
    assert first == second


def test_non_english_text_gets_no_english_findings(linter: Linter) -> None:
    assert linter.lint_statement("Umsatz im Q3 um 20% steigern", kind="objective") == []
    assert linter.lint_statement("提高客户满意度", kind="objective") == []


def test_over_long_statement_is_an_error_not_silence(linter: Linter) -> None:
    import pytest

    with pytest.raises(ValueError, match="characters long"):
        linter.lint_statement("Improve " + "very " * 2100 + "much")
