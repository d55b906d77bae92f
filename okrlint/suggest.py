"""Rewrite suggestions: on the author's subject, in the author's words, honest when unsure, always re-linted.

For each finding, a generator (chosen by the rule's ``suggestion.template``) proposes candidate rewrites from the
StatementAnalysis. Work ("Launch the new website", "Hire 2 senior backend engineers") is mapped by its *class*
of output (``okrlint.outcome_map``: content, a site, a release, hiring, training, research, a migration,
documentation, outreach, a process, a purchase) to the outcome that class is for, named with the author's own
object ("Increase the conversion rate of the new website from <baseline> to <target>"). When no class fits, the
rewrite says so: "Increase <the result> of keeping the office clean from <baseline> to <target>",
with the coach's question "Why keep the office clean? ..." beside it. Unknown numbers are visible placeholders,
never invented. Every candidate is linted again (placeholders filled with samples) and kept only when it raises
no warning or error. A worked example from ``corpus/`` is cited only when it is about the same class of work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from okrlint import placeholders
from okrlint.analysis import Phrase, Predicate, Quantity, StatementAnalysis
from okrlint.analysis.classes import VerbClass
from okrlint.corpus import CorpusStatement, load_corpus, similarity, words
from okrlint.lexicons import default_lexicon
from okrlint.models import Applicability, Category, Finding, Span, StatementKind, Suggestion
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

if TYPE_CHECKING:
    from okrlint.api import Linter

PLACEHOLDERS = {"<baseline>": "40", "<target>": "60", "<number>": "12", "<who>": "our customers"}
# A placeholder that stands for a phrase the author must choose ("<the result>", "<a measure>"), as the readers
# recognise it: filled with a sample measure when the rewrite is re-linted.
_PHRASE_SAMPLE = "customer satisfaction"
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS) + "|" + placeholders.PHRASE)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_DETERMINERS = ("the ", "a ", "an ", "our ", "my ", "their ", "your ", "its ", "this ", "these ", "those ")
_COMPARATIVES = frozenset(
    {"more", "better", "higher", "faster", "greater", "bigger", "less", "fewer", "lower"}
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
_RATE_WORDS = ("rate", "score", "time", "share", "average", "%", "size", "monthly", "weekly", "daily", "per ")
_MAX_SUGGESTIONS = 2
_VERDICT_CACHE_SIZE = 8_192
_NOTICE = "Who will notice when it's done, and what will they notice?"
_NOTICE_OBJECTIVE = "Which number shows the objective moving, and where is it today?"
_UNKNOWN_TOPIC = "<what you need to learn>"
_PRONOUNS = frozenset({"that", "this", "it", "them", "these", "those", "one", "ones", "which"})
_NEW_CLAUSE = re.compile(
    r"\s*(?:,\s*)?\b(?:and|but)\s+(?:they|we|i|he|she|it|you)\b.*$", re.IGNORECASE | re.DOTALL
)
_WH = re.compile(r"\b(?:how|what|whether|why|where|when|which|who)\b", re.IGNORECASE)
_RATE_TAIL = re.compile(r"\s*(?:per|a|an|each|every)\s+(?:day|week|month|quarter|year)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    description: str
    question: str | None = None
    key_result: str | None = None
    outcome_class: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a generator may use: the finding, the statement's analysis, its objective's text."""

    finding: Finding
    analysis: StatementAnalysis
    kind: StatementKind
    objective: str | None
    whole: Span  # a rewrite replaces the whole statement, not just the flagged words
    # The objective's own analysis, when a key result has one: what the key result's work is for
    objective_analysis: StatementAnalysis | None = None


def fill(text: str) -> str:
    """The text with sample numbers and phrases in place of placeholders, for re-linting."""
    return _PLACEHOLDER_RE.sub(lambda m: PLACEHOLDERS.get(m.group(0), _PHRASE_SAMPLE), text)


def has_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER_RE.search(text))


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "") for n in _DIGITS.findall(text)}


