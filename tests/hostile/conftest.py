"""Hostile input: every file yields findings or exactly one ``path:line:col: error: …`` line (exit 2), never a
traceback or a hang, and the other files of the same run are still linted.

Small nasty fixtures live in ``tests/fixtures/nasty/``; big, binary or platform-dependent ones (UTF-16, NUL
bytes, CR line ends, oversized or sparse files, FIFOs, symlink loops) are made in ``tmp_path`` by the tests.
Every case runs next to ``examples/good/product-q3.md``, whose result must not change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from okrlint.cli import main
from okrlint.discovery import display_path
from tests.conftest import REPO

GOOD = REPO / "examples" / "good" / "product-q3.md"
NASTY = REPO / "tests" / "fixtures" / "nasty"
ERROR_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): error: (?P<message>\S.*)$")


@dataclass(frozen=True)
class GoodBaseline:
    """How the good file lints on its own: its summary entry and its findings (code, line, column)."""

    path: str
    summary: dict[str, Any]
    findings: list[tuple[str, int, int]]


@dataclass
class Outcome:
    """One ``okrlint check`` of some hostile paths plus the good file, in text and in JSON."""

    exit_code: int
    text: str
    report: dict[str, Any]
    error_lines: list[re.Match[str]] = field(default_factory=list)

    def errors_for(self, path: Path | str) -> list[re.Match[str]]:
        shown = display_path(Path(path))
        return [m for m in self.error_lines if m["path"] == shown]

    def linted(self, path: Path | str) -> dict[str, Any] | None:
        shown = display_path(Path(path))
        return next((f for f in self.report["files"] if f["path"] == shown), None)


def invoke(args: list[str], stdin: bytes | None = None) -> Result:
    """Run the CLI in-process (the spaCy model loads once per test session) and fail on any traceback."""
    result = CliRunner().invoke(main, args, input=stdin)
    assert "Traceback" not in result.output, result.output
    # SystemExit is how click reports the exit code; any other exception escaped the CLI's error handling.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _findings_of(report: dict[str, Any], shown: str) -> list[tuple[str, int, int]]:
    return sorted(
        (f["code"], f["start"]["line"], f["start"]["column"])
        for f in report["findings"]
        if f["path"] == shown
    )


@pytest.fixture(scope="session")
def good_baseline() -> GoodBaseline:
    result = invoke(["check", "--isolated", "--output-format", "json", str(GOOD)])
    report = json.loads(result.stdout)
    shown = display_path(GOOD)
    (summary,) = [f for f in report["files"] if f["path"] == shown]
    return GoodBaseline(shown, summary, _findings_of(report, shown))


def check_with_good(
    paths: list[Path | str], baseline: GoodBaseline, *options: str, text_run: bool = True
) -> Outcome:
    """``okrlint check`` of ``paths`` and the good file, asserting that the good file's result is unchanged.

    Two runs: text output (the ``path:line:col: error:`` lines) and JSON (which files were linted). A test
    whose input takes seconds to read passes ``text_run=False`` and gets the error lines the text formatter
    renders from the JSON run's errors (the text output is a pure function of the same report).
    """
    args = ["check", "--isolated", *options, *map(str, paths), str(GOOD)]
    as_json = invoke([*args[:2], "--output-format", "json", *args[2:]])
    report = json.loads(as_json.stdout)
    if text_run:
        text = invoke(args)
        assert text.exit_code == as_json.exit_code
        lines, output = text.stdout.splitlines(), text.output
    else:
        lines = [
            f"{e['path']}:{e['start']['line']}:{e['start']['column']}: error: {e['message']}"
            for e in report["errors"]
        ]
        output = as_json.output
    outcome = Outcome(as_json.exit_code, output, report)
    outcome.error_lines = [m for m in map(ERROR_LINE.match, lines) if m]
    good = outcome.linted(GOOD)
    assert good == baseline.summary, "the good file was not linted, or not as it is on its own"
    assert _findings_of(report, baseline.path) == baseline.findings
    assert not outcome.errors_for(GOOD)
    return outcome


def assert_one_error(outcome: Outcome, path: Path | str, contains: str = "") -> re.Match[str]:
    """Exactly one ``path:line:col: error: …`` line for ``path``, exit code 2, and the file not linted."""
    errors = outcome.errors_for(path)
    assert len(errors) == 1, outcome.text
    assert outcome.exit_code == 2
    assert outcome.linted(path) is None
    assert int(errors[0]["line"]) >= 1 and int(errors[0]["col"]) >= 1
    assert contains.lower() in errors[0]["message"].lower(), errors[0]["message"]
    return errors[0]


def assert_linted(outcome: Outcome, path: Path | str, alone: bool = True) -> dict[str, Any]:
    """The file was read and linted (findings or none): no error line for it, and when it is the only
    hostile path of the run, exit 0 or 1."""
    assert not outcome.errors_for(path), outcome.text
    summary = outcome.linted(path)
    assert summary is not None, outcome.text
    if alone:
        assert outcome.exit_code in (0, 1), outcome.text
    return summary


def assert_findings_or_one_error(outcome: Outcome, path: Path | str, alone: bool = True) -> None:
    """The contract for any input at all."""
    if outcome.errors_for(path):
        assert_one_error(outcome, path)
    else:
        assert_linted(outcome, path, alone)
