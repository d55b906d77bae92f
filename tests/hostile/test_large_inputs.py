"""Very large inputs: work that grows with the number of key results grows linearly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.api import Linter
from okrlint.checks.okr_set import first_similar


def _pairwise(sets: list[frozenset[str]], threshold: float) -> list[int | None]:
    """The definition: the first earlier set at least ``threshold`` alike, by comparing every pair."""
    out: list[int | None] = []
    for i, words in enumerate(sets):
        out.append(
            next((j for j in range(i) if len(words & sets[j]) / len(words | sets[j]) >= threshold), None)
        )
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.frozensets(st.sampled_from("abcdefgh"), min_size=1, max_size=6), max_size=25),
    st.sampled_from([0.5, 0.6, 0.85, 1.0]),
)
def test_grouped_duplicates_find_what_a_pairwise_scan_finds(
    sets: list[frozenset[str]], threshold: float
) -> None:
    assert first_similar([tuple(sorted(s)) for s in sets], threshold) == _pairwise(sets, threshold)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.frozensets(st.sampled_from("abcdefghijklmnop"), min_size=10, max_size=16).flatmap(
            lambda base: st.sampled_from([base, base - {min(base)}, base | {"z"}, base - {max(base)} | {"y"}])
        ),
        max_size=12,
    ),
    st.sampled_from([0.85, 0.9]),
)
def test_long_near_duplicates_are_found_as_a_pairwise_scan_finds_them(
    sets: list[frozenset[str]], threshold: float
) -> None:
    # Sets of 10-16 words one word apart: the sizes at which different sets can reach 0.85.
    assert first_similar([tuple(sorted(s)) for s in sets], threshold) == _pairwise(sets, threshold)


def test_thousands_of_identical_key_results_each_point_at_the_first() -> None:
    count = 3_000
    text = "## Grow our community in Q3\n\n" + "- Raise weekly active members from 1,000 to 5,000\n" * count
    report = Linter({"select": ["S317"]}).lint_text(text, format="markdown")
    duplicates = [f for f in report.findings if f.code == "S317"]
    assert len(duplicates) == count - 1
    assert {f.statement.id for f in duplicates if f.statement} == {f"O1.KR{i}" for i in range(2, count + 1)}
    assert all(f.message.startswith("Key result repeats O1.KR1:") for f in duplicates)


def _large_document() -> str:
    """A file with everything rules over the whole file look at: repeated key results, a person's own OKRs,
    too many objectives, suppression directives (one used, one not) and findings with rewrites."""
    parts = ["---", "owner: Sam", "level: individual", "period: Q3 2024", "---", "", "# My OKRs", ""]
    for i in range(9):
        parts += [f"## Grow our community in region {i}", ""]
        parts += [
            "- Launch the new website <!-- okrlint: ignore[K203] the launch is the plan -->",
            "- Raise weekly active members from 1,000 to 5,000",
            f"- Improve onboarding for team {i}",
            f"- Write {i + 2} blog posts <!-- okrlint: ignore[K202,K999] nothing to silence here -->",
            "",
        ]
    return "\n".join(parts)


def test_a_large_document_linted_in_parts_reports_what_it_reports_whole(monkeypatch) -> None:
    import okrlint.api

    text = _large_document()
    config = {"extend-select": ["X001"]}  # unused directives too: known only once every finding is in
    whole = Linter(config).lint_text(text, format="markdown")
    monkeypatch.setattr(
        okrlint.api, "BATCH_STATEMENTS", 7
    )  # every document is "large": parts of 2 objectives
    parts = Linter(config).lint_text(text, format="markdown")
    codes = {f.code for f in whole.findings}
    assert {"S317", "S306", "S302"} <= codes and any(c.startswith("X") for c in codes)
    assert any(f.suppressed for f in whole.findings) and any(f.suggestions for f in whole.findings)
    assert [f.model_dump() for f in parts.findings] == [f.model_dump() for f in whole.findings]


def test_whole_file_rules_judge_a_large_documents_digests_as_they_judge_its_analyses(monkeypatch) -> None:
    # Digests keep what S306, S317 and S318 read: the person, the words and the numbers (key results that
    # differ only by a number are not repeats), and whether a statement is English.
    import okrlint.api

    text = _large_document().replace(
        "- Improve onboarding for team 3", "- Erhöhen Sie die Kundenzufriedenheit im dritten Quartal deutlich"
    )
    config = {"select": ["S306", "S317", "S318"]}
    whole = Linter(config).lint_text(text, format="markdown")
    monkeypatch.setattr(okrlint.api, "BATCH_STATEMENTS", 7)
    parts = Linter(config).lint_text(text, format="markdown")
    assert {"S306", "S317", "S318"} <= {f.code for f in whole.findings}
    repeated = {f.statement.text for f in whole.findings if f.code == "S317" and f.statement}
    assert not any("blog posts" in t for t in repeated)
    assert [f.model_dump() for f in parts.findings] == [f.model_dump() for f in whole.findings]


def test_workers_share_one_large_document_and_report_what_one_process_reports(monkeypatch) -> None:
    import multiprocessing

    import okrlint.api
    from okrlint.api import SourceDocument
    from okrlint.readers import read_document

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers need fork")
    text = _large_document()
    config = {"extend-select": ["X001"]}
    source = SourceDocument(read_document(text, path="okrs.md", format="markdown"), text)
    alone = Linter(config).lint_documents([source])
    monkeypatch.setattr(okrlint.api, "BATCH_STATEMENTS", 7)
    monkeypatch.setattr(okrlint.api, "MIN_PARALLEL_BATCH", 5)
    shared = Linter(config).lint_documents([source], jobs=2)
    assert [f.model_dump() for f in shared.findings] == [f.model_dump() for f in alone.findings]


def test_a_report_of_many_findings_holds_them_packed_and_every_format_renders_it_the_same(
    monkeypatch,
) -> None:
    """Past PACKED_FINDINGS a report holds its findings packed, sorted without holding them all: every format
    gives what it gives for the report holding them as a tuple, and so does the report's JSON."""
    import okrlint.api
    from okrlint.formatters import FORMAT_NAMES, render_for
    from okrlint.packed import PackedSequence
    from okrlint.readers import md_parts

    text = _large_document()
    config = {"extend-select": ["X001"]}
    plain = Linter(config).lint_text(text, format="markdown", path="okrs.md")
    assert isinstance(plain.findings, tuple) and len(plain.findings) > 20
    assert isinstance(plain.documents[0].objectives, tuple)
    # Read a section at a time and packed; linted in parts; findings sorted in runs of five and merged.
    monkeypatch.setattr(md_parts, "PART_CHARS", 1)
    monkeypatch.setattr(md_parts, "PACK_OVER_STATEMENTS", 0)
    monkeypatch.setattr(okrlint.api, "BATCH_STATEMENTS", 7)
    monkeypatch.setattr(okrlint.api, "PACKED_FINDINGS", 5)
    monkeypatch.setattr(okrlint.api, "PACKED_CHUNK", 3)
    packed = Linter(config).lint_text(text, format="markdown", path="okrs.md")
    assert isinstance(packed.findings, PackedSequence)
    assert isinstance(packed.documents[0].objectives, PackedSequence)
    assert packed.documents == plain.documents and packed.files == plain.files
    assert packed.findings == plain.findings and packed.summary == plain.summary
    assert packed.active_findings() == plain.active_findings()
    assert packed.worst_severity() == plain.worst_severity()
    assert packed.model_dump_json() == plain.model_dump_json()
    for name in FORMAT_NAMES:
        assert render_for(name, packed) == render_for(name, plain), name


