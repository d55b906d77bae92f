"""Layouts found in real OKR files outside the development set, each as a small synthetic document.

Each test names the class of layout it covers; the expected counts are what a careful reader counts.
"""

from __future__ import annotations

from readers_support import check_statement_maps, kr_counts

from okrlint.models import OkrDocument
from okrlint.readers import read_document


def _read(text: str, name: str = "okrs.md") -> OkrDocument:
    doc = read_document(text, name)
    check_statement_maps(doc, text)
    return doc


def _objectives(doc: OkrDocument) -> list[str]:
    return [o.statement.text for o in doc.objectives]


def _krs(doc: OkrDocument) -> list[list[str]]:
    return [[kr.statement.text for kr in o.key_results] for o in doc.objectives]


# --- tables ------------------------------------------------------------------------------------------------
def test_table_headers_that_gloss_an_abbreviation_in_brackets() -> None:
    """ "O (Objective)" / "KR（Key Result）" headers; objective and first KR share a row."""
    text = (
        "| O (Objective) | KR（Key Result） | Week 1 |\n"
        "| --- | --- | --- |\n"
        "| O1 - Run a half marathon | KR1 - Run three times a week | /12 |\n"
        "| | KR2 - Finish a 15 km training run | |\n"
        "| O2 - Read more widely | KR3 - Finish six books outside my field | |\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Run a half marathon", "Read more widely"]
    assert kr_counts(doc) == [2, 1]
