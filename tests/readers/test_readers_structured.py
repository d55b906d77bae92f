"""YAML and JSON: canonical schema, aliases, wrappers, slug mappings, bare strings, multi-document YAML."""

from __future__ import annotations

import pytest
from readers_support import by_id, check_statement_maps, kr_counts, load

from okrlint.readers import ReadError, read_document


def test_canonical_yaml() -> None:
    doc, text = load("canonical.yaml")
    assert (doc.format, doc.period, doc.team) == ("yaml", "2024-Q3", "Platform")
    assert kr_counts(doc) == [3, 2]
    o1 = doc.objectives[0]
    assert (o1.id, o1.owner, o1.parent) == ("O1", "alice", ("company/2024-Q3/O2",))
    kr = o1.key_results[0]
    assert kr.statement.text == "Raise week-1 activation from 32% to 45%"
    assert (kr.id, kr.owner, kr.baseline, kr.target, kr.current, kr.unit) == ("KR1.1", "bob", 32, 45, 38, "%")
    assert (kr.confidence, kr.status, kr.due) == (0.6, "on_track", "2024-09-30")
    st = by_id(doc)
    assert (
        st["O1.KR2"].text == "Cut median time-to-first-deploy from 3 days to 1 day"
    )  # bare string, comment after
    assert st["O1.KR3"].text == "Reduce onboarding steps from 15 to 7"  # folded scalar over two lines
    assert not st["O1.KR3"].approximate
    folded = o1.key_results[2]
    assert (folded.baseline, folded.target) == (15.0, "7 steps")
    assert folded.extra["raw"] == {"baseline": "15", "target": "7 steps"}
    assert st["O2"].text == "Speed up our sales cycle" and not st["O2"].approximate  # single-quoted
    assert not st["O2.KR1"].approximate  # double-quoted without escapes maps exactly
    # An escaped quote cannot be mapped character by character: approximate, spanning the whole node.
    escaped = st["O2.KR2"]
    assert escaped.approximate and escaped.text == 'Increase SQL to trial conversion rate from 30% to "60%"'
    assert text[escaped.span.start] == '"' and text[escaped.span.end - 1] == '"'
    assert doc.objectives[1].key_results[1].confidence == 0.7


def test_yaml_aliases_and_wrapper_objects() -> None:
    doc, _ = load("aliases.yaml")
    assert kr_counts(doc) == [2, 1]
    growth, finance = doc.objectives
    assert (growth.team, growth.period, growth.owner) == ("Growth", "2024-Q3", "gina@example.com")
    session, activity = growth.key_results
    # name + description: the description is linted, the name kept as a label.
    assert session.statement.text == "Increase average session duration from 10 min to 25 min"
    assert session.extra["name"] == "Session duration"
    assert (session.baseline, session.target, session.current) == (10, 25, 14)
    assert (session.progress, session.confidence, session.due) == (0.4, 0.8, "2024-09-30")
    assert activity.statement.text == "Increase average daily activity per user by 12%"
    assert (activity.owner, activity.target, activity.unit) == ("hank", 12, "percent")
    assert activity.extra["score"] == "0.3"
    assert (finance.team, finance.type, finance.parent) == ("Finance", "committed", ("2024-Q3-CFO-1",))
    kr = finance.key_results[0]
    assert (kr.baseline, kr.target, kr.unit) == (16, 8, "h")
    assert kr.statement.text.startswith('Speed up payment processing time from "application"')


def test_yaml_mapping_keyed_by_slug_with_bare_string_krs() -> None:
    doc, _ = load("slug_mapping.yaml")
    assert kr_counts(doc) == [3, 1]
    assert [o.id for o in doc.objectives] == ["launch-germany", "reach"]
    assert (
        doc.objectives[0].statement.text == "Expand to the German market"
    )  # `objective`, not the slug title
    assert doc.objectives[0].extra["period_end"] == "2024-12-31"
    assert by_id(doc)["O1.KR3"].text == "Increase German Sign-up to MQL conversion rate from 15 to 20%"


def test_multi_document_yaml() -> None:
    doc, _ = load("multi_doc.yaml")
    assert (doc.period, doc.team) == ("2024-Q1", "Data")
    assert kr_counts(doc) == [1, 2]
    assert by_id(doc)["O2.KR1"].text == "feature usage increased from 10% to 35%"


def test_json_names_results_and_escapes() -> None:
    doc, text = load("okrs.json")
    assert (doc.format, doc.period) == ("json", "2023-Q3")  # year + quarter
    assert kr_counts(doc) == [2, 2]
    downloads = doc.objectives[0].key_results[0]
    assert downloads.statement.text == "Reach 3000 downloads of the updated version of the free ebook"
    assert (downloads.progress, downloads.target, downloads.current) == (0.45, 3000, 1350)
    assert downloads.extra["score"] == "0.5" and "0.7" in downloads.extra["scoring"]
    assert doc.objectives[0].key_results[1].target == "2000 leads"
    st = by_id(doc)
    assert not st["O1"].approximate and not st["O2.KR1"].approximate
    assert st["O2"].approximate and st["O2"].text == "Leverage “social proof” to increase credibility"
    assert st["O2.KR2"].approximate  # "\t" escape
    assert text[st["O2"].span.start : st["O2"].span.end].startswith('"Leverage \\u201c')


