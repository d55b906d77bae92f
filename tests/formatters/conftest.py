"""Formatter test options and fixtures.

``pytest tests/formatters --update-golden`` rewrites tests/golden/ and docs/okrlint-report.schema.json. pytest only
reads options from conftest files of the folders named on the command line, so a bare ``pytest --update-golden``
is refused; ``OKRLINT_UPDATE_GOLDEN=1 pytest`` works from anywhere.
"""

from __future__ import annotations

import os

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
    flag = bool(request.config.getoption("--update-golden", default=False))
    return flag or os.environ.get("OKRLINT_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def fixed_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The formatters read rule metadata from the sample table, so rewording a shipped rule keeps goldens."""
    monkeypatch.setattr(_rules, "rule_specs", lambda: RULES)
