"""The full format: source line, caret under the span (end exclusive), help, why, sources, docs, summary."""

from __future__ import annotations

from okrlint.formatters import concise as concise_format
from okrlint.formatters import full, text
from okrlint.models import Applicability, Citation, Suggestion
from tests.formatters.sample import make_finding, report_of, sample_report


def _block(**kwargs: object) -> list[str]:
    return full.render(report_of([make_finding(**kwargs)])).splitlines()  # type: ignore[arg-type]


def test_caret_under_the_span_end_exclusive() -> None:
    lines = _block(line_text="- KR1: Improve onboarding", start=(12, 8), end=(12, 15))
    assert lines[0] == "okrs/q3.md:12:8: K201 Key result has no number."
    assert lines[2] == "12 | - KR1: Improve onboarding"
    assert lines[3] == "   |        ^^^^^^^"


def test_span_past_line_end_is_underlined_to_the_end() -> None:
    lines = _block(line_text="Improve onboarding", start=(3, 9), end=(3, 80))
    assert lines[3] == "  |         ^^^^^^^^^^"


def test_multi_line_span_underlines_the_rest_of_the_first_line() -> None:
    lines = _block(line_text="- Double users and", start=(6, 3), end=(7, 14))
    assert lines[2] == "6 | - Double users and"
    assert lines[3] == "  |   ^^^^^^^^^^^^^^^^"


def test_empty_span_gets_one_caret() -> None:
    lines = _block(line_text="abc", start=(1, 2), end=(1, 2))
    assert lines[3] == "  |  ^"


def test_tabs_and_wide_characters_keep_the_caret_aligned() -> None:
    lines = _block(line_text="\t目標: grow", start=(1, 6), end=(1, 10))
    assert lines[2] == "1 |     目標: grow"
    # A tab is 4 cells and each CJK character 2: "grow" starts 10 cells in.
    assert lines[3] == "  | " + " " * 10 + "^^^^"


def test_control_characters_in_the_source_line_are_shown_not_sent_to_the_terminal() -> None:
    lines = _block(line_text="bad\x1b[2Jline", start=(1, 1), end=(1, 4))
    assert "\x1b" not in "\n".join(lines)
    assert lines[2] == "1 | bad\\x1b[2Jline"


def test_the_caret_stays_under_the_span_after_an_escaped_control_character() -> None:
    # "\x07" takes four cells, so "line" starts 4 + 4 cells in.
    lines = _block(line_text="bad\x07line", start=(1, 5), end=(1, 9))
    assert lines[2] == "1 | bad\\x07line"
    assert lines[3] == "  | " + " " * 7 + "^^^^"


def test_no_line_text_means_no_snippet() -> None:
    lines = _block(line_text=None)
    assert lines[1] == "  = warning: K201 key-result-without-number"


def test_help_why_source_and_docs_lines() -> None:
    finding = make_finding(line_text="x").model_copy(
        update={
            "suggestions": (
                Suggestion(text="Raise it from <baseline>\nto <target>"),
                Suggestion(text="Raise it", applicability=Applicability.SAFE),
            ),
            "explanation": "word " * 40,
            "source": (Citation(file="003_x.txt", line=428), Citation(file="004_y.txt", line=9)),
            "docs": "docs/rules/K201-key-result-without-number.md",
        }
    )
    lines = full.render(report_of([finding])).splitlines()
    assert "  = help: Raise it from <baseline> to <target> [display-only]" in lines
    assert "  = help: Raise it [safe]" in lines
    why = [line for line in lines if line.startswith("  = why: ") or line.startswith("         word")]
    assert len(why) >= 2 and all(len(line) <= full.WIDTH for line in why)
    # Guides are cited by title; a file okrlint does not know is named as it is.
    assert "  = source: 003_x.txt (line 428); 004_y.txt (line 9)" in lines
    assert lines[-3:-1] == ["  = docs: docs/rules/K201-key-result-without-number.md", ""]


def test_same_first_lines_and_summary_as_text() -> None:
    report = sample_report()
    out = full.render(report)
    concise = concise_format.render(report).splitlines()
    for line in concise[:-1]:
        assert line in out.splitlines()
    assert out.splitlines()[-1] == concise[-1]
    # The suppressed K208 finding stays out.
    assert "K208" not in out


def test_text_shows_the_first_rewrite_under_its_finding_and_concise_does_not() -> None:
    report = sample_report()
    lines = text.render(report).splitlines()
    at = lines.index(next(line for line in lines if " K201 " in line))
    assert lines[at + 1] == "  help: Raise onboarding completion from <baseline> to <target>"
    assert not any(line.startswith("  help:") for line in concise_format.render(report).splitlines())
