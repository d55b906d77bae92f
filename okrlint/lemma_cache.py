"""spaCy's lemmatizer with a cache that covers every token.

spaCy's rule lemmatizer caches its answer per (word, POS, morphology), but returns before caching for base forms
(most words of an OKR: singular nouns, infinitives, positive adjectives), so it recomputes those every time,
decoding the morphology into a dict for each. A lemma is a function of that key alone for spaCy's own rule and
lookup lemmatizers, so this component answers from one table and writes all of a Doc's lemmas in one array call.
Any other lemmatizer class or mode keeps spaCy's component (:func:`use_cached_lemmas` returns False).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

COMPONENT_NAME = "okrlint_cached_lemmas"

# Distinct (word, POS, morphology) keys remembered; past this the table starts afresh.
CACHE_SIZE = 100_000

_PURE_LEMMATIZERS = (Lemmatizer, EnglishLemmatizer)
_PURE_MODES = ("rule", "lookup")


class CachedLemmas:
    """Sets each token's lemma as the wrapped spaCy lemmatizer would, asking it once per distinct key."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.inner: Lemmatizer | None = None
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def wrap(self, inner: Lemmatizer) -> None:
        self.inner = inner

    @property
    def lookups(self):
        """The wrapped lemmatizer's tables (okrlint reads its word index from them)."""
        return self.inner.lookups if self.inner is not None else None

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if inner is None or not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = self.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not inner.overwrite:
                continue  # set earlier in the pipeline (the attribute ruler's exceptions): kept, as spaCy does
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = strings.add(inner.lemmatize(doc[i])[0])
                if len(self._lemmas) >= CACHE_SIZE:
                    self._lemmas.clear()
                self._lemmas[key] = found
            if found != lemma:
                lemmas[i] = found
                changed = True
        if changed:
            doc.from_array([LEMMA], numpy.asarray(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


@Language.factory(COMPONENT_NAME)
def _make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    return CachedLemmas(nlp.vocab)


def use_cached_lemmas(nlp: Language) -> bool:
    """Swap the pipeline's ``lemmatizer`` for the cached one when spaCy's lemmas are a function of the key."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    inner = nlp.get_pipe("lemmatizer")
    if type(inner) not in _PURE_LEMMATIZERS or inner.mode not in _PURE_MODES:
        return False
    inner._validate_tables()  # what spaCy's component checks on its first call, checked once here
    component = nlp.replace_pipe("lemmatizer", COMPONENT_NAME)
    component.wrap(inner)
    return True
