"""The compiled attribute rules, the cached lemmatizer and the matrix products on numpy's BLAS annotate exactly as
spaCy's own components do."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from okrlint.attribute_rules import AttributeRules, compile_rules, use_compiled_rules
from okrlint.lemma_cache import CachedLemmas, use_cached_lemmas
from okrlint.nlp import _resolve_model, load_pipeline

from .conftest import REPO, SHARED

# Words that trigger the ruler's special cases: contractions, colloquial pairs, pronouns by case, "there is".
_TRICKY = [
    "I",
    "ai",
    "n't",
    "gon",
    "na",
    "got",
    "ta",
    "let",
    "'s",
    "c'm",
    "on",
    "y'",
    "all",
    "y",
    "all",
    "there",
    "is",
    "are",
    "was",
    "it",
    "you",
    "me",
    "him",
    "but",
    "and",
    "do",
    "does",
    "did",
    "have",
    "has",
    "had",
    "to",
    "be",
    "being",
    "been",
    "'d",
    "'s",
    "'re",
    "the",
    "a",
    "that",
    "which",
    "whose",
    "what",
    "Launch",
    "launch",
    "Publish",
    "increase",
    "reduce",
    "users'",
    "customers",
    "NPS",
    "20%",
    "$5k",
    "Q3",
    "2024",
    "per",
    "week",
    ",",
    ".",
    ";",
    ":",
    "(",
    ")",
    "-",
    "–",
    '"',
    "'",
    "!",
    "?",
    "\n",
    "\t",
]


def _signature(doc: Doc) -> list[tuple[str, str, str, str, str, str, int]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(_resolve_model(None), exclude=["ner"])


@pytest.fixture(scope="module")
def stock_on_numpy() -> Language:
    from okrlint.blas import use_numpy_blas

    nlp = spacy.load(_resolve_model(None), exclude=["ner"])
    use_numpy_blas(nlp)  # as load_pipeline does (where numpy has no BLAS, both stay on BLIS)
    return nlp


@pytest.fixture(scope="module")
def ours() -> Language:
    return load_pipeline(None)


_SPECIAL_CASES = [
    "I ain't gonna do it, y'all",
    "Let's go!  There is a cat.\n\nIt is there",
    "C'mon, we gotta ship it to you and me",
    "But I saw you, and you gave it to him",
    "He does it. Did he? Have they had it?",
    "There are 5 of them\t and there were more",
    " leading and trailing whitespace ",
]


def _texts() -> Iterator[str]:
    yield from _SPECIAL_CASES
    for line in (SHARED / "eval" / "seed_labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)["text"]
    for path in sorted((SHARED / "seeds").iterdir()):
        yield from (line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    for name in ("dev_labels.jsonl", "dev2_labels.jsonl"):  # the held-out labels stay out of every test
        path = REPO / "benchmarks" / "data" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]


def test_the_loaded_pipeline_uses_both_components(ours: Language) -> None:
    assert isinstance(ours.get_pipe("attribute_ruler"), AttributeRules)
    assert isinstance(ours.get_pipe("lemmatizer"), CachedLemmas)
    assert ours.get_pipe("lemmatizer").lookups.has_table("lemma_index")


def test_same_annotations_as_spacy_on_every_guide_line_and_label(stock: Language, ours: Language) -> None:
    texts = list(dict.fromkeys(_texts()))
    assert len(texts) > 2000
    different = [
        a.text
        for a, b in zip(stock.pipe(texts), ours.pipe(texts), strict=True)
        if _signature(a) != _signature(b)
    ]
    assert different == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY), min_size=1, max_size=14), st.sampled_from([" ", "  ", ""]))
def test_same_annotations_as_spacys_components_on_generated_word_salad(
    stock_on_numpy: Language, ours: Language, words: list[str], glue: str
) -> None:
    # The attribute rules and lemmas against spaCy's own components, both pipelines multiplying on numpy's BLAS:
    # on word salad the parser meets near ties, which BLIS and numpy's BLAS, summing in different orders, may
    # break differently ("c'm which I that I 20% I which I": '%' npadvmod or appos). Statements are compared
    # across the two BLAS above.
    text = glue.join(words) if glue else " ".join(words).replace(" '", "'")
    assert _signature(ours(text)) == _signature(stock_on_numpy(text))


def test_a_ruler_pattern_it_cannot_reproduce_keeps_spacys_component() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert compile_rules(ruler) is None
    assert use_compiled_rules(nlp) is False
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_rules_apply_in_the_order_they_were_added() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "launch"}]], {"POS": "NOUN", "LEMMA": "first"})
    ruler.add([[{"LOWER": "launch"}, {"LOWER": "it"}]], {"POS": "VERB"})  # later: overrides POS only
    assert use_compiled_rules(nlp)
    doc = nlp("launch it now launch")
    assert [(t.pos_, t.lemma_) for t in doc] == [("VERB", "first"), ("", ""), ("", ""), ("NOUN", "first")]


def test_a_lemmatizer_of_another_kind_keeps_spacys_component() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.get_pipe("lemmatizer").lookups.add_table("lemma_lookup", {"launches": "launch"})
    assert use_cached_lemmas(nlp)  # spaCy's own lookup mode: a function of the word
    assert nlp("launches")[0].lemma_ == "launch"

    class Custom(type(nlp.get_pipe("lemmatizer").inner)):  # a subclass may read anything from the token
        pass

    other = spacy.blank("en")
    other.add_pipe("lemmatizer", config={"mode": "lookup"})
    other.get_pipe("lemmatizer").__class__ = Custom
    assert use_cached_lemmas(other) is False
