"""Judgements shared by several rules, each a small function of the StatementAnalysis."""

from __future__ import annotations

from okrlint.analysis import (
    DOING_ROLES,
    MEASURING_ROLES,
    NounClass,
    Phrase,
    Predicate,
    Quantity,
    Role,
    StatementAnalysis,
    VerbClass,
)
from okrlint.analysis.roles import counting_quantity as _counting_quantity
from okrlint.lexicons import Lexicon

# Verb classes a purpose clause ("… to increase retention") states an outcome with.
MEASURING = frozenset({"change", "attain"})
# Roles of predicates that do work: the deliverable, milestone, contact, hire or purchase itself.
WORK_ROLES = DOING_ROLES
SELECTION_VERBS = frozenset({"identify", "select", "choose", "pick", "find", "shortlist", "recruit"})
# Team actors: the statement is about work the team does, not about what its customers do.
TEAM_ACTORS = frozenset({"first_plural", "first_singular", "team", "named"})


def team_is_actor(a: StatementAnalysis) -> bool:
    return a.subject_person in TEAM_ACTORS


def measured_outcome(a: StatementAnalysis) -> bool:
    """Some predicate (or a clause inside one) moves or reaches a measure and carries a number."""
    return a.measured_clause or any(p.role in MEASURING_ROLES and p.quantities for p in a.predicates)


def object_is_deliverable(obj: Phrase | None, lex: Lexicon) -> bool:
    """The object is work product (artifact or activity) and not an aspiration about quality."""
    if obj is None:
        return True  # "Design, create, and launch …": the verb alone names the work
    if obj.classes & {"artifact", "activity"}:
        return not aspiration_modifier(obj, lex)
    return not obj.classes & {"metric", "person", "insight"} and not aspiration_modifier(obj, lex)


def aspiration_modifier(obj: Phrase, lex: Lexicon) -> bool:
    """ "a better workplace", "a world-class team": building to a quality, not shipping a thing."""
    return any(lex.has_word("quality_aspiration", m) for m in obj.modifiers)


def output_predicates(a: StatementAnalysis, lex: Lexicon) -> list[Predicate]:
    """Predicates that do work (produce, ship, contact, hire, buy) rather than move a measure."""
    found = []
    for p in a.predicates:
        if p.role not in WORK_ROLES or p.negated:
            continue
        if p.role is Role.LAUNCH and VerbClass.OUTPUT not in p.classes:
            continue  # "Go live in Germany": a milestone that produces nothing is binary (K205), not an output
        if (
            p.object is not None
            and NounClass.METRIC in p.object.classes
            and not p.object.classes & {NounClass.ARTIFACT, NounClass.ACTIVITY}
        ):
            continue
        if p.role in {Role.REACH_OUT, Role.PURCHASE} or object_is_deliverable(p.object, lex):
            found.append(p)
    return found


def counting_quantity(p: Predicate) -> Quantity | None:
    """The number that counts the predicate's object ("publish 4 posts", "contact 100% of customers")."""
    return _counting_quantity(p.object, p.end, p.quantities)


def is_full_coverage(q: Quantity) -> bool:
    return q.kind == "percent" and q.value is not None and q.value >= 100


def verb_span(p: Predicate) -> tuple[int, int]:
    """The verb and its object: what a reader should look at."""
    return p.start, max(p.span_end, p.end)


def metric_head(a: StatementAnalysis) -> str | None:
    """The measured noun: "the number of qualified leads" -> "lead"."""
    main = a.main
    if main is None or main.object is None:
        return None
    return main.object.counted or main.object.head
