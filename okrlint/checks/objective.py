"""Checks on one objective (rules O1xx)."""

from __future__ import annotations

import re
from functools import lru_cache

from okrlint.analysis import MEASURING_ROLES, NumberPlace, Predicate, Role
from okrlint.checks.base import CheckContext, Hit, HitIterator, StatementUnit, Unit
from okrlint.checks.common import MEASURING, aspiration_modifier, verb_span
from okrlint.lexicons import Lexicon
from okrlint.models import Confidence, Severity

_STOP_VERBS = frozenset({"stop", "quit"})
_NEGATIVE_VERBS = frozenset({"stop", "avoid", "prevent", "quit"})
# Roles of a predicate that names a task to finish: something made, shipped, staffed or bought.
_TASK_ROLES = frozenset({Role.DELIVER, Role.LAUNCH, Role.STAFF, Role.PURCHASE})


def _unit(unit: Unit) -> StatementUnit:
    assert isinstance(unit, StatementUnit)
    return unit


def objective_is_task(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O101: every predicate produces something, and at least one names a deliverable."""
    a = _unit(unit).analysis
    if not a.predicates:
        return
    lex = ctx.lexicon
    doing = [p for p in a.predicates if p.role in _TASK_ROLES]
    if len(doing) != len(a.predicates):
        return
    if any(p.purpose_classes & MEASURING for p in doing):
        return  # "Implement a new CRM to increase retention" states its outcome: O102 covers the solution
    delivered = [p for p in doing if _is_deliverable(p, lex) or _moves_to_a_product(p)]
    if not delivered:
        return
    start = a.predicates[0].start
    end = max(verb_span(p)[1] for p in delivered)
    last = delivered[-1]
    deliverable = last.object.text if last.object is not None else a.text[start:end]
    yield Hit(start, end, {"task": a.text[start:end], "deliverable": deliverable})


def _is_deliverable(p: Predicate, lex: Lexicon) -> bool:
    """A thing made or shipped (a plan, an event, a named product), or a role filled ("Hire a Head of …")."""
    obj = p.object
    if obj is None or aspiration_modifier(obj, lex) or obj.described:
        # "a codebase they can change without fear": what the thing lets people do is the aspiration
        return False
    if obj.classes & {"artifact", "activity"}:
        return True
    if ("staffing" in p.classes and obj.classes & {"person"}) or (
        "staffing" in p.classes and not obj.classes
    ):
        return True
    # A proper name as the object of a delivery verb: "Roll out Salesforce", "Launch Project Phoenix"
    return obj.proper and not obj.classes & {"person", "metric"}


def _moves_to_a_product(p: Predicate) -> bool:
    """ "Migrate billing to Stripe": the deliverable is the move to a named product."""
    return p.destination_name is not None and p.role in {Role.DELIVER, Role.LAUNCH}


def solution_in_objective(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O102: the objective names the solution (implement/launch X) next to the outcome it is for."""
    a = _unit(unit).analysis
    lex = ctx.lexicon
    solutions = [
        p
        for p in a.predicates
        if p.role in {Role.DELIVER, Role.LAUNCH}
        and p.object is not None
        and p.object.classes & {"artifact", "activity"}
        and not aspiration_modifier(p.object, lex)
    ]
    if not solutions:
        if " because " in f" {a.text.lower()} ":
            at = a.text.lower().find("because")
            yield Hit(at, len(a.text), {"solution": a.text[at:]}, confidence=Confidence.INFERENCE)
        return
    outcome = any(p.role in MEASURING_ROLES for p in a.predicates) or any(p.purpose for p in solutions)
    if outcome:
        p = solutions[0]
        yield Hit(*verb_span(p), {"solution": a.text[slice(*verb_span(p))]})


def number_in_objective(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O103: a number or target in the objective; time expressions ("in Q3", "by 2025") do not count."""
    a = _unit(unit).analysis
    for q in a.quantities:
        if q.kind == "placeholder" or (q.kind == "count" and q.text.lower() == "one"):
            continue
        if q.kind == "ratio" and q.text.replace(" ", "") == "24/7":
            continue
        yield Hit(q.start, q.end, {"number": q.text})
        return


def kpi_objective(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O104: the objective only restates a KPI target ("hit a higher revenue target", "get more customers")."""
    a = _unit(unit).analysis
    lex = ctx.lexicon
    text_lower = a.text.lower()
    for term in sorted(ctx.kpi_terms):
        match = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text_lower)
        if match and not ctx.options.get("allow_kpi_objectives", False):
            yield Hit(match.start(), match.end(), {"kpi": a.text[match.start() : match.end()]})
            return
    main = a.main
    if main is None and re.match(r"(?:fewer|more|less|higher|lower|bigger|better)\s+\w+", a.text.lower()):
        # "Fewer bugs", "More customers": a metric's direction with nothing to aspire to
        yield Hit(0, len(a.text), {"kpi": a.text})
        return
    if main is not None and main.role is Role.MAINTAIN:
        # "Keep the lights on", "Continue processing supplier invoices on time": business as usual
        yield Hit(*verb_span(main), {"kpi": a.text[slice(*verb_span(main))]})
        return
    for p in a.predicates:
        obj = p.object
        if obj is None:
            continue
        if p.classes & {"attain"} and obj.classes & {"target_word"}:
            yield Hit(*verb_span(p), {"kpi": obj.text})
            return
        if p.role not in {Role.MEASURE, Role.ATTAIN}:
            continue  # a KPI restated is a volume moved or reached, not a state brought about
        if any(lex.has_word("aggregate", m) or m in lex.nouns.get("aggregate", ()) for m in obj.modifiers):
            yield Hit(*verb_span(p), {"kpi": obj.text})
            return
        volume = obj.classes if obj.counted is None else obj.counted_classes
        qualified = obj.qualified if obj.counted is None else obj.counted_qualified
        if "kpi_volume" in volume and not qualified and not p.purpose:
            yield Hit(*verb_span(p), {"kpi": obj.text}, confidence=Confidence.INFERENCE)
            return


def not_inspiring(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O105 (info): a status-quo verb (maintain, keep, continue) cannot move people."""
    a = _unit(unit).analysis
    main = a.main
    if main is not None and "maintenance" in main.classes and not main.classes & {"change"}:
        yield Hit(*verb_span(main), {"verb": main.verb_text})


def not_timeboxed(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O106 (info): no deadline in the objective, and none from the file's period or the objective's own."""
    u = _unit(unit)
    if u.document is None:
        return  # a statement linted on its own may belong to a cycle we do not see
    if u.analysis.timeboxed or u.document.period or (u.objective is not None and u.objective.period):
        return
    yield Hit(0, len(u.analysis.text))


def too_big_for_cycle(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O107: a chain of life-cycle steps ("design, create, and launch") does not fit in one quarter."""
    a = _unit(unit).analysis
    lex = ctx.lexicon
    steps = [p.verb for p in a.predicates if p.role in _TASK_ROLES]
    # The tagger often misreads a verb inside such a list ("Design, build, launch and scale our marketplace"),
    # so the words of the opening list count too.
    listed: list[str] = []
    end = 0
    for match in re.finditer(r"[A-Za-z]+|[,&]|\S", a.text):
        word = match.group(0).lower()
        if word in {",", "&", "and", "then"}:
            continue
        if lex.verb_classes(word) & {"output", "binary", "change"}:
            listed.append(word)
            end = match.end()
            continue
        break
    doing = [w for w in listed if lex.verb_classes(w) & {"output", "binary"}]
    count = max(len(steps), len(doing))
    if count >= int(ctx.options.get("max_steps", 2)) + 1:
        stop = max(end, verb_span(a.predicates[-1])[1] if a.predicates else end)
        yield Hit(0, stop, {"steps": count})


def vague_term(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O108 (info): an evaluative word ("expert", "important") that no key result defines."""
    u = _unit(unit)
    a = u.analysis
    lex = ctx.lexicon
    generic = lex.words.get("generic_noun", frozenset())
    if a.predicates and not [n for n in a.topic_words if n not in generic]:
        # "Be better", "Improve stuff in marketing", "Make time for what's important": nothing named to change
        yield Hit(0, len(a.text), {"term": a.text}, severity=Severity.WARNING)
        return
    hedge = _hedge(a.text.lower(), lex.words.get("hedge", frozenset()))
    if hedge is not None:
        # "Create some sort of new product": the author has not decided what the objective is about
        yield Hit(
            hedge.start(),
            hedge.end(),
            {"term": a.text[hedge.start() : hedge.end()]},
            severity=Severity.WARNING,
        )
        return
    unbounded = next(
        (p for p in a.predicates if p.object is not None and p.object.superlative and not p.object.scoped),
        None,
    )
    if unbounded is not None and unbounded.object is not None and not u.key_result_analyses:
        # "Be the best CS team": best at what, for whom? Nothing bounds the claim and no key result defines it
        obj = unbounded.object
        yield Hit(obj.start, obj.end, {"term": obj.text}, severity=Severity.WARNING)
        return
    kr_words = (
        set().union(*(set(k.lemmas) for k in u.key_result_analyses)) if u.key_result_analyses else set()
    )
    for match in _vague_pattern(lex.words.get("vague_term", frozenset())).finditer(a.text.lower()):
        word = match.group(0)
        if word in ctx.accepted_terms:
            continue
        if word in kr_words:
            return  # a key result measures the term: the KRs define it (004:45)
        yield Hit(match.start(), match.end(), {"term": a.text[match.start() : match.end()]})
        return


@lru_cache(maxsize=8)
def _vague_pattern(terms: frozenset[str]) -> re.Pattern[str]:
    """One alternation for all vague terms, longest first, whole words only (compiled once per lexicon)."""
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


# Determiners that make "kind of" / "sort of" a noun naming a type ("the kind of company people join"), not a hedge
_TYPE_DETERMINERS = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "what",
        "which",
        "every",
        "each",
        "our",
        "my",
        "your",
        "their",
        "its",
    }
)


def _hedge(lowered: str, hedges: frozenset[str]) -> re.Match[str] | None:
    """The first hedge in the text, longest first; "kind of" after a definite determiner names a type instead."""
    for h in sorted(hedges, key=lambda h: (-len(h), h)):
        for m in re.finditer(rf"\b{re.escape(h)}\b", lowered):
            before = lowered[: m.start()].split()
            if not (before and before[-1] in _TYPE_DETERMINERS):
                return m
    return None


def negative_framing(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O109: a problem statement ("We spend too much time in meetings") instead of the desired state."""
    a = _unit(unit).analysis
    lex = ctx.lexicon
    lowered = f" {a.text.lower()} "
    found = [
        (lowered.index(f" {m} "), -len(m), m)
        for m in lex.words.get("problem_marker", ())
        if f" {m} " in lowered
    ]
    excess = re.search(r"\btoo\s+\w+", lowered)
    if excess:
        found.append((excess.start() - 1, -len(excess.group(0)), excess.group(0).strip()))
    # The first marker in the text names the problem (longest on a tie), the same one on every run.
    markers = [m for _, _, m in sorted(found)]
    main = a.main
    if a.describes_present and (markers or a.negated):
        yield Hit(0, len(a.text), {"marker": markers[0] if markers else "not"})
        return
    if main is not None and main.verb in _STOP_VERBS and re.search(r"\b(?:stop|quit)\s+\w+ing\b", lowered):
        # "Stop losing deals to cheaper competitors": the problem, phrased as an order
        yield Hit(*verb_span(main), {"marker": main.verb_text})
        return
    if (
        main is not None
        and "escape" in main.classes
        and main.object is not None
        and not main.object.classes & {"metric", "kpi_volume", "person"}
        # "… lose body fat and become leaner", "Escape the feature factory and build what customers need": the
        # line also says where it wants to get
        and not any(p.role is not Role.OTHER and "escape" not in p.classes for p in a.predicates[1:])
    ):
        # "Get out of my dead-end job", "Lose my flabby stomach": what to leave behind, not what to reach
        yield Hit(*verb_span(main), {"marker": main.verb_text})
        return
    if main is not None and main.verb in _NEGATIVE_VERBS:
        yield Hit(*verb_span(main), {"marker": main.verb_text}, severity=Severity.INFO)


def compound_objective(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O112 (info, opt-in): three or more coordinated goals in one objective."""
    a = _unit(unit).analysis
    if len(a.predicates) >= int(ctx.options.get("max_goals", 2)) + 1:
        yield Hit(0, len(a.text), {"goals": len(a.predicates)})


# Words on a noun that do not say which part of it is meant: possessives and quantities ("our", "more").
_UNSPECIFIC_MODIFIERS = frozenset(
    {"our", "my", "your", "their", "its", "his", "her", "more", "less", "much", "many", "some", "all", "any"}
)


def generic_area(unit: Unit, ctx: CheckContext) -> HitIterator:
    """O113: the objective names only a broad area ("Improve operations", "Make more money") and nothing
    defines it: no qualifier says who, what kind or why, and no key result with a number pins it down."""
    u = _unit(unit)
    a = u.analysis
    lex = ctx.lexicon
    if len(a.predicates) != 1 or not a.english:
        return
    p = a.predicates[0]
    obj = p.object
    if obj is None or p.purpose or p.negated or obj.counted or obj.described or p.copular:
        return  # "Be an informed team": who the team wants to be is an aspiration, not an area
    if p.object_is_prepositional:
        return  # "Ship with confidence": the noun says how, not what
    if obj.named or p.number_place is NumberPlace.COUNTS_OBJECT:
        return  # "Adopt Kubernetes", "Hire 20 engineers": a named thing or a counted target is not an area
    if obj.single and not any(_evaluative(m, lex) for m in obj.modifiers):
        return  # "Run a marathon", "Write a novel": one thing to achieve, not an area ("a better product" is vague)
    head = a.text[obj.head_start : obj.head_end]
    if len(head) > 1 and head.isupper():
        return  # "Improve CSAT", "Adopt SOC2": an acronym names one specific measure or thing
    if p.complement and not _evaluative(p.complement, lex):
        return  # "Help our partners sell for us", "Make every meeting worth the time": a state or behaviour
    if any(k.quantities for k in u.key_result_analyses):
        return  # its key results define the broad objective (004:44-45)
    ignored = lex.words.get("generic_noun", frozenset()) | lex.words.get("time_word", frozenset())
    if {n for n in a.nouns if n not in ignored} - {obj.head}:
        return  # something else is named: a kind, a group, a state ("Make our company go viral")
    specific = [m for m in obj.modifiers if m not in _UNSPECIFIC_MODIFIERS and not _evaluative(m, lex)]
    if specific:
        return
    yield Hit(0, len(a.text), {"area": obj.text})


def _evaluative(word: str, lex: Lexicon) -> bool:
    return lex.has_word("vague_term", word) or lex.has_word("quality_aspiration", word)
