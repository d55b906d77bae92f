"""Lexicons (verb classes, noun classes, word lists) loaded from ``rules/lexicons/*.yaml``.

They are data so that an OKR coach can extend them without touching code; config ``vocabulary`` adds to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from pydantic import BaseModel, ConfigDict

from okrlint.resources import rules_dir
from okrlint.yamlio import load_yaml


class Lexicon(BaseModel):
    """Named word sets. Look-ups are by lower-case lemma or phrase."""

    model_config = ConfigDict(frozen=True)

    verbs: Mapping[str, frozenset[str]]
    nouns: Mapping[str, frozenset[str]]
    words: Mapping[str, frozenset[str]]

    def model_post_init(self, context: object, /) -> None:
        # Inverted indexes: the analysis asks for a word's classes thousands of times per file.
        object.__setattr__(self, "_verb_index", _invert(self.verbs))
        object.__setattr__(self, "_noun_index", _invert(self.nouns))

    def verb_classes(self, lemma: str) -> frozenset[str]:
        return self._verb_index.get(lemma, _EMPTY)  # type: ignore[attr-defined, no-any-return]

    def noun_classes(self, lemma: str) -> frozenset[str]:
        return self._noun_index.get(lemma, _EMPTY)  # type: ignore[attr-defined, no-any-return]

    def has_word(self, group: str, word: str) -> bool:
        return word in self.words.get(group, frozenset())

    def phrasal_verbs(self) -> frozenset[str]:
        return frozenset(v for entries in self.verbs.values() for v in entries if " " in v)

    def extended(self, additions: Mapping[str, Mapping[str, Iterable[str]]]) -> Lexicon:
        """A copy with extra entries, e.g. ``{"nouns": {"kpi_volume": ["arr"]}}`` from config."""
        groups = {"verbs": dict(self.verbs), "nouns": dict(self.nouns), "words": dict(self.words)}
        for section, named in additions.items():
            for name, entries in named.items():
                current = groups[section].get(name, frozenset())
                groups[section][name] = current | {e.lower() for e in entries}
        return Lexicon(**groups)


_EMPTY: frozenset[str] = frozenset()


def _invert(groups: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for name, entries in groups.items():
        for entry in entries:
            index.setdefault(entry, set()).add(name)
    return {word: frozenset(names) for word, names in index.items()}


def _load_groups(file_name: str) -> dict[str, frozenset[str]]:
    path = rules_dir() / "lexicons" / file_name
    raw = load_yaml(path.read_text(encoding="utf-8")) or {}
    return {name: frozenset(str(e).lower() for e in entries) for name, entries in raw.items()}


def _derived() -> dict[str, dict[str, frozenset[str]]]:
    """Classes generated from WordNet by tools/build_lexicon.py (``derived.yaml``), by section."""
    path = rules_dir() / "lexicons" / "derived.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8")) or {}
    return {
        section: {name: frozenset(str(e).lower() for e in entries) for name, entries in groups.items()}
        for section, groups in raw.items()
    }


@cache
def default_lexicon() -> Lexicon:
    derived = _derived()
    return Lexicon(
        verbs=_load_groups("verbs.yaml") | derived.get("verbs", {}),
        nouns=_load_groups("nouns.yaml") | derived.get("nouns", {}),
        words=_load_groups("words.yaml"),
    )
