"""Helpers for the reader tests: every statement must map back onto the exact characters of its file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from okrlint.models import OkrDocument, Statement
from okrlint.positions import LineIndex
from okrlint.readers import decode, read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "readers"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def all_statements(doc: OkrDocument) -> Iterator[Statement]:
    """Every statement, dropped key results included (``OkrDocument.statements`` skips those)."""
    for objective in doc.objectives:
        yield objective.statement
        for kr in objective.key_results:
            yield kr.statement


def check_statement_maps(doc: OkrDocument, source: str) -> None:
    """The span invariant: each cleaned character is the file's character at its mapped offset."""
    index = LineIndex(source)
    for st in all_statements(doc):
        assert 0 <= st.span.start <= st.span.end <= len(source), st.id
        assert st.start == index.position(st.span.start), st.id
        assert st.end == index.position(st.span.end), st.id
        assert st.text, st.id
        assert st.text == st.text.strip(), st.id
        assert not st.text.endswith((".", ";", "；")), st.id
        if st.approximate:
            assert st.segments == (), st.id
            continue
        assert st.segments, st.id
        covered = 0
        for seg in st.segments:
            assert seg.text_start == covered, st.id
            covered += seg.length
        assert covered == len(st.text), st.id
        for i, ch in enumerate(st.text):
            src = source[st.file_offset(i)]
            assert src == ch or (src.isspace() and ch.isspace()), (st.id, i, ch, src)
        assert st.span.start == st.file_offset(0)
        assert st.span.end == st.file_offset(len(st.text) - 1) + 1
        offsets = [st.file_offset(i) for i in range(len(st.text))]
        assert offsets == sorted(set(offsets)), st.id


def load(name: str, base: Path = FIXTURES) -> tuple[OkrDocument, str]:
    path = base / name
    text = decode(path.read_bytes(), str(path))
    doc = read_document(text, str(path))
    check_statement_maps(doc, text)
    return doc, text


def by_id(doc: OkrDocument) -> dict[str, Statement]:
    return {st.id: st for st in all_statements(doc)}


def kr_counts(doc: OkrDocument) -> list[int]:
    return [len(o.key_results) for o in doc.objectives]
