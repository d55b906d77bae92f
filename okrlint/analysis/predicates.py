"""The only module that reads spaCy tokens: predicates, noun phrases and the subject, turned into token-free
records (``Predicate``, ``Phrase``, ``Word``, ``SubjectFacts``). Another parser could replace this module alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from okrlint.analysis.models import Phrase, Predicate, Quantity
from okrlint.analysis.roles import decide_role, number_place
from okrlint.lexicons import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from okrlint.nlp import EnglishWords, ParsedStatement

_WH_WORDS = frozenset({"how", "what", "why", "where", "when", "whether", "which", "who"})
_CAUSATIVE_VERBS = frozenset({"make", "render", "turn", "keep", "get"})
# Each predicate walks its verb's subtree, so a run-on "launch a and launch b and …" was quadratic (a 9,000
# character one took 18 s). Real statements have one to three predicates; the first ones are enough to call a
# statement compound, activity-like or output-like.
MAX_PREDICATES = 12
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
_PEOPLE_PRONOUNS = frozenset(
    {"they", "them", "we", "us", "you", "i", "me", "he", "she", "people", "everyone"}
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


class PredicateReader:
    """Reads predicates, phrases and the facts other modules need from one dependency parse."""

    def __init__(self, lexicon: Lexicon, english: EnglishWords | None = None) -> None:
        self.lexicon = lexicon
        self.english = english
        self._phrasal = lexicon.phrasal_verbs()
        # "Rollout the new CRM", "Setup SSO": a phrasal verb written as one word is that verb
        self._closed_phrasal = {p.replace(" ", ""): p for p in self._phrasal}

    # ----------------------------------------------------------------- helpers over tokens
    def _off(self, tok: Token, shift: int) -> int:
        return tok.idx - shift

    def _verb_lemma(self, tok: Token) -> str:
        """Verb lemma with its particle ("reach out", "set up", "partner up") when the lexicon knows it."""
        base = tok.lemma_.lower()
        if base in {"analyse", "analyze"}:
            return base
        if base in self._closed_phrasal and not self.lexicon.verb_classes(base):
            return self._closed_phrasal[base]
        if tok.tag_ == "VBN" and any(
            c.dep_ in {"auxpass", "aux"} and c.lemma_ in {"get", "be"} for c in tok.children
        ):
            # "Get featured in 3 podcasts", "Be featured in …": the passive with get/be as one verb ("get featured")
            phrase = f"get {tok.lower_}"
            if phrase in self._phrasal:
                return phrase
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
        ) + tuple(
            # "world-class", "best-in-class": the hyphenated modifier as written, not only its last part
            "".join(t.text for t in c.subtree).lower()
            for c in head.children
            if c.dep_ in {"amod", "compound", "nmod"} and any(t.text == "-" for t in c.subtree)
        )
        qualified = any(
            c.dep_ in {"amod", "compound", "relcl", "acl", "nmod"} or (c.dep_ == "prep" and c.lower_ != "of")
            for c in head.children
            if not c.like_num and c.lower_ not in {"more", "higher", "less", "fewer", "additional"}
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
            described=any(c.dep_ == "relcl" and self._about_people(c.subtree) for c in head.children)
            or self._relative_clause_follows(head),
            named=self._unknown_name(head),
            single=any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children),
            superlative=any(c.dep_ == "amod" and c.tag_ == "JJS" for c in head.children),
            scoped=any(c.dep_ in {"prep", "poss", "relcl", "acl"} for c in head.children),
            people_made=any(
                c.dep_ in {"compound", "poss"} and "person" in lex.noun_classes(c.lemma_.lower())
                for c in head.children
            ),
        )

    def _unknown_name(self, tok: Token) -> bool:
        if not tok.text[:1].isupper() or self.english is None:
            return False
        known = self.english.all
        return tok.lower_ not in known and tok.lemma_.lower() not in known

    def _relative_clause_follows(self, head: Token) -> bool:
        """ "a service that surprises and delights customers": a relative pronoun and a verb right after the
        noun say what the thing does for people, even when the parser attached the clause elsewhere."""
        doc = head.doc
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ not in {"that", "which", "who"}:
            return False
        clause = doc[head.i + 1 :]
        return any(t.pos_ in {"VERB", "AUX"} for t in doc[head.i + 2 : head.i + 4]) and self._about_people(
            clause
        )

    def _about_people(self, tokens: Iterable[Token]) -> bool:
        """The clause involves people ("… they can change without fear", "… that delights customers"): it says
        what the thing does for them, not only how it works ("a microservice that takes tweets into account")."""
        return any(
            (t.lower_ in _PEOPLE_PRONOUNS or "person" in self.lexicon.noun_classes(t.lemma_.lower()))
            and t.dep_ != "poss"  # "a user's tweets": people who own a thing in it do not take part in it
            for t in tokens
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
                # "Make customers happy", "Make paying taxes easy": the complement has its own (clause) subject
                any(any(g.dep_ in {"nsubj", "nsubjpass", "csubj"} for g in c.children) for c in complements)
                or (own_object and bool(complements))
                # "Make learning Python fun", "Make paying taxes easy": the parser hangs the adjective on the
                # gerund, but the gerund's activity is what is brought to the state
                or any(
                    c.tag_ == "VBG" and any(g.tag_ in {"JJ", "JJR"} and g.i > c.i for g in c.children)
                    for c in complements
                )
                or (
                    obj_tok is not None
                    and any(c.dep_ in {"dobj", "attr", "oprd"} and c.i > obj_tok.i for c in obj_tok.children)
                )
                # "Get 500 laptops enrolled in device management", "Keep servers patched": the object is brought
                # to the state a participle names
                or (
                    obj_tok is not None
                    and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i > obj_tok.i for c in obj_tok.children)
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
        # "Become the go-to platform", "Be the obvious choice": a copula whose complement is a noun names a state
        copular = (obj_tok is not None and obj_tok.dep_ == "attr" and obj_tok.head.i == verb.i) or (
            # "Stay compliant", "Become leaner": a verb with only an adjective complement names a state
            obj_tok is None
            and any(
                c.dep_ in {"acomp", "oprd", "xcomp"} and c.tag_ in {"JJ", "JJR", "JJS"} for c in verb.children
            )
        )
        obj_classes = (obj.classes | obj.counted_classes) if obj is not None else frozenset()
        if obj is not None and obj.people_made:
            obj_classes |= {"person"}  # "Generate 50 customer reviews": what people do, not work done
        place = number_place(obj, v_start + len(verb.text), own_q)
        # "Make our company go viral", "Help our partners sell for us", "Make customers happy": what the
        # object is brought to do or be
        complement = next(
            (
                c.lemma_.lower()
                for c in [*verb.children, *(obj_tok.children if obj_tok is not None else ())]
                if c.dep_ in {"ccomp", "xcomp", "oprd", "acomp"}
                and c.pos_ in {"VERB", "ADJ", "AUX"}
                and (obj_tok is None or c.i > obj_tok.i)
                and (purpose_tok is None or c.i != purpose_tok.i)
            ),
            None,
        )
        return Predicate(
            complement=complement,
            object_is_prepositional=obj_tok is not None and obj_tok.dep_ == "pobj",
            copular=copular,
            number_place=place,
            role=decide_role(classes, obj_classes, place, causative or copular),
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

    def _predicates(
        self, root: Token, shift: int, text: str, quantities: list[Quantity], conj_verbs: list[int]
    ) -> list[Predicate]:
        """``conj_verbs``: the indexes of the statement's verbs labelled ``conj``."""
        verbs: list[Token] = []
        if root.pos_ in {"VERB", "AUX"}:
            verbs.append(self._unwrap_modal(root))
        else:
            # A nominal root ("15% increase of Q1 revenue", "Breakfast buyers entering our store increase by
            # 50%"): the verbs hanging off it still carry predicates.
            verbs.extend(t for t in root.subtree if t.pos_ == "VERB" and t.dep_ in {"acl", "relcl", "ccomp"})
        # Verbs conjoined anywhere ("… questions and ensure that they have documentation", where the parser
        # hangs "ensure" off a participle) are predicates of the statement too.
        verbs.extend(root.doc[i] for i in conj_verbs)
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
            elif (
                # "Stay compliant", "Become carbon neutral": a state named by an adjective is a topic too
                t.pos_ == "ADJ"
                and t.dep_ in {"acomp", "oprd", "xcomp"}
                and not lex.has_word("vague_term", t.lower_)
                and not lex.has_word("quality_aspiration", t.lower_)
            ):
                out.append(t.lemma_.lower())
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

    def _subject_facts(self, subj: Token) -> SubjectFacts:
        """What the actor module needs to know about the subject, without tokens."""
        head = subj
        lemma = subj.lemma_.lower()
        population = False
        if lemma in {"%", "percent", "percentage", "share", "number"} or subj.like_num:
            # "80% of employees have answered …": the population counted is the actor
            pobj = next((t for t in subj.subtree if t.dep_ == "pobj"), None)
            population = True
            if pobj is not None:
                head, lemma = pobj, pobj.lemma_.lower()
            else:
                head = None  # type: ignore[assignment]
        if head is None:
            return SubjectFacts(lemma=lemma, words=frozenset(), population_without_noun=True)
        return SubjectFacts(
            lemma=lemma,
            words=frozenset(t.lower_ for t in head.subtree),
            population_without_noun=False,
            each_or_every=any(c.dep_ == "det" and c.lower_ in {"each", "every"} for c in head.children),
            bare_name=(
                head.pos_ == "PROPN"
                and head.text[:1].isupper()
                and not head.text.isupper()
                and not any(c.dep_ in {"compound", "det", "amod"} for c in head.children)
                and head.head.tag_ in {"VBZ", "VBD", "MD"}
            ),
            counted_population=population,
        )

    def read(self, parsed: ParsedStatement, quantities: list[Quantity]) -> Syntax:
        text, doc, shift = parsed.text, parsed.doc, parsed.frame_shift
        # Every token's attributes in one array call: reading them through Token objects (a new one for each
        # attribute and each pass over the Doc) cost more than the rest of this method.
        strings = doc.vocab.strings
        rows = doc.to_array(_word_attrs()).tolist()
        words = tuple(
            Word(
                text=strings[orth],
                lower=strings[lower],
                lemma=strings[lemma].lower(),
                pos=strings[pos],
                tag=strings[tag],
                dep=strings[dep],
                start=idx - shift,
                is_alpha=bool(alpha),
                is_stop=bool(stop),
                like_num=bool(num),
            )
            for orth, lower, lemma, pos, tag, dep, idx, alpha, stop, num in rows
            if idx >= shift
        )
        if not words:
            return Syntax(words=())
        first = len(rows) - len(words)  # the frame's own tokens come first
        tokens = [doc[i] for i in range(first, len(rows))]
        root_index = next((i for i, row in enumerate(rows) if strings[row[5]] == "ROOT"), 0)
        root = doc[root_index]
        conj_verbs = [first + i for i, w in enumerate(words) if w.dep == "conj" and w.pos == "VERB"]
        predicates = self._predicates(root, shift, text, quantities, conj_verbs)
        subject: Phrase | None = None
        facts: SubjectFacts | None = None
        main_verb = self._unwrap_modal(root) if root.pos_ in {"VERB", "AUX"} else root
        if not shift:
            subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None:
                subject = self._phrase(subj, 0, text, stop_at_prep_to=False)
                facts = self._subject_facts(subj)
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
        return Syntax(
            words=words,
            predicates=tuple(predicates),
            root_pos=root.pos_,
            subject=subject,
            subject_facts=facts,
            describes_present=describes_present,
            topic_words=self._topic_words(tokens),
            measured_clause=self._measured_clause(tokens, shift, quantities),
        )


