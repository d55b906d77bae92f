"""Rewrites of key results: the rule's own shapes, the outcome of the work's class, the measure its
objective names, and the coach's question when nothing fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from okrlint.analysis import Phrase, Predicate, StatementAnalysis
from okrlint.analysis.classes import VerbClass
from okrlint.lexicons import default_lexicon
from okrlint.models import StatementKind
from okrlint.outcome_map import (
    Measure,
    gerund,
    is_people,
    modifier_class,
    names_no_output,
    noun_class,
    outcome_map,
    output_class,
    output_classes,
)
from okrlint.suggest.candidate import Candidate, Context
from okrlint.suggest.inflection import is_verb, verb_lemmas
from okrlint.suggest.text import (
    DETERMINERS,
    DIGITS,
    NOTICE,
    UNKNOWN_TOPIC,
    capital,
    one_spaced,
    strip_determiner,
    tidy,
    uncapital,
)
from okrlint.suggest.words import (
    OWNER_TAG,
    artifact_phrase,
    is_personal,
    metric_phrase,
    moves_down,
    outcome_measure,
    people_phrase,
    predicate_leads,
    question_for,
    second_person,
    states_an_outcome,
    topic_phrase,
    without_counts,
    without_time,
    work_phrase,
)

_RATE_WORDS = ("rate", "score", "time", "share", "average", "%", "size", "monthly", "weekly", "daily", "per ")
_NOTICE_OBJECTIVE = "Which number shows the objective moving, and where is it today?"
_WH = re.compile(r"\b(?:how|what|whether|why|where|when|which|who)\b", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------- shapes
def _shape(measure: Measure, a: StatementAnalysis, phrase: str) -> str:
    """ "Increase <measure> from <baseline> to <target> [unit]", keeping the author's period ("per week") when
    the measure does not carry its own."""
    if measure.learning:
        return capital(phrase)
    verb = "Reduce" if measure.down else "Increase"
    unit = f" {measure.unit}" if measure.unit else ""
    period = ""
    if a.rate_period and not any(w in phrase for w in _RATE_WORDS) and not measure.unit:
        period_unit = a.rate_period.removesuffix("ly") if a.rate_period.endswith("ly") else a.rate_period
        period = f" per {'day' if period_unit == 'dai' else period_unit}"
    return f"{verb} {phrase} from <baseline> to <target>{unit}{period}"


def fill_template(template: str, p: Predicate, a: StatementAnalysis) -> str:
    obj = p.object
    if obj is None:
        return template
    x = artifact_phrase(obj, a, p.destination_name)
    if "{x}" in template and (
        not strip_determiner(x).strip() or re.match(r"(?:of|for|to|in|on)\b", strip_determiner(x))
    ):
        return ""  # "Migrate X% of workloads": nothing left to name once the number is gone
    topic = topic_phrase(obj, a)
    if topic == UNKNOWN_TOPIC and "proficiency" in template:
        topic = "<the skill trained>"  # a course or training whose subject the author has not named
    # a learning key result keeps the author's way of asking ("Survey", "Interview"); other work is asked by interview
    asking = (
        p.verb
        if output_classes().verbs.get(p.verb.lower()) == "research" and " " not in p.verb
        else "interview"
    )
    values = {"x": x, "people": people_phrase(obj, a), "topic": topic, "asking": gerund(asking)}
    return tidy(re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template))


def _noun_as_object(p: Predicate, a: StatementAnalysis) -> Predicate | None:
    """A predicate the parse left without an object ("Run 5 webinars"), given the first later noun of the
    statement whose class of output is known, as written."""
    table = output_classes().nouns
    for lemma in a.nouns:
        cls = table.get(lemma.lower())
        if cls is None:
            continue
        match = re.search(rf"\b{re.escape(lemma)}\w*", a.text[p.end :], re.IGNORECASE)
        if match is None or len(a.text[p.end : p.end + match.start()].split()) > 2:
            continue  # only a noun right after the verb ("Run 5 webinars"), not one in a later clause
        start, end = p.end + match.start(), p.end + match.end()
        obj = Phrase(text=a.text[start:end], start=start, end=end, head=lemma, head_start=start, head_end=end)
        return p.model_copy(update={"object": obj})
    return None


def _phrase_end(p: Predicate, following: Predicate) -> int:
    """Where ``p``'s own words end before ``following`` (the parse may stretch its span over the next verb)."""
    end = p.span_end or p.end
    return end if end <= following.start else p.end


