"""Applying suppressions to one document's findings, and okrlint's own X rules about them.

Suppressed findings are kept with ``suppressed=True`` (formatters hide them, the summary counts them), so a
report always says how much was silenced. Sources of suppression, in the order they are checked:

- ``file-ignore[...]`` directives and config ``per-file-ignores`` (the whole file),
- ``ignore[...]`` on a statement's line, or alone on the line directly above it,
- ``disable[...]`` … ``enable[...]`` blocks (the statement's first line decides).

X001 (unused suppression) and X002 (unknown code or malformed directive) are computed here because only here
is known which directive silenced what. Their findings can be suppressed too (``file-ignore[X001]``), but
that never counts as a directive being used.
"""

from __future__ import annotations

import contextlib
import fnmatch
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from okrlint.checks.base import CheckContext, Hit, HitIterator
from okrlint.config import Config, did_you_mean
from okrlint.directives import Directive, DirectiveKind, scan
from okrlint.lexicons import Lexicon
from okrlint.models import Finding, OkrDocument, Severity, Span
from okrlint.positions import LineIndex
from okrlint.registry import Rule, rule_options, rules_by_key, unknown_selectors
from okrlint.rulespec import Scope

_TEMPLATES = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
_ALL = None  # the "selector" a bare directive (no brackets) is recorded under


def selector_matches(selector: str, code: str, name: str) -> bool:
    """Registry semantics: a code prefix ("K", "K2", "K203"), a rule name, or "ALL"."""
    return selector == "ALL" or selector == name or code.startswith(selector.upper())


def _block_key(selector: str) -> str:
    """Names and codes close each other's blocks: ``disable[key-result-is-output]`` … ``enable[K203]``."""
    rule = rules_by_key().get(selector)
    return rule.code if rule is not None else selector.upper()


@dataclass(frozen=True, slots=True)
class _Block:
    directive: int  # index into the directive list
    selector: int | None  # index into that directive's selectors; None for a bare disable
    first: int  # lines first..last (inclusive of the disable line, exclusive of the enable line)
    last: float


def _blocks(directives: Sequence[Directive]) -> list[_Block]:
    blocks: list[_Block] = []
    open_: dict[str, tuple[int, int | None, int]] = {}
    for i, d in enumerate(directives):
        if not d.active:
            continue
        if d.kind is DirectiveKind.DISABLE:
            if d.covers_all:
                open_.setdefault("*", (i, None, d.line))
            for j, s in enumerate(d.selectors):
                open_.setdefault(_block_key(s.text), (i, j, d.line))
        elif d.kind is DirectiveKind.ENABLE:
            keys = list(open_) if d.covers_all else [_block_key(s.text) for s in d.selectors]
            for key in keys:
                if key in open_:
                    di, sj, start = open_.pop(key)
                    blocks.append(_Block(di, sj, start, d.line - 1))
    blocks.extend(_Block(di, sj, start, math.inf) for di, sj, start in open_.values())
    return blocks


@dataclass(slots=True)
class SuppressionUnit:
    """What the X rules see: the file's directives and which of their selectors silenced something."""

    document: OkrDocument
    directives: tuple[Directive, ...]
    source: str = ""  # the file's text, for X rules that point into it
    # directive index -> selector indexes that suppressed at least one finding (None: a bare directive)
    used: dict[int, set[int | None]] = field(default_factory=dict)


