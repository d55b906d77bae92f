"""Rewrites of objectives (tasks turned into outcomes, numbers taken out, hedges decided, problems turned
round), and the rewrite for each finding's kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from okrlint.analysis import Quantity, StatementAnalysis
from okrlint.lexicons import default_lexicon
from okrlint.models import Category, StatementKind
from okrlint.outcome_map import (
    is_people,
    outcome_map,
)
from okrlint.suggest.candidate import Candidate, Context
from okrlint.suggest.inflection import base_form, indefinite_article, is_plural
from okrlint.suggest.key_results import (
    class_fits,
    classified,
    fill_template,
    outcome_key_result,
)
from okrlint.suggest.text import capital, one_spaced, strip_determiner, tidy, uncapital
from okrlint.suggest.words import (
    TIMEBOX,
    artifact_phrase,
    is_personal,
    metric_phrase,
    moves_down,
    outcome_measure,
    question_for,
    states_an_outcome,
    without_counts,
    work_phrase,
)


def _no_longer(doing: str) -> str:
    """ "stopping buying too much stuff" -> "no longer buying too much stuff": giving something up, said plainly."""
    return re.sub(r"^(?:stopping|quitting|ceasing)\s+(?=\w+ing\b)", "no longer ", doing, flags=re.IGNORECASE)


def unsure_objective(a: StatementAnalysis, key_result: str | None = None) -> Iterator[Candidate]:
    if states_an_outcome(a):
        yield from outcome_measure(a, StatementKind.OBJECTIVE)
        return
    main = a.main
    work = work_phrase(main, a) if main is not None else None
    if work is None:
        return
    doing = _no_longer(work.ing)
    if is_personal(a):
        yield Candidate(
            f"Achieve <what you would notice in your own life> through {without_counts(doing, a)}",
            "Say what should be different in your life when this is done; the work itself is a plan.",
            question=question_for(work, personal=True),
            key_result=key_result,
        )
        return
    plain = without_counts(doing, a)
    if key_result is None and plain != doing:
        key_result = capital(a.text.rstrip(" ."))  # the count or condition taken out is the key result's
    yield Candidate(
        f"Achieve <the change you expect> through {plain}",
        "Say what should be different when the work is done; the work itself is a plan.",
        question=question_for(work),
        key_result=key_result,
    )


def _class_objectives(a: StatementAnalysis, description: str) -> Iterator[Candidate]:
    for p, cls in classified(a):
        if p.object is None or not class_fits(p, cls, a):
            continue
        entry = outcome_map().classes[cls]
        if entry.objective is None:
            continue  # the class has no objective of its own (a plan's is the author's to name)
        template = entry.objective_for(is_people(p.object))
        if template is None:
            continue
        work = work_phrase(p, a)
        text = capital(fill_template(template, p, a))
        yield Candidate(text, description, question=question_for(work) if work else None, outcome_class=cls)
        return


def objective_from_task(ctx: Context) -> Iterator[Candidate]:
    """O101: the change the deliverable serves, by its class ("Launch the new website" -> "Make the new website
    win us more customers"), or the coach's question when no class fits."""
    produced = False
    for candidate in _class_objectives(ctx.analysis, "Name the change the deliverable is for."):
        produced = True
        yield candidate
    if not produced:
        yield from unsure_objective(ctx.analysis)


_DOWN_HEADS = frozenset(
    {"churn", "cost", "time", "ticket", "bug", "error", "incident", "complaint", "defect", "backlog", "delay"}
)
_NUMBER_MARKERS = (
    "at least",
    "more than",
    "less than",
    "up to",
    "by",
    "to",
    "of",
    "at",
    "above",
    "below",
    "under",
    "over",
    "from",
    "with",
    "than",
    "around",
    "about",
)


_NOT_TARGETS = frozenset({"duration", "year"})  # "older than 30 days", "in the next 12 months" stay in words
_SCALE_WORDS = re.compile(r"^\s+(?:million|thousand|billion|hundred|k)\b", re.IGNORECASE)


def _targets(a: StatementAnalysis) -> list[Quantity]:
    """The numbers that are targets, a scale word counted with its number ("1 million" is one)."""
    out: list[Quantity] = []
    for q in sorted(a.quantities, key=lambda q: q.start):
        if q.kind in _NOT_TARGETS or (
            out and _SCALE_WORDS.match(" " + q.text) and out[-1].end + 1 >= q.start
        ):
            continue
        out.append(q)
    return out


def _quantity_text(q: Quantity, a: StatementAnalysis) -> str:
    """The number as written, with a scale word after it ("1 million")."""
    scale = _SCALE_WORDS.match(a.text[q.end :])
    return a.text[q.start : q.end + (scale.end() if scale else 0)]


def _without_numbers(a: StatementAnalysis) -> str:
    """The statement with each target number and the word that introduced it removed ("Improve gross churn
    below 5%" -> "Improve gross churn"), and leftover comparatives ("up", "more") dropped from the end."""
    text = a.text
    for q in sorted(_targets(a), key=lambda q: q.start, reverse=True):
        if re.search(r"\([^()]*$", text[: q.start]) and ")" in text[q.end :]:
            # a number inside brackets: the whole aside goes ("score of 86% (or a 10% increase YoY)")
            opening = text.rindex("(", 0, q.start)
            text = text[:opening].rstrip() + " " + text[text.index(")", q.end) + 1 :].lstrip()
            continue
        start = q.start
        end = q.end + len(_quantity_text(q, a)) - (q.end - q.start)
        before = text[:start].rstrip()
        for marker in _NUMBER_MARKERS:
            if before.lower().endswith(" " + marker):
                start = len(before) - len(marker)
                break
        text = text[:start].rstrip() + " " + re.sub(r"^[-–/]\d[\d.,]*", "", text[end:].lstrip())
    text = tidy(text.rstrip(" ."))
    return re.sub(r"\s+(?:up|down|more|less|and|in|this|per|or more|or less)$", "", text)


def _customers_change(
    verb: str, subject: str, timebox: str, key_result: str | None, by_team: bool = False
) -> Candidate:
    """A KPI can still read as a KPI without its number ("Grow revenue"): the objective is then the KPI moved by
    a change in what customers do, which the author names; the coach's question asks for it. A number the team's
    own work makes (bugs, cycle time, service hours) is moved by a change in how the team works instead."""
    if by_team:
        return Candidate(
            tidy(f"{capital(verb)} {subject} with <the change in how the team works> {timebox}"),
            "Name the change in how the team works that would move this number; the number is a key result.",
            question=f"What would the team do differently that would {verb.lower()} {subject}? That change is the objective.",
            key_result=key_result,
        )
    return Candidate(
        tidy(f"{capital(verb)} {subject} with <the change in what customers do> {timebox}"),
        "Name the change in what customers do that would move this number; the number is a key result.",
        question=f"What would customers do differently that would {verb.lower()} {subject}? That change is the objective.",
        key_result=key_result,
    )


# The author names how the change will come about: "…, using careful beta testing", "through referrals"
_MEANS = re.compile(r",?\s+(?:using|through|via|by means of|thanks to)\s+\w", re.IGNORECASE)


# Numbers the team's own work makes: its defects, its time and cost, the hours it serves
_TEAM_MADE_HEADS = frozenset({"bug", "error", "defect", "incident", "backlog", "delay", "cost", "time"})


def _made_by_the_team(a: StatementAnalysis) -> bool:
    main = a.main
    if main is None or main.object is None:
        return False
    obj = main.object
    heads = {obj.head.lower(), (obj.counted or "").lower()}
    return bool(heads & _TEAM_MADE_HEADS) or "work_item" in obj.classes | obj.counted_classes


def _kpi_objectives(a: StatementAnalysis) -> Iterator[Candidate]:
    """The change behind a KPI in the author's words, the number moved to a suggested key result: "Grow EMEA
    revenue by 20% this quarter" -> "Grow EMEA revenue this quarter" (key result: the statement itself);
    "Achieve 98 percent CSAT" -> "Grow CSAT" (key result "Increase CSAT from <baseline> to 98 percent")."""
    main = a.main
    rest = _without_numbers(a)
    targets = _targets(a)
    target = a.target if a.target is not None and a.target.kind not in _NOT_TARGETS else None
    target = target or (targets[-1] if targets else None)
    description = "Keep the change in words; the number belongs in a key result."
    if main is not None and main.verb not in _VAGUE_KPI_VERBS and rest.lower() != a.text.lower().rstrip(" ."):
        # "Grow", "Keep": the author's own change stays, asked about; the statement is already the key result
        key_result = capital(a.text.rstrip(" .")) if target else None
        moves_kpi = (
            main.verb in _CHANGE_VERBS
            and main.object is not None
            and bool(main.object.classes & {"metric", "kpi_volume"})
        )
        if not moves_kpi or is_personal(a):
            # "Process 500 tickets", "Sign five accounts", "I will run 10k": work with a count, not a change;
            # the count is the key result and the objective is what the work is for
            yield from unsure_objective(a, key_result=key_result)
            return
        subject = strip_determiner(metric_phrase(main.object, a, main.object.end))
        after_verb = (
            rest[len(main.verb_text) :].strip() if rest.lower().startswith(main.verb_text.lower()) else ""
        )
        lead_in = (
            after_verb[: after_verb.find(subject)].split() if subject and subject in after_verb else None
        )
        if lead_in and len(lead_in) <= 2 and lead_in[-1].lower() not in {"of", "in", "for", "with", "by"}:
            # the parse can leave a noun modifier out of the object ("onboarding completion rate")
            subject = strip_determiner(" ".join([*lead_in, subject]))
        timebox_match = TIMEBOX.search(a.text)
        timebox = timebox_match.group(0) if timebox_match else ""
        kept = Candidate(
            capital(rest),
            description,
            question=f"What would change for customers if you {uncapital(rest)}? That change is the objective.",
            key_result=key_result,
        )
        if _MEANS.search(one_spaced(rest)):
            yield kept  # "…, using careful beta testing": the author already named how, keep it
        yield _customers_change(main.verb, subject, timebox, key_result, _made_by_the_team(a))
        yield kept
        return
    if main is not None and main.object is not None:
        obj = main.object
        subject = metric_phrase(obj, a, obj.end)
        subject = re.sub(r"^(?:the|our)\s+", "", strip_determiner(subject)) or obj.text
    else:
        subject = " ".join(w for w in rest.split() if w.lower() not in {"up", "down", "more", "less"})
        subject = re.sub(r"\s+(?:is|are|of|by|to)$", "", subject)
    subject = tidy(re.sub(r"\s+(?:by|to|from|of|at|above|below|under|over)$", "", subject))
    if not subject:
        return
    subject = uncapital(subject)  # "Sales" -> "sales"; "EMEA" stays
    timebox_match = TIMEBOX.search(a.text)
    timebox = timebox_match.group(0) if timebox_match else ""
    heads = {(main.object.head if main and main.object else ""), *a.nouns}
    down = bool(heads & _DOWN_HEADS) or bool(main and moves_down(main.verb))
    key_result = (
        f"{'Reduce' if down else 'Increase'} {subject} from <baseline> to {_quantity_text(target, a)}"
        if target
        else None
    )
    own_verb = main is not None and main.verb not in _VAGUE_KPI_VERBS and main.verb.isalpha()
    yield _customers_change(
        main.verb if own_verb and main else ("reduce" if down else "grow"),
        subject,
        timebox,
        key_result,
        _made_by_the_team(a),
    )
    grown = tidy(f"{'Reduce' if down else 'Grow'} {subject} {timebox}")
    yield Candidate(
        grown,
        description,
        question=f"What would change for customers if you {uncapital(grown)}? That change is the objective.",
        key_result=key_result,
    )


# Verbs that move a KPI ("Grow revenue", "Retain customers"); "Sign accounts" is a task, asked about instead.
_CHANGE_VERBS = frozenset(
    {
        "grow",
        "increase",
        "raise",
        "boost",
        "drive",
        "improve",
        "retain",
        "reduce",
        "decrease",
        "cut",
        "lower",
        "keep",
        "maintain",
        "expand",
        "double",
        "triple",
        "halve",
    }
)
# Verbs that only say "hit the number": the change behind it is said again ("Achieve 98% CSAT" -> "Grow CSAT").
# Any other verb ("Grow", "Keep", "Win") is the author's change and stays, without the number.
_VAGUE_KPI_VERBS = frozenset(
    {"achieve", "reach", "hit", "get", "attain", "improve", "be", "have", "double", "triple", "halve"}
)


def objective_without_number(ctx: Context) -> Iterator[Candidate]:
    """O103: the change behind the number, the number moved to a suggested key result."""
    if _targets(ctx.analysis):  # "older than 30 days" is a condition, not a target to move
        yield from _kpi_objectives(ctx.analysis)


def hedge_in_finding(ctx: Context) -> tuple[str, str] | None:
    """The hedge O108 flagged ("some sort of"), with the words that go with it ("Create some sort of new
    product": ("some sort of", "a")), or None when the finding is about something else."""
    if ctx.finding.code != "O108":
        return None
    a = ctx.analysis
    start, end = ctx.finding.span.start - ctx.whole.start, ctx.finding.span.end - ctx.whole.start
    if a.text[start:end].lower() not in default_lexicon().words.get("hedge", frozenset()):
        return None
    before = re.search(r"\b(?:some|any|a|an)\s*$", a.text[:start], flags=re.IGNORECASE)
    hedged = a.text[before.start() if before else start : end]
    following = a.text[end:].split(None, 1)[0].lower() if a.text[end:].strip() else ""
    obj = next((p.object for p in a.predicates if p.object is not None and p.object.end > end), None)
    plural = obj is not None and is_plural(a.text[end : obj.end].split()[-1])
    # no article before a determiner ("something like a referral program") or a lone word ("kind of famous")
    bare = not following or plural or following in {"a", "an", "the", "our", "my", "their", "your", "its"}
    bare = bare or len(a.text[end:].split()) == 1
    article = "" if bare else indefinite_article(a.text[end:].split(None, 1)[0])
    return hedged, article


def hedge_decided(text: str, hedge: tuple[str, str]) -> str:
    """The text with the hedge replaced by a plain article ("some sort of new product" -> "a new product")."""
    hedged, article = hedge
    return tidy(re.sub(re.escape(hedged), article, text, count=1, flags=re.IGNORECASE))


def objective_decided(ctx: Context) -> Iterator[Candidate]:
    """O108 on a hedge ("Create some sort of new product"): the objective as the author would say it once decided
    ("Create a new product"), with the question that decides it; other vague terms get the usual rewrites."""
    hedge = hedge_in_finding(ctx)
    if hedge is not None:
        decided = capital(hedge_decided(ctx.analysis.text.rstrip(" ."), hedge))
        main = ctx.analysis.main
        thing = (
            hedge_decided(main.object.text, hedge) if main is not None and main.object is not None else None
        )
        question = (
            f"Which {strip_determiner(thing)} exactly, for whom, and what should it change for them?"
            if thing
            else "What exactly is the objective about, for whom, and what should it change for them?"
        )
        yield from objective_rewrite(ctx)  # what the decided thing is for comes first
        yield Candidate(decided, "Decide what the objective is about and say it plainly.", question=question)
        return
    yield from objective_rewrite(ctx)


def objective_first_step(ctx: Context) -> Iterator[Candidate]:
    """O107: the step this quarter can finish: understand the need before building (003:108)."""
    a = ctx.analysis
    objects = [p.object for p in a.predicates if p.object is not None]
    if objects:
        x = artifact_phrase(objects[-1], a)
        yield Candidate(
            f"Understand what our customers need from {x}",
            "Take the first step this quarter.",
            outcome_class="research",
        )


_CLAUSE_CUT = re.compile(r"\s*(?:,\s*)?\b(?:because|although|though|since|while|so that|which|as)\b.*$", re.I)
_SUBJECT = re.compile(r"^(?:we|our team|the team|i)\s+(?:need to\s+|want to\s+)?", re.I)
_TOO_ADJECTIVE = re.compile(r"^(?P<thing>.+?)\s+(?:is|are)\s+too\s+(?P<quality>\w+)$", re.I)
# "Stop buying too much stuff": an excess to give up -> "Buy less stuff"
_STOP_EXCESS = re.compile(
    r"^(?:stop|quit|avoid)\s+(?P<verb>[a-z]+ing)\s+(?:too|so)\s+(?P<amount>much|many)\s+(?P<thing>.+)$", re.I
)
# "(We) don't have enough time to execute our ideas": a shortage -> "Have more time to execute our ideas"
_SHORTAGE = re.compile(
    r"^(?:don't|do not|can't|cannot|can not)\s+(?P<verb>[a-z]+)\s+enough\s+(?P<thing>.+)$", re.I
)


def problem_turned_round(a: StatementAnalysis) -> str | None:
    """The state the team wants, from a problem in the author's words: "We spend too much time in meetings" ->
    "Spend less time in meetings"; "Our onboarding is too confusing" -> "Make our onboarding less confusing"."""
    text = re.sub(r"\s*\([^()]*\)", "", a.text).rstrip(" .!")
    text = _CLAUSE_CUT.sub("", text)
    too = _TOO_ADJECTIVE.match(text)
    if too:
        return capital(f"make {uncapital(too.group('thing'))} less {too.group('quality')}")
    text = _SUBJECT.sub("", text)
    excess = _STOP_EXCESS.match(text)
    if excess:
        less = "fewer" if excess.group("amount").lower() == "many" else "less"
        return capital(f"{base_form(excess.group('verb'))} {less} {excess.group('thing')}")
    shortage = _SHORTAGE.match(text)
    if shortage:
        return capital(f"{shortage.group('verb').lower()} more {shortage.group('thing')}")
    if re.match(r"(?:stop|avoid|quit|no longer|don't|do not)\b", text, re.IGNORECASE):
        return None  # "Stop buying too much stuff" already turns the problem round
    inversions = outcome_map().problem_inversions
    for marker in sorted(inversions, key=len, reverse=True):
        found = re.search(rf"\b{re.escape(marker)}\b", text, re.I)
        if found:
            turned = text[: found.start()] + inversions[marker] + text[found.end() :]
            return capital(tidy(turned))
    return None


def _names_a_problem(a: StatementAnalysis) -> bool:
    markers = default_lexicon().words.get("problem_marker", frozenset())
    lowered = f" {a.text.lower()} "
    return any(f" {m} " in lowered for m in markers)


def _problem_objective(a: StatementAnalysis, generic: bool = True) -> Iterator[Candidate]:
    """The state the team wants; when the problem cannot be turned round in its own words, the shape of an
    answer and the coach's question about it (unless ``generic`` is off)."""
    turned = problem_turned_round(a)
    description = "Say the state you want, not the problem you have."
    if turned is not None and turned.lower() != a.text.lower():
        question = (
            "What would you notice in your own life when this is solved? Measure that in the key results."
            if is_personal(a)
            else "Who will notice when this is solved, and what will they notice? Measure that in the key results."
        )
        yield Candidate(turned, description, question=question)
    if not generic or (a.main is not None and a.main.verb != "be" and work_phrase(a.main, a) is not None):
        return  # the author's own work is there to ask about: the unsure objective keeps their words
    if is_personal(a):
        yield Candidate(
            "Achieve <what you would notice in your own life when this is solved>",
            description,
            question=f'What would you notice in your own life when "{a.text.rstrip(" .")}" is done?',
        )
        return
    yield Candidate(
        "Achieve <what people will notice when this is solved>",
        description,
        question=f'Who will notice when "{a.text.rstrip(" .")}" is solved, and what will they notice?',
    )


def objective_rewrite(ctx: Context) -> Iterator[Candidate]:
    """Any other objective finding: the change behind a KPI, the change its work is for, or the coach's
    question."""
    a = ctx.analysis
    problem = _names_a_problem(a)
    if problem or (ctx.finding.code == "O109" and a.describes_present):
        yield from _problem_objective(a)
        return
    if ctx.finding.code == "O109":  # "Lose my flabby stomach": a wish, asked about like any other work
        yield from _problem_objective(a, generic=False)
    measured = a.main is None or (
        a.main.object is not None and a.main.object.classes & {"metric", "kpi_volume"}
    )
    if ctx.finding.category in {Category.KPI_RESTATEMENT, Category.NUMBER_IN_OBJECTIVE} and measured:
        yield from _kpi_objectives(a)
    yield from objective_from_task(ctx)


def key_result_rewrite(ctx: Context) -> Iterator[Candidate]:
    """Any other key-result finding: the outcome its work is for, or the coach's question."""
    yield from outcome_key_result(ctx, "Measure what the work is for, with a target.")
