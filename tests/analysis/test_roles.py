"""Predicate roles on hand-built sentences, independent of any rule."""

from __future__ import annotations

import pytest

from okrlint.analysis import NumberPlace, Role, StatementAnalysis
from okrlint.analysis.roles import ROLE_TABLE, decide_role
from okrlint.api import Linter


def _analysis(linter: Linter, text: str) -> StatementAnalysis:
    return linter.analyze([text])[text]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Increase NPS from 30 to 45", Role.MEASURE),
        ("Reduce churn to 3%", Role.MEASURE),
        ("Sign 20 new enterprise customers", Role.ATTAIN),
        ("Reach 8/10 average score on the customer survey", Role.ATTAIN),
        ("Maintain 99.95% availability", Role.MAINTAIN),
        ("Keep CSAT above 90%", Role.MAINTAIN),
        ("Make releases boring", Role.CAUSE),
        ("Become the go-to platform for enterprise teams", Role.CAUSE),
        ("Stay compliant", Role.CAUSE),
        ("Write a product marketing plan for Germany", Role.DELIVER),
        ("Deliver a new employee handbook", Role.DELIVER),
        ("Provide 3 design concepts", Role.DELIVER),
        ("Hold a partner summit", Role.DELIVER),
        ("Go live with the new pricing in Germany", Role.LAUNCH),
        ("Launch the new website", Role.LAUNCH),
        ("Call 50 churned customers", Role.REACH_OUT),
        ("Interview 10 users about onboarding", Role.LEARN),
        ("Hire a Head of Marketing", Role.STAFF),
        ("Buy 40 new laptops", Role.PURCHASE),
        ("Get 40 new laptops for the sales team", Role.PURCHASE),
        ("Handle all incoming support tickets", Role.OPERATE),
        ("Run 5 km in 25 minutes", Role.ATTAIN),
        ("Get featured in 3 industry podcasts", Role.REACH_OUT),
        ("Rollout the new expense tool", Role.LAUNCH),
        ("Appear in the top 3 search results for 'payroll software'", Role.ATTAIN),
        ("Make learning Python fun and practical for first-year students", Role.CAUSE),
        ("Make paying taxes easy for freelancers", Role.CAUSE),
        ("Get 500 laptops enrolled in device management", Role.CAUSE),
        ("Reach 1,000 vehicles on the platform", Role.ATTAIN),
    ],
)
def test_main_predicate_role(linter: Linter, text: str, role: Role) -> None:
    main = _analysis(linter, text).main
    assert main is not None
    assert main.role is role, (text, main.verb, sorted(main.classes))


def test_people_made_object_is_not_work_done(linter: Linter) -> None:
    """ "customer reviews" are written by customers: generating them is a result, not a task done."""
    main = _analysis(linter, "Generate 50 new customer reviews").main
    assert main is not None and main.object is not None
    assert main.object.people_made
    assert main.role is Role.ATTAIN


def test_number_place(linter: Linter) -> None:
    counted = _analysis(linter, "Publish 4 blog posts").main
    limit = _analysis(linter, "Run 5 km in 25 minutes").main
    target = _analysis(linter, "Increase NPS from 30 to 45").main
    none = _analysis(linter, "Write a product marketing plan").main
    assert counted is not None and counted.number_place is NumberPlace.COUNTS_OBJECT
    assert limit is not None and limit.number_place is NumberPlace.LIMIT
    assert target is not None and target.number_place is NumberPlace.TARGET
    assert none is not None and none.number_place is NumberPlace.NONE


def test_quality_aspiration_with_a_hyphen_is_one_modifier(linter: Linter) -> None:
    main = _analysis(linter, "Build a world-class customer onboarding experience").main
    assert main is not None and main.object is not None
    assert "world-class" in main.object.modifiers


def test_relative_clause_about_people_describes_the_object(linter: Linter) -> None:
    main = _analysis(linter, "Deliver a service that surprises and delights customers").main
    assert main is not None and main.object is not None
    assert main.object.described


# The table alone, without a parse: first matching row wins.
def test_table_state_wins_over_every_verb_class() -> None:
    assert decide_role(frozenset({"output"}), frozenset({"artifact"}), NumberPlace.NONE, True) is Role.CAUSE


def test_table_provision_of_a_measure_is_not_a_deliverable() -> None:
    assert decide_role(
        frozenset({"attain", "provision"}), frozenset({"artifact"}), NumberPlace.NONE, False
    ) is (Role.DELIVER)
    assert decide_role(
        frozenset({"attain", "provision"}), frozenset({"metric"}), NumberPlace.NONE, False
    ) is (Role.ATTAIN)


def test_table_recruiting_users_is_attaining_hiring_is_staffing() -> None:
    assert decide_role(frozenset({"attain", "staffing"}), frozenset({"person"}), NumberPlace.NONE, False) is (
        Role.ATTAIN
    )
    assert decide_role(frozenset({"output", "staffing"}), frozenset({"person"}), NumberPlace.NONE, False) is (
        Role.STAFF
    )


def test_table_a_time_limit_makes_work_a_performance() -> None:
    assert decide_role(frozenset({"output"}), frozenset(), NumberPlace.LIMIT, False) is Role.ATTAIN
    assert decide_role(frozenset({"output"}), frozenset(), NumberPlace.COUNTS_OBJECT, False) is Role.DELIVER


def test_unknown_verb_has_no_role() -> None:
    assert decide_role(frozenset(), frozenset(), NumberPlace.NONE, False) is Role.OTHER


def test_every_row_explains_itself() -> None:
    assert all(row.why for row in ROLE_TABLE)


def test_a_position_in_a_ranking_counts_nothing(linter: Linter) -> None:
    ranked = _analysis(linter, "Get into the top 10 of the app store charts").main
    assert ranked is not None and ranked.number_place is NumberPlace.RANK
    # "the top 3 ideas" selects three ideas to count; a count beside a ranking still counts
    for text in (
        "Implement the top 3 most upvoted improvement ideas",
        "Publish 3 papers in the top 10 journals",
    ):
        counted = _analysis(linter, text).main
        assert counted is not None and counted.number_place is NumberPlace.COUNTS_OBJECT, text


def test_an_indefinite_article_picks_out_one_thing(linter: Linter) -> None:
    one = _analysis(linter, "Run a marathon").main
    area = _analysis(linter, "Grow the business").main
    assert one is not None and one.object is not None and one.object.single
    assert area is not None and area.object is not None and not area.object.single


def test_a_verb_whose_uses_mostly_mean_something_else_is_not_provision(linter: Linter) -> None:
    main = _analysis(linter, "Yield a 12% return on the endowment, up from 8%").main
    assert main is not None and main.role is not Role.DELIVER
