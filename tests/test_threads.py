"""Linters used from many threads at once give exactly what they give one call at a time."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from okrlint.api import Linter
from okrlint.config import Config
from okrlint.models import Finding, StatementKind

from .conftest import SHARED


def _signature(findings: list[Finding]) -> list[tuple[str, int, int, str, tuple[str, ...]]]:
    return [
        (f.code, f.span.start, f.span.end, f.message, tuple(s.text for s in f.suggestions)) for f in findings
    ]


def test_two_linters_sharing_one_pipeline_across_threads() -> None:
    rows = [
        json.loads(line) for line in (SHARED / "eval" / "seed_labels.jsonl").read_text().splitlines() if line
    ]
    jobs = [(StatementKind(r["kind"]), r["text"], r.get("objective")) for r in rows]
    linters = [Linter(), Linter(Config(select=["K", "O"], severity={"K204": "error"}))]

    def lint(task: tuple[int, tuple[StatementKind, str, str | None]]) -> list:
        i, (kind, text, objective) = task
        linter = linters[i % 2]
        return _signature(linter.lint_statement(text, kind=kind, objective=objective))

    tasks = list(enumerate(jobs))
    # Fresh linters (empty caches) so the threads really parse at the same time.
    with ThreadPoolExecutor(max_workers=6) as pool:
        threaded = list(pool.map(lint, tasks))
    linters[:] = [Linter(), Linter(Config(select=["K", "O"], severity={"K204": "error"}))]
    sequential = [lint(task) for task in tasks]
    assert threaded == sequential
    assert any(threaded)  # findings were produced, not just empty lists
