"""The author's words a rewrite is built from: the metric, artefact, people and topic phrases of a statement,
the work it names and the outcome it states.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from okrlint.analysis import Phrase, Predicate, StatementAnalysis
from okrlint.analysis.classes import VerbClass
from okrlint.lexicons import default_lexicon
from okrlint.models import StatementKind
from okrlint.outcome_map import (
    gerund,
    output_class,
    output_classes,
)
from okrlint.suggest.candidate import Candidate
from okrlint.suggest.inflection import (
    IRREGULAR_COMPARATIVE,
    indefinite_article,
    is_adjective,
    is_comparative,
    is_verb,
    past_participle,
)
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

# Words that count or rank the people or things rather than name them ("2 senior engineers", "all services")
_QUANTIFIERS = frozenset(
    {
        "all",
        "every",
        "each",
        "some",
        "any",
        "several",
        "multiple",
        "more",
        "additional",
        "extra",
        "new",
        "few",
    }
)
_SENIORITY = frozenset(
    {"senior", "junior", "lead", "principal", "experienced", "full-time", "part-time", "new"}
)
_PRONOUNS = frozenset({"that", "this", "it", "them", "these", "those", "one", "ones", "which"})
_NEW_CLAUSE = re.compile(
    r"\s*(?:,\s*)?\b(?:and|but)\s+(?:they|we|i|he|she|it|you)\b.*$", re.IGNORECASE | re.DOTALL
)
_RATE_TAIL = re.compile(r"\s*(?:per|a|an|each|every)\s+(?:day|week|month|quarter|year)\b", re.IGNORECASE)


# ------------------------------------------------------------------------------------------ author's words
def metric_phrase(obj: Phrase, a: StatementAnalysis, end: int | None = None) -> str:
    """The author's noun phrase for what is measured, without numbers or "more"/"better"; ``end`` extends it to
    the end of the verb phrase ("our time to resolution")."""
    stop = max(obj.end, end or 0)
    text = a.text[obj.start : stop]
    for q in sorted(a.quantities, key=lambda q: q.start, reverse=True):  # "five accounts" -> "accounts"
        if obj.start <= q.start and q.end <= stop:
            text = text[: q.start - obj.start] + text[q.end - obj.start :]
    comparatives = default_lexicon().words.get("comparative", frozenset())
    kept = [
        w
        for w in text.split()
        if w.lower() not in comparatives and w.lower() not in {"percent", "%"} and not DIGITS.search(w)
    ]
    phrase = re.sub(r"\s*\([^()]*(?:\)|$)", "", " ".join(kept))  # an aside is not the measure's name
    return re.sub(r"\s+(?:by|to|from|of|at|above|below|under|over)$", "", phrase.strip(" ,;."))


def _bare_words(obj: Phrase, a: StatementAnalysis, drop: frozenset[str]) -> list[str]:
    """The object's words up to its head, without determiners, numbers, "%"-counts or the ``drop`` words."""
    start = obj.start
    if obj.counted and obj.head in {"%", "percent"}:  # "100% of eligible customers" -> "eligible customers"
        match = re.search(r"\bof\s+", a.text[obj.start : obj.end])
        if match:
            start = obj.start + match.end()
    text = a.text[start : obj.end if obj.counted else obj.head_end]
    out = []
    for word in text.split():
        lowered = word.lower().strip(",;")
        if DIGITS.search(word) or lowered in drop or f"{lowered} " in DETERMINERS:
            continue
        out.append(word.strip(",;"))
    return out


