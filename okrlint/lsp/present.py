"""A lint report as the editor shows it: diagnostics, quick fixes and hovers (pure functions of the report)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from lsprotocol import types

from okrlint.coaching import coaching_question
from okrlint.edits import source_text
from okrlint.guides import cite
from okrlint.lsp.units import from_client, to_client
from okrlint.models import Finding, LintReport, Span, Statement
from okrlint.positions import LineIndex
from okrlint.resources import data_dir

SOURCE = "okrlint"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


@cache  # one file-system look-up per rule, not one per diagnostic
def rule_doc_uri(docs_path: str | None) -> str | None:
    """A ``file:`` link to the rule's page (shipped with okrlint), when it is there."""
    if not docs_path:
        return None
    try:
        page = data_dir("docs").parent / docs_path
    except FileNotFoundError:
        return None
    return page.resolve().as_uri() if page.is_file() else None


@dataclass
class LintedText:
    """One linted buffer: its text, its report and the client's position encoding."""

    text: str
    report: LintReport
    encoding: str

    @cached_property
    def index(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def format(self) -> str:
        """The buffer's format as it was read (the quoting a rewrite needs depends on it)."""
        return self.report.documents[0].format if self.report.documents else "text"

    @cached_property
    def statements(self) -> list[Statement]:
        return [s for d in self.report.documents for s in d.statements()]

    def active(self) -> list[Finding]:
        return list(self.report.active_findings())

    # ------------------------------------------------------------------ positions
    def position(self, offset: int) -> types.Position:
        at = self.index.position(offset)
        line = self.index.line_text(at.line)
        return types.Position(line=at.line - 1, character=to_client(line, at.column - 1, self.encoding))

    def range(self, span: Span) -> types.Range:
        return types.Range(start=self.position(span.start), end=self.position(span.end))

    def offset(self, position: types.Position) -> int:
        line_no = min(position.line + 1, len(self.index.line_starts))
        line = self.index.line_text(line_no)
        column = from_client(line, position.character, self.encoding)
        return self.index.line_starts[line_no - 1] + column

    def statement_of(self, finding: Finding) -> Statement | None:
        if finding.statement is None:
            return None
        return next((s for s in self.statements if s.id == finding.statement.id), None)

    # ------------------------------------------------------------------ diagnostics
    def diagnostics(self) -> list[types.Diagnostic]:
        out = [self._diagnostic(f) for f in self.active()]
        for error in self.report.errors:
            start = self.index.offset(error.start)
            out.append(
                types.Diagnostic(
                    range=self.range(Span(start=start, end=start)),
                    message=error.message,
                    severity=types.DiagnosticSeverity.Error,
                    source=SOURCE,
                )
            )
        return out

    def _diagnostic(self, finding: Finding) -> types.Diagnostic:
        href = rule_doc_uri(finding.docs)
        return types.Diagnostic(
            range=self.range(finding.span),
            message=finding.message,
            severity=_SEVERITY[str(finding.severity)],
            code=finding.code,
            code_description=types.CodeDescription(href=href) if href else None,
            source=SOURCE,
            data={"name": finding.name},
        )

    # ------------------------------------------------------------------ quick fixes
    def code_actions(self, uri: str, wanted: types.Range) -> list[types.CodeAction]:
        """One quick fix per suggested rewrite of a flagged statement that touches ``wanted``."""
        start, end = self.offset(wanted.start), self.offset(wanted.end)
        actions: list[types.CodeAction] = []
        offered: set[tuple[int, int, str]] = set()
        for finding in self.active():
            statement = self.statement_of(finding)
            where = statement.span if statement is not None else finding.span
            if not _touches(where, start, end):
                continue
            for suggestion in finding.suggestions:
                edit = suggestion.edit
                key = (edit.start, edit.end, suggestion.text) if edit is not None else None
                if key is None or key in offered:
                    continue
                offered.add(key)
                typed = source_text(self.text, edit.start, edit.end, suggestion.text, self.format)
                actions.append(
                    types.CodeAction(
                        title=f"Rewrite ({finding.code}): {suggestion.text}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[self._diagnostic(finding)],
                        edit=types.WorkspaceEdit(
                            changes={uri: [types.TextEdit(range=self.range(edit), new_text=typed)]}
                        ),
                    )
                )
        return actions

    # ------------------------------------------------------------------ hover
    def hover(self, at: types.Position) -> types.Hover | None:
        """What is wrong with the statement under the cursor, why, the question to ask, and the guide."""
        offset = self.offset(at)
        statement = next((s for s in self.statements if s.span.start <= offset <= s.span.end), None)
        if statement is None:
            return None
        findings = [f for f in self.active() if f.statement is not None and f.statement.id == statement.id]
        if not findings:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_markdown(findings)),
            range=self.range(statement.span),
        )


def hover_markdown(findings: Sequence[Finding]) -> str:
    parts: list[str] = []
    for finding in findings:
        href = rule_doc_uri(finding.docs)
        title = f"[{finding.code} {finding.name}]({href})" if href else f"{finding.code} {finding.name}"
        lines = [f"**{title}** ({finding.severity}): {finding.message}"]
        if finding.explanation:
            lines.append(finding.explanation.strip())
        question = coaching_question(finding)
        if question:
            lines.append(f"*Ask yourself:* {question}")
        lines.extend(f"*Try:* `{s.text}`" for s in finding.suggestions)
        lines.extend(f"*Guide:* {cite(c)}" for c in _unique(finding.source))
        parts.append("\n\n".join(lines))
    return "\n\n---\n\n".join(parts)


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))


def _touches(span: Span, start: int, end: int) -> bool:
    return span.start <= end and start <= span.end
