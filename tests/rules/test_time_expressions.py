"""Dates are a timebox, not a target: a year after any period name is not a number in the objective."""

from __future__ import annotations

import pytest

from okrlint.api import Linter


@pytest.mark.parametrize(
    "period", ["Q1 2025", "Q2 2025", "Q3 2026", "Q4 2024", "H1 2025", "H2 2025", "FY 2025"]
)
def test_a_year_after_a_period_is_not_a_number(period: str, linter: Linter) -> None:
    findings = linter.lint_statement(f"Win the trust of enterprise customers in {period}", kind="objective")
    assert "O103" not in {f.code for f in findings}


def test_a_real_number_beside_the_period_is_still_flagged(linter: Linter) -> None:
    findings = linter.lint_statement("Win 50 new enterprise customers in Q2 2025", kind="objective")
    assert [f.statement.text[f.span.start : f.span.end] for f in findings if f.code == "O103"] == ["50"]
