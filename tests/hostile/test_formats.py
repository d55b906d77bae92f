"""Malformed or odd content in each format, odd statements, and OKRs not written in English."""

from __future__ import annotations

import pytest

from okrlint.api import Linter
from tests.hostile.conftest import (
    NASTY,
    GoodBaseline,
    assert_linted,
    assert_one_error,
    check_with_good,
    invoke,
)

NON_ENGLISH = ["zh.md", "de.md", "ja.md", "ru.md"]
# Every rule family, including rules that are off by default: none of the English rules may fire.
ALL_RULES = ("--select", "O,K,S")


def test_csv_with_ragged_rows_and_quotes_reads_every_statement(linter: Linter) -> None:
    text = (NASTY / "ragged.csv").read_text(encoding="utf-8")
    document = linter.lint_text(text, path="ragged.csv").documents[0]
    assert [(o.statement.text, [k.statement.text for k in o.key_results]) for o in document.objectives] == [
        (
            "Grow revenue",
            ["Increase ARR from $1,000,000 to $1,500,000", "Increase net revenue retention from 95% to 110%"],
        ),
        ('Delight customers, "really"', ["Raise NPS from 30 to 50 (measured quarterly)"]),
        ("Delight customers", ["Cut support response time from 24h to 8h"]),
    ]


def test_csv_with_ragged_rows_via_the_cli(good_baseline: GoodBaseline) -> None:
    outcome = check_with_good([NASTY / "ragged.csv"], good_baseline)
    assert assert_linted(outcome, NASTY / "ragged.csv")["key_results"] == 4


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("extra_fields.csv", "row has 6 fields but the header has 3", "3"),
        ("unclosed_quote.csv", "CSV error", "3"),
    ],
)
def test_broken_csv_is_one_error(name: str, message: str, line: str, good_baseline: GoodBaseline) -> None:
    error = assert_one_error(check_with_good([NASTY / name], good_baseline), NASTY / name, contains=message)
    assert error["line"] == line


def test_markdown_with_an_unclosed_fence_reads_what_a_person_sees(good_baseline: GoodBaseline) -> None:
    # CommonMark runs an unclosed fence to the end of the file; a person sees it end before the next "##"
    # heading, so the second objective is read too (and the fence's own lines are not).
    outcome = check_with_good([NASTY / "unclosed_fence.md"], good_baseline)
    summary = assert_linted(outcome, NASTY / "unclosed_fence.md")
    assert (summary["objectives"], summary["key_results"]) == (2, 2)


def test_markdown_with_raw_html_and_script_is_linted_and_escaped_in_the_html_report(
    good_baseline: GoodBaseline,
) -> None:
    path = NASTY / "html_script.md"
    outcome = check_with_good([path], good_baseline)
    assert assert_linted(outcome, path)["objectives"] == 1
    html = invoke(["check", "--isolated", "--output-format", "html", str(path)]).stdout
    assert "<script>alert" not in html and "onerror=" not in html


def test_html_tags_never_reach_a_statement(linter: Linter) -> None:
    document = linter.lint_text(
        (NASTY / "html_script.md").read_text(encoding="utf-8"), path="h.md"
    ).documents[0]
    statements = [s.text for s in document.statements()]
    assert statements and not any("<" in s or ">" in s for s in statements), statements


@pytest.mark.parametrize("name", ["emoji_only.md", "punctuation_only.md"])
def test_statements_without_a_letter_or_digit_are_not_statements(
    name: str, good_baseline: GoodBaseline
) -> None:
    outcome = check_with_good([NASTY / name], good_baseline)
    summary = assert_linted(outcome, NASTY / name)
    assert (summary["objectives"], summary["key_results"]) == (0, 0)


def test_single_character_statements_are_linted(good_baseline: GoodBaseline) -> None:
    outcome = check_with_good([NASTY / "single_char.md"], good_baseline)
    summary = assert_linted(outcome, NASTY / "single_char.md")
    assert (summary["objectives"], summary["key_results"]) == (1, 2)  # "O" labels; "x" and "1" are KRs


@pytest.mark.parametrize(
    "text",
    ["🚀", "🚀🚀🚀 🎯", "✅", "...", "?!", "(((", "x", "1", "%", "-", " ", "", "\u200b", "a" * 500, "ß", "İ"],
)
@pytest.mark.parametrize("kind", ["key_result", "objective"])
def test_api_odd_statements_never_raise(text: str, kind: str, linter: Linter) -> None:
    for finding in linter.lint_statement(text, kind=kind, objective="🚀"):
        assert finding.start.line == 1


@pytest.mark.parametrize("name", NON_ENGLISH)
def test_non_english_okrs_get_no_english_rule(name: str, good_baseline: GoodBaseline) -> None:
    outcome = check_with_good([NASTY / name], good_baseline, *ALL_RULES)
    summary = assert_linted(outcome, NASTY / name)
    assert summary["objectives"] == 1 and summary["key_results"] >= 3  # really read, so really checked
    codes = [f["code"] for f in outcome.report["findings"] if f["path"].endswith(name)]
    assert not [c for c in codes if c.startswith(("K2", "O1"))], codes


@pytest.mark.parametrize(
    "statement",
    [
        "将30天留存率从20%提高到35%",
        "发布新的新手引导流程",
        "Eine neue Wissensdatenbank veröffentlichen",
        "Drei Workshops mit Kunden durchführen",
        "新しいヘルプセンターを公開する",
        "Запустить новую базу знаний",
        "Провести три семинара с клиентами",
    ],
)
def test_non_english_statements_through_the_api(statement: str, linter: Linter) -> None:
    # Output-like and activity-like KRs: in English these get K203/K204; here no English rule may guess.
    codes = [f.code for f in linter.lint_statement(statement, objective="Ziel")]
    assert not [c for c in codes if c.startswith(("K2", "O1"))], codes
