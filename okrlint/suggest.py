"""Rewrite suggestions: built from the author's own words, shaped like the guides' examples, always re-linted.

For each finding, a generator (chosen by the rule's ``suggestion.template``) proposes candidate rewrites from the
StatementAnalysis: the author's metric noun phrase, artefact, numbers and timebox, set into the guides' shapes
("Increase ___ from X to Y", "Reduce ___ by X%"). Unknown numbers are visible placeholders, never invented. Every
candidate is linted again (placeholders filled with sample numbers) and kept only when it raises no warning or
error; survivors are ranked by likeness to the nearest worked example in ``corpus/``, which each one cites. When
no candidate survives, the nearest worked example itself is offered, with its numbers turned into placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from okrlint.analysis import Phrase, StatementAnalysis
from okrlint.corpus import CorpusStatement, nearest_good, similarity, words
from okrlint.models import Applicability, Finding, Span, StatementKind, Suggestion
from okrlint.resources import rules_dir
from okrlint.yamlio import load_yaml

if TYPE_CHECKING:
    from okrlint.api import Linter

PLACEHOLDERS = {"<baseline>": "40", "<target>": "60", "<number>": "12", "<who>": "our customers"}
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_DETERMINERS = ("the ", "a ", "an ", "our ", "my ", "their ", "your ", "its ", "this ", "these ", "those ")
_COMPARATIVES = frozenset(
    {"more", "better", "higher", "faster", "greater", "bigger", "less", "fewer", "lower"}
)
_MAX_SUGGESTIONS = 2
_FALLBACK_NOTE = "The guide's rewrite of a similar statement; fill in your numbers."
_VERDICT_CACHE_SIZE = 8_192


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    description: str


@dataclass(frozen=True, slots=True)
class Context:
    """What a generator may use: the finding, the statement's analysis, its objective's text."""

    finding: Finding
    analysis: StatementAnalysis
    kind: StatementKind
    objective: str | None
    whole: Span  # a rewrite replaces the whole statement, not just the flagged words


@cache
def _outcomes() -> dict[str, object]:
    raw = load_yaml((rules_dir() / "lexicons" / "outcomes.yaml").read_text(encoding="utf-8"))
    return dict(raw)


def fill(text: str) -> str:
    """The text with sample numbers in place of placeholders, for re-linting."""
    return _PLACEHOLDER_RE.sub(lambda m: PLACEHOLDERS[m.group(0)], text)


def has_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER_RE.search(text))


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "") for n in _DIGITS.findall(text)}


def templatize(text: str) -> str:
    """A worked example with its numbers turned into placeholders ("from 15 to 25%" -> "from <baseline> to
    <target>%"), so that it can be offered without putting the guide's numbers in the author's mouth."""
    out = re.sub(r"\bfrom\s+[$€£]?\d[\d,.]*\s*(?:[a-zA-Z%]+\s+)?to\s+", "from <baseline> to ", text)
    out = re.sub(r"(?:[>≥]\s?)?[$€£]?\d[\d,.]*(?:k\b|K\b)?(?:/\d+)?", "<target>", out)
    return re.sub(r"<target>(\s*(?:out of|/)\s*)<target>", r"<target>\1<target>", out)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strip_determiner(text: str) -> str:
    lowered = text.lower()
    for det in _DETERMINERS:
        if lowered.startswith(det):
            return text[len(det) :]
    return text


def _metric_phrase(obj: Phrase, a: StatementAnalysis, end: int | None = None) -> str:
    """The author's noun phrase for what is measured, without numbers or "more"/"better"; ``end`` extends it to
    the end of the verb phrase ("our time to resolution")."""
    text = a.text[obj.start : max(obj.end, end or 0)]
    kept = [w for w in text.split() if w.lower() not in _COMPARATIVES and not _DIGITS.fullmatch(w)]
    return " ".join(kept).strip(" ,;")


def _artifact_phrase(obj: Phrase, a: StatementAnalysis) -> str:
    """The author's phrase for the artefact, with a possessive when it has no determiner of its own. A short
    tail after the head stays ("videos for youtube"); a long or numbered one ("… for segment 12 in EMEA") is cut,
    since the measure reads better without it."""
    tail = a.text[obj.head_end : obj.end]
    end = obj.end if len(tail.split()) <= 3 and not _DIGITS.search(tail) else obj.head_end
    text = " ".join(w for w in a.text[obj.start : end].split() if not _DIGITS.fullmatch(w))
    text = re.sub(r"^(?:at least|up to|about)\s+", "", text).strip(" ,;")
    text = re.sub(r"^(?:a|an)\s+", "the ", text, flags=re.IGNORECASE)  # once measured, it is a specific thing
    if not text.lower().startswith(_DETERMINERS):
        text = "our " + text
    return text


def _outcome_measures(key: str | None, x: str) -> list[tuple[str, bool]]:
    """Measures of what an artefact is for: (phrase with the author's words, should it go down)."""
    if key is None:
        return []
    table = _outcomes()["key_result"]
    assert isinstance(table, dict)
    entries = table.get(key, [])
    out = []
    for entry in entries:
        down = entry.startswith("-")
        out.append((entry.lstrip("-").replace("{x}", x), down))
    return out


def _outreach_measures() -> list[tuple[str, bool]]:
    """Measures of reaching out to people: the impact of the contact, not the contact (001:28-30)."""
    outreach = _outcomes()["outreach"]
    assert isinstance(outreach, list)
    return [(m, False) for m in outreach]


def _measures_for(obj: Phrase | None, a: StatementAnalysis) -> list[tuple[str, bool]]:
    if obj is None:
        return []
    x = _artifact_phrase(obj, a)
    keys = [f"{m} {obj.head}" for m in obj.modifiers] + [obj.counted or "", obj.head]
    for key in keys:
        measures = _outcome_measures(key, x)
        if measures:
            return measures
    return []


def _shape(measure: str, down: bool, a: StatementAnalysis) -> str:
    """ "Increase <measure> from <baseline> to <target>", keeping the author's period ("per week")."""
    verb = "Reduce" if down else "Increase"
    period = ""
    is_rate = any(w in measure for w in ("rate", "score", "time", "share", "average", "%", "size"))
    if a.rate_period and "per " not in measure and not is_rate:
        unit = a.rate_period.removesuffix("ly") if a.rate_period.endswith("ly") else a.rate_period
        period = f" per {'day' if unit == 'dai' else unit}"
    return f"{verb} {measure} from <baseline> to <target>{period}"


def _why(work: str) -> str:
    return f'Why does "{work}" matter? What number changes if it works? Measure that, and keep the work as a plan.'


# ---------------------------------------------------------------------------------------------- generators
def outcome_from_output(ctx: Context) -> Iterator[Candidate]:
    """K203/K207/K205: the measures the work is for (website -> conversion rate, tips -> completion rate)."""
    a = ctx.analysis
    for p in a.predicates:
        measures = _measures_for(p.object, a)
        if not measures and "outreach" in p.classes:
            measures = _outreach_measures()
        for measure, down in measures:
            yield Candidate(_shape(measure, down, a), _why(a.text))
        if measures:
            return


def outcome_from_activity(ctx: Context) -> Iterator[Candidate]:
    """K204: measure what the counted work changes (posts -> new visitors; meetings -> follow-ups booked)."""
    a = ctx.analysis
    for p in a.predicates:
        obj = p.object
        if obj is None:
            continue
        if "outreach" in p.classes:
            measures = _outreach_measures()
        else:
            key = obj.counted or obj.head
            measures = _outcome_measures(key, _artifact_phrase(obj, a)) or _measures_for(obj, a)
        for measure, down in measures:
            yield Candidate(
                _shape(measure, down, a), "Count the effect of the work, not how much of it you do."
            )
        if measures:
            return


def add_target(ctx: Context) -> Iterator[Candidate]:
    """K202: keep the author's direction and measure, add the baseline and target."""
    a = ctx.analysis
    for p in a.predicates:
        obj = p.object
        if obj is None:
            continue
        mapped = _measures_for(obj, a) if not obj.classes & {"metric"} else []
        phrase = _metric_phrase(obj, a, p.span_end)
        down_verbs = {"reduce", "decrease", "lower", "cut", "shorten", "minimize", "minimise", "halve"}
        if mapped:
            for measure, down in mapped:
                yield Candidate(_shape(measure, down, a), "Say how much: the same direction, with a target.")
            return
        if phrase:
            down = p.verb in down_verbs or obj.head in {"time", "cost", "churn", "ticket", "bug", "error"}
            verb = (
                _capital(p.verb_text.lower())
                if "change" in p.classes
                and p.verb not in {"improve", "enhance", "optimize", "optimise", "boost", "better"}
                else ("Reduce" if down else "Increase")
            )
            yield Candidate(
                f"{verb} {phrase} from <baseline> to <target>",
                "Say how much: the same direction, with a target.",
            )
            return


def add_metric(ctx: Context) -> Iterator[Candidate]:
    """K201/K205: give the statement a number, in the author's words where possible."""
    a = ctx.analysis
    main = a.main
    if main is not None and "learning" in main.classes and main.object is not None:
        # "Survey our customers …" -> "Survey <number> of our customers …": count the learning
        obj = main.object
        insert = "<number> of " if a.text[obj.start :].lower().startswith(_DETERMINERS) else "<number> "
        yield Candidate(
            a.text[: obj.start] + insert + a.text[obj.start :],
            "Say how many: a learning key result needs a count.",
        )
        return
    if main is not None and main.classes & {"change", "attain"} and main.object is not None:
        yield from add_target(ctx)
        return
    if main is not None and main.object is not None:
        yield from outcome_from_output(ctx)
        return
    nouns = [n for n in a.nouns if n not in {"increase", "decrease", "improvement", "growth"}]
    if nouns:
        # "an increase in customer satisfaction" -> "Increase customer satisfaction from <baseline> to <target>"
        match = re.search(r"\b(?:in|of)\s+(.+)$", a.text)
        phrase = match.group(1) if match else " ".join(nouns)
        yield Candidate(
            f"Increase {phrase} from <baseline> to <target>", "Say what you will measure and by how much."
        )


def add_baseline(ctx: Context) -> Iterator[Candidate]:
    """K208: put the starting value in front of the target ("from <baseline> to 20%")."""
    a = ctx.analysis
    target = a.target
    if target is None:
        return
    before = a.text[: target.start].rstrip()
    if before.lower().endswith(" to"):
        yield Candidate(
            f"{before[:-3]} from <baseline> to {a.text[target.start :]}", "Record where you start."
        )


def kpi_driver(ctx: Context) -> Iterator[Candidate]:
    """K206/K211: a narrower outcome that drives the KPI (qualified leads -> downloads of the lead magnet)."""
    a = ctx.analysis
    main = a.main
    if main is None or main.object is None:
        return
    obj = main.object
    for key in (obj.counted, obj.head):
        measures = _outcome_measures(key, _artifact_phrase(obj, a))
        for measure, down in measures:
            yield Candidate(
                _shape(measure, down, a), "Find the outcome that moves this number, trackable every week."
            )
        if measures:
            return


def objective_from_task(ctx: Context) -> Iterator[Candidate]:
    """O101: the direction the deliverable serves ("Write a marketing plan for Germany" -> "Increase product
    reach for Germany")."""
    a = ctx.analysis
    purposes = _outcomes()["objective"]
    assert isinstance(purposes, dict)
    for p in a.predicates:
        obj = p.object
        if obj is None:
            continue
        keys = [f"{m} {obj.head}" for m in obj.modifiers] + [obj.head]
        purpose = next((purposes[k] for k in keys if k in purposes), None)
        rest = a.text[obj.head_end :].strip(" ,;")
        rest = rest if re.match(r"(?:for|in|across|with|among)\b", rest) else ""
        if purpose:
            topic = " ".join(a.text[obj.start : obj.head_start].split()[-2:]).strip()
            topic = _strip_determiner(topic) if topic else ""
            purpose = purpose.replace("{x}", _artifact_phrase(obj, a))
            purpose = (
                purpose.replace("{topic}", topic).replace(" of  ", " ").strip()
                if "{topic}" in purpose
                else purpose
            )
            if purpose.endswith(" of"):
                purpose = purpose[:-3]
            yield Candidate(f"Increase {purpose} {rest}".strip(), "Name the change the deliverable is for.")
        x = _artifact_phrase(obj, a)
        yield Candidate(f"Make {x} matter to <who>", "Say who should be better off, and how.")
        return


def objective_without_number(ctx: Context) -> Iterator[Candidate]:
    """O103: the same aspiration without the number (which moves into a key result)."""
    a = ctx.analysis
    text = a.text
    for q in sorted(a.quantities, key=lambda q: q.start, reverse=True):
        start = q.start
        before = text[:start].rstrip()
        for marker in ("by", "to", "of", "at least"):
            if before.lower().endswith(" " + marker):
                start = len(before) - len(marker)
        text = text[:start].rstrip() + " " + text[q.end :].lstrip()
    text = re.sub(r"\s+", " ", text).strip()
    main = a.main
    if (main is not None and main.classes & {"attain"}) or (
        main is not None and main.verb in {"double", "triple", "halve"}
    ):
        verb = "Improve" if main.verb not in {"double", "triple"} else "Grow"
        text = verb + text[len(main.verb_text) :] if text.lower().startswith(main.verb_text.lower()) else text
    if text and text != a.text:
        yield Candidate(_capital(text), "Keep the aspiration in words; put the number in a key result.")


def objective_first_step(ctx: Context) -> Iterator[Candidate]:
    """O107: the step this quarter can finish: understand the need before building."""
    a = ctx.analysis
    objects = [p.object for p in a.predicates if p.object is not None]
    if objects:
        x = _artifact_phrase(objects[-1], a)
        yield Candidate(f"Understand what our customers need from {x}", "Take the first step this quarter.")


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
}


