"""Text (the default): ``path:line:col: CODE message`` per finding with the suggested rewrite on one indented
``help:`` line under it (as ruff and rustc print help), ``path:line:col: error: …`` per bad file.

Paths and messages carry user text: control characters are shown as escapes (``okrlint.formatters.escape``).
On a terminal the command paints them through a Style; the plain text is the same either way.
"""

from __future__ import annotations

from collections import Counter

from okrlint.formatters.escape import visible
from okrlint.formatters.style import PLAIN, Style
from okrlint.models import Finding, LintError, LintReport


def _where(path: str, line: int, column: int, style: Style) -> str:
    return f"{style.paint('path', visible(path))}{style.paint('position', f':{line}:{column}:')}"


def error_line(error: LintError, style: Style = PLAIN) -> str:
    where = _where(error.path, error.start.line, error.start.column, style)
    return f"{where} {style.paint('error', 'error:')} {visible(error.message)}"


def finding_line(finding: Finding, style: Style = PLAIN) -> str:
    where = _where(finding.path, finding.start.line, finding.start.column, style)
    return f"{where} {style.paint(str(finding.severity), finding.code)} {visible(finding.message)}"


def summary_line(report: LintReport, style: Style = PLAIN) -> str:
    """The closing line of the human formats (text and full)."""
    s = report.summary
    if report.active_findings() or report.errors:
        counts = ", ".join(f"{n} {level}" for level, n in s.by_severity.items() if n)
        tail = f" ({counts})" if counts else ""
        errors = f"; {s.errors} file{'s' if s.errors != 1 else ''} could not be linted" if s.errors else ""
        return style.paint(
            "summary", f"Found {s.findings} finding{'s' if s.findings != 1 else ''}{tail}{errors}."
        )
    unread = sum(1 for f in report.files if not f.objectives)
    if unread:
        # X003 is off: still never call a file clean when nothing in it was checked.
        files = f"{s.files} file{'s' if s.files != 1 else ''}"
        return style.paint(
            "summary", f"No findings, but no objective or key result was read from {unread} of {files}."
        )
    return style.paint(
        "clear", f"All clear: {s.files} file{'s' if s.files != 1 else ''} checked, no findings."
    )


def help_line(finding: Finding, style: Style = PLAIN) -> str | None:
    """The first suggested rewrite, on one line (newlines in user text folded)."""
    if not finding.suggestions:
        return None
    return "  " + style.paint("help", "help:") + " " + visible(" ".join(finding.suggestions[0].text.split()))


def render(report: LintReport, style: Style = PLAIN) -> str:
    lines = [error_line(e, style) for e in report.errors]
    for finding in report.active_findings():
        lines.append(finding_line(finding, style))
        rewrite = help_line(finding, style)
        if rewrite:
            lines.append(rewrite)
    lines.append(summary_line(report, style))
    return "\n".join(lines) + "\n"


def statistics_rows(report: LintReport) -> list[dict[str, object]]:
    """Per rule that fired: code, name, severity and count, most frequent first (``--statistics`` as JSON)."""
    counts = Counter(f.code for f in report.active_findings())
    first: dict[str, Finding] = {}
    for finding in report.active_findings():
        first.setdefault(finding.code, finding)
    return [
        {"code": code, "name": first[code].name, "severity": str(first[code].severity), "count": n}
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def statistics(report: LintReport, style: Style = PLAIN) -> str:
    """One line per rule that fired: count, code, name and severity, most frequent first (like ruff)."""
    counts = Counter(f.code for f in report.active_findings())
    first: dict[str, Finding] = {}
    for finding in report.active_findings():
        first.setdefault(finding.code, finding)
    width = len(str(max(counts.values(), default=0)))
    lines = [error_line(e, style) for e in report.errors]
    for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        f = first[code]
        lines.append(f"{n:>{width}}  {style.paint(str(f.severity), code)}  {f.name}  [{f.severity}]")
    lines.append(summary_line(report, style))
    return "\n".join(lines) + "\n"
