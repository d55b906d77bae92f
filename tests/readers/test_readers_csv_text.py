"""CSV/TSV (both layouts of section 4.4) and plain text (section 4.5)."""

from __future__ import annotations

import pytest
from readers_support import by_id, kr_counts, load

from okrlint.readers import ReadError, read_document


def test_csv_type_column_layout_with_bom_crlf_quotes_and_out_of_order_rows() -> None:
    doc, _ = load("typed.csv")
    assert doc.format == "csv"
    assert kr_counts(doc) == [2, 1]
    simplify, improve = doc.objectives
    assert simplify.statement.text.startswith("Simplify internal procedures")
    assert (simplify.id, simplify.owner, simplify.team, simplify.type) == (
        "1",
        "Chen, Ivy",
        "Finance",
        "Committed",
    )
    # The KR listed before its objective is linked by parentId; file order is kept.
    assert [k.id for k in simplify.key_results] == ["3", "2"]
    assert [k.progress for k in simplify.key_results] == [0.25, 0.6]
    assert (improve.team, improve.type) == ("Ops", "Aspirational")
    quoted = improve.key_results[0]
    assert (
        quoted.statement.text
        == 'Reduce the average time per meeting from 120 to 45 minutes ("weekly" syncs only)'
    )
    assert not quoted.statement.approximate  # "" escapes map by deleting one quote
    assert quoted.progress == 0.5
    assert "Team.lookupId" not in quoted.extra


def test_csv_one_row_per_kr_layout() -> None:
    doc, _ = load("denormalised.csv")
    assert kr_counts(doc) == [2, 1]
    churn, nps = doc.objectives[0].key_results
    assert churn.statement.text == "Reduce monthly churn from 4% to 2.5%"
    assert (churn.owner, churn.status, churn.progress, churn.due) == ("CS", "Active", 0.3, "2024-09-30")
    assert nps.progress == 0.0
    assert churn.extra == {"Start Date": "2024-07-01", "Category": "Customers"}


def test_tsv_with_recommended_columns() -> None:
    doc, _ = load("hand.tsv")
    assert (doc.period, doc.team) == ("2024-Q4", "Support")
    assert kr_counts(doc) == [2]
    objective = doc.objectives[0]
    assert (objective.id, objective.parent) == ("O1", ("company/O3",))
    tickets, onboarding = objective.key_results
    assert (tickets.baseline, tickets.target, tickets.current, tickets.unit) == (220, 120, 180, "tickets")
    assert (tickets.confidence, tickets.status, tickets.due, tickets.id) == (
        0.5,
        "on_track",
        "2024-12-31",
        "KR1",
    )
    assert (onboarding.baseline, onboarding.target, onboarding.unit) == (13, 45, "%")


def test_semicolon_csv_is_sniffed() -> None:
    text = "objective;key result\nGrow revenue;Raise ARR from 1M to 2M\nGrow revenue;Sign 10 new logos\n"
    doc = read_document(text, "x.csv")
    assert kr_counts(doc) == [2]


def test_ragged_short_rows_are_tolerated() -> None:
    text = "Objective,Key Result,Owner\nGrow revenue,Raise ARR from 1M to 2M\nGrow revenue,Sign 10 logos,,,\n"
    assert kr_counts(read_document(text, "x.csv")) == [2]


def test_row_with_more_fields_than_the_header_names_its_line() -> None:
    text = "Objective,Key Result\nGrow revenue,Raise ARR from 1M to 2M\nGrow revenue,Sign 10 logos, by June\n"
    with pytest.raises(ReadError) as info:
        read_document(text, "x.csv")
    assert info.value.line == 3 and "header has 2" in info.value.message


def test_unterminated_quote_is_a_read_error_with_a_line() -> None:
    text = 'Objective,Key Result\nGrow revenue,"Raise ARR\n'
    with pytest.raises(ReadError) as info:
        read_document(text, "x.csv")
    assert info.value.line >= 2


def test_csv_without_okr_columns_has_no_objectives() -> None:
    assert read_document("name,email\nann,a@example.com\n", "x.csv").objectives == ()
    assert read_document("", "x.csv").objectives == ()


def test_labelled_text_with_full_width_colons_and_period_line() -> None:
    doc, _ = load("labelled.txt")
    assert (doc.format, doc.period) == ("text", "2020-01 ~2020-02")
    assert kr_counts(doc) == [2, 2]
    st = by_id(doc)
    assert st["O1"].text == "提升新用户的留存率"
    assert st["O1.KR1"].text == "次日留存率从 30% 提升到 40%"  # trailing "；" stripped
    assert st["O2.KR1"].text == "Reduce sign-up steps from 7 to 3"
    assert st["O2.KR2"].text == "Increase sign-up completion from 40% to 60%"  # a list marker line
    assert [o.id for o in doc.objectives] == ["O1", "O2"]


def test_unlabelled_text_lines_are_objectives_without_krs() -> None:
    doc, _ = load("unlabelled.txt")
    assert kr_counts(doc) == [0, 0, 0]
    assert by_id(doc)["O3"].text == "Ship the plugin API"  # no final newline


def test_bom_before_a_text_label() -> None:
    doc = read_document("\ufeffO1: Grow revenue\nKR1: Raise ARR from 1M to 2M\n", "x.txt")
    assert kr_counts(doc) == [1] and doc.objectives[0].statement.text == "Grow revenue"
