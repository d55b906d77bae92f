"""The worked-example corpus (``corpus/examples.yaml``): bad statements with the guides' good rewrites."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pydantic import Field

from okrlint.models import Citation, Frozen, StatementKind
from okrlint.resources import corpus_dir
from okrlint.yamlio import load_yaml

_WORD = re.compile(r"[a-z0-9%$€£]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "on",
        "in",
        "our",
        "we",
        "by",
        "from",
        "with",
        "and",
        "or",
        "at",
        "per",
        "its",
        "their",
        "your",
        "my",
        "is",
        "are",
        "be",
        "this",
        "that",
    ]
)

# Rewrites and statements whose nearest worked example is remembered.
NEAREST_CACHE_SIZE = 4_096


class CorpusStatement(Frozen):
    text: str
    source: Citation
    # False when the guide gives the statement in parts (e.g. who / does what / by how much on three lines)
    verbatim: bool = True


class CorpusExample(Frozen):
    id: str
    rules: tuple[str, ...] = Field(min_length=1)
    kind: StatementKind
    objective: str | None = None
    bad: CorpusStatement
    good: tuple[CorpusStatement, ...] = Field(min_length=1)
    note: str | None = None


@cache
def load_corpus() -> tuple[CorpusExample, ...]:
    raw = load_yaml((corpus_dir() / "examples.yaml").read_text(encoding="utf-8")) or []
    return tuple(CorpusExample.model_validate(item) for item in raw)


@lru_cache(maxsize=4096)  # the guides' statements are compared with every rewrite offered
def words(text: str) -> frozenset[str]:
    """Content words with a light plural fold: enough to rank examples by likeness."""
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP:
            continue
        out.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return frozenset(out)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@cache
def _indexed() -> tuple[
    tuple[CorpusExample, frozenset[str], tuple[tuple[CorpusStatement, frozenset[str]], ...]], ...
]:
    """Each example with the word sets of its statements, computed once."""
    return tuple(
        (example, words(example.bad.text), tuple((good, words(good.text)) for good in example.good))
        for example in load_corpus()
    )


@lru_cache(maxsize=NEAREST_CACHE_SIZE)  # bounded: on a long stream of unique statements it held every one
def nearest_good(
    text: str, kind: StatementKind, rule: str | None = None
) -> tuple[CorpusStatement, float] | None:
    """The corpus rewrite closest to ``text`` (its bad statement or the rewrite itself), preferring ``rule``."""
    query = words(text)
    best: tuple[CorpusStatement, float] | None = None
    for example, bad_words, goods in _indexed():
        if example.kind is not kind:
            continue
        bonus = 0.05 if rule and rule in example.rules else 0.0
        bad_likeness = similarity(query, bad_words)
        for good, good_words in goods:
            score = max(bad_likeness, similarity(query, good_words)) + bonus
            if best is None or score > best[1]:
                best = (good, score)
    return best
