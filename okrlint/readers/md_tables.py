"""GFM tables of OKRs (shape C): header cells map to fields, rows to objectives and key results.

Rows: an empty objective cell continues the previous objective (#21); a row whose only non-empty cell is
bold is an objective (#6); a leading ``↳`` marks a KR row (#22); ``<br>``/``•`` split one cell into several
KRs; totals, blank and italic separator rows are skipped.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from okrlint.readers import values as v
from okrlint.readers.assemble import KrDraft, ObjectiveDraft
from okrlint.readers.cleaning import Cleaned, clean_range
from okrlint.readers.md_source import SourceLines, is_wholly_bold, is_wholly_emphasis, split_table_row

_ROLES: tuple[tuple[str, frozenset[str]], ...] = (
    ("objective", frozenset({"objective", "objectives", "o", "obj", "目标", "goal", "goals"})),
    (
        "kr",
        frozenset(
            {"keyresult", "keyresults", "keyresultskrs", "kr", "krs", "project", "projects", "okr", "okrs"}
            | {"result", "results", "关键结果"}
        ),
    ),
    ("owner", v.OWNER),
    ("priority", v.PRIORITY),
    ("target", v.TARGET | {"目标值"}),
    ("baseline", v.BASELINE),
    ("current", v.CURRENT),
    ("status", v.STATUS),
    ("progress", v.PROGRESS | v.SCORE | {"success"}),
    ("due", v.DUE),
)
_PROGRESS_PREFIX = re.compile(r"^(?:midq|endq|eoq|finalscore)")
_SPLIT = re.compile(r"<br\s*/?>|•", re.IGNORECASE)
_ARROW = re.compile(r"^\s*↳\s*")
_TOTALS = frozenset({"total", "totals", "sum", "average", "合计"})


def _header_key(text: str) -> str:
    """Raw header text -> key; not cleaned, since cleaning would strip "Key Result" as a KR label."""
    return re.sub(r"[\W_]", "", re.sub(r"<[^>]*>", "", text).lower())


def _rows(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    out: list[SyntaxTreeNode] = []
    for section in node.children:
        out.extend(c for c in section.children if c.type == "tr")
    return out


def table_columns(source: str, lines: SourceLines, node: SyntaxTreeNode) -> dict[str, int]:
    """Column role -> index, from the header row."""
    rows = _rows(node)
    if not rows or rows[0].map is None:
        return {}
    roles: dict[str, int] = {}
    for i, (start, end) in enumerate(split_table_row(lines, rows[0].map[0])):
        key = _header_key(source[start:end])
        for role, names in _ROLES:
            if (key in names or (role == "progress" and _PROGRESS_PREFIX.match(key))) and role not in roles:
                roles[role] = i
                break
    return roles


def read_table(
    source: str, lines: SourceLines, node: SyntaxTreeNode, under_objective: bool
) -> tuple[list[ObjectiveDraft], list[KrDraft]]:
    """Objectives found in the table, and KRs with no objective row (for a heading objective above)."""
    cols = table_columns(source, lines, node)
    if "objective" not in cols and "kr" not in cols:
        return [], []
    rows = _rows(node)[1:]
    cells_by_row = [split_table_row(lines, r.map[0]) for r in rows if r.map is not None]
    uses_arrows = any(any(_ARROW.match(source[s:e]) for s, e in cells) for cells in cells_by_row)
    objectives: list[ObjectiveDraft] = []
    loose: list[KrDraft] = []
    current: ObjectiveDraft | None = None
    for cells in cells_by_row:
        raw = [source[s:e].strip() for s, e in cells]
        filled = [i for i, text in enumerate(raw) if text]
        if not filled or raw[filled[0]].lower().strip("*_ :") in _TOTALS:
            continue
        if len(filled) == 1 and is_wholly_emphasis(raw[filled[0]]):
            continue  # italic separator row
        obj_col, kr_col = cols.get("objective"), cols.get("kr")
        obj_raw = raw[obj_col] if obj_col is not None and obj_col < len(raw) else ""
        kr_raw = raw[kr_col] if kr_col is not None and kr_col < len(raw) else ""
        text_col = kr_col if kr_raw else obj_col
        if text_col is None or text_col >= len(cells):
            continue
        if _ARROW.match(raw[text_col]):
            start, end = cells[text_col]
            arrow = _ARROW.match(source[start:end])
            cell_start = start + (arrow.end() if arrow else 0)
            if current is not None:
                current.key_results.extend(_krs(source, (cell_start, end), cells, raw, cols))
            continue
        if len(filled) == 1 and is_wholly_bold(raw[filled[0]]):
            current = _objective(source, cells[filled[0]], cells, raw, cols, owner=False)
            objectives.append(current) if current else None
            continue
        if obj_raw:
            cleaned = clean_range(source, *cells[obj_col])  # type: ignore[index]
            if current is None or cleaned.text != current.cleaned.text:
                current = _objective(source, cells[obj_col], cells, raw, cols, owner=not kr_raw)  # type: ignore[index]
                if current is not None:
                    objectives.append(current)
            if kr_raw and current is not None:
                current.key_results.extend(_krs(source, cells[kr_col], cells, raw, cols))  # type: ignore[index]
            continue
        if kr_raw:
            if uses_arrows and obj_col is None:
                current = _objective(source, cells[kr_col], cells, raw, cols, owner=True)  # type: ignore[index]
                objectives.append(current) if current else None
            elif current is not None:
                current.key_results.extend(_krs(source, cells[kr_col], cells, raw, cols))  # type: ignore[index]
            elif under_objective:
                loose.extend(_krs(source, cells[kr_col], cells, raw, cols))  # type: ignore[index]
    return objectives, loose


def _objective(
    source: str,
    span: tuple[int, int],
    cells: list[tuple[int, int]],
    raw: list[str],
    cols: dict[str, int],
    *,
    owner: bool,
) -> ObjectiveDraft | None:
    cleaned = clean_range(source, *span)
    if not cleaned.text:
        return None
    draft = ObjectiveDraft(cleaned=cleaned)
    if owner:
        draft.owner = _cell_text(source, cells, cols.get("owner"))
    return draft


def _krs(
    source: str, span: tuple[int, int], cells: list[tuple[int, int]], raw: list[str], cols: dict[str, int]
) -> list[KrDraft]:
    """One KR per ``<br>``/``•`` part of the cell, each with the row's field columns."""
    start, end = span
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in _SPLIT.finditer(source, start, end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    out: list[KrDraft] = []
    for part in parts:
        cleaned = clean_range(source, *part)
        if cleaned.text:
            out.append(_kr(source, cleaned, cells, cols))
    return out


def _kr(source: str, cleaned: Cleaned, cells: list[tuple[int, int]], cols: dict[str, int]) -> KrDraft:
    baseline, b_unit = v.to_number(_cell_text(source, cells, cols.get("baseline")))
    target, t_unit = v.to_number(_cell_text(source, cells, cols.get("target")))
    current, c_unit = v.to_number(_cell_text(source, cells, cols.get("current")))
    progress_raw = _cell_text(source, cells, cols.get("progress"))
    status_cell = _cell_clean(source, cells, cols.get("status"))
    owner = _cell_text(source, cells, cols.get("owner"))
    kr = KrDraft(
        cleaned=cleaned,
        owner=owner.lstrip("@") if owner else None,
        priority=_cell_text(source, cells, cols.get("priority")),
        status=(status_cell.tokens.status or status_cell.text or None) if status_cell else None,
        progress=v.to_fraction(progress_raw),
        baseline=baseline,
        target=target,
        current=current,
        unit=t_unit or b_unit or c_unit,
        due=_cell_text(source, cells, cols.get("due")),
    )
    if progress_raw:
        kr.extra["progress_raw"] = progress_raw
    if status_cell and status_cell.tokens.status_raw:
        kr.extra["status_raw"] = status_cell.tokens.status_raw
    return kr


def _cell_clean(source: str, cells: list[tuple[int, int]], col: int | None) -> Cleaned | None:
    if col is None or col >= len(cells):
        return None
    return clean_range(source, *cells[col])


def _cell_text(source: str, cells: list[tuple[int, int]], col: int | None) -> str | None:
    cleaned = _cell_clean(source, cells, col)
    if cleaned is None:
        return None
    text = cleaned.text or (cleaned.tokens.owner or "")
    return text or None
