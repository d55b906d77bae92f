"""The worked-example corpus: valid, grounded in the guides, and consistent with the rules."""

from __future__ import annotations

import re

import pytest

from okrlint.api import Linter
from okrlint.corpus import CorpusExample, load_corpus
from okrlint.models import Finding, Severity
from okrlint.registry import all_rules
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"
CORPUS = load_corpus()


def _loud(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings if f.severity.at_least(Severity.WARNING)]


def test_corpus_has_at_least_forty_pairs_with_unique_ids() -> None:
    assert len(CORPUS) >= 40
    assert len({e.id for e in CORPUS}) == len(CORPUS)


def test_every_rule_named_in_the_corpus_exists_and_pairs_cover_the_main_rules() -> None:
    codes = {r.spec.code for r in all_rules()}
    named = {code for e in CORPUS for code in e.rules}
    assert named <= codes
    assert {"O101", "O103", "O104", "O107", "O109", "K201", "K202", "K203", "K204", "K206", "K211"} <= named


@pytest.mark.parametrize("example", CORPUS, ids=lambda e: e.id)
def test_good_rewrites_lint_clean(example: CorpusExample, linter: Linter) -> None:
    for good in example.good:
        findings = linter.lint_statement(
            good.text, kind=example.kind, objective=example.objective, suggest=False
        )
        assert not _loud(findings), (good.text, _loud(findings))


@pytest.mark.parametrize("example", CORPUS, ids=lambda e: e.id)
def test_bad_statements_are_flagged(example: CorpusExample, linter: Linter) -> None:
    findings = linter.lint_statement(
        example.bad.text, kind=example.kind, objective=example.objective, suggest=False
    )
    assert _loud(findings), example.bad.text


def _normalise(text: str) -> str:
    # Markdown escapes ("\\$100"), bold, and the guide's bracketed asides ("[a specific type of a meeting]")
    text = text.replace("\u00a0", " ").replace("“", '"').replace("”", '"').replace("\\", "")
    text = re.sub(r"\s\[[^\]]*\]", "", text)
    return re.sub(r"\s+", " ", re.sub(r"[*_\[\]#]", "", text)).lower().strip()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed guides are not beside this checkout")
@pytest.mark.parametrize("example", CORPUS, ids=lambda e: e.id)
def test_each_statement_is_on_its_cited_line(example: CorpusExample) -> None:
    for statement in (example.bad, *example.good):
        if not statement.verbatim:
            continue
        lines = (SEEDS / statement.source.file).read_text(encoding="utf-8").splitlines()
        line = _normalise(lines[statement.source.line - 1])
        assert _normalise(statement.text) in line, f"{statement.source.file}:{statement.source.line}"
