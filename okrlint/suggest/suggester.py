"""The suggester: gathers candidate rewrites for a finding, keeps those that name the author's subject and
lint clean (re-linted in batches, verdicts cached), and cites a worked example of the same class.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from okrlint import placeholders
from okrlint.corpus import CorpusStatement, load_corpus, similarity, words
from okrlint.models import Applicability, StatementKind, Suggestion
from okrlint.outcome_map import (
    output_classes,
)
from okrlint.suggest.candidate import Candidate, Context
from okrlint.suggest.key_results import (
    add_baseline,
    add_metric,
    add_target,
    kpi_driver,
    outcome_from_activity,
    outcome_from_output,
    unsure_key_result,
)
from okrlint.suggest.objectives import (
    hedge_decided,
    hedge_in_finding,
    key_result_rewrite,
    objective_decided,
    objective_first_step,
    objective_from_task,
    objective_rewrite,
    objective_without_number,
    unsure_objective,
)
from okrlint.suggest.text import capital, fill, has_placeholder, numbers_in, tidy

if TYPE_CHECKING:
    from okrlint.api import Linter


_MAX_SUGGESTIONS = 2
_VERDICT_CACHE_SIZE = 8_192
_STEM_WORD = re.compile(r"[a-z][a-z0-9-]+")
_STEM_ENDING = re.compile(r"(?:ing|ed|es|s|e)$")


GENERATORS: Mapping[str, Callable[[Context], Iterator[Candidate]]] = {
    "outcome_from_output": outcome_from_output,
    "outcome_from_activity": outcome_from_activity,
    "add_target": add_target,
    "add_metric": add_metric,
    "add_baseline": add_baseline,
    "kpi_driver": kpi_driver,
    "objective_from_task": objective_from_task,
    "objective_without_number": objective_without_number,
    "objective_first_step": objective_first_step,
    "objective_decided": objective_decided,
}


@lru_cache(maxsize=1024)  # asked of the guides' few hundred statements, for every rewrite offered
def _example_classes(text: str) -> frozenset[str]:
    """The output classes a worked example speaks of, by its words (no parsing): its nouns, and its first word
    as a verb (examples are written as imperatives)."""
    table = output_classes()
    tokens = re.findall(r"[a-z][a-z-]*", text.lower())
    found = {table.verbs[tokens[0]]} if tokens and tokens[0] in table.verbs else set()
    for word in tokens:
        for key in (word, word.removesuffix("s"), word.removesuffix("es")):
            if key in table.nouns:
                found.add(table.nouns[key])
                break
    return frozenset(found)


def same_kind_example(candidate: Candidate, ctx: Context) -> CorpusStatement | None:
    """The guide's rewrite of a statement about the same class of work (its bad statement names that class and
    shares a word with the author's), most alike first; None when the guides have no such example."""
    if candidate.outcome_class is None:
        return None
    query = words(ctx.analysis.text)
    best: tuple[float, CorpusStatement] | None = None
    for example in load_corpus():
        if example.kind is not ctx.kind or candidate.outcome_class not in _example_classes(example.bad.text):
            continue
        score = similarity(query, words(example.bad.text))
        if score <= 0 or candidate.outcome_class not in _example_classes(example.good[0].text):
            continue  # the guide's rewrite must be about the same kind of work too
        if best is None or score > best[0]:
            best = (score, example.good[0])
    return best[1] if best else None


# Shapes that only complete what the author wrote ("from <baseline> to 20%"): nothing else is offered instead.
_NO_FALLBACK = frozenset({"add_baseline"})


# Words every rewrite shape brings with it: sharing only these is not speaking of the author's subject.
_SHAPE_WORDS = frozenset(
    {
        "the",
        "our",
        "a",
        "an",
        "of",
        "for",
        "to",
        "from",
        "by",
        "in",
        "on",
        "at",
        "with",
        "and",
        "or",
        "per",
        "as",
        "is",
        "are",
        "be",
        "that",
        "who",
        "what",
        "their",
        "they",
        "them",
        "it",
        "its",
        "increase",
        "reduce",
        "improve",
        "grow",
        "make",
        "keep",
        "achieve",
        "get",
        "have",
        "share",
        "number",
        "rate",
        "score",
        "weekly",
        "monthly",
        "quarter",
        "more",
        "less",
        "fewer",
        "new",
        "customers",
        "users",
        "team",
        "people",
        "change",
        "result",
        "measure",
        "expect",
        "notice",
    }
)


def _stems(text: str) -> set[str]:
    """Content words, crudely stemmed ("releasing", "released", "releases" -> "releas"), placeholders left out."""
    out = set()
    for word in _STEM_WORD.findall(placeholders.strip(text).lower()):
        if len(word) < 3 or word in _SHAPE_WORDS:
            continue
        out.add(_STEM_ENDING.sub("", word) or word)
    return out


