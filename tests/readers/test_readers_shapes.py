"""Shapes seen in real OKR files, each read from a small fixture of its own (hand-counted expectations).

Families: tables, labels, cascades, OKRs inside longer documents, Markdown that CommonMark reads otherwise,
and structured files (JSON/YAML/CSV) with non-English keys or packed text.
"""

from __future__ import annotations

import pytest
from readers_support import FIXTURES, by_id, kr_counts, load

from okrlint.models import OkrDocument

SHAPES = "shapes/"


def _load(name: str) -> OkrDocument:
    doc, _ = load(SHAPES + name)  # also checks that every statement maps onto its characters
    return doc


def _texts(doc: OkrDocument) -> list[str]:
    return [o.statement.text for o in doc.objectives]


# (fixture, key results per objective) — the count a person makes of each shape.
COUNTS = [
    ("table_group_rows.md", [2, 2]),
    ("table_kr_under_heading.md", [4]),
    ("table_html.md", [2, 2]),
    ("pipe_columns.txt", [2, 1]),
    ("pipe_gfm.txt", [2]),
    ("labels_bold_items.md", [2, 1]),
    ("labels_numbered.txt", [2, 2]),
    ("label_only_headings.md", [2, 1]),
    ("bold_paragraphs.md", [2, 2]),
    ("kr_subheadings.md", [2, 1]),
    ("details_summary.md", [2]),
    ("cascade_roles.md", [2, 2]),
    ("checkbox_nested.md", [2, 1, 1]),
    ("drafts.txt", [2, 1, 1]),
    ("front_matter_toml.md", [1]),
    ("worked_example.md", [2]),
    ("schedule_progress.md", [2]),
    ("definitions_then_headings.md", [2, 1]),
    ("person_lists.md", [3, 2]),
    ("unclosed_fence.md", [1, 1]),
    ("wrapped_kr.md", [2]),
    ("packed_string.json", [2, 1]),
    ("aliases_es.json", [2, 1]),
    ("aliases_zh.yaml", [2]),
    ("period_keyed.yaml", [2, 1, 1]),
    ("typed_tree.json", [3]),
    ("wrapped_lines.csv", [0, 0]),
    ("goal_target_cell.csv", [1, 1]),
    ("wide_kr_columns.csv", [2, 1]),
    ("table_numbered_kr_columns.md", [2, 1]),
]


@pytest.mark.parametrize(("name", "expected"), COUNTS)
def test_shape_counts(name: str, expected: list[int]) -> None:
    assert kr_counts(_load(name)) == expected


def test_every_shape_fixture_is_counted() -> None:
    on_disk = {p.name for p in (FIXTURES / "shapes").iterdir()}
    assert on_disk == {name for name, _ in COUNTS}


# --- tables ------------------------------------------------------------------------------------------------
def test_objective_cell_given_once_per_group() -> None:
    doc = _load("table_group_rows.md")
    assert _texts(doc) == ["Make support feel effortless", "Keep customers longer"]
    assert [kr.owner for kr in doc.objectives[0].key_results] == ["Ana", "Ben"]


def test_kr_table_under_objective_heading_with_scores_and_struck_rows() -> None:
    doc = _load("table_kr_under_heading.md")
    krs = doc.objectives[0].key_results
    assert [kr.dropped for kr in krs] == [True, False, True, False]  # "~~…~~" and GFM's one-tilde "~…~"
    assert krs[2].statement.text == "Publish a contributor guide with ten worked tasks"
    assert krs[1].progress == 0.6 or krs[1].progress == 0.4  # a score column is read as progress
    assert len(doc.statements()) == 3  # dropped KRs are not linted


def test_html_tables_labelled_rows_and_header_cells() -> None:
    doc = _load("table_html.md")
    st = by_id(doc)
    assert st["O1"].text == "Make releases boring"
    assert st["O1.KR2"].text == "Release every week instead of every month"  # after a blank line in the table
    assert st["O2"].text == "Win the mid-market"
    assert "Review and notes" not in [kr.statement.text for o in doc.objectives for kr in o.key_results]


def test_pipe_tables_in_text_files() -> None:
    padded = _load("pipe_columns.txt")
    assert padded.format == "csv"
    assert _texts(padded) == ["Win the mid-market", "Make month-end painless"]
    gfm = _load("pipe_gfm.txt")
    assert gfm.format == "markdown"


