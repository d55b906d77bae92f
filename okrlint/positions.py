"""File offsets <-> 1-based (line, column) positions, in code points.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, the way editors count them.
"""

from __future__ import annotations

from bisect import bisect_right

from okrlint.models import Position


class LineIndex:
    """Precomputed line starts of one text so that conversions are O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == "\r":
                if i + 1 < n and text[i + 1] == "\n":
                    i += 1
                starts.append(i + 1)
            elif ch == "\n":
                starts.append(i + 1)
            i += 1
        self.line_starts = starts

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
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