def test_findings_past_the_threshold_keep_the_order_sorted_gives_them_ties_included(monkeypatch) -> None:
    """Findings with the same place and code (two rewrites' worth of one rule, say) stay in the order they came
    in, as ``sorted`` keeps them, however the packed runs fall."""
    import okrlint.api
    from okrlint.api import assemble_report

    report = Linter().lint_text(_large_document(), format="markdown", path="okrs.md")
    # Every finding three times with a different message: ties on (path, line, column, code).
    tied = [f.model_copy(update={"message": f"{k} {f.message}"}) for f in report.findings for k in range(3)]
    shuffled = tied[1::2] + tied[::2]
    plain = assemble_report(report.tool, report.documents, shuffled, report.errors)
    for threshold in (4, 7, 50):
        monkeypatch.setattr(okrlint.api, "PACKED_FINDINGS", threshold)
        monkeypatch.setattr(okrlint.api, "PACKED_CHUNK", 5)
        packed = assemble_report(report.tool, report.documents, iter(shuffled), report.errors)
        assert list(packed.findings) == list(plain.findings)
        assert packed.summary == plain.summary


def test_workers_share_one_large_packed_document_and_report_what_one_process_reports(monkeypatch) -> None:
    import multiprocessing

    import okrlint.api
    from okrlint.api import SourceDocument
    from okrlint.packed import PackedSequence

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers need fork")
    text = _large_document()
    config = {"extend-select": ["X001"]}
    document = _read_in_tiny_parts(monkeypatch, text)
    assert document is not None and isinstance(document.objectives, PackedSequence)
    source = SourceDocument(document, text)
    alone = Linter(config).lint_text(text, format="markdown", path="okrs.md")
    monkeypatch.setattr(okrlint.api, "BATCH_STATEMENTS", 7)
    monkeypatch.setattr(okrlint.api, "MIN_PARALLEL_BATCH", 5)
    shared = Linter(config).lint_documents([source], jobs=2)  # each worker decodes its own part
    assert [f.model_dump() for f in shared.findings] == [f.model_dump() for f in alone.findings]


