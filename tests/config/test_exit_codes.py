"""The CLI's exit codes as one table: 0 clean, 1 a finding at or above fail-on, 2 usage/config/input errors.

Each case builds a folder with an okrlint.toml that selects only K204 and sets its severity, so the worst
finding is exactly the level named. fail-on comes from the command line or from the config file (the flag wins).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main

FLAGGED = "# Grow our community in Q3\n\n- Publish 4 posts a week\n"  # K204 only, once selected alone
CLEAN = "# Grow our community in Q3\n\n- Increase weekly active members from 200 to 350\n"
LEVELS = ("info", "warning", "error")
RANK = {level: i for i, level in enumerate(LEVELS)}


@dataclass(frozen=True)
class Case:
    id: str
    expected: int
    level: str | None = None  # severity of the one finding; None: the file is clean
    fail_on_flag: str | None = None
    fail_on_config: str | None = None
    exit_zero: bool = False
    bad_config: bool = False
    bad_file: bool = False
    no_files: bool = False


def _matrix() -> list[Case]:
    cases: list[Case] = []
    for exit_zero in (False, True):
        suffix = "-exit-zero" if exit_zero else ""
        for fail_on in LEVELS:
            cases.append(Case(f"clean-fail-on-{fail_on}{suffix}", 0, None, fail_on, exit_zero=exit_zero))
            for level in LEVELS:
                fails = RANK[level] >= RANK[fail_on] and not exit_zero
                cases.append(
                    Case(
                        f"{level}-fail-on-{fail_on}{suffix}", int(fails), level, fail_on, exit_zero=exit_zero
                    )
                )
    for level in LEVELS:  # fail-on from the config file, and the default (warning)
        cases.append(
            Case(f"{level}-config-fail-on-error", int(level == "error"), level, fail_on_config="error")
        )
        cases.append(Case(f"{level}-default-fail-on", int(level != "info"), level))
    cases += [
        Case("flag-beats-config", 1, "info", fail_on_flag="info", fail_on_config="error"),
        Case("flag-beats-config-lenient", 0, "warning", fail_on_flag="error", fail_on_config="info"),
        Case("bad-config", 2, "error", bad_config=True),
        Case("bad-config-exit-zero", 2, "error", bad_config=True, exit_zero=True),
        Case("bad-file", 2, None, bad_file=True),
        Case("bad-file-beats-findings", 2, "error", bad_file=True),
        Case("bad-file-exit-zero", 2, "error", bad_file=True, exit_zero=True),
        Case("no-files-matched", 2, None, no_files=True),
        Case("no-files-matched-exit-zero", 2, None, no_files=True, exit_zero=True),
    ]
    return cases


def _run(case: Case, tmp_path: Path) -> tuple[int, str]:
    lines = ['select = ["K204"]']
    if case.level is not None:
        lines.append(f'severity = {{K204 = "{case.level}"}}')
    if case.fail_on_config:
        lines.append(f'fail-on = "{case.fail_on_config}"')
    if case.bad_config:
        lines.append('fial-on = "error"')
    (tmp_path / "okrlint.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    okrs = tmp_path / "okrs"
    okrs.mkdir()
    if not case.no_files:
        (okrs / "q3.md").write_text(FLAGGED if case.level else CLEAN, encoding="utf-8")
    if case.bad_file:
        (okrs / "broken.yaml").write_text(
            "objectives:\n  - title: Grow\n    key_results: [a, b\n", encoding="utf-8"
        )
    args = ["check", str(okrs)]
    if case.fail_on_flag:
        args += ["--fail-on", case.fail_on_flag]
    if case.exit_zero:
        args.append("--exit-zero")
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


@pytest.mark.parametrize("case", _matrix(), ids=lambda c: c.id)
def test_exit_code(case: Case, tmp_path: Path) -> None:
    code, output = _run(case, tmp_path)
    assert code == case.expected, output
    assert "Traceback" not in output
    if case.level and not case.bad_config:
        assert "K204" in output  # findings are printed even when the exit code is 2 or forced to 0
    if case.bad_config:
        assert output.count("error:") == 1 and "did you mean 'fail-on'" in output
