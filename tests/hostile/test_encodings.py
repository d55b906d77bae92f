"""Bytes that are not plain UTF-8 with LF line ends: each reads the same as the plain file, or is one error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from okrlint.api import Linter
from tests.hostile.conftest import (
    NASTY,
    GoodBaseline,
    assert_linted,
    assert_one_error,
    check_with_good,
)

# Findings on every line kind (objective, key results) so that a shifted line or column would show.
PLAIN = (
    "# Team OKRs Q3 2024\n"
    "\n"
    "## Improve onboarding for new teams\n"
    "\n"
    "- Launch the new onboarding wizard\n"
    "- Increase activation rate from 20% to 35%\n"
    "- Publish 4 blog posts a week about onboarding\n"
)


def _codes(outcome_report: dict, path: Path) -> list[tuple[str, int, int]]:
    from okrlint.discovery import display_path

    shown = display_path(path)
    return sorted(
        (f["code"], f["start"]["line"], f["start"]["column"])
        for f in outcome_report["findings"]
        if f["path"] == shown
    )


@pytest.fixture
def plain_findings(tmp_path: Path, good_baseline: GoodBaseline) -> list[tuple[str, int, int]]:
    """What the plain UTF-8/LF file gets: the reference every re-encoding must reproduce."""
    plain = tmp_path / "plain" / "okrs.md"
    plain.parent.mkdir()
    plain.write_bytes(PLAIN.encode())
    outcome = check_with_good([plain], good_baseline)
    assert_linted(outcome, plain)
    found = _codes(outcome.report, plain)
    assert found, "the reference file must have findings for the comparison to mean anything"
    return found


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: codecs.BOM_UTF8 + t.encode(), id="utf8-bom"),
        pytest.param(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), id="utf16-le-bom"),
        pytest.param(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), id="utf16-be-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r").encode(), id="lone-cr"),
        pytest.param(
            lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"), id="utf16-crlf"
        ),
    ],
)
def test_reencoded_file_gets_the_same_findings_at_the_same_positions(
    encode, tmp_path: Path, plain_findings: list, good_baseline: GoodBaseline
) -> None:
    # A BOM or a CR must not shift a single line or column: editors jump to these positions.
    path = tmp_path / "okrs.md"
    path.write_bytes(encode(PLAIN))
    outcome = check_with_good([path], good_baseline)
    assert_linted(outcome, path)
    assert _codes(outcome.report, path) == plain_findings


def test_committed_bom_fixture_reads_like_utf8(good_baseline: GoodBaseline) -> None:
    outcome = check_with_good([NASTY / "bom_utf8.md"], good_baseline)
    assert assert_linted(outcome, NASTY / "bom_utf8.md")["objectives"] == 1


def test_invalid_utf8_is_one_error_at_the_bad_byte(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# Ziele\n\n- Umsatz erhöhen\n".encode("latin-1"))
    outcome = check_with_good([path], good_baseline)
    error = assert_one_error(outcome, path, contains="invalid UTF-8 byte 0xf6")
    assert (error["line"], error["col"]) == ("3", "13")  # "- Umsatz erh" is 12 characters


@pytest.mark.parametrize("name", ["empty.md", "whitespace_only.md"])
def test_empty_and_blank_files_are_read_and_never_called_clean(
    name: str, good_baseline: GoodBaseline
) -> None:
    outcome = check_with_good([NASTY / name], good_baseline)
    summary = assert_linted(outcome, NASTY / name)
    assert (summary["objectives"], summary["key_results"]) == (0, 0)
    codes = [f["code"] for f in outcome.report["findings"] if f["path"] == summary["path"]]
    assert codes == ["X003"]  # nothing was read, so nothing was checked: a warning, not "all clear"
    assert outcome.exit_code == 1


@pytest.mark.parametrize("suffix", [".md", ".yaml", ".json", ".csv", ".txt"])
def test_empty_file_of_every_format_is_not_an_error(
    suffix: str, tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert_linted(check_with_good([path], good_baseline), path)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", id="elf-header"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, id="zip-like"),
        pytest.param(b"# Objective\n\n- Grow\x00revenue\n", id="nul-in-text"),
    ],
)
def test_binary_file_is_one_error(data: bytes, tmp_path: Path, good_baseline: GoodBaseline) -> None:
    path = tmp_path / "binary.md"
    path.write_bytes(data)
    assert_one_error(check_with_good([path], good_baseline), path)


def test_utf16_with_an_unpaired_surrogate_is_one_error(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    path = tmp_path / "broken16.md"
    path.write_bytes(
        codecs.BOM_UTF16_LE + "# Grow\n- a ".encode("utf-16-le") + b"\x00\xd8" + "b\n".encode("utf-16-le")
    )
    assert_one_error(check_with_good([path], good_baseline), path, contains="invalid UTF-16-LE")


def test_json_surrogate_escape_is_one_error_not_an_encoding_crash(
    tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    # "\ud800" alone decodes to half a character; printing it crashed every output format before the reader
    # refused it.
    path = tmp_path / "surrogate.json"
    path.write_text('{"objectives": [{"title": "Grow \\ud800", "key_results": ["Launch it"]}]}')
    error = assert_one_error(check_with_good([path], good_baseline), path, contains="surrogate")
    assert (error["line"], error["col"]) == ("1", "27")


def test_json_paired_surrogate_escape_is_a_normal_character(
    tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    path = tmp_path / "rocket.json"
    path.write_text('{"objectives": [{"title": "Grow \\ud83d\\ude80", "key_results": ["Launch it"]}]}')
    assert_linted(check_with_good([path], good_baseline), path)


def test_api_text_with_a_lone_surrogate_is_a_report_error(linter: Linter) -> None:
    # A str from an API caller can hold what no decoded file can; spaCy raised UnicodeEncodeError on it.
    report = linter.lint_text("# Grow \ud800 revenue\n\n- Increase revenue from 1 to 2\n", path="api.md")
    assert [(e.path, e.start.line, e.start.column) for e in report.errors] == [("api.md", 1, 8)]
    assert not report.documents


def test_api_statement_with_a_lone_surrogate_is_linted(linter: Linter) -> None:
    findings = linter.lint_statement("Launch the \udfff new website")
    assert all(f.start.line == 1 for f in findings)