def test_the_reader_packs_objectives_past_the_linters_batch() -> None:
    """The reader packs a document that the linter lints in parts, and no smaller one."""
    import okrlint.api
    from okrlint.readers import md_parts

    assert md_parts.PACK_OVER_STATEMENTS == okrlint.api.BATCH_STATEMENTS


def _read_in_tiny_parts(monkeypatch, text: str):
    """The document ``read_markdown_in_parts`` gives with parts of one section each (None: read whole)."""
    from okrlint.directives import mask
    from okrlint.readers import md_parts

    monkeypatch.setattr(md_parts, "PART_CHARS", 1)
    monkeypatch.setattr(md_parts, "PACK_OVER_STATEMENTS", 0)  # and packed, as a very large file is
    return md_parts.read_markdown_in_parts(mask(text, "markdown"), "okrs.md")


def test_a_large_markdown_file_read_in_parts_is_the_document_read_whole(monkeypatch) -> None:
    import okrlint.api
    from okrlint.packed import PackedSequence
    from okrlint.readers import read_document

    text = _large_document()
    config = {"extend-select": ["X001"]}
    whole_document = read_document(text, path="okrs.md", format="markdown")
    whole = Linter(config).lint_text(text, format="markdown", path="okrs.md")
    in_parts = _read_in_tiny_parts(monkeypatch, text)
    assert in_parts is not None  # front matter, a title and nine sections: read one section at a time
    assert isinstance(in_parts.objectives, PackedSequence)  # held compressed, a part per chunk
    assert in_parts.statement_count() == whole_document.statement_count() == len(whole_document.statements())
    assert in_parts == whole_document
    # Now read_document itself reads in parts, and the linter lints in parts of two objectives.
    monkeypatch.setattr(okrlint.api, "BATCH_STATEMENTS", 7)
    parts = Linter(config).lint_text(text, format="markdown", path="okrs.md")
    assert {"S317", "S306", "S302"} <= {f.code for f in whole.findings}
    assert [f.model_dump() for f in parts.findings] == [f.model_dump() for f in whole.findings]
    assert parts.documents == whole.documents


def _markdown_files() -> list:
    from pathlib import Path

    from benchmarks.realworld import DEFAULT_FOLDER

    here = Path(__file__).resolve().parents[1] / "fixtures"
    found = sorted(here.rglob("*.md"))
    if DEFAULT_FOLDER.is_dir():
        found += sorted(p for p in DEFAULT_FOLDER.glob("*.md") if p.name != "README.md")
    return found


