"""The shared cleaning builder: what is removed, what is kept as a field, and that it only deletes."""

from __future__ import annotations

import time

import pytest

from okrlint.readers.cleaning import Cleaned, clean_range


def _clean(raw: str) -> Cleaned:
    cleaned = clean_range(raw, 0, len(raw))
    for ch, offset in zip(cleaned.text, cleaned.offsets, strict=True):
        assert raw[offset] == ch or (raw[offset].isspace() and ch.isspace())
    return cleaned


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("**Increase** _blog_ `visitors` by 35%", "Increase blog visitors by 35%"),
        ("Read the [launch post](https://x.io/a_(b)) twice", "Read the launch post twice"),
        ("Raise revenue to [$N][n]", "Raise revenue to $N"),
        ("Ship <sub>v2</sub> <a href='x'>now</a>", "Ship v2 now"),
        ("Objective 1 - Grow revenue", "Grow revenue"),
        ("O1：提升活跃度", "提升活跃度"),
        ("KR 1.2 - Reduce churn by 20%.", "Reduce churn by 20%"),
        ("Key Result: Reduce churn by 20%;", "Reduce churn by 20%"),
        ("KR: Reduce churn", "Reduce churn"),
        ("Keep 3 * 4 and snake_case", "Keep 3 * 4 and snake_case"),
        ("Get 100 mentions of @ourbrand on Twitter", "Get 100 mentions of @ourbrand on Twitter"),
        ("Increase NA revenue by 10%", "Increase NA revenue by 10%"),
        ("Improve ≥ → < 5 errors", "Improve ≥ → < 5 errors"),
        ("Make AT&amp;T happy", "Make AT&T happy"),
        ("Increase conversion by 20% (60%)", "Increase conversion by 20%"),
        ("Increase conversion (from 20% to 30%)", "Increase conversion (from 20% to 30%)"),
        ("Cut costs ~~by 10%~~ by 15%", "Cut costs by 15%"),
    ],
)
def test_cleaned_text(raw: str, text: str) -> None:
    assert _clean(raw).text == text


def test_tokens_are_kept_as_fields() -> None:
    tokens = _clean("✅ [x] P0 Increase blog new visitors by 35% @alice (60%)").tokens
    assert (tokens.status, tokens.priority, tokens.owner, tokens.progress) == ("done", "P0", "alice", 0.6)
    assert tokens.progress_raw == "60%"
    tokens = _clean("**P0** - Increase MQL from 3000 to 4400 - @bob, @carol").tokens
    assert (tokens.priority, tokens.owner) == ("P0", "bob, carol")
    assert _clean("Ship it (Owner: Dana Lee)").tokens.owner == "Dana Lee"
    assert _clean("Ship it (0.7)").tokens.progress == 0.7
    assert _clean("Ship it ==> Done").tokens.progress == 1.0
    assert _clean("Ship it → Done").tokens.progress == 1.0
    assert _clean("Ship it :white_check_mark:").tokens.status == "done"
    assert _clean("!WIP! Ship it").tokens.status == "in_progress"
    star = _clean("⭐️ Ship it")
    assert star.text == "Ship it" and star.tokens.star


def test_labels_keep_the_users_numbering() -> None:
    assert _clean("Objective 2: Grow").tokens.label_id == "O2"
    assert _clean("KR 1.2 - Grow").tokens.label_id == "KR1.2"
    assert _clean("Key Results:").tokens.label == "key_result"
    assert _clean("Key Results:").text == ""


def test_whole_strikethrough_drops_with_replacement_note() -> None:
    cleaned = _clean("~~KR1.1: Ship the thing~~ → replaced by KR1.4")
    assert cleaned.text == "Ship the thing"
    assert cleaned.tokens.dropped and cleaned.tokens.note == "replaced by KR1.4"


def test_a_statement_that_is_only_a_status_word_is_kept() -> None:
    assert _clean("TBD").text == "TBD"


def test_line_breaking_tag_between_words_is_approximate() -> None:
    cleaned = clean_range("docs<br>search", 0, 14)
    assert cleaned.approximate and cleaned.text == "docs search" and cleaned.node_span == (0, 14)


@pytest.mark.parametrize(
    ("raw", "text"),
    [("`a` and ``b`` and `c", "a and b and `c"), ("```x``` `y`", "x y"), ("`` a`b ``", "a`b")],
)
def test_code_spans_pair_backtick_runs_of_equal_length(raw: str, text: str) -> None:
    assert _clean(raw).text == text


@pytest.mark.parametrize(
    "raw", ["`" * 20_000 + "a", " ".join(["@a,"] * 2000), "**a" * 5000, "[" * 5000 + "](" * 5000]
)
def test_pathological_lines_clean_in_linear_time(raw: str) -> None:
    start = time.perf_counter()
    clean_range(raw, 0, len(raw))
    assert time.perf_counter() - start < 2.0
