"""Self-contained HTML report for an OKR champion reviewing many teams' drafts.

Teams come worst first, each with a verdict, collapsed until opened; objectives fold too, and a small inline
script filters findings by rule and severity (without it, the page shows everything). The template
(``okrlint/templates/report.html.j2``) gets a small view model built here, so that it only loops and prints.
Autoescaping is on because every statement is user input; the page loads nothing, and its Content Security
Policy allows only its own inline style and the one script whose hash it names.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files as package_files
from pathlib import PurePosixPath

import jinja2

from okrlint.coaching import coaching_question
from okrlint.formatters._rules import rule_spec
from okrlint.guides import cite
from okrlint.models import Finding, LintError, LintReport, OkrDocument, Statement
from okrlint.readers.periods import display_period

SEVERITIES = ("error", "warning", "info")
TOP_RULES = 3
# Verdict rank -> (key, what a champion reads); teams are listed from the highest rank down.
VERDICTS = {
    4: ("unreadable", "Could not be read"),
    3: ("rework", "Rework needed"),
    2: ("edits", "Edits needed"),
    1: ("notes", "Ready, with notes"),
    0: ("ready", "Ready"),
}


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

    @property
    def findings(self) -> list[Finding]:
        return [f for st in (self.statement, *self.key_results) for f in st.findings]

    @property
    def by_severity(self) -> dict[str, int]:
        counts = Counter(str(f.severity) for f in self.findings)
        return {s: counts.get(s, 0) for s in SEVERITIES}

    @property
    def needs_work(self) -> bool:
        """Open by default: something at warning or above to read."""
        return any(f.severity.at_least("warning") for f in self.findings)


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
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def rank(self) -> int:
        return _rank(self.by_severity, bool(self.errors))


def _rank(by_severity: dict[str, int], unreadable: bool) -> int:
    if unreadable:
        return 4
    if by_severity["error"]:
        return 3
    if by_severity["warning"]:
        return 2
    return 1 if by_severity["info"] else 0


@dataclass
class TeamView:
    """The files of one team (several files may name the same team), and the verdict on them all."""

    anchor: str
    name: str
    files: list[FileView]

    @property
    def by_severity(self) -> dict[str, int]:
        return {s: sum(f.by_severity[s] for f in self.files) for s in SEVERITIES}

    @property
    def rank(self) -> int:
        return max(f.rank for f in self.files)

    @property
    def verdict(self) -> tuple[str, str]:
        return VERDICTS[self.rank]

    @property
    def total(self) -> int:
        return sum(f.total for f in self.files)

    @property
    def periods(self) -> list[str]:
        return list(dict.fromkeys(f.period for f in self.files if f.period))

    @property
    def objectives(self) -> int:
        return sum(f.objectives for f in self.files)

    @property
    def key_results(self) -> int:
        return sum(f.key_results for f in self.files)

    @property
    def top_rules(self) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        for f in self.files:
            counts.update(f.counts)
        return counts.most_common(TOP_RULES)

    def worst_first_key(self) -> tuple[int, int, int, int, str]:
        s = self.by_severity
        return (-self.rank, -s["error"], -s["warning"], -s["info"], self.name.casefold())


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
            view.team = view.team or document.team or _shared_team(document)
            view.period = view.period or document.period
            view.okrs = _okrs(document, by_id)
        view.period = display_period(view.period)
        placed = {id(f) for o in view.okrs for s in (o.statement, *o.key_results) for f in s.findings}
        view.loose = tuple(f for f in mine if id(f) not in placed)
        view.counts = Counter(f.code for f in mine)
        view.top_rules = view.counts.most_common(TOP_RULES)
        views.append(view)
    return views


def _shared_team(document: OkrDocument) -> str | None:
    """The team every objective names, when the file itself names none (a CSV export of one team)."""
    teams = {o.team for o in document.objectives}
    return teams.pop() if len(teams) == 1 else None


def _team_name(view: FileView) -> str:
    """The team from the file's metadata or front matter, else the file's name without its extension."""
    return view.team or PurePosixPath(view.path).stem or view.path


def _team_views(files: list[FileView]) -> list[TeamView]:
    groups: dict[str, list[FileView]] = {}
    names: dict[str, str] = {}
    for view in files:
        key = " ".join(_team_name(view).casefold().split())
        groups.setdefault(key, []).append(view)
        names.setdefault(key, _team_name(view))
    teams = [TeamView(anchor="", name=names[key], files=group) for key, group in groups.items()]
    teams.sort(key=TeamView.worst_first_key)
    for number, team in enumerate(teams, start=1):
        team.anchor = f"team-{number}"
        team.files.sort(key=lambda f: (-f.rank, -f.by_severity["error"], -f.by_severity["warning"]))
    return teams


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


@cache
def _script() -> tuple[str, str]:
    """The page's filter script and the CSP source that allows exactly it."""
    text = (package_files("okrlint") / "templates" / "report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def render(report: LintReport) -> str:
    files = _file_views(report)
    script, script_source = _script()
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
        tool=report.tool,
        totals=totals,
        files=files,
        teams=_team_views(files),
        rules=_rule_rows(report),
        severities=SEVERITIES,
        cite=cite,
        question=coaching_question,
        script=script,
        script_source=script_source,
    )
