"""Hand-built LintReports for the formatter tests: no spaCy, positions computed from real file text.

``sample_report()`` is the golden-file report: two linted files and one unreadable one, findings of every
severity, a span over two lines, a suppressed finding, a display-only and a safe suggestion, and hostile text
(``<script>``, ``%``, ``,``, ``:``, quotes, a newline) in a path, a team name, a statement and a message.
``team_report()`` adds a third team for the HTML/browser test (12 active findings).
"""

from __future__ import annotations

from collections.abc import Iterable

from okrlint.api import assemble_report
from okrlint.models import (
    Applicability,
    Category,
    Citation,
    Finding,
    KeyResult,
    LintError,
    LintReport,
    Objective,
    OkrDocument,
    Position,
    Segment,
    Severity,
    Span,
    Statement,
    StatementKind,
    StatementRef,
    Suggestion,
    Summary,
    ToolInfo,
)
from okrlint.positions import LineIndex
from okrlint.rulespec import RuleSpec

SEEDS = {
    "002": "002_f32c8a370ce1866b.txt",
    "003": "003_c829359f6e0b3882.txt",
    "004": "004_d452f9fec0133cdb.txt",
}


def _rule(
    code: str, name: str, category: str, severity: str, cite: str, summary: str, what: str, why: str
) -> RuleSpec:
    seed, line = cite.split(":")
    return RuleSpec.model_construct(
        code=code,
        name=name,
        category=Category(category),
        severity=Severity(severity),
        summary=summary,
        what=what,
        why=why,
        source=(Citation(file=SEEDS[seed], line=int(line)),),
    )


# Rule metadata as the formatters see it, fixed here so that rewording a shipped rule does not break the
# goldens (tests/formatters/conftest.py puts this table in place of the registry).
RULES = {
    r.code: r
    for r in (
        _rule("K201", "key-result-without-number", "no_number", "error", "003:428",
              "The key result has no number, so nobody can grade it.",
              "Flags a key result with no number, percentage or ratio.",
              "A key result is how you measure the objective: it must be numeric."),
        _rule("K202", "key-result-with-vague-change", "vague", "error", "003:88",
              "The key result names a change without saying how much.",
              "Flags a change verb (improve, grow, more) with no number.",
              "A direction is not a target; the team cannot tell when it has succeeded."),
        _rule("K203", "key-result-is-output", "output_not_outcome", "error", "003:92",
              "The key result is an output (work to do), not an outcome.",
              "Flags a key result whose action ships something (launch, publish, hire).",
              "An output can be finished without creating any value."),
        _rule("K204", "key-result-counts-activities", "activity_count", "warning", "003:615",
              "The key result counts activities rather than their effect.",
              "Flags a count of things done (articles, calls, meetings).",
              "Doing more of something says nothing about whether it worked."),
        _rule("K207", "key-result-is-business-as-usual", "kpi_restatement", "warning", "003:304",
              "The key result keeps a metric where it is.",
              "Flags keep, maintain and stay at.",
              "Business as usual belongs on a health dashboard, not in an OKR."),
        _rule("K208", "key-result-without-baseline", "missing_baseline", "info", "003:332",
              "The key result has a target but no baseline.",
              "Notes an absolute target with no starting value.",
              "Progress is measured from where you are."),
        _rule("K210", "key-result-is-learning-activity", "other", "info", "004:56",
              "The key result is a learning activity.",
              "Notes research, interviews and experiments with no measured change.",
              "The guides disagree on learning key results, so this is a note."),
        _rule("K214", "compound-key-result", "compound", "info", "003:421",
              "One line carries two measures.",
              "Notes a key result with two measured parts joined by 'and'.",
              "A key result with one measure is easier to grade."),
        _rule("O103", "number-in-objective", "number_in_objective", "warning", "003:401",
              "The objective carries a number; numbers belong in the key results.",
              "Flags a number, percentage or amount in an objective.",
              "The objective states an aspiration in words and the key results quantify it."),
        _rule("O109", "objective-is-problem-statement", "negative_framing", "warning", "002:82",
              "The objective names a problem instead of the state to reach.",
              "Flags objectives that open with reduce, fix or stop.",
              "An objective says what good looks like."),
        _rule("S301", "key-result-count", "kr_count", "warning", "003:273",
              "The objective has too few or too many key results.",
              "Counts the key results of each objective (3 to 5 by default).",
              "One key result rarely captures an objective; ten dilute focus."),
    )
}  # fmt: skip

TOOL = ToolInfo(version="0.1.0", model="en_core_web_sm 3.8.0")
HOSTILE_STATEMENT = 'Win "enterprise" deals <script>alert(1)</script> & grow 50%, fast: now'