def artifact_phrase(obj: Phrase, a: StatementAnalysis, destination: str | None = None) -> str:
    """The author's phrase for the thing, with "the" or "our" in front: "the new website", "the services on
    Kubernetes". A short tail after the head stays ("videos for youtube"); a long or numbered one is cut."""
    tail = a.text[obj.head_end : obj.end]
    keep_tail = (
        len(tail.split()) <= 3 and not DIGITS.search(tail) and not obj.counted and not _RATE_TAIL.match(tail)
    )
    end = obj.end if keep_tail else obj.head_end
    while (
        end < len(a.text)
        and a.text[end] in ")]}"
        and a.text[obj.start : end].count(a.text[end]) < sum(a.text[obj.start : end].count(o) for o in "([{")
    ):
        end += 1  # the parse can stop before a closing bracket: "v1 of [product]"
    text = a.text[obj.start : end]
    for q in sorted(a.quantities, key=lambda q: q.start, reverse=True):  # "one new post" -> "new post"
        if obj.start <= q.start and q.end <= end:
            text = text[: q.start - obj.start] + text[q.end - obj.start :]
    text = " ".join(w for w in text.split() if not DIGITS.fullmatch(w))
    text = re.sub(r"^(?:at least|up to|about)\s+", "", text).strip(" ,;.")
    had_quantifier = bool(text.split()) and text.split()[0].lower() in _QUANTIFIERS - {"new"}
    if had_quantifier or obj.counted:
        text = " ".join(_bare_words(obj, a, _QUANTIFIERS - {"new"}))
    text = re.sub(r"^(?:a|an)\s+", "the ", text, flags=re.IGNORECASE)  # once measured, it is a specific thing
    if text.lower().startswith(DETERMINERS):
        text = text[0].lower() + text[1:]  # "The new website" began the statement; here it is mid-sentence
    possessive = bool(re.match(r"^\S+['’]s\b", text))  # "Facebook's profile page" has its owner
    if not text.lower().startswith(DETERMINERS) and not possessive:
        text = ("the " if had_quantifier or destination else "our ") + text
    if destination and not re.search(rf"\b{re.escape(destination)}\b", text, re.IGNORECASE):
        # "the migration to AWS" already says where
        text = f"{text} on {destination}"
    return text


def people_phrase(obj: Phrase, a: StatementAnalysis) -> str:
    """The people named, without count or seniority: "2 senior backend engineers" -> "backend engineers"."""
    return " ".join(_bare_words(obj, a, _QUANTIFIERS | _SENIORITY)) or obj.head


def topic_phrase(obj: Phrase, a: StatementAnalysis) -> str:
    """What a course or a study is about: "an Italian language course" -> "Italian language", "a course on
    email approaches" -> "email approaches"; any other object is its own topic."""
    after = re.match(r"\s*(?:on|about|in|for|of)\s+(.+)$", a.text[obj.head_end :])
    topic = after.group(1).strip(" .,;") if after else " ".join(_bare_words(obj, a, _QUANTIFIERS)[:-1])
    if not after and not topic and output_classes().nouns.get(obj.head) not in {"training", "research"}:
        topic = strip_determiner(artifact_phrase(obj, a))
    people = output_classes().people
    if (
        not topic
        or topic.lower() in _PRONOUNS  # "Run that workshop": "that" says nothing of what it teaches
        or TIMEBOX.fullmatch(f"in {topic}")
        or all(w.lower().rstrip("s") in people for w in topic.split())
    ):
        return UNKNOWN_TOPIC  # "50 customer interviews", "sessions in Q3": the author has not said about what
    return topic


# What may stand before the action: nothing, a subject, a modal ("We will", "I want to").
_LEAD = re.compile(
    r"^\s*(?:to\s+)?(?:(?:we|i|you|our team|the team)\s+)?(?:(?:will|shall|must|should|can|need to|want to|plan to|aim to|"
    r"are going to|am going to)\s+)?(?:(?!(?:rarely|hardly|barely|scarcely|seldom|only|nearly|early|weekly|monthly|"
    r"daily|quarterly|yearly)\b)[a-z]+ly\s+)?$",  # "Successfully hire …": a manner adverb, not "Rarely miss …"
    re.IGNORECASE,
)


_JOINED_VERB = re.compile(r"(and|or)\s+([a-z]+(?:-[a-z]+)?)\b")


_WANTING = frozenset({"want", "need", "wish", "desire"})


@dataclass(frozen=True, slots=True)
class Work:
    """The author's piece of work as a verb phrase, in two inflections."""

    base: str  # "migrate all services to Kubernetes"
    ing: str  # "migrating all services to Kubernetes"


