"""Layouts found in real OKR files outside the development set, each as a small synthetic document.

Each test names the class of layout it covers; the expected counts are what a careful reader counts.
"""

from __future__ import annotations

from readers_support import check_statement_maps, kr_counts

from okrlint.models import OkrDocument
from okrlint.readers import read_document


def _read(text: str, name: str = "okrs.md") -> OkrDocument:
    doc = read_document(text, name)
    check_statement_maps(doc, text)
    return doc


def _objectives(doc: OkrDocument) -> list[str]:
    return [o.statement.text for o in doc.objectives]


def _krs(doc: OkrDocument) -> list[list[str]]:
    return [[kr.statement.text for kr in o.key_results] for o in doc.objectives]


# --- tables ------------------------------------------------------------------------------------------------
def test_table_headers_that_gloss_an_abbreviation_in_brackets() -> None:
    """ "O (Objective)" / "KR（Key Result）" headers; objective and first KR share a row."""
    text = (
        "| O (Objective) | KR（Key Result） | Week 1 |\n"
        "| --- | --- | --- |\n"
        "| O1 - Run a half marathon | KR1 - Run three times a week | /12 |\n"
        "| | KR2 - Finish a 15 km training run | |\n"
        "| O2 - Read more widely | KR3 - Finish six books outside my field | |\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Run a half marathon", "Read more widely"]
    assert kr_counts(doc) == [2, 1]


def test_label_only_kr_cells_and_theme_headings_inside_the_kr_block() -> None:
    """ "| **KR 1** | statement |": the label cell numbers the row, the statement is the next cell and is no
    target; "#### Theme" headings under "### Key Results" group the KRs; a metrics table after is no KR."""
    text = (
        "# Platform OKRs\n\n"
        "## Team OKR\n\n"
        "### Objective\n\n"
        "**Make every deploy boring and safe.**\n\n"
        "### Key Results\n\n"
        "#### Speed\n\n"
        "| KR | Target |\n|----|--------|\n"
        "| **KR 1** | Cut median deploy time from 30 to 10 minutes. |\n"
        "| **KR 2** | Ship 20 deploys a week without a rollback. |\n\n"
        "#### Safety\n\n"
        "| KR | Target |\n|----|--------|\n"
        "| **KR 1** | Catch 95% of failed deploys in canary before full rollout. |\n\n"
        "### Key Metrics\n\n"
        "| Metric | Target |\n|--------|--------|\n"
        "| Deploy time | 10 min |\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Make every deploy boring and safe"]
    assert _krs(doc) == [
        [
            "Cut median deploy time from 30 to 10 minutes",
            "Ship 20 deploys a week without a rollback",
            "Catch 95% of failed deploys in canary before full rollout",
        ]
    ]
    assert all(kr.target is None for kr in doc.objectives[0].key_results)


# --- OKRs inside a longer document -------------------------------------------------------------------------
def test_kr_lines_inside_an_objective_list_item() -> None:
    """A sprint plan whose OKR section puts each KR on a hard-broken line of the objective's item."""
    text = (
        "# Sprint 12 plan\n\n"
        "## Goal\n\nShip the importer.\n\n"
        "## OKRs\n\n"
        "- **O1: Make imports dependable**  \n"
        "  **KR1.1** 99% of nightly imports finish without a retry.  \n"
        "  **KR1.2** Median import time under 4 minutes,\n"
        "  measured over the last week.\n"
        "- **O2: Grow adoption**  \n"
        "  **KR2.1** 30 teams run at least one import.\n\n"
        "## Backlog\n\n"
        "- [ ] Retry queue\n"
        "- [ ] Import dashboard\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Make imports dependable", "Grow adoption"]
    assert _krs(doc) == [
        [
            "99% of nightly imports finish without a retry",
            "Median import time under 4 minutes, measured over the last week",
        ],
        ["30 teams run at least one import"],
    ]


