"""Very large inputs: work that grows with the number of key results grows linearly."""

from __future__ import annotations

import pytest
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


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.frozensets(st.sampled_from("abcdefghijklmnop"), min_size=10, max_size=16).flatmap(
            lambda base: st.sampled_from([base, base - {min(base)}, base | {"z"}, base - {max(base)} | {"y"}])
        ),
        max_size=12,
    ),
    st.sampled_from([0.85, 0.9]),
)
def test_long_near_duplicates_are_found_as_a_pairwise_scan_finds_them(
    sets: list[frozenset[str]], threshold: float
) -> None:
    # Sets of 10-16 words one word apart: the sizes at which different sets can reach 0.85.
    assert first_similar(sets, threshold) == _pairwise(sets, threshold)


def test_thousands_of_identical_key_results_each_point_at_the_first() -> None:
    count = 3_000
    text = "## Grow our community in Q3\n\n" + "- Raise weekly active members from 1,000 to 5,000\n" * count
    report = Linter({"select": ["S317"]}).lint_text(text, format="markdown")
    duplicates = [f for f in report.findings if f.code == "S317"]
    assert len(duplicates) == count - 1
    assert {f.statement.id for f in duplicates if f.statement} == {f"O1.KR{i}" for i in range(2, count + 1)}
    assert all(f.message.startswith("Key result repeats O1.KR1:") for f in duplicates)


def _large_document() -> str:
    """A file with everything rules over the whole file look at: repeated key results, a person's own OKRs,
    too many objectives, suppression directives (one used, one not) and findings with rewrites."""
    parts = ["---", "owner: Sam", "level: individual", "period: Q3 2024", "---", "", "# My OKRs", ""]
    for i in range(9):
        parts += [f"## Grow our community in region {i}", ""]
        parts += [
            "- Launch the new website <!-- okrlint: ignore[K203] the launch is the plan -->",
            "- Raise weekly active members from 1,000 to 5,000",
            f"- Improve onboarding for team {i}",
            f"- Write {i + 2} blog posts <!-- okrlint: ignore[K202,K999] nothing to silence here -->",
            "",
        ]
    return "\n".join(parts)


def test_a_large_document_linted_in_parts_reports_what_it_reports_whole(monkeypatch) -> None:
    import okrlint.api

    text = _large_document()
    config = {"extend-select": ["X001"]}  # unused directives too: known only once every finding is in
    whole = Linter(config).lint_text(text, format="markdown")
    monkeypatch.setattr(
        okrlint.api, "BATCH_STATEMENTS", 7
    )  # every document is "large": parts of 2 objectives
    parts = Linter(config).lint_text(text, format="markdown")
    codes = {f.code for f in whole.findings}
    assert {"S317", "S306", "S302"} <= codes and any(c.startswith("X") for c in codes)
    assert any(f.suppressed for f in whole.findings) and any(f.suggestions for f in whole.findings)
    assert [f.model_dump() for f in parts.findings] == [f.model_dump() for f in whole.findings]


def test_workers_share_one_large_document_and_report_what_one_process_reports(monkeypatch) -> None:
    import multiprocessing

    import okrlint.api
    from okrlint.api import SourceDocument
    from okrlint.readers import read_document

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers need fork")
    text = _large_document()
    config = {"extend-select": ["X001"]}
    source = SourceDocument(read_document(text, path="okrs.md", format="markdown"), text)
    alone = Linter(config).lint_documents([source])
    monkeypatch.setattr(okrlint.api, "BATCH_STATEMENTS", 7)
    monkeypatch.setattr(okrlint.api, "MIN_PARALLEL_BATCH", 5)
    shared = Linter(config).lint_documents([source], jobs=2)
    assert [f.model_dump() for f in shared.findings] == [f.model_dump() for f in alone.findings]
