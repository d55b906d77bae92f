"""GFM tables of OKRs (shape C): header cells map to fields, rows to objectives and key results.

Rows: an empty objective cell continues the previous objective (#21); a row whose only non-empty cell is
bold is an objective (#6); a leading ``↳`` marks a KR row (#22); ``<br>``/``•`` split one cell into several
KRs; totals, blank and italic separator rows are skipped.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from okrlint.readers import values as v
from okrlint.readers.assemble import KrDraft, ObjectiveDraft, Skip
from okrlint.readers.cleaning import Cleaned, clean_range
from okrlint.readers.md_source import SourceLines, is_wholly_bold, is_wholly_emphasis, split_table_row

_ROLES: tuple[tuple[str, frozenset[str]], ...] = (
    ("objective", frozenset({"objective", "objectives", "o", "obj", "目标", "goal", "goals"})),
    (
        "kr",
        frozenset(
            {"keyresult", "keyresults", "keyresultskrs", "kr", "krs", "project", "projects", "okr", "okrs"}
            | {"result", "results", "关键结果", "关键成果", "關鍵成果"}
        ),
    ),
    ("owner", v.OWNER),
    ("priority", v.PRIORITY),
    ("target", v.TARGET | {"目标值"}),
    ("baseline", v.BASELINE),
    ("current", v.CURRENT),
    ("status", v.STATUS),
    ("progress", v.PROGRESS | v.SCORE | {"success", "评分", "得分", "分数"}),
    ("due", v.DUE),
)
_PROGRESS_PREFIX = re.compile(r"^(?:midq|endq|eoq|finalscore)")
_SPLIT = re.compile(r"<br\s*/?>|•", re.IGNORECASE)
_ARROW = re.compile(r"\s*↳\s*")  # used with match(pos): no "^", which would only match at 0
_GLOSS = re.compile(r"^\s*(?P<head>[^()（）]+?)\s*[(（](?P<gloss>[^()（）]+)[)）]\s*$")
_OBJECTIVE_CITATION = re.compile(r"^(?:O|OKR\s*)?\d{1,2}\s*[—–-]\s+\S", re.IGNORECASE)
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
    return header_columns(source, split_table_row(lines, rows[0].map[0]))


def header_columns(source: str, header: list[tuple[int, int]]) -> dict[str, int]:
    """Column role -> index, from the header cells' source ranges."""
    roles: dict[str, int] = {}
    for i, (start, end) in enumerate(header):
        for key in _header_keys(source[start:end]):
            role = _role(key)
            if role is not None and role not in roles:
                roles[role] = i
                break
    return roles


def _header_keys(text: str) -> list[str]:
    """The header's key, then, for an abbreviation glossed in brackets ("O(Objects)", "KR (Key Result)"),
    the part before the bracket and the gloss inside it."""
    keys = [_header_key(text)]
    gloss = _GLOSS.match(re.sub(r"<[^>]*>", "", text))
    if gloss:
        keys += [_header_key(gloss.group("head")), _header_key(gloss.group("gloss"))]
    return [k for k in keys if k]


def _role(key: str) -> str | None:
    for role, names in _ROLES:
        if key in names or (role == "progress" and _PROGRESS_PREFIX.match(key)):
            return role
    return None


def cites_objectives(source: str, lines: SourceLines, node: SyntaxTreeNode) -> bool:
    """A table whose "OKR" column only cites objectives by number ("1 — Family", "O2 - Growth") maps them to
    something else (agents, owners): an index, not KRs."""
    rows = [split_table_row(lines, r.map[0]) for r in _rows(node) if r.map is not None]
    return bool(rows) and _cites_objectives(source, rows[0], rows[1:])


def _cites_objectives(source: str, header: list[tuple[int, int]], rows: list[list[tuple[int, int]]]) -> bool:
    col = next((i for i, (s, e) in enumerate(header) if _header_key(source[s:e]) in ("okr", "okrs")), None)
    if col is None:
        return False
    cells = [source[slice(*r[col])].strip() for r in rows if col < len(r) and source[slice(*r[col])].strip()]
    return bool(cells) and all(_OBJECTIVE_CITATION.match(c) for c in cells)


