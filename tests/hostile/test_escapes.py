"""Control characters from files and file names never reach a terminal raw: the human formats show them as
``\\x1b`` escapes, GitHub annotations escape them, JSON and SARIF keep the exact text and stay valid UTF-8."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.api import lint_text
from okrlint.formatters import get_formatter
from okrlint.formatters.escape import UNSAFE, visible
from tests.hostile.conftest import invoke

OSC = "\x1b]0;PWNED\x07"
HUMAN_FORMATS = ("text", "full", "github", "junit")
# Every character that can move a terminal's cursor, ring it, erase or start a sequence; line breaks are
# checked separately (they end the lines of every format).
_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _hostile_file(folder: Path) -> Path:
    path = folder / "osc.md"
    path.write_text(
        f"## Grow our community\n\n- Launch the new website{OSC}\n- Grow more\b\b\b\b users \u009b2J\n",
        encoding="utf-8",
    )
    return path


def _assert_no_raw_controls(output: str) -> None:
    raw = _RAW.findall(output)
    assert not raw, raw
    assert "\r" not in output


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
def test_human_formats_show_control_characters_as_escapes(tmp_path: Path, fmt: str) -> None:
    path = _hostile_file(tmp_path)
    result = invoke(["check", "--isolated", "--output-format", fmt, str(path)])
    assert result.exit_code == 1, result.output
    _assert_no_raw_controls(result.stdout)
    assert "\\x1b]0;PWNED\\x07" in result.stdout  # the user sees what the file holds


def test_full_format_shows_escapes_in_source_lines_and_rewrites(tmp_path: Path) -> None:
    path = _hostile_file(tmp_path)
    result = invoke(["check", "--isolated", "--output-format", "full", str(path)])
    source_lines = [line for line in result.stdout.splitlines() if line.startswith("3 | ")]
    assert source_lines and all("\\x1b]0;PWNED\\x07" in line for line in source_lines)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_data_formats_keep_the_exact_text(tmp_path: Path, fmt: str) -> None:
    path = _hostile_file(tmp_path)
    result = invoke(["check", "--isolated", "--output-format", fmt, str(path)])
    assert "\x1b" not in result.stdout  # JSON escapes control characters itself
    assert any(OSC in text for text in _strings(json.loads(result.stdout)))


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        node = list(node.values())
    return [s for child in node for s in _strings(child)] if isinstance(node, list) else []


def test_lint_text_with_nul_renders_without_raw_controls() -> None:
    report = lint_text("## Grow our community\n\n- Launch the new\x00 website\x1b[2J\n")
    for fmt in HUMAN_FORMATS:
        _assert_no_raw_controls(get_formatter(fmt)(report))


def _named(folder: Path, raw_name: bytes) -> Path:
    try:
        path = Path(os.fsdecode(bytes(folder) + b"/" + raw_name))
        path.write_text("## Grow our community\n\n- Launch the new website\n", encoding="utf-8")
    except OSError as exc:  # a file system that refuses such names
        pytest.skip(f"cannot create {raw_name!r} here: {exc}")
    return path


def test_a_name_with_a_newline_stays_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _named(tmp_path, b"new\nline\r.md")
    result = invoke(["check", "--isolated", "."])
    lines = [line for line in result.stdout.splitlines() if "S301" in line]
    assert lines == [lines[0]] and lines[0].startswith("new\\x0aline\\x0d.md:1:4: S301 ")


@pytest.mark.parametrize("fmt", ["text", "full", "github", "junit", "json", "sarif", "html"])
def test_a_name_that_is_not_utf8_is_escaped_and_the_output_is_valid_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _named(tmp_path, b"bad\xff.md")
    result = invoke(["check", "--isolated", "--output-format", fmt, "."])
    assert result.exit_code == 1, result.output
    result.stdout_bytes.decode("utf-8")  # strict: raises if the output is not UTF-8
    if fmt == "sarif":
        results = json.loads(result.stdout)["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert uris == {"bad%FF.md"}
    elif fmt == "json":
        assert {f["path"] for f in json.loads(result.stdout)["files"]} == {"bad\\xff.md"}
    elif fmt != "html":
        assert "bad\\xff.md" in result.stdout


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters="\t"), max_size=40))
def test_visible_leaves_no_control_character_and_changes_nothing_else(text: str) -> None:
    shown = visible(text)
    assert not UNSAFE.search(shown)
    if not UNSAFE.search(text):
        assert shown == text
