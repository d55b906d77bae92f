"""Numbers, placeholders and time expressions found in a statement's text (plain text, no parse)."""

from __future__ import annotations

import re

from okrlint.analysis.models import ChangeShape, Quantity, QuantityKind, TextSpan
from okrlint.lexicons import Lexicon

# A number as written in OKRs: "10,000", "40k", "$100", "5h", "8/10", ">2000", "4+", "3.5x", "98".
_NUMBER_RE = re.compile(
    r"(?P<cmp>[<>≥≤~]=?\s?)?(?P<cur>(?:[A-Z]{1,3})?[$€£¥])?(?P<num>\d+(?:[.,]\d+)*)(?P<suf>\s?(?:%|percent\b|k\b|K\b|m\b|M\b|"
    r"bn\b|x\b|×|\+|h\b|hrs?\b|min\b|s\b)|/\d+)?"
)
_DIGIT_RE = re.compile(r"\d")
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


def _unit_follows(rest: str, lexicon: Lexicon) -> bool:
    """A score unit right after the number ("10 points", "25 bps"): the number is a value, not part of a name."""
    lowered = rest.lower()
    return any(re.match(rf"\s*{re.escape(u)}\b", lowered) for u in lexicon.words.get("score_unit", ()))


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
        # "in the top 3 results": a position in a ranking, not a count ("implement the top 3 ideas" counts ideas)
        "in the top",
        "into the top",
        "within",
        "in",
    ):
        if before.endswith(" " + marker) or before == marker:
            return marker
    return ""


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
    # Every number has a digit: most statements have none, and one scan for a digit is far cheaper than the
    # number pattern's own scan, which tries its optional prefixes at every position.
    for m in _NUMBER_RE.finditer(text) if _DIGIT_RE.search(text) else ():
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
            acronym = prev_word.group(1) if prev_word else ""
            if (
                len(acronym) > 1
                and acronym.isupper()
                and not lexicon.noun_classes(acronym.lower())
                and text[end : end + 1] in {"", " ", ",", ".", ";", ")"}
                and not re.match(r"\s*(?:to|from|by|->|→)\b", text[end:])
                and not _unit_follows(text[end:], lexicon)
            ):
                # "ISO 27001", "SOC 2": a number after an acronym that names no measure is part of a standard's
                # name ("NPS 45" and "ARR 2M" stay values: those acronyms are metrics)
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
    # A duration that boxes the time ("in 5 months", "within 2 weeks", "5 months from now") is a timebox; one
    # shorter than a day ("in 25 minutes", "within 4 hours") is a limit on performance, so it stays a number.
    kept: list[Quantity] = []
    for q in quantities:
        after = text[q.end :].lstrip().lower()
        before = text[: q.start].rstrip().lower()
        if q.kind == "duration" and re.search(r"\b(?:first|last|next|past|initial)$", before):
            # "within their first 90 days", "in the last 6 months": a window of time, not a target
            times.append(TextSpan(text=q.text, start=q.start, end=q.end))
            continue
        if (
            q.kind == "duration"
            and not is_sub_day(q)
            and (q.marker in {"", "in", "within", "over"})
            and (q.marker in {"in", "within", "over"} or after.startswith("from now"))
        ):
            times.append(TextSpan(text=q.text, start=q.start, end=q.end))
            continue
        kept.append(q)
    kept.sort(key=lambda q: q.start)
    return kept, times


_SECONDS = {"second": 1, "sec": 1, "s": 1, "minute": 60, "min": 60, "h": 3600, "hr": 3600, "hour": 3600}
# Markers of a limit a duration must stay within: "in 25 minutes", "in under 2 hours", "within 4 hours".
# Markers of a position in a ranking: "appear in the top 3 results", "get into the top 10".
RANK_MARKERS = frozenset({"in the top", "into the top"})
LIMIT_MARKERS = frozenset({"in", "within", "under", "below", "less than", "at most", "no more than"})


def is_sub_day(q: Quantity) -> bool:
    """A duration shorter than a day ("25 minutes", "4h", "90 seconds"): a performance, not a deadline."""
    if q.kind != "duration" or q.value is None:
        return False
    unit = (q.unit or "").lower().rstrip(".")
    unit = unit[:-1] if unit.endswith("s") and len(unit) > 1 else unit
    factor = _SECONDS.get(unit)
    return factor is not None and q.value * factor < 86_400


def change_shape(
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
