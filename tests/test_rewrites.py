"""Rewrites a coach would sign: on the author's subject, from the outcome map or the coach's question, well formed."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrlint.api import Linter
from okrlint.bibliography import bibliography
from okrlint.corpus import load_corpus
from okrlint.guides import cite
from okrlint.models import Citation, Severity, Suggestion
from okrlint.outcome_map import gerund, outcome_map, output_classes
from okrlint.registry import all_rules
from okrlint.suggest import fill, numbers_in

SEEDS = {"000", "001", "002", "003", "004"}
_DANGLING = re.compile(r"\b(?:to|from|by|of|below|above|under|with|for|and|the|a|an|in|on|at)\s*[.]?$", re.I)


def _first(linter: Linter, text: str, kind: str = "key_result") -> Suggestion:
    findings = linter.lint_statement(text, kind=kind)
    suggestions = [s for f in findings for s in f.suggestions]
    assert suggestions, (text, [f.code for f in findings])
    return suggestions[0]


def assert_well_formed(text: str) -> None:
    assert text[:1].isupper(), text
    assert not re.search(r"\s[.,;:!?]|\s{2,}", text), text
    assert not _DANGLING.search(text), text
    assert "{" not in text and "}" not in text, text  # no template slot left unfilled
    for opening, closing in ("()", "[]", "<>"):
        assert text.count(opening) == text.count(closing), text
    assert text.count('"') % 2 == 0, text
    # one placeholder style: <...>, never x%, $N or TBD
    assert not re.search(r"(?<![\w<])(?:[xXnN]\s?%|\$[xXnN]\b|\bTBD\b)", text), text


def _clean(linter: Linter, text: str, kind: str, objective: str | None = None) -> bool:
    findings = linter.lint_statement(fill(text), kind=kind, objective=objective, suggest=False)
    return not any(f.severity.at_least(Severity.WARNING) for f in findings)


# The seven statements a new user tried (before: borrowed from other subjects).
@pytest.mark.parametrize(
    ("statement", "kind", "must_name"),
    [
        ("Hire 2 senior backend engineers", "key_result", "backend engineers"),
        ("Finish the billing microservice by August 15", "key_result", "billing microservice"),
        ("Migrate all services to Kubernetes", "key_result", "Kubernetes"),
        ("Order snacks weekly", "key_result", "snacks"),
        ("Keep net revenue retention above 105%", "key_result", "revenue"),
        ("Keep the office clean", "key_result", "keeping the office clean"),
        ("Maintain office operations", "objective", "maintaining office operations"),
    ],
)
def test_the_seven_statements_get_rewrites_on_their_own_subject(
    linter: Linter, statement: str, kind: str, must_name: str
) -> None:
    first = _first(linter, statement, kind)
    assert must_name in first.text
    assert_well_formed(first.text)
    assert first.example is None or first.outcome_class is not None


def test_hiring_is_measured_by_what_the_hires_deliver(linter: Linter) -> None:
    first = _first(linter, "Hire 2 senior backend engineers")
    assert first.outcome_class == "hiring"
    assert "2" not in first.text and "senior" not in first.text
    assert (
        first.question
        == "Why hire 2 senior backend engineers? Who will notice when it's done, and what will they notice?"
    )


def test_a_migration_is_measured_on_the_service_moved(linter: Linter) -> None:
    first = _first(linter, "Migrate all services to Kubernetes")
    assert first.outcome_class == "migration"
    assert "services on Kubernetes" in first.text
    assert first.question is not None and first.question.startswith("Why migrate all services to Kubernetes?")


def test_unsure_rewrite_asks_why_in_the_authors_words(linter: Linter) -> None:
    first = _first(linter, "Keep the office clean")
    assert first.outcome_class is None
    assert first.text == "Increase <the result> of keeping the office clean from <baseline> to <target>"
    assert (
        first.question
        == "Why keep the office clean? Who will notice when it's done, and what will they notice?"
    )
    assert first.example is None  # no worked example about something else


def test_objective_with_a_number_keeps_the_change_and_moves_the_number(linter: Linter) -> None:
    first = _first(linter, "Improve gross churn below 5%", "objective")
    assert not numbers_in(first.text)
    # the change behind the number, with the coach's question, before the bare "Reduce gross churn"
    assert first.text.startswith("Reduce gross churn with <")
    assert first.question is not None
    assert first.key_result is not None and "5%" in first.key_result
    sales = _first(linter, "Sales up 20%", "objective")
    assert not sales.text.endswith(" up") and "sales" in sales.text.lower()
    assert sales.key_result is not None and "20%" in sales.key_result


@pytest.mark.parametrize(
    ("verb", "form"),
    [("migrate", "migrating"), ("refer", "referring"), ("reach out", "reaching out"), ("run", "running")],
)
def test_gerunds(verb: str, form: str) -> None:
    assert gerund(verb) == form


def test_every_output_class_has_an_outcome_with_a_source_or_marked_own() -> None:
    mapped = outcome_map().classes
    # the generated classes, and the ones the map narrows them to ("journey", "product_part")
    assert set(output_classes().classes) <= set(mapped)
    assert set(mapped) - set(output_classes().classes) == {"journey", "product_part"}
    for name, entry in mapped.items():
        assert entry.source or entry.own, name
        assert entry.key_result or entry.key_result_people or entry.by_domain, name
        for citation in entry.source:
            assert citation.file.split("_")[0] in SEEDS


def test_outcome_map_citations_point_at_lines_that_exist() -> None:
    from okrlint.resources import data_dir

    seeds = data_dir("rules").parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the guides are not next to this checkout")
    for entry in outcome_map().classes.values():
        for c in entry.source:
            lines = (seeds / c.file).read_text(encoding="utf-8").split("\n")  # as editors number lines
            assert 1 <= c.line <= len(lines) and lines[c.line - 1].strip(), (c.file, c.line)


def test_every_cited_guide_has_a_title() -> None:
    cited = {c.file for rule in all_rules() for c in rule.spec.source}
    cited |= {g.source.file for example in load_corpus() for g in example.good}
    assert cited <= set(bibliography())
    assert cite(Citation(file="003_c829359f6e0b3882.txt", line=1)).startswith("Step by Step Guide to OKRs")
    assert Citation(file="003_c829359f6e0b3882.txt", line=1).title == "Step by Step Guide to OKRs (Weekdone)"


VERBS = [
    "Launch",
    "Hire",
    "Migrate",
    "Write",
    "Order",
    "Train",
    "Interview",
    "Organize",
    "Document",
    "Keep",
    "Finish",
    "Streamline",
    "Publish",
    "Upgrade",
    "Contact",
    "Buy",
    "Clean",
    "Plan",
    "Fix",
    "Run",
]
OBJECTS = [
    "the new website",
    "3 senior designers",
    "all services to Kubernetes",
    "the marketing plan",
    "snacks weekly",
    "the support team",
    "10 customers",
    "a partner summit",
    "the onboarding flow",
    "the office clean",
    "the billing microservice by August 15",
    "our invoicing process",
    "4 blog posts",
    "the database",
    "eligible customers",
    "new laptops",
    "the roadmap",
    "a bug #2231",
    "5 webinars",
    "our FAQ section",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    verb=st.sampled_from(VERBS),
    obj=st.sampled_from(OBJECTS),
    kind=st.sampled_from(["key_result", "objective"]),
)
def test_generated_rewrites_are_well_formed_clean_and_add_no_number(
    linter: Linter, verb: str, obj: str, kind: str
) -> None:
    statement = f"{verb} {obj}"
    for finding in linter.lint_statement(statement, kind=kind):
        for suggestion in finding.suggestions:
            assert_well_formed(suggestion.text)
            assert numbers_in(suggestion.text) <= numbers_in(statement), (statement, suggestion.text)
            assert _clean(linter, suggestion.text, kind), (statement, suggestion.text)
            if suggestion.question:
                assert suggestion.question.startswith(("Why ", "What ", "How ", "Which ", "Who ")), (
                    suggestion.question
                )
                assert_well_formed(suggestion.question)


def test_joined_verbs_take_the_same_form_in_the_question_and_the_rewrite(linter: Linter) -> None:
    first = _first(linter, "Writing and delivering a new marketing plan")
    assert first.question is not None
    assert first.question.startswith("Why write and deliver a new marketing plan?")
    unsure = _first(linter, "Finding and fixing the root causes")
    assert "<the result> of finding and fixing the root causes from" in unsure.text


def test_a_plan_is_measured_by_the_domain_it_serves_or_not_at_all(linter: Linter) -> None:
    first = _first(linter, "Write the marketing plan")
    assert first.outcome_class == "plan" and "leads" in first.text and "the marketing plan" in first.text
    assert _first(linter, "Write the plan").outcome_class is None


def test_a_problem_objective_becomes_the_state_the_team_wants(linter: Linter) -> None:
    first = _first(linter, "We spend too much time in meetings", "objective")
    assert first.text == "Spend less time in meetings"
    assert first.question is not None


def test_a_personal_goal_is_asked_about_the_authors_own_life(linter: Linter) -> None:
    for text in ("Lose my flabby stomach", "Get out of my dead-end job"):
        first = _first(linter, text, "objective")
        assert "users or the team" not in first.text + (first.question or ""), text
        assert first.question is not None and "your own life" in first.question, text
    # what is wanted is already the outcome: said in the author's voice, asked how to measure it
    wanting = _first(linter, "I want time for myself.", "objective")
    assert wanting.text.startswith("Have time for myself, as shown by <a measure of having time for myself>")
    assert wanting.question is not None and "having time for yourself" in wanting.question


def test_counted_work_as_an_objective_asks_what_it_is_for_and_keeps_the_count(linter: Linter) -> None:
    for text in ("Process 500 customer support tickets", "Sign five accounts this quarter"):
        first = _first(linter, text, "objective")
        assert first.question is not None and first.question.startswith("Why "), text
        assert first.key_result is not None and first.key_result.startswith(text.split()[0]), text
        assert "with <the change in what customers do>" not in first.text, text


def test_an_objective_with_a_kpi_becomes_the_change_behind_it_with_a_question(linter: Linter) -> None:
    first = _first(linter, "Increase new sales by 50%", "objective")
    assert first.text != "Increase new sales"
    assert "<" in first.text and first.question is not None
    assert first.key_result is not None and "50%" in first.key_result


def test_an_outcome_already_is_asked_how_to_measure_it(linter: Linter) -> None:
    fitter = _first(linter, "become fitter")
    assert fitter.text.startswith("Increase <a measure> of becoming fitter")
    assert fitter.question is not None and fitter.question.startswith("How would you measure")
    drivers = _first(linter, "Drivers spend less time in low-demand areas")
    assert drivers.text.startswith("Reduce the time drivers spend in low-demand areas")
    money = _first(linter, "Make more money.", "objective")
    assert money.question is not None and not money.question.startswith("Why")
    # a noun that happens to be a comparative form ("customer" of "custom") is no outcome
    tickets = _first(linter, "Process 500 customer support tickets", "objective")
    assert "<a measure>" not in tickets.text


def test_one_off_experiences_are_measured_by_completion_not_weekly_use(linter: Linter) -> None:
    for text in ("Ship new onboarding flow", "Launch new onboarding program"):
        first = _first(linter, text)
        assert first.outcome_class == "journey", text
        assert "weekly" not in first.text and "complete" in first.text, text


def test_a_part_of_the_product_is_not_asked_to_win_customers(linter: Linter) -> None:
    login = _first(linter, "Build a Login Page", "objective")
    assert "customers" not in login.text and "Login Page" in login.text
    landing = _first(linter, "Create Landing Page", "objective")
    assert "customers" in landing.text


def test_states_and_joined_verbs_are_said_grammatically(linter: Linter) -> None:
    released = _first(linter, "feature x has been released")
    assert "featuring" not in released.text + (released.question or "")
    assert released.question is not None and "feature x has been released" in released.question
    joined = _first(linter, "Develop and market-test a user testing questionnaire in Q3")
    assert "developing and market-testing" in joined.text


def test_an_outside_audience_is_not_offered_for_team_work_stated_reach_or_a_mangled_phrase(
    linter: Linter,
) -> None:
    for text in (
        "Deliver XX story points",
        "Send a brochure to 25,000 households in high-participation areas",
        "Release version one",
    ):
        first = _first(linter, text)
        assert first.outcome_class is None and first.text.startswith("Increase <the result> of "), text
    process = _first(linter, "Ensure a transparent and clear process for the engineering team", "objective")
    assert "the transparent and clear process" not in process.text
    assert _first(linter, "Run 5 webinars").outcome_class == "content"


def test_the_change_behind_a_kpi_keeps_the_metrics_own_modifier(linter: Linter) -> None:
    first = _first(linter, "Increase onboarding completion rate to 85%", "objective")
    assert first.text.startswith("Increase onboarding completion rate with <")


def test_an_objective_rewrite_leaves_the_count_to_its_key_result(linter: Linter) -> None:
    first = _first(linter, "Process 500 customer support tickets", "objective")
    assert "500" not in first.text and "processing customer support tickets" in first.text
    assert first.key_result is not None and "500" in first.key_result


def test_the_unsure_form_keeps_the_authors_words_outside_the_placeholder(linter: Linter) -> None:
    # The author must see their own subject in the rewrite, not only inside the part they are asked to fill.
    first = _first(linter, "Migrate all services to Kubernetes")
    outside = re.sub(r"<[^>]*>", "", first.text)
    assert "Kubernetes" in outside


def _first_under(linter: Linter, text: str, objective: str) -> Suggestion:
    findings = linter.lint_statement(text, kind="key_result", objective=objective)
    suggestions = [s for f in findings for s in f.suggestions]
    assert suggestions, (text, objective, [f.code for f in findings])
    return suggestions[0]


@pytest.mark.parametrize(
    ("key_result", "objective", "named"),
    [
        # an objective that changes a thing: measure that thing, whatever the work under it
        ("Implement NET30 for all new clients", "Improve the company cash flow", "the company cash flow"),
        (
            "Advertise for school admissions in 20 publications",
            "Increase school admissions.",
            "school admissions",
        ),
        # the objective's purpose clause and timebox are its why and when, not what to measure
        (
            "Develop and market-test a user testing questionnaire in Q3",
            "Improve the way we validate our product roadmap in Q3",
            "the way we validate our product roadmap from",
        ),
        # a group of people is not a measure: the change made to it is
        (
            "Ensure a transparent and clear process for the engineering team",
            "Scale the engineering team",
            "scaling the engineering team",
        ),
        # any other objective is the outcome itself
        ("listen to an Italian podcast every day", "learn Italian", "learning Italian"),
    ],
)
def test_work_of_no_class_is_measured_by_what_its_objective_is_for(
    linter: Linter, key_result: str, objective: str, named: str
) -> None:
    first = _first_under(linter, key_result, objective)
    outside = re.sub(r"<[^>]*>", "", first.text)
    assert named in outside, first.text
    assert first.question is not None
    work = re.sub(r"^\w+", "", key_result).split()[0]  # the work's object is in the question that ties it in
    assert work.lower() in first.question.lower(), first.question
    assert_well_formed(first.text)
    assert _clean(linter, first.text, "key_result", objective)


def test_an_objective_that_is_work_of_a_known_class_gives_its_outcome_to_its_milestones(
    linter: Linter,
) -> None:
    first = _first_under(linter, "Release version one", "Launch the new customer portal")
    assert "the new customer portal" in first.text and first.outcome_class is not None


def test_an_objective_that_keeps_things_running_is_no_outcome_to_measure_work_by(linter: Linter) -> None:
    first = _first_under(linter, "Implement NET30 for all new clients", "Maintain office operations")
    assert "office operations" not in first.text
    assert first.text.startswith("Increase <the result> of implementing NET30")


def test_a_hedged_objective_is_said_as_decided_and_asked_which(linter: Linter) -> None:
    findings = linter.lint_statement("Create some sort of new product.", kind="objective")
    hedge = next(f for f in findings if f.code == "O108")
    decided = next(s for s in hedge.suggestions if s.text == "Create a new product")
    assert decided.question is not None and decided.question.startswith("Which new product")


@pytest.mark.parametrize(
    "objective", ["Create some kind of app for our partners", "Build sort of a new portal"]
)
def test_no_rewrite_of_a_hedged_objective_keeps_the_hedge(linter: Linter, objective: str) -> None:
    findings = linter.lint_statement(objective, kind="objective")
    texts = [s.text for f in findings if f.code == "O108" for s in f.suggestions]
    assert texts, [f.code for f in findings]
    assert not any("sort of" in t or "kind of" in t for t in texts), texts


def test_a_hedge_before_a_plural_takes_no_article(linter: Linter) -> None:
    findings = linter.lint_statement("Launch some kind of loyalty programs", kind="objective")
    texts = [s.text for f in findings if f.code == "O108" for s in f.suggestions]
    assert (
        texts
        and all(" a loyalty programs" not in t for t in texts)
        and any("loyalty programs" in t for t in texts)
    )


@pytest.mark.parametrize(
    ("problem", "wanted"),
    [
        ("Stop having so many meetings", "Have fewer meetings"),
        ("Quit buying too much stuff", "Buy less stuff"),
        ("We don't have enough time to execute our ideas", "Have more time to execute our ideas"),
    ],
)
def test_an_excess_or_a_shortage_is_turned_round(linter: Linter, problem: str, wanted: str) -> None:
    from okrlint.suggest import problem_turned_round

    assert problem_turned_round(linter.analyze([problem])[problem]) == wanted


def test_what_is_given_up_is_not_work_whose_outcome_is_offered(linter: Linter) -> None:
    # "Stop having so many meetings" makes no meetings: no class outcome about them ("relationships with …")
    findings = linter.lint_statement("Stop having so many meetings", kind="objective")
    for suggestion in (s for f in findings for s in f.suggestions):
        assert suggestion.outcome_class is None, suggestion.text


def test_a_condition_in_an_objective_goes_with_its_number(linter: Linter) -> None:
    first = _first(linter, "Resolve all open user-reported bugs older than 30 days", "objective")
    assert "30" not in first.text and "older than" not in first.text
    assert "resolving all open user-reported bugs" in first.text


@pytest.mark.parametrize(
    ("objective", "who"),
    [
        ("Reduce the number of bugs in the software by 75% by June", "how the team works"),
        ("Grow revenue to 1 million this quarter", "what customers do"),
    ],
)
def test_a_number_the_team_makes_is_moved_by_how_the_team_works(
    linter: Linter, objective: str, who: str
) -> None:
    first = _first(linter, objective, "objective")
    assert f"<the change in {who}>" in first.text, first.text


@pytest.mark.parametrize(
    ("key_result", "measure"),
    [
        (
            "Drivers spend less time in low-demand areas",
            "Reduce the time drivers spend in low-demand areas from",
        ),
        ("Spend less time in meetings", "Reduce the time spent in meetings from"),
    ],
)
def test_an_amount_said_with_a_comparative_is_measured_with_its_direction(
    linter: Linter, key_result: str, measure: str
) -> None:
    assert _first(linter, key_result).text.startswith(measure)


def test_a_state_to_bring_about_is_asked_how_to_measure_it(linter: Linter) -> None:
    first = _first(linter, "Make customers happy", "objective")
    assert first.text.startswith("Make customers happy, as shown by <a measure of making customers happy>")


def test_the_period_is_not_repeated_inside_the_placeholder(linter: Linter) -> None:
    first = _first(linter, "To make more money in the next 12 months.", "objective")
    assert "<a measure of making more money>" in first.text, first.text


@pytest.mark.parametrize(
    ("key_result", "cls", "named"),
    [
        ("We finalize the new logo.", "design", "the new logo"),
        ("Organize a team activity", "team_event", "the team activity"),
        # a gathering is an event the team attends, not the people it is for
        ("Attend 3 industry conferences", "outreach", "follow-up meetings booked from"),
    ],
)
def test_design_work_team_events_and_gatherings_have_their_own_outcomes(
    linter: Linter, key_result: str, cls: str, named: str
) -> None:
    first = _first(linter, key_result)
    assert first.outcome_class == cls and named in first.text, first.text


def test_reading_makes_no_content_for_an_audience(linter: Linter) -> None:
    first = _first_under(linter, "Read 12 books", "Grow as a leader")
    assert "audience" not in first.text and "growing as a leader" in first.text, first.text


def test_work_for_the_team_itself_is_not_measured_by_outside_meetings(linter: Linter) -> None:
    first = _first_under(linter, "Hold weekly team meetings", "Improve team communication")
    assert "follow-up meetings" not in first.text and "team communication" in first.text, first.text


def test_a_site_for_people_who_are_already_customers_is_measured_by_use(linter: Linter) -> None:
    first = _first_under(linter, "Release version one", "Launch the new customer portal")
    assert first.outcome_class == "release" and "conversion" not in first.text, first.text


def test_a_kpi_objective_that_names_its_means_keeps_them(linter: Linter) -> None:
    first = _first(
        linter, "Reduce the number of bugs in the software by 75%, using careful beta testing", "objective"
    )
    assert "careful beta testing" in first.text and "75" not in first.text, first.text
    assert first.key_result is not None and "75%" in first.key_result


def test_a_condition_taken_out_of_an_objective_is_offered_as_its_key_result(linter: Linter) -> None:
    first = _first(linter, "Resolve all open user-reported bugs older than 30 days", "objective")
    assert first.key_result == "Resolve all open user-reported bugs older than 30 days"


def test_the_question_assumes_no_audience(linter: Linter) -> None:
    first = _first(linter, "Migrate all services to Kubernetes")
    assert first.question is not None and "users or the team" not in first.question


def test_a_destination_already_named_is_not_said_twice(linter: Linter) -> None:
    first = _first(linter, "Complete the migration to AWS", "objective")
    assert first.text.count("AWS") == 1, first.text


def test_a_thing_reached_is_measured_by_what_it_is_for(linter: Linter) -> None:
    first = _first(linter, "The new website has been launched")
    assert first.outcome_class == "site" and "the new website" in first.text, first.text


@pytest.mark.parametrize(
    ("key_result", "learning"),
    [
        ("Survey 200 users", "Validate <number> assumptions about what users need by surveying them"),
        ("Interview 100 people", "Validate <number> assumptions about what people need by interviewing them"),
    ],
)
def test_a_learning_key_result_keeps_the_authors_way_of_asking_and_lints_clean(
    linter: Linter, key_result: str, learning: str
) -> None:
    first = _first(linter, key_result)
    assert first.text == learning
    assert _clean(linter, first.text, "key_result")


def test_a_thing_reached_that_the_parse_misread_is_still_measured_by_its_class(linter: Linter) -> None:
    first = _first(linter, "feature x has been released")
    assert first.outcome_class == "release" and "feature x" in first.text, first.text


@pytest.mark.parametrize(
    ("objective", "said"),
    [
        ("Implement 1 critical community request", "through implementing a critical community request"),
        ("Stop buying too much stuff", "through no longer buying too much stuff"),
        (
            "Lose my flabby stomach",
            "through losing my flabby stomach",
        ),  # the author's voice; the question is to them
    ],
)
def test_the_unsure_objective_says_the_work_as_the_author_would(
    linter: Linter, objective: str, said: str
) -> None:
    assert said in _first(linter, objective, "objective").text


@pytest.mark.parametrize(
    ("key_result", "named"),
    [
        ("Create a sales plan", "deals won with the sales plan"),  # the domain before the plan, lemmatised
        ("Write a hiring plan", "qualified applicants that the hiring plan brings in"),
        ("Develop roadmap for the mobile app", "the share of customers who use what"),  # the domain after it
    ],
)
def test_a_plan_is_measured_by_the_domain_named_before_or_after_it(
    linter: Linter, key_result: str, named: str
) -> None:
    assert named in _first(linter, key_result).text


def test_a_choice_makes_nothing_to_measure_the_use_of(linter: Linter) -> None:
    first = _first(linter, "Decide on the pricing model")
    assert first.outcome_class is None and "who use" not in first.text, first.text


@pytest.mark.parametrize(
    "key_result",
    [
        "Ensure test e2e coverage of core workflows",  # research, about nothing the author named
        "Migrate X% of workloads to a hybrid hosting environment",  # the thing is gone with its number
        "Run that workshop at least once at a meetup",  # "that" is no topic
        "Develop and organize at least 3 Enterprise workshops in Q3",  # the unsure form keeps no count
    ],
)
def test_every_first_rewrite_names_the_authors_subject_and_lints_clean(
    linter: Linter, key_result: str
) -> None:
    first = _first(linter, key_result)
    said = {w.lower().strip(".,") for w in re.sub(r"<[^>]*>", " ", first.text).split() if len(w) > 3}
    own = {w.lower().strip(".,") for w in key_result.split() if len(w) > 3}
    stems = {w[:5] for w in said} & {w[:5] for w in own}
    assert stems - {"incre", "reduc", "from"}, first.text
    assert " our from " not in first.text and "score in that" not in first.text, first.text
    assert _clean(linter, first.text, "key_result")


def test_an_objective_that_is_a_verb_alone_is_no_outcome_to_measure(linter: Linter) -> None:
    first = _first_under(linter, "Implement NET30 for all new clients", "Win")
    assert "of winning" not in first.text, first.text


@pytest.mark.parametrize(
    ("key_result", "start"),
    [
        # a deliverable named without its action: asked about as named, priority and status asides left out
        (
            "Integration tests and regression tests for that library",
            "Increase <the result> of the integration tests",
        ),
        ("siva backend for go-borges P1", "Increase <the result> of the siva backend for go-borges from"),
        # a manner adverb or an owner's tag before the action
        ("Successfully hire for each open role", "Increase qualified applicants"),
        (
            "OWNER - Implement the missing pieces of the spec",
            "Increase <the result> of implementing the missing",
        ),
    ],
)
def test_verbless_tagged_or_adverb_led_statements_get_a_rewrite(
    linter: Linter, key_result: str, start: str
) -> None:
    assert _first(linter, key_result).text.startswith(start)


def test_only_a_thing_put_out_is_measured_by_its_use(linter: Linter) -> None:
    # "Issues are prioritized" is a state of the backlog, not magazine issues reaching an audience
    first = _first(linter, "All Issues are prioritized")
    assert first.outcome_class is None and "audience" not in first.text, first.text


@pytest.mark.parametrize(
    ("key_result", "objective", "wanted", "unwanted"),
    [
        (
            "Implement NET30 for all new clients",
            "Improve how we forecast",
            "how we forecast",
            "of we forecast",
        ),
        (
            "Implement NET30 for all new clients",
            "Become the market leader",
            "becoming the market leader",
            "who use",
        ),
        (
            "Implement NET30 for all new clients",
            "Eliminate manual reporting",
            "Reduce <a measure> of manual",
            "Increase",
        ),
    ],
)
def test_the_objective_is_measured_in_its_own_words_and_direction(
    linter: Linter, key_result: str, objective: str, wanted: str, unwanted: str
) -> None:
    first = _first_under(linter, key_result, objective)
    assert wanted in first.text and unwanted not in first.text, first.text


@pytest.mark.parametrize(
    ("statement", "kind", "unwanted"),
    [
        ("Rarely miss a deadline", "key_result", "of missing a deadline"),  # not a manner adverb
        ("Launch something like a referral program", "objective", "an a "),
        ("Become kind of famous", "objective", "a famous"),
        ("Spend less on AWS", "key_result", "the on "),
        ("Hardly ever deploy on Fridays", "key_result", "the hardly"),
    ],
)
def test_new_shapes_do_not_mangle_what_they_do_not_fit(
    linter: Linter, statement: str, kind: str, unwanted: str
) -> None:
    for finding in linter.lint_statement(statement, kind=kind):
        for suggestion in finding.suggestions:
            assert unwanted not in suggestion.text, suggestion.text


@pytest.mark.parametrize(
    ("key_result", "cls"),
    [
        ("Launch the new website with the marketing team", "site"),  # the team works on it; customers use it
        (
            "Shut off the legacy servers and migrate the services to Kubernetes",
            "migration",
        ),  # the next verb counts
    ],
)
def test_a_team_or_a_thing_given_up_does_not_hide_the_class_of_the_rest(
    linter: Linter, key_result: str, cls: str
) -> None:
    assert _first(linter, key_result).outcome_class == cls


@pytest.mark.parametrize(
    "text",
    [
        "Integration tests" + " " * 9_900 + "for the library",
        "Reduce bugs by 75%," + " " * 9_000 + "using careful testing",
        "Grow revenue" + " " * 9_000 + "in the next 12 months",
    ],
)
def test_long_runs_of_spaces_cost_little_to_rewrite(linter: Linter, text: str) -> None:
    # Patterns that began or ended with a whitespace run retried at every position: 6 s of CPU for one statement.
    started = time.process_time()
    for kind in ("key_result", "objective"):
        linter.lint_statement(text, kind=kind)
    assert time.process_time() - started < 3


@pytest.mark.parametrize(
    ("statement", "kind", "unwanted"),
    [
        ("Our releases are too slow", "objective", "through being"),  # a state, turned round instead
        ("Users are now onboarded", "key_result", "are now onboarded"),  # "now" said once
        ("We spend less time in meetings", "key_result", "we spending"),  # the author's own subject
        ("We need more engineers", "key_result", "engineers needed"),
    ],
)
def test_states_and_the_authors_own_subject_are_said_grammatically(
    linter: Linter, statement: str, kind: str, unwanted: str
) -> None:
    first = _first(linter, statement, kind)
    assert unwanted not in first.text + (first.question or ""), (first.text, first.question)


def test_a_destination_is_matched_as_a_word(linter: Linter) -> None:
    assert _first(linter, "Migrate the laws database to AWS").text.count("AWS") == 1
