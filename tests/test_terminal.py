"""The command on a terminal: colour (--color, NO_COLOR, FORCE_COLOR), --statistics, the progress bar, and
`okrlint check` with no path."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from okrlint import terminal
from okrlint.api import Linter
from okrlint.cli import main
from okrlint.session import lint_sources
from okrlint.terminal import progress_bar, use_color
from tests.conftest import REPO

ANSI = re.compile(r"\x1b\[[0-9;]*m")
EXAMPLE = str(REPO / "examples" / "marketing-q3.md")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("choice", "env", "tty", "expected"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # an empty NO_COLOR is unset (no-color.org)
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "0"}, False, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ("auto", {"TERM": "dumb"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_when_to_colour(choice: str, env: dict[str, str], tty: bool, expected: bool) -> None:
    stream = FakeTerminal() if tty else io.StringIO()
    assert use_color(choice, stream, env) is expected


def _check(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["check", *args], env={"NO_COLOR": None, "FORCE_COLOR": None, **(env or {})}
    )
    return result.exit_code, result.output


def test_colour_changes_only_the_paint() -> None:
    plain_code, plain = _check(EXAMPLE)
    colour_code, colour = _check(EXAMPLE, "--color", "always")
    assert not ANSI.search(plain)
    assert ANSI.search(colour)
    assert ANSI.sub("", colour) == plain and colour_code == plain_code
    _, full = _check(EXAMPLE, "--color", "always", "--output-format", "full")
    assert ANSI.sub("", full) == _check(EXAMPLE, "--output-format", "full")[1]


def test_colour_from_the_environment_and_never_in_machine_formats(tmp_path: Path) -> None:
    assert ANSI.search(_check(EXAMPLE, env={"FORCE_COLOR": "1"})[1])
    assert not ANSI.search(_check(EXAMPLE, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})[1])
    _, out = _check(EXAMPLE, "--color", "always", "--output-format", "json")
    json.loads(out)
    target = tmp_path / "report.txt"
    _check(EXAMPLE, "--color", "always", "--output-file", str(target))
    assert not ANSI.search(target.read_text(encoding="utf-8"))


def test_statistics_counts_each_rule() -> None:
    code, out = _check(EXAMPLE, "--statistics")
    report = json.loads(_check(EXAMPLE, "--output-format", "json")[1])
    rows = {
        m["code"]: int(m["n"]) for m in re.finditer(r"^\s*(?P<n>\d+)\s+(?P<code>[A-Z]\d{3})\s", out, re.M)
    }
    assert rows == report["summary"]["by_code"]
    counts = list(rows.values())
    assert counts == sorted(counts, reverse=True)
    assert code == 1  # the exit code is the run's, whatever is printed


def test_statistics_as_json_with_the_json_format() -> None:
    code, out = _check(EXAMPLE, "--statistics", "--output-format", "json")
    rows = json.loads(out)
    report = json.loads(_check(EXAMPLE, "--output-format", "json")[1])
    assert {row["code"]: row["count"] for row in rows} == report["summary"]["by_code"]
    assert all(set(row) == {"code", "name", "severity", "count"} for row in rows)
    assert code == 1


def test_statistics_with_a_format_it_cannot_take_is_one_error() -> None:
    code, out = _check(EXAMPLE, "--statistics", "--output-format", "sarif")
    assert code == 2
    assert out.splitlines() == [
        "okrlint: error: --statistics prints a table or JSON; it does not combine with --output-format sarif"
    ]


def test_no_path_lints_the_current_folder_as_configured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "team.md").write_text(
        "## Objective: Delight customers\n\n- Launch the new help centre\n", encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("- Launch a thing\n", encoding="utf-8")
    (tmp_path / "okrlint.toml").write_text('include = ["okrs/**"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out = _check()
    assert code == 1
    assert "okrs/team.md" in out and "README" not in out


def test_no_path_in_a_folder_without_okr_files_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert result.stdout == ""  # no "All clear: 0 files checked" above the error
    assert result.stderr.strip() == "okrlint: error: no files to lint"


def test_progress_reaches_the_total() -> None:
    seen: list[tuple[int, int]] = []
    result = lint_sources([str(REPO / "examples")], progress=lambda done, total: seen.append((done, total)))
    total = sum(f.objectives + f.key_results for f in result.report.files)
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_moves_during_a_run_of_a_few_hundred_statements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    objective = "## Objective: Delight our customers\n\n" + "- Raise CSAT from 82% to 90%\n" * 4
    for team in range(8):
        (tmp_path / f"team{team}.md").write_text(
            f"# Team {team}, Q4 2024\n\n" + objective * 10, encoding="utf-8"
        )
    events: list[str] = []
    lint_batch = Linter._lint_batch

    def logged(self: Linter, batch: Any) -> Any:
        events.append("work")
        return lint_batch(self, batch)

    monkeypatch.setattr(Linter, "_lint_batch", logged)
    lint_sources([str(tmp_path)], progress=lambda done, total: events.append(f"{done}/{total}"))
    assert events[-1] == "400/400"
    last_work = max(i for i, e in enumerate(events) if e == "work")
    # Progress is reported before the last piece of work starts, not all of it in one burst at the end.
    assert [e for e in events[:last_work] if e not in ("work", "0/400")], events


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal, "PROGRESS_DELAY_SECONDS", 0)
    pipe, tty = io.StringIO(), FakeTerminal()
    for stream in (pipe, tty):
        with progress_bar(stream) as update:
            update(0, 10)
            update(10, 10)
    assert pipe.getvalue() == ""
    assert "10/10" in tty.getvalue()


def test_progress_bar_waits_before_showing() -> None:
    tty = FakeTerminal()
    with progress_bar(tty) as update:
        update(0, 10)
        update(10, 10)
    assert "10/10" not in tty.getvalue()