def work_phrase(p: Predicate, a: StatementAnalysis) -> Work | None:
    """The predicate's verb phrase in the author's words, to ask "Why <base>?" and to say "from <…ing>".
    Verbs joined to it ("Writing and delivering a plan", "Create a guide and add it to the form") take the
    same form."""
    verb = p.verb.lower()
    if not verb.replace(" ", "").replace("-", "").isalpha() or not predicate_leads(p, a):
        return None  # "feature x has been released": the parse's verb is not the author's action
    particle = verb.partition(" ")[2]
    base_parts, ing_parts = [verb], [gerund(verb)]
    cursor = p.end
    if particle and a.text[cursor:].lower().lstrip().startswith(particle):
        cursor = a.text.lower().index(particle, cursor) + len(particle)
    for other in a.predicates:
        joined = re.search(r"(?:\band|\bor|,)\s*$", a.text[cursor : other.start])
        if (
            other.start < cursor
            or joined is None
            or not other.verb.replace(" ", "").replace("-", "").isalpha()
        ):
            continue
        between = a.text[cursor : other.start]
        base_parts.append(between)
        ing_parts.append(between)
        base_parts.append(other.verb.split(" ")[0])
        ing_parts.append(gerund(other.verb.split(" ")[0]))
        cursor = other.end
    # "… and they share what they learned" is another statement
    rest = _NEW_CLAUSE.sub("", one_spaced(a.text[cursor:]))
    rest = tidy(rest.rstrip(" .!?;:"))
    joined_verb = _JOINED_VERB.match(rest)
    if joined_verb and len(base_parts) == 1 and is_verb(joined_verb.group(2)):
        # a verb joined to the first that the parse did not see ("Develop and market-test a questionnaire")
        base_parts += [joined_verb.group(1), joined_verb.group(2)]
        ing_parts += [joined_verb.group(1), gerund(joined_verb.group(2))]
        rest = rest[joined_verb.end() :]
    if verb in _WANTING and p.object is not None and len(base_parts) == 1:
        # "I want time for myself": what is wanted is having it, not wanting it
        return Work(base=tidy(f"have {rest}"), ing=tidy(f"having {rest}"))
    return Work(base=tidy(" ".join([*base_parts, rest])), ing=tidy(" ".join([*ing_parts, rest])))


def question_for(work: Work, personal: bool = False) -> str:
    """The coach's "why?" (003: keep asking why) in the author's words; a personal goal is asked about the
    author's own life, not about users or a team."""
    if personal:
        return f"Why {second_person(work.base)}? {_NOTICE_PERSONAL}"
    return f"Why {work.base}? {NOTICE}"


# A goal about the author's own life: said in the first person singular, or about a personal subject.
_FIRST_PERSON = re.compile(r"\b(?:i|my|me|myself|mine)\b", re.IGNORECASE)
# A subject that is the author or their team ("I", "We"): not said again in front of a gerund
_PRONOUN_SUBJECT = re.compile(r"(?:i|we|you|our team|the team)", re.IGNORECASE)
_PERSONAL_SUBJECTS = re.compile(
    r"\b(?:health|healthy|fitness|fit|fitter|weight|diet|home|house|job|career|hobby|family|time for myself)\b",
    re.IGNORECASE,
)
_TEAM_WORDS = re.compile(r"\b(?:we|our|us|team|customers?|users?|clients?|company)\b", re.IGNORECASE)
_NOTICE_PERSONAL = "What would you notice in your own life when it's done?"
_SECOND_PERSON = {"i": "you", "my": "your", "me": "you", "myself": "yourself", "mine": "yours", "am": "are"}


def is_personal(a: StatementAnalysis) -> bool:
    """The statement is a personal goal ("Lose my flabby stomach", "become fitter"), not a team's."""
    if _FIRST_PERSON.search(a.text):
        return True
    return bool(_PERSONAL_SUBJECTS.search(a.text)) and not _TEAM_WORDS.search(a.text)