def templatize(text: str) -> str:
    """A worked example with its numbers turned into placeholders ("from 15 to 25%" -> "from <baseline> to
    <target>%"), so that it can be shown without putting the guide's numbers in the author's mouth."""
    out = re.sub(r"\bfrom\s+[$€£]?\d[\d,.]*\s*(?:[a-zA-Z%]+\s+)?to\s+", "from <baseline> to ", text)
    out = re.sub(r"(?:[>≥]\s?)?[$€£]?\d[\d,.]*(?:k\b|K\b)?(?:/\d+)?", "<target>", out)
    return re.sub(r"<target>(\s*(?:out of|/)\s*)<target>", r"<target>\1<target>", out)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _uncapital(text: str) -> str:
    """A sentence start in lower case, unless the first word is a name or an acronym ("EMEA", "eNPS")."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() and first != "I" else text


def _strip_determiner(text: str) -> str:
    lowered = text.lower()
    for det in _DETERMINERS:
        if lowered.startswith(det):
            return text[len(det) :]
    return text


def _one_spaced(text: str) -> str:
    """Runs of whitespace as one space: patterns that start or end with ``\\s*`` stay linear on long runs."""
    return " ".join(text.split())


# Compiled once: _tidy and _stems run for every candidate rewrite (tens of thousands of calls on a large file)
_SPACE_RUN = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")
_STEM_WORD = re.compile(r"[a-z][a-z0-9-]+")
_STEM_ENDING = re.compile(r"(?:ing|ed|es|s|e)$")


def _tidy(text: str) -> str:
    """One space between words, none before punctuation, no dangling comma or preposition at the end."""
    text = _SPACE_RUN.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    return text.strip(" ,;:")


# ------------------------------------------------------------------------------------------ author's words
def _metric_phrase(obj: Phrase, a: StatementAnalysis, end: int | None = None) -> str:
    """The author's noun phrase for what is measured, without numbers or "more"/"better"; ``end`` extends it to
    the end of the verb phrase ("our time to resolution")."""
    stop = max(obj.end, end or 0)
    text = a.text[obj.start : stop]
    for q in sorted(a.quantities, key=lambda q: q.start, reverse=True):  # "five accounts" -> "accounts"
        if obj.start <= q.start and q.end <= stop:
            text = text[: q.start - obj.start] + text[q.end - obj.start :]
    kept = [
        w
        for w in text.split()
        if w.lower() not in _COMPARATIVES and w.lower() not in {"percent", "%"} and not _DIGITS.search(w)
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
        if _DIGITS.search(word) or lowered in drop or f"{lowered} " in _DETERMINERS:
            continue
        out.append(word.strip(",;"))
    return out


def _artifact_phrase(obj: Phrase, a: StatementAnalysis, destination: str | None = None) -> str:
    """The author's phrase for the thing, with "the" or "our" in front: "the new website", "the services on
    Kubernetes". A short tail after the head stays ("videos for youtube"); a long or numbered one is cut."""
    tail = a.text[obj.head_end : obj.end]
    keep_tail = (
        len(tail.split()) <= 3 and not _DIGITS.search(tail) and not obj.counted and not _RATE_TAIL.match(tail)
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
    text = " ".join(w for w in text.split() if not _DIGITS.fullmatch(w))
    text = re.sub(r"^(?:at least|up to|about)\s+", "", text).strip(" ,;.")
    had_quantifier = bool(text.split()) and text.split()[0].lower() in _QUANTIFIERS - {"new"}
    if had_quantifier or obj.counted:
        text = " ".join(_bare_words(obj, a, _QUANTIFIERS - {"new"}))
    text = re.sub(r"^(?:a|an)\s+", "the ", text, flags=re.IGNORECASE)  # once measured, it is a specific thing
    if text.lower().startswith(_DETERMINERS):
        text = text[0].lower() + text[1:]  # "The new website" began the statement; here it is mid-sentence
    possessive = bool(re.match(r"^\S+['’]s\b", text))  # "Facebook's profile page" has its owner
    if not text.lower().startswith(_DETERMINERS) and not possessive:
        text = ("the " if had_quantifier or destination else "our ") + text
    if destination and not re.search(rf"\b{re.escape(destination)}\b", text, re.IGNORECASE):
        # "the migration to AWS" already says where
        text = f"{text} on {destination}"
    return text


def _people_phrase(obj: Phrase, a: StatementAnalysis) -> str:
    """The people named, without count or seniority: "2 senior backend engineers" -> "backend engineers"."""
    return " ".join(_bare_words(obj, a, _QUANTIFIERS | _SENIORITY)) or obj.head


def _topic(obj: Phrase, a: StatementAnalysis) -> str:
    """What a course or a study is about: "an Italian language course" -> "Italian language", "a course on
    email approaches" -> "email approaches"; any other object is its own topic."""
    after = re.match(r"\s*(?:on|about|in|for|of)\s+(.+)$", a.text[obj.head_end :])
    topic = after.group(1).strip(" .,;") if after else " ".join(_bare_words(obj, a, _QUANTIFIERS)[:-1])
    if not after and not topic and output_classes().nouns.get(obj.head) not in {"training", "research"}:
        topic = _strip_determiner(_artifact_phrase(obj, a))
    people = output_classes().people
    if (
        not topic
        or topic.lower() in _PRONOUNS  # "Run that workshop": "that" says nothing of what it teaches
        or _TIMEBOX.fullmatch(f"in {topic}")
        or all(w.lower().rstrip("s") in people for w in topic.split())
    ):
        return (
            _UNKNOWN_TOPIC  # "50 customer interviews", "sessions in Q3": the author has not said about what
        )
    return topic


# What may stand before the action: nothing, a subject, a modal ("We will", "I want to").
_LEAD = re.compile(
    r"^\s*(?:to\s+)?(?:(?:we|i|you|our team|the team)\s+)?(?:(?:will|shall|must|should|can|need to|want to|plan to|aim to|"
    r"are going to|am going to)\s+)?(?:(?!(?:rarely|hardly|barely|scarcely|seldom|only|nearly|early|weekly|monthly|"
    r"daily|quarterly|yearly)\b)[a-z]+ly\s+)?$",  # "Successfully hire …": a manner adverb, not "Rarely miss …"
    re.IGNORECASE,
)


_JOINED_VERB = re.compile(r"(and|or)\s+([a-z]+(?:-[a-z]+)?)\b")


def _is_verb(word: str) -> bool:
    """A verb lemma by lemminflect's dictionary ("market-test": its last part, "test", is one)."""
    from lemminflect import getAllInflections

    return bool(getAllInflections(word.rsplit("-", 1)[-1], upos="VERB"))


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
    if not verb.replace(" ", "").replace("-", "").isalpha() or not _leads(p, a):
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
    rest = _NEW_CLAUSE.sub("", _one_spaced(a.text[cursor:]))
    rest = _tidy(rest.rstrip(" .!?;:"))
    joined_verb = _JOINED_VERB.match(rest)
    if joined_verb and len(base_parts) == 1 and _is_verb(joined_verb.group(2)):
        # a verb joined to the first that the parse did not see ("Develop and market-test a questionnaire")
        base_parts += [joined_verb.group(1), joined_verb.group(2)]
        ing_parts += [joined_verb.group(1), gerund(joined_verb.group(2))]
        rest = rest[joined_verb.end() :]
    if verb in _WANTING and p.object is not None and len(base_parts) == 1:
        # "I want time for myself": what is wanted is having it, not wanting it
        return Work(base=_tidy(f"have {rest}"), ing=_tidy(f"having {rest}"))
    return Work(base=_tidy(" ".join([*base_parts, rest])), ing=_tidy(" ".join([*ing_parts, rest])))


def question_for(work: Work, personal: bool = False) -> str:
    """The coach's "why?" (003: keep asking why) in the author's words; a personal goal is asked about the
    author's own life, not about users or a team."""
    if personal:
        return f"Why {_second_person(work.base)}? {_NOTICE_PERSONAL}"
    return f"Why {work.base}? {_NOTICE}"


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


def _second_person(text: str) -> str:
    """The author's first-person words said back to them ("my job" -> "your job")."""
    return re.sub(
        r"\b(?:I|my|me|myself|mine|am)\b",
        lambda m: _SECOND_PERSON[m.group(0).lower()],
        text,
        flags=re.IGNORECASE,
    )


# A statement that already names a state to reach ("become fitter", "Make more money", "Drivers spend less
# time in low-demand areas"): a comparative in the action, so the question is how to measure it, not why.
_COMPARATIVE_RE = re.compile(r"\b(?:more|less|fewer|better|worse)\b", re.IGNORECASE)


def _is_comparative(word: str) -> bool:
    """A comparative adjective or adverb ("fitter", "healthier", "more"), by lemminflect's inflections."""
    from lemminflect import getInflection, getLemma

    lowered = word.lower()
    if _COMPARATIVE_RE.fullmatch(lowered):
        return True
    if len(lowered) < 4 or not lowered.isalpha() or not lowered.endswith("er"):
        return False  # a regular comparative ends in -er; the irregular ones are listed above
    for lemma in getLemma(lowered, upos="ADJ"):
        if lemma != lowered and lowered in getInflection(lemma, tag="JJR"):
            return True
    return False


def _is_adjective(word: str) -> bool:
    """An adjective ("happy", "boring"), by lemminflect's lemma table."""
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word.lower())


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
        return _tidy(
            f"{verb} the {found.group('thing')} {_uncapital(a.subject.text)} {found.group('verb')}{rest}"
        )
    from lemminflect import getInflection

    done = getInflection(main.verb, tag="VBN")
    return _tidy(f"{verb} the {found.group('thing')} {done[0]}{rest}") if done else None


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
        and _is_adjective(main.complement)
    ):
        return True  # "Make customers happy", "Make releases boring": a state to bring about
    following = a.text[main.end :].split()[:1]
    if not following:
        return False
    word = following[0].strip(".,;")
    if _COMPARATIVE_RE.fullmatch(word):
        return True  # "Make more money", "spend less time"
    return main.verb.lower() in _BECOMING and _is_comparative(word)  # "become fitter", "get healthier"