def lead_predicates(a: StatementAnalysis) -> list[Predicate]:
    """The author's actions: the predicate that leads the statement and those joined to it ("Design, create,
    and launch"), not the ones inside a clause ("Discuss how to market our product")."""
    out: list[Predicate] = []
    for p in a.predicates:
        if not out:
            if predicate_leads(p, a):
                out.append(p)
        elif re.search(r"(?:\band|\bor|,)\s*$", a.text[_phrase_end(out[-1], p) : p.start]):
            out.append(p)
    return out


def _serves_people(obj: Phrase) -> bool:
    """A thing named by the people it serves ("customer portal", "member area", "partner site")."""
    people = output_classes().people
    return any(m.lower() in people for m in obj.modifiers)


def classified(a: StatementAnalysis) -> Iterator[tuple[Predicate, str]]:
    """The author's actions whose class of output is known (by verb or object), main first."""
    for p in lead_predicates(a):
        if VerbClass.CESSATION in p.classes:
            continue  # "Stop having so many meetings": what is given up is not work to measure the outcome of
        if p.object is not None and _WH.search(a.text[p.end : p.object.start]):
            # "Discuss how to market our product": the product is not what this work makes
            p = p.model_copy(update={"object": None})
        cls = output_class(p)
        if cls is None and p.object is None and not names_no_output(p):
            found = _noun_as_object(p, a)
            if found is not None:
                p, cls = found, output_class(found)
        if cls == "site" and p.object is not None and _serves_people(p.object):
            cls = "release"  # "the new customer portal": used by people who are already customers, not a shop window
        if cls is not None and cls in outcome_map().classes:
            yield p, cls


def unsure_key_result(a: StatementAnalysis) -> Iterator[Candidate]:
    """No class fits: the coach's question, and the shape of an answer with the author's work in it."""
    if states_an_outcome(a):
        yield from outcome_measure(a, StatementKind.KEY_RESULT)
        return
    main = a.main
    work = work_phrase(main, a) if main is not None else None
    state = _STATE.search(a.text)
    reached = state is not None and len(a.text[: state.start()].split()) <= 3
    if reached:
        work = None  # "feature x has been released": a state reached, not an action to ask why of
    if work is None:
        if state is not None and a.subject is not None and _launched(state.group(0)):
            # "feature x has been released": the thing reached is named; its class says what it is for
            made = Predicate.model_construct(
                verb="",
                verb_text="",
                start=0,
                end=0,
                classes=frozenset(),
                object=a.subject,
                destination_name=None,
            )
            cls = noun_class(a.subject) or modifier_class(a.subject)
            if cls in outcome_map().classes and class_fits(made, cls, a):
                for measure in outcome_map().classes[cls].measures(is_people(a.subject))[:1]:
                    if "{" in measure.phrase or measure.learning:
                        yield _reached_outcome(a, measure, fill_template(measure.phrase, made, a), cls)
        elif reached and _launched(state.group(0)):
            # the parse read the thing as a verb ("feature x has been released"): its words still name a class
            yield from _reached_by_words(a, a.text[: state.start()].strip())
        if state is None and a.nouns and (main is None or not predicate_leads(main, a)):
            named = _named_thing(a)
            if named:
                # "Integration tests for that library": a deliverable named without its action
                yield Candidate(
                    f"Increase <the result> of {named} from <baseline> to <target>",
                    "Name the result this work is for, and measure that; keep the work as a plan.",
                    question=f"What should {named} change, and for whom? Which number would show it?",
                )
                return
        if state is not None:
            said = tidy(re.sub(r"\b(is|are)\s+now\s+", r"\1 ", uncapital(a.text.rstrip(" ."))))
            yield Candidate(
                f"Increase <the result you expect>, now that {said}, from <baseline> to <target>",
                "Name the result this work is for, and measure that; keep the work as a plan.",
                question=f"Why does it matter that {said}? {NOTICE}",
            )
        return
    personal = is_personal(a)
    doing = without_counts(work.ing, a)  # the result of the work, not of how much of it ("3 workshops")
    yield Candidate(
        f"Increase <the result> of {second_person(doing) if personal else doing} from <baseline> to <target>",
        "Name the result this work is for, and measure that; keep the work as a plan.",
        question=question_for(work, personal),
    )


