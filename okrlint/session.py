"""One lint run as every front end does it: each file under the config that governs its folder, one Linter per
config file, suppressions applied, one report. The command line, the language server and the MCP tool call this
and only present the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from okrlint.api import Linter, SourceDocument, assemble_report, lint_groups
from okrlint.config_files import ConfigResolver, LoadedConfig
from okrlint.jobs import worker_count
from okrlint.models import Finding, LintError, LintReport, Severity

STDIN_PATH = "<stdin>"
# Statements per batch when someone watches the progress: finer than a silent run's batches, so that a bar moves
# during runs of a few hundred statements (measured: no slower on 960 statements than batches of 2,000).
PROGRESS_BATCH_STATEMENTS = 250
# Called with (statements linted so far, statements in the run).
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RunResult:
    """A run's report and, for each linted path, the fail-on of the config it was linted under."""

    report: LintReport
    fail_on_by_path: dict[str, Severity] = field(default_factory=dict)

    def failing(self) -> bool:
        """Whether an active finding is at or above the fail-on of its own file's config."""
        return any(
            f.severity.at_least(self.fail_on_by_path.get(f.path, Severity.WARNING))
            for f in self.report.active_findings()
        )


class LintSession:
    """Config discovery and loaded Linters kept across runs (a long-lived server reuses one session).

    A missing spaCy model raises ``okrlint.nlp.ModelNotFoundError`` when the first Linter is built; a bad config
    file raises ``okrlint.config_files.ConfigError``.
    """

    def __init__(self, resolver: ConfigResolver | None = None) -> None:
        self.resolver = resolver or ConfigResolver()
        self._linters: dict[tuple[Path | None, str], Linter] = {}

    def reload_configs(self) -> None:
        """Read the config files afresh on the next lint (one may have been edited, added or removed). A Linter
        whose config did not change is kept, with the parses it has cached."""
        old = self.resolver
        self.resolver = ConfigResolver(old.explicit, old.isolated, old.overrides)

    def linter_for(self, loaded: LoadedConfig) -> Linter:
        """One Linter per config file (files in different folders may have different configs)."""
        # Keyed by content too: after reload_configs an edited file must not reuse the Linter of its old text.
        key = (loaded.path, loaded.config.model_dump_json())
        if key not in self._linters:
            linter = Linter(loaded.config, root=loaded.root)
            linter.nlp  # noqa: B018 - load the model now so that a missing model fails before any work
            self._linters[key] = linter
        return self._linters[key]

    def run(
        self,
        paths: Sequence[str],
        input_format: str | None = None,
        jobs: int = 1,
        read_stdin: Callable[[], bytes] | None = None,
        progress: Progress | None = None,
    ) -> RunResult:
        """The report for ``paths`` (files and folders; ``-`` is ``read_stdin()``), each file under its own config.
        ``progress(done, total)`` is called with statements linted so far as the run goes."""
        from okrlint.discovery import collect_sources, error_from
        from okrlint.readers import ReadError, read_bytes

        pending: list[tuple[LoadedConfig, SourceDocument]] = []
        errors: list[LintError] = []
        for path in paths:
            if path == "-":
                continue
            # include/exclude come from the config governing the path named on the command line.
            sources, bad = collect_sources([path], self.resolver.for_path(path).config, input_format)
            pending.extend((self.resolver.for_path(src.document.path), src) for src in sources)
            errors.extend(bad)
        if "-" in paths:
            try:
                if read_stdin is None:
                    raise ReadError(STDIN_PATH, 1, 1, "standard input is not available here")
                # bytes, not text: a workbook piped in is recognised by its content, as `parse -` does.
                document, text = read_bytes(read_stdin(), path=STDIN_PATH, format=input_format)
                pending.append((self.resolver.for_path(None), SourceDocument(document, text)))
            except ReadError as err:
                errors.append(error_from(err, STDIN_PATH))
        return self._lint(pending, errors, jobs, progress=progress)

    def excluded(self, path: str) -> bool:
        """Whether the config governing ``path`` excludes it, as ``okrlint check PATH`` decides for a file."""
        from okrlint.discovery import display_path, excluded

        return excluded(display_path(Path(path)), self.resolver.for_path(path).config)

    def lint_text(
        self,
        text: str,
        path: str | None = None,
        input_format: str | None = None,
        config_path: str | None = None,
    ) -> RunResult:
        """Lint text held in memory (an editor buffer, an assistant's draft) under the config that governs
        ``config_path`` (default: ``path``; None: the working directory), as if it were that file."""
        from okrlint.discovery import error_from
        from okrlint.readers import ReadError, read_document

        shown = path or STDIN_PATH
        loaded = self.resolver.for_path(config_path or path)
        try:
            document = read_document(text, path=shown, format=input_format)
        except ReadError as err:
            return self._lint([], [error_from(err, shown)], 1, loaded)
        return self._lint([(loaded, SourceDocument(document, text))], [], 1)

    def _lint(
        self,
        pending: Sequence[tuple[LoadedConfig, SourceDocument]],
        errors: Sequence[LintError],
        jobs: int,
        fallback: LoadedConfig | None = None,
        progress: Progress | None = None,
    ) -> RunResult:
        groups: dict[Path | None, tuple[Linter, list[SourceDocument]]] = {}
        fail_on_by_path: dict[str, Severity] = {}
        for loaded, src in pending:
            groups.setdefault(loaded.path, (self.linter_for(loaded), []))[1].append(src)
            fail_on_by_path[src.document.path] = loaded.config.fail_on
        if not groups and fallback is not None:
            # No document, only errors: the report still names the model of the config in force.
            return RunResult(self.linter_for(fallback).lint_documents([], errors), fail_on_by_path)
        if progress is None or not groups:
            return RunResult(lint_groups(list(groups.values()), errors, jobs=jobs), fail_on_by_path)
        return RunResult(_lint_reporting(list(groups.values()), errors, jobs, progress), fail_on_by_path)


def _lint_reporting(
    groups: Sequence[tuple[Linter, Sequence[SourceDocument]]],
    errors: Sequence[LintError],
    jobs: int,
    progress: Progress,
) -> LintReport:
    """``lint_groups``, telling ``progress`` how many statements are done after each batch."""
    total = sum(src.document.statement_count() for _, sources in groups for src in sources)
    done = 0
    # Each document's findings as linting gave them: a very large document's stay packed until the report
    # is assembled.
    found_by_document: list[Iterable[Finding]] = []
    progress(0, total)
    for linter, sources in groups:
        if worker_count(jobs) > 1:
            # Workers report nothing until they finish: the group counts as one step.
            # Linted here, not when the report is assembled: the progress below must follow the work.
            found_by_document.append(linter.findings_held(sources, jobs=jobs))
            done += sum(src.document.statement_count() for src in sources)
            progress(done, total)
            continue
        for src, found in linter.iter_findings(sources, PROGRESS_BATCH_STATEMENTS):
            found_by_document.append(found)
            done += src.document.statement_count()
            progress(done, total)
    every = [src.document for _, sources in groups for src in sources]
    findings = chain.from_iterable(found_by_document)
    return assemble_report(groups[0][0].tool_info(), every, findings, errors)


def lint_sources(
    paths: Sequence[str],
    resolver: ConfigResolver | None = None,
    input_format: str | None = None,
    jobs: int = 1,
    read_stdin: Callable[[], bytes] | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Lint files and folders as ``okrlint check`` does: config per folder, one Linter per config."""
    return LintSession(resolver).run(
        paths, input_format=input_format, jobs=jobs, read_stdin=read_stdin, progress=progress
    )
