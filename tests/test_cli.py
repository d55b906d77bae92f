"""The command line: exit codes, one-line errors for bad files, the other files still linted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from tests.conftest import REPO

EXAMPLES = REPO / "examples"
GOOD = EXAMPLES / "good" / "product-q3.md"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_good_file_exits_zero(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output


def test_bad_file_exits_one_with_path_line_col(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(EXAMPLES / "marketing-q3.md")])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    path, line, col, rest = first.split(":", 3)
    assert path.endswith("marketing-q3.md") and line.isdigit() and col.isdigit()
    assert rest.split()[0][0] in "OKS"


def test_exit_zero_maps_findings_to_zero(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--exit-zero", str(EXAMPLES / "marketing-q3.md")])
    assert result.exit_code == 0


def test_fail_on_error_ignores_warnings(runner: CliRunner, tmp_path: Path) -> None:
    okr = tmp_path / "okr.md"
    okr.write_text(
        "# Increase our brand awareness\n\n- Publish one new post per week\n- Increase blog new visitors by 35%\n"
        "- Increase Linkedin average post views from 40k to 56k\n",
        encoding="utf-8",
    )
    assert runner.invoke(main, ["check", str(okr)]).exit_code == 1
    assert runner.invoke(main, ["check", "--fail-on", "error", str(okr)]).exit_code == 0


def test_malformed_yaml_is_one_error_line_and_others_still_linted(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("objectives:\n  - title: Grow\n    key_results: [a, b\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(bad), str(EXAMPLES / "marketing-q3.md")])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1
    path, line, col, _ = errors[0].split(":", 3)
    assert path.endswith("bad.yaml") and int(line) >= 1 and int(col) >= 1
    assert "Traceback" not in result.output
    assert "marketing-q3.md" in result.output  # the good file was still linted


def test_missing_path_exits_two(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "does/not/exist.md"])
    assert result.exit_code == 2
    assert "does/not/exist.md:1:1: error:" in result.output


def test_json_output_is_versioned(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--output-format", "json", str(EXAMPLES / "marketing-q3.md")])
    data = json.loads(result.output)
    assert data["version"] == 1
    assert data["findings"] and {"code", "severity", "category", "start", "end", "span"} <= set(
        data["findings"][0]
    )


def test_stdin_is_read_with_dash(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["check", "--format", "text", "-"], input="O: Make our company go viral\nKR: Improve SEO\n"
    )
    assert result.exit_code == 1
    assert "<stdin>:2:" in result.output


def test_parse_prints_the_document(runner: CliRunner) -> None:
    result = runner.invoke(main, ["parse", str(GOOD)])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert [len(o["key_results"]) for o in doc["objectives"]] == [3, 3]


@pytest.mark.parametrize(
    "example",
    sorted(p for p in EXAMPLES.rglob("*") if p.suffix in {".md", ".yaml"} and p.name != "README.md"),
    ids=lambda p: p.name,
)
def test_parse_each_example(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(main, ["parse", str(example)])
    assert result.exit_code == 0
    assert json.loads(result.output)["objectives"]


def test_rules_lists_every_enabled_rule(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules"])
    assert result.exit_code == 0
    assert "K203" in result.output and "key-result-is-output" in result.output


def test_rules_all_says_off_by_default_once_per_rule(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules", "--all"])
    assert result.exit_code == 0
    off = [line for line in result.output.splitlines() if "off by default" in line]
    assert off and all(line.count("off by default") == 1 for line in off)
    assert any(line.startswith("K214") for line in off) and any(line.startswith("O112") for line in off)


def test_unknown_selector_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--select", "Z999", str(GOOD)])
    assert result.exit_code == 2


def test_explain_prints_what_why_sources_and_examples(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "K204"])
    assert result.exit_code == 0
    for part in (
        "K204 key-result-counts-activities",
        "What it flags:",
        "Why it matters:",
        "Step by Step Guide to OKRs (Weekdone) (line 615)",
        "Publish one new post per week",
    ):
        assert part in result.output
    assert runner.invoke(main, ["explain", "key-result-is-output"]).output.startswith("K203 ")


def test_explain_unknown_rule_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "Z999"])
    assert result.exit_code == 2


def test_named_file_excluded_by_config_exits_zero(runner: CliRunner, tmp_path: Path) -> None:
    """pre-commit passes every changed file; one the config excludes is not an error."""
    (tmp_path / "okrlint.toml").write_text('exclude = ["archive/**"]\n', encoding="utf-8")
    archived = tmp_path / "archive" / "old.md"
    archived.parent.mkdir()
    archived.write_text("# Launch the website\n\n- Write the copy\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(archived)])
    assert result.exit_code == 0, result.output


def test_suggested_rewrite_replaces_the_whole_statement(runner: CliRunner, tmp_path: Path) -> None:
    okr = tmp_path / "okr.md"
    text = "# Grow EMEA revenue by 20% this quarter\n\n- Increase EMEA deal size from 20 to 30 per quarter\n"
    okr.write_text(text, encoding="utf-8")
    data = json.loads(
        runner.invoke(main, ["check", "--isolated", "--output-format", "json", str(okr)]).output
    )
    (o103,) = [f for f in data["findings"] if f["code"] == "O103"]
    edit = o103["suggestions"][0]["edit"]
    assert text[edit["start"] : edit["end"]] == "Grow EMEA revenue by 20% this quarter"


def test_jobs_gives_the_same_findings_as_one_process(runner: CliRunner, tmp_path: Path) -> None:
    okr = tmp_path / "big.md"
    lines = ["# Team OKRs Q3 2024", ""]
    for i in range(420):  # 2,100 statements: above the size at which work is split across processes
        lines += [
            f"## Delight our customers in region {i}",
            "",
            f"- Launch the partner portal for region {i}",
            f"- Increase weekly active users from {i} to {i + 100}",
            f"- Publish {i % 9 + 2} blog posts per month",
            f"- Improve onboarding completion in region {i}",
            "",
        ]
    okr.write_text("\n".join(lines), encoding="utf-8")
    one = runner.invoke(main, ["check", "--isolated", "--jobs", "1", "--output-format", "json", str(okr)])
    two = runner.invoke(main, ["check", "--isolated", "--jobs", "2", "--output-format", "json", str(okr)])
    auto = runner.invoke(main, ["check", "--isolated", "--output-format", "json", str(okr)])
    assert one.exit_code == two.exit_code == auto.exit_code == 1
    assert json.loads(one.output)["findings"] == json.loads(two.output)["findings"]
    assert json.loads(auto.output)["findings"] == json.loads(one.output)["findings"]


def test_jobs_zero_means_one_worker_per_available_cpu() -> None:
    from okrlint.jobs import MAX_AUTO_WORKERS, worker_count

    unlimited = Path("/nonexistent/cpu.max")
    assert worker_count(3) == 3
    assert worker_count(0, unlimited) == min(len(os.sched_getaffinity(0)), MAX_AUTO_WORKERS)


@pytest.mark.parametrize(
    ("cpu_max", "limit"),
    [("max 100000\n", None), ("100000 100000\n", 1), ("150000 100000", 1), ("50000 100000", 1), ("", None)],
)
def test_jobs_zero_stays_within_a_containers_cpu_quota(
    tmp_path: Path, cpu_max: str, limit: int | None
) -> None:
    from okrlint.jobs import MAX_AUTO_WORKERS, worker_count

    path = tmp_path / "cpu.max"
    path.write_text(cpu_max, encoding="ascii")
    cpus = min(len(os.sched_getaffinity(0)), MAX_AUTO_WORKERS)
    assert worker_count(0, path) == (cpus if limit is None else min(cpus, limit))


def test_output_file_that_is_an_input_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    okr = tmp_path / "okr.md"
    okr.write_text("# Make our company go viral\n\n- Improve SEO\n", encoding="utf-8")
    before = okr.read_bytes()
    result = runner.invoke(main, ["check", "--output-file", str(okr), str(okr)])
    assert result.exit_code == 2
    assert okr.read_bytes() == before


def test_parse_of_a_folder_says_so(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["parse", str(tmp_path)])
    assert result.exit_code == 2 and "is a folder" in result.output
