"""Word forms for rewrites, from lemminflect's dictionary and spelling rules: the one place the suggester asks
what a word is ("is 'fitter' a comparative?") or how to inflect it ("buying" -> "buy", "launch" -> "launched").

lemminflect is imported on first use: its tables take a noticeable time to load and most runs never ask.
"""

from __future__ import annotations

import re

# The comparatives that are not an adjective + "-er"
IRREGULAR_COMPARATIVE = re.compile(r"\b(?:more|less|fewer|better|worse)\b", re.IGNORECASE)


def is_verb(word: str) -> bool:
    """A verb lemma by lemminflect's dictionary ("market-test": its last part, "test", is one)."""
    from lemminflect import getAllInflections

    return bool(getAllInflections(word.rsplit("-", 1)[-1], upos="VERB"))


def is_comparative(word: str) -> bool:
    """A comparative adjective or adverb ("fitter", "healthier", "more"), by lemminflect's inflections."""
    from lemminflect import getInflection, getLemma

    lowered = word.lower()
    if IRREGULAR_COMPARATIVE.fullmatch(lowered):
        return True
    if len(lowered) < 4 or not lowered.isalpha() or not lowered.endswith("er"):
        return False  # a regular comparative ends in -er; the irregular ones are listed above
    for lemma in getLemma(lowered, upos="ADJ"):
        if lemma != lowered and lowered in getInflection(lemma, tag="JJR"):
            return True
    return False


def is_adjective(word: str) -> bool:
    """An adjective ("happy", "boring"), by lemminflect's lemma table."""
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word.lower())


def is_plural(word: str) -> bool:
    """A plural noun ("programs"), by lemminflect's lemma."""
    from lemminflect import getLemma

    bare = word.lower().strip(".,;")
    lemmas = getLemma(bare, upos="NOUN")
    return bool(lemmas) and lemmas[0] != bare


def verb_lemmas(word: str) -> tuple[str, ...]:
    """The verb lemmas an inflected form may come from ("released" -> "release"); the word itself if none."""
    from lemminflect import getLemma

    return tuple(getLemma(word.lower(), upos="VERB")) or (word.lower(),)


def base_form(verb: str) -> str:
    """A verb's base form from its inflection ("buying" -> "buy")."""
    return verb_lemmas(verb)[0]


def past_participle(verb: str) -> str | None:
    """The past participle of a verb lemma ("spend" -> "spent"), or None when lemminflect knows no form."""
    from lemminflect import getInflection

    done = getInflection(verb, tag="VBN")
    return done[0] if done else None


# Spellings whose sound does not match their first letter: a vowel said "you" or "w" ("a user", "a unique",
# "a euro", "a one-off"), and a silent "h" ("an hour"). "uni" before n, m or d is the prefix "un-" ("an
# uninstall", "an unimportant"), said with a vowel.
_VOWEL_SAID_AS_CONSONANT = re.compile(r"^(?:us[aeiou]|uni(?![nmd])|ut[aeiou]|ur[aeiou]|eu|one\b|once\b)")
_SILENT_H = re.compile(r"^(?:hour|honest|honou?r|heir)")
# Letters whose names start with a vowel sound: an acronym said letter by letter is "an MVP", "an SLA", "a KPI".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Acronyms said as a word, not letter by letter
_SAID_AS_WORDS = frozenset(
    {"SMART", "NASA", "NATO", "UNICEF", "UNESCO", "OPEC", "FOMO", "SaaS", "SCRUM", "GIF"}
)
_LEADING_LETTERS = re.compile(r"[A-Za-z]+")
# A number said with a vowel first: eight, eighty, eight hundred…, eleven, eighteen (and their thousands)
_VOWEL_NUMBER = re.compile(r"^(?:8|1[18](?:\D|$|,\d{3}))")


def indefinite_article(word: str) -> str:
    """ "a" or "an" for the word as it is said, not as it is spelled ("a user", "an hour", "an MVP", "an
    8-hour", "an NPS-driven", "a SMART")."""
    word = word.strip(".,;:!?\"'()")
    if word[:1].isdigit():
        return "an" if _VOWEL_NUMBER.match(word) else "a"
    letters = _LEADING_LETTERS.match(word)
    lead = letters.group(0) if letters else ""
    if lead.upper() in _SAID_AS_WORDS:
        return "an" if lead[:1].lower() in "aeiou" else "a"
    # an acronym, or a capital letter on its own ("X-ray"), is said letter by letter
    if lead.isupper() and (len(lead) > 1 or word[len(lead) : len(lead) + 1] in ("-", "")):
        return "an" if lead[0] in _VOWEL_SOUND_LETTERS else "a"
    lowered = word.lower()
    if _SILENT_H.match(lowered):
        return "an"
    if _VOWEL_SAID_AS_CONSONANT.match(lowered):
        return "a"
    return "an" if lowered[:1] in ("a", "e", "i", "o", "u") else "a"
