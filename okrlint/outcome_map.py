"""The outcome map: which class of output a piece of work is, and what that class of output is for.

Two data files: ``rules/lexicons/output_classes.json`` (generated from WordNet by
``tools/build_output_classes.py``: lemma -> class, the people nouns, irregular -ing forms) and
``rules/lexicons/outcome_map.yaml`` (class -> outcome measures and objective, with the guide that shows each).
The suggester reads a predicate's verb and object through ``output_class``; nothing here parses text.
"""

from __future__ import annotations

from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict, Field

from okrlint.analysis import Phrase, Predicate
from okrlint.models import Citation
from okrlint.output_class_table import output_classes
from okrlint.resources import rules_dir
from okrlint.yamlio import load_yaml

# Verbs that name the class of the work whatever its object: "Hire 2 engineers", "Migrate all services".
# Other classes' verbs ("write", "launch", "streamline") only decide when the object says nothing, because
# "Write the marketing plan" is about the plan, not about writing.
_DECISIVE_VERB_CLASSES = frozenset(
    {"hiring", "training", "research", "migration", "documentation", "outreach", "purchase"}
)


# Classes a noun modifier may give its head ("onboarding tips" are a release's, "marketing plan" is no purchase).
_MODIFIER_CLASSES = frozenset({"content", "site", "release", "documentation", "process"})
# Verbs of taking in ("watch", "listen"): the object is consumed, not produced.
_CONSUMING = "consuming"
# Verbs of choosing ("decide on the pricing model"): a decision, not a thing made.
_NO_OUTPUT = frozenset({_CONSUMING, "deciding"})


class Measure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    measure: str
    unit: str | None = None
    learning: bool = False  # a count of learning ("customers interviewed about …"), not a change

    @property
    def down(self) -> bool:
        return self.measure.startswith("-")

    @property
    def phrase(self) -> str:
        return self.measure.lstrip("-")


# Classes of output whose plan is a product plan ("a roadmap for the mobile app")
_PRODUCT_CLASSES = {"release": "product", "site": "product", "product_part": "product", "journey": "product"}


class OutcomeClass(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    label: str
    key_result: tuple[Measure, ...] = ()
    key_result_people: tuple[Measure, ...] = ()
    objective: str | None = None
    objective_people: str | None = None
    # Measures chosen by the domain a modifier names ("marketing plan"): none fits -> the class says nothing
    by_domain: dict[str, tuple[Measure, ...]] = Field(default_factory=dict)
    source: tuple[Citation, ...] = ()
    own: bool = False

    def domain_measures(self, modifiers: tuple[str, ...]) -> tuple[Measure, ...]:
        """The measures of the first domain a modifier names: as written ("marketing"), in the plural the parse
        lemmatised away ("sale" -> "sales"), or by its class of output ("hire" -> hiring, "app" -> product)."""
        nouns = output_classes().nouns
        for modifier in modifiers:
            word = modifier.lower()
            cls = nouns.get(word)
            for key in (word, f"{word}s", cls, _PRODUCT_CLASSES.get(cls or "")):
                if key and key in self.by_domain:
                    return self.by_domain[key]
        return ()

    def measures(self, people: bool) -> tuple[Measure, ...]:
        return (
            (self.key_result_people or self.key_result)
            if people
            else (self.key_result or self.key_result_people)
        )

    def objective_for(self, people: bool) -> str | None:
        return (self.objective_people or self.objective) if people else self.objective


class OutcomeMap(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    classes: dict[str, OutcomeClass]
    kpi_drivers: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    problem_inversions: dict[str, str] = Field(default_factory=dict)
    one_off_experiences: frozenset[str] = frozenset()
    product_parts: frozenset[str] = frozenset()
    internal_work: frozenset[str] = frozenset()


@cache
def outcome_map() -> OutcomeMap:
    raw = load_yaml((rules_dir() / "lexicons" / "outcome_map.yaml").read_text(encoding="utf-8"))
    for name, entry in raw["classes"].items():
        entry["name"] = name
    return OutcomeMap.model_validate(raw)


def _noun_keys(phrase: Phrase) -> list[str]:
    """The object's lemmas to look up, most specific first: "landing page", "page"; the counted noun."""
    keys = [f"{m} {phrase.head}" for m in phrase.modifiers]
    keys.append(phrase.head)
    if phrase.counted:
        keys.append(phrase.counted)
    return [k.lower() for k in keys if k]


def noun_class(phrase: Phrase | None) -> str | None:
    if phrase is None:
        return None
    table = output_classes().nouns
    found = next((table[k] for k in _noun_keys(phrase) if k in table), None)
    if found in {None, "release", "plan"} and _one_off(phrase):
        return "journey"  # "the new onboarding flow" is gone through once, not used every week
    if found == "site" and any(m.lower() in outcome_map().product_parts for m in phrase.modifiers):
        return "product_part"  # "a login page" serves the users we have, not new customers
    if found is not None:
        return found
    # "our onboarding tips", "a content strategy": the head says nothing, a modifier naming a made thing does
    return modifier_class(phrase)


def _one_off(phrase: Phrase) -> bool:
    one_off = outcome_map().one_off_experiences
    return any(w.lower() in one_off for w in (phrase.head, *phrase.modifiers))


def modifier_class(phrase: Phrase) -> str | None:
    """The class a noun modifier gives a thing ("onboarding program" -> release), for made things only."""
    if _one_off(phrase):
        return "journey"
    table = output_classes().nouns
    by_modifier = (table.get(m.lower()) for m in phrase.modifiers)
    return next((c for c in by_modifier if c in _MODIFIER_CLASSES), None)


def is_people(phrase: Phrase | None) -> bool:
    """The object is a group of people ("2 senior engineers", "the support team", "eligible customers")."""
    if phrase is None:
        return False
    people = output_classes().people
    return any(k in people for k in _noun_keys(phrase)) or bool(phrase.classes & {"person"})


def output_class(predicate: Predicate) -> str | None:
    """The class of output a predicate produces: a decisive verb, else the object, else any verb's class."""
    verb_class = output_classes().verbs.get(predicate.verb.lower())
    if verb_class in _NO_OUTPUT:
        return None
    if verb_class in _DECISIVE_VERB_CLASSES:
        return verb_class
    by_object = noun_class(predicate.object)
    if by_object is not None:
        return by_object
    if predicate.object is None or is_people(predicate.object):
        return verb_class if verb_class not in _NO_OUTPUT else None
    return None


def names_no_output(predicate: Predicate) -> bool:
    """Taking in or choosing ("watch a show", "decide on a model"): the verb makes nothing."""
    return output_classes().verbs.get(predicate.verb.lower()) in _NO_OUTPUT


@lru_cache(maxsize=4096)  # asked for every rewrite that names the author's work
def gerund(verb: str) -> str:
    """The -ing form of a verb lemma ("migrate" -> "migrating", "refer" -> "referring", "reach out" ->
    "reaching out"): lemminflect's spelling rules, with the exceptions its dictionary knows."""
    from lemminflect import getAllInflectionsOOV

    head, _, rest = verb.partition(" ")
    known = output_classes().gerunds.get(head.lower())
    form = known or getAllInflectionsOOV(head.lower(), upos="VERB")["VBG"][0]
    return f"{form} {rest}".strip()
