"""Concise text: ``path:line:col: CODE message`` per finding, ``path:line:col: error: …`` per bad file.

Paths and messages carry user text: control characters are shown as escapes (``okrlint.formatters.escape``).
"""

from __future__ import annotations

from okrlint.formatters.escape import visible
from okrlint.models import Finding, LintError, LintReport


def error_line(error: LintError) -> str:
    where = f"{visible(error.path)}:{error.start.line}:{error.start.column}"
    return f"{where}: error: {visible(error.message)}"


def finding_line(finding: Finding) -> str:
    where = f"{visible(finding.path)}:{finding.start.line}:{finding.start.column}"
    return f"{where}: {finding.code} {visible(finding.message)}"


def summary_line(report: LintReport) -> str:
    """The closing line of the human formats (text and full)."""
    s = report.summary
    if report.active_findings() or report.errors:
        counts = ", ".join(f"{n} {level}" for level, n in s.by_severity.items() if n)
        tail = f" ({counts})" if counts else ""
        errors = f"; {s.errors} file{'s' if s.errors != 1 else ''} could not be linted" if s.errors else ""
        return f"Found {s.findings} finding{'s' if s.findings != 1 else ''}{tail}{errors}."
    unread = sum(1 for f in report.files if not f.objectives)
    if unread:
        # X003 is off: still never call a file clean when nothing in it was checked.
        return f"No findings, but no objective or key result was read from {unread} of {s.files} file{'s' if s.files != 1 else ''}."
    return f"All clear: {s.files} file{'s' if s.files != 1 else ''} checked, no findings."


def render(report: LintReport) -> str:
    lines = [error_line(e) for e in report.errors]
    lines.extend(finding_line(f) for f in report.active_findings())
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
