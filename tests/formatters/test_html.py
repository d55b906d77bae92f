"""HTML report: autoescaped OKR text, nothing fetched, counts and findings under the statement they concern."""

from __future__ import annotations

import re
from importlib.resources import files

from okrlint.formatters import html
from tests.formatters.htmlpage import Page
from tests.formatters.sample import HOSTILE_STATEMENT, empty_report, sample_report, team_report


def _total(markup: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}"><span class="n">(\d+)</span>', markup)
    assert match, element_id
    return match[1]


def test_template_ships_inside_the_package() -> None:
    assert (files("okrlint") / "templates" / "report.html.j2").is_file()


def test_okr_text_is_escaped_and_no_script_runs() -> None:
    markup = html.render(sample_report())
    page = Page(markup)
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert not [t for t, _ in page.tags if t == "script"]
    assert HOSTILE_STATEMENT in page.all_text()
    # The team name and the hostile message come back as the text the user wrote.
    assert "Sales & <Partners>" in page.all_text()
    assert "100% & <b>now</b>" in page.all_text()
    assert not [t for t, _ in page.tags if t == "b"]


def test_self_contained_no_network() -> None:
    markup = html.render(team_report())
    assert "http://" not in markup and "https://" not in markup
    page = Page(markup)
    assert {t for t, _ in page.tags}.isdisjoint({"script", "link", "img", "iframe", "object", "embed"})
    assert "url(" not in markup and "@import" not in markup
    (csp,) = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp["content"] == "default-src 'none'; style-src 'unsafe-inline'"


def test_totals_are_shown() -> None:
    report = team_report()
    markup = html.render(report)
    assert _total(markup, "total-files") == "4"
    assert _total(markup, "total-objectives") == "5"
    assert _total(markup, "total-key-results") == "11"
    assert _total(markup, "total-findings") == "12"
    assert _total(markup, "total-error") == "4"
    assert _total(markup, "total-warning") == "6"
    assert _total(markup, "total-info") == "2"
    assert _total(markup, "total-file-errors") == "1"
    assert "(+1 suppressed)" in markup


def test_each_finding_sits_under_its_statement_in_its_file() -> None:
    report = team_report()
    page = Page(html.render(report))
    anchors = {f.path: f"file-{n}" for n, f in enumerate(report.files, start=1)}
    expected = sorted(
        (anchors[f.path], f.statement.id if f.statement else None, f.code) for f in report.active_findings()
    )
    assert sorted(page.placed) == expected
    assert "K208" not in [code for _, _, code in page.placed]  # suppressed


def test_statements_in_document_order_with_key_results() -> None:
    page = Page(html.render(sample_report()))
    ids = [a["data-statement"] for _, a in page.tags if "data-statement" in a]
    assert ids == ["O1", "O1.KR1", "O1.KR2", "O1.KR3", "O2", "O2.KR1", "O2.KR2", "O1", "O1.KR1"]


def test_summary_table_rule_table_and_details() -> None:
    markup = html.render(team_report())
    page = Page(markup)
    text = page.all_text()
    assert "Customer Support" in text and "Q3 2024" in text
    assert "K203 ×1" in text
    # K203 appears in two files, so it leads the rule table.
    rules = markup[markup.index('id="rules"') :]
    assert rules.index(">K203<") < rules.index(">K201<")
    assert markup.count("<details>") == 12
    assert "Suggested rewrite" in text and "display-only" in text
    assert "source Step by Step Guide to OKRs (Weekdone), line 428" in text
    assert (
        "Could not lint this file (line 7, col 3): expected a list under 'key_results', found a string"
        in text
    )


def test_findings_without_a_parsed_statement_are_still_shown() -> None:
    report = sample_report().model_copy(update={"documents": ()})
    page = Page(html.render(report))
    assert len(page.placed) == len(report.active_findings())
    assert "Other findings in this file" in page.all_text()


def test_empty_report() -> None:
    page = Page(html.render(empty_report()))
    assert "No files were linted." in page.all_text()
    assert not page.placed


def test_file_without_okrs_says_so() -> None:
    report = sample_report()
    bare = report.model_copy(update={"documents": (), "findings": (), "errors": ()})
    assert "No objectives or key results found in this file." in Page(html.render(bare)).all_text()
    assert "No objectives or key results found" not in html.render(report)