# Marks around a named deliverable that are not part of its name: a priority ("P1"), a status aside ("(WIP)")
_NOT_THE_NAME = re.compile(r"\s*\([^()]*\)|\s+\bP[0-4]\b|\s*[-–:]\s*$", re.IGNORECASE)


def _launched(state: str) -> bool:
    """The state is a thing put out ("has been released", "is live"), of the binary verb class: its use is what
    follows, whereas "are prioritized" or "is documented" say nothing of who uses what."""
    participle = state.split()[-1].lower()
    binary = default_lexicon().verbs.get("binary", frozenset())
    if {participle[:-1], participle[:-2]} & binary:
        return True  # "released", "launched": the regular forms need no dictionary
    return bool(set(verb_lemmas(participle)) & binary)


def _named_thing(a: StatementAnalysis) -> str | None:
    """A verbless statement's thing, as the author named it ("the integration tests for that library")."""
    text = _NOT_THE_NAME.sub("", one_spaced(OWNER_TAG.sub("", a.text, count=1))).strip(" .;:")
    if not text or len(text.split()) > 12 or DIGITS.search(text):
        return None
    opening = text.split()[0].lower()
    if opening.endswith("ly") or opening in {"ever", "never", "always"} or is_verb(opening):
        return None  # "Hardly ever deploy on Fridays", "Define the company strategy": an action, misparsed
    first = text.split()[0]
    if not first.lower().startswith(DETERMINERS) and first.lower() not in {"a", "an", "the"}:
        text = f"the {uncapital(text) if not first.isupper() else text}"
    return tidy(text)


def _reached_by_words(a: StatementAnalysis, thing: str) -> Iterator[Candidate]:
    """The outcome of a thing reached, by the class its words name, when no parse phrase is there to fill a
    template ("feature x" -> the share of customers who use feature x weekly)."""
    table = output_classes().nouns
    words = re.findall(r"[a-z][a-z-]*", thing.lower())
    cls = next((table[w] for w in words if table.get(w) in outcome_map().classes), None)
    if cls is None or cls not in _OUTSIDE_CLASSES | {"documentation", "process", "migration"}:
        return
    for measure in outcome_map().classes[cls].measures(False)[:1]:
        if measure.learning or "{x}" not in measure.phrase or re.search(r"\{(?!x\})", measure.phrase):
            continue
        yield _reached_outcome(a, measure, measure.phrase.replace("{x}", uncapital(thing)), cls)


def _reached_outcome(a: StatementAnalysis, measure: Measure, phrase: str, cls: str) -> Candidate:
    """The measure of what a thing put out is for, asked why it matters that it is out."""
    return Candidate(
        _shape(measure, a, phrase),
        "Measure what the work is for, not that it is done.",
        question=f"Why does it matter that {tidy(uncapital(a.text.rstrip(' .')))}? {NOTICE}",
        outcome_class=cls,
    )