def second_person(text: str) -> str:
    """The author's first-person words said back to them ("my job" -> "your job")."""
    return re.sub(
        r"\b(?:I|my|me|myself|mine|am)\b",
        lambda m: _SECOND_PERSON[m.group(0).lower()],
        text,
        flags=re.IGNORECASE,
    )


# "Drivers spend less time in low-demand areas": how much of a thing, said with a comparative
_LESS_OR_MORE = re.compile(
    r"^(?P<verb>[a-z]+)\s+(?P<amount>less|fewer|more)\s+(?P<thing>[a-z]+)\b(?P<rest>.*)$", re.I
)


def _amount_measured(work: Work, a: StatementAnalysis) -> str | None:
    """The amount a comparative speaks of, as a measure with its direction: "drivers spend less time in
    low-demand areas" -> "Reduce the time drivers spend in low-demand areas"."""
    found = _LESS_OR_MORE.match(work.base)
    main = a.main
    if found is None or main is None or main.verb in _WANTING:
        return None  # "We need more engineers": the amount is of what is wanted, asked about as it stands
    if (
        found.group("thing").lower() not in a.nouns
        and found.group("thing").lower().rstrip("s") not in a.nouns
    ):
        return None  # "Spend less on AWS": "on" is no amount
    verb = "Reduce" if found.group("amount").lower() in {"less", "fewer"} else "Increase"
    rest = found.group("rest")
    if (
        a.subject is not None
        and a.subject.end <= main.start
        and not _PRONOUN_SUBJECT.fullmatch(a.subject.text)
    ):
        return tidy(
            f"{verb} the {found.group('thing')} {uncapital(a.subject.text)} {found.group('verb')}{rest}"
        )
    done = past_participle(main.verb)
    return tidy(f"{verb} the {found.group('thing')} {done}{rest}") if done else None


def states_an_outcome(a: StatementAnalysis) -> bool:
    """The author's action is a change of state with a comparative ("become fitter", "spend less time"), and
    not a piece of work of a known class."""
    main = a.main
    if main is None or output_class(main) is not None:
        return False
    if main.verb in _WANTING and main.object is not None and not main.negated:
        return True  # "I want time for myself": what is wanted is the outcome
    if (
        main.causative
        and VerbClass.HOLDING not in main.classes  # "Keep the office clean" is upkeep, not a change
        and main.object is not None
        and main.complement
        and is_adjective(main.complement)
    ):
        return True  # "Make customers happy", "Make releases boring": a state to bring about
    following = a.text[main.end :].split()[:1]
    if not following:
        return False
    word = following[0].strip(".,;")
    if IRREGULAR_COMPARATIVE.fullmatch(word):
        return True  # "Make more money", "spend less time"
    return main.verb.lower() in _BECOMING and is_comparative(word)  # "become fitter", "get healthier"


_BECOMING = frozenset({"become", "get", "feel", "stay", "be", "look", "grow"})


def outcome_measure(a: StatementAnalysis, kind: StatementKind) -> Iterator[Candidate]:
    """An outcome already: ask how to measure it (002: who does what by how much)."""
    main = a.main
    work = work_phrase(main, a) if main is not None else None
    if work is None:
        return
    doing = work.ing
    if (
        a.subject is not None
        and a.subject.end <= main.start
        and not _PRONOUN_SUBJECT.fullmatch(a.subject.text)
    ):
        doing = f"{uncapital(a.subject.text)} {doing}"  # "Drivers spend less time" keeps its drivers
    own = doing  # the rewrite speaks in the author's voice, the question to them
    doing = second_person(doing)
    question = f"How would you measure {doing}? Which number would show it, and where is it today?"
    if kind is StatementKind.OBJECTIVE:
        stated = a.subject is not None and a.subject.end <= main.start and main.verb not in _WANTING
        said = a.text.rstrip(" .") if stated else work.base
        yield Candidate(
            f"{capital(tidy(said))}, as shown by <a measure of {without_time(own, a)}>",
            "This is already an outcome: say how you will know it happened.",
            question=question,
        )
        return
    amount = _amount_measured(work, a)
    if amount is not None:
        yield Candidate(
            f"{amount} from <baseline> to <target>",
            "This is already an outcome: measure it, with a target.",
            question=question,
        )
    yield Candidate(
        f"Increase <a measure> of {doing} from <baseline> to <target>",
        "This is already an outcome: measure it, with a target.",
        question=question,
    )