def test_kr_bracket_closing_an_objective_item_in_a_requirements_document() -> None:
    """A PRD's goals section: "* **Objective 1:** sentence. (KR: a; b)." holds two KRs; other numbered
    requirement lists of the document are no OKRs."""
    text = (
        "# Requirements: parcel lockers\n\n"
        "## 1. Summary\n\nA locker network for the campus.\n\n"
        "## 2. Goals\n\n"
        "### 2.1 OKR\n"
        "*   **Objective 1:** Make pickups quick. (KR: 90% of parcels collected within 2 days; "
        "median pickup under 1 minute).\n"
        "*   **Objective 2:** Keep parcels safe. (KRs: zero lost parcels in the pilot).\n\n"
        "## 3. Functional requirements\n"
        "1.  **Locker API (F-01):** open a door with a one-time code.\n"
        "2.  **Admin (F-02):** see which lockers are full.\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Make pickups quick", "Keep parcels safe"]
    assert _krs(doc) == [
        ["90% of parcels collected within 2 days", "median pickup under 1 minute"],
        ["zero lost parcels in the pilot"],
    ]


def test_objective_paragraph_with_field_lines_and_a_kr_table_in_a_sub_section() -> None:
    """ "**Objective**: …" then "**DRI**:"/"**KPI**:" lines in one paragraph: the fields are no part of the
    statement. Its KRs are the table under a deeper "### OKRs (Q3)" heading of the same section; the KPI and
    roadmap tables and the key-result-area bullets are not KRs."""
    text = (
        "# Infra OKRs\n\n"
        "## Area: Reliability\n\n"
        "**Objective**: Keep the checkout path up through the holiday peak\n"
        "**DRI**: SRE guild\n"
        "**KPI**: availability\n\n"
        "### KRAs (Key Result Areas)\n- Paging\n- Capacity\n\n"
        "### KPIs\n\n| Metric | Current | Target |\n|---|---|---|\n| Availability | 99.5% | 99.9% |\n\n"
        "### OKRs (Q3 2025)\n\n"
        "| KR | Target | Status |\n|---|---|---|\n"
        "| Hold checkout availability at 99.9% through November | 99.9% | On track |\n"
        "| Cut pages per week from 40 to 10 | 10 | Not started |\n\n"
        "### Roadmap\n\n| # | Action | Due |\n|---|---|---|\n| 1 | Add a second region | Aug |\n\n"
        "## Area: Cost\n\n"
        "**Objective**: Spend less per order served\n"
        "**DRI**: FinOps\n\n"
        "### OKRs (Q3 2025)\n\n"
        "| KR | Target |\n|---|---|\n| Lower cloud cost per order from 4 to 3 cents | 3 |\n"
    )
    doc = _read(text)
    assert _objectives(doc) == [
        "Keep the checkout path up through the holiday peak",
        "Spend less per order served",
    ]
    assert [o.owner for o in doc.objectives] == ["SRE guild", "FinOps"]
    assert kr_counts(doc) == [2, 1]


def test_kr_table_of_an_earlier_section_does_not_reach_the_next_objective() -> None:
    """A KR table in a section without its own objective stays unread rather than joining one above."""
    text = (
        "## Area: Cost\n\n**Objective**: Spend less per order served\n\n"
        "## Area: Hiring\n\n### Targets\n\n"
        "| KR | Target |\n|---|---|\n| Hire four engineers | 4 |\n"
    )
    doc = _read(text)
    assert kr_counts(doc) == [0]


# --- lists -------------------------------------------------------------------------------------------------
def test_measure_and_target_lines_after_a_kr_are_its_fields() -> None:
    """KR bullets alternating with "- Measure: …" / "- Target: …" bullets; a long item ending "including:"
    is a KR whose sub-items detail it, while a short "Docs:" item still names a group of KRs."""
    text = (
        "# My OKRs\n\n"
        "## 1) Stay healthy\n\n"
        "### Key Results\n\n"
        "- Cycle to work three days a week\n"
        "- Measure: commutes per week\n"
        "- Sleep seven hours a night on average\n"
        "- Measure: hours from the watch\n"
        "- Target: 7 or more\n"
        "- Plan a hiking week with friends including:\n"
        "  - two summits\n"
        "  - one night in a hut\n"
        "- Measure: trip booked\n\n"
        "## 2) Grow at work\n\n"
        "### Key Results\n\n"
        "- Docs:\n"
        "  - Publish the onboarding guide\n"
        "  - Review every design doc within two days\n"
    )
    doc = _read(text)
    assert _krs(doc) == [
        [
            "Cycle to work three days a week",
            "Sleep seven hours a night on average",
            "Plan a hiking week with friends including",
        ],
        ["Publish the onboarding guide", "Review every design doc within two days"],
    ]
    assert doc.objectives[0].key_results[1].extra["fields"] == [
        "Measure: hours from the watch",
        "Target: 7 or more",
    ]


