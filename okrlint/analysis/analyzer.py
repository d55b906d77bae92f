"""Analyzer: builds a StatementAnalysis from a parsed statement, computed once and read by every rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from okrlint.analysis.actor import subject_person
from okrlint.analysis.language import is_english
from okrlint.analysis.models import Quantity, StatementAnalysis, TextSpan
from okrlint.analysis.predicates import PredicateReader
from okrlint.analysis.quantities import change_shape, find_quantities
from okrlint.analysis.timebox import rate_period, timeboxed
from okrlint.lexicons import Lexicon

if TYPE_CHECKING:
    from okrlint.nlp import EnglishWords, ParsedStatement

_NEG_WORDS = frozenset({"not", "n't", "never", "no"})


class Analyzer:
    """Builds StatementAnalysis objects from parsed statements, with one lexicon."""

    def __init__(self, lexicon: Lexicon, english: EnglishWords | None = None) -> None:
        self.lexicon = lexicon
        self.english = english
        self.reader = PredicateReader(lexicon, english)

    def analyze(self, parsed: ParsedStatement) -> StatementAnalysis:
        text, shift = parsed.text, parsed.frame_shift
        lex = self.lexicon
        quantities, times = find_quantities(text, lex)
        syntax = self.reader.read(parsed, quantities)
        words = syntax.words
        if not words:
            return _empty_analysis(text, quantities, times)
        change, baseline, target = change_shape(text, quantities)
        lowered = tuple(w.lower for w in words)
        known = self.english.all if self.english is not None else frozenset()
        return StatementAnalysis(
            text=text,
            english=is_english(text, words, lex, known),
            framed=bool(shift),
            imperative=bool(shift),
            subject=syntax.subject,
            subject_person=subject_person(syntax.subject_facts, bool(shift), frozenset(lowered), lex),
            predicates=syntax.predicates,
            root_pos=syntax.root_pos,
            quantities=tuple(quantities),
            time_expressions=tuple(times),
            change=change,
            baseline=baseline,
            target=target,
            rate_period=rate_period(words, lex),
            timeboxed=timeboxed(words, times),
            negated=any(w.dep == "neg" or w.lower in _NEG_WORDS for w in words),
            content_lemmas=frozenset(
                w.lemma
                for w in words
                if w.pos in {"NOUN", "PROPN", "VERB", "ADJ"}
                and not w.is_stop
                and not w.like_num
                and w.is_alpha
            ),
            lemmas=tuple(w.lemma for w in words),
            words=lowered,
            nouns=tuple(w.lemma for w in words if w.pos in {"NOUN", "PROPN"}),
            topic_words=syntax.topic_words,
            measured_clause=syntax.measured_clause,
            describes_present=syntax.describes_present,
        )


def _empty_analysis(text: str, quantities: list[Quantity], times: list[TextSpan]) -> StatementAnalysis:
    """A statement with no words (empty, or only punctuation): nothing for an English rule to judge."""
    return StatementAnalysis(
        text=text,
        english=False,
        framed=False,
        imperative=False,
        subject=None,
        subject_person="none",
        predicates=(),
        root_pos="",
        quantities=tuple(quantities),
        time_expressions=tuple(times),
        change="none",
        baseline=None,
        target=None,
        rate_period=None,
        timeboxed=bool(times),
        negated=False,
        content_lemmas=frozenset(),
        lemmas=(),
        words=(),
    )
