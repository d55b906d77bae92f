"""JUnit XML for CI test-report views (GitLab, Jenkins): one testsuite per file, one testcase per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from okrlint.formatters.escape import escaped, visible
from okrlint.models import Finding, LintError, LintReport

# XML 1.0 allows only tab, newline, carriage return and these ranges; anything else makes the file unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with control characters (``okrlint.formatters.escape``) and the characters XML 1.0 forbids
    written as visible ``\\xNN`` / ``\\uNNNN`` escapes."""
    return _NOT_XML.sub(lambda m: escaped(m[0]), visible(text, keep_line_breaks=True))


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str | int) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_safe(str(v)) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _finding_case(suite: ET.Element, finding: Finding) -> None:
    case = _element(
        suite,
        "testcase",
        name=f"okrlint.{finding.code}",
        classname=finding.path,
        line=finding.start.line,
        column=finding.start.column,
    )
    where = f"line {finding.start.line}, col {finding.start.column}"
    _element(case, "failure", f"{where}, {finding.message}", message=finding.message, type=finding.code)


def _error_case(suite: ET.Element, error: LintError) -> None:
    case = _element(suite, "testcase", name="okrlint.error", classname=error.path, line=error.start.line)
    where = f"line {error.start.line}, col {error.start.column}"
    _element(case, "error", f"{where}, {error.message}", message=error.message)


def render(report: LintReport) -> str:
    findings: dict[str, list[Finding]] = defaultdict(list)
    errors: dict[str, list[LintError]] = defaultdict(list)
    for finding in report.active_findings():
        findings[finding.path].append(finding)
    for error in report.errors:
        errors[error.path].append(error)
    # Every linted file gets a suite, clean ones included, in report order.
    paths = list(dict.fromkeys([f.path for f in report.files] + list(errors) + list(findings)))

    n_failures = sum(len(v) for v in findings.values())
    n_errors = sum(len(v) for v in errors.values())
    root = ET.Element("testsuites", name="okrlint")
    for path in paths:
        suite = _element(root, "testsuite", name=path)
        for error in errors[path]:
            _error_case(suite, error)
        for finding in findings[path]:
            _finding_case(suite, finding)
        if not errors[path] and not findings[path]:
            # CI views treat a suite without testcases as broken, so a clean file passes one named case.
            _element(suite, "testcase", name="No findings", classname=path)
        _counts(suite, len(suite), len(findings[path]), len(errors[path]))
    if not paths:
        suite = _element(root, "testsuite", name="okrlint")
        _element(suite, "testcase", name="No findings", classname="okrlint")
        _counts(suite, 1, 0, 0)
    _counts(root, sum(int(s.get("tests", 0)) for s in root), n_failures, n_errors)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _counts(element: ET.Element, tests: int, failures: int, errors: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))
