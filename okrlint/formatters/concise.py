"""Concise text: one ``path:line:col: CODE message`` line per finding, for those who want only the list."""

from __future__ import annotations

from okrlint.formatters.style import PLAIN, Style
from okrlint.formatters.text import error_line, finding_line, summary_line
from okrlint.models import LintReport


def render(report: LintReport, style: Style = PLAIN) -> str:
    lines = [error_line(e, style) for e in report.errors]
    lines.extend(finding_line(f, style) for f in report.active_findings())
    lines.append(summary_line(report, style))
    return "\n".join(lines) + "\n"
