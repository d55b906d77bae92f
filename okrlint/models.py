"""Frozen pydantic value types shared by every layer: documents, statements, findings, reports.

Enums are ``StrEnum`` so that ``finding.severity == "warning"`` holds, which is what tool builders expect.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any

from pydantic import ConfigDict, Field, SerializerFunctionWrapHandler, field_serializer, model_validator

from okrlint.bibliography import guide_title
from okrlint.packed import FilteredView, PackedSequence
from okrlint.shared_fields import SharesFieldsSet


class Frozen(SharesFieldsSet):
    """Base for every value type: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity | str) -> bool:
        return self.rank >= Severity(other).rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(StrEnum):
    """The fixed defect categories; the evaluation labels map onto these."""

    OUTPUT_NOT_OUTCOME = "output_not_outcome"
    NO_NUMBER = "no_number"
    BINARY = "binary"
    ACTIVITY_COUNT = "activity_count"
    VAGUE = "vague"
    KPI_RESTATEMENT = "kpi_restatement"
    RESTATES_OBJECTIVE = "restates_objective"
    MISSING_BASELINE = "missing_baseline"
    COMPOUND = "compound"
    SOLUTION_IN_OBJECTIVE = "solution_in_objective"
    NUMBER_IN_OBJECTIVE = "number_in_objective"
    NOT_INSPIRING = "not_inspiring"
    NOT_TIMEBOXED = "not_timeboxed"
    NEGATIVE_FRAMING = "negative_framing"
    PERSONAL = "personal"
    KR_COUNT = "kr_count"
    OBJECTIVE_COUNT = "objective_count"
    MISSING_PARENT = "missing_parent"
    DUPLICATE = "duplicate"
    OTHER = "other"


class StatementKind(StrEnum):
    OBJECTIVE = "objective"
    KEY_RESULT = "key_result"


class Applicability(StrEnum):
    """How far a suggestion may be trusted (after ruff): only ``safe`` edits are ever applied."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


class Confidence(StrEnum):
    HIGH = "high"
    INFERENCE = "inference"


class Position(Frozen):
    """1-based line and 1-based code-point column."""

    line: int = Field(ge=1)
    column: int = Field(ge=1)


class Span(Frozen):
    """Half-open ``[start, end)`` range of code-point offsets into the original file text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Segment(Frozen):
    """``length`` characters of the cleaned text, from ``text_start``, are the file's from ``file_start``."""

    text_start: int = Field(ge=0)
    file_start: int = Field(ge=0)
    length: int = Field(ge=1)


class Statement(Frozen):
    """One objective or key-result sentence as the rules see it.

    ``text`` is the cleaned statement (markup, status, owner and progress tokens removed). Every character of
    ``text`` comes from the file: ``segments`` map text offsets to file offsets, so a finding on any part of the
    text lands on the exact characters the user wrote. ``span`` covers the whole statement in the file.
    """

    id: str
    kind: StatementKind
    text: str
    span: Span
    start: Position
    end: Position
    segments: tuple[Segment, ...] = ()
    approximate: bool = False

    def file_offset(self, text_offset: int) -> int:
        """Map an offset in ``text`` to an offset in the file (``len(text)`` maps to the end of the span)."""
        if text_offset >= len(self.text):
            return self.span.end
        for seg in self.segments:
            if seg.text_start <= text_offset < seg.text_start + seg.length:
                return seg.file_start + (text_offset - seg.text_start)
        return self.span.start

    def file_span(self, start: int, end: int) -> Span:
        """Map a half-open text range to the file range covering the same characters."""
        if self.approximate or not self.segments:
            return self.span
        if end <= start:
            offset = self.file_offset(start)
            return Span(start=offset, end=offset)
        return Span(start=self.file_offset(start), end=self.file_offset(end - 1) + 1)


class KeyResult(Frozen):
    statement: Statement
    id: str | None = None
    owner: str | None = None
    priority: str | None = None
    status: str | None = None
    progress: float | None = None
    confidence: float | None = None
    baseline: float | str | None = None
    target: float | str | None = None
    current: float | str | None = None
    unit: str | None = None
    due: str | None = None
    initiatives: tuple[str, ...] = ()
    dropped: bool = False
    extra: dict[str, Any] = Field(default_factory=dict)


class Objective(Frozen):
    statement: Statement
    id: str | None = None
    owner: str | None = None
    team: str | None = None
    period: str | None = None
    level: str | None = None
    type: str | None = None
    parent: tuple[str, ...] = ()
    key_results: tuple[KeyResult, ...] = ()
    extra: dict[str, Any] = Field(default_factory=dict)

    def statements(self) -> list[Statement]:
        """The objective's statement, then its live (not dropped) key results'."""
        return [self.statement, *(kr.statement for kr in self.key_results if not kr.dropped)]


class SkippedItem(Frozen):
    """Something the reader saw and chose not to read as an objective or key result, and why."""

    text: str  # its first words: a heading, a label, a row
    start: Position
    reason: str


