"""CSV/TSV and spreadsheet exports (section 4.4): a type-column layout or one row per key result.

The ``csv`` module validates the file and reports where it breaks; a small RFC 4180 splitter alongside it
records the file offset of every cell character so statements stay exact (``""`` quotes included).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from okrlint.models import OkrDocument
from okrlint.positions import LineIndex
from okrlint.readers import values as v
from okrlint.readers.assemble import DocumentMeta, KrDraft, ObjectiveDraft, build_document
from okrlint.readers.cleaning import Cleaned, clean_offsets, clean_value
from okrlint.readers.errors import ReadError

_DELIMITERS = ",;\t|"
_WRAPPED = re.compile(r'[ \t]*"[^\r\n]*"[ \t]*$')
_SHAREPOINT_SUFFIX = re.compile(r"\.(?:title|lookupvalue|lookupid|email|value)$", re.IGNORECASE)
_OBJ_TYPES = v.OBJECTIVE_TYPES
_KR_TYPES = v.KR_TYPES

_TYPE_COL = frozenset({"category", "type", "level", "kind", "rowtype", "itemtype", "okrlevel"})
_OBJ_TEXT = frozenset({"objective", "objectivetitle", "objectivename", "objectivestatement", "objectives"})
_KR_TEXT = frozenset(
    {"keyresult", "keyresults", "kr", "krs", "krtitle", "krname", "keyresulttitle", "metricname", "result"}
)
_GENERIC_TEXT = ("title", "statement", "text", "name", "okr", "description", "texto", "titulo", "título")
_OBJ_ID = frozenset({"objectiveid", "oid", "objid", "idobj", "idobjective", "idobjetivo", "objetivoid"})
_KR_ID = frozenset({"krid", "keyresultid"})
_ROW_ID = frozenset({"id", "okrid", "number", "no", "itemid", ""})


@dataclass
class Cell:
    value: str
    offsets: list[int] = field(default_factory=list)
    exact: bool = True


@dataclass
class Row:
    line: int  # 1-based line where the row starts
    start: int
    end: int
    cells: list[Cell]

    def get(self, col: int | None) -> Cell | None:
        if col is None or col >= len(self.cells):
            return None
        return self.cells[col]

    def text(self, col: int | None) -> str:
        cell = self.get(col)
        return cell.value.strip() if cell is not None else ""


def read_csv(text: str, path: str) -> OkrDocument:
    start = 1 if text.startswith("\ufeff") else 0
    delimiter = _sniff(text[start:], path)
    rows = _rows(text, start, delimiter, path)
    rows = [r for r in rows if any(c.value.strip() for c in r.cells)]
    unwrapped = _unwrap_lines(text, start, rows, delimiter, path)
    if unwrapped is not None:
        rows = unwrapped
    return read_table_rows(text, path, rows, delimiter, "csv")


def read_table_rows(text: str, path: str, rows: list[Row], delimiter: str, fmt: str) -> OkrDocument:
    if rows:
        _refuse_wide_rows(rows, delimiter, path)
    return document_of(text, path, fmt, table_drafts(text, rows))


def table_drafts(text: str, rows: list[Row]) -> list[ObjectiveDraft]:
    """The layout detection shared by CSV files and spreadsheets: a header row, then one row per statement."""
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    cols = columns([c.value for c in header.cells])
    return _Layout(text, cols, [c.value.strip() for c in header.cells]).read(body)


def document_of(text: str, path: str, fmt: str, drafts: list[ObjectiveDraft]) -> OkrDocument:
    meta = DocumentMeta()
    periods = {d.period for d in drafts}
    teams = {d.team for d in drafts}
    meta.period = periods.pop() if len(periods) == 1 else None
    meta.team = teams.pop() if len(teams) == 1 else None
    return build_document(path, fmt, text, meta, drafts)


def _refuse_wide_rows(rows: list[Row], delimiter: str, path: str) -> None:
    width = len(rows[0].cells)
    for row in rows[1:]:
        if len(row.cells) > width and any(c.value.strip() for c in row.cells[width:]):
            raise ReadError(
                path,
                row.line,
                1,
                f"row has {len(row.cells)} fields but the header has {width} (quote cells that contain "
                f"{_delimiter_name(delimiter)})",
            )


def _unwrap_lines(text: str, start: int, rows: list[Row], delimiter: str, path: str) -> list[Row] | None:
    """Rows of a file whose every line is wrapped in one pair of quotes (``"id,objective,owner"``): each line's
    content is a CSV row of its own. None when the file is not written that way."""
    if not rows or any(len(r.cells) != 1 for r in rows):
        return None
    if not all(_WRAPPED.match(text, r.start, r.end) for r in rows):
        return None
    if delimiter not in rows[0].cells[0].value:
        return None
    inner_chars: list[str] = []
    inner_offsets: list[int] = []
    for row in rows:
        # The wrapped content, with the quote escaping of the wrapper ("" -> ") undone.
        i = row.start + 1
        while i < row.end - 1:
            inner_chars.append(text[i])
            inner_offsets.append(i)
            i += 2 if text[i] == '"' and text[i + 1 : i + 2] == '"' else 1
        inner_chars.append("\n")
        inner_offsets.append(row.end)
    inner = "".join(inner_chars)
    inner_rows = _rows(inner, 0, delimiter, path)
    out: list[Row] = []
    for source_row, row in zip(
        rows, (r for r in inner_rows if any(c.value.strip() for c in r.cells)), strict=False
    ):
        for cell in row.cells:
            cell.offsets = [inner_offsets[o] for o in cell.offsets]
        out.append(Row(source_row.line, source_row.start, source_row.end, row.cells))
    return out


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "tabs", ",": "commas", ";": "semicolons", "|": "pipes"}[delimiter]


def _sniff(body: str, path: str) -> str:
    """Tab for .tsv; otherwise the delimiter the header line uses most (outside quotes)."""
    if path.lower().endswith(".tsv"):
        return "\t"
    header = next((line for line in body.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    if counts[best]:
        return best
    try:
        return csv.Sniffer().sniff(body[:8192], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _rows(text: str, start: int, delimiter: str, path: str) -> list[Row]:
    """Rows with exact cell offsets, cross-checked against the ``csv`` module."""
    reader = csv.reader(io.StringIO(text[start:], newline=""), delimiter=delimiter, strict=True)
    reference: list[list[str]] = []
    try:
        for row in reader:
            reference.append(row)
    except csv.Error as exc:
        raise ReadError(path, reader.line_num or 1, 1, f"CSV error: {exc}") from None
    rows = _split(text, start, delimiter)
    if len(rows) != len(reference):
        # Not expected; if the splitter ever disagrees, trust the csv module and mark cells approximate.
        return [
            Row(1, start, len(text), [Cell(value, [], exact=False) for value in ref]) for ref in reference
        ]
    for row, ref in zip(rows, reference, strict=True):
        if [c.value for c in row.cells] != ref:
            row.cells = [Cell(value, [], exact=False) for value in ref]
    return rows


def _split(text: str, start: int, delimiter: str) -> list[Row]:
    """RFC 4180 split recording each kept character's offset; blank lines are empty rows like ``csv``."""
    rows: list[Row] = []
    line = LineIndex(text).position(start).line
    i, n = start, len(text)
    while i < n:
        row_start, row_line = i, line
        cells: list[Cell] = []
        cell = Cell("")
        in_quotes = False
        at_cell_start = True
        while i < n:
            ch = text[i]
            if in_quotes:
                if ch == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        cell.offsets.append(i + 1)
                        i += 2
                        continue
                    in_quotes = False
                else:
                    if ch == "\n" or (ch == "\r" and not (i + 1 < n and text[i + 1] == "\n")):
                        line += 1
                    cell.offsets.append(i)
                i += 1
                continue
            if ch == '"' and at_cell_start:
                in_quotes = True
                at_cell_start = False
                i += 1
                continue
            if ch == delimiter:
                cells.append(cell)
                cell = Cell("")
                at_cell_start = True
                i += 1
                continue
            if ch in "\r\n":
                break
            cell.offsets.append(i)
            at_cell_start = False
            i += 1
        row_end = i
        if i < n and text[i] == "\r" and i + 1 < n and text[i + 1] == "\n":
            i += 1
        if i < n:
            i += 1
            line += 1
        if cells or cell.offsets or row_end > row_start:
            cells.append(cell)
        for c in cells:
            c.value = "".join(text[o] for o in c.offsets)
        rows.append(Row(row_line, row_start, row_end, cells))
    return rows


