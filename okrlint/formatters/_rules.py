"""Rule metadata for the formatters that describe rules (SARIF, HTML), looked up by code."""

from __future__ import annotations

from functools import cache

from okrlint.rulespec import RuleSpec


@cache
def rule_specs() -> dict[str, RuleSpec]:
    # Imported here: the registry loads every rule file, which the concise formats never need.
    from okrlint.registry import all_rules

    return {rule.spec.code: rule.spec for rule in all_rules()}


def rule_spec(code: str) -> RuleSpec | None:
    """The shipped rule with this code, or None for a code the registry does not know (e.g. a plugin's)."""
    return rule_specs().get(code)
