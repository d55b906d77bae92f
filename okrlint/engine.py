"""The engine: runs the selected rules over each scope unit and turns their hits into findings.

Rules report statement-relative spans; the engine owns file positions, messages, severity and supersession.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment

from okrlint.analysis import StatementAnalysis
from okrlint.checks.base import CheckContext, Digest, DocumentUnit, Hit, OkrUnit, StatementUnit, Unit
from okrlint.config import Config
from okrlint.lexicons import Lexicon
from okrlint.models import (
    Finding,
    Objective,
    OkrDocument,
    Severity,
    Statement,
    StatementRef,
)
from okrlint.positions import LineIndex, index_for
from okrlint.registry import Rule, rule_options
from okrlint.rulespec import Scope

_TEMPLATES = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@dataclass(frozen=True, slots=True)
class _Raised:
    rule: Rule
    hit: Hit
    statement: Statement


class Engine:
    """Holds the selected rules, their options and compiled message templates; stateless per call."""

    def __init__(
        self, rules: Iterable[Rule], config: Config, lexicon: Lexicon, unselected: Iterable[Rule] = ()
    ) -> None:
        """``unselected``: rules the configuration leaves out. Set rules build on statement verdicts (S303
        asks whether any key result measures an outcome), so those verdicts are computed whether or not their
        own rules were selected, and never reported: a rule's judgement does not depend on the selection."""
        self.rules = tuple(rules)
        self.config = config
        self.lexicon = lexicon
        # Message templates are compiled when their rule first fires: most runs use a handful of the 30-odd.
        self._messages: dict[str, Template] = {}
        # One explanation string per rule, shared by all its findings.
        self._explanations = {r.code: f"{r.spec.what.strip()} {r.spec.why.strip()}" for r in self.rules}
        self._docs = {r.code: r.spec.docs_path for r in self.rules}  # and one docs path
        self._options = {r.code: rule_options(r, config) for r in self.rules}
        self._kpis = frozenset(t.lower() for t in config.vocabulary.kpis)
        self._accepted = frozenset(t.lower() for t in config.vocabulary.accept)
        self._plain_contexts: dict[str, CheckContext] = {}
        self._by_scope: dict[Scope, list[Rule]] = defaultdict(list)
        for rule in self.rules:
            self._by_scope[rule.spec.scope].append(rule)
        builds_on_statements = self._by_scope[Scope.OKR] or self._by_scope[Scope.DOCUMENT]
        self._hidden: dict[Scope, list[Rule]] = defaultdict(list)
        for rule in unselected if builds_on_statements else ():
            if rule.spec.enabled and rule.spec.scope in (Scope.OBJECTIVE, Scope.KEY_RESULT):
                self._hidden[rule.spec.scope].append(rule)
                self._options.setdefault(rule.code, rule_options(rule, config))

    def _context(self, rule: Rule, fired: Mapping[str, frozenset[str]]) -> CheckContext:
        if not fired:
            # Statement rules never see other findings: one context per rule serves every statement.
            cached = self._plain_contexts.get(rule.code)
            if cached is None:
                cached = self._plain_contexts[rule.code] = self._new_context(rule, fired)
            return cached
        return self._new_context(rule, fired)

    def _new_context(self, rule: Rule, fired: Mapping[str, frozenset[str]]) -> CheckContext:
        return CheckContext(
            options=self._options[rule.code],
            lexicon=self.lexicon,
            kpi_terms=self._kpis,
            accepted_terms=self._accepted,
            fired=fired,
        )

    def _message_template(self, rule: Rule) -> Template:
        template = self._messages.get(rule.code)
        if template is None:  # two threads may both compile it; either result is the same template
            template = self._messages[rule.code] = _TEMPLATES.from_string(rule.spec.message)
        return template

    def _severity(self, rule: Rule, hit: Hit) -> Severity:
        for key in (rule.spec.code, rule.spec.name):
            if key in self.config.severity:
                return self.config.severity[key]
        return hit.severity or rule.spec.severity

    def _run(self, rule: Rule, unit: Unit, fired: Mapping[str, frozenset[str]]) -> list[Hit]:
        try:
            return list(rule.check(unit, self._context(rule, fired)))
        except Exception as exc:  # one broken rule must not cost the user every other finding
            # Reported, not hidden: an error-level finding under the rule's own code names the failure.
            return [Hit(0, 0, {"_internal_error": f"{type(exc).__name__}: {exc}"}, severity=Severity.ERROR)]

    def check_document(
        self,
        document: OkrDocument,
        analyses: Mapping[str, StatementAnalysis],
        source: str | None,
        standalone: bool = False,
    ) -> list[Finding]:
        """All findings for one document. ``analyses`` maps statement text to its analysis."""
        index = index_for(source) if source is not None else None
        found = self.check_objectives(document, document.objectives, analyses, index, standalone)
        if not standalone:
            found += self.check_document_rules(document, analyses, index)
        return found

    def check_objectives(
        self,
        document: OkrDocument,
        objectives: Sequence[Objective],
        analyses: Mapping[str, StatementAnalysis],
        index: LineIndex | None,
        standalone: bool = False,
    ) -> list[Finding]:
        """Statement and OKR rules for some objectives of ``document`` (all of them, or one part of a very large
        document at a time): these rules see one objective and its key results, never the rest of the file.
        ``analyses`` must hold these objectives' statements."""
        raised: list[_Raised] = []
        ctx_document = None if standalone else document
        statements: dict[str, Statement] = {}
        hidden: list[_Raised] = []
        for scope, unit in _statement_units(objectives, analyses, ctx_document):
            statements[unit.statement.id] = unit.statement
            raised.extend(self._statement_rules(scope, unit))
            if self._hidden and not standalone:
                hidden.extend(self._statement_rules(scope, unit, self._hidden))
        # What is reported depends on the selection; what set rules build on does not.
        verdicts = _drop_superseded(raised + hidden) if hidden else None
        raised = _drop_superseded(raised)
        if verdicts is None:
            verdicts = raised
        fired: dict[str, frozenset[str]] = defaultdict(frozenset)
        for item in verdicts:
            fired[item.statement.id] |= {item.rule.code}
        if not standalone:
            for objective in objectives:
                krs = tuple(
                    (kr, analyses[kr.statement.text]) for kr in objective.key_results if not kr.dropped
                )
                okr_unit = OkrUnit(objective, analyses[objective.statement.text], krs, document)
                for rule in self._by_scope[Scope.OKR]:
                    raised.extend(self._raise(rule, okr_unit, objective.statement, statements, fired))
        refs: dict[str, StatementRef] = {}
        return [self._finding(item, document.path, index, refs) for item in raised]

    def check_document_rules(
        self,
        document: OkrDocument,
        analyses: Mapping[str, StatementAnalysis] | Mapping[str, Digest],
        index: LineIndex | None,
        by_id: bool = False,
    ) -> list[Finding]:
        """Rules over the whole file (S3xx of scope document). ``analyses`` maps statement text to analysis, or
        with ``by_id`` statement id to analysis, every statement's in document order. They may be digests
        (``digest``) holding only what these rules read, so that a very large file need not keep every full
        analysis."""
        return list(self.iter_document_rules(document, analyses, index, by_id))

    def iter_document_rules(
        self,
        document: OkrDocument,
        analyses: Mapping[str, StatementAnalysis] | Mapping[str, Digest],
        index: LineIndex | None,
        by_id: bool = False,
    ) -> Iterator[Finding]:
        """``check_document_rules`` a finding at a time: those on the file as a whole first, then those on a
        statement as one pass over the document reaches it (a very large document's statements are never all
        held, nor all its findings, when the caller packs them as they come)."""
        if not document.objectives or not self._by_scope[Scope.DOCUMENT]:
            return
        if by_id:
            doc_unit = DocumentUnit(document, analyses)
        else:
            doc_unit = DocumentUnit(document, {s.id: analyses[s.text] for s in document.iter_statements()})
        first = document.first_objective().statement
        by_statement: dict[str, list[tuple[Rule, Hit]]] = defaultdict(list)
        whole: list[tuple[Rule, Hit]] = []
        for rule in self._by_scope[Scope.DOCUMENT]:
            for hit in self._run(rule, doc_unit, {}):
                (by_statement[hit.statement_id] if hit.statement_id else whole).append((rule, hit))
        del doc_unit
        for rule, hit in whole:
            yield self._finding(_Raised(rule, hit, first), document.path, index, {})
        if by_statement:
            for statement in document.iter_statements():
                hits = by_statement.pop(statement.id, None)
                if hits:
                    refs: dict[str, StatementRef] = {}  # one StatementRef for this statement's findings
                    for rule, hit in hits:
                        yield self._finding(_Raised(rule, hit, statement), document.path, index, refs)
                    if not by_statement:
                        break
        # An id no statement has: on the first objective, as a whole-file finding is.
        for hits in by_statement.values():
            for rule, hit in hits:
                yield self._finding(_Raised(rule, hit, first), document.path, index, {})

    def statement_is_clean(
        self, document: OkrDocument, analyses: Mapping[str, StatementAnalysis], statement_id: str
    ) -> bool:
        """No warning or error on one statement of a standalone document: what ``check_document(…,
        standalone=True)`` would say of it, without rendering findings (rewrites are checked this way)."""
        for scope, unit in _statement_units(document.objectives, analyses, None):
            if unit.statement.id == statement_id:
                raised = _drop_superseded(self._statement_rules(scope, unit))
                return not any(self._severity(r.rule, r.hit).at_least(Severity.WARNING) for r in raised)
        raise KeyError(statement_id)

    def _statement_rules(
        self, scope: Scope, unit: StatementUnit, rules: Mapping[Scope, list[Rule]] | None = None
    ) -> list[_Raised]:
        if not unit.analysis.english:
            return []  # English rules say nothing about text in another language
        out: list[_Raised] = []
        for rule in (rules if rules is not None else self._by_scope).get(scope, ()):
            out.extend(self._raise(rule, unit, unit.statement, {}, {}))
        return out

    def _raise(
        self,
        rule: Rule,
        unit: Unit,
        default: Statement,
        statements: Mapping[str, Statement],
        fired: Mapping[str, frozenset[str]],
    ) -> list[_Raised]:
        out = []
        for hit in self._run(rule, unit, fired):
            statement = statements.get(hit.statement_id, default) if hit.statement_id else default
            out.append(_Raised(rule, hit, statement))
        return out

    def _finding(
        self, item: _Raised, path: str, index: LineIndex | None, refs: dict[str, StatementRef]
    ) -> Finding:
        """``refs``: one StatementRef per statement, shared by its findings."""
        rule, hit, statement = item.rule, item.hit, item.statement
        start = max(0, min(hit.start, len(statement.text)))
        end = max(start, min(hit.end, len(statement.text)))
        span = statement.file_span(start, end)
        if index is None:
            # A statement linted on its own is its own source text.
            index = LineIndex(statement.text)
        first, last = index.position(span.start), index.position(span.end)
        if span == statement.span:
            # Most findings cover their whole statement: they share its span and positions (a very large
            # file holds tens of thousands of findings).
            span = statement.span
            first = statement.start if first == statement.start else first
            last = statement.end if last == statement.end else last
        ref = refs.get(statement.id)
        if ref is None or ref.text != statement.text:
            ref = refs[statement.id] = StatementRef(id=statement.id, kind=statement.kind, text=statement.text)
        variables: dict[str, Any] = {
            "text": statement.text,
            "span_text": statement.text[start:end],
            **hit.vars,
        }
        spec = rule.spec
        internal = hit.vars.get("_internal_error")
        message = (
            f"internal error in rule {spec.code} ({spec.name}), please report it: {internal}"
            if internal
            else self._message_template(rule).render(**variables).strip()
        )
        return Finding(
            code=spec.code,
            name=spec.name,
            category=spec.category,
            severity=self._severity(rule, hit),
            confidence=hit.confidence,
            message=message,
            path=path,
            start=first,
            end=last,
            span=span,
            statement=ref,
            explanation=self._explanations.get(spec.code) or f"{spec.what.strip()} {spec.why.strip()}",
            source=spec.source,
            docs=self._docs.get(spec.code) or spec.docs_path,
            line_text=index.line_text(first.line),
        )