class Suppressor:
    """Applies directives and ``per-file-ignores`` for one Linter (one config)."""

    def __init__(self, rules: Iterable[Rule], config: Config, lexicon: Lexicon, root: Path | None) -> None:
        self.config = config
        self.lexicon = lexicon
        self.root = root
        self.meta_rules = tuple(r for r in rules if r.spec.scope is Scope.META)
        self._messages = {r.code: _TEMPLATES.from_string(r.spec.message) for r in self.meta_rules}

    # ------------------------------------------------------------------ per-file-ignores
    def _path_candidates(self, path: str) -> set[str]:
        candidates = {path, Path(path).name}
        if self.root is not None:
            # A file outside the config's folder is matched by its shown path only.
            with contextlib.suppress(ValueError):
                candidates.add(Path(path).resolve().relative_to(self.root.resolve()).as_posix())
        return candidates

    def file_ignores(self, path: str) -> tuple[str, ...]:
        """Selectors ``per-file-ignores`` applies to ``path`` (globs relative to the config file's folder)."""
        candidates = self._path_candidates(path)
        out: list[str] = []
        for pattern, selectors in self.config.per_file_ignores.items():
            if any(fnmatch.fnmatchcase(c, pattern) for c in candidates):
                out.extend(selectors)
        return tuple(out)

    # ------------------------------------------------------------------ applying
    def apply(self, document: OkrDocument, source: str | None, findings: Iterable[Finding]) -> list[Finding]:
        """``findings`` with ``suppressed`` set where a directive or config covers them, plus X findings."""
        return list(self.apply_iter(document, source, findings))

    def apply_iter(
        self, document: OkrDocument, source: str | None, findings: Iterable[Finding]
    ) -> Iterator[Finding]:
        """``apply`` one finding at a time (a very large file's findings are not all held at once); the X
        findings come last, once every finding has been seen."""
        directives = scan(source, document.format) if source else ()
        config_ignores = self.file_ignores(document.path)
        if not directives and not config_ignores:
            yield from findings
            if source is not None and not document.objectives:
                # A file with nothing read still gets its X003, whatever else it holds.
                yield from self._meta_findings(SuppressionUnit(document, (), source), source)
            return
        lines = {s.id: (s.start.line, s.end.line) for s in document.iter_statements()}
        blocks = _blocks(directives)
        by_line = _by_line(directives)
        unit = SuppressionUnit(document, directives, source or "")
        for f in findings:
            # A finding belongs to its statement's lines (a rule may point at any word of it).
            own = (f.start.line, f.end.line)
            first, last = lines.get(f.statement.id, own) if f.statement else own
            covered = self._covered(f, first, last, directives, by_line, blocks, unit.used, config_ignores)
            yield f.model_copy(update={"suppressed": True}) if covered else f
        if source is not None:
            for meta in self._meta_findings(unit, source):
                line = meta.start.line
                # Only named codes silence X findings: a bare directive must not hide the X001 about itself.
                covered = self._covered(
                    meta, line, line, directives, by_line, blocks, None, config_ignores, explicit=True
                )
                yield meta.model_copy(update={"suppressed": True}) if covered else meta

    @staticmethod
    def _covered(
        f: Finding,
        first: int,
        last: int,
        directives: Sequence[Directive],
        by_line: _DirectivesByLine,
        blocks: Sequence[_Block],
        used: dict[int, set[int | None]] | None,
        config_ignores: Sequence[str],
        explicit: bool = False,
    ) -> bool:
        """Whether ``f`` (on lines first..last) is suppressed; records every directive selector that covers it.

        ``explicit``: only directives that name codes count (bare ones are skipped).
        """
        hits: list[tuple[int, int | None]] = []
        for i in by_line.candidates(first, last):
            d = directives[i]
            if not d.active or d.kind in (DirectiveKind.DISABLE, DirectiveKind.ENABLE):
                continue
            if explicit and d.covers_all:
                continue
            if d.kind is DirectiveKind.IGNORE and not (
                first <= d.line <= last or (d.own_line and d.line == first - 1)
            ):
                continue
            hits.extend(_selector_hits(i, d, f))
        for block in blocks:
            if block.first <= first <= block.last:
                d = directives[block.directive]
                if block.selector is None:
                    if not explicit:
                        hits.append((block.directive, _ALL))
                elif selector_matches(d.selectors[block.selector].text, f.code, f.name):
                    hits.append((block.directive, block.selector))
        if used is not None:
            for i, j in hits:
                used.setdefault(i, set()).add(j)
        return bool(hits) or any(selector_matches(s, f.code, f.name) for s in config_ignores)

    # ------------------------------------------------------------------ X rules
    def _meta_findings(self, unit: SuppressionUnit, source: str) -> list[Finding]:
        index: LineIndex | None = None
        out: list[Finding] = []
        for rule in self.meta_rules:
            context = CheckContext(options=rule_options(rule, self.config), lexicon=self.lexicon)
            for hit in rule.check(unit, context):  # type: ignore[arg-type]  # meta checks take a SuppressionUnit
                index = index or LineIndex(source)
                out.append(self._finding(rule, hit, unit.document.path, index))
        return out

    def _finding(self, rule: Rule, hit: Hit, path: str, index: LineIndex) -> Finding:
        spec = rule.spec
        start, end = index.position(hit.start), index.position(hit.end)
        severity: Severity = spec.severity
        for key in (spec.code, spec.name):
            if key in self.config.severity:
                severity = self.config.severity[key]
                break
        return Finding(
            code=spec.code,
            name=spec.name,
            category=spec.category,
            severity=severity,
            message=self._messages[spec.code].render(**hit.vars).strip(),
            path=path,
            start=start,
            end=end,
            span=Span(start=hit.start, end=hit.end),
            explanation=f"{spec.what.strip()} {spec.why.strip()}",
            source=spec.source,
            docs=spec.docs_path,
            line_text=index.line_text(start.line),
        )


