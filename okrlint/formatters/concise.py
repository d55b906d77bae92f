"""Concise text: one ``path:line:col: CODE message`` line per finding, for those who want only the list."""

from __future__ import annotations

from okrlint.formatters.text import error_line, finding_line, summary_line
from okrlint.models import LintReport


def render(report: LintReport) -> str:
    lines = [error_line(e) for e in report.errors]
    lines.extend(finding_line(f) for f in report.active_findings())
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
