"""The types a check sees and returns."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from okrlint.analysis import StatementAnalysis
from okrlint.lexicons import Lexicon
from okrlint.models import Confidence, KeyResult, Objective, OkrDocument, Severity, Statement


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's verdict on one statement: a half-open span of that statement's text and message variables."""

    start: int
    end: int
    vars: Mapping[str, Any] = field(default_factory=dict)
    statement_id: str | None = None  # defaults to the unit's own statement
    severity: Severity | None = None  # a rule may grade its own finding (e.g. with or without a number)
    confidence: Confidence = Confidence.HIGH


@dataclass(frozen=True, slots=True)
class StatementUnit:
    statement: Statement
    analysis: StatementAnalysis
    key_result: KeyResult | None = None
    objective: Objective | None = None
    objective_analysis: StatementAnalysis | None = None
    key_result_analyses: tuple[StatementAnalysis, ...] = ()
    document: OkrDocument | None = None  # None when one statement is linted on its own


@dataclass(frozen=True, slots=True)
class OkrUnit:
    objective: Objective
    analysis: StatementAnalysis
    key_results: tuple[tuple[KeyResult, StatementAnalysis], ...]
    document: OkrDocument | None


@dataclass(frozen=True, slots=True)
class Digest:
    """What rules over the whole file read of a statement's analysis (``engine.DOCUMENT_RULE_FIELDS``): a very
    large file keeps this much of each statement once its own rules have run. Word sets are sorted tuples (a
    tuple of five words is 80 bytes, a frozenset 728); rules read them through ``frozenset`` or ``set``, which
    serves an analysis's frozensets as well. A rule reading any other field fails loudly (AttributeError)
    instead of reading a default."""

    subject_person: str
    lemmas: tuple[str, ...]
    content_and_numbers: tuple[str, ...]
    english: bool


@dataclass(frozen=True, slots=True)
class DocumentUnit:
    """A whole file. ``analyses`` holds every statement's analysis (or digest) by id, in document order: rules
    that only count or scan the analyses read them there rather than pass over the document again (a very
    large document's objectives are packed, and each pass over them decodes them)."""

    document: OkrDocument
    analyses: Mapping[str, StatementAnalysis | Digest]


@dataclass(frozen=True, slots=True)
class CheckContext:
    options: Mapping[str, Any]
    lexicon: Lexicon
    kpi_terms: frozenset[str] = frozenset()
    accepted_terms: frozenset[str] = frozenset()
    # Codes already raised per statement id by statement rules (set rules build on them, e.g. S303).
    fired: Mapping[str, frozenset[str]] = field(default_factory=dict)


Unit = StatementUnit | OkrUnit | DocumentUnit
HitIterator = Iterator[Hit]