# --- labels ------------------------------------------------------------------------------------------------
def test_bold_labelled_items_and_definitions_skipped() -> None:
    doc = _load("labels_bold_items.md")
    st = by_id(doc)
    assert st["O1"].text == "Make the docs the first place people look"
    assert st["O1.KR2"].text == "Publish the three most requested guides"  # its numbered list is detail
    assert doc.objectives[0].key_results[1].initiatives == ("Install guide", "Upgrade guide")


def test_numbered_and_full_width_colon_labels() -> None:
    doc = _load("labels_numbered.txt")
    assert [o.id for o in doc.objectives] == ["O1", "O2"]
    assert doc.objectives[0].statement.text == "提高部署稳定性"
    assert [kr.id for kr in doc.objectives[0].key_results] == ["KR1", "KR2"]


def test_label_only_headings_take_the_text_below() -> None:
    doc = _load("label_only_headings.md")
    assert _texts(doc) == ["Build a faster video encoder", "Make our results reproducible"]
    assert [kr.status for kr in doc.objectives[0].key_results] == ["todo", "done"]  # checkbox state kept


def test_objectives_as_bold_or_plain_paragraphs() -> None:
    doc = _load("bold_paragraphs.md")
    assert _texts(doc) == [
        "Grow awareness of the brand among engineers",
        "Build a pipeline that sales can rely on",
    ]
    assert (
        doc.objectives[1].key_results[0].statement.text
        == "Marketing-qualified leads rise from 300 to 600 a month"
    )


def test_key_results_as_subheadings_after_decorative_emoji() -> None:
    doc = _load("kr_subheadings.md")
    assert _texts(doc) == ["Make the build trustworthy", "Tidy the repository"]
    # The "✅ Checklist" tasks after the labelled objectives are not key results.
    assert all("workflow" not in kr.statement.text for o in doc.objectives for kr in o.key_results)


def test_details_summary_items() -> None:
    doc = _load("details_summary.md")
    assert [kr.statement.text for kr in doc.objectives[0].key_results] == [
        "New hires ship a change in their first week",
        "Onboarding survey score rises from 6 to 8",
    ]


# --- cascades ----------------------------------------------------------------------------------------------
def test_role_prefixed_company_okrs() -> None:
    doc = _load("cascade_roles.md")
    o1 = doc.objectives[0]
    assert (o1.statement.text, o1.owner) == ("Grow the customer base", "CEO")
    assert o1.key_results[0].statement.text == "Reach 1,000 paying customers, up from 600"
    assert o1.key_results[0].extra["role"] == "CEO"
    # The functions' child OKRs under a CEO KR are its cascade, kept as detail of that KR.
    assert o1.key_results[0].initiatives == (
        "CRO: Close 200 new mid-market deals",
        "CMO: Double the qualified pipeline",
    )


def test_nested_objective_headings_checkboxes_and_toc() -> None:
    doc = _load("checkbox_nested.md")
    assert _texts(doc) == [
        "Company: Make the product reliable",
        "Platform: Make deploys safe",
        "Platform storage: Never lose data",
    ]
    krs = doc.objectives[0].key_results
    assert [kr.status for kr in krs] == ["done", "todo"]
    assert krs[1].initiatives == ("Rewrite the alerting rules",)


def test_drafts_read_as_written_with_restarting_numbers() -> None:
    doc = _load("drafts.txt")
    assert _texts(doc) == [
        "Cut the cost of running trades",
        "Trade around the clock",
        "Cut the cost of running trades",
    ]
    assert [o.id for o in doc.objectives] == ["O1", "O2", "O1"]  # the author's numbering, restarted
    # "Assumptions:" bullets are not key results of the objective above them.
    assert all("state" not in kr.statement.text for o in doc.objectives for kr in o.key_results)


# --- OKRs inside longer documents --------------------------------------------------------------------------
def test_toml_front_matter_and_an_example_read_when_it_is_all_there_is() -> None:
    doc = _load("front_matter_toml.md")
    assert _texts(doc) == ["Get in better shape"]
    assert doc.objectives[0].extra["initiatives"] == ["Run three times a week"]


def test_worked_examples_and_definitions_skipped_when_the_document_has_its_own() -> None:
    doc = _load("worked_example.md")
    assert _texts(doc) == ["Availability"]


