"""HTML report: autoescaped OKR text, nothing fetched, counts and findings under the statement they concern."""

from __future__ import annotations

import base64
import hashlib
import re
from importlib.resources import files

import pytest

from okrlint.formatters import html
from tests.formatters.htmlpage import Page
from tests.formatters.sample import HOSTILE_STATEMENT, empty_report, sample_report, team_report


def _total(markup: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}"><span class="n">(\d+)</span>', markup)
    assert match, element_id
    return match[1]


def test_template_ships_inside_the_package() -> None:
    assert (files("okrlint") / "templates" / "report.html.j2").is_file()


def _scripts(markup: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", markup, re.DOTALL)


def test_okr_text_is_escaped_and_only_the_report_script_runs() -> None:
    markup = html.render(sample_report())
    page = Page(markup)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    # One script: okrlint's own filter, byte for byte the packaged file.
    assert _scripts(markup) == [(files("okrlint") / "templates" / "report.js").read_text(encoding="utf-8")]
    assert all(not a.get("src") for t, a in page.tags if t == "script")
    assert HOSTILE_STATEMENT in page.all_text()
    # The team name and the hostile message come back as the text the user wrote.
    assert "Sales & <Partners>" in page.all_text()
    assert "100% & <b>now</b>" in page.all_text()
    assert not [t for t, _ in page.tags if t == "b"]


def test_self_contained_no_network() -> None:
    markup = html.render(team_report())
    assert "http://" not in markup and "https://" not in markup
    page = Page(markup)
    assert {t for t, _ in page.tags}.isdisjoint({"link", "img", "iframe", "object", "embed"})
    assert "url(" not in markup and "@import" not in markup
    (csp,) = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    # The policy allows exactly the script in the page (by its hash), and nothing is fetched.
    (script,) = _scripts(markup)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert csp["content"] == f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"


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
    assert markup.count("<details>") == 12  # one "why it matters" per finding with an explanation
    assert "Suggested rewrite" in text and "display-only" in text
    # Guides are cited by title (and line), never by their seed file name.
    assert "Step by Step Guide to OKRs (Weekdone) (line 428)" in text
    assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", text)
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


def test_teams_come_worst_first_with_a_verdict() -> None:
    page = Page(html.render(team_report()))
    rows = [a["data-team"] for t, a in page.tags if t == "tr" and a.get("data-team")]
    teams = [a for t, a in page.tags if t == "details" and "team" in (a.get("class") or "").split()]
    assert [a["id"] for a in teams] == rows
    verdicts = [a["data-verdict"] for a in teams]
    # The unreadable file first, then teams with errors (most errors first), and no team is open at the start.
    assert verdicts == ["unreadable", "rework", "rework", "rework"]
    assert all("open" not in a for a in teams)
    text = page.all_text()
    assert text.index("Platform") < text.index("Customer Support") < text.index("Sales & <Partners>")


def test_objectives_fold_and_open_when_they_need_work() -> None:
    page = Page(html.render(team_report()))
    objectives = [a for t, a in page.tags if t == "details" and "objective" in (a.get("class") or "").split()]
    assert len(objectives) == 5
    assert any("open" in a for a in objectives)


def test_filter_form_waits_for_the_script() -> None:
    page = Page(html.render(team_report()))
    form = page.by_id("filters")
    assert "hidden" in form  # without the script, the page shows every finding and no dead controls
    options = [a.get("value") for t, a in page.tags if t == "option"]
    assert options[0] == "" and "K203" in options
    findings = [a for t, a in page.tags if "finding" in (a.get("class") or "").split()]
    assert {a["data-severity"] for a in findings} == {"error", "warning", "info"}


def test_coaching_question_sits_beside_the_rewrite(monkeypatch: pytest.MonkeyPatch) -> None:
    carrying = sum(1 for f in team_report().active_findings() if any(s.question for s in f.suggestions))
    # only the findings whose rewrite carries a question show one
    assert html.render(team_report()).count('class="question"') == carrying
    monkeypatch.setattr(html, "coaching_question", lambda f: "Who will notice?" if f.code == "K203" else None)
    markup = html.render(team_report())
    assert markup.count("Who will notice?") == 2  # K203 fires twice
    for start in [m.start() for m in re.finditer('data-code="K203"', markup)]:
        block = markup[start : markup.index("</details>", start)]
        # Inside the rewrite box, right after the rewrite text.
        rewrite = block[block.index('<div class="rewrite">') : block.index("<details>")]
        assert rewrite.index("rewrite-text") < rewrite.index("Who will notice?")