# A statement in the perfect or the passive ("feature x has been released"): a state, with no action to ask why of.
_STATE = re.compile(r"\b(?:(?:has|have|had)\s+been\s+\w+|(?:is|are)\s+(?:now\s+)?[a-z]+ed)\b", re.IGNORECASE)


_TEAM = re.compile(r"\b(?:team|teammates?|direct reports?)\b", re.IGNORECASE)
# Classes whose outcome is an outside audience or customers.
_OUTSIDE_CLASSES = frozenset({"content", "release", "site", "outreach"})
_REACH_STATED = re.compile(r"\bto\s+(?:\d[\d,.]*|all|every)\s+\w+", re.IGNORECASE)
_NUMBER_WORDS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)


def class_fits(p: Predicate, cls: str, a: StatementAnalysis) -> bool:
    """Whether the class's outcome can be said of this work in the author's words: not when the object's phrase
    would come out mangled ("the transparent and clear process", "our version one"), nor an outside audience's
    outcome for work that is for the team itself or already states its reach ("to 25,000 households")."""
    if p.object is not None:
        x = artifact_phrase(p.object, a, p.destination_name)
        if re.search(r"\b(?:and|or)\b", x) or _NUMBER_WORDS.search(x):
            return False
    if cls in _OUTSIDE_CLASSES:
        internal = outcome_map().internal_work
        if any(w.lower().strip(".,;") in internal for w in a.text.split()):
            return False
        if cls == "outreach" and p.object is not None and _TEAM.search(p.object.text):
            return False  # "weekly team meetings": the team meets itself, no outside audience
        if cls == "content" and _REACH_STATED.search(a.text[p.end :]):
            return False
    return True


def _class_key_results(a: StatementAnalysis, description: str) -> Iterator[Candidate]:
    """Outcome key results for the class of the author's work: its measures, on the author's object."""
    lead = lead_predicates(a)
    for p, cls in classified(a):
        if not class_fits(p, cls, a):
            continue
        entry = outcome_map().classes[cls]
        people = is_people(p.object)
        work = work_phrase(lead[0], a) if lead else None  # the whole action, joined verbs included
        question = question_for(work) if work else None
        measures = entry.measures(people)
        if entry.by_domain:
            # the domain is named before the plan ("sales plan") or after it ("a roadmap for the mobile app")
            tail = (
                re.findall(r"[a-z][a-z-]*", a.text[p.object.head_end : p.object.end].lower())
                if p.object
                else []
            )
            measures = entry.domain_measures((*p.object.modifiers, *tail) if p.object else ())
            other = modifier_class(p.object) if p.object is not None and not measures else None
            if (
                other is not None
            ):  # "an onboarding program": a plan of no known domain, a release by its modifier
                cls, entry = other, outcome_map().classes[other]
                measures = entry.measures(people)
            elif not measures:
                continue  # "Write the plan": what it is for is the author's to say
        usable = [m for m in measures if p.object is not None or "{" not in m.phrase]
        for measure in usable:
            phrase = fill_template(measure.phrase, p, a)
            if not phrase:
                continue
            yield Candidate(_shape(measure, a, phrase), description, question=question, outcome_class=cls)
        if usable:
            return


def outcome_key_result(ctx: Context, description: str) -> Iterator[Candidate]:
    produced = False
    for candidate in _class_key_results(ctx.analysis, description):
        produced = True
        yield candidate
    if not produced:
        yield from _serving_objective(ctx)
        yield from unsure_key_result(ctx.analysis)


# The objective's verb says it keeps things running or holding steady: no outcome to measure the work against.
_NOT_AN_OUTCOME = frozenset({VerbClass.MAINTENANCE, VerbClass.HOLDING})
_PURPOSE_TAIL = re.compile(r"\s+(?:in order\s+|so as\s+)?to\s+[a-z]+\b.*$", re.IGNORECASE)


