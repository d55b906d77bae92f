"""Concise text: ``path:line:col: CODE message`` per finding, ``path:line:col: error: …`` per bad file."""

from __future__ import annotations

from okrlint.models import LintError, LintReport


def error_line(error: LintError) -> str:
    return f"{error.path}:{error.start.line}:{error.start.column}: error: {error.message}"


def render(report: LintReport) -> str:
    lines = [error_line(e) for e in report.errors]
    for f in report.active_findings():
        lines.append(f"{f.path}:{f.start.line}:{f.start.column}: {f.code} {f.message}")
    s = report.summary
    if report.active_findings() or report.errors:
        counts = ", ".join(f"{n} {level}" for level, n in s.by_severity.items() if n)
        tail = f" ({counts})" if counts else ""
        errors = f"; {s.errors} file{'s' if s.errors != 1 else ''} could not be linted" if s.errors else ""
        lines.append(f"Found {s.findings} finding{'s' if s.findings != 1 else ''}{tail}{errors}.")
    else:
        lines.append(f"All clear: {s.files} file{'s' if s.files != 1 else ''} checked, no findings.")
    return "\n".join(lines) + "\n"
