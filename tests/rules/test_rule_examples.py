"""Every rule's own examples run as tests: bad ones are flagged by that rule on the exact span they name,
good ones are not, and any rewrite given for a bad example lints clean (no warning or error from any rule).
Meta (X) rules judge suppression comments, so their examples are whole file texts, linted as files."""

from __future__ import annotations

from typing import Any

import pytest

from okrlint.api import Linter
from okrlint.config import Config
from okrlint.models import Finding, Severity
from okrlint.registry import Rule, all_rules
from okrlint.rulespec import BadExample, Scope

_LINTERS: dict[str, Linter] = {}


def _linter_for(rule: Rule, example: BadExample) -> Linter:
    """Default rules plus this rule (even when it is off by default), with the example's config."""
    settings: dict[str, Any] = dict(example.config)
    settings["extend-select"] = [rule.spec.code]
    key = repr(sorted(settings.items(), key=lambda kv: kv[0]))
    if key not in _LINTERS:
        _LINTERS[key] = Linter(Config.model_validate(settings))
    return _LINTERS[key]


def _lint(rule: Rule, example: BadExample) -> tuple[list[Finding], str]:
    """Findings for the example and the text their spans refer to."""
    linter = _linter_for(rule, example)
    if rule.spec.scope is Scope.META:
        # Meta rules judge a file's suppression comments: their examples are whole files.
        assert example.text is not None
        report = linter.lint_text(example.text, format=example.format)
        return list(report.findings), example.text
    if rule.spec.scope in (Scope.OKR, Scope.DOCUMENT) or example.key_results:
        report = linter.lint_okr(example.objective or "", example.key_results)
        source = "\n".join([(example.objective or "").strip(), *(k.strip() for k in example.key_results)])
        return list(report.findings), source
    kind = "objective" if rule.spec.scope is Scope.OBJECTIVE else "key_result"
    assert example.text is not None
    text = example.text.strip()
    return linter.lint_statement(text, kind=kind, objective=example.objective), text


def _cases(which: str) -> list[Any]:
    cases = []
    for rule in all_rules():
        for i, example in enumerate(getattr(rule.spec.examples, which)):
            cases.append(pytest.param(rule, example, id=f"{rule.spec.code}-{which}-{i}"))
    return cases


@pytest.mark.parametrize(("rule", "example"), _cases("bad"))
def test_bad_example_is_flagged_on_its_span(rule: Rule, example: BadExample) -> None:
    findings, source = _lint(rule, example)
    own = [f for f in findings if f.code == rule.spec.code]
    assert own, (
        f"{rule.spec.code} did not flag {example.text or example.objective!r}: {[f.code for f in findings]}"
    )
    if example.span is not None:
        spans = [source[f.span.start : f.span.end] for f in own]
        assert example.span in spans, f"expected span {example.span!r}, got {spans}"


@pytest.mark.parametrize(("rule", "example"), _cases("good"))
def test_good_example_is_not_flagged(rule: Rule, example: BadExample) -> None:
    findings, _ = _lint(rule, example)
    assert not [f for f in findings if f.code == rule.spec.code], [f.message for f in findings]


def _rewrites() -> list[Any]:
    return [
        pytest.param(rule, example, id=f"{rule.spec.code}-rewrite-{i}")
        for rule in all_rules()
        for i, example in enumerate(rule.spec.examples.bad)
        if example.rewrite
    ]


@pytest.mark.parametrize(("rule", "example"), _rewrites())
def test_rewrite_of_bad_example_lints_clean(rule: Rule, example: BadExample, linter: Linter) -> None:
    kind = "objective" if rule.spec.scope is Scope.OBJECTIVE else "key_result"
    assert example.rewrite is not None
    findings = linter.lint_statement(example.rewrite, kind=kind, objective=example.objective)
    loud = [f"{f.code} {f.message}" for f in findings if f.severity.at_least(Severity.WARNING)]
    assert not loud