def _serving_objective(ctx: Context) -> Iterator[Candidate]:
    """A key result whose work has no class of its own, measured by what its objective is for (003: key results
    say how you know the objective is met): an objective that is itself work of a known class gives that class's
    outcome ("Launch the new customer portal" -> the share of customers who use it); an objective that changes
    something names what to measure ("Improve the company cash flow" -> "Increase <a measure of the company cash
    flow>"); any other objective is the outcome itself ("Get our candidate elected"). The coach's question ties
    the author's work to it."""
    objective = ctx.objective_analysis
    main = ctx.analysis.main
    work = work_phrase(main, ctx.analysis) if main is not None else None
    if objective is None or work is None or states_an_outcome(ctx.analysis):
        return
    personal = is_personal(ctx.analysis)
    doing = second_person(work.ing) if personal else work.ing
    description = "Measure what the objective is for; the work is how you get there."
    goal = objective.main
    if goal is None or goal.classes & _NOT_AN_OUTCOME or goal.negated:
        return
    changes = VerbClass.CHANGE in goal.classes
    if not changes and not (
        goal.copular or goal.causative
    ):  # "Become the market leader" is a state, not work
        produced = False
        for candidate in _class_key_results(objective, description):
            produced = True
            yield replace(candidate, question=f"How does {doing} help? {_NOTICE_OBJECTIVE}")
        if produced:
            return
    if changes and goal.object is not None and not goal.object_is_prepositional:
        # everything after the verb, so that "Improve how we forecast" keeps its "how"
        measured = without_time(objective.text[goal.end :].strip(), objective)
        if (
            goal.purpose
        ):  # "… accuracy to support growth": the purpose is the objective's why, not its measure
            measured = _PURPOSE_TAIL.sub("", measured)
        if is_people(goal.object):
            measured = (
                f"{gerund(goal.verb)} {measured}"  # "scaling the engineering team", not the team itself
            )
        verb = "Reduce" if moves_down(goal.verb) else "Increase"
        asked = uncapital(measured)
        asked = second_person(asked) if personal or is_personal(objective) else asked
        yield Candidate(
            f"{verb} <a measure> of {uncapital(measured)} from <baseline> to <target>",
            description,
            # the question speaks to the author: "my career" is "your career", as "my manager" is in {doing}
            question=f"Which measure of {asked} should {doing} move, and where is it today?",
        )
        return
    goal_work = work_phrase(goal, objective)
    if goal_work is None:
        return
    wanted = without_time(goal_work.ing, objective)
    if len(wanted.split()) < 2:
        return  # "Keep running": a verb alone names no outcome to measure
    wanted = second_person(wanted) if is_personal(objective) else wanted
    yield Candidate(
        f"Increase <a measure> of {wanted} from <baseline> to <target>",
        description,
        question=f"How will you know {doing} helps with {wanted}? Which number would show it, and where is it today?",
    )


# ---------------------------------------------------------------------------------------------- generators
def outcome_from_output(ctx: Context) -> Iterator[Candidate]:
    """K203/K207: the outcome the work is for (website -> conversion rate of the website)."""
    yield from outcome_key_result(ctx, "Measure what the work is for, not the work; keep the work as a plan.")


def outcome_from_activity(ctx: Context) -> Iterator[Candidate]:
    """K204: measure what the counted work changes (posts -> audience reached; meetings -> follow-ups)."""
    yield from outcome_key_result(ctx, "Count the effect of the work, not how much of it you do.")