def test_field_labelled_items_with_no_kr_before_them_are_the_krs() -> None:
    """ "- Metric: …" items that open the list are the KRs themselves."""
    text = "## Grow the community\n\n- Metric: 5 paying members\n- Metric: host one co-branded event\n"
    doc = _read(text)
    assert kr_counts(doc) == [2]


def test_a_list_defining_the_words_of_the_method_is_no_okr() -> None:
    """A primer's glossary ("Objective: a goal…", "Key Results: which measure…", "Initiative: …") in English
    or Chinese reads nothing; a flat list with one objective and two KRs is still an OKR."""
    glossary = (
        "# OKRs\n\n"
        "* Objective: a goal we want to reach\n"
        "* Key Results: which measure progress towards the objective\n"
        "* Initiative: an action that moves a key result\n\n"
        "## Why\n\nRead the primer first.\n"
    )
    assert not _read(glossary).objectives
    glossary_zh = "## 实战\n\n1. 使命：我们为何存在\n2. 目标：近期聚焦的事项\n3. 关键成果：支撑目标的关键点\n4. 任务：具体的行动\n"
    assert not _read(glossary_zh).objectives
    okr = (
        "- Objective: Make onboarding painless\n"
        "- Key Result: 80% of new users finish setup on day one\n"
        "- Key Result: Support tickets about setup halve\n"
    )
    assert kr_counts(_read(okr)) == [2]


def test_chinese_key_results_label_variant() -> None:
    """关键成果 ("key outcomes") labels key results as 关键结果 does."""
    text = "目标：提升新用户留存\n关键成果1：次周留存从 30% 提升到 40%\n关键成果2：新手引导完成率达到 80%\n"
    doc = _read(text, "okrs.txt")
    assert _objectives(doc) == ["提升新用户留存"]
    assert kr_counts(doc) == [2]


# --- structured files --------------------------------------------------------------------------------------
def test_csv_of_objectives_keyed_by_an_objective_id() -> None:
    """An app's export of objectives only ("id_obj,…,texto,…"): one objective per row, no KRs; a plain
    "id,name" list with no objective id stays unread."""
    text = "id_obj,team,texto,responsavel\n1,growth,Ganhar o mercado médio,ana\n2,ops,Tornar o suporte calmo,rui\n"
    doc = _read(text, "okr.csv")
    assert _objectives(doc) == ["Ganhar o mercado médio", "Tornar o suporte calmo"]
    assert kr_counts(doc) == [0, 0]
    assert not _read("id,name\n1,Ana\n2,Rui\n", "people.csv").objectives


def test_plain_lines_over_kr_lists_under_period_headings() -> None:
    """Objectives written as plain lines (no label, no bold) over their KR lists, in "### Q1 2025" and
    "### 2025" sections; a line with no list is an objective without KRs; prose, links and lead-ins are not."""
    text = (
        "# Objectives and Key Results\n\n"
        "## Quarterly\n\n"
        "### Q1 2025\n"
        "Launch the beta of the editor\n"
        "- 50 weekly writers\n"
        "- Export to PDF works for every template\n\n"
        "Make the newsletter worth opening!\n"
        "- 12 issues sent\n"
        "- 40% open rate\n\n"
        "### Q2 2025\n"
        "Run a community writing sprint (or co-host one)\n\n"
        "## Yearly\n\n"
        "### 2025\n"
        "Build a small, loyal community\n"
        "- 10 regular contributors\n"
    )
    doc = _read(text)
    assert _objectives(doc) == [
        "Launch the beta of the editor",
        "Make the newsletter worth opening!",
        "Run a community writing sprint (or co-host one)",
        "Build a small, loyal community",
    ]
    assert kr_counts(doc) == [2, 2, 0, 1]
    assert [o.period for o in doc.objectives][:3] == ["Q1 2025", "Q1 2025", "Q2 2025"]


def test_prose_and_links_under_a_period_heading_are_no_objectives() -> None:
    text = (
        "# Team OKRs\n\n"
        "## 2024 Q3\n"
        "Find this quarter's OKRs in the [planning sheet](https://example.com/sheet).\n\n"
        "## 2024 Q2\n"
        "We focused on reliability this quarter.\n"
        "Things we tried:\n"
        "- weekly load tests\n"
        "- a second on-call rota\n"
    )
    assert not _read(text).objectives


