"""Full text: each finding with its source line, a caret under the span, help, explanation, sources, docs.

Layout (after rustc and ruff)::

    okrs/q3.md:12:5: K201 Key result has no number: ...
       |
    12 | - Improve customer onboarding
       |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^
       = warning: K201 key-result-without-number
       = help: Raise onboarding completion from <baseline> to <target> [display-only]
       = ask: Why improve customer onboarding? Who will notice when it's done, and what will they notice?
       = why: Flags a key result ...
       = source: Step by Step Guide to OKRs (Weekdone) (line 45)
       = docs: docs/rules/K201-key-result-without-number.md
"""

from __future__ import annotations

import textwrap
import unicodedata

from okrlint.formatters.escape import UNSAFE, escaped, visible
from okrlint.formatters.style import PLAIN, Style
from okrlint.formatters.text import error_line, finding_line, summary_line
from okrlint.guides import cite
from okrlint.models import Finding, LintReport

WIDTH = 100
TAB_WIDTH = 4


def _char_width(ch: str) -> int:
    """Terminal cells one character takes, so carets line up under wide (CJK) and combining characters."""
    if ch == "\t":
        return TAB_WIDTH
    if UNSAFE.match(ch):
        return len(escaped(ch))
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _visible(line: str) -> str:
    """The source line as shown: tabs expanded, control characters as visible ``\\x1b`` escapes.

    A raw escape or carriage return from a file must not move the terminal cursor under the caret line.
    """
    return visible(line.replace("\t", " " * TAB_WIDTH))


def _width(text: str) -> int:
    return sum(_char_width(ch) for ch in text)


def _snippet(finding: Finding, style: Style = PLAIN) -> list[str]:
    """The gutter, the source line and the underline: end column exclusive, clipped to the line's end."""
    line = finding.line_text
    if line is None:
        return []
    number = str(finding.start.line)
    pad = " " * len(number)
    start = min(finding.start.column - 1, len(line))
    if finding.end.line == finding.start.line:
        end = min(max(finding.end.column - 1, start), len(line))
    else:
        # A span over several lines is underlined to the end of its first line.
        end = len(line)
    lead = _width(line[:start])
    marks = max(_width(line[start:end]), 1)
    return [
        f"{pad} |",
        f"{number} | {_visible(line)}".rstrip(),
        f"{pad} | {' ' * lead}{style.paint('caret', '^' * marks)}",
    ]


def _wrapped(label: str, text: str, indent: str) -> list[str]:
    head = f"{indent}= {label}: "
    lines = textwrap.wrap(
        visible(" ".join(text.split())),  # line breaks become spaces; other controls are shown
        width=WIDTH,
        initial_indent=head,
        subsequent_indent=" " * len(head),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return lines or [head.rstrip()]


def _details(finding: Finding, style: Style = PLAIN) -> list[str]:
    indent = " " * (len(str(finding.start.line)) + 1)
    severity = style.paint(str(finding.severity), f"{finding.severity}:")
    lines = [f"{indent}= {severity} {finding.code} {finding.name}"]
    for suggestion in finding.suggestions:
        help_lines = _wrapped("help", f"{suggestion.text} [{suggestion.applicability}]", indent)
        lines.extend(style.paint("help", line) for line in help_lines)
        if suggestion.key_result:
            lines.extend(_wrapped("key result", suggestion.key_result, indent))
        if suggestion.example and suggestion.example_source:
            lines.extend(
                _wrapped("like", f"{suggestion.example} ({cite(suggestion.example_source)})", indent)
            )
    asked = [s.question for s in finding.suggestions if s.question]
    if asked:
        lines.extend(_wrapped("ask", asked[0], indent))
    if finding.explanation:
        lines.extend(_wrapped("why", finding.explanation, indent))
    if finding.source:
        cited = "; ".join(cite(c) for c in dict.fromkeys(finding.source))
        lines.extend(_wrapped("source", cited, indent))
    if finding.docs:
        lines.append(f"{indent}= docs: {finding.docs}")
    return lines


def render(report: LintReport, style: Style = PLAIN) -> str:
    blocks = [error_line(e, style) for e in report.errors]
    for finding in report.active_findings():
        parts = [finding_line(finding, style), *_snippet(finding, style), *_details(finding, style)]
        blocks.append("\n".join(parts) + "\n")
    blocks.append(summary_line(report, style))
    return "\n".join(blocks) + "\n"
