"""JUnit XML: ruff's shape, one suite per file, and well-formed output whatever the OKR text contains."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import example, given, settings
from hypothesis import strategies as st

from okrlint.formatters import junit
from okrlint.models import LintError, Position
from tests.formatters.sample import empty_report, make_finding, report_of, sample_report


def _parse(output: str) -> ET.Element:
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(output.encode("utf-8"))


def test_sample_suites_cases_and_counts() -> None:
    root = _parse(junit.render(sample_report()))
    assert root.tag == "testsuites"
    counts = [root.get(key) for key in ("name", "tests", "failures", "errors")]
    assert counts == ["okrlint", "8", "7", "1"]
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["okrs/platform.md", "okrs/sales, 100%: q3.yaml", "okrs/broken.yaml"]
    platform = suites["okrs/platform.md"]
    assert [c.get("name") for c in platform.findall("testcase")] == [
        "okrlint.K201",
        "okrlint.K203",
        "okrlint.K214",
        "okrlint.O103",
        "okrlint.K210",
    ]
    case = platform.find("testcase")
    assert case is not None
    assert (case.get("classname"), case.get("line"), case.get("column")) == ("okrs/platform.md", "4", "8")
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "Key result has no number: state how much and from what baseline."
    assert failure.text == "line 4, col 8, Key result has no number: state how much and from what baseline."
    broken = suites["okrs/broken.yaml"].find("testcase/error")
    assert broken is not None
    assert broken.get("message") == "expected a list under 'key_results', found a string"


def test_hostile_message_survives_as_text() -> None:
    root = _parse(junit.render(sample_report()))
    messages = [f.get("message") for f in root.iter("failure")]
    assert 'Objective contains a number ("50%"):\nmove it into a key result, 100% & <b>now</b>' in messages


def test_clean_file_and_empty_report_pass_one_no_findings_case() -> None:
    root = _parse(junit.render(empty_report()))
    (case,) = root.iter("testcase")
    assert case.get("name") == "No findings"
    assert list(case) == []
    assert root.get("failures") == "0"


def test_forbidden_characters_are_escaped_visibly() -> None:
    assert junit.xml_safe("a\x00b\x1bc\ufffed") == "a\\x00b\\x1bc\\ufffed"
    assert junit.xml_safe("tab\tnew\nline") == "tab\tnew\nline"


# Every code point, surrogates included: a lone surrogate can reach us from a badly decoded file name.
anything = st.text(st.characters(exclude_categories=()), max_size=40)


@settings(max_examples=150, deadline=None)
@given(messages=st.lists(anything, min_size=1, max_size=3), path=anything, name=anything, error=anything)
@example(messages=["<script>&\x00\x1b\r\n\ud800 ]]>"], path='a"b<c>.md', name="\x0c", error="\ufffe\udfff")
def test_well_formed_for_any_text(messages: list[str], path: str, name: str, error: str) -> None:
    findings = [make_finding(message=m, path=path, name=name, code="K201") for m in messages]
    errors = [LintError(path=path, start=Position(line=2, column=1), message=error)]
    root = _parse(junit.render(report_of(findings, errors)))
    got = [f.get("message") for f in root.iter("failure")]
    assert got == [junit.xml_safe(m) for m in messages]
    assert [e.get("message") for e in root.iter("error")] == [junit.xml_safe(error)]
    assert root.get("tests") == str(len(messages) + 1)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == junit.xml_safe(path)
    # Text nodes come back with line ends normalised, as any XML parser does.
    texts = [re.sub(r"\r\n?", "\n", f.text or "") for f in root.iter("failure")]
    assert texts == [re.sub(r"\r\n?", "\n", f"line 1, col 1, {junit.xml_safe(m)}") for m in messages]