_BECOMING = frozenset({"become", "get", "feel", "stay", "be", "look", "grow"})


def _outcome_measure(a: StatementAnalysis, kind: StatementKind) -> Iterator[Candidate]:
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
        doing = f"{_uncapital(a.subject.text)} {doing}"  # "Drivers spend less time" keeps its drivers
    own = doing  # the rewrite speaks in the author's voice, the question to them
    doing = _second_person(doing)
    question = f"How would you measure {doing}? Which number would show it, and where is it today?"
    if kind is StatementKind.OBJECTIVE:
        stated = a.subject is not None and a.subject.end <= main.start and main.verb not in _WANTING
        said = a.text.rstrip(" .") if stated else work.base
        yield Candidate(
            f"{_capital(_tidy(said))}, as shown by <a measure of {_without_time(own, a)}>",
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


# ---------------------------------------------------------------------------------------------- shapes
def _shape(measure: Measure, a: StatementAnalysis, phrase: str) -> str:
    """ "Increase <measure> from <baseline> to <target> [unit]", keeping the author's period ("per week") when
    the measure does not carry its own."""
    if measure.learning:
        return _capital(phrase)
    verb = "Reduce" if measure.down else "Increase"
    unit = f" {measure.unit}" if measure.unit else ""
    period = ""
    if a.rate_period and not any(w in phrase for w in _RATE_WORDS) and not measure.unit:
        period_unit = a.rate_period.removesuffix("ly") if a.rate_period.endswith("ly") else a.rate_period
        period = f" per {'day' if period_unit == 'dai' else period_unit}"
    return f"{verb} {phrase} from <baseline> to <target>{unit}{period}"


def _fill_template(template: str, p: Predicate, a: StatementAnalysis) -> str:
    obj = p.object
    if obj is None:
        return template
    x = _artifact_phrase(obj, a, p.destination_name)
    if "{x}" in template and (
        not _strip_determiner(x).strip() or re.match(r"(?:of|for|to|in|on)\b", _strip_determiner(x))
    ):
        return ""  # "Migrate X% of workloads": nothing left to name once the number is gone
    topic = _topic(obj, a)
    if topic == _UNKNOWN_TOPIC and "proficiency" in template:
        topic = "<the skill trained>"  # a course or training whose subject the author has not named
    # a learning key result keeps the author's way of asking ("Survey", "Interview"); other work is asked by interview
    asking = (
        p.verb
        if output_classes().verbs.get(p.verb.lower()) == "research" and " " not in p.verb
        else "interview"
    )
    values = {"x": x, "people": _people_phrase(obj, a), "topic": topic, "asking": gerund(asking)}
    return _tidy(re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template))


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


