"""Suggestions: built from the author's words, never inventing numbers, and always linting clean."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrlint.api import Linter
from okrlint.models import Applicability, Severity
from okrlint.suggest import fill, has_placeholder, numbers_in, templatize

OUTPUT_VERBS = [
    "Launch",
    "Create",
    "Build",
    "Write",
    "Publish",
    "Update",
    "Design",
    "Implement",
    "Send",
    "Make",
    "Redesign",
    "Ship",
    "Prepare",
    "Develop",
    "Record",
    "Organize",
]
ARTEFACTS = [
    "the new website",
    "our onboarding tips",
    "a product marketing plan",
    "videos for youtube",
    "the customer portal",
    "a weekly newsletter",
    "new blog posts",
    "the pricing page",
    "an ebook",
    "the mobile app",
    "a new feature",
    "an email campaign",
    "the FAQ section",
    "case studies",
    "the sales deck",
    "a webinar",
]
NUMBERS = ["", " 3", " 10", " 25"]


def _clean(linter: Linter, text: str, objective: str | None = None) -> bool:
    findings = linter.lint_statement(fill(text), kind="key_result", objective=objective, suggest=False)
    return not any(f.severity.at_least(Severity.WARNING) for f in findings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    verb=st.sampled_from(OUTPUT_VERBS), artefact=st.sampled_from(ARTEFACTS), number=st.sampled_from(NUMBERS)
)
def test_suggestions_for_outputs_lint_clean_and_add_no_numbers(
    linter: Linter, verb: str, artefact: str, number: str
) -> None:
    words = artefact.split(" ", 1)
    statement = (
        f"{verb}{number} {words[1]}"
        if number and words[0] in {"a", "an", "the", "our"}
        else f"{verb} {artefact}"
    )
    findings = linter.lint_statement(statement, kind="key_result")
    for finding in findings:
        for suggestion in finding.suggestions:
            assert numbers_in(suggestion.text) <= numbers_in(statement), (statement, suggestion.text)
            assert _clean(linter, suggestion.text), (statement, suggestion.text)


def test_output_key_result_gets_an_outcome_on_the_same_artefact(linter: Linter) -> None:
    (finding,) = [f for f in linter.lint_statement("Launch the new website") if f.code == "K203"]
    assert finding.suggestions
    first = finding.suggestions[0]
    assert "the new website" in first.text and "<baseline>" in first.text and "<target>" in first.text
    assert first.applicability == Applicability.DISPLAY_ONLY
    assert first.outcome_class == "site"
    assert (
        first.question
        == "Why launch the new website? Who will notice when it's done, and what will they notice?"
    )


def test_a_worked_example_is_cited_only_for_the_same_kind_of_work(linter: Linter) -> None:
    (finding,) = [f for f in linter.lint_statement("Publish 4 blog posts a week") if f.code == "K204"]
    first = finding.suggestions[0]
    assert first.outcome_class == "content" and "blog posts" in first.text
    assert first.example is not None and first.example_source is not None
    assert "blog" in first.example.lower()
    assert first.example_source.title and first.example_source.title.startswith("Step by Step Guide to OKRs")


def test_vague_key_result_keeps_the_authors_direction_and_measure(linter: Linter) -> None:
    (finding,) = linter.lint_statement("Improve our time to resolution")
    assert finding.suggestions[0].text == "Reduce our time to resolution from <baseline> to <target>"


def test_objective_with_a_number_keeps_its_words_without_the_number(linter: Linter) -> None:
    findings = linter.lint_statement("Achieve 98 percent CSAT this quarter", kind="objective")
    suggestions = [s for f in findings for s in f.suggestions]
    # first the change behind the number, asked about; then the author's words without the number
    assert suggestions[0].text == "Grow CSAT with <the change in what customers do> this quarter"
    assert suggestions[0].question is not None
    assert "Grow CSAT this quarter" in [s.text for s in suggestions]
    assert suggestions[0].key_result == "Increase CSAT from <baseline> to 98 percent"


def test_templatize_turns_numbers_into_placeholders() -> None:
    assert (
        templatize("Improve open rates from 15 to 25%") == "Improve open rates from <baseline> to <target>%"
    )
    assert templatize("Reach 8/10 average score") == "Reach <target> average score"
    assert not numbers_in(templatize("Grow email list from 30,000 to 40,000"))


def test_placeholders_are_display_only_and_filled_for_relinting() -> None:
    assert has_placeholder("Increase x from <baseline> to <target>")
    assert not has_placeholder(fill("Increase x from <baseline> to <target>"))


def test_every_downward_verb_is_a_verb_of_change() -> None:
    """The words that turn a rewrite's "Increase" into "Reduce" are a part of the change class, so a verb added
    to one list and forgotten in the other is caught here."""
    from okrlint.lexicons import default_lexicon

    lexicon = default_lexicon()
    downward = lexicon.words["downward_change"]
    assert downward
    assert downward <= lexicon.verbs["change"]


def test_work_that_brings_a_measure_down_is_rewritten_as_a_reduction() -> None:
    """An objective that cuts something gives its no-class key result a "Reduce" measure, one that grows
    something an "Increase" one."""
    linter = Linter()

    def first_rewrite(objective: str) -> str:
        found = linter.lint_statement("Implement NET30 for all new clients", "key_result", objective)
        return next(s.text for f in found for s in f.suggestions)

    assert first_rewrite("Cut the cost of our cloud hosting").startswith("Reduce")
    assert first_rewrite("Grow the company cash flow").startswith("Increase")


@pytest.mark.parametrize(
    ("word", "article"),
    [
        ("user", "a"),
        ("unique", "a"),
        ("euro", "a"),
        ("one-off", "a"),
        ("uninstall", "an"),
        ("urgent", "an"),
        ("Uber", "an"),
        ("hour", "an"),
        ("honest", "an"),
        ("house", "a"),
        ("MVP", "an"),
        ("SLA", "an"),
        ("KPI", "a"),
        ("URL", "a"),
        ("apple", "an"),
        ("new", "a"),
        ("MVP,", "an"),
        ("NPS-driven", "an"),
        ("X-ray", "an"),
        ("SMART", "a"),
        ("SaaS", "a"),
        ("8-hour", "an"),
        ("11", "an"),
        ("18,000", "an"),
        ("110", "a"),
        ("1", "a"),
    ],
)
def test_the_article_follows_how_a_word_is_said(word: str, article: str) -> None:
    from okrlint.suggest.inflection import indefinite_article

    assert indefinite_article(word) == article


def test_one_counted_thing_becomes_a_thing_with_the_article_it_is_said_with() -> None:
    """ "Run 1 user study": the objective's rewrite keeps the work without its count, "a user study"."""
    found = Linter().lint_statement("Run 1 user study", "objective")
    texts = [s.text for f in found for s in f.suggestions]
    assert any("running a user study" in t for t in texts), texts
    assert not any("an user" in t for t in texts), texts