TableRead = tuple[list[ObjectiveDraft], list[KrDraft], list[Skip]]


def read_table(source: str, lines: SourceLines, node: SyntaxTreeNode, under_objective: bool) -> TableRead:
    """Objectives found in the table, and KRs with no objective row (for a heading objective above)."""
    all_rows = [split_table_row(lines, r.map[0]) for r in _rows(node) if r.map is not None]
    if not all_rows:
        return [], [], []
    return read_rows(source, all_rows[0], all_rows[1:], under_objective)


def read_rows(
    source: str, header: list[tuple[int, int]], rows: list[list[tuple[int, int]]], under_objective: bool
) -> TableRead:
    """A table given as cell ranges (GFM or HTML): objectives, and KRs with no objective row."""
    cols = header_columns(source, header)
    if "objective" not in cols and "kr" not in cols:
        return [], [], []  # numbered KR columns need an objective column beside them
    if _cites_objectives(source, header, rows):
        return [], [], []
    reader = _TableReader(source, cols, rows)
    reader.numbered_krs = [
        i for i, (s, e) in enumerate(header) if v.NUMBERED_KR.match(_header_key(source[s:e]))
    ]
    for cells in rows:
        reader.row(cells, under_objective)
    return reader.objectives, reader.loose, reader.skipped