def test_bare_list_and_single_objective_files() -> None:
    doc = read_document("- objective: Grow revenue\n  krs: [Raise ARR from 1M to 2M]\n", "x.yaml")
    assert kr_counts(doc) == [1]
    doc = read_document('{"title": "Grow revenue", "key_results": ["Raise ARR from 1M to 2M"]}', "x.json")
    assert kr_counts(doc) == [1]
    doc = read_document('["Grow revenue", "Hire well"]', "x.json")
    assert [o.statement.text for o in doc.objectives] == ["Grow revenue", "Hire well"]


def test_empty_structured_files_have_no_objectives() -> None:
    assert read_document("", "x.yaml").objectives == ()
    assert read_document("# only a comment\n", "x.yaml").objectives == ()
    assert read_document("{}", "x.json").objectives == ()
    assert read_document("team: x\nnotes: [a, b]\n", "x.yaml").objectives == ()


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("objectives:\n  - title: a\n   bad: [\n", 3, 4),
        ("objectives: [a, b\nteam: x\n", 2, 5),
        ("a: 1\nb: 'unterminated\n", 3, 1),
    ],
)
def test_yaml_syntax_errors_name_the_parser_position(text: str, line: int, column: int) -> None:
    with pytest.raises(ReadError) as info:
        read_document(text, "bad.yaml")
    err = info.value
    assert (err.path, err.line, err.column) == ("bad.yaml", line, column)
    assert "YAML" in err.message


def test_yaml_python_tags_are_refused() -> None:
    text = "objectives:\n  - title: !!python/object/apply:os.system ['echo hi']\n"
    with pytest.raises(ReadError) as info:
        read_document(text, "evil.yaml")
    assert info.value.line == 2
    with pytest.raises(ReadError):
        read_document("!!python/object:builtins.dict {a: 1}\n", "evil.yaml")


def test_yaml_alias_bomb_is_refused() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(
            f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]"
        )
    with pytest.raises(ReadError) as info:
        read_document("\n".join(lines) + "\n", "bomb.yaml")
    assert "too many aliases" in info.value.message


def test_recursive_yaml_alias_is_refused() -> None:
    with pytest.raises(ReadError):
        read_document("a: &x [*x]\n", "loop.yaml")


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('{"objectives": [\n  {"title": "a",}\n]}', 2, 17),
        ('{"objectives": [1, 2}\n', 1, 21),
        ("\n\n  {'single': 1}", 3, 4),
    ],
)
def test_json_syntax_errors_name_line_and_column(text: str, line: int, column: int) -> None:
    with pytest.raises(ReadError) as info:
        read_document(text, "bad.json")
    assert (info.value.line, info.value.column) == (line, column)


def test_deep_json_nesting_is_a_read_error() -> None:
    with pytest.raises(ReadError):
        read_document("[" * 100_000 + "]" * 100_000, "deep.json")


def test_structured_exact_statements_keep_the_span_invariant() -> None:
    text = "objectives:\n  - title:   Grow   revenue\n    key_results:\n      - |\n        Raise ARR\n        from 1M to 2M\n"
    doc = read_document(text, "x.yaml")
    check_statement_maps(doc, text)
    assert by_id(doc)["O1.KR1"].text == "Raise ARR from 1M to 2M"
    assert not by_id(doc)["O1.KR1"].approximate


def test_slug_mapping_metadata_beside_slugs_is_not_an_objective() -> None:
    text = "period: 2024-Q3\ngrow:\n  objective: Grow revenue\n  key_results: [Raise ARR from 1M to 2M]\n"
    doc = read_document(text, "x.yaml")
    assert doc.period == "2024-Q3"
    assert [o.statement.text for o in doc.objectives] == ["Grow revenue"]


@pytest.mark.parametrize("name", ["x.yaml", "x.json"])
def test_bom_in_text_keeps_offsets(name: str) -> None:
    body = '{"objectives": [{"title": "Grow revenue", "krs": ["Raise ARR from 1M to 2M"]}]}'
    text = "\ufeff" + body
    doc = read_document(text, name)
    check_statement_maps(doc, text)
    assert doc.objectives[0].statement.span.start == text.index("Grow")
    assert not doc.objectives[0].statement.approximate


def test_yaml_positions_are_code_points_after_non_ascii() -> None:
    text = "team: é中🟢\nobjectives:\n  - title: Grow revenue in 中国\n    krs: [Raise ARR from 1M to 2M]\n"
    doc = read_document(text, "x.yaml")
    check_statement_maps(doc, text)
    st = doc.objectives[0].statement
    assert not st.approximate and text[st.span.start : st.span.end] == "Grow revenue in 中国"
    assert (st.start.line, st.start.column) == (3, 12)


@pytest.mark.parametrize(("text", "column"), [("a: b\x07ell\n", 5), ("a: b\ud800\n", 5)])
def test_unprintable_yaml_characters_are_read_errors_at_the_character(text: str, column: int) -> None:
    with pytest.raises(ReadError) as info:
        read_document(text, "x.yaml")
    assert (info.value.line, info.value.column) == (1, column)