def add_target(ctx: Context) -> Iterator[Candidate]:
    """K202: keep the author's direction and measure, add the baseline and target."""
    a = ctx.analysis
    for p in a.predicates:
        obj = p.object
        if obj is None:
            continue
        if p.causative or (output_class(p) is not None and not obj.classes & {"metric"}):
            yield from outcome_key_result(ctx, "Say how much: the outcome of the work, with a target.")
            return
        drivers = outcome_map().kpi_drivers.get(obj.head.lower(), ())
        if drivers and not obj.classes & {"metric"}:  # "Improve SEO": the measure SEO is for (003:80)
            for driver in drivers:
                measure = Measure(measure=driver)
                yield Candidate(
                    _shape(measure, a, measure.phrase), "Say how much: the measure this work moves."
                )
            return
        phrase = metric_phrase(obj, a, p.span_end)
        if phrase:
            down = moves_down(p.verb) or obj.head in {"time", "cost", "churn", "ticket", "bug", "error"}
            verb = (
                capital(p.verb_text.lower())
                if "change" in p.classes
                and p.verb not in {"improve", "enhance", "optimize", "optimise", "boost", "better"}
                else ("Reduce" if down else "Increase")
            )
            yield Candidate(
                f"{verb} {phrase} from <baseline> to <target>",
                "Say how much: the same direction, with a target.",
            )
            return
    yield from outcome_key_result(ctx, "Say what you will measure and by how much.")


def add_metric(ctx: Context) -> Iterator[Candidate]:
    """K201/K205: give the statement a number, in the author's words where possible."""
    a = ctx.analysis
    main = a.main
    if (
        main is not None
        and "learning" in main.classes
        and main.object is not None
        and main.object.start > main.start
        and predicate_leads(main, a)
    ):
        # "Survey our customers …" -> "Survey <number> of our customers …": count the learning
        obj = main.object
        insert = "<number> of " if a.text[obj.start :].lower().startswith(DETERMINERS) else "<number> "
        yield Candidate(
            capital(a.text[: obj.start] + insert + a.text[obj.start :]),
            "Say how many: a learning key result needs a count.",
            outcome_class="research",
        )
        return
    if main is not None and main.classes & {"change", "attain"} and main.object is not None:
        yield from add_target(ctx)
        return
    if main is not None:
        yield from outcome_key_result(ctx, "Measure what the work is for, with a number.")
        return
    nouns = [n for n in a.nouns if n not in {"increase", "decrease", "improvement", "growth"}]
    # An owner's tag before a line the parse could not read ("CEO: Define the company strategy"): its nouns
    # strung together say nothing ("ceo company strategy"), and the coach's question is the better answer.
    if nouns and not OWNER_TAG.match(a.text):
        # "an increase in customer satisfaction" -> "Increase customer satisfaction from <baseline> to <target>"
        match = re.search(r"\b(?:in|of)\s+(.+)$", a.text)
        phrase = match.group(1).rstrip(" .") if match else " ".join(nouns)
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
            f"{before[:-3]} from <baseline> to {a.text[target.start :]}".rstrip(" ."),
            "Record where you start.",
        )


def _kpi_phrase(a: StatementAnalysis) -> tuple[str, Phrase] | None:
    main = a.main
    if main is not None and main.object is not None:
        return metric_phrase(main.object, a, main.object.end), main.object
    return None


def kpi_driver(ctx: Context) -> Iterator[Candidate]:
    """K206/K211: a narrower outcome that drives the KPI (net revenue retention -> churned revenue), or, when
    no driver is known, the question that finds one, with the KPI in the author's words."""
    a = ctx.analysis
    found = _kpi_phrase(a)
    if found is None:
        yield from outcome_key_result(ctx, "Find the outcome that moves this number, trackable every week.")
        return
    kpi, obj = found
    drivers = outcome_map().kpi_drivers
    description = "Find the outcome that moves this number, trackable every week."
    question = f"What moves {kpi} that the team can change every week?"
    for key in (obj.counted, obj.head, *obj.modifiers):
        for driver in drivers.get((key or "").lower(), ()):
            measure = Measure(measure=driver.replace("{x}", strip_determiner(kpi)))
            yield Candidate(_shape(measure, a, measure.phrase), description, question=question)
        if drivers.get((key or "").lower()):
            return
    yield Candidate(
        f"Increase <the weekly driver> of {strip_determiner(kpi)} from <baseline> to <target>",
        description,
        question=question,
    )
