"""Spreadsheets (``.xlsx``, ``.xlsm``, ``.ods``): each sheet read as a CSV table would be.

python-calamine reads the workbook (cell values as last computed, never formulas; merged ranges exposed), about
20 times faster than openpyxl on a 5,000-row workbook (``benchmarks/xlsx_readers.py``). The workbook becomes a
``CellText``: one line per row and a tab between cells, every cell knowing its sheet, row and column, so that a
statement's position is its cell (``file.xlsx:ROW:COL``) and the CSV reader's layout detection runs unchanged.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from pathlib import PurePath
from typing import Any

from okrlint.models import OkrDocument
from okrlint.positions import CellRef, CellText
from okrlint.readers.assemble import ObjectiveDraft
from okrlint.readers.csv_reader import Cell, Row, columns, document_of, table_drafts
from okrlint.readers.errors import ReadError

SPREADSHEET_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".ods"})
_ZIP_MAGIC = b"PK\x03\x04"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"  # stored first, uncompressed, in an ODS
_MIMETYPE_WINDOW = 4096
_HEADER_SEARCH = 20
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # rows searched for the header row


def is_spreadsheet(path: str | None, data: bytes) -> bool:
    """By extension, or by content: a zip archive holding a workbook (Excel's ``xl/`` or an ODF spreadsheet)."""
    if path and PurePath(path).suffix.lower() in SPREADSHEET_EXTENSIONS:
        return True
    if not data.startswith(_ZIP_MAGIC):
        return False
    head = data[:_MIMETYPE_WINDOW]
    return b"xl/" in data or _ODS_MIMETYPE in head


def read_spreadsheet(data: bytes, path: str) -> tuple[OkrDocument, CellText]:
    """The workbook's OKRs and the text its positions refer to. Sheets whose header names no OKR column are
    skipped; with OKRs on several sheets, each sheet's name is its objectives' team unless a column says."""
    from python_calamine import CalamineError, CalamineWorkbook

    _refuse_zip_bomb(data, path)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [(name, workbook.get_sheet_by_name(name)) for name in workbook.sheet_names]
        grids = [
            (name, sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or [])
            for name, sheet in sheets
        ]
    except (CalamineError, ValueError, OSError) as exc:
        raise ReadError(path, message=f"cannot read spreadsheet: {exc}") from None
    builder = _TextBuilder()
    sheet_rows = [(name, builder.sheet(name, grid, merged)) for name, grid, merged in grids]
    text = builder.text()
    per_sheet: list[tuple[str, list[ObjectiveDraft]]] = []
    for name, rows in sheet_rows:
        drafts = table_drafts(text, rows[_header_row(rows) :])
        if drafts:
            per_sheet.append((name, drafts))
    if len(per_sheet) > 1:
        for name, drafts in per_sheet:
            for draft in drafts:
                draft.team = draft.team or name
    for name, drafts in per_sheet:
        for draft in drafts:
            draft.extra.setdefault("sheet", name)
    all_drafts = [d for _, drafts in per_sheet for d in drafts]
    fmt = "ods" if _ODS_MIMETYPE in data[:_MIMETYPE_WINDOW] else "xlsx"
    return document_of(text, path, fmt, all_drafts), text


def _refuse_zip_bomb(data: bytes, path: str) -> None:
    """A workbook is a zip archive: refuse one that unpacks to more than ``MAX_UNPACKED_BYTES`` before reading
    it, as its sizes are declared in the archive's directory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError(path, message="cannot read spreadsheet: not a valid zip archive") from None
    if unpacked > MAX_UNPACKED_BYTES:
        message = (
            f"spreadsheet unpacks to {unpacked} bytes; okrlint reads workbooks of up to {MAX_UNPACKED_BYTES}"
        )
        raise ReadError(path, message=message)


def _header_row(rows: list[Row]) -> int:
    """Index of the first row that names an OKR column (a sheet may open with a title or notes); 0 if none."""
    for i, row in enumerate(rows[:_HEADER_SEARCH]):
        roles = columns([c.value for c in row.cells])
        if (
            "objective" in roles
            or "kr" in roles
            or ("type" in roles and any(r.startswith("text_") for r in roles))
        ):
            return i
    return 0


class _TextBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.cells: list[CellRef] = []

    def _add(self, chunk: str) -> int:
        start = self.length
        self.parts.append(chunk)
        self.length += len(chunk)
        return start

    def sheet(self, name: str, grid: list[list[Any]], merged: list[Any]) -> list[Row]:
        """Rows of one sheet; a merged range's value stands in every cell of the range."""
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for (top, left), (bottom, right) in merged:
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    if (r, c) != (top, left):
                        owner[(r, c)] = (top, left)
        rows: list[Row] = []
        placed: dict[tuple[int, int], Cell] = {}
        for r, values in enumerate(grid):
            row_start = self.length
            cells: list[Cell] = []
            for c, value in enumerate(values):
                if c:
                    self._add("\t")
                anchor = owner.get((r, c))
                if anchor is not None and anchor in placed:
                    cells.append(Cell(placed[anchor].value, list(placed[anchor].offsets)))
                    continue
                shown = _text(value)
                start = self._add(shown)
                self.cells.append(CellRef(start=start, sheet=name, row=r + 1, column=c + 1))
                cell = Cell(shown, list(range(start, start + len(shown))))
                placed[(r, c)] = cell
                cells.append(cell)
            rows.append(Row(line=r + 1, start=row_start, end=self.length, cells=cells))
            self._add("\n")
        return [row for row in rows if any(c.value.strip() for c in row.cells)]

    def text(self) -> CellText:
        return CellText("".join(self.parts), tuple(self.cells))


def _text(value: Any) -> str:
    """A cell's value as text on one line (line breaks inside a cell become spaces, keeping its length)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).replace("\r", " ").replace("\n", " ").replace("\t", " ")
