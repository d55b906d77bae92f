"""GitHub workflow commands: one line per finding, escaping that round-trips, no columns on multi-line spans."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.formatters import github
from okrlint.formatters.escape import UNSAFE, visible
from okrlint.models import LintError, Position, Severity
from tests.formatters.sample import make_finding, report_of, sample_report

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(value: str) -> str:
    # Reverse order of escaping: %25 last, so that "%253A" comes back as "%3A", not ":".
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match[2].split(","))
    return match[1], properties, match[3]


def test_sample_output_shape() -> None:
    lines = github.render(sample_report()).splitlines()
    assert (
        lines[0]
        == "::error file=okrs/broken.yaml,line=7::expected a list under 'key_results', found a string"
    )
    assert lines[1] == (
        "::error file=okrs/platform.md,line=4,col=8,endLine=4,endColumn=35,"
        "title=okrlint K201 (key-result-without-number)::"
        "Key result has no number: state how much and from what baseline."
    )
    # Suppressed K208 is left out; 7 active findings + 1 error.
    assert len(lines) == 8


def test_multi_line_span_has_no_columns() -> None:
    line = github.finding_command(make_finding(start=(6, 8), end=(7, 14)))
    _, properties, _ = _parse(line)
    assert properties == {
        "file": "okrs/q3.md",
        "line": "6",
        "endLine": "7",
        "title": "okrlint K201 (key-result-without-number)",
    }


def test_info_is_a_notice_and_warning_a_warning() -> None:
    assert github.finding_command(make_finding(severity=Severity.INFO)).startswith("::notice ")
    assert github.finding_command(make_finding(severity=Severity.WARNING)).startswith("::warning ")
    assert github.finding_command(make_finding(severity=Severity.ERROR)).startswith("::error ")


def test_hostile_path_and_message_are_escaped() -> None:
    line = github.finding_command(make_finding(path="a,b:c%d.md", message="50%,\r\nnext: line"))
    assert "file=a%2Cb%3Ac%25d.md," in line
    assert line.endswith("::50%25,%0D%0Anext: line")


def test_clean_report_prints_nothing() -> None:
    assert github.render(report_of([])) == ""


texts = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(
    messages=st.lists(texts, min_size=1, max_size=4),
    path=st.text(st.characters(codec="utf-8"), min_size=1, max_size=30),
    name=texts,
    multi_line=st.booleans(),
    error_message=texts,
)
def test_one_line_per_finding_and_round_trip(
    messages: list[str], path: str, name: str, multi_line: bool, error_message: str
) -> None:
    end = (3, 2) if multi_line else (2, 9)
    findings = [make_finding(message=m, path=path, name=name, start=(2, 4), end=end) for m in messages]
    error = LintError(path=path, start=Position(line=5, column=1), message=error_message)
    output = github.render(report_of(findings, [error]))
    assert output.endswith("\n")
    lines = output[:-1].split("\n")
    assert len(lines) == len(findings) + 1
    assert "\r" not in output
    for line, original in zip(lines[1:], messages, strict=True):
        _, properties, message = _parse(line)
        for value in properties.values():
            assert "," not in value and ":" not in value
        # Line breaks travel as %0A; every other control character is shown as an escape, never sent raw.
        assert _unescape(message) == visible(original, keep_line_breaks=True)
        assert _unescape(properties["file"]) == visible(path)
        assert _unescape(properties["title"]) == f"okrlint K201 ({visible(name)})"
        assert ("col" in properties) is not multi_line
    _, properties, message = _parse(lines[0])
    assert _unescape(message) == visible(error_message, keep_line_breaks=True)
    assert _unescape(properties["file"]) == visible(path)
    assert not UNSAFE.search(output.replace("\n", ""))
