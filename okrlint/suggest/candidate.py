"""What a rewrite generator is given (``Context``) and what it proposes (``Candidate``)."""

from __future__ import annotations

from dataclasses import dataclass

from okrlint.analysis import StatementAnalysis
from okrlint.models import Finding, Span, StatementKind


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    description: str
    question: str | None = None
    key_result: str | None = None
    outcome_class: str | None = None
    # The coach's question: offered only when no rewrite before it lints clean
    last_resort: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a generator may use: the finding, the statement's analysis, its objective's text."""

    finding: Finding
    analysis: StatementAnalysis
    kind: StatementKind
    objective: str | None
    whole: Span  # a rewrite replaces the whole statement, not just the flagged words
    # The objective's own analysis, when a key result has one: what the key result's work is for
    objective_analysis: StatementAnalysis | None = None
