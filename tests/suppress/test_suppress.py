"""Suppressions applied to real findings: each directive form in Markdown, YAML and text, blocks, file-wide
ignores, per-file-ignores, and the X001/X002 rules about the directives themselves.

The base OKR gets K204 (activity count, warning) on "Publish 4 posts a week" and K203 (output, error) on
"Launch the new website"; the tests move directives around it and check which findings end up suppressed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.api import Linter, SourceDocument
from okrlint.config import Config
from okrlint.models import LintReport
from okrlint.readers import read_document

OBJECTIVE = "Grow our community in Q3"
COUNTS = "Publish 4 posts a week"  # K204
OUTPUT = "Launch the new website"  # K203
GOOD = "Increase weekly active members from 200 to 350"


def comment(fmt: str, body: str) -> str:
    return f"<!-- okrlint: {body} -->" if fmt == "markdown" else f"# okrlint: {body}"


def document(fmt: str, krs: list[str], before: list[str] | None = None) -> str:
    """An OKR file in ``fmt``; each entry of ``krs`` is a KR line (possibly with a trailing comment) or an
    own-line directive (starting with ``<!--`` or ``#``), placed in the key-result list as given."""
    head = before or []
    if fmt == "markdown":
        lines = [*head, f"# {OBJECTIVE}", ""]
        lines += [k if k.startswith("<!--") else f"- {k}" for k in krs]
    elif fmt == "yaml":
        lines = [*head, "objectives:", f"  - title: {OBJECTIVE}", "    key_results:"]
        lines += [f"      {k}" if k.startswith("#") else f"      - {k}" for k in krs]
    else:
        lines = [*head, f"Objective: {OBJECTIVE}"]
        lines += [k if k.startswith("#") else f"- {k}" for k in krs]
    return "\n".join(lines) + "\n"


def findings(report: LintReport, code: str) -> list[tuple[int, bool]]:
    return [(f.start.line, f.suppressed) for f in report.findings if f.code == code]


def suppressed(report: LintReport, code: str) -> bool:
    """The one finding of ``code`` exists and is suppressed."""
    (found,) = [f for f in report.findings if f.code == code]
    return found.suppressed


@pytest.fixture(scope="module")
def strict() -> Linter:
    """Default rules plus X001 (off by default)."""
    return Linter(Config(extend_select=("X001",)))


FORMATS = ("markdown", "yaml", "text")


@pytest.mark.parametrize("fmt", FORMATS)
def test_without_directives_nothing_is_suppressed(fmt: str, linter: Linter) -> None:
    report = linter.lint_text(document(fmt, [COUNTS, OUTPUT, GOOD]), format=fmt)
    assert not suppressed(report, "K204") and not suppressed(report, "K203")
    assert report.summary.suppressed == 0


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("selector", ["K204", "K2", "K20", "key-result-counts-activities"])
def test_ignore_on_the_same_line_by_code_prefix_or_name(fmt: str, selector: str, linter: Linter) -> None:
    text = document(
        fmt, [f"{COUNTS}  {comment(fmt, f'ignore[{selector}] posts are the plan')}", OUTPUT, GOOD]
    )
    report = linter.lint_text(text, format=fmt)
    assert suppressed(report, "K204")
    assert not suppressed(report, "K203")


@pytest.mark.parametrize("fmt", FORMATS)
def test_ignore_on_the_line_directly_above(fmt: str, linter: Linter) -> None:
    text = document(fmt, [comment(fmt, "ignore[K204]"), COUNTS, OUTPUT, GOOD])
    report = linter.lint_text(text, format=fmt)
    assert suppressed(report, "K204") and not suppressed(report, "K203")


@pytest.mark.parametrize("fmt", FORMATS)
def test_ignore_two_lines_above_does_not_reach(fmt: str, strict: Linter) -> None:
    text = document(fmt, [comment(fmt, "ignore[K203]"), COUNTS, OUTPUT, GOOD])
    report = strict.lint_text(text, format=fmt)
    assert not suppressed(report, "K203")
    assert [f.code for f in report.findings if f.code == "X001"] == ["X001"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_trailing_ignore_covers_only_its_own_line(fmt: str, linter: Linter) -> None:
    text = document(fmt, [f"{GOOD}  {comment(fmt, 'ignore')}", OUTPUT, COUNTS])
    report = linter.lint_text(text, format=fmt)
    assert not suppressed(report, "K203")


@pytest.mark.parametrize("fmt", FORMATS)
def test_bare_ignore_covers_every_rule_on_the_statement(fmt: str, linter: Linter) -> None:
    text = document(fmt, [f"{OUTPUT}  {comment(fmt, 'ignore')}", COUNTS, GOOD])
    report = linter.lint_text(text, format=fmt)
    assert suppressed(report, "K203") and not suppressed(report, "K204")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_different_code_does_not_suppress(fmt: str, linter: Linter) -> None:
    text = document(fmt, [f"{OUTPUT}  {comment(fmt, 'ignore[K204,O1]')}", COUNTS, GOOD])
    assert not suppressed(linter.lint_text(text, format=fmt), "K203")


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_enable_block(fmt: str, linter: Linter) -> None:
    krs = [
        comment(fmt, "disable[K203,K204]"),
        COUNTS,
        OUTPUT,
        comment(fmt, "enable[K203,K204]"),
        COUNTS + " too",
    ]
    report = linter.lint_text(document(fmt, krs), format=fmt)
    k204 = findings(report, "K204")
    assert [s for _, s in k204] == [True, False]  # inside the block, then after enable
    assert suppressed(report, "K203")


@pytest.mark.parametrize("fmt", FORMATS)
def test_disable_without_enable_runs_to_the_end_of_the_file(fmt: str, linter: Linter) -> None:
    report = linter.lint_text(document(fmt, [GOOD, comment(fmt, "disable"), COUNTS, OUTPUT]), format=fmt)
    assert suppressed(report, "K203") and suppressed(report, "K204")


def test_enable_by_code_closes_a_disable_by_name(linter: Linter) -> None:
    fmt = "markdown"
    krs = [comment(fmt, "disable[key-result-is-output]"), GOOD, comment(fmt, "enable[K203]"), OUTPUT]
    assert not suppressed(linter.lint_text(document(fmt, krs), format=fmt), "K203")


def test_enable_of_another_code_leaves_the_block_open(linter: Linter) -> None:
    fmt = "yaml"
    krs = [comment(fmt, "disable[K203]"), GOOD, comment(fmt, "enable[K204]"), OUTPUT]
    assert suppressed(linter.lint_text(document(fmt, krs), format=fmt), "K203")


@pytest.mark.parametrize("fmt", FORMATS)
def test_file_ignore_anywhere_covers_the_whole_file(fmt: str, linter: Linter) -> None:
    text = document(
        fmt, [COUNTS, OUTPUT, GOOD, comment(fmt, "file-ignore[K203] outputs are fine this quarter")]
    )
    report = linter.lint_text(text, format=fmt)
    assert suppressed(report, "K203") and not suppressed(report, "K204")


def test_objective_level_findings_follow_the_objective_line(linter: Linter) -> None:
    """S301 (too few key results) sits on the objective, so an ignore on the objective line silences it."""
    text = f"# {OBJECTIVE} <!-- okrlint: ignore[S301] -->\n\n- {GOOD}\n"
    assert suppressed(linter.lint_text(text, format="markdown"), "S301")


def test_suppressed_findings_stay_in_the_report_and_are_counted(linter: Linter) -> None:
    fmt = "markdown"
    report = linter.lint_text(document(fmt, [f"{OUTPUT} {comment(fmt, 'ignore[K203]')}", COUNTS, GOOD]), fmt)
    assert report.summary.suppressed == 1
    assert "K203" not in report.summary.by_code
    assert report.summary.by_severity["error"] == 0
    assert report.worst_severity() is not None and report.worst_severity() != "error"
    assert all(f.code != "K203" for f in report.active_findings())


def test_json_has_no_comments_so_no_directives(linter: Linter) -> None:
    text = '{"objectives": [{"title": "Grow our community in Q3 # okrlint: ignore", "key_results": ["%s"]}]}'
    report = linter.lint_text(text % OUTPUT, format="json")
    assert report.summary.suppressed == 0


# ---------------------------------------------------------------------- X002
@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_code_is_reported_on_the_code(fmt: str, linter: Linter) -> None:
    text = document(fmt, [f"{OUTPUT}  {comment(fmt, 'ignore[K230]')}", COUNTS, GOOD])
    report = linter.lint_text(text, format=fmt)
    (x002,) = [f for f in report.findings if f.code == "X002"]
    assert text[x002.span.start : x002.span.end] == "K230"
    assert "did you mean" in x002.message and x002.severity == "warning"
    assert not suppressed(report, "K203")  # the typo silenced nothing


def test_malformed_directive_is_reported(linter: Linter) -> None:
    text = document("yaml", [f"{OUTPUT}  # okrlint: ignor[K203]", GOOD, COUNTS])
    (x002,) = [f for f in linter.lint_text(text, format="yaml").findings if f.code == "X002"]
    assert "ignor" in x002.message and x002.statement is None


def test_known_codes_raise_no_x002(linter: Linter) -> None:
    text = document(
        "text", [f"{OUTPUT}  # okrlint: ignore[K203, key-result-counts-activities, S]", GOOD, COUNTS]
    )
    assert not [f for f in linter.lint_text(text, format="text").findings if f.code == "X002"]


def test_x002_is_silenced_by_config_ignore() -> None:
    quiet = Linter(Config(ignore=("X002",)))
    text = document("text", [f"{OUTPUT}  # okrlint: ignore[K230]", GOOD, COUNTS])
    assert not [f for f in quiet.lint_text(text, format="text").findings if f.code == "X002"]


# ---------------------------------------------------------------------- X001
def test_unused_suppression_is_off_by_default(linter: Linter) -> None:
    text = document("markdown", [f"{GOOD} <!-- okrlint: ignore[K203] -->", COUNTS, OUTPUT])
    assert not [f for f in linter.lint_text(text, format="markdown").findings if f.code == "X001"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unused_suppression_when_selected(fmt: str, strict: Linter) -> None:
    krs = [f"{GOOD}  {comment(fmt, 'ignore[K203]')}", f"{OUTPUT}  {comment(fmt, 'ignore[K203]')}", COUNTS]
    text = document(fmt, krs)
    report = strict.lint_text(text, format=fmt)
    (x001,) = [f for f in report.findings if f.code == "X001"]
    assert text.splitlines()[x001.start.line - 1].lstrip("- ").startswith(GOOD)  # only the stale one
    assert x001.severity == "info" and "ignore[K203]" in x001.message


def test_unused_code_inside_a_used_directive(strict: Linter) -> None:
    text = document("yaml", [f"{OUTPUT}  # okrlint: ignore[K203,K204]", GOOD, COUNTS])
    (x001,) = [f for f in strict.lint_text(text, format="yaml").findings if f.code == "X001"]
    assert text[x001.span.start : x001.span.end] == "K204"
    assert x001.message.startswith("K204 in `ignore[K203,K204]`")


@pytest.mark.parametrize(
    "directive",
    ["file-ignore[S302]", "disable[O105]"],
)
def test_unused_file_ignore_and_block(directive: str, strict: Linter) -> None:
    text = document("markdown", [f"<!-- okrlint: {directive} -->", OUTPUT, GOOD, COUNTS])
    assert [f.code for f in strict.lint_text(text, format="markdown").findings if f.code == "X001"] == [
        "X001"
    ]


def test_bare_ignore_does_not_hide_its_own_x001(strict: Linter) -> None:
    text = document("text", [f"{GOOD}  # okrlint: ignore", OUTPUT, COUNTS])
    (x001,) = [f for f in strict.lint_text(text, format="text").findings if f.code == "X001"]
    assert not x001.suppressed


def test_x001_can_be_silenced_by_file_ignore(strict: Linter) -> None:
    text = document(
        "text", [f"{GOOD}  # okrlint: ignore[K203]", OUTPUT, COUNTS, "# okrlint: file-ignore[X001]"]
    )
    x001 = [f for f in strict.lint_text(text, format="text").findings if f.code == "X001"]
    assert x001 and all(f.suppressed for f in x001)


# ---------------------------------------------------------------------- per-file-ignores
def _lint_file(linter: Linter, path: Path, text: str) -> LintReport:
    from okrlint.discovery import display_path

    shown = display_path(path)
    return linter.lint_documents([SourceDocument(read_document(text, path=shown, format="markdown"), text)])


@pytest.mark.parametrize(
    ("pattern", "selectors", "hit"),
    [
        ("drafts/**", ["K2"], True),
        ("drafts/*.md", ["key-result-is-output"], True),
        ("*.md", ["K203"], True),
        ("q3.md", ["K203"], True),  # a bare file name matches in any folder
        ("final/**", ["K203"], False),
        ("drafts/**", ["K204"], False),
    ],
)
def test_per_file_ignores_relative_to_the_config_folder(
    tmp_path: Path, pattern: str, selectors: list[str], hit: bool
) -> None:
    linter = Linter(Config(per_file_ignores={pattern: tuple(selectors)}), root=tmp_path)
    target = tmp_path / "drafts" / "q3.md"
    text = document("markdown", [OUTPUT, GOOD, GOOD + " again"])
    report = _lint_file(linter, target, text)
    assert suppressed(report, "K203") is hit
