"""The quick clean-or-not verdict used for rewrites agrees with the full findings on every labelled statement."""

from __future__ import annotations

import json

from okrlint.api import Linter
from okrlint.models import Severity, StatementKind

from .conftest import REPO, SHARED


def _rows() -> list[dict]:
    # The held-out labels stay out of every test: they are only ever scored in aggregate.
    dev = [REPO / "benchmarks" / "data" / name for name in ("dev_labels.jsonl", "dev2_labels.jsonl")]
    paths = [SHARED / "eval" / "seed_labels.jsonl", *dev]
    return [
        json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line
    ]


def test_verdict_matches_lint_statement(linter: Linter) -> None:
    rows = _rows()
    assert len(rows) > 300
    disagreements = []
    seen_both = set()
    for row in rows:
        kind = StatementKind(row["kind"])
        objective = row.get("objective") if kind is StatementKind.KEY_RESULT else None
        findings = linter.lint_statement(row["text"], kind=kind, objective=objective, suggest=False)
        expected = not any(f.severity.at_least(Severity.WARNING) for f in findings)
        seen_both.add(expected)
        if linter.statement_is_clean(row["text"], kind, objective) != expected:
            disagreements.append(row["text"])
    assert disagreements == []
    assert seen_both == {True, False}  # both verdicts were exercised