def _selector_hits(i: int, d: Directive, f: Finding) -> Iterator[tuple[int, int | None]]:
    if d.covers_all:
        yield i, _ALL
        return
    for j, s in enumerate(d.selectors):
        if selector_matches(s.text, f.code, f.name):
            yield i, j


def _suppressing(directives: Iterable[tuple[int, Directive]]) -> Iterator[tuple[int, Directive]]:
    kinds = (DirectiveKind.IGNORE, DirectiveKind.DISABLE, DirectiveKind.FILE_IGNORE)
    return ((i, d) for i, d in directives if d.active and d.kind in kinds)


def unused_suppression(unit: SuppressionUnit, ctx: CheckContext) -> HitIterator:
    """X001: a directive (or one code in it) that suppressed no finding. Spans are file offsets."""
    for i, d in _suppressing(enumerate(unit.directives)):
        used = unit.used.get(i, set())
        if d.covers_all:
            if _ALL not in used:
                yield Hit(d.start, d.end, {"directive": d.display(), "unused": []})
            continue
        known = [(j, s) for j, s in enumerate(d.selectors) if not unknown_selectors([s.text])]
        unused = [s for j, s in known if j not in used]
        if not unused:
            continue
        if len(unused) == len(known):
            yield Hit(d.start, d.end, {"directive": d.display(), "unused": []})
        else:
            yield Hit(
                unused[0].start,
                unused[-1].end,
                {"directive": d.display(), "unused": [s.text for s in unused]},
            )


def unknown_code_in_suppression(unit: SuppressionUnit, ctx: CheckContext) -> HitIterator:
    """X002: a directive that names no existing rule, or that cannot be read at all."""
    names: Mapping[str, Any] = rules_by_key()
    for d in unit.directives:
        if d.problem is not None:
            yield Hit(d.start, d.end, {"problem": d.problem, "selector": "", "hint": ""})
            continue
        for s in d.selectors:
            if unknown_selectors([s.text]):
                yield Hit(
                    s.start, s.end, {"problem": "", "selector": s.text, "hint": did_you_mean(s.text, names)}
                )


@dataclass(frozen=True, slots=True)
class _DirectivesByLine:
    """The directives that may cover a finding, found by line: a file with a directive on every line and a
    finding on every line costs one look-up per line of the finding, not a scan of every directive."""

    file_wide: tuple[int, ...]
    ignores: dict[int, tuple[int, ...]]

    def candidates(self, first: int, last: int) -> list[int]:
        """Indices, in file order, of the file-wide directives and of the line directives on lines
        ``first - 1`` to ``last`` (the line before: an own-line directive covers the statement under it)."""
        near = [i for line in range(first - 1, last + 1) for i in self.ignores.get(line, ())]
        return sorted([*self.file_wide, *near]) if near else list(self.file_wide)


def _by_line(directives: Sequence[Directive]) -> _DirectivesByLine:
    file_wide: list[int] = []
    ignores: dict[int, list[int]] = {}
    for i, d in enumerate(directives):
        if d.kind is DirectiveKind.IGNORE:
            ignores.setdefault(d.line, []).append(i)
        elif d.kind not in (DirectiveKind.DISABLE, DirectiveKind.ENABLE):
            file_wide.append(i)
    return _DirectivesByLine(tuple(file_wide), {line: tuple(ix) for line, ix in ignores.items()})