@lru_cache(maxsize=1)
def _word_attrs() -> tuple[int, ...]:
    """The attributes a Word is made of, in its order (spaCy is imported only when a statement is read)."""
    from spacy.attrs import DEP, IDX, IS_ALPHA, IS_STOP, LEMMA, LIKE_NUM, LOWER, ORTH, POS, TAG

    return (ORTH, LOWER, LEMMA, POS, TAG, DEP, IDX, IS_ALPHA, IS_STOP, LIKE_NUM)


class Word(NamedTuple):
    """One token as plain data (a named tuple: made for every token of every statement, and a frozen dataclass
    took three times as long to build)."""

    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    start: int
    is_alpha: bool
    is_stop: bool
    like_num: bool


@dataclass(frozen=True, slots=True)
class SubjectFacts:
    """The grammatical subject as plain data: its head lemma, its words and the shape the actor depends on."""

    lemma: str
    words: frozenset[str]
    population_without_noun: bool
    each_or_every: bool = False
    bare_name: bool = False  # a capitalised name with no determiner or modifier, subject of a finite verb
    counted_population: bool = False


@dataclass(frozen=True, slots=True)
class Syntax:
    """Everything the rest of the analysis needs from the parse."""

    words: tuple[Word, ...]
    predicates: tuple[Predicate, ...] = ()
    root_pos: str = ""
    subject: Phrase | None = None
    subject_facts: SubjectFacts | None = None
    describes_present: bool = False
    topic_words: tuple[str, ...] = ()
    measured_clause: bool = False
