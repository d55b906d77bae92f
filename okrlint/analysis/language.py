"""Whether a statement is English enough for the rules to judge it."""

from __future__ import annotations

from collections.abc import Sequence

from okrlint.analysis.predicates import Word
from okrlint.lexicons import Lexicon


def is_english(text: str, words: Sequence[Word], lex: Lexicon, known_words: frozenset[str]) -> bool:
    """Most words are English (the model's lemma index, stop words, our lexicons): the rules apply."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(1 for c in letters if c.isascii()) / len(letters) < 0.8:
        return False
    alpha = [w for w in words if w.is_alpha]
    if not alpha:
        return False
    known = sum(
        1
        for w in alpha
        if w.lower in known_words
        or w.lemma in known_words
        or lex.verb_classes(w.lemma)
        or lex.noun_classes(w.lemma)
        or lex.has_word("english_marker", w.lower)
    )
    return known >= 1 and known / len(alpha) >= 0.5
