"""Checks on one key result (rules K2xx)."""

from __future__ import annotations

import re

from okrlint.analysis import MEASURING_ROLES, Quantity, Role, StatementAnalysis
from okrlint.checks.base import CheckContext, Hit, HitIterator, StatementUnit, Unit
from okrlint.checks.common import (
    SELECTION_VERBS,
    WORK_ROLES,
    counting_quantity,
    is_full_coverage,
    measured_outcome,
    metric_head,
    output_predicates,
    team_is_actor,
    verb_span,
)
from okrlint.models import Confidence, Severity

_ROUTINE_WORDS = frozenset({"all", "daily", "every", "day-to-day", "routine", "usual", "regular", "incoming"})


def _unit(unit: Unit) -> StatementUnit:
    assert isinstance(unit, StatementUnit)
    return unit


def _whole(a: StatementAnalysis) -> tuple[int, int]:
    return 0, len(a.text)


def _has_structured_target(unit: StatementUnit) -> bool:
    """A YAML/CSV key result may carry its number in fields (target: 45) rather than in the sentence."""
    kr = unit.key_result
    return kr is not None and (kr.target is not None or kr.baseline is not None)


def no_number(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K201: nothing to grade — no digit, number word, percentage, ratio or multiplier."""
    u = _unit(unit)
    a = u.analysis
    if a.has_number or _has_structured_target(u):
        return
    yield Hit(*_whole(a))


def vague_change(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K202: a direction of change ("Improve SEO", "Get more followers") with no target."""
    u = _unit(unit)
    a = u.analysis
    if a.has_number or _has_structured_target(u):
        return
    comparatives = ctx.lexicon.words.get("comparative", frozenset())
    for p in a.predicates:
        comparative = bool(set(p.object.modifiers if p.object else ()) & comparatives) or bool(
            set(a.words) & comparatives
        )
        if "change" in p.classes or ("attain" in p.classes and comparative):
            start, end = verb_span(p)
            yield Hit(start, end, {"verb": p.verb_text, "metric": p.object.text if p.object else ""})
            return


def output_not_outcome(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K203: the key result names work to do (an output), not the change that work should cause."""
    u = _unit(unit)
    a = u.analysis
    if not team_is_actor(a) or measured_outcome(a):
        return
    for p in output_predicates(a, ctx.lexicon):
        counted = counting_quantity(p)
        if counted is not None:
            continue  # the number counts the work itself: K204 says that more precisely
        start, end = verb_span(p)
        severity = Severity.WARNING if a.has_number else Severity.ERROR
        yield Hit(start, end, {"verb": p.verb_text, "work": a.text[start:end]}, severity=severity)
        return


def activity_count(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K204: the number counts tasks done ("publish 4 posts a week"), not their effect."""
    u = _unit(unit)
    a = u.analysis
    if not team_is_actor(a):
        return
    for p in a.predicates:
        obj = p.object
        work_items = (
            obj is not None and "work_item" in (obj.classes | obj.counted_classes) and not obj.people_made
        )
        if p.role in MEASURING_ROLES and not work_items:
            # "Increase the number of meetings from 100 to 300": the measure itself counts bare activities.
            obj = p.object
            if (
                obj is not None
                and obj.counted
                and "activity" in obj.counted_classes
                and not obj.counted_qualified
            ):
                yield Hit(obj.start, obj.end, {"counted": obj.text, "verb": p.verb_text})
                return
            continue
        selecting = p.verb in SELECTION_VERBS and p.object is not None and "person" in p.object.classes
        unclassed_event = not p.classes and p.object is not None and "activity" in p.object.classes
        # "Interview 100 people": a discovery task counted by heads, with nothing said about whom or what
        headcount = (
            p.role is Role.LEARN
            and p.object is not None
            and "person" in p.object.classes
            and not p.object.qualified
            and not p.purpose
        )
        # "Close 40 Jira tickets per sprint": work items closed are work done, whatever the verb
        if not (p.role in WORK_ROLES or selecting or unclassed_event or work_items or headcount):
            continue
        if p.object is None:
            continue
        q = counting_quantity(p)
        if q is None:
            continue
        if (
            q.kind == "percent"
            and not is_full_coverage(q)
            and p.object.counted
            and not (p.object.counted_classes & {"person"})
        ):
            continue  # "Complete 90% of prioritized plans each week": a completion rate, not a tally
        start, end = verb_span(p)
        yield Hit(start, end, {"counted": a.text[start:end], "verb": p.verb_text, "number": q.text})
        return


def binary(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K205: done or not done ("Go live in Germany", "Migrate users to the new system")."""
    u = _unit(unit)
    a = u.analysis
    if a.has_number or _has_structured_target(u):
        return
    for p in a.predicates:
        if p.role is Role.LAUNCH:
            start, end = verb_span(p)
            yield Hit(start, end, {"verb": p.verb_text})
            return
    if any(p.role is not Role.OTHER for p in a.predicates):
        return
    # "New website live by March", "SSO in place for every customer": a milestone stated as a state
    states = ctx.lexicon.words.get("milestone_state", frozenset())
    match = next(
        (m for s in sorted(states) if (m := re.search(rf"\b{re.escape(s)}\b", a.text.lower()))), None
    )
    if match is not None:
        yield Hit(0, len(a.text), {"verb": a.text[match.start() : match.end()]})


def kpi_restatement(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K206: the key result restates a KPI: a configured KPI name, or a running per-period volume target."""
    u = _unit(unit)
    a = u.analysis
    text_lower = a.text.lower()
    for term in sorted(ctx.kpi_terms):
        at = _find_word(text_lower, term)
        if at >= 0:
            yield Hit(at, at + len(term), {"kpi": a.text[at : at + len(term)]})
            return
    main = a.main
    if main is None:
        return
    guardrail = main.negated and any(q.marker in {"above", "below", "under", "over"} for q in a.quantities)
    if guardrail and team_is_actor(a):
        # "Don't let churn go above 5%": a limit to stay within is a KPI being held
        yield Hit(*_whole(a), {"kpi": a.text, "period": ""})
        return
    if main.role is Role.MAINTAIN and team_is_actor(a):
        # "Maintain 99.95% availability", "Keep CSAT above 90%", "Stay within the approved budget"
        yield Hit(*verb_span(main), {"kpi": a.text[slice(*verb_span(main))], "period": ""})
        return
    if main.object is None:
        return
    obj = main.object
    if "attain" in main.classes and "target_word" in obj.classes:
        # "Hit monthly quota of $500k": the target itself is the key result
        yield Hit(*verb_span(main), {"kpi": obj.text, "period": ""})
        return
    volume = obj.classes | obj.counted_classes
    if (
        "attain" in main.classes
        and a.rate_period
        and a.change in {"level", "of"}
        and "kpi_volume" in volume
        and ctx.options.get("flag_run_rates", True)
    ):
        yield Hit(
            main.start,
            len(a.text),
            {"kpi": obj.text, "period": a.rate_period},
            confidence=Confidence.INFERENCE,
        )


def _find_word(haystack: str, needle: str) -> int:
    start = 0
    while True:
        at = haystack.find(needle, start)
        if at < 0:
            return -1
        before = haystack[at - 1] if at else " "
        after = haystack[at + len(needle)] if at + len(needle) < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        start = at + 1


def business_as_usual(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K207: day-to-day work ("Answer all my daily support tickets") is the job, not a key result."""
    u = _unit(unit)
    a = u.analysis
    if not team_is_actor(a) or measured_outcome(a):
        return
    for p in a.predicates:
        if "maintenance" in p.classes and (
            set(a.words) & _ROUTINE_WORDS or a.rate_period in {"day", "daily"}
        ):
            start, end = verb_span(p)
            yield Hit(start, end, {"work": a.text[start:end]})
            return


def no_baseline(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K208 (info): an absolute target with no starting value; "by X%" is exempt."""
    u = _unit(unit)
    a = u.analysis
    if u.key_result is not None and u.key_result.baseline is not None:
        return
    if a.target is not None and _end_state(a.target):
        return  # "Keep audit findings at zero", "100% of laptops encrypted": where it starts changes nothing
    if (
        a.change in {"to", "level", "of"}
        and a.target is not None
        and a.main
        and a.main.role in MEASURING_ROLES
    ):
        yield Hit(a.target.start, a.target.end, {"target": a.target.text})


def _end_state(q: Quantity) -> bool:
    """A target of none or all: zero of something, or 100%."""
    return q.value == 0 or (q.kind == "percent" and q.value is not None and q.value >= 100)


def not_customer_behaviour(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K209 (info, opt-in): no "who does what": the team acts, nobody's behaviour is measured."""
    u = _unit(unit)
    a = u.analysis
    main = a.main
    if main is None or not a.imperative:
        return
    mentions_people = any(
        p.object is not None and (p.object.classes | p.object.counted_classes) & {"person"}
        for p in a.predicates
    )
    if not mentions_people:
        yield Hit(*verb_span(main), {"verb": main.verb_text})


def learning_activity(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K210 (info): a discovery task (interview, identify, explore): useful, but not proof of the objective."""
    u = _unit(unit)
    a = u.analysis
    main = a.main
    if main is None or main.role is not Role.LEARN or measured_outcome(a) or not team_is_actor(a):
        return
    yield Hit(*verb_span(main), {"verb": main.verb_text})


def restates_objective(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K211: the key result repeats its objective (same change on the same measure) instead of measuring it."""
    u = _unit(unit)
    a, o = u.analysis, u.objective_analysis
    if o is None or u.objective is None:
        return
    kr_main, o_main = a.main, o.main
    if kr_main is not None and o_main is not None:
        head_kr, head_o = metric_head(a), metric_head(o)
        if kr_main.verb == o_main.verb and head_kr and head_kr == head_o:
            yield Hit(*verb_span(kr_main), {"objective": o.text})
            return
    kr_words, o_words = a.content_lemmas, o.content_lemmas
    if len(kr_words) >= 3 and len(o_words) >= 2:
        overlap = len(kr_words & o_words) / len(kr_words | o_words)
        if overlap >= float(ctx.options.get("min_overlap", 0.75)):
            yield Hit(*_whole(a), {"objective": o.text})


def compound(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K214 (info, opt-in): two measures or an activity plus an outcome in one line."""
    u = _unit(unit)
    a = u.analysis
    measured = [p for p in a.predicates if p.quantities]
    if len(measured) >= 2 or (";" in a.text and len(a.quantities) >= 2):
        yield Hit(*_whole(a))


def individual(unit: Unit, ctx: CheckContext) -> HitIterator:
    """K215 (info): a key result for one person ("my", "I", a named individual)."""
    u = _unit(unit)
    a = u.analysis
    if a.subject_person in {"first_singular", "named"}:
        yield Hit(*_whole(a), {"who": a.subject.text if a.subject else "one person"})