class OkrDocument(Frozen):
    path: str
    format: str
    period: str | None = None
    team: str | None = None
    owner: str | None = None
    level: str | None = None
    parent: tuple[str, ...] = ()
    objectives: tuple[Objective, ...] = ()
    skipped: tuple[SkippedItem, ...] = ()

    def statements(self) -> list[Statement]:
        """Every statement in document order: each objective, then its key results."""
        return list(self.iter_statements())

    def iter_statements(self) -> Iterator[Statement]:
        """``statements()`` one at a time: a very large document's objectives are packed (``okrlint.packed``), and
        a pass over them holds one chunk of them, not every statement at once."""
        for objective in self.objectives:
            yield from objective.statements()

    def first_objective(self) -> Objective:
        """The first objective (a document that has one); read by iterating, so that a packed document keeps no
        decoded chunk for it."""
        return next(iter(self.objectives))

    def statement_count(self) -> int:
        """``len(statements())``, known without decoding a packed document's objectives."""
        packed = self.objectives
        if isinstance(packed, PackedSequence) and packed.tally is not None:
            return packed.tally  # the reader counted them as it packed them
        return sum(len(o.statements()) for o in packed)

    @field_serializer("objectives", mode="wrap")
    def _plain_objectives(self, value: Any, handler: SerializerFunctionWrapHandler):
        # Serialized as the tuple it stands for (JSON, model_dump) whether or not it is packed. No return
        # annotation: pydantic would take it for the field's serialized type (see the JSON schema).
        return handler(tuple(value) if isinstance(value, PackedSequence) else value)


class Citation(Frozen):
    """A passage of a source guide: the seed file name and its 1-based line, and the guide's title as users
    see it (filled from ``corpus/bibliography.yaml``)."""

    file: str
    line: int = Field(ge=1)
    quote: str | None = None
    title: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _titled(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("title") and isinstance(data.get("file"), str):
            title = guide_title(data["file"])
            if title:
                data = {**data, "title": title}
        return data


class Suggestion(Frozen):
    text: str
    applicability: Applicability = Applicability.DISPLAY_ONLY
    description: str | None = None
    example: str | None = None
    example_source: Citation | None = None
    edit: Span | None = None
    # The coach's question in the author's words ("Why migrate all services to Kubernetes? ...")
    question: str | None = None
    # For an objective that carried a number: the key result the number moves to
    key_result: str | None = None
    # The class of output the rewrite was chosen for (see rules/lexicons/outcome_map.yaml); None when unsure
    outcome_class: str | None = None


class StatementRef(Frozen):
    id: str
    kind: StatementKind
    text: str


class Finding(Frozen):
    code: str
    name: str
    category: Category
    severity: Severity
    confidence: Confidence = Confidence.HIGH
    message: str
    path: str
    start: Position
    end: Position
    span: Span
    statement: StatementRef | None = None
    explanation: str = ""
    source: tuple[Citation, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    docs: str | None = None
    suppressed: bool = False
    # The source line the finding starts on, so that formatters can show it without reading files.
    line_text: str | None = None


class LintError(Frozen):
    """A file that could not be read or parsed: reported as ``path:line:col: error: message``."""

    path: str
    start: Position = Position(line=1, column=1)
    message: str


class ToolInfo(Frozen):
    name: str = "okrlint"
    version: str
    model: str | None = None


class FileSummary(Frozen):
    path: str
    format: str
    team: str | None = None
    period: str | None = None
    objectives: int = 0
    key_results: int = 0


class Summary(Frozen):
    files: int = 0
    findings: int = 0
    suppressed: int = 0
    errors: int = 0
    by_severity: dict[str, int] = Field(default_factory=dict)
    by_code: dict[str, int] = Field(default_factory=dict)


class LintReport(Frozen):
    """Everything one run produced; formatters are pure functions of this object."""

    version: int = 1
    tool: ToolInfo
    files: tuple[FileSummary, ...] = ()
    documents: tuple[OkrDocument, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[LintError, ...] = ()
    summary: Summary = Summary()

    def active_findings(self) -> Sequence[Finding]:
        """The findings not suppressed: a tuple, or for a report whose findings are packed (very many of
        them), a view that finds them as it is iterated."""
        if isinstance(self.findings, PackedSequence):
            return FilteredView(self.findings, _active)
        return tuple(f for f in self.findings if not f.suppressed)

    def worst_severity(self) -> Severity | None:
        levels = {f.severity for f in self.active_findings()}
        if not levels:
            return None
        return max(levels, key=lambda s: s.rank)

    @field_serializer("findings", mode="wrap")
    def _plain_findings(self, value: Any, handler: SerializerFunctionWrapHandler):
        # Serialized as the tuple it stands for, packed or not. No return annotation: pydantic would take it
        # for the field's serialized type, and the JSON schema must stay the tuple's.
        return handler(tuple(value) if isinstance(value, PackedSequence) else value)


def _active(finding: Finding) -> bool:
    return not finding.suppressed
