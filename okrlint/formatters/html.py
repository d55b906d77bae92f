"""Self-contained HTML report for an OKR champion reviewing many teams' drafts.

The template (``okrlint/templates/report.html.j2``) gets a small view model built here, so that it only loops and
prints. Autoescaping is on because every statement is user input; the page loads nothing (inline CSS, a CSP that
forbids scripts and every fetch).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import jinja2

from okrlint.formatters._rules import rule_spec
from okrlint.models import Finding, LintError, LintReport, OkrDocument, Statement

SEVERITIES = ("error", "warning", "info")
TOP_RULES = 3


@dataclass(frozen=True)
class StatementView:
    id: str
    kind: str
    text: str
    line: int
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ObjectiveView:
    statement: StatementView
    key_results: tuple[StatementView, ...]
    owner: str | None = None


@dataclass
class FileView:
    """One linted file (or one that could not be read): its table row and its section."""

    anchor: str
    path: str
    team: str | None = None
    period: str | None = None
    objectives: int = 0
    key_results: int = 0
    by_severity: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    top_rules: list[tuple[str, int]] = field(default_factory=list)
    okrs: tuple[ObjectiveView, ...] = ()
    # Findings whose statement is not among the parsed objectives and key results (or have none).
    loose: tuple[Finding, ...] = ()
    errors: tuple[LintError, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


@dataclass(frozen=True)
class RuleRow:
    code: str
    name: str
    severity: str
    summary: str
    count: int
    files: int


def _statement(statement: Statement, by_id: dict[str, list[Finding]]) -> StatementView:
    return StatementView(
        id=statement.id,
        kind=str(statement.kind),
        text=statement.text,
        line=statement.start.line,
        findings=tuple(by_id.pop(statement.id, [])),
    )


def _okrs(document: OkrDocument, by_id: dict[str, list[Finding]]) -> tuple[ObjectiveView, ...]:
    return tuple(
        ObjectiveView(
            statement=_statement(objective.statement, by_id),
            key_results=tuple(
                _statement(kr.statement, by_id) for kr in objective.key_results if not kr.dropped
            ),
            owner=objective.owner,
        )
        for objective in document.objectives
    )


def _file_views(report: LintReport) -> list[FileView]:
    findings: dict[str, list[Finding]] = {}
    for finding in report.active_findings():
        findings.setdefault(finding.path, []).append(finding)
    errors: dict[str, list[LintError]] = {}
    for error in report.errors:
        errors.setdefault(error.path, []).append(error)
    documents = {d.path: d for d in report.documents}
    summaries = {f.path: f for f in report.files}
    paths = list(dict.fromkeys([*summaries, *documents, *findings, *errors]))

    views = []
    for number, path in enumerate(paths, start=1):
        mine = findings.get(path, [])
        view = FileView(anchor=f"file-{number}", path=path, errors=tuple(errors.get(path, ())))
        if path in summaries:
            s = summaries[path]
            view.team, view.period, view.objectives, view.key_results = (
                s.team,
                s.period,
                s.objectives,
                s.key_results,
            )
        by_id: dict[str, list[Finding]] = {}
        for finding in mine:
            view.by_severity[str(finding.severity)] += 1
            if finding.statement is not None:
                by_id.setdefault(finding.statement.id, []).append(finding)
        if path in documents:
            document = documents[path]
            view.team = view.team or document.team
            view.period = view.period or document.period
            view.okrs = _okrs(document, by_id)
        placed = {id(f) for o in view.okrs for s in (o.statement, *o.key_results) for f in s.findings}
        view.loose = tuple(f for f in mine if id(f) not in placed)
        view.top_rules = Counter(f.code for f in mine).most_common(TOP_RULES)
        views.append(view)
    return views


def _rule_rows(report: LintReport) -> list[RuleRow]:
    counts = Counter(f.code for f in report.active_findings())
    files: dict[str, set[str]] = {}
    first: dict[str, Finding] = {}
    for finding in report.active_findings():
        files.setdefault(finding.code, set()).add(finding.path)
        first.setdefault(finding.code, finding)
    rows = []
    for code, count in counts.items():
        spec = rule_spec(code)
        finding = first[code]
        rows.append(
            RuleRow(
                code=code,
                name=finding.name,
                severity=str(spec.severity if spec else finding.severity),
                summary=spec.summary.strip() if spec else finding.message,
                count=count,
                files=len(files[code]),
            )
        )
    return sorted(rows, key=lambda r: (-r.count, r.code))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("okrlint", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(report: LintReport) -> str:
    files = _file_views(report)
    totals = {
        "files": report.summary.files,
        "objectives": sum(f.objectives for f in report.files),
        "key_results": sum(f.key_results for f in report.files),
        "findings": len(report.active_findings()),
        "suppressed": report.summary.suppressed,
        "errors": len(report.errors),
        "by_severity": {s: sum(f.by_severity[s] for f in files) for s in SEVERITIES},
    }
    template = _environment().get_template("report.html.j2")
    return template.render(
        tool=report.tool, totals=totals, files=files, rules=_rule_rows(report), severities=SEVERITIES
    )