# Who owns the line, before its action: "OWNER - Implement …", "CLO - Contracts: Create …"
_OWNER_TAG = re.compile(r"^\s*[A-Z]{2,}(?:\s*[-–]\s*[A-Z][\w ]{0,30}?)?\s*[-–:]\s+")


def _leads(p: Predicate, a: StatementAnalysis) -> bool:
    """The predicate is the statement's action: nothing but a subject or a modal before it ("We will …",
    "Each team member presents …")."""
    before = _OWNER_TAG.sub("", a.text[: p.start], count=1)
    if a.subject is not None and a.subject.end <= p.start:
        before = a.text[a.subject.end : p.start]
    words = before.split()
    if words and " " in p.verb and words[-1].lower() == p.verb.split(" ", 1)[0]:
        before = before[: before.lower().rindex(words[-1].lower())]  # "Get rid of …": the verb's first word
    return bool(_LEAD.match(before))


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
            if _leads(p, a):
                out.append(p)
        elif re.search(r"(?:\band|\bor|,)\s*$", a.text[_phrase_end(out[-1], p) : p.start]):
            out.append(p)
    return out


def _serves_people(obj: Phrase) -> bool:
    """A thing named by the people it serves ("customer portal", "member area", "partner site")."""
    people = output_classes().people
    return any(m.lower() in people for m in obj.modifiers)


def _classified(a: StatementAnalysis) -> Iterator[tuple[Predicate, str]]:
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