def test_every_markdown_file_read_in_parts_is_read_as_whole(monkeypatch) -> None:
    """Fixtures and real files, cut at every top-level section: the same document, or read whole."""
    from okrlint.directives import mask
    from okrlint.readers import ReadError
    from okrlint.readers.markdown import read_markdown

    split = 0
    for path in _markdown_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            whole = read_markdown(mask(text, "markdown"), "okrs.md")
        except ReadError:
            whole = None
        in_parts = _read_in_tiny_parts(monkeypatch, text)
        if in_parts is not None:
            split += 1
            assert in_parts == whole, path.name
    assert split >= 5  # the comparison above was made, on files of several shapes


@pytest.mark.parametrize(
    "second",
    [
        "## Objective: Delight our users",  # a label here makes unlabelled headings sections, file-wide
        "## Q4 2024",  # a period heading: a section, not an objective
        '<div class="okrs">\n\n## Hidden\n\n</div>',  # an HTML block may run past a heading
        "Delight our users\n-----------------",  # a setext heading the line scan does not see
    ],
)
def test_a_file_whose_parts_could_read_differently_is_read_whole(monkeypatch, second: str) -> None:
    from okrlint.readers import read_document
    from okrlint.readers.markdown import read_markdown

    sections = [
        f"## Grow our community in region {i}\n\n- Raise weekly active members from 1,000 to 5,000\n"
        for i in range(4)
    ]
    text = "# Team OKRs\n\n" + "\n".join(
        [sections[0], second + "\n\n- Cut churn from 5% to 3%\n", *sections[1:]]
    )
    assert _read_in_tiny_parts(monkeypatch, text) is None
    assert read_document(text, path="okrs.md", format="markdown") == read_markdown(text, "okrs.md")


def test_a_directive_on_every_line_covers_its_own_statement_only() -> None:
    """Directives are found by line (a scan of every directive per finding was quadratic in a file's size)."""
    lines = ["# Team OKRs Q3 2024", ""]
    for i in range(60):
        lines += [f"## Grow our region {i}", ""]
        lines += ["- Improve customer churn <!-- okrlint: ignore[K202] vague on purpose -->"]
        lines += [
            "<!-- okrlint: ignore[K203] -->",
            "- Launch the new website",
            "- Improve customer satisfaction",
            "",
        ]
    report = Linter({"extend-select": ["X001"]}).lint_text("\n".join(lines), format="markdown", path="d.md")
    found = [(lines[f.start.line - 1], f.code, f.suppressed) for f in report.findings]
    churn = [s for text, code, s in found if code == "K202" and "churn" in text]
    satisfaction = [s for text, code, s in found if code == "K202" and "satisfaction" in text]
    launch = [s for text, code, s in found if code == "K203"]
    assert len(churn) == len(satisfaction) == len(launch) == 60
    assert all(churn) and all(launch) and not any(satisfaction)
    assert not any(f.code == "X001" for f in report.findings)


@pytest.mark.parametrize(
    "sections",
    [
        # plain-line objectives over KR lists in one section, headings with labelled objectives in the others
        [
            "## Q1 2025\nLaunch the beta of the editor\n- 50 weekly writers\n",
            "## Q2 2025\n### Objective: Grow the community\n- 10 regular contributors\n",
        ],
        # plain-line objectives in every section
        [
            "## Q1 2025\nLaunch the beta of the editor\n- 50 weekly writers\n",
            "## Q2 2025\nMake the newsletter worth opening\n- 40% open rate\n",
            "## Q3 2025\nBuild a small, loyal community\n- 10 regular contributors\n",
        ],
    ],
)
def test_plain_line_objectives_read_in_parts_as_whole(monkeypatch, sections: list[str]) -> None:
    """Whether a file writes objectives as plain lines is decided from the whole file: a part that would decide
    otherwise is not trusted."""
    from okrlint.readers.markdown import read_markdown

    text = "# Objectives and Key Results\n\n" + "\n".join(sections)
    in_parts = _read_in_tiny_parts(monkeypatch, text)
    assert in_parts is None or in_parts == read_markdown(text, "okrs.md")