def test_a_table_citing_the_objectives_above_by_number_is_an_index() -> None:
    """ "| OKR | Primary agent |" whose cells cite "1 — …", "2 — …" maps objectives to helpers: no objective and
    no KRs; a "| OKR | Status |" table with "↳" KR rows is still read."""
    text = (
        "## 1) Stay healthy\n\n### Key Results\n\n- Cycle to work three days a week\n\n"
        "## 2) Grow at work\n\n### Key Results\n\n- Publish the onboarding guide\n\n"
        "## Helper map\n\n| OKR | Primary helper |\n|-----|----|\n"
        "| 1 — Cycling | Health coach |\n| 2 — Guide | Writing buddy |\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Stay healthy", "Grow at work"]
    assert kr_counts(doc) == [1, 1]
    arrows = (
        "| OKR | Status |\n|---|---|\n| Improve onboarding | |\n| ↳ Halve setup time from 2 days to 1 | |\n"
    )
    assert kr_counts(_read(arrows)) == [1]


# --- advice on the method -----------------------------------------------------------------------------------
def test_sections_of_advice_on_writing_okrs_are_not_okrs() -> None:
    """An explainer's "Rules" / "Tips for writing OKRs" list is advice, skipped even when the file has no OKRs
    of its own (nothing is read, rather than the advice linted as key results)."""
    text = (
        "# Goals & OKRs\n\nHow we set goals.\n\n## Rules\n\n"
        "- **Few objectives.** 2-4 per team per quarter. Focus beats coverage.\n"
        "- **Every KR is a real metric.** It maps to a number on a dashboard.\n\n"
        "## Tips for writing OKRs\n\n- Start from the customer.\n- Keep it short.\n"
    )
    doc = _read(text)
    assert doc.objectives == ()
    assert {s.text for s in doc.skipped} >= {"Rules", "Tips for writing OKRs"}


def test_a_goal_that_only_starts_with_an_advice_word_is_read() -> None:
    """ "Rules engine in production" is an objective, and a file's OKRs next to its advice are read."""
    text = (
        "# Q3 OKRs\n\n## Rules engine in production\n\n- Cut manual reviews from 400 to 100 a week\n"
        "- Raise auto-approval from 20% to 60%\n\n## Common mistakes to avoid\n\n- Writing tasks as key results\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Rules engine in production"]
    assert kr_counts(doc) == [2]


def test_advice_inside_an_objective_does_not_end_it() -> None:
    """A "### Tips" subsection under an objective: the key results after it are still the objective's."""
    text = (
        "# Team OKRs\n\n## Objective: Improve onboarding\n\n### Tips\n\n- Keep each step short\n\n"
        "### Key results\n\n- Raise activation from 20% to 40%\n- Cut time to first value from 5 days to 2\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Improve onboarding"]
    assert _krs(doc) == [["Raise activation from 20% to 40%", "Cut time to first value from 5 days to 2"]]


def test_examples_inside_an_objective_do_not_end_it() -> None:
    """ "### Examples" under an objective in a file with OKRs of its own: the examples are skipped, and the key
    results after them are still the objective's."""
    text = (
        "# Team OKRs\n\n## Objective: Improve onboarding\n\n### Examples\n\n- Launch the new tour\n\n"
        "### Key results\n\n- Raise activation from 20% to 40%\n\n## Objective: Grow revenue\n\n"
        "- Raise ARR from 1M to 2M\n"
    )
    doc = _read(text)
    assert _objectives(doc) == ["Improve onboarding", "Grow revenue"]
    assert _krs(doc) == [["Raise activation from 20% to 40%"], ["Raise ARR from 1M to 2M"]]


def test_goals_named_with_an_advice_word_and_a_subject_are_read() -> None:
    """ "Guidelines for the support team", "Best practices for security adopted by every squad": goals about
    something other than OKRs, read with their key results."""
    text = (
        "# Q3 OKRs\n\n## Guidelines for the support team\n\n- Answer 90% of tickets within 4 hours\n\n"
        "## Best practices for security adopted by every squad\n\n- Raise squads with threat models from 2 to 10\n"
    )
    doc = _read(text)
    assert _objectives(doc) == [
        "Guidelines for the support team",
        "Best practices for security adopted by every squad",
    ]
    assert kr_counts(doc) == [1, 1]
