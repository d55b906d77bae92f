"""Text helpers shared by the rewrite generators: placeholders and their samples, capitals, determiners,
spacing, and the questions the coach asks when unsure.
"""

from __future__ import annotations

import re

from okrlint import placeholders

PLACEHOLDERS = {"<baseline>": "40", "<target>": "60", "<number>": "12", "<who>": "our customers"}
# A placeholder that stands for a phrase the author must choose ("<the result>", "<a measure>"), as the readers
# recognise it: filled with a sample measure when the rewrite is re-linted.
_PHRASE_SAMPLE = "customer satisfaction"
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS) + "|" + placeholders.PHRASE)
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
DETERMINERS = ("the ", "a ", "an ", "our ", "my ", "their ", "your ", "its ", "this ", "these ", "those ")
NOTICE = "Who will notice when it's done, and what will they notice?"
UNKNOWN_TOPIC = "<what you need to learn>"


def fill(text: str) -> str:
    """The text with sample numbers and phrases in place of placeholders, for re-linting."""
    return _PLACEHOLDER_RE.sub(lambda m: PLACEHOLDERS.get(m.group(0), _PHRASE_SAMPLE), text)


def has_placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER_RE.search(text))


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "") for n in DIGITS.findall(text)}


def templatize(text: str) -> str:
    """A worked example with its numbers turned into placeholders ("from 15 to 25%" -> "from <baseline> to
    <target>%"), so that it can be shown without putting the guide's numbers in the author's mouth."""
    out = re.sub(r"\bfrom\s+[$€£]?\d[\d,.]*\s*(?:[a-zA-Z%]+\s+)?to\s+", "from <baseline> to ", text)
    out = re.sub(r"(?:[>≥]\s?)?[$€£]?\d[\d,.]*(?:k\b|K\b)?(?:/\d+)?", "<target>", out)
    return re.sub(r"<target>(\s*(?:out of|/)\s*)<target>", r"<target>\1<target>", out)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def uncapital(text: str) -> str:
    """A sentence start in lower case, unless the first word is a name or an acronym ("EMEA", "eNPS")."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() and first != "I" else text


def strip_determiner(text: str) -> str:
    lowered = text.lower()
    for det in DETERMINERS:
        if lowered.startswith(det):
            return text[len(det) :]
    return text


def one_spaced(text: str) -> str:
    """Runs of whitespace as one space: patterns that start or end with ``\\s*`` stay linear on long runs."""
    return " ".join(text.split())


# Compiled once: tidy runs for every candidate rewrite (tens of thousands of calls on a large file)
_SPACE_RUN = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?])")


def tidy(text: str) -> str:
    """One space between words, none before punctuation, no dangling comma or preposition at the end."""
    text = _SPACE_RUN.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)
    return text.strip(" ,;:")
