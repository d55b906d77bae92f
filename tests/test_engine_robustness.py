"""A rule that fails on one statement is reported for that rule; every other rule still runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from okrlint.api import Linter
from okrlint.checks.base import CheckContext, Hit, Unit
from okrlint.registry import Rule


def _exploding(unit: Unit, ctx: CheckContext) -> Iterator[Hit]:
    raise ZeroDivisionError("boom")
    yield  # pragma: no cover - makes this a generator like real checks


def test_failing_rule_becomes_an_internal_error_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    linter = Linter()
    engine = linter.engine
    broken = next(r for r in engine.rules if r.code == "K208")
    patched = Rule(spec=broken.spec, check=_exploding, path=broken.path)
    monkeypatch.setattr(engine, "rules", tuple(patched if r.code == "K208" else r for r in engine.rules))
    scope_rules = engine._by_scope[broken.spec.scope]
    monkeypatch.setitem(
        engine._by_scope, broken.spec.scope, [patched if r.code == "K208" else r for r in scope_rules]
    )
    findings = linter.lint_statement("Launch the new website", suggest=False)
    codes = [f.code for f in findings]
    assert "K203" in codes  # the other rules still ran
    internal = [f for f in findings if f.code == "K208"]
    assert internal and internal[0].severity == "error" and "ZeroDivisionError: boom" in internal[0].message