def columns(header: list[str]) -> dict[str, int]:
    """Column role -> index; the first column of each role wins; SharePoint lookup ids lose to values."""
    roles: dict[str, int] = {}
    names = [_SHAREPOINT_SUFFIX.sub("", h.strip()) for h in header]
    for i, (raw, name) in enumerate(zip(header, names, strict=True)):
        if raw.strip().lower().endswith(".lookupid"):
            continue
        key = v.norm_key(name)
        role = _role(key)
        if role is not None and role not in roles:
            roles[role] = i
    return roles


def _role(key: str) -> str | None:
    table: list[tuple[str, frozenset[str]]] = [
        ("type", _TYPE_COL),
        ("objective", _OBJ_TEXT),
        ("kr", _KR_TEXT),
        ("objective_id", _OBJ_ID),
        ("kr_id", _KR_ID),
        ("row_id", _ROW_ID),
        ("parent", v.PARENT | {"parentid"}),
        ("owner", v.OWNER),
        ("baseline", v.BASELINE),
        ("target", v.TARGET),
        ("current", v.CURRENT),
        ("unit", v.UNIT),
        ("confidence", v.CONFIDENCE),
        ("progress", v.PROGRESS | v.SCORE),
        ("status", v.STATUS),
        ("due", v.DUE),
        ("period", v.PERIOD),
        ("team", v.TEAM),
        ("priority", v.PRIORITY),
        ("okr_type", frozenset({"okrtype", "commitment", "objectivetype"})),
    ]
    for role, names in table:
        if key in names:
            return role
    for name in _GENERIC_TEXT:
        if key == name:
            return f"text_{name}"
    return None