# Who owns the line, before its action: "OWNER - Implement …", "CLO - Contracts: Create …"
OWNER_TAG = re.compile(r"^\s*[A-Z]{2,}(?:\s*[-–]\s*[A-Z][\w ]{0,30}?)?\s*[-–:]\s+")


def predicate_leads(p: Predicate, a: StatementAnalysis) -> bool:
    """The predicate is the statement's action: nothing but a subject or a modal before it ("We will …",
    "Each team member presents …")."""
    before = OWNER_TAG.sub("", a.text[: p.start], count=1)
    if a.subject is not None and a.subject.end <= p.start:
        before = a.text[a.subject.end : p.start]
    words = before.split()
    if words and " " in p.verb and words[-1].lower() == p.verb.split(" ", 1)[0]:
        before = before[: before.lower().rindex(words[-1].lower())]  # "Get rid of …": the verb's first word
    return bool(_LEAD.match(before))


def without_time(text: str, a: StatementAnalysis) -> str:
    """``text`` without the statement's time expressions ("… roadmap in Q3" -> "… roadmap")."""
    text = _PERIOD_AHEAD.sub("", one_spaced(text))
    for t in a.time_expressions:
        said = a.text[t.start : t.end]
        text = re.sub(
            rf"\s*(?:\b(?:in|by|during|for|before|until|this|within|over)\s+)?(?:the\s+(?:next|coming)\s+)?"
            rf"{re.escape(said)}",
            "",
            text,
        )
    return tidy(text.rstrip(" .,;"))


# "in the next 12 months", "within the coming year": a period counted from now
_PERIOD_AHEAD = re.compile(
    r"\s*\b(?:in|within|over|during|for)\s+the\s+(?:next|coming)\s+(?:\d+\s+)?(?:days?|weeks?|months?|quarters?|"
    r"years?)\b",
    re.IGNORECASE,
)


TIMEBOX = re.compile(
    r"\b(?:this|next)\s+(?:quarter|year|month|half|cycle)\b|\b(?:in|by|during|for)\s+(?:Q[1-4]|H[12]|FY\s?\d{2,4})"
    r"(?:\s*\d{4})?\b",
    re.IGNORECASE,
)


def moves_down(verb: str) -> bool:
    """A verb of the change class that moves a measure down ("reduce", "cut", "bring down")."""
    return default_lexicon().has_word("downward_change", verb)


def without_counts(phrase: str, a: StatementAnalysis) -> str:
    """The work without how much of it ("processing 500 tickets" -> "processing tickets"): in an objective
    the count belongs to the suggested key result, and an objective carries no number (O103)."""
    for q in a.quantities:
        if q.kind == "count" and q.marker in {"", "at least", "up to", "more than", "over"}:
            phrase = (
                re.sub(rf"\b{re.escape(q.marker)}\s+(?={re.escape(q.text)})", "", phrase)
                if q.marker
                else phrase
            )
            one = q.value == 1  # "1 critical request" is still one thing: "a critical request"
            phrase = re.sub(
                rf"(?<!\w){re.escape(q.text)}\s+(?=(\w+))",
                lambda m, one=one: f"{indefinite_article(m.group(1))} " if one else "",
                phrase,
                count=1,
            )
        elif q.marker == "than":  # a condition ("bugs older than 30 days"): the threshold is the key result's
            unit = rf"(?:\s+{re.escape(q.unit)})?" if q.unit else ""
            phrase = re.sub(rf"\s+\w+\s+than\s+{re.escape(q.text)}{unit}(?!\w)", "", phrase, count=1)
    return phrase