def _unsure_key_result(a: StatementAnalysis) -> Iterator[Candidate]:
    """No class fits: the coach's question, and the shape of an answer with the author's work in it."""
    if states_an_outcome(a):
        yield from _outcome_measure(a, StatementKind.KEY_RESULT)
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
                        yield _reached_outcome(a, measure, _fill_template(measure.phrase, made, a), cls)
        elif reached and _launched(state.group(0)):
            # the parse read the thing as a verb ("feature x has been released"): its words still name a class
            yield from _reached_by_words(a, a.text[: state.start()].strip())
        if state is None and a.nouns and (main is None or not _leads(main, a)):
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
            said = _tidy(re.sub(r"\b(is|are)\s+now\s+", r"\1 ", _uncapital(a.text.rstrip(" ."))))
            yield Candidate(
                f"Increase <the result you expect>, now that {said}, from <baseline> to <target>",
                "Name the result this work is for, and measure that; keep the work as a plan.",
                question=f"Why does it matter that {said}? {_NOTICE}",
            )
        return
    personal = is_personal(a)
    doing = _without_counts(work.ing, a)  # the result of the work, not of how much of it ("3 workshops")
    yield Candidate(
        f"Increase <the result> of {_second_person(doing) if personal else doing} from <baseline> to <target>",
        "Name the result this work is for, and measure that; keep the work as a plan.",
        question=question_for(work, personal),
    )


# Marks around a named deliverable that are not part of its name: a priority ("P1"), a status aside ("(WIP)")
_NOT_THE_NAME = re.compile(r"\s*\([^()]*\)|\s+\bP[0-4]\b|\s*[-–:]\s*$", re.IGNORECASE)


def _launched(state: str) -> bool:
    """The state is a thing put out ("has been released", "is live"), of the binary verb class: its use is what
    follows, whereas "are prioritized" or "is documented" say nothing of who uses what."""
    from lemminflect import getLemma

    participle = state.split()[-1].lower()
    binary = default_lexicon().verbs.get("binary", frozenset())
    if {participle[:-1], participle[:-2]} & binary:
        return True  # "released", "launched": the regular forms need no dictionary
    lemmas = getLemma(participle, upos="VERB") or (participle,)
    return bool(set(lemmas) & binary)


def _named_thing(a: StatementAnalysis) -> str | None:
    """A verbless statement's thing, as the author named it ("the integration tests for that library")."""
    text = _NOT_THE_NAME.sub("", _one_spaced(_OWNER_TAG.sub("", a.text, count=1))).strip(" .;:")
    if not text or len(text.split()) > 12 or _DIGITS.search(text):
        return None
    opening = text.split()[0].lower()
    if opening.endswith("ly") or opening in {"ever", "never", "always"} or _is_verb(opening):
        return None  # "Hardly ever deploy on Fridays", "Define the company strategy": an action, misparsed
    first = text.split()[0]
    if not first.lower().startswith(_DETERMINERS) and first.lower() not in {"a", "an", "the"}:
        text = f"the {_uncapital(text) if not first.isupper() else text}"
    return _tidy(text)


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
        yield _reached_outcome(a, measure, measure.phrase.replace("{x}", _uncapital(thing)), cls)


def _reached_outcome(a: StatementAnalysis, measure: Measure, phrase: str, cls: str) -> Candidate:
    """The measure of what a thing put out is for, asked why it matters that it is out."""
    return Candidate(
        _shape(measure, a, phrase),
        "Measure what the work is for, not that it is done.",
        question=f"Why does it matter that {_tidy(_uncapital(a.text.rstrip(' .')))}? {_NOTICE}",
        outcome_class=cls,
    )


def _article_for(initial: str) -> str:
    return "an " if initial.lower() in "aeiou" else "a "


def _no_longer(doing: str) -> str:
    """ "stopping buying too much stuff" -> "no longer buying too much stuff": giving something up, said plainly."""
    return re.sub(r"^(?:stopping|quitting|ceasing)\s+(?=\w+ing\b)", "no longer ", doing, flags=re.IGNORECASE)


def _without_counts(phrase: str, a: StatementAnalysis) -> str:
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
                rf"(?<!\w){re.escape(q.text)}\s+(?=(\w))",
                lambda m, one=one: _article_for(m.group(1)) if one else "",
                phrase,
                count=1,
            )
        elif q.marker == "than":  # a condition ("bugs older than 30 days"): the threshold is the key result's
            unit = rf"(?:\s+{re.escape(q.unit)})?" if q.unit else ""
            phrase = re.sub(rf"\s+\w+\s+than\s+{re.escape(q.text)}{unit}(?!\w)", "", phrase, count=1)
    return phrase


# A statement in the perfect or the passive ("feature x has been released"): a state, with no action to ask why of.
_STATE = re.compile(r"\b(?:(?:has|have|had)\s+been\s+\w+|(?:is|are)\s+(?:now\s+)?[a-z]+ed)\b", re.IGNORECASE)