def _statement_units(
    objectives: Sequence[Objective],
    analyses: Mapping[str, StatementAnalysis],
    ctx_document: OkrDocument | None,
) -> Iterator[tuple[Scope, StatementUnit]]:
    """Each objective, then its live key results, as the units statement rules are run on."""
    for objective in objectives:
        o_analysis = analyses[objective.statement.text]
        krs = [kr for kr in objective.key_results if not kr.dropped]
        kr_analyses = tuple(analyses[kr.statement.text] for kr in krs)
        yield (
            Scope.OBJECTIVE,
            StatementUnit(
                statement=objective.statement,
                analysis=o_analysis,
                objective=objective,
                objective_analysis=o_analysis,
                key_result_analyses=kr_analyses,
                document=ctx_document,
            ),
        )
        for kr, kr_analysis in zip(krs, kr_analyses, strict=True):
            yield (
                Scope.KEY_RESULT,
                StatementUnit(
                    statement=kr.statement,
                    analysis=kr_analysis,
                    key_result=kr,
                    objective=objective,
                    objective_analysis=o_analysis,
                    document=ctx_document,
                ),
            )


# What rules over the whole file read of each statement's analysis (S302, S306, S317, S318): a very large file keeps
# only this much of each statement once its own rules have run. A test compares the findings both ways.
DOCUMENT_RULE_FIELDS = tuple(f.name for f in fields(Digest))


def digest(analysis: StatementAnalysis) -> Digest:
    """The part of ``analysis`` that document rules read. Words are interned: a file's statements share a
    small vocabulary, and a digest outlives the analysis it was taken from."""
    return Digest(
        subject_person=sys.intern(analysis.subject_person),
        lemmas=tuple(sys.intern(w) for w in analysis.lemmas),
        content_and_numbers=tuple(sorted(sys.intern(w) for w in analysis.content_and_numbers)),
        english=analysis.english,
    )


def _drop_superseded(raised: list[_Raised]) -> list[_Raised]:
    """A generic finding gives way to a more specific one on the same statement (K201 to K203, …)."""
    codes: dict[str, set[str]] = defaultdict(set)
    for item in raised:
        codes[item.statement.id].add(item.rule.code)
    return [item for item in raised if not set(item.rule.spec.superseded_by) & codes[item.statement.id]]
