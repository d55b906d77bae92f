"""A faster stand-in for spaCy's ``attribute_ruler``, giving exactly its results.

In ``en_core_web_sm`` the attribute ruler maps fine-grained tags to POS, morphology and a few lemmas with 179
single- and two-token patterns run through spaCy's general ``Matcher``. Profiled on OKR statements, that matcher
is about a third of the whole parse: more than the tagger and parser networks together. Every pattern in the
model is a conjunction of equality, ``IN``, ``NOT_IN`` and ``REGEX`` tests on ``TAG``, ``LOWER``, ``DEP`` and
``IS_SPACE``, so each can be found by looking tokens up in a table keyed by their first token's tag or lower
form, instead of stepping every token through every pattern.

Semantics kept from spaCy's component: all patterns are matched against the tokens as the parser left them, then
applied in the order the patterns were added, so a later pattern overrides an earlier one on the same attribute.
A pipeline whose ruler uses anything else (operators, other attributes, wildcards) keeps spaCy's own component:
:func:`compile_rules` returns ``None`` for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

COMPONENT_NAME = "okrlint_attribute_rules"

# Token attributes the compiled tests read, in the column order of ``Doc.to_array``.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

# Distinct (tag, lower form, label, is-space) rows remembered; past this the table starts afresh.
_ROW_CACHE_SIZE = 50_000

Test = Callable[[tuple[int, int, int, int], "Vocab"], bool]


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int  # position in the ruler: later rules win
    tokens: tuple[tuple[Test, ...], ...]
    target: int  # which token of the match gets the attributes (may be negative, as in spaCy)
    attrs: dict[Any, Any]


def _hash(vocab: Vocab, value: str) -> int:
    return vocab.strings[value] if value else 0  # spaCy stores a missing label as 0, the hash of ""


def _test(vocab: Vocab, attr: str, value: Any) -> Test | None:
    """One compiled token test, or None when it uses something this module does not reproduce."""
    column = _COLUMNS.get(attr)
    if column is None:
        return None
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            return None
        wanted = int(value)
        return lambda row, _vocab: row[column] == wanted
    if isinstance(value, str):
        h = _hash(vocab, value)
        return lambda row, _vocab: row[column] == h
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            hashes = frozenset(_hash(vocab, a) for a in arg)
            if op == "IN":
                return lambda row, _vocab: row[column] in hashes
            return lambda row, _vocab: row[column] not in hashes
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda row, vocab_: (
                pattern.search(vocab_.strings[row[column]] if row[column] else "") is not None
            )
    return None


def _index_keys(vocab: Vocab, spec: dict[str, Any]) -> tuple[str, list[int]] | None:
    """How a rule is filed: by the tag or lower form its first token must have (None: checked on every token)."""
    for attr in ("TAG", "LOWER"):
        value = spec.get(attr)
        if isinstance(value, str):
            return attr, [_hash(vocab, value)]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return attr, [_hash(vocab, v) for v in value["IN"]]
    return None


_RuleIndex = tuple[dict[int, list[_Rule]], dict[int, list[_Rule]], list[_Rule]]


def _candidates(index: _RuleIndex, row: tuple[int, ...]) -> tuple[_Rule, ...]:
    by_tag, by_lower, everywhere = index
    return (*by_tag.get(row[0], ()), *by_lower.get(row[1], ()), *everywhere)


# A row's verdict: orders of the one-token rules it matches; longer rules whose first token it matches.
_RowVerdict = tuple[tuple[int, ...], tuple[_Rule, ...]]


class AttributeRules:
    """The compiled rules, run as a pipeline component in place of ``attribute_ruler``."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        # One-token rules (their verdict depends on the token's row alone) and longer ones, each filed by the
        # tag or lower form their first token must have, or under None when any token may start them.
        self._single: _RuleIndex = ({}, {}, [])
        self._multi: _RuleIndex = ({}, {}, [])
        self._attrs: dict[int, dict[Any, Any]] = {}
        # Row -> its verdict, and orders -> merged attributes. Rows repeat a lot (a word with its tag and
        # label), so most tokens cost one look-up.
        self._verdicts: dict[tuple[int, ...], _RowVerdict] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def load(self, rules: list[tuple[_Rule, tuple[str, list[int]] | None]]) -> None:
        for rule, keys in rules:
            self._attrs[rule.order] = rule.attrs
            by_tag, by_lower, everywhere = self._single if len(rule.tokens) == 1 else self._multi
            if keys is None:
                everywhere.append(rule)
                continue
            table = by_tag if keys[0] == "TAG" else by_lower
            for key in dict.fromkeys(keys[1]):
                table.setdefault(key, []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        rows = [tuple(row) for row in doc.to_array(_ARRAY_ATTRS).tolist()]
        verdicts = [self._row_verdict(row) for row in rows]
        extra = self._multi_token_hits(rows, verdicts)
        for i, (orders, _starts) in enumerate(verdicts):
            if i in extra:
                orders = tuple(sorted({*orders, *extra[i]}))
            if orders:
                set_token_attrs(doc[i], self._merged_attrs(orders))
        return doc

    def _row_verdict(self, row: tuple[int, ...]) -> _RowVerdict:
        """The one-token rules a token matches, and the longer rules its row may start (first token tested)."""
        verdict = self._verdicts.get(row)
        if verdict is None:
            vocab = self.vocab
            orders = tuple(
                sorted(
                    {
                        r.order
                        for r in _candidates(self._single, row)
                        if all(test(row, vocab) for test in r.tokens[0])
                    }
                )
            )
            starts = tuple(
                r for r in _candidates(self._multi, row) if all(test(row, vocab) for test in r.tokens[0])
            )
            if len(self._verdicts) >= _ROW_CACHE_SIZE:
                self._verdicts.clear()
            verdict = self._verdicts[row] = (orders, starts)
        return verdict

    def _multi_token_hits(
        self, rows: list[tuple[int, ...]], verdicts: list[_RowVerdict]
    ) -> dict[int, list[int]]:
        vocab = self.vocab
        hits: dict[int, list[int]] = {}
        for start, (_orders, starts) in enumerate(verdicts):
            for rule in starts:
                end = start + len(rule.tokens)
                if end <= len(rows) and all(
                    test(rows[start + k], vocab)
                    for k in range(1, len(rule.tokens))
                    for test in rule.tokens[k]
                ):
                    target = start + rule.target if rule.target >= 0 else end + rule.target
                    hits.setdefault(target, []).append(rule.order)
        return hits

    def _merged_attrs(self, orders: tuple[int, ...]) -> dict[Any, Any]:
        merged = self._merged.get(orders)
        if merged is None:
            merged = {}
            for order in orders:  # ascending: a later rule overrides an earlier one, as in spaCy
                merged.update(self._attrs[order])
            self._merged[orders] = merged
        return merged


def compile_rules(ruler: AttributeRuler) -> list[tuple[_Rule, tuple[str, list[int]] | None]] | None:
    """The ruler's patterns as compiled rules, or None when one of them cannot be reproduced exactly."""
    vocab = ruler.vocab
    compiled: list[tuple[_Rule, tuple[str, list[int]] | None]] = []
    for order, entry in enumerate(ruler.patterns):
        index = int(entry.get("index", 0))
        attrs = ruler.attrs[order]
        for pattern in entry["patterns"]:
            if not pattern or not all(isinstance(spec, dict) for spec in pattern):
                return None
            if not -len(pattern) <= index < len(pattern):
                return None  # spaCy raises on such a match; keep its component and its error
            tokens: list[tuple[Test, ...]] = []
            for spec in pattern:
                tests = [_test(vocab, attr, value) for attr, value in spec.items()]
                if not spec or any(t is None for t in tests):
                    return None
                tokens.append(tuple(t for t in tests if t is not None))
            compiled.append((_Rule(order, tuple(tokens), index, attrs), _index_keys(vocab, pattern[0])))
    return compiled


@Language.factory(COMPONENT_NAME)
def _make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules(nlp.vocab)


def use_compiled_rules(nlp: Language) -> bool:
    """Swap the pipeline's ``attribute_ruler`` for the compiled rules when they reproduce it exactly."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    rules = compile_rules(nlp.get_pipe("attribute_ruler"))
    if rules is None:
        return False
    component = nlp.replace_pipe("attribute_ruler", COMPONENT_NAME)
    component.load(rules)
    return True