def _authors_words(ctx: Context) -> set[str]:
    """What the statement and its objective name, for checking that a rewrite speaks of the same subject."""
    return _stems(f"{ctx.analysis.text} {ctx.objective or ''}")


class Suggester:
    """Attaches re-linted suggestions to findings; holds no state beyond the linter it uses."""

    def __init__(self, linter: Linter, templates: Mapping[str, str]) -> None:
        self.linter = linter
        self.templates = templates  # rule code -> generator name
        # (candidate, kind, objective) -> lints clean; the same rewrite recurs across many statements
        self._verdicts: dict[tuple[str, StatementKind, str | None], bool] = {}

    def candidates(self, ctx: Context) -> list[Candidate]:
        if ctx.objective and ctx.kind is StatementKind.KEY_RESULT and ctx.objective_analysis is None:
            ctx = replace(ctx, objective_analysis=self.linter.analyze([ctx.objective])[ctx.objective])
        name = self.templates.get(ctx.finding.code)
        generated = list(GENERATORS[name](ctx)) if name in GENERATORS else []
        if name not in _NO_FALLBACK:
            # the rule's own shape may not apply or not lint clean: then the class's outcome, and last of all the
            # coach's question (only reached when nothing before it lints clean)
            rewrite = objective_rewrite if ctx.kind is StatementKind.OBJECTIVE else key_result_rewrite
            if not generated:
                generated = list(rewrite(ctx))
            unsure = unsure_objective if ctx.kind is StatementKind.OBJECTIVE else unsure_key_result
            generated.extend(replace(c, last_resort=True) for c in unsure(ctx.analysis))
        seen: set[str] = set()
        unique = []
        original_numbers = numbers_in(ctx.analysis.text)
        hedge = hedge_in_finding(ctx)
        authors = _authors_words(ctx)
        for c in generated:
            if hedge is not None:
                c = replace(
                    c,
                    text=capital(hedge_decided(c.text, hedge)),
                    question=hedge_decided(c.question, hedge) if c.question else None,
                )
            text = tidy(c.text)
            if not text or text.lower() == ctx.analysis.text.lower().rstrip(". ") or text in seen:
                continue
            if not numbers_in(text) <= original_numbers:
                continue  # never put a number in the author's mouth
            if c.outcome_class is not None and not _stems(text) & authors:
                continue  # a class's outcome that names nothing of the author's is worse than none
            seen.add(text)
            unique.append(replace(c, text=text))
        return unique

    def _clean(self, text: str, kind: StatementKind, objective: str | None) -> bool:
        key = (text, kind, objective)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self.linter.statement_is_clean(fill(text), kind, objective)
            if len(self._verdicts) >= _VERDICT_CACHE_SIZE:
                self._verdicts.clear()  # bounded: a rare reset costs less than tracking recency
            self._verdicts[key] = verdict
        return verdict

    def suggest_all(self, contexts: list[Context]) -> list[tuple[Suggestion, ...]]:
        """Suggestions for many findings. Candidates are re-linted lazily, in order and in rounds (one
        ``nlp.pipe`` pass per round for every finding still short of rewrites), so most findings cost one parse."""
        self.linter.analyze(ctx.objective for ctx in contexts if ctx.objective)
        queues = [self.candidates(ctx) for ctx in contexts]
        chosen: list[list[Suggestion]] = [[] for _ in contexts]
        positions = [0] * len(contexts)
        while True:
            pending = [
                i
                for i, queue in enumerate(queues)
                if positions[i] < len(queue)
                and len(chosen[i]) < _MAX_SUGGESTIONS
                # the coach's questions close the queue: none is offered beside a rewrite that lints clean
                and not (chosen[i] and queue[positions[i]].last_resort)
            ]
            if not pending:
                break
            self.linter.analyze(fill(queues[i][positions[i]].text) for i in pending)
            for i in pending:
                candidate = queues[i][positions[i]]
                positions[i] += 1
                ctx = contexts[i]
                if self._clean(candidate.text, ctx.kind, ctx.objective):
                    chosen[i].append(self._suggestion(candidate, ctx))
        return [tuple(found) for found in chosen]

    def suggest(self, ctx: Context) -> tuple[Suggestion, ...]:
        """Clean rewrites for one finding (see suggest_all)."""
        return self.suggest_all([ctx])[0]

    def _suggestion(self, candidate: Candidate, ctx: Context) -> Suggestion:
        example = same_kind_example(candidate, ctx)
        return Suggestion(
            text=candidate.text,
            applicability=Applicability.DISPLAY_ONLY
            if has_placeholder(candidate.text)
            else Applicability.UNSAFE,
            description=candidate.description,
            example=example.text if example else None,
            example_source=example.source if example else None,
            edit=ctx.whole,
            question=candidate.question,
            key_result=candidate.key_result,
            outcome_class=candidate.outcome_class,
        )