class Suggester:
    """Attaches re-linted, ranked suggestions to findings; holds no state beyond the linter it uses."""

    def __init__(self, linter: Linter, templates: Mapping[str, str]) -> None:
        self.linter = linter
        self.templates = templates  # rule code -> generator name
        # (candidate, kind, objective) -> lints clean; the same rewrite recurs across many statements
        self._verdicts: dict[tuple[str, StatementKind, str | None], bool] = {}

    def candidates(self, ctx: Context) -> list[Candidate]:
        name = self.templates.get(ctx.finding.code)
        generated = list(GENERATORS[name](ctx)) if name in GENERATORS else []
        seen: set[str] = set()
        unique = []
        for c in generated:
            text = re.sub(r"\s+", " ", c.text).strip()
            if text and text.lower() != ctx.analysis.text.lower() and text not in seen:
                seen.add(text)
                unique.append(Candidate(text, c.description))
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

    def ranked(self, ctx: Context) -> list[tuple[Candidate, tuple[CorpusStatement, float] | None]]:
        """Candidates that add no number, best first by likeness to their nearest worked example (no parsing),
        then the nearest worked example itself, templatised, as the last resort."""
        original_numbers = numbers_in(ctx.analysis.text)
        scored = []
        for candidate in self.candidates(ctx):
            if not numbers_in(candidate.text) <= original_numbers:
                continue  # never put a number in the author's mouth
            nearest = nearest_good(candidate.text, ctx.kind, ctx.finding.code)
            score = similarity(words(candidate.text), words(nearest[0].text)) if nearest else 0.0
            scored.append((score, candidate, nearest))
        scored.sort(key=lambda item: -item[0])
        out = [(candidate, nearest) for _, candidate, nearest in scored]
        nearest = nearest_good(ctx.analysis.text, ctx.kind, ctx.finding.code)
        if nearest is not None:
            text = templatize(nearest[0].text)
            if numbers_in(text) <= original_numbers:
                out.append((Candidate(text, _FALLBACK_NOTE), nearest))
        return out

    def suggest_all(self, contexts: list[Context]) -> list[tuple[Suggestion, ...]]:
        """Suggestions for many findings. Candidates are re-linted lazily, best first and in rounds (one
        ``nlp.pipe`` pass per round for every finding still short of rewrites), so most findings cost one parse."""
        queues = [self.ranked(ctx) for ctx in contexts]
        chosen: list[list[Suggestion]] = [[] for _ in contexts]
        positions = [0] * len(contexts)
        self.linter.analyze(ctx.objective for ctx in contexts if ctx.objective)
        while True:
            pending = [
                i
                for i, queue in enumerate(queues)
                if positions[i] < len(queue)
                and len(chosen[i]) < _MAX_SUGGESTIONS
                # the worked example is only a fallback: once the author's words gave a rewrite, stop there
                and not (chosen[i] and queue[positions[i]][0].description == _FALLBACK_NOTE)
            ]
            if not pending:
                break
            self.linter.analyze(fill(queues[i][positions[i]][0].text) for i in pending)
            for i in pending:
                candidate, nearest = queues[i][positions[i]]
                positions[i] += 1
                ctx = contexts[i]
                if self._clean(candidate.text, ctx.kind, ctx.objective):
                    chosen[i].append(self._suggestion(candidate.text, candidate.description, nearest, ctx))
        return [tuple(found) for found in chosen]

    def suggest(self, ctx: Context) -> tuple[Suggestion, ...]:
        """Clean rewrites for one finding (see suggest_all)."""
        return self.suggest_all([ctx])[0]

    def _suggestion(self, text: str, description: str, nearest: object, ctx: Context) -> Suggestion:
        example = nearest[0] if isinstance(nearest, tuple) else None
        return Suggestion(
            text=text,
            applicability=Applicability.DISPLAY_ONLY if has_placeholder(text) else Applicability.UNSAFE,
            description=description,
            example=example.text if example else None,
            example_source=example.source if example else None,
            edit=ctx.whole,
        )
