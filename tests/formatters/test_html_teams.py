"""The HTML report on real files: the team comes from the file's metadata or front matter before its name, and
periods are shown in one form whatever form each file wrote."""

from __future__ import annotations

from pathlib import Path

from okrlint.formatters import html
from okrlint.readers.periods import display_period
from okrlint.session import lint_sources
from tests.formatters.htmlpage import Page

KR = "- Cut median first-response time from 9 hours to 2 hours\n- Launch the new help centre\n"


def test_team_and_period_from_metadata(tmp_path: Path) -> None:
    (tmp_path / "platform-draft.md").write_text(
        f"---\nteam: Platform\nperiod: 2024-Q4\n---\n# OKRs\n\n## Objective: Make deploys boring\n\n{KR}",
        encoding="utf-8",
    )
    (tmp_path / "platform-extra.yaml").write_text(
        "team: platform\nperiod: Q4-2024\nobjectives:\n  - title: Make on-call quiet\n"
        "    key_results: [Cut pages per week from 30 to 5]\n",
        encoding="utf-8",
    )
    (tmp_path / "growth.md").write_text(
        f"# OKRs\n\n## Objective: Win small agencies\n\n{KR}", encoding="utf-8"
    )
    page = Page(html.render(lint_sources([str(tmp_path)]).report))
    rows = [a["data-team"] for t, a in page.tags if t == "tr" and a.get("data-team")]
    text = page.all_text()
    # Two files name the same team (in two spellings): one team. The third is named after its file.
    assert len(rows) == 2
    assert "Platform (2 files)" in text
    assert "growth" in text and "growth.md" in text
    assert "Q4 2024" in text and "2024-Q4" not in text and "Q4-2024" not in text


def test_display_period_forms() -> None:
    assert {display_period(p) for p in ("2024-Q4", "Q4-2024", "q4 2024", "Q4 2024", "2024 Q4")} == {"Q4 2024"}
    assert display_period("2024 H1") == "H1 2024"
    assert display_period("FY24-Q1") == "Q1 FY24"
    assert display_period("2020-01 ~2020-02") == "2020-01 ~2020-02"
    assert display_period(None) is None
