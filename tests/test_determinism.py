"""The same input gives byte-identical output on every run, whatever Python's string hashing seed is.

CI jobs diff reports and SARIF uploads are matched run to run, so no message may depend on set order.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

# Statements whose messages pick one word among several candidates (problem markers, vague terms, …).
_OKRS = """# Finance OKRs Q3 2024

## We have a lot of overdue payments (causing penalties) and late financial reports although we are always busy and always in a rush

- Improve reporting and be more accurate and faster
- Launch the new invoicing tool

## Become an expert, world-class and important team in payments

- Reduce average days sales outstanding from 45 to 30
"""


def _report(path: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "okrlint.cli", "check", "--isolated", "--output-format", "json"]
    result = subprocess.run([*command, str(path), str(REPO / "examples")], capture_output=True, env=env)
    assert result.returncode == 1, result.stderr.decode()
    return result.stdout


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    okr = tmp_path / "finance.md"
    okr.write_text(_OKRS, encoding="utf-8")
    reports = {_report(okr, seed) for seed in ("0", "1", "2", "3", "4", "5")}
    assert len(reports) == 1
