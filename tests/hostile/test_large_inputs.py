"""Very large inputs: work that grows with the number of key results grows linearly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.api import Linter
from okrlint.checks.okr_set import first_similar


def _pairwise(sets: list[frozenset[str]], threshold: float) -> list[int | None]:
    """The definition: the first earlier set at least ``threshold`` alike, by comparing every pair."""
    out: list[int | None] = []
    for i, words in enumerate(sets):
        out.append(
            next((j for j in range(i) if len(words & sets[j]) / len(words | sets[j]) >= threshold), None)
        )
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.frozensets(st.sampled_from("abcdefgh"), min_size=1, max_size=6), max_size=25),
    st.sampled_from([0.5, 0.6, 0.85, 1.0]),
)
def test_grouped_duplicates_find_what_a_pairwise_scan_finds(
    sets: list[frozenset[str]], threshold: float
) -> None:
    assert first_similar(sets, threshold) == _pairwise(sets, threshold)


def test_thousands_of_identical_key_results_each_point_at_the_first() -> None:
    count = 3_000
    text = "## Grow our community in Q3\n\n" + "- Raise weekly active members from 1,000 to 5,000\n" * count
    report = Linter({"select": ["S317"]}).lint_text(text, format="markdown")
    duplicates = [f for f in report.findings if f.code == "S317"]
    assert len(duplicates) == count - 1
    assert {f.statement.id for f in duplicates if f.statement} == {f"O1.KR{i}" for i in range(2, count + 1)}
    assert all(f.message.startswith("Key result repeats O1.KR1:") for f in duplicates)
