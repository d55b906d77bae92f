"""Time in a statement: a rate period ("per week", "monthly") and whether a deadline boxes it."""

from __future__ import annotations

from collections.abc import Sequence

from okrlint.analysis.models import TextSpan
from okrlint.analysis.predicates import Word
from okrlint.lexicons import Lexicon

_RATE_MARKERS = frozenset({"per", "each", "every", "a", "an"})
_TIMEBOX_PREPS = frozenset({"in", "by", "within", "before", "until", "till", "during", "this", "next", "end"})
_ADVERB_RATES = frozenset({"daily", "weekly", "monthly", "quarterly", "yearly", "annually"})


def rate_period(words: Sequence[Word], lex: Lexicon) -> str | None:
    period = None
    for i, w in enumerate(words):
        if w.lower in _RATE_MARKERS and i + 1 < len(words):
            nxt = words[i + 1].lemma
            if lex.has_word("period", nxt) and (w.lower != "a" or (i > 0 and words[i - 1].pos == "NOUN")):
                period = nxt
        elif w.lower in _ADVERB_RATES and w.dep in {"advmod", "npadvmod"}:
            # "monthly active users" names a metric; "send the report monthly" sets a rate
            period = w.lower
    return period


def timeboxed(words: Sequence[Word], times: Sequence[TextSpan]) -> bool:
    lowered = [w.lower for w in words]
    return bool(times) or any(
        low in {"quarter", "year", "month", "week"} and i > 0 and lowered[i - 1] in _TIMEBOX_PREPS | {"the"}
        for i, low in enumerate(lowered)
    )
