"""HTML ``<table>`` blocks inside Markdown (exports from wikis and docs tools): rows and cell ranges.

Cells are located with a small scanner rather than an HTML parser because statements need the file offsets of
each cell's content; the content's own markup (``<p>``, ``<b>``, ``<br>``) is removed later by cleaning.
"""

from __future__ import annotations

import re

_ROW = re.compile(r"<tr\b[^>]*>(?P<body>.*?)(?:</tr\s*>|(?=<tr\b)|$)", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<t[dh]\b[^>]*>(?P<body>.*?)(?:</t[dh]\s*>|(?=<t[dh]\b)|$)", re.IGNORECASE | re.DOTALL)
_HEADER_CELL = re.compile(r"<th\b", re.IGNORECASE)


def html_table_rows(
    source: str, start: int, end: int
) -> tuple[list[tuple[int, int]], list[list[tuple[int, int]]]]:
    """The header row's cells and the other rows' cells of the table in ``source[start:end]``.

    The header is the first row (``<th>`` cells or, as wiki exports write it, ``<td>`` cells of labels).
    """
    rows: list[list[tuple[int, int]]] = []
    for row in _ROW.finditer(source, start, end):
        base = row.start("body")
        body = row.group("body")
        cells = [(base + c.start("body"), base + c.end("body")) for c in _CELL.finditer(body)]
        if cells:
            rows.append(cells)
    if not rows:
        return [], []
    return rows[0], rows[1:]


def has_header_cells(source: str, start: int, end: int) -> bool:
    return bool(_HEADER_CELL.search(source, start, end))
