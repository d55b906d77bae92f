"""Who acts in a statement: the team itself, one person, or someone else (customers, a metric)."""

from __future__ import annotations

from typing import Literal

from okrlint.analysis.classes import NounClass
from okrlint.analysis.predicates import SubjectFacts
from okrlint.lexicons import Lexicon

Person = Literal["first_singular", "first_plural", "team", "named", "other", "none"]
_TEAM_WORDS = frozenset({"team", "member", "staff", "squad", "crew", "department", "we", "us"})


def subject_person(
    facts: SubjectFacts | None, imperative: bool, words: frozenset[str], lex: Lexicon
) -> Person:
    first_singular_words = lex.words.get("first_person_singular", frozenset())
    person: Person = "none"
    if imperative:
        person = "first_plural"  # an imperative KR is the team's own action
    elif facts is not None:
        person = _person(facts, lex)
    if words & first_singular_words and person in {"first_plural", "none", "other"}:
        person = "first_singular"
    return person


def _person(facts: SubjectFacts, lex: Lexicon) -> Person:
    if facts.population_without_noun:
        return "other"
    lemma = facts.lemma
    if facts.words & lex.words.get("first_person_singular", frozenset()) and lemma not in _TEAM_WORDS:
        return "first_singular"
    if lemma in {"we", "us"}:
        return "first_plural"
    if lemma in _TEAM_WORDS:
        return "team"
    classes = lex.noun_classes(lemma)
    if facts.each_or_every and NounClass.PERSON in classes and NounClass.KPI_VOLUME not in classes:
        return "team"  # "Each engineer completes 20 code reviews a week": the team's members, one by one
    if facts.bare_name and not classes:
        return "named"
    return "other"