class _TableReader:
    def __init__(self, source: str, cols: dict[str, int], rows: list[list[tuple[int, int]]]) -> None:
        self.source = source
        self.cols = cols
        self.objectives: list[ObjectiveDraft] = []
        self.loose: list[KrDraft] = []
        self.skipped: list[Skip] = []
        self.numbered_krs: list[int] = []
        self.current: ObjectiveDraft | None = None
        # In a "↳" table (#22) the rows without an arrow are the objectives.
        self.uses_arrows = any(_ARROW.match(source[s:e]) for cells in rows for s, e in cells)
        # A table whose text cells carry "Objective 1:" / "KR1:" labels: the labels say what each row is.
        self.labelled = any(self._label(cells) is not None for cells in rows)

    def _label(self, cells: list[tuple[int, int]]) -> str | None:
        text_cell = self._cell(cells, "kr") or self._cell(cells, "objective")
        return clean_range(self.source, *text_cell).tokens.label if text_cell is not None else None

    def row(self, cells: list[tuple[int, int]], under_objective: bool) -> None:
        raw = [self.source[s:e].strip() for s, e in cells]
        filled = [i for i, text in enumerate(raw) if text]
        if not filled or raw[filled[0]].lower().strip("*_ :") in _TOTALS:
            return  # spacer or totals row
        if len(filled) == 1 and is_wholly_emphasis(raw[filled[0]]):
            return  # italic separator row
        obj_cell = self._cell(cells, "objective")
        kr_cell = self._cell(cells, "kr")
        text_cell = kr_cell or obj_cell
        if text_cell is None:
            return
        if self.labelled:
            if obj_cell is not None and kr_cell is not None:
                self._labelled_objective_cell(obj_cell, cells)  # "| O1 - … | KR1 - … |": both on one row
            self._labelled_row(cells, text_cell, under_objective)
            return
        arrow = _ARROW.match(self.source, text_cell[0], text_cell[1])
        if arrow is not None:
            if self.current is not None:
                self.current.key_results.extend(self._krs((arrow.end(), text_cell[1]), cells))
        elif len(filled) == 1 and is_wholly_bold(raw[filled[0]]):
            self._start_objective(cells[filled[0]], cells, owner=False)
        elif obj_cell is not None:
            if self.current is None or clean_range(self.source, *obj_cell).text != self.current.cleaned.text:
                self._start_objective(obj_cell, cells, owner=kr_cell is None)
            if kr_cell is not None and self.current is not None:
                self.current.key_results.extend(self._krs(kr_cell, cells))
            for col in self.numbered_krs:  # "| Objective | KR 1 | KR 2 |": one row per objective
                if self.current is not None and col < len(cells) and self.source[slice(*cells[col])].strip():
                    self.current.key_results.extend(self._krs(cells[col], cells))
        elif kr_cell is not None:
            if self.uses_arrows and "objective" not in self.cols:
                self._start_objective(kr_cell, cells, owner=True)
            elif self.current is not None:
                self.current.key_results.extend(self._krs(kr_cell, cells))
            elif under_objective:
                self.loose.extend(self._krs(kr_cell, cells))

    def _labelled_objective_cell(self, obj_cell: tuple[int, int], cells: list[tuple[int, int]]) -> None:
        """The objective column's cell on a row that also holds a KR: the column names its role."""
        cleaned = clean_range(self.source, *obj_cell)
        new = self.current is None or cleaned.text != self.current.cleaned.text
        if cleaned.tokens.label in ("objective", None) and cleaned.text and new:
            self._start_objective(obj_cell, cells, owner=False)

    def _labelled_row(
        self, cells: list[tuple[int, int]], text_cell: tuple[int, int], under_objective: bool
    ) -> None:
        """In a labelled table an unlabelled row (notes, a review) is neither objective nor KR."""
        label = clean_range(self.source, *text_cell).tokens.label
        text_cell = self._statement_cell(cells, text_cell)
        if label == "objective":
            self._start_objective(text_cell, cells, owner=False)
        elif label == "key_result" and self.current is not None:
            self.current.key_results.extend(self._krs(text_cell, cells))
        elif label == "key_result" and under_objective:
            self.loose.extend(self._krs(text_cell, cells))
        elif label is None:
            text = clean_range(self.source, *text_cell).text
            self.skipped.append(Skip(text_cell[0], text, "a row with no objective or key-result label"))

    def _statement_cell(self, cells: list[tuple[int, int]], text_cell: tuple[int, int]) -> tuple[int, int]:
        """A cell holding only a label ("| **KR 1** | Validate 500 entries |") numbers the row: the
        statement is the next cell with text."""
        if clean_range(self.source, *text_cell).text:
            return text_cell
        after = [c for c in cells if c[0] > text_cell[0] and clean_range(self.source, *c).text]
        return after[0] if after else text_cell

    def _cell(self, cells: list[tuple[int, int]], role: str) -> tuple[int, int] | None:
        """The cell of a column role, or None when the column is missing or the cell empty."""
        col = self.cols.get(role)
        if col is None or col >= len(cells):
            return None
        start, end = cells[col]
        return (start, end) if self.source[start:end].strip() else None

    def _start_objective(self, span: tuple[int, int], cells: list[tuple[int, int]], *, owner: bool) -> None:
        cleaned = clean_range(self.source, *span)
        if not cleaned.text:
            return
        draft = ObjectiveDraft(cleaned=cleaned)
        if owner:
            draft.owner = _cell_text(self.source, cells, self.cols.get("owner"))
        self.objectives.append(draft)
        self.current = draft

    def _krs(self, span: tuple[int, int], cells: list[tuple[int, int]]) -> list[KrDraft]:
        """One KR per ``<br>``/``•`` part of the cell, each with the row's field columns."""
        start, end = span
        parts: list[tuple[int, int]] = []
        cursor = start
        for match in _SPLIT.finditer(self.source, start, end):
            parts.append((cursor, match.start()))
            cursor = match.end()
        parts.append((cursor, end))
        # The statement's own cell is no field of it (a label-only KR cell puts it under "Target").
        own = next((i for i, (s, e) in enumerate(cells) if s <= start and end <= e), None)
        cols = {role: i for role, i in self.cols.items() if i != own}
        out: list[KrDraft] = []
        for part in parts:
            cleaned = clean_range(self.source, *part)
            if cleaned.text:
                out.append(_kr(self.source, cleaned, cells, cols))
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
