"""Numbers and time expressions on hand-built sentences (plain text, no parse)."""

from __future__ import annotations

import pytest

from okrlint.analysis.quantities import change_shape, find_quantities, is_sub_day
from okrlint.lexicons import default_lexicon


def _found(text: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    quantities, times = find_quantities(text, default_lexicon())
    return [(q.text, q.kind, q.marker) for q in quantities], [t.text for t in times]


@pytest.mark.parametrize(
    ("text", "quantities", "times"),
    [
        ("Increase NPS from 30 to 45", [("30", "count", "from"), ("45", "count", "to")], []),
        ("Grow ARR by 20%", [("20%", "percent", "by")], []),
        ("Raise revenue to $1.5M", [("$1.5M", "money", "to")], []),
        ("Reach 8/10 on the survey", [("8/10", "ratio", "")], []),
        ("Launch in Germany in Q3", [], ["Q3"]),
        ("Ship the app by 2025", [], ["2025"]),
        ("Go live by March 31", [], ["31"]),
        ("Cut onboarding to x% of the current time", [("x%", "placeholder", "to")], []),
        # a duration that boxes the time is a deadline; one shorter than a day is a performance limit
        ("Launch the portal in 5 months", [], ["5"]),
        ("Run 5 km in 25 minutes", [("5", "count", ""), ("25", "duration", "in")], []),
        ("Answer tickets within 4h", [("4h", "duration", "within")], []),
        # a window counted from an event is a time span, not a target
        ("Onboard new hires within their first 90 days", [], ["90"]),
        ("Double weekly active teams", [("Double", "multiplier", "")], []),
        # a number after an acronym that names no measure is part of a standard's name; after a metric, a value
        ("Pass the SOC 2 audit", [], []),
        ("Reach NPS 45", [("45", "count", "")], []),
        # a score unit after the number makes it a value, whatever the acronym before it
        ("Improve OEE 10 points", [("10", "count", "")], []),
        # "in the top 3": a position in a ranking
        ("Appear in the top 3 results", [("3", "count", "in the top")], []),
    ],
)
def test_quantities_and_times(text: str, quantities: list[tuple[str, str, str]], times: list[str]) -> None:
    assert _found(text) == (quantities, times)


def test_sub_day_durations() -> None:
    quantities, _ = find_quantities("in 90 seconds, within 2 hrs", default_lexicon())
    assert [is_sub_day(q) for q in quantities] == [True, True]
    _, times = find_quantities("within 24 hours", default_lexicon())
    assert [t.text for t in times] == ["24"]  # a whole day is a deadline again


@pytest.mark.parametrize(
    ("text", "shape", "baseline", "target"),
    [
        ("Increase NPS from 30 to 45", "from_to", "30", "45"),
        ("Grow ARR by 20%", "by", None, "20%"),
        ("Reduce churn to 3%", "to", None, "3%"),
        ("NPS of 45", "of", None, "45"),
        ("45 NPS", "level", None, "45"),
        ("Improve NPS", "none", None, None),
    ],
)
def test_change_shape(text: str, shape: str, baseline: str | None, target: str | None) -> None:
    quantities, _ = find_quantities(text, default_lexicon())
    found, base, tgt = change_shape(text, quantities)
    assert found == shape
    assert (base.text if base else None, tgt.text if tgt else None) == (baseline, target)