def test_labelled_definitions_do_not_make_unlabelled_headings_sections() -> None:
    # "**Objective**: what we want" defines the word; the objectives are the plain headings below it.
    doc = _load("definitions_then_headings.md")
    assert _texts(doc) == ["Make onboarding effortless", "Keep the platform up"]


def test_schedule_and_progress_tables_do_not_repeat_objectives() -> None:
    doc = _load("schedule_progress.md")
    assert _texts(doc) == ["Make checkout the fastest in our market"]
    assert [item.reason for item in doc.skipped] == ["a table that repeats objectives already read"]


# --- Markdown a person reads differently from CommonMark ----------------------------------------------------
def test_lists_indented_eight_spaces_and_dash_without_space() -> None:
    doc = _load("person_lists.md")
    st = by_id(doc)
    assert st["O1.KR2"].text == "enable private projects with 20% long-term retention"
    # The deeper ">need to check …" line is a note on that key result, not a key result.
    assert [kr.statement.text for kr in doc.objectives[0].key_results][2] == "set engagement targets"
    assert st["O2.KR1"].text == "hire 2 developers"


def test_unclosed_fence_ends_before_the_next_heading() -> None:
    assert _texts(_load("unclosed_fence.md")) == ["Automate the release", "Know our users"]


def test_key_result_wrapped_onto_a_second_line() -> None:
    st = by_id(_load("wrapped_kr.md"))
    assert st["O1.KR1"].text == "Time from sign-up to first successful call falls from 2 days to 10 minutes"


# --- structured files --------------------------------------------------------------------------------------
def test_okr_text_packed_in_one_json_string() -> None:
    doc = _load("packed_string.json")
    assert _texts(doc) == ["提升新用户留存", "降低获客成本"]
    assert all(o.statement.approximate for o in doc.objectives)  # "\n" escapes: the span is the string


def test_non_english_keys_through_the_alias_table() -> None:
    es = _load("aliases_es.json")
    assert _texts(es) == ["Ganar el mercado regional", "Clientes que vuelven"]
    assert [kr.id for kr in es.objectives[0].key_results] == ["KR1", "KR2"]
    zh = _load("aliases_zh.yaml")
    assert _texts(zh) == ["提升交付质量"]


def test_yaml_keyed_by_period_project_and_member() -> None:
    doc = _load("period_keyed.yaml")
    assert _texts(doc) == ["Open the space", "Furnish the space", "Standardise the opening routine"]
    assert {o.period for o in doc.objectives} == {"Q4"}
    assert doc.objectives[0].id is None  # the period key is not an id


def test_typed_node_tree() -> None:
    doc = _load("typed_tree.json")
    krs = doc.objectives[0].key_results
    assert [kr.statement.text for kr in krs][2] == "Reduzir o turnover de 12% para 8%"
    assert krs[2].extra["outside_objective"] is True  # a KR with no objective above it, said so
    assert [item.text for item in doc.skipped] == ["Turmas concluídas"]  # a KPI node, said so
    assert "filhos" not in doc.objectives[0].extra


def test_csv_with_every_line_wrapped_in_quotes() -> None:
    doc = _load("wrapped_lines.csv")
    assert _texts(doc) == ["Improve release predictability", "Reduce churn, fast"]
    assert doc.objectives[0].owner == "Emily"


def test_goal_and_target_packed_in_one_cell() -> None:
    doc = _load("goal_target_cell.csv")
    assert _texts(doc) == ["Win the mid-market", "Make support effortless"]
    assert doc.objectives[0].key_results[0].statement.text == "Grow mid-market ARR from $2M to $3M"
    assert doc.objectives[0].team == "Sales"


def test_one_objective_under_an_okr_key() -> None:
    from okrlint.readers import read_document

    doc = read_document(
        '{"okr": {"objective": "Grow X", "key_results": ["Reach 20 users, up from 10"]}}', "a.json"
    )
    assert [(o.statement.text, len(o.key_results)) for o in doc.objectives] == [("Grow X", 1)]


def test_numbered_kr_columns_one_row_per_objective() -> None:
    doc = _load("wide_kr_columns.csv")
    o1 = doc.objectives[0]
    assert (o1.statement.text, o1.owner) == ("Win the mid-market", "Ana")
    assert [(kr.id, kr.statement.text) for kr in o1.key_results] == [
        ("KR1", "Grow mid-market ARR from $2M to $3M"),
        ("KR2", "Sign 15 new logos with 200+ staff"),
    ]