class SampleFile:
    """One OKR file's text, its parsed objectives and the findings on it."""

    def __init__(self, path: str, text: str, *, team: str | None, period: str | None, fmt: str) -> None:
        self.path, self.text, self.team, self.period, self.format = path, text, team, period, fmt
        self.index = LineIndex(text)
        self.objectives: list[Objective] = []
        self.findings: list[Finding] = []

    def statement(self, sid: str, kind: StatementKind, text: str, file_text: str | None = None) -> Statement:
        """A statement whose cleaned ``text`` is written in the file as ``file_text`` (default: verbatim)."""
        written = file_text or text
        start = self.text.index(written)
        end = start + len(written)
        segments = (Segment(text_start=0, file_start=start, length=len(text)),) if file_text is None else ()
        return Statement(
            id=sid,
            kind=kind,
            text=text,
            span=Span(start=start, end=end),
            start=self.index.position(start),
            end=self.index.position(end),
            segments=segments,
            approximate=file_text is not None,
        )

    def objective(self, sid: str, text: str, krs: Iterable[Statement] = ()) -> Statement:
        statement = self.statement(sid, StatementKind.OBJECTIVE, text)
        key_results = tuple(KeyResult(statement=s, id=s.id) for s in krs)
        self.objectives.append(Objective(statement=statement, id=sid, key_results=key_results))
        return statement

    def kr(self, sid: str, text: str, file_text: str | None = None) -> Statement:
        return self.statement(sid, StatementKind.KEY_RESULT, text, file_text)

    def finding(
        self,
        code: str,
        statement: Statement,
        message: str,
        *,
        flagged: str | None = None,
        suggestions: tuple[Suggestion, ...] = (),
        suppressed: bool = False,
    ) -> Finding:
        """A finding of rule ``code`` on ``flagged`` (a substring of the statement; default: all of it)."""
        spec = RULES[code]
        if flagged is None or statement.approximate:
            span = statement.span
        else:
            offset = statement.text.index(flagged)
            span = statement.file_span(offset, offset + len(flagged))
        start, end = self.index.position(span.start), self.index.position(span.end)
        finding = Finding(
            code=code,
            name=spec.name,
            category=Category(spec.category),
            severity=Severity(spec.severity),
            message=message,
            path=self.path,
            start=start,
            end=end,
            span=span,
            statement=StatementRef(id=statement.id, kind=statement.kind, text=statement.text),
            explanation=f"{spec.what.strip()} {spec.why.strip()}",
            source=spec.source[:1],
            suggestions=suggestions,
            docs=spec.docs_path,
            suppressed=suppressed,
            line_text=self.index.line_text(start.line),
        )
        self.findings.append(finding)
        return finding

    def document(self) -> OkrDocument:
        return OkrDocument(
            path=self.path,
            format=self.format,
            team=self.team,
            period=self.period,
            objectives=tuple(self.objectives),
        )


def build_report(files: Iterable[SampleFile], errors: Iterable[LintError] = ()) -> LintReport:
    """A report built by the same function ``Linter`` uses (sorted findings, counts of active ones)."""
    files = list(files)
    findings = [f for file in files for f in file.findings]
    return assemble_report(TOOL, [f.document() for f in files], findings, list(errors))


PLATFORM_MD = """\
# Platform team OKRs, Q3 2024

## O1: Make onboarding effortless for new teams
- KR1: Improve customer onboarding
- KR2: Launch the new developer portal
- KR3: Double weekly active users and
  halve churn

## O2: Grow EMEA revenue 20% this quarter
- KR1: Raise NPS from 31 to 45
- KR2: Run a pricing experiment
"""


def platform_file(prefix: str = "") -> SampleFile:
    """The platform team's file; ``prefix`` is text added on top (to move every statement down)."""
    f = SampleFile(
        "okrs/platform.md", prefix + PLATFORM_MD, team="Platform", period="Q3 2024", fmt="markdown"
    )
    kr1 = f.kr("O1.KR1", "Improve customer onboarding")
    kr2 = f.kr("O1.KR2", "Launch the new developer portal")
    kr3 = f.kr(
        "O1.KR3",
        "Double weekly active users and halve churn",
        "Double weekly active users and\n  halve churn",
    )
    f.objective("O1", "Make onboarding effortless for new teams", [kr1, kr2, kr3])
    o2kr1 = f.kr("O2.KR1", "Raise NPS from 31 to 45")
    o2kr2 = f.kr("O2.KR2", "Run a pricing experiment")
    o2 = f.objective("O2", "Grow EMEA revenue 20% this quarter", [o2kr1, o2kr2])

    f.finding(
        "K201",
        kr1,
        "Key result has no number: state how much and from what baseline.",
        suggestions=(
            Suggestion(
                text="Raise onboarding completion from <baseline> to <target>",
                description="Add a baseline and a target",
                example="Raise the share of new teams deploying in week one from 20% to 60%",
                example_source=Citation(file=SEEDS["003"], line=605),
                question="Why improve onboarding? Who will notice when it's done, and what will they notice?",
                outcome_class="release",
            ),
        ),
    )
    f.finding(
        "K203",
        kr2,
        "Key result is an output ('Launch'): measure what the launch should change.",
        flagged="Launch",
        suggestions=(Suggestion(text="Get <target>% of new teams to use the developer portal in week one"),),
    )
    f.finding("K214", kr3, "Key result joins two results with 'and': split it in two.")
    f.finding(
        "O103",
        o2,
        "Objective contains a number (20%): move it into a key result.",
        flagged="20%",
        suggestions=(
            Suggestion(
                text="Grow EMEA revenue this quarter",
                applicability=Applicability.SAFE,
                description="Drop the number from the objective",
                edit=o2.span,
                key_result="Increase EMEA revenue from <baseline> to 20% more this quarter",
            ),
        ),
    )
    f.finding("K208", o2kr1, "Key result gives no baseline.", suppressed=True)
    f.finding("K210", o2kr2, "Key result is a learning activity: say what you expect to learn and act on.")
    return f


