"""Recognise OKR periods ("Q3 2024", "FY21-Q1", "2020-01 ~2020-02") in headings, titles and first lines."""

from __future__ import annotations

import re

# Section 4.3 step 1 of the file-format note, plus "H1 2024" and "2024 H1".
PERIOD_RE = re.compile(
    r"(?<![\w-])(?:"
    r"\d{4}-\d{2}\s?~\s?\d{4}-\d{2}"
    r"|(?:FY)?\d{2,4}[- ]?Q[1-4]"
    r"|Q[1-4][- ]?(?:FY)?\d{2,4}"
    r"|H[12][- ]\d{4}|\d{4}[- ]H[12]"
    r"|Set \d"
    r")(?![\w])",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"^\s*(\d{4})\s*$")
_QUARTER_RE = re.compile(r"^\s*Q?([1-4])\s*$", re.IGNORECASE)


def find_period(text: str) -> str | None:
    """The first period written in ``text``, as written (whitespace around ``~`` kept)."""
    match = PERIOD_RE.search(text)
    return match.group(0) if match else None


_PERIOD_KEY = re.compile(r"^\s*(?:Q[1-4]|H[12]|FY\s?\d{2,4}|\d{4})\s*$", re.IGNORECASE)


def period_key(text: str) -> str | None:
    """A key that is a period on its own ("Q4", "H1", "2019", "FY24", "2024-Q3"), as written; else None."""
    found = find_period(text)
    if found is not None and found.strip() == text.strip():
        return found
    return text.strip() if _PERIOD_KEY.match(text) else None


def strip_period(text: str) -> str:
    """``text`` without its period, for telling a "Q3 2024" heading from a real objective."""
    return PERIOD_RE.sub(" ", text)


def year_quarter(year: object, quarter: object) -> str | None:
    """``year: 2024`` + ``quarter: 3`` (or ``Q3``) -> ``2024-Q3``."""
    year_match = _YEAR_RE.match(str(year)) if year is not None else None
    quarter_match = _QUARTER_RE.match(str(quarter)) if quarter is not None else None
    if year_match and quarter_match:
        return f"{year_match.group(1)}-Q{quarter_match.group(1)}"
    if quarter is not None and not quarter_match:
        return str(quarter)
    return None


_QUARTER_FIRST = re.compile(r"^\s*(?P<part>[QH][1-4])[- /]?(?P<year>(?:FY)?\d{2,4})\s*$", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"^\s*(?P<year>(?:FY)?\d{2,4})[- /]?(?P<part>[QH][1-4])\s*$", re.IGNORECASE)


def display_period(period: str | None) -> str | None:
    """A period in the one form people read: "2024-Q4", "Q4-2024" and "q4 2024" all become "Q4 2024" ("FY24 Q1"
    becomes "Q1 FY24"); anything else is shown as written."""
    if period is None:
        return None
    match = _QUARTER_FIRST.match(period) or _YEAR_FIRST.match(period)
    if match is None:
        return " ".join(period.split())
    return f"{match['part'].upper()} {match['year'].upper()}"
