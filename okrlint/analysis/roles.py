"""One role per predicate, decided from a data table: verb class × object class × where the number sits ×
causative or copular shape. Checks read ``Predicate.role`` and the role groups below instead of re-deciding
"doing, not measuring" each in their own way.

The table is read top to bottom; the first row whose conditions all hold gives the role. An empty condition
matches anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from okrlint.analysis.classes import NounClass as N
from okrlint.analysis.classes import NumberPlace
from okrlint.analysis.classes import Role as R
from okrlint.analysis.classes import VerbClass as V
from okrlint.analysis.models import Phrase, Quantity
from okrlint.analysis.quantities import LIMIT_MARKERS, RANK_MARKERS, is_sub_day


@dataclass(frozen=True)
class RoleRow:
    role: R
    verb: frozenset[V] = frozenset()  # the verb has one of these classes
    not_verb: frozenset[V] = frozenset()  # ... and none of these
    object: frozenset[N] = frozenset()  # the object has one of these classes
    not_object: frozenset[N] = frozenset()  # ... and none of these
    number: frozenset[NumberPlace] = frozenset()  # the number sits here
    state: bool | None = None  # the predicate brings about a state (causative "make X Y", copular "become X")
    why: str = ""


def _f(*items: object) -> frozenset:  # type: ignore[type-arg]
    return frozenset(items)


ROLE_TABLE: tuple[RoleRow, ...] = (
    RoleRow(R.CAUSE, state=True, why="'Make releases boring', 'Become the go-to platform': a state to reach"),
    RoleRow(R.MEASURE, verb=_f(V.CHANGE), why="'Increase NPS', 'Reduce churn': a measure moves"),
    RoleRow(
        R.ATTAIN,
        number=_f(NumberPlace.LIMIT),
        why="'Run 5 km in 25 minutes', 'Answer tickets within 4 hours': a performance to reach",
    ),
    RoleRow(
        R.ATTAIN,
        number=_f(NumberPlace.RANK),
        why="'Appear in the top 3 search results': a position in a ranking to reach",
    ),
    RoleRow(R.PURCHASE, verb=_f(V.PURCHASE), why="'Buy 40 laptops': money spent is an input"),
    RoleRow(
        R.PURCHASE,
        verb=_f(V.ATTAIN),
        # "Reach 1,000 vehicles on the platform": a level of goods reached is a result, not goods obtained
        not_verb=_f(V.TARGET_HIT),
        object=_f(N.GOODS),
        not_object=_f(N.PERSON, N.METRIC, N.KPI_VOLUME, N.ARTIFACT, N.ACTIVITY),
        why="'Get 40 new laptops': goods obtained are an input",
    ),
    RoleRow(
        R.STAFF,
        verb=_f(V.STAFFING),
        not_verb=_f(V.ATTAIN),
        why="'Hire a Head of Marketing': a role filled ('recruit' also wins users, so it stays attain)",
    ),
    RoleRow(
        R.DELIVER,
        verb=_f(V.HOLDING),
        object=_f(N.ACTIVITY),
        why="'Hold a partner summit': an event held is work done, not a level kept",
    ),
    RoleRow(R.MAINTAIN, verb=_f(V.HOLDING), why="'Keep CSAT above 90%', 'Stay within budget': a level held"),
    RoleRow(
        R.DELIVER,
        verb=_f(V.PROVISION),
        not_object=_f(N.METRIC, N.PERSON, N.KPI_VOLUME, N.TARGET_WORD, N.INSIGHT),
        why="'Deliver a new website', 'Provide 3 concepts': something handed over (not a measure or people)",
    ),
    RoleRow(
        R.DELIVER,
        verb=_f(V.ATTAIN),
        object=_f(N.WORK_ITEM),
        not_object=_f(N.METRIC, N.PERSON, N.KPI_VOLUME),
        why="'Close 40 Jira tickets': work items finished are work done",
    ),
    RoleRow(R.ATTAIN, verb=_f(V.ATTAIN), why="'Sign 20 customers', 'Reach 8/10': a result reached"),
    RoleRow(R.LAUNCH, verb=_f(V.BINARY), why="'Go live', 'Migrate to Stripe': a milestone, done or not"),
    RoleRow(R.REACH_OUT, verb=_f(V.OUTREACH), why="'Call 50 customers': contact made"),
    RoleRow(
        R.REACH_OUT,
        verb=_f(V.APPEARANCE),
        why="'Get featured in 3 podcasts': an appearance before an audience is outreach, not its effect",
    ),
    RoleRow(R.LEARN, verb=_f(V.LEARNING), why="'Interview 10 users': something found out"),
    RoleRow(R.STAFF, verb=_f(V.STAFFING), why="'Hire 3 engineers'"),
    RoleRow(R.DELIVER, verb=_f(V.OUTPUT), why="'Write a plan', 'Publish 4 posts': work produced"),
    RoleRow(R.OPERATE, verb=_f(V.MAINTENANCE), why="'Handle all support tickets': the day-to-day"),
)

# Roles that move or hold a measure, and roles that do work: the split the guides draw between outcomes and
# outputs (003:459, 002:270-276).
MEASURING_ROLES = frozenset({R.MEASURE, R.ATTAIN, R.MAINTAIN, R.CAUSE})
DOING_ROLES = frozenset({R.DELIVER, R.LAUNCH, R.REACH_OUT, R.STAFF, R.PURCHASE})


def decide_role(
    verb_classes: frozenset[str],
    object_classes: frozenset[str],
    number: NumberPlace,
    state: bool,
) -> R:
    for row in ROLE_TABLE:
        if row.verb and not row.verb & verb_classes:
            continue
        if row.not_verb & verb_classes:
            continue
        if row.object and not row.object & object_classes:
            continue
        if row.not_object & object_classes:
            continue
        if row.number and number not in row.number:
            continue
        if row.state is not None and row.state != state:
            continue
        return row.role
    return R.OTHER


def counting_quantity(obj: Phrase | None, verb_end: int, quantities: tuple[Quantity, ...]) -> Quantity | None:
    """The number that counts the object ("publish 4 posts", "contact 100% of customers")."""
    if obj is None:
        return None
    for q in quantities:
        if q.marker in RANK_MARKERS:
            continue  # "appear in the top 3 results": a position in a ranking counts nothing
        if verb_end <= q.start < obj.head_end or (obj.start <= q.start < obj.end and obj.counted):
            return q
    return None


def number_place(obj: Phrase | None, verb_end: int, quantities: tuple[Quantity, ...]) -> NumberPlace:
    if not quantities:
        return NumberPlace.NONE
    if any(is_sub_day(q) and q.marker in LIMIT_MARKERS for q in quantities):
        return NumberPlace.LIMIT
    if counting_quantity(obj, verb_end, quantities) is not None:
        return NumberPlace.COUNTS_OBJECT
    if any(q.marker in RANK_MARKERS for q in quantities):
        return NumberPlace.RANK
    return NumberPlace.TARGET
