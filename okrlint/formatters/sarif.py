"""SARIF 2.1.0 for code-scanning uploads (GitHub, Azure DevOps, IDE viewers).

Shape and choices follow style_anchors 2.6: one run, only the rules that have results, code-point columns with an
exclusive end, relative POSIX URIs and a fingerprint that survives the statement moving to another line.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from okrlint.formatters._rules import rule_spec
from okrlint.formatters.escape import json_text
from okrlint.models import Applicability, Finding, LintError, LintReport, Span

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/okrlint/okrlint"
FINGERPRINT_KEY = "okrlintStatementHash/v1"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}

Json = dict[str, Any]


def artifact_uri(path: str) -> str:
    """A relative POSIX URI reference; absolute paths become ``file://`` URIs.

    The name's bytes are percent-encoded, so that a name that is not UTF-8 keeps its exact bytes (``%FF``).
    """
    posix = path.replace("\\", "/")
    try:
        raw = os.fsencode(posix)
    except UnicodeEncodeError:  # a lone surrogate that no file name decodes to (a caller's own path string)
        raw = posix.encode("utf-8", "surrogatepass")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(raw, safe="/")
    # Quoting also turns a ``:`` into %3A, so that ``c:notes.md`` is not read as a URI scheme.
    return quote(raw, safe="/")


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _subject(finding: Finding) -> str:
    return finding.statement.text if finding.statement is not None else finding.message


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """sha256 of ``code|path|statement text``: line numbers stay out, so moving a statement keeps its identity.

    ``occurrence`` tells apart two findings of one rule on one statement (two vague words, say).
    """
    path = finding.path.replace("\\", "/")
    key = f"{finding.code}|{path}|{_normalised(_subject(finding))}"
    if occurrence:
        key += f"|{occurrence}"
    return hashlib.sha256(
        key.encode("utf-8", "surrogatepass")
    ).hexdigest()  # a name may hold undecodable bytes


def _region(finding: Finding) -> Json:
    return {
        "startLine": finding.start.line,
        "startColumn": finding.start.column,
        "endLine": finding.end.line,
        "endColumn": finding.end.column,
    }


def _edit_region(finding: Finding, edit: Span) -> Json:
    """Line/column region of an edit when it lies on the finding's first line, else code-point offsets.

    The report holds file offsets for edits but line text only for the finding's first line.
    """
    if edit == finding.span:
        return _region(finding)
    line_start = finding.span.start - (finding.start.column - 1)
    line_end = line_start + len(finding.line_text) if finding.line_text is not None else -1
    if line_start <= edit.start <= edit.end <= line_end:
        return {
            "startLine": finding.start.line,
            "startColumn": edit.start - line_start + 1,
            "endLine": finding.start.line,
            "endColumn": edit.end - line_start + 1,
        }
    return {"charOffset": edit.start, "charLength": edit.end - edit.start}


def _fixes(finding: Finding) -> list[Json]:
    fixes = []
    for suggestion in finding.suggestions:
        if suggestion.applicability == Applicability.DISPLAY_ONLY or suggestion.edit is None:
            continue
        fixes.append(
            {
                "description": {"text": suggestion.description or f"Replace with: {suggestion.text}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(finding.path)},
                        "replacements": [
                            {
                                "deletedRegion": _edit_region(finding, suggestion.edit),
                                "insertedContent": {"text": suggestion.text},
                            }
                        ],
                    }
                ],
            }
        )
    return fixes


def _message(finding: Finding) -> str:
    """The finding's message; display-only rewrites (placeholders, not applicable) are appended to it."""
    rewrites = [
        s.text for s in finding.suggestions if s.applicability == Applicability.DISPLAY_ONLY or s.edit is None
    ]
    return "\n".join([finding.message, *(f"Suggested rewrite: {text}" for text in rewrites)])


def _rule(finding: Finding) -> Json:
    spec = rule_spec(finding.code)
    if spec is None:
        # A code outside the registry: describe it from the finding itself.
        summary, full, level, docs = (
            finding.message,
            finding.explanation or finding.message,
            finding.severity,
            finding.docs,
        )
    else:
        summary = spec.summary.strip()
        full = f"{spec.what.strip()} {spec.why.strip()}"
        level, docs = spec.severity, spec.docs_path
    docs_line = f"\n\nDocs: {docs}" if docs else ""
    docs_md = f"\n\nDocs: `{docs}`" if docs else ""
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": full},
        "help": {
            "text": f"{summary}\n\n{full}{docs_line}",
            "markdown": f"**{finding.code} {finding.name}**: {summary}\n\n{full}{docs_md}",
        },
        "defaultConfiguration": {"level": _LEVELS[str(level)]},
        "properties": {"tags": [str(finding.category)]},
    }


def _result(finding: Finding, rule_index: int, occurrence: int) -> Json:
    result: Json = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[str(finding.severity)],
        "message": {"text": _message(finding)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path)},
                    "region": _region(finding),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, occurrence)},
    }
    fixes = _fixes(finding)
    if fixes:
        result["fixes"] = fixes
    return result


def _notification(error: LintError) -> Json:
    return {
        "level": "error",
        "message": {"text": error.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(error.path)},
                    "region": {"startLine": error.start.line, "startColumn": error.start.column},
                }
            }
        ],
    }


def sarif_log(report: LintReport) -> Json:
    """The SARIF log as a dict (the JSON text is ``render``)."""
    findings = report.active_findings()
    rule_index: dict[str, int] = {}
    rules: list[Json] = []
    results: list[Json] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in findings:
        if finding.code not in rule_index:
            rule_index[finding.code] = len(rules)
            rules.append(_rule(finding))
        key = (finding.code, finding.path, _normalised(_subject(finding)))
        results.append(_result(finding, rule_index[finding.code], seen[key]))
        seen[key] += 1
    driver: Json = {
        "name": report.tool.name,
        "version": report.tool.version,
        "informationUri": INFORMATION_URI,
    }
    if rules:
        driver["rules"] = rules
    if report.tool.model:
        driver["properties"] = {"model": report.tool.model}
    run: Json = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    if report.errors:
        run["invocations"] = [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [_notification(e) for e in report.errors],
            }
        ]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: LintReport) -> str:
    return json_text(json.dumps(sarif_log(report), indent=2, ensure_ascii=False)) + "\n"
