"""Mutable drafts the readers fill in, and their conversion into the frozen ``OkrDocument``.

Positional ids (``O1``, ``O1.KR2``) and file positions are assigned here, once, for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from okrlint.models import (
    KeyResult,
    Objective,
    OkrDocument,
    Segment,
    SkippedItem,
    Span,
    Statement,
    StatementKind,
)
from okrlint.positions import LineIndex, index_for
from okrlint.readers.cleaning import Cleaned, Tokens
from okrlint.readers.errors import ReadError

# The longest statement okrlint reads. Real objectives and key results are one sentence (the longest of the
# 192 labelled seed statements has 141 characters); a longer "statement" is a reading accident such as an
# unclosed CSV quote or a missing line break, and parsing it costs seconds. Such a file is one clear error.
MAX_STATEMENT_CHARS = 2_000


@dataclass
class KrDraft:
    cleaned: Cleaned
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
    initiatives: list[str] = field(default_factory=list)
    dropped: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ObjectiveDraft:
    cleaned: Cleaned
    id: str | None = None
    owner: str | None = None
    team: str | None = None
    period: str | None = None
    level: str | None = None
    type: str | None = None
    parent: list[str] = field(default_factory=list)
    key_results: list[KrDraft] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DocumentMeta:
    period: str | None = None
    team: str | None = None
    owner: str | None = None
    level: str | None = None
    parent: list[str] = field(default_factory=list)


def make_statement(cleaned: Cleaned, statement_id: str, kind: StatementKind, index: LineIndex) -> Statement:
    """Statement with exact segments, or an approximate one spanning the source node."""
    if cleaned.approximate or not cleaned.offsets:
        start, end = cleaned.node_span or (0, 0)
        return Statement(
            id=statement_id,
            kind=kind,
            text=cleaned.text,
            span=Span(start=start, end=end),
            start=index.position(start),
            end=index.position(end),
            segments=(),
            approximate=True,
        )
    segments = _segments(cleaned.offsets)
    start, end = cleaned.offsets[0], cleaned.offsets[-1] + 1
    return Statement(
        id=statement_id,
        kind=kind,
        text=cleaned.text,
        span=Span(start=start, end=end),
        start=index.position(start),
        end=index.position(end),
        segments=segments,
    )


def _segments(offsets: tuple[int, ...]) -> tuple[Segment, ...]:
    """Runs of consecutive file offsets -> ``Segment``s."""
    out: list[Segment] = []
    run_start = 0
    for i in range(1, len(offsets) + 1):
        if i == len(offsets) or offsets[i] != offsets[i - 1] + 1:
            out.append(Segment(text_start=run_start, file_start=offsets[run_start], length=i - run_start))
            run_start = i
    return tuple(out)


def _token_extra(tokens: Tokens) -> dict[str, Any]:
    """Raw forms of the tokens cleaning removed, so nothing the author wrote is lost."""
    extra: dict[str, Any] = {}
    if tokens.label_id:
        extra["label"] = tokens.label_id
    if tokens.status_raw:
        extra["status_raw"] = tokens.status_raw
    if tokens.progress_raw:
        extra["progress_raw"] = tokens.progress_raw
    if tokens.star:
        extra["star"] = True
    if tokens.note:
        extra["note"] = tokens.note
    if tokens.role:
        extra["role"] = tokens.role
    return extra


def _refuse_overlong(cleaned: Cleaned, path: str, source: str) -> None:
    """A ReadError at the statement's first character when it is longer than ``MAX_STATEMENT_CHARS``."""
    if len(cleaned.text) <= MAX_STATEMENT_CHARS:
        return
    if cleaned.offsets and not cleaned.approximate:
        start = cleaned.offsets[0]
    else:
        start = (cleaned.node_span or (0, 0))[0]
    message = (
        f"statement is {len(cleaned.text)} characters long; okrlint reads statements of up to "
        f"{MAX_STATEMENT_CHARS} (is a line break or a closing quote missing?)"
    )
    raise ReadError.at_offset(message, path, source, start)


@dataclass(frozen=True)
class Skip:
    """A draft of a ``SkippedItem``: where it starts in the source, its text and the reason."""

    offset: int
    text: str
    reason: str


_SKIP_TEXT_CHARS = 60


def build_document(
    path: str,
    fmt: str,
    source: str,
    meta: DocumentMeta,
    drafts: list[ObjectiveDraft],
    skipped: list[Skip] | None = None,
) -> OkrDocument:
    for draft in drafts:
        _refuse_overlong(draft.cleaned, path, source)
        for kr in draft.key_results:
            _refuse_overlong(kr.cleaned, path, source)
    index = index_for(source)
    objectives: list[Objective] = []
    for o_num, draft in enumerate(d for d in drafts if d.cleaned.text):
        o_id = f"O{o_num + 1}"
        tokens = draft.cleaned.tokens
        krs: list[KeyResult] = []
        for kr in (k for k in draft.key_results if k.cleaned.text):
            krs.append(_build_kr(kr, f"{o_id}.KR{len(krs) + 1}", index))
        extra = _token_extra(tokens) | draft.extra
        if tokens.progress is not None:
            extra.setdefault("progress", tokens.progress)
        if tokens.status and "status" not in extra:
            extra["status"] = tokens.status
        objectives.append(
            Objective(
                statement=make_statement(draft.cleaned, o_id, StatementKind.OBJECTIVE, index),
                id=draft.id or tokens.label_id,
                owner=draft.owner or tokens.owner or tokens.role,
                team=draft.team or meta.team,
                period=draft.period or meta.period,
                level=draft.level or meta.level,
                type=draft.type,
                parent=tuple(draft.parent),
                key_results=tuple(krs),
                extra=extra,
            )
        )
    return OkrDocument(
        path=path,
        format=fmt,
        period=meta.period,
        team=meta.team,
        owner=meta.owner,
        level=meta.level,
        parent=tuple(meta.parent),
        objectives=tuple(objectives),
        skipped=tuple(_skipped(skip, index) for skip in skipped or ()),
    )


def _skipped(skip: Skip, index: LineIndex) -> SkippedItem:
    text = " ".join(skip.text.split())
    if len(text) > _SKIP_TEXT_CHARS:
        text = text[: _SKIP_TEXT_CHARS - 1].rstrip() + "…"
    return SkippedItem(text=text, start=index.position(skip.offset), reason=skip.reason)


def _build_kr(kr: KrDraft, kr_id: str, index: LineIndex) -> KeyResult:
    tokens = kr.cleaned.tokens
    return KeyResult(
        statement=make_statement(kr.cleaned, kr_id, StatementKind.KEY_RESULT, index),
        id=kr.id or tokens.label_id,
        owner=kr.owner or tokens.owner,
        priority=kr.priority or tokens.priority,
        status=kr.status or tokens.status,
        progress=kr.progress if kr.progress is not None else tokens.progress,
        confidence=kr.confidence,
        baseline=kr.baseline,
        target=kr.target,
        current=kr.current,
        unit=kr.unit,
        due=kr.due,
        initiatives=tuple(kr.initiatives),
        dropped=kr.dropped or tokens.dropped,
        extra=_token_extra(tokens) | kr.extra,
    )
