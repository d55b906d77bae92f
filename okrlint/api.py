"""The public API: ``Linter`` and the convenience functions built on it. No printing, no exiting."""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from os import PathLike
from pathlib import Path
from typing import Any

from okrlint import __version__
from okrlint.analysis import Analyzer, StatementAnalysis
from okrlint.arguments import (
    config_argument,
    optional_text_argument,
    path_list,
    statement_list,
    text_argument,
)
from okrlint.checks.base import Digest
from okrlint.config import DEFAULT_CONFIG, Config
from okrlint.engine import Engine, digest
from okrlint.gc_tuning import fewer_collections
from okrlint.jobs import parallel_map, worker_count
from okrlint.lexicons import Lexicon, default_lexicon
from okrlint.models import (
    FileSummary,
    Finding,
    KeyResult,
    LintError,
    LintReport,
    Objective,
    OkrDocument,
    Segment,
    Severity,
    Span,
    Statement,
    StatementKind,
    Summary,
    ToolInfo,
)
from okrlint.nlp import (
    MAX_PARSE_CHARS,
    english_words,
    load_pipeline,
    model_info,
    parse_lock,
    parse_statements,
)
from okrlint.packed import drain, pack, packed_if_long, sorted_or_packed, unpack
from okrlint.positions import LineIndex, index_for
from okrlint.registry import Rule, all_rules, select_rules
from okrlint.rulespec import Scope
from okrlint.suggest import Context as SuggestionContext
from okrlint.suggest import Suggester
from okrlint.suppress import Suppressor

# Analyses are small; a bounded cache keeps repeated statements (and re-linted rewrites) from re-parsing
# while memory stays flat on very large inputs.
ANALYSIS_CACHE_SIZE = 8_192
# What the suggester needs of a statement: kind, text, its objective's text, and the span a rewrite replaces.
StatementContext = tuple[StatementKind, str, str | None, Span]
# Statements parsed per nlp.pipe pass: large enough for spaCy's batching, small enough to keep memory flat.
BATCH_STATEMENTS = 2_000
# Past this many findings a report holds them packed (okrlint.packed): as objects they take about 2 KB each, and a
# file of 100,000 key results has some 70,000. Below it, findings are a plain tuple.
PACKED_FINDINGS = 10_000
PACKED_CHUNK = 2_048
# Parallel runs cut their input finer, for balance, but not below this: each batch still fills a couple of
# spaCy's internal batches of 256.
MIN_PARALLEL_BATCH = 500
STDIN_PATH = "<stdin>"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A parsed document with the exact text its offsets refer to."""

    document: OkrDocument
    source: str


def _lexicon_for(config: Config) -> Lexicon:
    vocab = config.vocabulary
    additions: dict[str, dict[str, Iterable[str]]] = {"verbs": dict(vocab.verbs), "nouns": dict(vocab.nouns)}
    if vocab.kpis:
        additions["nouns"] = {**additions["nouns"], "kpi_volume": vocab.kpis}
    return default_lexicon().extended(additions) if any(additions.values()) else default_lexicon()


def statement_at(
    text: str, kind: StatementKind, statement_id: str, offset: int = 0, index: LineIndex | None = None
) -> Statement:
    """A statement whose text stands verbatim at ``offset`` of a source (by default, the text itself)."""
    index = index or LineIndex(text)
    return Statement(
        id=statement_id,
        kind=kind,
        text=text,
        span=Span(start=offset, end=offset + len(text)),
        start=index.position(offset),
        end=index.position(offset + len(text)),
        segments=(Segment(text_start=0, file_start=offset, length=len(text)),) if text else (),
    )


@lru_cache(maxsize=256)
def _standalone_objective(text: str) -> Statement:
    """The parent objective of a key result linted on its own: the same for each rewrite checked under it (the
    statement is immutable, so one object serves them all)."""
    return statement_at(text, StatementKind.OBJECTIVE, "O1")


def _standalone_document(text: str, kind: StatementKind, objective: str | None) -> tuple[OkrDocument, str]:
    """A one-statement document (a key result under its objective, when given) and the statement's id."""
    if kind is StatementKind.OBJECTIVE:
        objective_only = Objective(statement=statement_at(text, kind, "O1"))
        return OkrDocument(path="<statement>", format="text", objectives=(objective_only,)), "O1"
    parent = _standalone_objective((objective or "").strip())
    kr = KeyResult(statement=statement_at(text, kind, "O1.KR1"))
    document = OkrDocument(
        path="<statement>", format="text", objectives=(Objective(statement=parent, key_results=(kr,)),)
    )
    return document, "O1.KR1"