def _unsure_objective(a: StatementAnalysis, key_result: str | None = None) -> Iterator[Candidate]:
    if states_an_outcome(a):
        yield from _outcome_measure(a, StatementKind.OBJECTIVE)
        return
    main = a.main
    work = work_phrase(main, a) if main is not None else None
    if work is None:
        return
    doing = _no_longer(work.ing)
    if is_personal(a):
        yield Candidate(
            f"Achieve <what you would notice in your own life> through {_without_counts(doing, a)}",
            "Say what should be different in your life when this is done; the work itself is a plan.",
            question=question_for(work, personal=True),
            key_result=key_result,
        )
        return
    plain = _without_counts(doing, a)
    if key_result is None and plain != doing:
        key_result = _capital(a.text.rstrip(" ."))  # the count or condition taken out is the key result's
    yield Candidate(
        f"Achieve <the change you expect> through {plain}",
        "Say what should be different when the work is done; the work itself is a plan.",
        question=question_for(work),
        key_result=key_result,
    )


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
        x = _artifact_phrase(p.object, a, p.destination_name)
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
    for p, cls in _classified(a):
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
            phrase = _fill_template(measure.phrase, p, a)
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
        yield from _unsure_key_result(ctx.analysis)


# The objective's verb says it keeps things running or holding steady: no outcome to measure the work against.
_NOT_AN_OUTCOME = frozenset({VerbClass.MAINTENANCE, VerbClass.HOLDING})
_PURPOSE_TAIL = re.compile(r"\s+(?:in order\s+|so as\s+)?to\s+[a-z]+\b.*$", re.IGNORECASE)
# The verbs of the lexicon's change class that move a measure down
_DOWN_VERBS = frozenset(
    {
        "reduce",
        "decrease",
        "lower",
        "cut",
        "shorten",
        "minimize",
        "minimise",
        "halve",
        "drop",
        "decline",
        "shrink",
        "slash",
        "eliminate",
        "drive down",
        "bring down",
        "go down",
        "come down",
        "fall",
    }
)


def _without_time(text: str, a: StatementAnalysis) -> str:
    """``text`` without the statement's time expressions ("… roadmap in Q3" -> "… roadmap")."""
    text = _PERIOD_AHEAD.sub("", _one_spaced(text))
    for t in a.time_expressions:
        said = a.text[t.start : t.end]
        text = re.sub(
            rf"\s*(?:\b(?:in|by|during|for|before|until|this|within|over)\s+)?(?:the\s+(?:next|coming)\s+)?"
            rf"{re.escape(said)}",
            "",
            text,
        )
    return _tidy(text.rstrip(" .,;"))


