"""Meta-tests on the rule files: shape, uniqueness, examples, and citations that really quote the guides."""

from __future__ import annotations

import pytest

from okrlint.registry import Rule, all_rules
from okrlint.rulespec import Scope
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.spec.code for r in rules}) == len(rules)
    assert len({r.spec.name for r in rules}) == len(rules)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.spec.code)
def test_rule_has_two_bad_and_two_good_examples(rule) -> None:
    examples = rule.spec.examples
    assert len(examples.bad) >= 2
    assert len(examples.good) >= 2


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.spec.code)
def test_code_letter_matches_scope(rule) -> None:
    letter = {
        Scope.OBJECTIVE: "O",
        Scope.KEY_RESULT: "K",
        Scope.OKR: "S",
        Scope.DOCUMENT: "S",
        Scope.META: "X",
    }[rule.spec.scope]
    assert rule.spec.code.startswith(letter)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed guides are not beside this checkout")
@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.spec.code)
def test_citations_quote_the_cited_line(rule) -> None:
    for citation in rule.spec.source:
        path = SEEDS / citation.file
        assert path.is_file(), citation.file
        lines = path.read_text(encoding="utf-8").splitlines()
        assert 1 <= citation.line <= len(lines), f"{citation.file}:{citation.line} is past the end"
        if citation.quote:
            # The guides contain non-breaking spaces; a quote is verbatim up to the kind of space.
            line = " ".join(lines[citation.line - 1].split())
            assert " ".join(citation.quote.split()) in line, (
                f"{citation.file}:{citation.line} {citation.quote!r}"
            )


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_message_template_compiles(rule: Rule) -> None:
    # The engine compiles a rule's message the first time the rule fires, so a broken template must fail here.
    from okrlint.engine import _TEMPLATES

    assert _TEMPLATES.from_string(rule.spec.message) is not None
