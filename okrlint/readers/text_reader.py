"""Plain text (section 4.5): ``O1：``/``Objective:`` lines open objectives; ``KR1:`` or list lines are KRs."""

from __future__ import annotations

import re

from okrlint.models import OkrDocument
from okrlint.readers.assemble import DocumentMeta, KrDraft, ObjectiveDraft, Skip, build_document
from okrlint.readers.cleaning import clean_range
from okrlint.readers.md_source import SourceLines
from okrlint.readers.periods import find_period, strip_period

_LIST_MARKER = re.compile(r"^[ \t\ufeff]*(?:[-*+•·]|\d{1,3}[.)])[ \t]+")
_INDENT = re.compile(r"^[ \t]+")
_LEAD_IN = re.compile(r"[:：]\s*$")
_OBJECTIVE_LINE = re.compile(r"^[\s\ufeff]*(?:O\d*\s*[:：]|(?i:objective)\b|目标|目標|목표)")


def read_text(text: str, path: str) -> OkrDocument:
    lines = SourceLines(text)
    meta = DocumentMeta()
    drafts: list[ObjectiveDraft] = []
    skipped: list[Skip] = []
    labelled = any(_OBJECTIVE_LINE.match(lines.text(i)) for i in range(lines.count))
    current: ObjectiveDraft | None = None
    first_content = True
    kr_block = False  # after a bare "Key results:" line, the lines up to the next blank line are KRs
    for i in range(lines.count):
        raw = lines.text(i)
        if not raw.strip():
            kr_block = False
            continue
        if first_content:
            first_content = False
            period = find_period(raw)
            if period and len(strip_period(raw).split()) <= 2:
                meta.period = period  # "2020-01 ~2020-02" or "Q3 2024" on the first line
                continue
        marker = _LIST_MARKER.match(raw)
        start = lines.start(i) + (marker.end() if marker else 0)
        cleaned = clean_range(text, start, lines.end(i))
        label = cleaned.tokens.label
        if not cleaned.text:
            kr_block = label == "key_result" and current is not None
            continue
        if labelled and label is None and not marker and not kr_block and _LEAD_IN.search(raw):
            if current is not None and not current.key_results:
                # Right after the objective, "Measured by:" introduces its key results.
                kr_block = True
                continue
            # After the KRs, "Assumptions:" opens a list of something else than this objective's KRs.
            if current is not None:
                skipped.append(Skip(start, cleaned.text, "a lead-in line: it ends the objective above it"))
            current = None
            continue
        if label == "objective":
            current = ObjectiveDraft(cleaned=cleaned)
            drafts.append(current)
        elif label == "key_result" or marker or kr_block or (labelled and _INDENT.match(raw)):
            if current is not None:
                current.key_results.append(KrDraft(cleaned=cleaned))
        elif not labelled:
            # No markers at all (#34): every line is an objective candidate with no key results.
            current = ObjectiveDraft(cleaned=cleaned)
            drafts.append(current)
    for draft in drafts:
        draft.period = meta.period
    return build_document(path, "text", text, meta, drafts, skipped)
