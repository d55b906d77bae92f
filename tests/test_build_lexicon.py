"""tools/build_lexicon.py: which words join a WordNet-derived class (no WordNet needed for these tests)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "tools"))

from build_lexicon import _mostly_under


@dataclass(frozen=True)
class _Lemma:
    word: str
    uses: int

    def name(self) -> str:
        return self.word

    def count(self) -> int:
        return self.uses


@dataclass(frozen=True)
class _Sense:
    key: str
    lemmas_: tuple[_Lemma, ...] = field(default=())

    def lemmas(self) -> tuple[_Lemma, ...]:
        return self.lemmas_


def _senses(word: str, *uses: int) -> list[_Sense]:
    return [_Sense(f"{word}.{i}", (_Lemma(word, n),)) for i, n in enumerate(uses)]


def test_a_verb_joins_when_most_of_its_tagged_uses_mean_the_class() -> None:
    senses = _senses("provide", 270, 30, 11)
    assert _mostly_under("provide", senses, {senses[0]})


def test_a_verb_listed_first_under_the_class_but_mostly_used_otherwise_stays_out() -> None:
    senses = _senses("yield", 6, 10, 7)  # first sense under the roots, most uses elsewhere
    assert not _mostly_under("yield", senses, {senses[0]})


def test_half_is_not_a_majority_and_an_unattested_verb_stays_out() -> None:
    senses = _senses("wire", 3, 3)
    assert not _mostly_under("wire", senses, {senses[0]})
    unseen = _senses("elute", 0)
    assert not _mostly_under("elute", unseen, {unseen[0]})
