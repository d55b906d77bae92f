"""A large Markdown file read a part at a time, into the very document a whole reading gives.

Reading holds markdown-it's token tree and the reader's drafts for the whole text at once: several times the
document itself (about 4 KB per statement). A file made of top-level sections, one objective each (``## …`` under
a title), is read as its header (front matter, title, anything before the first section) followed by a run of
sections, one run after another; each run's objectives are moved to their place in the file (offsets, lines,
positional ids) and the run's reading is dropped before the next. Past ``PACK_OVER_STATEMENTS`` statements the
objectives are held packed, one chunk per run (``okrlint.packed``): a document of 100,000 key results takes a
few MB, not hundreds.

A part is only trusted when reading it decided what a whole reading decides: the same document metadata, the
same ``ReadingFacts``, no objective from the header, and every section heading read as an objective. A file
whose structure could hide a section boundary (an HTML block, a setext heading, an indented heading) or whose
parts disagree is read whole, so the document is always the whole reading's.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from okrlint.models import (
    KeyResult,
    Objective,
    OkrDocument,
    Position,
    Segment,
    SkippedItem,
    Span,
    Statement,
)
from okrlint.packed import PackedSequence, pack
from okrlint.readers.errors import ReadError
from okrlint.readers.markdown import ReadingFacts, read_markdown_with_facts

_Model = TypeVar("_Model", Objective, KeyResult)
# Characters of sections per part (about 2,000 short statements); a text under two parts is read whole.
PART_CHARS = 96 * 1024
# Objectives are packed once a document has more statements than this: the linter's batch
# (api.BATCH_STATEMENTS). A smaller document is linted whole, every statement at once, so packing it would only
# cost the decoding.
PACK_OVER_STATEMENTS = 2_000

_ATX = re.compile(r"(#{1,6})(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_SETEXT_OR_BREAK = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_ONE_LINE_COMMENT = re.compile(r" {0,3}<!--.*-->[ \t]*$")
_INDENTED_ATX = re.compile(r" {1,3}#{1,6}(?:[ \t]|$)")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t]*$")


@dataclass(frozen=True, slots=True)
class Sections:
    """Where the header ends and each top-level section starts (code-point offsets, at line starts)."""

    header_end: int
    starts: tuple[int, ...]


def top_sections(text: str) -> Sections | None:
    """The top-level sections of ``text``: those headed by the shallowest ATX heading level after the first
    heading (the title). None when a section boundary cannot be told from the lines alone."""
    if text.count("\r") != text.count("\r\n"):
        return None  # a lone CR ends a line for the reader; the scan below counts line feeds
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    headings: list[tuple[int, int]] = []  # (offset, level)
    offset = 0
    first = 0
    if lines[0].rstrip("\r\n") == "---":
        # Front matter: never a section, whatever its lines look like.
        for k in range(1, len(lines)):
            if _FRONT_MATTER_END.match(lines[k].rstrip("\r\n")):
                first = k + 1
                break
        else:
            return None
        offset = sum(len(line) for line in lines[:first])
    fence: str | None = None
    previous_blank = True
    for line in lines[first:]:
        bare = line.rstrip("\r\n")
        if fence is not None:
            if bare.strip().startswith(fence) and bare.strip().strip(fence[0]) == "":
                fence = None
        elif (opened := _FENCE.match(bare)) is not None:
            fence = opened.group(1)
        elif bare.lstrip(" ").startswith("<") and not _ONE_LINE_COMMENT.match(bare):
            return None  # an HTML block may run past a heading line
        elif _INDENTED_ATX.match(bare) or (not previous_blank and _SETEXT_OR_BREAK.match(bare)):
            return None  # a heading the line scan would not see as a boundary
        elif (atx := _ATX.match(bare)) is not None:
            headings.append((offset, len(atx.group(1))))
        previous_blank = not bare.strip()
        offset += len(line)
    if fence is not None or len(headings) < 3:
        return None
    level = min(lvl for _, lvl in headings[1:])
    starts = tuple(at for at, lvl in headings[1:] if lvl == level)
    return Sections(header_end=starts[0], starts=starts)


def _runs(sections: Sections, end: int) -> Iterator[tuple[int, int, list[int]]]:
    """Consecutive sections of about ``PART_CHARS`` characters: (start, end, section starts)."""
    bounds = [*sections.starts, end]
    run: list[int] = []
    for k, start in enumerate(sections.starts):
        run.append(start)
        if bounds[k + 1] - run[0] >= PART_CHARS or k + 1 == len(sections.starts):
            yield run[0], bounds[k + 1], run
            run = []


def read_markdown_in_parts(text: str, path: str) -> OkrDocument | None:
    """The document of ``text`` (already masked as ``read_document`` masks it), read a part at a time; None when
    the text is small or cannot be read in parts with certainty (then it is read whole)."""
    if len(text) < 2 * PART_CHARS:
        return None
    sections = top_sections(text)
    if sections is None:
        return None
    header = text[: sections.header_end]
    header_lines = header.count("\n")
    # Past PACK_OVER_STATEMENTS, each run's objectives are packed as soon as they are moved: only one run's
    # objects are held at a time.
    chunks: list[bytes] = []
    lengths: list[int] = []
    held: list[Objective] = []  # moved, not packed yet
    objective_count = statement_count = 0
    skipped: list[SkippedItem] = []
    first: tuple[OkrDocument, ReadingFacts] | None = None
    lines_before, counted = header_lines, len(header)  # line feeds before ``counted``
    for start, end, run in _runs(sections, len(text)):
        try:
            part, facts = read_markdown_with_facts(header + text[start:end], path)
        except ReadError:
            return None  # read whole: the error then names the place in the file
        # Reading runs with the collector paused, and markdown-it's tree nodes are cycles (parent and children):
        # without this the trees of every part stay allocated until reading ends. Only objects made since the
        # last collection are visited (the survivors move to an older generation), so the work stays linear.
        gc.collect(0)
        shift = start - len(header)
        line_shift = lines_before + text.count("\n", counted, start) - header_lines
        lines_before, counted = line_shift + header_lines, start
        if first is None:
            first = (part, facts)
        elif facts != first[1] or _meta(part) != _meta(first[0]):
            return None
        headed = {o.statement.start.line for o in part.objectives}
        section_lines = set()
        line, at_line = header_lines + 1, start
        for at in run:
            line += text.count("\n", at_line, at)
            section_lines.add(line)
            at_line = at
        if not section_lines <= headed or any(o.statement.span.start < len(header) for o in part.objectives):
            return None
        moved = [
            _moved(objective, objective_count + k, shift, line_shift)
            for k, objective in enumerate(part.objectives, start=1)
        ]
        held += moved
        objective_count += len(moved)
        statement_count += sum(len(o.statements()) for o in moved)
        if held and statement_count > PACK_OVER_STATEMENTS:
            chunks.append(pack(held))
            lengths.append(len(held))
            held = []
        for item in part.skipped:
            if item.start.line > header_lines:
                skipped.append(_moved_skip(item, line_shift))
            elif start == sections.header_end:
                skipped.append(item)  # the header's own, once
    if first is None:
        return None
    document = first[0]
    whole = OkrDocument(
        path=document.path,
        format=document.format,
        period=document.period,
        team=document.team,
        owner=document.owner,
        level=document.level,
        parent=document.parent,
        skipped=tuple(skipped),
    )
    if not chunks:
        return whole.model_copy(update={"objectives": tuple(held)})
    # Not validated again: every objective was validated when its part was read.
    return whole.model_copy(update={"objectives": PackedSequence(chunks, lengths, statement_count)})


def _meta(document: OkrDocument) -> tuple[object, ...]:
    return (document.period, document.team, document.owner, document.level, document.parent)


def _moved(objective: Objective, number: int, shift: int, line_shift: int) -> Objective:
    """``objective`` as the ``number``-th of the file, ``shift`` characters and ``line_shift`` lines further."""
    o_id = f"O{number}"
    krs = tuple(
        _replaced(kr, statement=_moved_statement(kr.statement, f"{o_id}.KR{k}", shift, line_shift))
        for k, kr in enumerate(objective.key_results, start=1)
    )
    statement = _moved_statement(objective.statement, o_id, shift, line_shift)
    return _replaced(objective, statement=statement, key_results=krs)


def _replaced(model: _Model, **changes: object) -> _Model:
    """A copy with some fields changed, sharing its set of given fields (the values are already valid)."""
    return type(model).model_construct(
        _fields_set=model.__pydantic_fields_set__, **{**model.__dict__, **changes}
    )


def _moved_statement(statement: Statement, statement_id: str, shift: int, line_shift: int) -> Statement:
    return _replaced(
        statement,
        id=statement_id,
        span=Span(start=statement.span.start + shift, end=statement.span.end + shift),
        start=_moved_position(statement.start, line_shift),
        end=_moved_position(statement.end, line_shift),
        segments=tuple(
            Segment(text_start=s.text_start, file_start=s.file_start + shift, length=s.length)
            for s in statement.segments
        ),
    )


def _moved_position(position: Position, line_shift: int) -> Position:
    return Position(line=position.line + line_shift, column=position.column)


def _moved_skip(item: SkippedItem, line_shift: int) -> SkippedItem:
    return SkippedItem(text=item.text, start=_moved_position(item.start, line_shift), reason=item.reason)
