"""Behaviour on the guides' own labelled statements: a warning on a good statement is a bug.

Contested rows are judgement calls and are never asserted on. Accuracy figures (recall, F1) are reported by
benchmarks/accuracy.py, not asserted here.
"""

from __future__ import annotations

import json

import pytest

from okrlint.api import Linter
from okrlint.models import Severity
from tests.conftest import SHARED

LABELS = SHARED / "eval" / "seed_labels.jsonl"


def _rows(label: str) -> list:
    if not LABELS.is_file():
        return []
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [pytest.param(r, id=r["id"]) for r in rows if r["label"] == label]


pytestmark = pytest.mark.skipif(not LABELS.is_file(), reason="seed labels are not beside this checkout")


@pytest.mark.parametrize("row", _rows("good"))
def test_good_seed_statement_gets_no_warning(row: dict, linter: Linter) -> None:
    findings = linter.lint_statement(row["text"], kind=row["kind"], objective=row["objective"])
    loud = [f"{f.code}: {f.message}" for f in findings if f.severity.at_least(Severity.WARNING)]
    assert not loud