_PACKED_HEAD = re.compile(r"^\s*(?:goal|objective|obj|o\d*)\s*[:：]", re.IGNORECASE)
_PACKED_SPLIT = re.compile(
    r"[;；|]\s*(?P<label>(?:target|key\s*results?|krs?\s*\d*|metric|result)\s*[:：])", re.IGNORECASE
)


def _packed_parts(value: str) -> list[tuple[int, int]]:
    """Character ranges of the objective and each KR in ``Goal: …; Target: …``, labels excluded (cleaning
    strips "Objective:"/"KR1:" itself but not "Goal:"/"Target:")."""
    head = _PACKED_HEAD.match(value)
    cursor = head.end() if head else 0
    parts: list[tuple[int, int]] = []
    for match in _PACKED_SPLIT.finditer(value):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, len(value)))
    return parts


class _Layout:
    def __init__(self, source: str, cols: dict[str, int], header: list[str]) -> None:
        self.source = source
        self.cols = cols
        self.header = header
        generic = [cols[f"text_{n}"] for n in _GENERIC_TEXT if f"text_{n}" in cols]
        self.generic = generic[0] if generic else None
        # One row per objective with numbered KR columns ("KR1", "Key Result 2"): the wide layout.
        self.numbered_krs = [i for i, name in enumerate(header) if v.NUMBERED_KR.match(v.norm_key(name))]

    def read(self, rows: list[Row]) -> list[ObjectiveDraft]:
        type_col = self.cols.get("type")
        if type_col is not None and self._types_known(rows, type_col):
            return self._typed(rows, type_col)
        self.cols.pop("type", None)  # e.g. #29's "Category" is a team name: keep it in extra
        packed_col = self._packed_column(rows)
        if packed_col is not None:
            return self._packed(rows, packed_col)
        if "objective" in self.cols:
            return self._denormalised(rows)
        if "objective_id" in self.cols and "kr" not in self.cols and self.generic is not None:
            # A table of objectives keyed by an objective id ("id_obj,texto,…"): each row is an objective.
            drafts = [
                self._objective(r, c) for r in rows if (c := self._cleaned(r, self.generic)) is not None
            ]
            return drafts
        return []

    # --- layout 3: "Goal: …; Target: …" packed into one cell ------------------------------------------
    def _packed_column(self, rows: list[Row]) -> int | None:
        """The objective or generic text column when most of its cells pack an objective and its KRs."""
        col = self.cols.get("objective", self.generic)
        cells = [r.text(col) for r in rows if r.text(col)]
        packed = [c for c in cells if _PACKED_HEAD.match(c) and _PACKED_SPLIT.search(c)]
        return col if cells and len(packed) * 2 > len(cells) else None

    def _packed(self, rows: list[Row], col: int) -> list[ObjectiveDraft]:
        drafts: list[ObjectiveDraft] = []
        for row in rows:
            cell = row.get(col)
            if cell is None or not cell.value.strip():
                continue
            parts = _packed_parts(cell.value)
            cleaned = [self._part(row, cell, start, end) for start, end in parts]
            if not cleaned or cleaned[0] is None:
                continue
            draft = self._objective(row, cleaned[0])
            draft.key_results = [self._kr(row, kr) for kr in cleaned[1:] if kr is not None]
            drafts.append(draft)
        return drafts

    def _part(self, row: Row, cell: Cell, start: int, end: int) -> Cleaned | None:
        if cell.exact and cell.offsets:
            cleaned = clean_offsets(self.source, cell.offsets[start:end])
        else:
            cleaned = clean_value(cell.value[start:end], (row.start, row.end))
        return cleaned if cleaned.text else None

    def _types_known(self, rows: list[Row], col: int) -> bool:
        kinds = [v.norm_key(r.text(col)) for r in rows if r.text(col)]
        known = [k for k in kinds if k in _OBJ_TYPES or k in _KR_TYPES]
        return bool(known) and len(known) * 2 > len(kinds)

    # --- layout 1: a type column ---------------------------------------------------------------------
    def _typed(self, rows: list[Row], type_col: int) -> list[ObjectiveDraft]:
        drafts: list[ObjectiveDraft] = []
        by_id: dict[str, ObjectiveDraft] = {}
        pending: list[tuple[Row, KrDraft, ObjectiveDraft | None]] = []
        current: ObjectiveDraft | None = None
        for row in rows:
            kind = v.norm_key(row.text(type_col))
            if kind in _OBJ_TYPES:
                text_col = self.cols.get("objective", self.generic)
                cleaned = self._cleaned(row, text_col)
                if cleaned is None:
                    continue
                current = self._objective(row, cleaned)
                drafts.append(current)
                for ident in self._ids(row):
                    by_id.setdefault(ident, current)
            elif kind in _KR_TYPES:
                text_col = self.cols.get("kr", self.generic)
                cleaned = self._cleaned(row, text_col)
                if cleaned is not None:
                    pending.append((row, self._kr(row, cleaned), current))
        # Linked after all rows are read: exports can list a KR before its objective (#31).
        for row, kr, previous in pending:
            owner = self._owner_of(row, by_id) or previous
            if owner is not None:
                owner.key_results.append(kr)
        return drafts

    def _ids(self, row: Row) -> list[str]:
        return [
            row.text(self.cols.get(k))
            for k in ("objective_id", "row_id", "kr_id")
            if row.text(self.cols.get(k))
        ]

    def _owner_of(self, row: Row, by_id: dict[str, ObjectiveDraft]) -> ObjectiveDraft | None:
        """Link a KR row to its objective: parent id, then a hierarchical id (``1.2`` -> ``1``)."""
        parent = row.text(self.cols.get("parent")).split(" : ")[0].strip()
        if parent and parent in by_id:
            return by_id[parent]
        objective_id = row.text(self.cols.get("objective_id"))
        if objective_id in by_id:
            return by_id[objective_id]
        for ident in self._ids(row):
            stem = re.sub(r"[.\-]\d+$", "", ident)
            if stem != ident and stem in by_id:
                return by_id[stem]
        return None

    # --- layout 2: one row per KR with the objective repeated ----------------------------------------
    def _denormalised(self, rows: list[Row]) -> list[ObjectiveDraft]:
        drafts: list[ObjectiveDraft] = []
        groups: dict[tuple[str, str, str], ObjectiveDraft] = {}
        current: ObjectiveDraft | None = None
        for row in rows:
            obj_text = row.text(self.cols["objective"])
            if obj_text:
                key = (obj_text, row.text(self.cols.get("team")), row.text(self.cols.get("period")))
                if key not in groups:
                    cleaned = self._cleaned(row, self.cols["objective"])
                    if cleaned is None:
                        continue
                    groups[key] = self._objective(row, cleaned, kr_row="kr" in self.cols)
                    drafts.append(groups[key])
                current = groups[key]
            if current is None:
                continue
            if "kr" in self.cols:
                cleaned = self._cleaned(row, self.cols["kr"])
                if cleaned is not None:
                    current.key_results.append(self._kr(row, cleaned))
            for col in self.numbered_krs:
                cleaned = self._cleaned(row, col)
                if cleaned is not None:
                    current.key_results.append(KrDraft(cleaned=cleaned, id=self.header[col] or None))
        return drafts

    # --- fields -------------------------------------------------------------------------------------
    def _cleaned(self, row: Row, col: int | None) -> Cleaned | None:
        cell = row.get(col)
        if cell is None or not cell.value.strip():
            return None
        if cell.exact and cell.offsets:
            cleaned = clean_offsets(self.source, cell.offsets)
        else:
            cleaned = clean_value(cell.value, (row.start, row.end))
        return cleaned if cleaned.text else None

    def _objective(self, row: Row, cleaned: Cleaned, *, kr_row: bool = False) -> ObjectiveDraft:
        parent = row.text(self.cols.get("parent"))
        draft = ObjectiveDraft(
            cleaned=cleaned,
            id=row.text(self.cols.get("objective_id"))
            or (None if kr_row else row.text(self.cols.get("row_id")))
            or None,
            owner=None if kr_row else row.text(self.cols.get("owner")) or None,
            team=row.text(self.cols.get("team")) or None,
            period=row.text(self.cols.get("period")) or None,
            type=row.text(self.cols.get("okr_type")) or None,
            parent=[parent] if parent and ("kr" in self.cols or not kr_row) else [],
        )
        if not kr_row:
            draft.extra = self._extra(row)
        return draft

    def _kr(self, row: Row, cleaned: Cleaned) -> KrDraft:
        baseline, b_unit = v.to_number(row.text(self.cols.get("baseline")))
        target, t_unit = v.to_number(row.text(self.cols.get("target")))
        current_value, c_unit = v.to_number(row.text(self.cols.get("current")))
        kr = KrDraft(
            cleaned=cleaned,
            id=row.text(self.cols.get("kr_id")) or row.text(self.cols.get("row_id")) or None,
            owner=row.text(self.cols.get("owner")) or None,
            priority=row.text(self.cols.get("priority")) or None,
            status=row.text(self.cols.get("status")) or None,
            progress=v.to_fraction(row.text(self.cols.get("progress")) or None),
            confidence=v.to_fraction(row.text(self.cols.get("confidence")) or None),
            baseline=baseline,
            target=target,
            current=current_value,
            unit=row.text(self.cols.get("unit")) or t_unit or b_unit or c_unit,
            due=row.text(self.cols.get("due")) or None,
            extra=self._extra(row),
        )
        return kr

    def _extra(self, row: Row) -> dict[str, str]:
        used = set(self.cols.values()) | set(self.numbered_krs)
        return {
            name: row.text(i)
            for i, name in enumerate(self.header)
            if i not in used and name and row.text(i) and not name.lower().endswith(".lookupid")
        }
