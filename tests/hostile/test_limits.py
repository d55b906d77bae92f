"""Size, length and nesting limits: a clear error in seconds, never a hang, a crash or a multi-GB parse.

Each time limit below is generous (a loaded CI machine) but far below what the pre-fix code took: the
pathological lines were quadratic (100,000 dots: minutes), 30,000 nested YAML lists crashed the process.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from okrlint.api import Linter
from okrlint.discovery import MAX_FILE_BYTES
from okrlint.nlp import MAX_PARSE_CHARS
from okrlint.positions import LineIndex
from okrlint.readers import ReadError, read_document
from okrlint.readers.assemble import MAX_STATEMENT_CHARS
from okrlint.readers.cleaning import clean_range
from okrlint.readers.tree import MAX_YAML_DEPTH
from tests.hostile.conftest import NASTY, GoodBaseline, assert_one_error, check_with_good

TWO_MB = 2 * 1024 * 1024


def test_file_over_the_size_limit_is_refused_without_reading_it(
    tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    # Sparse: the file claims 5 MB + 1 byte but costs no disk; okrlint must refuse it from its size alone.
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    started = time.monotonic()
    outcome = check_with_good([path], good_baseline)
    assert time.monotonic() - started < 20
    assert_one_error(outcome, path, contains=f"file is {MAX_FILE_BYTES + 1} bytes")


def test_two_megabyte_line_is_one_clear_error_in_reasonable_time(
    tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    # Under the file size limit, so it is read; one 2 MB "key result" would have gone to spaCy (which refuses
    # texts over 1,000,000 characters with a traceback, and needs ~1 GB per 100,000 below that).
    assert TWO_MB < MAX_FILE_BYTES
    path = tmp_path / "one-line.md"
    line = ("Increase weekly revenue from 10 to 20 dollars " * (TWO_MB // 46 + 1))[:TWO_MB]
    path.write_text(f"# Grow revenue\n\n- {line}\n", encoding="utf-8")
    started = time.monotonic()
    outcome = check_with_good([path], good_baseline, text_run=False)
    assert time.monotonic() - started < 30, "reading a 2 MB line took too long"
    error = assert_one_error(outcome, path, contains=f"up to {MAX_STATEMENT_CHARS}")
    assert (error["line"], error["col"]) == ("3", "3")
    assert f"statement is {TWO_MB} characters long" in error["message"]


@pytest.mark.parametrize(
    ("suffix", "template"),
    [
        (".txt", "Objective: Grow revenue\nKR: {line}\n"),
        (".yaml", "objectives:\n  - title: Grow revenue\n    key_results:\n      - {line}\n"),
        (".json", '{{"objectives": [{{"title": "Grow", "key_results": ["{line}"]}}]}}'),
        (".csv", 'objective,key_result\nGrow revenue,"{line}"\n'),
        (".md", "| Objective | Key result |\n|---|---|\n| Grow | {line} |\n"),
        (".md", "# {line}\n\n- Increase revenue from 1 to 2\n"),
    ],
)
def test_overlong_statement_is_one_error_at_its_start_in_every_format(suffix: str, template: str) -> None:
    line = "Increase revenue " * 6_000  # 102,000 characters: over the limit, under the CSV field limit
    text = template.format(line=line)
    with pytest.raises(ReadError) as info:
        read_document(text, f"x{suffix}")
    start = LineIndex(text).position(text.index(line))
    assert (info.value.line, info.value.column) == (start.line, start.column)
    assert f"statement is {len(line.strip())} characters long" in info.value.message


def test_statement_at_the_length_limit_is_still_linted(linter: Linter) -> None:
    statement = ("Increase revenue from 10 to 20 " * 100)[:MAX_STATEMENT_CHARS].strip()
    report = linter.lint_text(f"# Grow revenue\n\n- {statement}\n", path="limit.md")
    assert not report.errors
    assert len(report.documents[0].objectives[0].key_results) == 1


def test_api_statement_longer_than_spacy_accepts_is_a_clear_error(linter: Linter) -> None:
    # lint_statement takes a raw str, no reader in between: spaCy raised ValueError [E088] above 1,000,000
    # characters. Past MAX_PARSE_CHARS the caller gets a ValueError that says why, quickly, instead of an
    # empty list that would read as "clean"; inside a document (lint_okr) the text is not parsed, so no rule fires.
    started = time.process_time()
    with pytest.raises(ValueError, match="characters long"):
        linter.lint_statement("Increase revenue " * 120_000)
    report = linter.lint_okr("Grow revenue", ["Increase revenue " * 120_000])
    assert time.process_time() - started < 20
    assert not any(
        f.statement and f.statement.id == "O1.KR1" and f.code.startswith("K") for f in report.findings
    )


# In-process bounds below are on this process's CPU time, not the wall clock: they guard against the quadratic
# cases that once took 15-18 s, with room to spare, and stay meaningful on a machine busy with other work.


def test_long_unspaced_run_is_cheap_for_the_tokenizer(linter: Linter) -> None:
    # spaCy's tokenizer peels punctuation off a whitespace-free chunk one character at a time, re-scanning
    # the rest each time: 9,000 "!" took about 15 s before such chunks were kept as one token.
    text = "Increase NPS from 30 to 50 " + "!" * (MAX_PARSE_CHARS - 1_000)
    started = time.process_time()
    linter.lint_statement(text)
    assert time.process_time() - started < 5


def test_run_on_statement_with_hundreds_of_verbs_is_analysed_quickly(linter: Linter) -> None:
    # Every predicate walked its verb's subtree (and a gap test rescanned it per token): 9,000 characters of
    # "launch a and …" took 18 s. The analysis now reads the first MAX_PREDICATES predicates.
    text = ("launch a and " * 1_000)[: MAX_PARSE_CHARS - 1_000].strip()
    started = time.process_time()
    codes = [f.code for f in linter.lint_statement(text)]
    assert time.process_time() - started < 5
    assert codes  # still judged: a run-on list of launches is not a clean key result


@pytest.mark.parametrize(
    "unit",
    [".", ",", ":", ";", "|", " -", "&amp;", "owner: a ", "(owner: a ", "@a, "],
)
def test_pathological_line_is_cleaned_in_linear_time(unit: str) -> None:
    # Each of these was quadratic in cleaning (a trailing-anchored regex re-scanning a run from every
    # character, one deletion pass per "&amp;", an owner label re-scanned from every "owner:").
    body = "Grow " + unit * (100_000 // len(unit)) + " x ("
    started = time.process_time()
    clean_range(body, 0, len(body))
    assert time.process_time() - started < 5


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("flow", "objectives: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        ("flow-map", "objectives: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n"),
        ("compact", "objectives:\n" + "- " * 10_000 + "a\n"),
        ("block", "".join(" " * i + "-\n" for i in range(2_000))),
    ],
)
def test_deeply_nested_yaml_is_one_error(
    name: str, text: str, tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    path = tmp_path / f"deep-{name}.yaml"
    path.write_text(text, encoding="utf-8")
    assert_one_error(check_with_good([path], good_baseline), path, contains="nested too deeply")


def test_yaml_nesting_that_crashed_libyaml_is_one_error_in_a_fresh_process(tmp_path: Path) -> None:
    # 100,000 nested "- " (200 KB) made libyaml's C composer overflow the stack: SIGSEGV, no output at all,
    # every other file of the run lost. A subprocess, so that a regression fails this test, not the session.
    path = tmp_path / "crash.yaml"
    path.write_text("objectives:\n" + "- " * 100_000 + "a\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint.cli", "check", "--isolated", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    assert f"error: YAML is nested too deeply (more than {MAX_YAML_DEPTH} levels)" in proc.stdout
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("array", "[" * 10_000 + "]" * 10_000),
        ("object", '{"a": ' * 10_000 + "1" + "}" * 10_000),
    ],
)
def test_deeply_nested_json_is_one_error(
    name: str, text: str, tmp_path: Path, good_baseline: GoodBaseline
) -> None:
    path = tmp_path / f"deep-{name}.json"
    path.write_text(text, encoding="utf-8")
    assert_one_error(check_with_good([path], good_baseline), path, contains="nested too deeply")


def test_json_integer_too_long_for_python_is_one_error(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    # json.loads raises a plain ValueError (not JSONDecodeError) past 4,300 digits: it escaped as a traceback.
    path = tmp_path / "bigint.json"
    path.write_text(
        '{"objectives": [{"title": "Grow", "key_results": [{"text": "Grow", "target": '
        + "9" * 5_000
        + "}]}]}"
    )
    error = assert_one_error(check_with_good([path], good_baseline), path, contains="too long to read")
    assert (error["line"], error["col"]) == ("1", str(path.read_text().index("9" * 5_000) + 1))


def test_yaml_billion_laughs_is_refused_quickly(good_baseline: GoodBaseline) -> None:
    outcome = check_with_good([NASTY / "billion_laughs.yaml"], good_baseline)
    assert_one_error(outcome, NASTY / "billion_laughs.yaml", contains="too many aliases")
    # Sized on the composed graph (each anchor once) instead of converting 100,000 nodes first: instant, and
    # the error points at the anchor whose expansion crosses the limit (f = 9^6 strings).
    bomb = "a: &a [" + ", ".join(["lol"] * 10) + "]\n"
    for prev, name in zip("abcdefghij", "bcdefghijk", strict=True):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    started = time.process_time()
    with pytest.raises(ReadError) as info:
        read_document(bomb + "objectives: *k\n", "bomb.yaml")
    assert time.process_time() - started < 1
    assert (info.value.line, info.value.column) == (5, 4)  # e = 10^5 strings


def test_yaml_python_tags_are_refused_and_never_run(tmp_path: Path, good_baseline: GoodBaseline) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "tags.yaml"
    path.write_text(
        "objectives:\n"
        f"  - title: !!python/object/apply:os.system ['touch {marker}']\n"
        f"    key_results: [!!python/object/apply:os.system ['touch {marker}']]\n",
        encoding="utf-8",
    )
    assert_one_error(check_with_good([path], good_baseline), path, contains="unsupported YAML tag")
    assert not marker.exists()
    outcome = check_with_good([NASTY / "python_tags.yaml"], good_baseline)
    assert_one_error(outcome, NASTY / "python_tags.yaml", contains="python/object/apply:os.system")


def test_brackets_inside_quotes_and_comments_do_not_count_as_nesting(tmp_path: Path) -> None:
    # The flow-depth guard reads the text itself; quoted scalars and comments hold no collections.
    deep = "[" * (MAX_YAML_DEPTH + 10)
    text = (
        f'objectives:\n  - title: "Grow {deep} our community"  # {deep}\n'
        f"    key_results: ['Reach {deep} 500 members']\n"
    )
    path = tmp_path / "quoted.yaml"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Reach" in proc.stdout
