"""A rule's verdict does not depend on which other rules are selected."""

from __future__ import annotations

from okrlint.api import Linter
from okrlint.config import Config

OBJECTIVE = "Launch the new customer portal"
TASKS = ["Write the portal specification", "Build the login page", "Design the settings screen"]


def _codes(config: Config) -> list[str]:
    report = Linter(config).lint_okr(OBJECTIVE, TASKS)
    return sorted(f.code for f in report.findings)


def test_set_rule_selected_alone_still_sees_the_key_results_verdicts() -> None:
    assert "S303" in _codes(Config())
    assert _codes(Config.model_validate({"select": ["S303"]})) == ["S303"]


def test_ignoring_a_statement_rule_does_not_change_the_set_rule() -> None:
    codes = _codes(Config.model_validate({"ignore": ["K203", "K201", "K205"]}))
    assert "S303" in codes and not {"K203", "K201", "K205"} & set(codes)


def test_hidden_verdicts_never_supersede_a_selected_rule() -> None:
    # K201 (no number) gives way to K203 (output) only when K203 is reported too.
    alone = Linter(Config.model_validate({"select": ["K201", "S303"]}))
    both = Linter(Config.model_validate({"select": ["K201", "K203", "S303"]}))
    k201_alone = [f for f in alone.lint_okr(OBJECTIVE, TASKS).findings if f.code == "K201"]
    k201_both = [f for f in both.lint_okr(OBJECTIVE, TASKS).findings if f.code == "K201"]
    selected_only_k201 = Linter(Config.model_validate({"select": ["K201"]}))
    k201_reference = [f for f in selected_only_k201.lint_okr(OBJECTIVE, TASKS).findings if f.code == "K201"]
    assert len(k201_alone) == len(k201_reference)
    assert len(k201_both) <= len(k201_alone)
