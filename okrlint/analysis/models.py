"""The analysis of one statement: token-free records that rules read.

All offsets are code-point offsets into the statement's cleaned text (the engine maps them to file positions).
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict

from okrlint.analysis.classes import NumberPlace, Role
from okrlint.shared_fields import SharesFieldsSet

QuantityKind = Literal["percent", "money", "count", "duration", "ratio", "multiplier", "placeholder", "year"]
ChangeShape = Literal["from_to", "by", "to", "of", "level", "none"]


class Model(SharesFieldsSet):
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
    # "customer reviews", "user referrals": a person noun modifies the head, so people made the thing
    people_made: bool = False
    # "the best CS team": a superlative ("best", "greatest"), and whether a field bounds it ("in our category",
    # "the world's best", "for enterprise teams")
    # A name the dictionary does not know ("Kubernetes", "Salesforce"); title case alone ("Decrease Expenses")
    # does not make one
    named: bool = False
    # "a marathon", "an app": an indefinite article picks out one thing, never a broad area
    single: bool = False
    superlative: bool = False
    scoped: bool = False


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
    # "Become the go-to platform", "Be the obvious choice": a copula with a noun complement names a state
    copular: bool = False
    # The lemma of a complement the object is brought to ("go", "happy" in "make customers happy")
    complement: str | None = None
    # The object was found through a preposition ("talk to Kate", "ship with confidence")
    object_is_prepositional: bool = False
    # Where the number sits, and the role decided from verb class x object class x number x shape (roles.py)
    number_place: NumberPlace = NumberPlace.NONE
    role: Role = Role.OTHER


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

    @property
    def content_and_numbers(self) -> frozenset[str]:
        """The content lemmas and the numbers as written: what two copies of one key result share (S317)."""
        return self.content_lemmas | {q.text for q in self.quantities}
