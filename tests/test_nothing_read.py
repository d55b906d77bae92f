"""A file from which nothing was read is never "all clear": X003 in every front end and format, and stdin or
unknown extensions are read by their content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.api import Linter
from okrlint.cli import main
from okrlint.config import Config
from okrlint.readers import read_document
from okrlint.readers.detect import sniff

CSV = "objective,key_result\nGrow our community,Reach 500 weekly active members\nGrow our community,Launch the new website\n"
LABELLED = (
    "Objective: Grow our community\nKey result: Launch the new website\n"
    "Key result: Reach 500 weekly active members\n"
)
NUMBERED_LABELS = (
    "Objective 1: Grow our community\nKR1: Reach 500 weekly active members\nKR2: Launch the new website\n"
)
NOTES = (
    "Meeting notes, 3 March\n\nWe talked about the offsite. Anna books the venue.\nNext meeting on Friday.\n"
)
YAML = (
    "objectives:\n  - title: Grow our community\n    key_results:\n      - Reach 500 weekly active members\n"
)
JSON = json.dumps({"objectives": [{"title": "Grow our community", "key_results": ["Reach 500 members"]}]})
MARKDOWN = "## Grow our community\n\n- Reach 500 weekly active members\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CSV, "csv"),
        (CSV.replace(",", "\t"), "csv"),
        (
            'Goal,Measure,Owner\nGrow our community,"Reach 500 members, weekly",Ana\nShip faster,"Cut lead time",Bo\n',
            "csv",
        ),
        (LABELLED, "text"),
        (NUMBERED_LABELS, "text"),
        ("O1：Grow our community\nKR1：Reach 500 weekly active members\n", "text"),
        (YAML, "yaml"),
        (JSON, "json"),
        (MARKDOWN, "markdown"),
        (NOTES, "markdown"),
    ],
)
def test_content_names_the_format(text: str, expected: str) -> None:
    assert sniff(text) == expected


@pytest.mark.parametrize("text", [LABELLED, NUMBERED_LABELS])
def test_labelled_text_on_stdin_keeps_every_key_result(text: str) -> None:
    # Read as YAML, the repeated "Key result:" keys overwrote each other and the key results were lost.
    document = read_document(text, "<stdin>")
    assert [len(o.key_results) for o in document.objectives] == [2]


def _check(args: list[str], stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", *args], input=stdin)
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("name", "text"),
    [("notes.md", NOTES), ("empty.md", ""), ("blank.txt", "\n  \n"), ("notes.data", NOTES)],
)
def test_a_file_with_nothing_read_is_a_warning_not_all_clear(name: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, output = _check([str(path)])
    assert code == 1, output
    assert f"{path}:1:1: X003 " in output
    assert "All clear" not in output


def test_stdin_with_nothing_read_names_stdin_and_the_format_tried() -> None:
    code, output = _check(["-"], stdin=NOTES)
    assert code == 1
    (line,) = [ln for ln in output.splitlines() if "X003" in ln]
    assert line.startswith("<stdin>:1:1: X003 ") and "read as Markdown" in line


@pytest.mark.parametrize("stdin", [CSV, LABELLED, NUMBERED_LABELS, YAML, JSON])
def test_stdin_is_read_by_content(stdin: str) -> None:
    result = CliRunner().invoke(main, ["parse", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["objectives"] and document["objectives"][0]["key_results"]


def test_unknown_extension_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "okrs.export"
    path.write_text(CSV, encoding="utf-8")
    code, output = _check([str(path), "--output-format", "json"])
    assert code == 1, output  # its findings (an output key result), not an error
    report = json.loads(output)
    assert report["files"][0]["format"] == "csv"
    assert report["files"][0]["key_results"] == 2
    assert "X003" not in {f["code"] for f in report["findings"]}


def test_format_option_still_overrides_content(tmp_path: Path) -> None:
    path = tmp_path / "okrs.export"
    path.write_text(CSV, encoding="utf-8")
    code, output = _check([str(path), "--format", "yaml"])
    assert code == 1 and "X003" in output and "read as YAML" in output


@pytest.mark.parametrize("output_format", ["json", "sarif", "github", "junit", "full", "html"])
def test_every_format_reports_the_unread_file(output_format: str, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    code, output = _check([str(path), "--output-format", output_format])
    assert code == 1
    assert "X003" in output or "nothing-read" in output


def test_the_api_reports_it_too(linter: Linter) -> None:
    report = linter.lint_text(NOTES, path="notes.md")
    assert [f.code for f in report.findings] == ["X003"]
    assert linter.lint_text("").findings[0].code == "X003"


def test_with_x003_ignored_the_summary_still_does_not_say_all_clear(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    config = tmp_path / "okrlint.toml"
    config.write_text('ignore = ["X003"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(path)])
    assert result.exit_code == 0
    assert "All clear" not in result.output
    assert "no objective or key result was read from 1 of 1 file" in result.output


def test_a_file_with_okrs_gets_no_x003(linter: Linter) -> None:
    assert "X003" not in {f.code for f in linter.lint_text(MARKDOWN, path="okrs.md").findings}


def test_x003_can_be_silenced_in_the_file(linter: Linter) -> None:
    text = "<!-- okrlint: file-ignore[X003] this page holds no OKRs -->\n" + NOTES
    report = linter.lint_text(text, path="README.md")
    assert [f.suppressed for f in report.findings if f.code == "X003"] == [True]


def test_x003_is_on_by_default_as_a_warning() -> None:
    assert any(r.code == "X003" and r.spec.severity == "warning" for r in Linter(Config()).rules)