SALES_YAML = f"""\
team: Sales & <Partners>
period: Q3 2024
objectives:
  - objective: '{HOSTILE_STATEMENT.replace("'", "''")}'
    key_results:
      - Close more deals
"""


def sales_file() -> SampleFile:
    f = SampleFile(
        "okrs/sales, 100%: q3.yaml", SALES_YAML, team="Sales & <Partners>", period="Q3 2024", fmt="yaml"
    )
    kr = f.kr("O1.KR1", "Close more deals")
    o1 = f.objective("O1", HOSTILE_STATEMENT, [kr])
    f.finding(
        "O103",
        o1,
        'Objective contains a number ("50%"):\nmove it into a key result, 100% & <b>now</b>',
        flagged="50%",
    )
    f.finding(
        "K202",
        kr,
        "Key result says 'more' without saying how much: give a target.",
        flagged="more",
        suggestions=(Suggestion(text="Close <target> deals a month, up from <baseline>"),),
    )
    return f


SUPPORT_MD = """\
# Customer Support, Q3 2024

## O1: Be the support team customers brag about
- KR1: Cut first-response time from 9 hours to 2 hours
- KR2: Publish 20 help-centre articles
- KR3: Keep CSAT at 92%
- KR4: Hire two support engineers

## O2: Reduce the ticket backlog
- KR1: Hold weekly backlog reviews
"""


def support_file() -> SampleFile:
    f = SampleFile("okrs/support.md", SUPPORT_MD, team="Customer Support", period="Q3 2024", fmt="markdown")
    krs = [
        f.kr("O1.KR1", "Cut first-response time from 9 hours to 2 hours"),
        f.kr("O1.KR2", "Publish 20 help-centre articles"),
        f.kr("O1.KR3", "Keep CSAT at 92%"),
        f.kr("O1.KR4", "Hire two support engineers"),
    ]
    f.objective("O1", "Be the support team customers brag about", krs)
    o2kr = f.kr("O2.KR1", "Hold weekly backlog reviews")
    o2 = f.objective("O2", "Reduce the ticket backlog", [o2kr])
    f.finding("K204", krs[1], "Key result counts activities (20 articles): measure what they should change.")
    f.finding("K207", krs[2], "Key result keeps a metric where it is: business as usual is not a key result.")
    f.finding(
        "K203",
        krs[3],
        "Key result is an output ('Hire'): measure what the new hires should change.",
        flagged="Hire",
        suggestions=(Suggestion(text="Answer <target>% of tickets within 2 hours, up from <baseline>"),),
    )
    f.finding(
        "O109", o2, "Objective states a problem ('Reduce'): say what good looks like.", flagged="Reduce"
    )
    f.finding("S301", o2, "Objective has 1 key result; aim for 3 to 5.")
    return f


BROKEN = LintError(
    path="okrs/broken.yaml",
    start=Position(line=7, column=3),
    message="expected a list under 'key_results', found a string",
)


def sample_report() -> LintReport:
    return build_report([platform_file(), sales_file()], [BROKEN])


def team_report() -> LintReport:
    return build_report([platform_file(), sales_file(), support_file()], [BROKEN])


def empty_report() -> LintReport:
    return build_report([])


def make_finding(
    *,
    message: str = "Key result has no number.",
    path: str = "okrs/q3.md",
    name: str = "key-result-without-number",
    code: str = "K201",
    severity: Severity = Severity.WARNING,
    start: tuple[int, int] = (1, 1),
    end: tuple[int, int] = (1, 2),
    line_text: str | None = None,
    statement: str = "Improve onboarding",
) -> Finding:
    """A free-standing finding for property tests: any text anywhere, positions as given."""
    return Finding(
        code=code,
        name=name,
        category=Category.NO_NUMBER,
        severity=severity,
        message=message,
        path=path,
        start=Position(line=start[0], column=start[1]),
        end=Position(line=end[0], column=end[1]),
        span=Span(start=0, end=1),
        statement=StatementRef(id="O1.KR1", kind=StatementKind.KEY_RESULT, text=statement),
        line_text=line_text,
    )


def report_of(findings: Iterable[Finding], errors: Iterable[LintError] = ()) -> LintReport:
    """A report holding just these findings and errors (no parsed documents)."""
    findings, errors = tuple(findings), tuple(errors)
    return LintReport(
        tool=TOOL,
        findings=findings,
        errors=errors,
        summary=Summary(files=len({f.path for f in findings}), findings=len(findings), errors=len(errors)),
    )
