"""File offsets <-> 1-based (line, column) positions, in code points.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, the way editors count them.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from okrlint.models import Position

_LINE_BREAK = re.compile("\r\n|\r|\n")


class LineIndex:
    """Precomputed line starts of one text so that conversions are O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # One regex scan, not a Python loop over every character (an index is made for every statement linted
        # on its own, each rewrite checked included, and for every file); 8 bytes a line instead of 36 for a
        # list of ints (a file of 100,000 key results has 150,000 lines)
        self.line_starts = array("q", [0, *(m.end() for m in _LINE_BREAK.finditer(text))])
        # The line last asked for: consecutive findings on one line share its text.
        self._last_line: tuple[int, str] = (0, "")

    def position(self, offset: int) -> Position:
        """Position of ``offset`` (clamped to the text); the end of the text is a valid position."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset) - 1
        return Position(line=line + 1, column=offset - self.line_starts[line] + 1)

    def offset(self, position: Position) -> int:
        """Offset of a 1-based position; columns past the end of a line clamp to that line's end."""
        line = min(position.line, len(self.line_starts)) - 1
        start = self.line_starts[line]
        end = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        return min(start + position.column - 1, end)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        last = self._last_line
        if last[0] == line:
            return last[1]
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        text = self.text[start:end].rstrip("\r\n")
        self._last_line = (line, text)
        return text


@dataclass(frozen=True)
class CellRef:
    """Where a run of characters of a ``CellText`` came from: a spreadsheet cell."""

    start: int  # offset of the cell's first character in the CellText
    sheet: str
    row: int  # 1-based, as the spreadsheet numbers rows
    column: int  # 1-based: A = 1

    @property
    def ref(self) -> str:
        letters = ""
        n = self.column
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return f"{letters}{self.row}"


class CellText(str):
    """The text a spreadsheet is read as (one line per row, cells separated by tabs), knowing the sheet, row
    and column of each cell, so that positions are spreadsheet positions (``file.xlsx:ROW:COL``)."""

    cells: tuple[CellRef, ...]

    def __new__(cls, text: str, cells: tuple[CellRef, ...]) -> CellText:
        obj = super().__new__(cls, text)
        obj.cells = cells
        return obj

    def __reduce__(self) -> tuple[type[CellText], tuple[str, tuple[CellRef, ...]]]:
        return (CellText, (str(self), self.cells))


class CellIndex(LineIndex):
    """Positions in a ``CellText``: the row and column of the cell an offset falls in."""

    def __init__(self, text: CellText) -> None:
        super().__init__(text)
        self.cells = text.cells
        self.starts = [cell.start for cell in text.cells]
        self.last: CellRef | None = None

    def cell(self, offset: int) -> CellRef | None:
        i = bisect_right(self.starts, offset) - 1
        return self.cells[i] if i >= 0 else None

    def position(self, offset: int) -> Position:
        cell = self.cell(offset)
        if cell is None:
            return super().position(offset)
        self.last = cell
        return Position(line=cell.row, column=cell.column)

    def line_text(self, line: int) -> str:
        """The sheet and cell last located on this row, and the row's text: ``Team B!B3: …``."""
        cell = self.last
        if cell is None or cell.row != line:
            return ""
        row_start = self.text.rfind("\n", 0, cell.start) + 1
        row_end = self.text.find("\n", cell.start)
        row_text = self.text[row_start : row_end if row_end >= 0 else len(self.text)]
        return f"{cell.sheet}!{cell.ref}: {row_text.replace(chr(9), ' | ')}"


def index_for(text: str) -> LineIndex:
    """The position index of a source text: spreadsheet cells for a ``CellText``, lines otherwise."""
    return CellIndex(text) if isinstance(text, CellText) else LineIndex(text)