# "in the next 12 months", "within the coming year": a period counted from now
_PERIOD_AHEAD = re.compile(
    r"\s*\b(?:in|within|over|during|for)\s+the\s+(?:next|coming)\s+(?:\d+\s+)?(?:days?|weeks?|months?|quarters?|"
    r"years?)\b",
    re.IGNORECASE,
)


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
    doing = _second_person(work.ing) if is_personal(ctx.analysis) else work.ing
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
        measured = _without_time(objective.text[goal.end :].strip(), objective)
        if (
            goal.purpose
        ):  # "… accuracy to support growth": the purpose is the objective's why, not its measure
            measured = _PURPOSE_TAIL.sub("", measured)
        if is_people(goal.object):
            measured = (
                f"{gerund(goal.verb)} {measured}"  # "scaling the engineering team", not the team itself
            )
        verb = "Reduce" if goal.verb in _DOWN_VERBS else "Increase"
        yield Candidate(
            f"{verb} <a measure> of {_uncapital(measured)} from <baseline> to <target>",
            description,
            question=f"Which measure of {_uncapital(measured)} should {doing} move, and where is it today?",
        )
        return
    goal_work = work_phrase(goal, objective)
    if goal_work is None:
        return
    wanted = _without_time(goal_work.ing, objective)
    if len(wanted.split()) < 2:
        return  # "Keep running": a verb alone names no outcome to measure
    wanted = _second_person(wanted) if is_personal(objective) else wanted
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
        phrase = _metric_phrase(obj, a, p.span_end)
        if phrase:
            down = p.verb in _DOWN_VERBS or obj.head in {"time", "cost", "churn", "ticket", "bug", "error"}
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
        and _leads(main, a)
    ):
        # "Survey our customers …" -> "Survey <number> of our customers …": count the learning
        obj = main.object
        insert = "<number> of " if a.text[obj.start :].lower().startswith(_DETERMINERS) else "<number> "
        yield Candidate(
            _capital(a.text[: obj.start] + insert + a.text[obj.start :]),
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
    if nouns:
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
        return _metric_phrase(main.object, a, main.object.end), main.object
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
            measure = Measure(measure=driver.replace("{x}", _strip_determiner(kpi)))
            yield Candidate(_shape(measure, a, measure.phrase), description, question=question)
        if drivers.get((key or "").lower()):
            return
    yield Candidate(
        f"Increase <the weekly driver> of {_strip_determiner(kpi)} from <baseline> to <target>",
        description,
        question=question,
    )


def _class_objectives(a: StatementAnalysis, description: str) -> Iterator[Candidate]:
    for p, cls in _classified(a):
        if p.object is None or not class_fits(p, cls, a):
            continue
        entry = outcome_map().classes[cls]
        if entry.objective is None:
            continue  # the class has no objective of its own (a plan's is the author's to name)
        template = entry.objective_for(is_people(p.object))
        if template is None:
            continue
        work = work_phrase(p, a)
        text = _capital(_fill_template(template, p, a))
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
        yield from _unsure_objective(ctx.analysis)


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
    text = _tidy(text.rstrip(" ."))
    return re.sub(r"\s+(?:up|down|more|less|and|in|this|per|or more|or less)$", "", text)


def _customers_change(
    verb: str, subject: str, timebox: str, key_result: str | None, by_team: bool = False
) -> Candidate:
    """A KPI can still read as a KPI without its number ("Grow revenue"): the objective is then the KPI moved by
    a change in what customers do, which the author names; the coach's question asks for it. A number the team's
    own work makes (bugs, cycle time, service hours) is moved by a change in how the team works instead."""
    if by_team:
        return Candidate(
            _tidy(f"{_capital(verb)} {subject} with <the change in how the team works> {timebox}"),
            "Name the change in how the team works that would move this number; the number is a key result.",
            question=f"What would the team do differently that would {verb.lower()} {subject}? That change is the objective.",
            key_result=key_result,
        )
    return Candidate(
        _tidy(f"{_capital(verb)} {subject} with <the change in what customers do> {timebox}"),
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
        key_result = _capital(a.text.rstrip(" .")) if target else None
        moves_kpi = (
            main.verb in _CHANGE_VERBS
            and main.object is not None
            and bool(main.object.classes & {"metric", "kpi_volume"})
        )
        if not moves_kpi or is_personal(a):
            # "Process 500 tickets", "Sign five accounts", "I will run 10k": work with a count, not a change;
            # the count is the key result and the objective is what the work is for
            yield from _unsure_objective(a, key_result=key_result)
            return
        subject = _strip_determiner(_metric_phrase(main.object, a, main.object.end))
        after_verb = (
            rest[len(main.verb_text) :].strip() if rest.lower().startswith(main.verb_text.lower()) else ""
        )
        lead_in = (
            after_verb[: after_verb.find(subject)].split() if subject and subject in after_verb else None
        )
        if lead_in and len(lead_in) <= 2 and lead_in[-1].lower() not in {"of", "in", "for", "with", "by"}:
            # the parse can leave a noun modifier out of the object ("onboarding completion rate")
            subject = _strip_determiner(" ".join([*lead_in, subject]))
        timebox_match = _TIMEBOX.search(a.text)
        timebox = timebox_match.group(0) if timebox_match else ""
        kept = Candidate(
            _capital(rest),
            description,
            question=f"What would change for customers if you {_uncapital(rest)}? That change is the objective.",
            key_result=key_result,
        )
        if _MEANS.search(_one_spaced(rest)):
            yield kept  # "…, using careful beta testing": the author already named how, keep it
        yield _customers_change(main.verb, subject, timebox, key_result, _made_by_the_team(a))
        yield kept
        return
    if main is not None and main.object is not None:
        obj = main.object
        subject = _metric_phrase(obj, a, obj.end)
        subject = re.sub(r"^(?:the|our)\s+", "", _strip_determiner(subject)) or obj.text
    else:
        subject = " ".join(w for w in rest.split() if w.lower() not in {"up", "down", "more", "less"})
        subject = re.sub(r"\s+(?:is|are|of|by|to)$", "", subject)
    subject = _tidy(re.sub(r"\s+(?:by|to|from|of|at|above|below|under|over)$", "", subject))
    if not subject:
        return
    subject = _uncapital(subject)  # "Sales" -> "sales"; "EMEA" stays
    timebox_match = _TIMEBOX.search(a.text)
    timebox = timebox_match.group(0) if timebox_match else ""
    heads = {(main.object.head if main and main.object else ""), *a.nouns}
    down = bool(heads & _DOWN_HEADS) or bool(main and main.verb in _DOWN_VERBS)
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
    grown = _tidy(f"{'Reduce' if down else 'Grow'} {subject} {timebox}")
    yield Candidate(
        grown,
        description,
        question=f"What would change for customers if you {_uncapital(grown)}? That change is the objective.",
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
_TIMEBOX = re.compile(
    r"\b(?:this|next)\s+(?:quarter|year|month|half|cycle)\b|\b(?:in|by|during|for)\s+(?:Q[1-4]|H[12]|FY\s?\d{2,4})"
    r"(?:\s*\d{4})?\b",
    re.IGNORECASE,
)


def objective_without_number(ctx: Context) -> Iterator[Candidate]:
    """O103: the change behind the number, the number moved to a suggested key result."""
    if _targets(ctx.analysis):  # "older than 30 days" is a condition, not a target to move
        yield from _kpi_objectives(ctx.analysis)


def _hedge_in_finding(ctx: Context) -> tuple[str, str] | None:
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
    plural = obj is not None and _is_plural(a.text[end : obj.end].split()[-1])
    # no article before a determiner ("something like a referral program") or a lone word ("kind of famous")
    bare = not following or plural or following in {"a", "an", "the", "our", "my", "their", "your", "its"}
    bare = bare or len(a.text[end:].split()) == 1
    article = "" if bare else _article_for(following[:1]).strip()
    return hedged, article


def _base_form(verb: str) -> str:
    """A verb's base form from its inflection ("buying" -> "buy"), by lemminflect."""
    from lemminflect import getLemma

    lemmas = getLemma(verb.lower(), upos="VERB")
    return lemmas[0] if lemmas else verb.lower()


def _is_plural(word: str) -> bool:
    """A plural noun ("programs"), by lemminflect's lemma."""
    from lemminflect import getLemma

    lemmas = getLemma(word.lower().strip(".,;"), upos="NOUN")
    return bool(lemmas) and lemmas[0] != word.lower().strip(".,;")


def _decided(text: str, hedge: tuple[str, str]) -> str:
    """The text with the hedge replaced by a plain article ("some sort of new product" -> "a new product")."""
    hedged, article = hedge
    return _tidy(re.sub(re.escape(hedged), article, text, count=1, flags=re.IGNORECASE))


def objective_decided(ctx: Context) -> Iterator[Candidate]:
    """O108 on a hedge ("Create some sort of new product"): the objective as the author would say it once decided
    ("Create a new product"), with the question that decides it; other vague terms get the usual rewrites."""
    hedge = _hedge_in_finding(ctx)
    if hedge is not None:
        decided = _capital(_decided(ctx.analysis.text.rstrip(" ."), hedge))
        main = ctx.analysis.main
        thing = _decided(main.object.text, hedge) if main is not None and main.object is not None else None
        question = (
            f"Which {_strip_determiner(thing)} exactly, for whom, and what should it change for them?"
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
        x = _artifact_phrase(objects[-1], a)
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
        return _capital(f"make {_uncapital(too.group('thing'))} less {too.group('quality')}")
    text = _SUBJECT.sub("", text)
    excess = _STOP_EXCESS.match(text)
    if excess:
        less = "fewer" if excess.group("amount").lower() == "many" else "less"
        return _capital(f"{_base_form(excess.group('verb'))} {less} {excess.group('thing')}")
    shortage = _SHORTAGE.match(text)
    if shortage:
        return _capital(f"{shortage.group('verb').lower()} more {shortage.group('thing')}")
    if re.match(r"(?:stop|avoid|quit|no longer|don't|do not)\b", text, re.IGNORECASE):
        return None  # "Stop buying too much stuff" already turns the problem round
    inversions = outcome_map().problem_inversions
    for marker in sorted(inversions, key=len, reverse=True):
        found = re.search(rf"\b{re.escape(marker)}\b", text, re.I)
        if found:
            turned = text[: found.start()] + inversions[marker] + text[found.end() :]
            return _capital(_tidy(turned))
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
            unsure = _unsure_objective if ctx.kind is StatementKind.OBJECTIVE else _unsure_key_result
            generated.extend(unsure(ctx.analysis))
        seen: set[str] = set()
        unique = []
        original_numbers = numbers_in(ctx.analysis.text)
        hedge = _hedge_in_finding(ctx)
        authors = _authors_words(ctx)
        for c in generated:
            if hedge is not None:
                c = replace(
                    c,
                    text=_capital(_decided(c.text, hedge)),
                    question=_decided(c.question, hedge) if c.question else None,
                )
            text = _tidy(c.text)
            if not text or text.lower() == ctx.analysis.text.lower().rstrip(". ") or text in seen:
                continue
            if not numbers_in(text) <= original_numbers:
                continue  # never put a number in the author's mouth
            if c.outcome_class is not None and not _stems(text) & authors:
                continue  # a class's outcome that names nothing of the author's is worse than none
            seen.add(text)
            unique.append(Candidate(text, c.description, c.question, c.key_result, c.outcome_class))
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
                if positions[i] < len(queue) and len(chosen[i]) < _MAX_SUGGESTIONS
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
