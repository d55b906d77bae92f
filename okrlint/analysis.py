"""StatementAnalysis: what one statement says, computed once from its dependency parse.

Rules never look at tokens or positions themselves; they read this analysis. All offsets are code-point offsets
into the statement's cleaned text (the engine maps them to file positions).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict

from okrlint.lexicons import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from okrlint.nlp import EnglishWords, ParsedStatement

QuantityKind = Literal["percent", "money", "count", "duration", "ratio", "multiplier", "placeholder", "year"]
ChangeShape = Literal["from_to", "by", "to", "of", "level", "none"]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class TextSpan(Model):
    """A piece of the statement: its text and half-open offsets."""

    text: str
    start: int
    end: int


class Quantity(Model):
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    kind: QuantityKind
    # The word that introduces it: "from", "to", "by", "of", "at least", ">" … ("" when none)
    marker: str = ""


class Phrase(Model):
    """A noun phrase: full text, its head lemma, the lemma classes of the head, and qualifiers."""

    text: str
    start: int
    end: int
    head: str
    head_start: int
    head_end: int
    classes: frozenset[str] = frozenset()
    # "the number of meetings": the counted noun ("meeting") and its classes
    counted: str | None = None
    counted_classes: frozenset[str] = frozenset()
    counted_qualified: bool = False
    # Modifiers on the head other than determiners/numbers (amod, compound, relcl, acl, prep)
    qualified: bool = False
    modifiers: tuple[str, ...] = ()
    proper: bool = False  # the head is a proper name ("Salesforce", "Project Phoenix")
    described: bool = False  # a relative clause says what the thing does for people


class Predicate(Model):
    verb: str  # lemma, with particle for phrasal verbs ("reach out")
    verb_text: str
    start: int  # the verb token
    end: int
    classes: frozenset[str]
    object: Phrase | None = None
    quantities: tuple[Quantity, ...] = ()
    purpose: str | None = None  # lemma of the verb of a "to …" purpose clause
    purpose_classes: frozenset[str] = frozenset()
    negated: bool = False
    span_end: int = 0  # end of the verb phrase (verb + object), for highlighting
    # "Make releases boring", "make our API the easiest to integrate": a change of state, not a deliverable
    causative: bool = False
    # "Migrate billing to Stripe": a named product the work moves to
    destination_name: str | None = None


class StatementAnalysis(Model):
    text: str
    english: bool
    framed: bool
    imperative: bool
    subject: Phrase | None
    subject_person: Literal["first_singular", "first_plural", "team", "named", "other", "none"]
    predicates: tuple[Predicate, ...]
    root_pos: str
    quantities: tuple[Quantity, ...]
    time_expressions: tuple[TextSpan, ...]
    change: ChangeShape
    baseline: Quantity | None
    target: Quantity | None
    rate_period: str | None
    timeboxed: bool
    negated: bool
    content_lemmas: frozenset[str]
    lemmas: tuple[str, ...]
    words: tuple[str, ...]
    nouns: tuple[str, ...] = ()  # lemmas of the nouns and names: what the statement is about
    # Nouns with their non-evaluative modifiers ("hybrid work" counts as a topic, "great work" does not)
    topic_words: tuple[str, ...] = ()
    # A change or attainment verb anywhere (relative clauses too) governs a number: "ship fixes that bring
    # tickets down from 300 to 50" measures its outcome in the same line
    measured_clause: bool = False
    # A finite present-tense description ("Our onboarding is too confusing", "Too many bugs are reaching …")
    describes_present: bool = False

    @property
    def main(self) -> Predicate | None:
        return self.predicates[0] if self.predicates else None

    @property
    def has_number(self) -> bool:
        return bool(self.quantities)


# A number as written in OKRs: "10,000", "40k", "$100", "5h", "8/10", ">2000", "4+", "3.5x", "98".
_NUMBER_RE = re.compile(
    r"(?P<cmp>[<>≥≤~]=?\s?)?(?P<cur>(?:[A-Z]{1,3})?[$€£¥])?(?P<num>\d+(?:[.,]\d+)*)(?P<suf>\s?(?:%|percent\b|k\b|K\b|m\b|M\b|"
    r"bn\b|x\b|×|\+|h\b|hrs?\b|min\b|s\b)|/\d+)?"
)
_NUMBER_WORD_RE = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|dozen)\b",
    re.IGNORECASE,
)
_WORD_VALUES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
}
# Visible placeholders stand for a number the author has not decided yet ("x%", "$N", "<target>").
_PLACEHOLDER_RE = re.compile(r"(?<![\w<])(?:[xXnN]\s?%|\$[xXnN]\b|<(?:baseline|target|number|n|x)>|\bTBD\b)")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
# "Q2 2025", "H1 2026", "FY 2025": a period name right before a year makes the year part of a date.
_PERIOD_BEFORE_YEAR = re.compile(r"\b(?:q[1-4]|h[12]|fy|cy)$")
_QUARTER_RE = re.compile(r"^(?:[QH][1-4]|FY\d{2,4}|Q[1-4]'?\d{2})$", re.IGNORECASE)
_DURATION_UNITS = frozenset(
    [
        "second",
        "seconds",
        "sec",
        "secs",
        "s",
        "minute",
        "minutes",
        "min",
        "mins",
        "h",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "d",
        "week",
        "weeks",
        "wk",
        "month",
        "months",
        "mo",
        "quarter",
        "quarters",
        "year",
        "years",
        "yr",
    ]
)
_RATE_MARKERS = frozenset({"per", "each", "every", "a", "an"})
_TIMEBOX_PREPS = frozenset({"in", "by", "within", "before", "until", "till", "during", "this", "next", "end"})
_WH_WORDS = frozenset({"how", "what", "why", "where", "when", "whether", "which", "who"})
_CAUSATIVE_VERBS = frozenset({"make", "render", "turn", "keep", "get"})
# Each predicate walks its verb's subtree, so a run-on "launch a and launch b and …" was quadratic (a 9,000
# character one took 18 s). Real statements have one to three predicates; the first ones are enough to call a
# statement compound, activity-like or output-like.
MAX_PREDICATES = 12
_TEAM_WORDS = frozenset({"team", "member", "staff", "squad", "crew", "department", "we", "us"})
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_PERIOD_TOKENS = frozenset({"q1", "q2", "q3", "q4", "h1", "h2", "eoy", "eoq"})
_MODAL_VERBS = frozenset(
    {
        "need",
        "want",
        "have",
        "aim",
        "strive",
        "try",
        "plan",
        "intend",
        "wish",
        "hope",
        "seek",
        "commit",
        "ought",
        "must",
        "should",
        "will",
        "would",
        "going",
    }
)
_NEG_WORDS = frozenset({"not", "n't", "never", "no"})
_COUNT_HEADS = frozenset(
    {
        "number",
        "percentage",
        "percent",
        "%",
        "share",
        "amount",
        "count",
        "proportion",
        "ratio",
        "rate",
        "volume",
        "total",
        "majority",
    }
)


def _parse_value(num: str, suffix: str) -> float | None:
    digits = num.replace(",", "")
    if digits.count(".") > 1:
        digits = digits.replace(".", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    suffix = suffix.strip().lower()
    if suffix == "k":
        value *= 1_000
    elif suffix == "m":
        value *= 1_000_000
    elif suffix == "bn":
        value *= 1_000_000_000
    return value


_HEDGE_RE = re.compile(r"\s+(?:an?\s+)?(?:average|about|around|approximately|roughly|nearly|almost|~)$")


def _marker_before(text: str, start: int) -> str:
    """The preposition or comparator right before a number ("from", "to", "by", "of", "at least", ">")."""
    before = _HEDGE_RE.sub("", " " + text[:start].rstrip().lower()).strip()
    for marker in (
        "at least",
        "at most",
        "more than",
        "less than",
        "no more than",
        "above",
        "below",
        "under",
        "over",
        "from",
        "to",
        "by",
        "of",
        "than",
        "around",
        "about",
    ):
        if before.endswith(" " + marker) or before == marker:
            return marker
    return ""


def _noun_run_end(tok: Token) -> tuple[Token, bool]:
    """The last noun of a run the parser split ("high quality | leads"): the head, and whether it was split."""
    doc = tok.doc
    end = tok
    while end.i + 1 < len(doc) and doc[end.i + 1].pos_ in {"NOUN", "PROPN"} and not doc[end.i + 1].like_num:
        end = doc[end.i + 1]
    return end, end is not tok


def _followed_by_qualifier(tok: Token) -> bool:
    """A phrase right after the noun narrows it ("touchpoints with a new lead", "meetings booked"), even when
    the parser attached it elsewhere; a change tail ("from 3 to 6") does not."""
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.pos_ == "ADP":
        return nxt.lower_ not in {"from", "to", "by", "of"}
    return nxt.tag_ == "VBN"


def find_quantities(text: str, lexicon: Lexicon) -> tuple[list[Quantity], list[TextSpan]]:
    """Numbers in the statement, and the time expressions that must not count as a target."""
    quantities: list[Quantity] = []
    times: list[TextSpan] = []
    taken: list[tuple[int, int]] = []
    for m in _PLACEHOLDER_RE.finditer(text):
        quantities.append(
            Quantity(
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                value=None,
                unit=None,
                kind="placeholder",
                marker=_marker_before(text, m.start()),
            )
        )
        taken.append((m.start(), m.end()))
    for m in _NUMBER_RE.finditer(text):
        start, end = m.start(), m.end()
        if any(a <= start < b for a, b in taken):
            continue
        if m.group("cur") and start > 0 and text[start - 1].isalpha():
            continue  # "xR$5": letters glued before a currency prefix belong to a name
        if not m.group("cur") and start > 0 and (text[start - 1].isalpha() or text[start - 1] in "#-_"):
            # Digits inside a name ("Q3", "MP3", "bug #23466", "v2"): a time expression or an identifier.
            word_start = start
            while word_start > 0 and not text[word_start - 1].isspace():
                word_start -= 1
            word_end = end
            while word_end < len(text) and not text[word_end].isspace() and text[word_end] not in ",;)":
                word_end += 1
            word = text[word_start:word_end].strip(".,;:()")
            if _QUARTER_RE.match(word):
                times.append(TextSpan(text=word, start=word_start, end=word_start + len(word)))
            continue
        if end < len(text) and text[end].isalpha() and not m.group("suf"):
            # "2nd", "30d", "4th": ordinals and glued units; an ordinal is not a target.
            tail = re.match(r"[A-Za-z]+", text[end:])
            unit = tail.group(0).lower() if tail else ""
            if unit in {"st", "nd", "rd", "th"}:
                continue
            if unit in _DURATION_UNITS:
                end += len(unit)
        num = m.group("num")
        suffix = (m.group("suf") or "").strip()
        cur = m.group("cur")
        following = text[end:].lstrip()
        next_word = re.match(r"[A-Za-z]+", following)
        next_lower = next_word.group(0).lower() if next_word else ""
        if suffix in {"%", "percent"}:
            kind: QuantityKind = "percent"
            unit: str | None = "%"
        elif cur:
            kind, unit = "money", cur
        elif suffix.startswith("/"):
            kind, unit = "ratio", suffix
        elif suffix in {"x", "×"}:
            kind, unit = "multiplier", "x"
        elif next_lower == "percent":
            kind, unit = "percent", "%"
        elif suffix.lower() in {"h", "hr", "hrs", "min", "s"} or next_lower in _DURATION_UNITS:
            kind, unit = "duration", suffix or next_lower
        elif (
            _YEAR_RE.match(num) and not suffix and _marker_before(text, start) in {"", "in", "by", "of", "to"}
        ):
            before = text[:start].rstrip().lower()
            if (
                before.endswith((" in", " by", " of", "fy", " end"))
                or not before
                or _PERIOD_BEFORE_YEAR.search(before)
                or re.search(r"\b(?:in|by|of|end|during|for)$", before)
            ):
                times.append(TextSpan(text=num, start=start, end=end))
                continue
            kind, unit = "count", None
        else:
            kind, unit = "count", suffix or None
        if kind == "count" and not suffix and not cur:
            prev_word = re.search(r"([A-Za-z]+)\s*$", text[:start])
            next_word_raw = re.match(r"\s*([A-Za-z]+)", text[end:])
            month_before = prev_word and prev_word.group(1).lower() in _MONTHS
            month_after = next_word_raw and next_word_raw.group(1).lower() in _MONTHS
            if month_before or month_after:
                # "by March 31", "31 March": a date, which boxes the time rather than setting a target
                times.append(TextSpan(text=num, start=start, end=end))
                continue
            if (
                prev_word
                and prev_word.group(1)[:1].isupper()
                and not prev_word.group(1).isupper()
                and (prev_word.start() > 0 and text[prev_word.start(1) - 1] == " ")
            ):
                # "Year 9", "Windows 11", "Level 3": a number that is part of a name
                continue
        out_of = re.match(r"\s*out of\s+(\d+)", text[end:])
        if out_of:
            kind, unit = "ratio", f"/{out_of.group(1)}"
            end += out_of.end()
        quantities.append(
            Quantity(
                text=text[start:end],
                start=start,
                end=end,
                value=_parse_value(num, suffix),
                unit=unit,
                kind=kind,
                marker=_marker_before(text, start),
            )
        )
        taken.append((start, end))
    for m in _NUMBER_WORD_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word = m.group(0).lower()
        following = text[m.end() :].lstrip().lower()
        before = text[: m.start()].rstrip().lower()
        if word == "one" and (
            not re.match(r"\w", following) or following.startswith("of ") or before.endswith("number")
        ):
            continue  # "one" as a pronoun ("one of us") or in "number one" is not a count
        kind = "percent" if following.startswith("percent") else "count"
        quantities.append(
            Quantity(
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                value=float(_WORD_VALUES[word]),
                unit="%" if kind == "percent" else None,
                kind=kind,
                marker=_marker_before(text, m.start()),
            )
        )
        taken.append((m.start(), m.end()))
    for m in re.finditer(r"\b(\w+)\b", text):
        word = m.group(1).lower()
        if lexicon.has_word("multiplier", word) and not any(a <= m.start() < b for a, b in taken):
            quantities.append(
                Quantity(
                    text=m.group(1),
                    start=m.start(),
                    end=m.end(),
                    value=None,
                    unit="x",
                    kind="multiplier",
                    marker="",
                )
            )
        elif word in _PERIOD_TOKENS and not any(t.start == m.start() for t in times):
            times.append(TextSpan(text=m.group(1), start=m.start(), end=m.end()))
    # A duration that boxes the time ("in 5 months", "within 2 weeks", "5 months from now") is a timebox.
    kept: list[Quantity] = []
    for q in quantities:
        after = text[q.end :].lstrip().lower()
        if (
            q.kind == "duration"
            and (q.marker in {"", "in", "within", "over"})
            and (q.marker in {"in", "within", "over"} or after.startswith("from now"))
        ):
            times.append(TextSpan(text=q.text, start=q.start, end=q.end))
            continue
        kept.append(q)
    kept.sort(key=lambda q: q.start)
    return kept, times


def _change_shape(
    text: str, quantities: list[Quantity]
) -> tuple[ChangeShape, Quantity | None, Quantity | None]:
    """How the statement states its target: "from X to Y", "by X", "to X", "of X", a bare level, or none."""
    numeric = [q for q in quantities if q.kind != "placeholder"] or quantities
    for i, q in enumerate(numeric):
        if q.marker == "from":
            for later in numeric[i + 1 :]:
                if later.marker == "to":
                    return "from_to", q, later
    for q in numeric:
        if q.marker == "by":
            return "by", None, q
    for q in numeric:
        if q.marker == "to":
            return "to", None, q
    for q in numeric:
        if q.marker == "of":
            return "of", None, q
    if numeric:
        return "level", None, numeric[-1]
    return "none", None, None


class Analyzer:
    """Builds StatementAnalysis objects from parsed statements, with one lexicon."""

    def __init__(self, lexicon: Lexicon, english: EnglishWords | None = None) -> None:
        self.lexicon = lexicon
        self.english = english
        self._phrasal = lexicon.phrasal_verbs()

    # ----------------------------------------------------------------- helpers over tokens
    def _off(self, tok: Token, shift: int) -> int:
        return tok.idx - shift

    def _verb_lemma(self, tok: Token) -> str:
        """Verb lemma with its particle ("reach out", "set up", "partner up") when the lexicon knows it."""
        base = tok.lemma_.lower()
        if base in {"analyse", "analyze"}:
            return base
        for child in tok.children:
            if child.dep_ in {"prt", "prep", "advmod"} and child.i == tok.i + 1:
                phrase = f"{base} {child.text.lower()}"
                if phrase in self._phrasal:
                    return phrase
        if tok.i + 1 < len(tok.doc):
            nxt = tok.doc[tok.i + 1]
            phrase = f"{base} {nxt.text.lower()}"
            if phrase in self._phrasal:
                return phrase
        return base

    def _phrase(self, head: Token, shift: int, text: str, stop_at_prep_to: bool = True) -> Phrase:
        lex = self.lexicon
        if head.pos_ in {"NOUN", "PROPN"}:
            head = self._noun_run_end(head)
        left = head.left_edge.i
        right = head.i
        # Extend right over "of …" and compounds/relative clauses that qualify the head, but stop before
        # the change tail ("from X to Y", "by X", "to X"): that is the target, not the metric.
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in {"from", "by"} and stop_at_prep_to:
                break
            if (
                child.dep_ == "prep"
                and child.lower_ == "to"
                and stop_at_prep_to
                and any(c.like_num or c.text in {"%"} for c in child.subtree)
            ):
                break
            if child.dep_ in {"punct", "cc", "conj"}:
                break
            right = max(right, child.right_edge.i)
        left = max(left, 1 if shift else 0) if shift else left
        start = self._off(head.doc[left], shift)
        end_tok = head.doc[right]
        end = self._off(end_tok, shift) + len(end_tok.text)
        head_lemma = head.lemma_.lower()
        classes = lex.noun_classes(head_lemma) | lex.noun_classes(head.text.lower())
        compound = " ".join(t.lemma_.lower() for t in head.lefts if t.dep_ == "compound")
        if compound:
            classes |= lex.noun_classes(f"{compound} {head_lemma}")
        if not classes:
            # "an onboarding video series": a head the lexicon does not know takes its compound's class
            for t in head.lefts:
                if t.dep_ in {"compound", "nmod"} and t.pos_ in {"NOUN", "PROPN"}:
                    classes |= lex.noun_classes(t.lemma_.lower()) & {"artifact", "activity"}
        counted = None
        counted_classes: frozenset[str] = frozenset()
        counted_qualified = False
        if head_lemma in _COUNT_HEADS or head.text == "%":
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            counted_tok, run_qualified = _noun_run_end(pobj)
                            counted = counted_tok.lemma_.lower()
                            counted_classes = lex.noun_classes(counted)
                            counted_qualified = (
                                run_qualified
                                or _followed_by_qualifier(counted_tok)
                                or any(
                                    c.dep_ in {"amod", "compound", "relcl", "acl", "prep", "nmod"}
                                    for c in counted_tok.children
                                )
                            )
        modifiers = tuple(
            c.lemma_.lower()
            for c in head.children
            if c.dep_ in {"amod", "compound", "relcl", "acl", "nmod", "prep", "poss"} and not c.like_num
        )
        qualified = any(
            c.dep_ in {"amod", "compound", "relcl", "acl", "nmod"} or (c.dep_ == "prep" and c.lower_ != "of")
            for c in head.children
            if not c.like_num and c.lower_ not in {"more", "new", "higher", "less", "fewer", "additional"}
        )
        return Phrase(
            text=text[start:end],
            start=start,
            end=end,
            head=head_lemma,
            head_start=self._off(head, shift),
            head_end=self._off(head, shift) + len(head.text),
            classes=classes,
            counted=counted,
            counted_classes=counted_classes,
            counted_qualified=counted_qualified,
            qualified=qualified,
            modifiers=modifiers,
            proper=self._is_name(head),
            described=any(c.dep_ == "relcl" for c in head.children),
        )

    def _noun_run_end(self, tok: Token) -> Token:
        """The head of a noun run the parser split: "the new employee | handbook" (handbook mis-tagged as a verb)."""
        doc = tok.doc
        end = tok
        while end.i + 1 < len(doc):
            nxt = doc[end.i + 1]
            if nxt.like_num or nxt.is_punct:
                break
            if nxt.pos_ in {"NOUN", "PROPN"} or (nxt.dep_ == "dep" and self.lexicon.noun_classes(nxt.lower_)):
                end = nxt
                continue
            break
        return end

    def _is_name(self, tok: Token) -> bool:
        """A proper name: tagged so, or capitalised mid-sentence without a determiner ("to Stripe"), or capitalised
        and unknown to the English dictionary ("Kubernetes")."""
        if tok.pos_ == "PROPN":
            return True
        if not tok.text[:1].isupper() or tok.i <= 1:
            return False
        if not any(c.dep_ in {"det", "poss"} for c in tok.children):
            return True
        known = self.english.all if self.english is not None else frozenset()
        return tok.lower_ not in known and tok.lemma_.lower() not in known

    def _nominal(self, tok: Token) -> Token:
        """A number parsed as the object ("correcting 10 … articles"): the noun it counts is the object."""
        if not tok.like_num and tok.pos_ != "NUM":
            return tok
        verb = tok.head
        for sibling in verb.children:
            if sibling.dep_ == "dobj" and sibling is not tok and sibling.pos_ in {"NOUN", "PROPN"}:
                return sibling
        for nxt in tok.doc[tok.i + 1 :]:
            if nxt.pos_ in {"CCONJ", "PUNCT"} or (nxt.pos_ == "ADP" and nxt.lower_ not in {"of"}):
                break
            if nxt.pos_ in {"NOUN", "PROPN"} or self.lexicon.noun_classes(nxt.lemma_.lower()):
                return nxt
        return tok

    def _object_of(self, verb: Token) -> Token | None:
        for dep in ("dobj", "attr", "oprd", "nsubjpass"):
            for child in verb.children:
                if child.dep_ == dep and child.i >= 1:
                    return self._nominal(child)
        # "talk to Kate", "partner up with thought leaders", "reach out to loyal customers"
        for child in verb.children:
            if child.dep_ in {"prep", "prt"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                        return pobj
                for grand in child.children:
                    if grand.dep_ == "prep":
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                return pobj
        # "Make our company go viral": the subject of a clausal complement is the thing acted on
        for child in verb.children:
            if child.dep_ in {"ccomp", "xcomp"}:
                # "ensure that they have documentation": the clause's own object says what is delivered
                dobj = next((s for s in child.children if s.dep_ == "dobj"), None)
                subj = next((s for s in child.children if s.dep_ == "nsubj"), None)
                if dobj is not None and (subj is None or subj.pos_ == "PRON"):
                    return self._nominal(dobj)
                if subj is not None:
                    return subj
        return None

    def _purpose(self, verb: Token, subtree: list[Token]) -> Token | None:
        for child in subtree:
            if child.i == verb.i:
                continue
            if (
                child.dep_ in {"advcl", "xcomp", "relcl", "acl"}
                and child.pos_ == "VERB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                return child
        return None

    def _phrase_end(self, verb: Token, shift: int, subtree: list[Token]) -> int:
        """End of the verb phrase a reader should look at: the verb with its objects and complements, without
        conjoined predicates, purpose or relative clauses, and the change tail ("from 3 to 6", "by 20%")."""
        excluded: set[int] = set()
        for tok in subtree:
            if tok.i == verb.i:
                continue
            cut = (
                (tok.dep_ in {"conj", "cc"} and tok.head == verb)
                or tok.dep_ in {"relcl", "advcl"}
                or (tok.dep_ == "punct" and tok.text in {",", ";", ":", ".", "!", "?"})
                or (
                    tok.dep_ in {"xcomp", "acl"}
                    and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
                    # "discuss how to market …": a wh-clause is the object, not a purpose
                    and not any(c.lower_ in _WH_WORDS for c in tok.children)
                )
                or (
                    tok.dep_ == "prep"
                    and tok.lower_ in {"from", "by", "to"}
                    and any(t.like_num or t.text == "%" for t in tok.subtree)
                )
            )
            if cut:
                excluded.update(t.i for t in tok.subtree)
        kept = [t for t in subtree if t.i not in excluded and t.i >= (1 if shift else 0)]
        # Stop at the first gap so that a later fragment does not stretch the span. (In index order no kept
        # token can lie between end_tok and t, so the gap test needs no scan of ``kept``: that scan made a long
        # statement cubic.)
        end_tok = verb
        for t in sorted(kept, key=lambda t: t.i):
            if t.i > verb.i and t.i > end_tok.i + 1:
                break
            if t.i >= end_tok.i:
                end_tok = t
        return self._off(end_tok, shift) + len(end_tok.text)

    def _predicate(self, verb: Token, shift: int, text: str, quantities: list[Quantity]) -> Predicate:
        lemma = self._verb_lemma(verb)
        classes = self.lexicon.verb_classes(lemma)
        if not classes and " " in lemma:
            classes = self.lexicon.verb_classes(lemma.split()[0])
        obj_tok = self._object_of(verb)
        obj = self._phrase(obj_tok, shift, text) if obj_tok is not None else None
        subtree = list(verb.subtree)  # walked five times below; spaCy rebuilds it on every walk
        purpose_tok = self._purpose(verb, subtree)
        purpose = self._verb_lemma(purpose_tok) if purpose_tok is not None else None
        own = [t for t in subtree if not (t.dep_ == "conj" and t.head == verb)]
        lo = min(self._off(t, shift) for t in own if t.i >= (1 if shift else 0))
        hi = max(self._off(t, shift) + len(t.text) for t in own)
        # Quantities of this predicate: inside its subtree, but not inside a conjoined predicate.
        conj_ranges = [
            (self._off(c.left_edge, shift), self._off(c.right_edge, shift) + len(c.right_edge.text))
            for c in verb.children
            if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
        ]
        own_q = tuple(
            q for q in quantities if lo <= q.start < hi and not any(a <= q.start < b for a, b in conj_ranges)
        )
        v_start = self._off(verb, shift)
        span_end = self._phrase_end(verb, shift, subtree)
        complements = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "oprd", "acomp"}]
        own_object = any(c.dep_ == "dobj" for c in verb.children)
        # "Run our platform leaner", "keep our API fast": an object with an adjective complement is a state to
        # reach, whatever the verb
        state_complement = (obj_tok is not None and obj_tok.tag_ in {"JJ", "JJR", "JJS"}) or (
            obj_tok is not None
            and any(
                c.dep_ in {"oprd", "acomp", "advmod", "ccomp", "xcomp"}
                and c.tag_ in {"JJ", "JJR", "JJS", "RBR"}
                and c.i > obj_tok.i
                for c in verb.children
            )
        )
        causative = state_complement or (
            lemma in _CAUSATIVE_VERBS
            and (
                any(any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in complements)
                or (own_object and bool(complements))
                or (
                    obj_tok is not None
                    and any(c.dep_ in {"dobj", "attr", "oprd"} and c.i > obj_tok.i for c in obj_tok.children)
                )
            )
        )
        destination = next(
            (
                pobj.text
                for prep in subtree
                if prep.dep_ == "prep" and prep.lower_ in {"to", "onto", "into"}
                for pobj in prep.children
                if pobj.dep_ == "pobj" and self._is_name(pobj)
            ),
            None,
        )
        return Predicate(
            destination_name=destination,
            causative=causative,
            verb=lemma,
            verb_text=text[v_start : v_start + len(verb.text)],
            start=v_start,
            end=v_start + len(verb.text),
            classes=classes,
            object=obj,
            quantities=own_q,
            purpose=purpose,
            purpose_classes=self.lexicon.verb_classes(purpose) if purpose else frozenset(),
            negated=any(c.dep_ == "neg" for c in verb.children),
            span_end=max(span_end, v_start + len(verb.text)),
        )

    def _unwrap_modal(self, verb: Token) -> Token:
        """ "we need to improve X", "we want to be …": the statement's predicate is the complement verb."""
        while verb.lemma_.lower() in _MODAL_VERBS:
            comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
            if comp is None:
                break
            verb = comp
        return verb

    def _verb_like(self, tok: Token) -> bool:
        """A conjunct that is a verb, or a known verb the tagger took for a noun ("Build, test and ship …")."""
        if tok.pos_ in {"VERB", "AUX"}:
            return True
        return (
            tok.pos_ == "NOUN"
            and tok.head.pos_ == "VERB"
            and bool(self.lexicon.verb_classes(tok.lower_))
            and not any(c.dep_ in {"det", "poss", "amod", "nummod"} for c in tok.children)
        )

    def _predicates(self, root: Token, shift: int, text: str, quantities: list[Quantity]) -> list[Predicate]:
        verbs: list[Token] = []
        if root.pos_ in {"VERB", "AUX"}:
            verbs.append(self._unwrap_modal(root))
        else:
            # A nominal root ("15% increase of Q1 revenue", "Breakfast buyers entering our store increase by
            # 50%"): the verbs hanging off it still carry predicates.
            verbs.extend(t for t in root.subtree if t.pos_ == "VERB" and t.dep_ in {"acl", "relcl", "ccomp"})
        # Verbs conjoined anywhere ("… questions and ensure that they have documentation", where the parser
        # hangs "ensure" off a participle) are predicates of the statement too.
        verbs.extend(t for t in root.doc if t.dep_ == "conj" and t.pos_ == "VERB" and t.idx >= shift)
        seen = set()
        queue = list(verbs)
        while queue:
            verb = queue.pop(0)
            if verb.i in seen:
                continue
            seen.add(verb.i)
            queue.extend(c for c in verb.children if c.dep_ == "conj" and self._verb_like(c))
        ordered = sorted(seen)[:MAX_PREDICATES]
        doc = root.doc
        return [self._predicate(doc[i], shift, text, quantities) for i in ordered]

    def _topic_words(self, tokens: list[Token]) -> tuple[str, ...]:
        lex = self.lexicon
        out = []
        for t in tokens:
            if t.pos_ in {"NOUN", "PROPN"}:
                out.append(t.lemma_.lower())
                out.extend(
                    c.lemma_.lower()
                    for c in t.children
                    if c.dep_ in {"amod", "compound"}
                    and not lex.has_word("vague_term", c.lower_)
                    and not lex.has_word("quality_aspiration", c.lower_)
                )
        return tuple(out)

    def _measured_clause(self, tokens: list[Token], shift: int, quantities: list[Quantity]) -> bool:
        lex = self.lexicon
        numeric = [q for q in quantities if q.kind != "placeholder"]
        for t in tokens:
            if t.pos_ != "VERB" or not lex.verb_classes(self._verb_lemma(t)) & {"change", "attain"}:
                continue
            lo = min(x.idx for x in t.subtree) - shift
            hi = max(x.idx + len(x.text) for x in t.subtree) - shift
            if any(lo <= q.start < hi and q.marker in {"from", "to", "by"} for q in numeric):
                return True
        return False

    def _person(self, subj: Token) -> Literal["first_singular", "first_plural", "team", "named", "other"]:
        """Who the subject is: the team itself, one person, or someone else (customers, employees, a metric)."""
        lex = self.lexicon
        head = subj
        lemma = subj.lemma_.lower()
        if lemma in {"%", "percent", "percentage", "share", "number"} or subj.like_num:
            # "80% of employees have answered …": the population counted is the actor
            pobj = next((t for t in subj.subtree if t.dep_ == "pobj"), None)
            if pobj is None:
                return "other"
            head, lemma = pobj, pobj.lemma_.lower()
        words = {t.lower_ for t in head.subtree}
        if words & lex.words.get("first_person_singular", frozenset()) and lemma not in _TEAM_WORDS:
            return "first_singular"
        if lemma in {"we", "us"}:
            return "first_plural"
        if lemma in _TEAM_WORDS:
            return "team"
        if (
            any(c.dep_ == "det" and c.lower_ in {"each", "every"} for c in head.children)
            and "person" in (lex.noun_classes(lemma))
            and not lex.noun_classes(lemma) & {"kpi_volume"}
        ):
            return "team"  # "Each engineer completes 20 code reviews a week": the team's members, one by one
        if (
            head.pos_ == "PROPN"
            and head.text[:1].isupper()
            and not head.text.isupper()
            and not any(c.dep_ in {"compound", "det", "amod"} for c in head.children)
            and not lex.noun_classes(lemma)
            and head.head.tag_ in {"VBZ", "VBD", "MD"}
        ):
            return "named"
        return "other"

    def _english(self, parsed: ParsedStatement) -> bool:
        """Most words are English (the model's lemma index, stop words, our lexicons): the rules apply."""
        letters = [c for c in parsed.text if c.isalpha()]
        if not letters or sum(1 for c in letters if c.isascii()) / len(letters) < 0.8:
            return False
        lex = self.lexicon
        known_words = self.english.all if self.english is not None else frozenset()
        words = [t for t in parsed.doc if t.is_alpha and t.idx >= parsed.frame_shift]
        if not words:
            return False
        known = sum(
            1
            for t in words
            if t.lower_ in known_words
            or t.lemma_.lower() in known_words
            or lex.verb_classes(t.lemma_.lower())
            or lex.noun_classes(t.lemma_.lower())
            or lex.has_word("english_marker", t.lower_)
        )
        return known >= 1 and known / len(words) >= 0.5

    # ----------------------------------------------------------------- the analysis
    def analyze(self, parsed: ParsedStatement) -> StatementAnalysis:
        text, doc, shift = parsed.text, parsed.doc, parsed.frame_shift
        lex = self.lexicon
        quantities, times = find_quantities(text, lex)
        tokens = [t for t in doc if t.idx >= shift]
        if not tokens:
            return _empty_analysis(text, quantities, times)
        roots = [t for t in doc if t.dep_ == "ROOT"]
        root = roots[0] if roots else doc[0]
        predicates = self._predicates(root, shift, text, quantities)
        change, baseline, target = _change_shape(text, quantities)

        subject: Phrase | None = None
        person: Literal["first_singular", "first_plural", "team", "named", "other", "none"] = "none"
        main_verb = self._unwrap_modal(root) if root.pos_ in {"VERB", "AUX"} else root
        if shift:
            person = "first_plural"  # an imperative KR is the team's own action
        else:
            subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                subject = self._phrase(subj, 0, text, stop_at_prep_to=False)
                person = self._person(subj)
        first_singular = {t.lower_ for t in tokens} & lex.words.get("first_person_singular", frozenset())
        if first_singular and person in {"first_plural", "none", "other"}:
            person = "first_singular"
        # Unwrapping a modal ("we need to be …") means the statement is an aspiration, not a description.
        describes_present = (
            not shift
            and main_verb is root
            and root.pos_ in {"VERB", "AUX"}
            and (
                root.tag_ in {"VBZ", "VBP"}
                or any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in root.children)
            )
        )
        rate_period = None
        lowered = [t.lower_ for t in tokens]
        for i, t in enumerate(tokens):
            low = t.lower_
            if low in _RATE_MARKERS and i + 1 < len(tokens):
                nxt = tokens[i + 1].lemma_.lower()
                if lex.has_word("period", nxt) and (low != "a" or (i > 0 and tokens[i - 1].pos_ == "NOUN")):
                    rate_period = nxt
            elif (
                low in {"daily", "weekly", "monthly", "quarterly", "yearly", "annually"}
                # "monthly active users" names a metric; "send the report monthly" sets a rate
                and t.dep_ in {"advmod", "npadvmod"}
            ):
                rate_period = low
        timeboxed = bool(times) or any(
            low in {"quarter", "year", "month", "week"}
            and i > 0
            and lowered[i - 1] in _TIMEBOX_PREPS | {"the"}
            for i, low in enumerate(lowered)
        )
        content = frozenset(
            t.lemma_.lower()
            for t in tokens
            if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"} and not t.is_stop and not t.like_num and t.is_alpha
        )
        return StatementAnalysis(
            text=text,
            english=self._english(parsed),
            framed=bool(shift),
            imperative=bool(shift),
            subject=subject,
            subject_person=person,
            predicates=tuple(predicates),
            root_pos=root.pos_,
            quantities=tuple(quantities),
            time_expressions=tuple(times),
            change=change,
            baseline=baseline,
            target=target,
            rate_period=rate_period,
            timeboxed=timeboxed,
            negated=any(t.dep_ == "neg" or t.lower_ in _NEG_WORDS for t in tokens),
            content_lemmas=content,
            lemmas=tuple(t.lemma_.lower() for t in tokens),
            words=tuple(lowered),
            nouns=tuple(t.lemma_.lower() for t in tokens if t.pos_ in {"NOUN", "PROPN"}),
            topic_words=self._topic_words(tokens),
            measured_clause=self._measured_clause(tokens, shift, quantities),
            describes_present=describes_present,
        )


def _empty_analysis(text: str, quantities: list[Quantity], times: list[TextSpan]) -> StatementAnalysis:
    """A statement with no words (empty, or only punctuation): nothing for an English rule to judge."""
    return StatementAnalysis(
        text=text,
        english=False,
        framed=False,
        imperative=False,
        subject=None,
        subject_person="none",
        predicates=(),
        root_pos="",
        quantities=tuple(quantities),
        time_expressions=tuple(times),
        change="none",
        baseline=None,
        target=None,
        rate_period=None,
        timeboxed=bool(times),
        negated=False,
        content_lemmas=frozenset(),
        lemmas=(),
        words=(),
    )
