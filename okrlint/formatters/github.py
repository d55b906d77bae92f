"""GitHub Actions workflow commands: one ``::error|warning|notice`` annotation line per finding.

Escaping follows ``@actions/core`` (``lib/command.js``), after control characters in paths and messages are
made visible (``okrlint.formatters.escape``): a log viewer must not act on an escape sequence from a file. An annotation never fails the job; the exit code does.
"""

from __future__ import annotations

from okrlint.formatters.escape import visible
from okrlint.models import Finding, LintError, LintReport

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """The message after ``::``: ``%`` first, so the escapes added next are not escaped again."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value (``file``, ``title``): data escaping plus ``:`` and ``,``, which end a value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: list[tuple[str, str | int]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(visible(str(value)))}" for key, value in properties)
    return f"::{name} {props}::{escape_data(visible(message, keep_line_breaks=True))}"


def finding_command(finding: Finding) -> str:
    properties: list[tuple[str, str | int]] = [("file", finding.path), ("line", finding.start.line)]
    single_line = finding.start.line == finding.end.line
    # GitHub only honours columns when the annotation starts and ends on one line (ruff #22074).
    if single_line:
        properties.append(("col", finding.start.column))
    properties.append(("endLine", finding.end.line))
    if single_line:
        properties.append(("endColumn", finding.end.column))
    properties.append(("title", f"okrlint {finding.code} ({finding.name})"))
    return _command(_COMMANDS[str(finding.severity)], properties, finding.message)


def error_command(error: LintError) -> str:
    return _command("error", [("file", error.path), ("line", error.start.line)], error.message)


def render(report: LintReport) -> str:
    lines = [error_command(e) for e in report.errors]
    lines.extend(finding_command(f) for f in report.active_findings())
    return "".join(f"{line}\n" for line in lines)
