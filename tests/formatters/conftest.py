"""Formatter test options and fixtures: ``--update-golden`` rewrites tests/golden/ and the committed JSON schema."""

from __future__ import annotations

import pytest

from okrlint.formatters import _rules
from tests.formatters.sample import RULES

REAL_RULE_SPECS = _rules.rule_specs


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/* and docs/okrlint-report.schema.json from the current formatters.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden", default=False))


@pytest.fixture(autouse=True)
def fixed_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The formatters read rule metadata from the sample table, so rewording a shipped rule keeps goldens."""
    monkeypatch.setattr(_rules, "rule_specs", lambda: RULES)