class Linter:
    """Holds the configuration, the selected rules and the loaded pipeline; reuse it for many documents.

    Thread safety: one Linter, or several, may be used from many threads. Parsing is serialised by one lock per
    spaCy pipeline (pipelines are not documented as thread-safe, and all Linters for one model share one), which
    also guards each Linter's analysis cache; rule checks run in parallel safely because they only read
    immutable analyses.
    """

    def __init__(self, config: Config | Mapping[str, Any] | None = None, root: Path | None = None) -> None:
        """``config``: a Config, or a mapping of its keys as in ``okrlint.toml`` (validated; ValueError if
        invalid). ``root``: the folder of the config file, which ``per-file-ignores`` globs are relative to."""
        self.config = config_argument(config, "Linter") or DEFAULT_CONFIG
        self.root = root
        self.lexicon = _lexicon_for(self.config)
        self.rules: tuple[Rule, ...] = select_rules(self.config)
        unselected = tuple(r for r in all_rules() if r not in self.rules)
        self.engine = Engine(self.rules, self.config, self.lexicon, unselected)
        self.suppressor = Suppressor(self.rules, self.config, self.lexicon, root)
        self._analyzer: Analyzer | None = None
        self._suggester: Suggester | None = None
        self._statement_codes = frozenset(
            r.code for r in self.rules if r.spec.scope in (Scope.OBJECTIVE, Scope.KEY_RESULT)
        )
        self._cache: OrderedDict[str, StatementAnalysis] = OrderedDict()

    @property
    def nlp(self):
        return load_pipeline(self.config.model)

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = Analyzer(self.lexicon, english_words(self.nlp))
        return self._analyzer

    def tool_info(self) -> ToolInfo:
        return ToolInfo(version=__version__, model=str(model_info(self.nlp)))

    # ------------------------------------------------------------------ analysis
    def analyze(self, texts: Iterable[str]) -> dict[str, StatementAnalysis]:
        """Analyses for every distinct text, parsing only those not cached, in one ``nlp.pipe`` pass."""
        wanted = list(dict.fromkeys(texts))
        with parse_lock(self.nlp):
            found = {t: self._cache[t] for t in wanted if t in self._cache}
            missing = [t for t in wanted if t not in found]
            if missing:
                for parsed in parse_statements(self.nlp, missing):
                    analysis = self.analyzer.analyze(parsed)
                    found[parsed.text] = analysis
                    self._cache[parsed.text] = analysis
                while len(self._cache) > ANALYSIS_CACHE_SIZE:
                    self._cache.popitem(last=False)
            for text in found:
                if text in self._cache:
                    self._cache.move_to_end(text)
        return found

    # ------------------------------------------------------------------ statements
    def lint_statement(
        self,
        text: str,
        kind: StatementKind | str = StatementKind.KEY_RESULT,
        objective: str | None = None,
        *,
        suggest: bool = True,
    ) -> list[Finding]:
        """Findings for one statement; for a key result, ``objective`` is its parent objective's text."""
        text = text_argument(text, "lint_statement", "text").strip()
        objective = optional_text_argument(objective, "lint_statement", "objective")
        kind = StatementKind(kind)
        if len(text) > MAX_PARSE_CHARS:
            # Files get a ReadError far below this; a caller's string gets an exception, not silent emptiness.
            raise ValueError(
                f"statement is {len(text)} characters long; okrlint lints statements of up to {MAX_PARSE_CHARS}"
            )
        document, target = _standalone_document(text, kind, objective)
        analyses = self.analyze(s.text for s in document.statements())
        findings = self.engine.check_document(document, analyses, source=None, standalone=True)
        own = [f for f in findings if f.statement is not None and f.statement.id == target]
        if suggest:
            whole = Span(start=0, end=len(text))
            own = self._with_suggestions(own, analyses, {target: (kind, text, objective, whole)})
        return own

    def statement_is_clean(self, text: str, kind: StatementKind, objective: str | None = None) -> bool:
        """No warning or error in ``lint_statement(text, kind, objective)``, decided without building the
        findings: how rewrites are checked before they are offered."""
        document, target = _standalone_document(text.strip(), kind, objective)
        analyses = self.analyze(s.text for s in document.statements())
        return self.engine.statement_is_clean(document, analyses, target)

    def lint_okr(
        self,
        objective: str,
        key_results: Sequence[str] | str = (),
        *,
        period: str | None = None,
        parent: Sequence[str] = (),
        path: str = "<okr>",
    ) -> LintReport:
        """Lint one OKR given as strings (as OKR apps hold them): the objective, then one line per key result
        (a single string is one key result).

        Positions refer to the text ``objective + "\\n" + "\\n".join(key_results)``.
        """
        return self.lint_documents(
            [okr_document(objective, key_results, period=period, parent=parent, path=path)]
        )

    # ------------------------------------------------------------------ documents
    def lint_documents(
        self, sources: Sequence[SourceDocument], errors: Sequence[LintError] = (), jobs: int = 1
    ) -> LintReport:
        """Lint parsed documents; with ``jobs`` > 1, batches are linted in that many worker processes (0: one
        per available CPU). Workers are only started for more than one batch of distinct statements."""
        return self._report(sources, self.finding_stream(sources, jobs=jobs), errors)

    def findings(self, sources: Sequence[SourceDocument], jobs: int = 1) -> list[Finding]:
        """Findings for parsed documents, suppressions applied (suppressed ones are kept and marked)."""
        return list(self.finding_stream(sources, jobs))

    def findings_held(self, sources: Sequence[SourceDocument], jobs: int = 1) -> Sequence[Finding]:
        """``findings``, linted now, and packed when there are more than PACKED_FINDINGS of them."""
        return _list_or_packed(self.finding_stream(sources, jobs))

    def finding_stream(self, sources: Sequence[SourceDocument], jobs: int = 1) -> Iterable[Finding]:
        """``findings`` as they come: a very large document's are held packed until they are iterated, so that
        a report of them (``assemble_report``) never holds them all as objects at once."""
        workers = worker_count(jobs)
        # Parsing is the work worth sharing, and repeated statements are parsed once: count distinct ones.
        distinct = (
            len({s.text for src in sources for s in src.document.iter_statements()}) if workers > 1 else 0
        )
        if distinct > BATCH_STATEMENTS:
            total = sum(src.document.statement_count() for src in sources)
            # Batches small enough that every worker gets several: the last ones finish together.
            size = max(MIN_PARALLEL_BATCH, min(BATCH_STATEMENTS, -(-total // (workers * 4))))
            return self._parallel_findings(sources, size, workers)
        return (f for _, found in self.iter_findings(sources) for f in found)

    def iter_findings(
        self, sources: Iterable[SourceDocument], batch_statements: int = BATCH_STATEMENTS
    ) -> Iterator[tuple[SourceDocument, Sequence[Finding]]]:
        """Stream findings document by document. Documents are parsed in batches of about ``batch_statements``
        statements, and only one batch's analyses are held at a time, so memory stays flat on huge inputs. A
        very large document's findings come as a packed sequence (``okrlint.packed``)."""
        for batch in _batches(sources, batch_statements):
            yield from self._lint_batch(batch)

    def _lint_batch(self, batch: Sequence[SourceDocument]) -> list[tuple[SourceDocument, Sequence[Finding]]]:
        # The whole batch is linted before anything is handed back, so the raised collection threshold never
        # outlives okrlint's own work (the caller's code runs between batches, not inside one).
        with fewer_collections():
            small = [src for src in batch if not _is_large(src)]
            analyses = self.analyze(s.text for src in small for s in src.document.statements())
            out = []
            checked: list[tuple[SourceDocument, Sequence[Finding]]] = []
            for src in batch:
                if _is_large(src):
                    checked.append((src, self._lint_large(src)))
                    continue
                found = self.engine.check_document(src.document, analyses, src.source)
                checked.append((src, self.suppressor.apply(src.document, src.source, found)))
            # Rewrites are re-linted, so they are only worth computing for findings someone will see; large
            # documents have theirs already.
            small_found = [(src, found) for src, found in checked if not _is_large(src)]
            groups = [
                ([f for f in found if not f.suppressed], _statement_context(src.document.objectives))
                for src, found in small_found
            ]
            rewritten = iter(self._with_suggestions_for(groups, analyses))
            for src, found in checked:
                if _is_large(src):
                    out.append((src, found))
                else:
                    out.append((src, next(rewritten) + [f for f in found if f.suppressed]))
        return out

    def _lint_large(self, src: SourceDocument) -> Sequence[Finding]:
        """One document of more than BATCH_STATEMENTS statements, a part of its objectives at a time.

        Statement and OKR rules, and rewrites, only need one objective's analyses, so each part's full analyses
        are dropped once its findings are made; rules over the whole file run at the end on digests (what they
        read of each statement). Parts are independent, so workers can share one large file (``findings``).
        """
        index = index_for(src.source)
        parts = _objective_parts(src.document.objectives, BATCH_STATEMENTS)
        # A generator: each part's results are let go as _finish_large takes them in.
        found = self._finish_large(src, index, (self._large_part(src, part, index) for part in parts))
        return _list_or_packed(found)

    def _large_part(
        self,
        src: SourceDocument,
        part: Sequence[Objective],
        index: LineIndex,
    ) -> tuple[bytes, dict[str, Digest]]:
        """Findings (with rewrites) of some objectives of a large document, packed (``okrlint.packed``: they are
        held until the whole file is done, a tenth of their size as objects), and the digests of their
        statements' analyses by statement id, in document order (statements with one text share one)."""
        statements = [s for o in part for s in o.statements()]
        analyses = self.analyze(s.text for s in statements)
        own = self.engine.check_objectives(src.document, part, analyses, index)
        found = self._with_suggestions(own, analyses, _statement_context(part))
        digests = {t: digest(a) for t, a in analyses.items()}
        return pack(found), {s.id: digests[s.text] for s in statements}

    def _finish_large(
        self,
        src: SourceDocument,
        index: LineIndex,
        parts: Iterable[tuple[bytes, dict[str, Digest]]],
    ) -> Iterator[Finding]:
        """Whole-file rules on the parts' digests, then suppression over every finding at once (an unused
        directive is only known at the end); suppressed findings drop their rewrites, as elsewhere."""
        packed: list[bytes] = []
        by_id: dict[str, Digest] = {}  # every statement's, in document order: parts come in order
        for part_found, part_digests in parts:
            packed.append(part_found)
            by_id.update(part_digests)
        # Packed too: they come last in the stream, and a repeated key result is one each (S317).
        whole_file = packed_if_long(
            self.engine.iter_document_rules(src.document, by_id, index, by_id=True),
            PACKED_CHUNK,
            PACKED_CHUNK,
        )
        del by_id
        # One part's findings are unpacked at a time, as suppression reaches them.
        found = chain((f for chunk in packed for f in unpack(chunk)), whole_file)
        for f in self.suppressor.apply_iter(src.document, src.source, found):
            yield f.model_copy(update={"suggestions": ()}) if f.suppressed and f.suggestions else f

    def _parallel_findings(
        self, sources: Sequence[SourceDocument], size: int, workers: int
    ) -> Iterable[Finding]:
        """Batches of small documents and parts of large ones, shared by ``workers`` forked workers."""
        small = [src for src in sources if not _is_large(src)]
        batches = list(_batches(small, size))
        large = [(src, index_for(src.source)) for src in sources if _is_large(src)]
        # Where each part starts and stops, not the parts: a worker decodes its own part of a packed document.
        parts = [_objective_ranges(src.document.objectives, size) for src, _ in large]
        tasks = [(-1, i) for i in range(len(batches))]
        tasks += [(d, p) for d, doc_parts in enumerate(parts) for p in range(len(doc_parts))]

        def work(task: int) -> Any:
            d, i = tasks[task]
            if d < 0:
                return self.findings(batches[i])
            src, index = large[d]
            start, stop = parts[d][i]
            return self._large_part(src, src.document.objectives[start:stop], index)

        results = parallel_map(self, work, len(tasks), workers)
        out = [f for (d, _), found in zip(tasks, results, strict=True) if d < 0 for f in found]
        by_document: list[list[Any]] = [[] for _ in large]
        for (d, _), result in zip(tasks, results, strict=True):
            if d >= 0:
                by_document[d].append(result)
        del results  # each part's results are let go as _finish_large takes them in
        large_found = [
            _list_or_packed(self._finish_large(src, index, drain(by_document[d])))
            for d, (src, index) in enumerate(large)
        ]
        return chain(out, *large_found)

    @property
    def suggester(self) -> Suggester:
        if self._suggester is None:
            templates = {r.code: r.spec.suggestion.template for r in self.rules if r.spec.suggestion}
            self._suggester = Suggester(self, templates)
        return self._suggester

    def _with_suggestions(
        self,
        findings: list[Finding],
        analyses: dict[str, StatementAnalysis],
        context: dict[str, StatementContext],
    ) -> list[Finding]:
        """Attach rewrites to warnings and errors (and to notes whose rule has a rewrite template)."""
        return self._with_suggestions_for([(findings, context)], analyses)[0]

    def _with_suggestions_for(
        self,
        groups: Sequence[tuple[list[Finding], dict[str, StatementContext]]],
        analyses: dict[str, StatementAnalysis],
    ) -> list[list[Finding]]:
        """``_with_suggestions`` for the findings of many documents (each with its own statement ids) in one
        pass: the suggester parses its candidate rewrites in rounds of one ``nlp.pipe`` call each, and a round
        over a whole batch keeps spaCy's batches full (one call per document parsed a couple of texts at a time,
        which cost more than parsing the documents themselves on files of flagged key results)."""
        wanted: list[tuple[int, int]] = []
        contexts: list[SuggestionContext] = []
        for g, (findings, context) in enumerate(groups):
            for i, finding in enumerate(findings):
                statement = finding.statement
                if (
                    statement is None
                    or statement.id not in context
                    or finding.code not in self._statement_codes
                ):
                    continue  # set-level findings (counts, duplicates) have no single statement to rewrite
                if not (
                    finding.severity.at_least(Severity.WARNING) or finding.code in self.suggester.templates
                ):
                    continue
                kind, text, objective, whole = context[statement.id]
                wanted.append((g, i))
                contexts.append(SuggestionContext(finding, analyses[text], kind, objective, whole))
        out = [list(findings) for findings, _ in groups]
        suggested = self.suggester.suggest_all(contexts) if contexts else []
        for (g, i), suggestions in zip(wanted, suggested, strict=True):
            out[g][i] = groups[g][0][i].model_copy(update={"suggestions": suggestions})
        return out

    def lint_text(self, text: str, format: str | None = None, path: str | None = None) -> LintReport:
        """Lint the text of one OKR file. A malformed file gives a report with one error, not an exception, and
        so does a text over the size limit of files (``MAX_FILE_BYTES`` of UTF-8)."""
        from okrlint.discovery import MAX_FILE_BYTES, error_from
        from okrlint.readers import ReadError, read_document

        text = text_argument(text, "lint_text", "text")
        where = path or STDIN_PATH
        size = len(text) if len(text) * 4 <= MAX_FILE_BYTES else len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_FILE_BYTES:
            message = f"text is {size} bytes; okrlint reads up to {MAX_FILE_BYTES} bytes"
            return self._report([], [], [error_from(ReadError(where, 1, 1, message), where)])
        try:
            document = read_document(text, path=where, format=format)
        except ReadError as err:
            return self._report([], [], [error_from(err, where)])
        return self.lint_documents([SourceDocument(document, text)])

    def lint_paths(self, paths: Iterable[str | PathLike[str]] | str | PathLike[str]) -> LintReport:
        """Lint files and folders (one path, or several); unreadable or malformed files become errors and the rest
        are still linted."""
        from okrlint.discovery import collect_sources

        sources, errors = collect_sources(path_list(paths, "lint_paths"), self.config)
        return self.lint_documents(sources, errors)

    def _report(
        self, sources: Sequence[SourceDocument], findings: Iterable[Finding], errors: Sequence[LintError]
    ) -> LintReport:
        return assemble_report(self.tool_info(), [src.document for src in sources], findings, errors)


def okr_document(
    objective: str,
    key_results: Sequence[str] | str = (),
    *,
    period: str | None = None,
    parent: Sequence[str] = (),
    path: str = "<okr>",
) -> SourceDocument:
    """One OKR as a document whose source is the objective and its key results, one per line."""
    objective = text_argument(objective, "lint_okr", "objective")
    lines = [
        objective.strip(),
        *(kr.strip() for kr in statement_list(key_results, "lint_okr", "key_results")),
    ]
    source = "\n".join(lines)
    index = LineIndex(source)
    statements = []
    offset = 0
    for i, line in enumerate(lines):
        kind = StatementKind.OBJECTIVE if i == 0 else StatementKind.KEY_RESULT
        statements.append(statement_at(line, kind, "O1" if i == 0 else f"O1.KR{i}", offset, index))
        offset += len(line) + 1
    document = OkrDocument(
        path=path,
        format="text",
        period=period,
        objectives=(
            Objective(
                statement=statements[0],
                parent=tuple(parent),
                key_results=tuple(KeyResult(statement=s) for s in statements[1:]),
            ),
        ),
    )
    return SourceDocument(document, source)


def _batches(
    sources: Iterable[SourceDocument], size: int = BATCH_STATEMENTS
) -> Iterator[list[SourceDocument]]:
    batch: list[SourceDocument] = []
    count = 0
    for src in sources:
        batch.append(src)
        count += src.document.statement_count()
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def _is_large(src: SourceDocument) -> bool:
    return src.document.statement_count() > BATCH_STATEMENTS


def _objective_parts(objectives: Sequence[Objective], size: int) -> Iterator[list[Objective]]:
    """Consecutive objectives, about ``size`` statements per part (an objective is never split)."""
    part: list[Objective] = []
    count = 0
    for objective in objectives:
        part.append(objective)
        count += len(objective.statements())
        if count >= size:
            yield part
            part, count = [], 0
    if part:
        yield part


def _list_or_packed(findings: Iterable[Finding]) -> Sequence[Finding]:
    """A document's findings as a list, or packed when there are more than PACKED_FINDINGS."""
    held = packed_if_long(findings, PACKED_FINDINGS, PACKED_CHUNK)
    return list(held) if isinstance(held, tuple) else held


def _objective_ranges(objectives: Sequence[Objective], size: int) -> list[tuple[int, int]]:
    """The parts of ``_objective_parts`` as (start, stop) indexes into ``objectives``."""
    out: list[tuple[int, int]] = []
    start = 0
    for part in _objective_parts(objectives, size):
        out.append((start, start + len(part)))
        start += len(part)
    return out


def _statement_context(objectives: Iterable[Objective]) -> dict[str, StatementContext]:
    """Statement id -> (kind, text, objective text, the statement's whole span) for the suggester."""
    out: dict[str, StatementContext] = {}
    for objective in objectives:
        o = objective.statement
        out[o.id] = (StatementKind.OBJECTIVE, o.text, None, o.file_span(0, len(o.text)))
        for kr in objective.key_results:
            k = kr.statement
            out[k.id] = (StatementKind.KEY_RESULT, k.text, o.text, k.file_span(0, len(k.text)))
    return out


def assemble_report(
    tool: ToolInfo, documents: Sequence[OkrDocument], findings: Iterable[Finding], errors: Sequence[LintError]
) -> LintReport:
    """The report for linted documents: findings in file order, and the summary counts only active ones. Past
    ``PACKED_FINDINGS`` findings they are sorted and held packed (``okrlint.packed``), never all as objects."""
    ordered = sorted_or_packed(findings, _file_order, PACKED_FINDINGS, PACKED_CHUNK)
    by_severity: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    suppressed = 0
    for f in ordered:
        if f.suppressed:
            suppressed += 1
        else:
            by_severity[str(f.severity)] += 1
            by_code[f.code] += 1
    report = LintReport(
        tool=tool,
        files=tuple(_file_summary(d) for d in documents),
        documents=tuple(documents),
        errors=tuple(errors),
        summary=Summary(
            files=len(documents) + len(errors),
            findings=len(ordered) - suppressed,
            suppressed=suppressed,
            errors=len(errors),
            by_severity={level: by_severity.get(level, 0) for level in ("error", "warning", "info")},
            by_code=dict(sorted(by_code.items())),
        ),
    )
    # Set without validation: the findings are already Findings, and a packed sequence must stay packed.
    return report.model_copy(update={"findings": ordered})


def _file_order(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.start.line, finding.start.column, finding.code)


def _file_summary(document: OkrDocument) -> FileSummary:
    return FileSummary(
        path=document.path,
        format=document.format,
        team=document.team,
        period=document.period,
        objectives=len(document.objectives),
        # Every statement is an objective or a live key result (known without decoding a packed document).
        key_results=document.statement_count() - len(document.objectives),
    )


def lint_groups(
    groups: Sequence[tuple[Linter, Sequence[SourceDocument]]], errors: Sequence[LintError] = (), jobs: int = 1
) -> LintReport:
    """One report for documents linted under different configs (one Linter per config file)."""
    if not groups:
        return Linter().lint_documents([], errors)
    findings = chain.from_iterable(linter.finding_stream(sources, jobs=jobs) for linter, sources in groups)
    every = [src for _, sources in groups for src in sources]
    return groups[0][0]._report(every, findings, errors)


_DEFAULT_LINTERS: dict[int, Linter] = {}


def _linter(config: Config | Mapping[str, Any] | None) -> Linter:
    if config is not None:
        return Linter(config)
    if 0 not in _DEFAULT_LINTERS:
        _DEFAULT_LINTERS[0] = Linter()
    return _DEFAULT_LINTERS[0]


def lint_statement(
    text: str,
    kind: StatementKind | str = StatementKind.KEY_RESULT,
    objective: str | None = None,
    config: Config | Mapping[str, Any] | None = None,
) -> list[Finding]:
    return _linter(config).lint_statement(text, kind=kind, objective=objective)


def lint_text(
    text: str,
    format: str | None = None,
    path: str | None = None,
    config: Config | Mapping[str, Any] | None = None,
) -> LintReport:
    return _linter(config).lint_text(text, format=format, path=path)


def lint_paths(
    paths: Iterable[str | PathLike[str]] | str | PathLike[str],
    config: Config | Mapping[str, Any] | None = None,
) -> LintReport:
    return _linter(config).lint_paths(paths)