def test_the_coachs_question_speaks_to_the_author_throughout() -> None:
    """A personal key result under a personal objective: "your career", as "your manager", in one question."""
    found = Linter().lint_statement("Talk to my manager", "key_result", "Grow my career")
    questions = [s.question for f in found for s in f.suggestions if s.question]
    assert any("your career" in q and "your manager" in q for q in questions), questions
    assert not any(" my " in f" {q} " for q in questions), questions


def test_an_owner_tag_is_not_strung_into_a_measure() -> None:
    """ "CEO: Define the company strategy", which the parse cannot read as an action: no rewrite made of its
    nouns in a row ("Increase ceo company strategy"); a bare measure's name still gets its target."""
    linter = Linter()
    tagged = [
        s.text
        for f in linter.lint_statement("CEO: Define the company strategy", "key_result")
        for s in f.suggestions
    ]
    assert not any("ceo" in t.lower() for t in tagged), tagged
    bare = [
        s.text for f in linter.lint_statement("Customer satisfaction", "key_result") for s in f.suggestions
    ]
    assert "Increase customer satisfaction from <baseline> to <target>" in bare


def test_the_coachs_question_is_not_offered_beside_a_clean_rewrite(linter: Linter) -> None:
    # A direction without a target has a rewrite of its own (the range); "Increase <the result> of increasing
    # weekly active users" beside it would only repeat the statement.
    (finding,) = [
        f
        for f in linter.lint_statement("Increase weekly active users among small agencies")
        if f.code == "K202"
    ]
    assert finding.suggestions
    assert all("<the result" not in s.text for s in finding.suggestions)


def test_the_coachs_question_is_offered_when_nothing_else_fits(linter: Linter) -> None:
    findings = linter.lint_statement("Help small agencies in Lisbon with our onboarding tips")
    texts = [s.text for f in findings if f.code == "K201" for s in f.suggestions]
    assert any(t.startswith("Increase <the result> of helping small agencies") for t in texts)
