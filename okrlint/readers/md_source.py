"""Where a markdown-it block's text sits in the source: line maps -> exact character ranges."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from okrlint.positions import LineIndex

_LIST_MARKERS = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))+")
_ATX_OPEN = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_LEADING_WS = re.compile(r"^[ \t]*")
_WHOLLY_BOLD = re.compile(r"^(?:\[[ xX]\]\s*)?(\*\*|__)(?P<inner>.+?)\1\s*[:：]?$", re.DOTALL)
_WHOLLY_EMPHASIS = re.compile(r"^(\*|_)(?P<inner>[^*_]+)\1$")


class SourceLines:
    """Line-based access to the source with the same line breaks as ``LineIndex``.

    ``shapes`` holds, for lines the parser was shown in another shape (see ``md_person``), the line as parsed:
    it differs from the source only before the text, so markers are matched on the shape and the text is
    taken from the source.
    """

    def __init__(self, source: str, shapes: dict[int, str] | None = None) -> None:
        self.source = source
        self.index = LineIndex(source)
        self.count = len(self.index.line_starts)
        self.shapes = shapes or {}

    def start(self, line: int) -> int:
        """Offset of the first character of 0-based ``line``."""
        return self.index.line_starts[min(line, self.count - 1)]

    def end(self, line: int) -> int:
        """Offset just past the last character of 0-based ``line``, before its line break."""
        line = min(line, self.count - 1)
        return self.start(line) + len(self.index.line_text(line + 1))

    def text(self, line: int) -> str:
        return self.index.line_text(min(line, self.count - 1) + 1)

    def block_range(self, first: int, last: int, prefix: re.Pattern[str] = _LEADING_WS) -> tuple[int, int]:
        """Range from the first line (after ``prefix``) to the end of the ``last`` line (inclusive)."""
        first_text = self.text(first)
        shape = self.shapes.get(first, first_text)
        match = prefix.match(shape)
        skip = match.end() if match else 0
        if shape is not first_text:
            skip = max(0, len(first_text) - (len(shape) - skip))  # the same text, after another prefix
        return self.start(first) + skip, self.end(max(first, last))


def paragraph_range(lines: SourceLines, node: SyntaxTreeNode, first_in_item: bool) -> tuple[int, int]:
    """A paragraph's text; the first paragraph of a list item starts after the list marker."""
    first, stop = node.map or (0, 1)
    prefix = _LIST_MARKERS if first_in_item else _LEADING_WS
    return lines.block_range(first, stop - 1, prefix)


def heading_range(lines: SourceLines, node: SyntaxTreeNode) -> tuple[int, int]:
    """An ATX heading's text without ``#`` marks, or a Setext heading's lines without the underline."""
    first, stop = node.map or (0, 1)
    if node.markup and node.markup[0] in "=-":
        return lines.block_range(first, max(first, stop - 2))
    text = lines.text(first)
    opening = _ATX_OPEN.match(text)
    start = opening.end() if opening else 0
    closing = _ATX_CLOSE.search(text, start)
    end = closing.start() if closing else len(text)
    base = lines.start(first)
    return base + start, base + max(start, end)


def is_wholly_bold(raw: str) -> bool:
    """``**Grow revenue**`` (optionally followed by a colon): the whole paragraph is one bold run."""
    match = _WHOLLY_BOLD.match(raw.strip())
    return bool(match) and "**" not in match.group("inner") and "__" not in match.group("inner")


def is_wholly_emphasis(raw: str) -> bool:
    """``*note*``: an italic-only separator row or aside."""
    return bool(_WHOLLY_EMPHASIS.match(raw.strip()))


def split_table_row(lines: SourceLines, line: int) -> list[tuple[int, int]]:
    """Cell ranges of a GFM table row: split on unescaped ``|``; the outer pipes are optional."""
    text = lines.text(line)
    base = lines.start(line)
    bounds: list[int] = [-1]
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "|":
            bounds.append(i)
        i += 1
    bounds.append(len(text))
    cells: list[tuple[int, int]] = []
    for k in range(len(bounds) - 1):
        start, end = bounds[k] + 1, bounds[k + 1]
        cells.append((base + start, base + end))
    stripped = text.strip()
    # Outer pipes produce an empty first/last "cell" that is not a column.
    if stripped.startswith("|") and cells:
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and cells:
        cells = cells[:-1]
    return cells
