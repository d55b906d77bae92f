"""What was not read or not judged: X003 (nothing read), S318 (statements not in English)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from okrlint.checks.base import CheckContext, DocumentUnit, Hit, HitIterator, Unit

if TYPE_CHECKING:
    from okrlint.suppress import SuppressionUnit

# What each reader looks for, in the words a user needs to fix their file.
_LOOKED_FOR = {
    "markdown": "an objective heading, list, table or `Objective:` label",
    "yaml": "an `objectives` list or a mapping with objective and key-result keys",
    "json": "an `objectives` list or an object with objective and key-result keys",
    "csv": "an objective or key-result column",
    "text": "an `Objective:` line",
    "xlsx": "a sheet with an objective or key-result column",
    "ods": "a sheet with an objective or key-result column",
}
_FORMAT_NAMES = {
    "markdown": "Markdown",
    "yaml": "YAML",
    "json": "JSON",
    "csv": "CSV",
    "text": "plain text",
    "xlsx": "a spreadsheet",
    "ods": "a spreadsheet",
}
_FIRST_TEXT = re.compile(r"\S[^\r\n]*")


def nothing_read(unit: SuppressionUnit, ctx: CheckContext) -> HitIterator:
    """X003: the file yielded no objective (key results always sit under one), so nothing was judged."""
    document = unit.document
    if document.objectives:
        return
    first = _FIRST_TEXT.search(unit.source)
    start, end = (first.start(), first.end()) if first else (0, 0)
    yield Hit(
        start,
        end,
        {
            "format": _FORMAT_NAMES.get(document.format, document.format),
            "looked_for": _LOOKED_FOR.get(document.format, "objectives and key results"),
            "empty": first is None,
        },
    )


def statements_not_in_english(unit: Unit, ctx: CheckContext) -> HitIterator:
    """S318: once per file, on its first statement not in English: its wording was not judged."""
    assert isinstance(unit, DocumentUnit)
    foreign_ids = [statement_id for statement_id, a in unit.analyses.items() if not a.english]
    if not foreign_ids:
        return
    first = next((s for s in unit.document.iter_statements() if s.id == foreign_ids[0]), None)
    if first is None:
        return
    foreign, total = len(foreign_ids), len(unit.analyses)
    preview = first.text if len(first.text) <= 40 else first.text[:40].rstrip() + "…"
    yield Hit(
        0,
        len(first.text),
        {"count": foreign, "total": total, "first": preview},
        statement_id=first.id,
    )
