"""The Python API takes a single path or key result where that is what the caller meant, and names the
parameter and the expected type when it cannot use what it was given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from okrlint.api import Linter, lint_paths, lint_statement, lint_text
from okrlint.discovery import MAX_FILE_BYTES
from tests.hostile.conftest import GOOD


def test_lint_paths_takes_one_path_as_str_or_pathlike() -> None:
    as_list = lint_paths([GOOD.parent])
    for single in (GOOD.parent, str(GOOD.parent)):
        report = lint_paths(single)
        assert [f.path for f in report.files] == [f.path for f in as_list.files]
        assert not report.errors


def test_lint_okr_takes_one_key_result_as_a_string() -> None:
    linter = Linter()
    single = linter.lint_okr("Grow our community in Q3", "Launch the site")
    listed = linter.lint_okr("Grow our community in Q3", ["Launch the site"])
    assert single.files[0].key_results == 1
    assert [(f.code, f.start) for f in single.findings] == [(f.code, f.start) for f in listed.findings]


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda: lint_statement(b"Launch the site"), "'text'"),
        (lambda: lint_statement("Launch the site", objective=b"Grow"), "'objective'"),
        (lambda: lint_text(b"## Grow\n- Launch the site\n"), "'text'"),
        (lambda: lint_paths(b"okrs"), "'paths'"),
        (lambda: lint_paths([GOOD, 3]), "'paths'"),
        (lambda: Linter().lint_okr("Grow", [b"Launch"]), "'key_results[0]'"),
        (lambda: Linter().lint_okr(b"Grow", []), "'objective'"),
        (lambda: Linter(config=["select"]), "'config'"),
    ],
)
def test_wrong_types_raise_type_error_naming_the_parameter(call, parameter: str) -> None:
    with pytest.raises(TypeError, match=re.escape(parameter)):
        call()


def test_linter_takes_a_config_mapping_as_in_the_toml_file() -> None:
    linter = Linter(config={"fail-on": "error", "ignore": ["K201"]})
    assert str(linter.config.fail_on) == "error"
    assert "K201" not in {f.code for f in linter.lint_statement("Launch the new website")}


def test_an_invalid_config_mapping_is_a_value_error_naming_the_key() -> None:
    with pytest.raises(ValueError, match="fail-on"):
        Linter(config={"fail-on": "sometimes"})


def test_lint_text_over_the_file_size_limit_is_one_error_not_minutes_of_work() -> None:
    report = lint_text("- Launch the site\n" * (MAX_FILE_BYTES // 18 + 1))
    assert len(report.errors) == 1 and not report.findings
    assert str(MAX_FILE_BYTES) in report.errors[0].message


def test_lint_text_counts_bytes_not_characters() -> None:
    # Under the limit in characters, over it in UTF-8 bytes.
    report = lint_text("é" * (MAX_FILE_BYTES // 2 + 1))
    assert len(report.errors) == 1


def test_a_file_named_as_a_pathlike_walks_like_a_str(tmp_path: Path) -> None:
    (tmp_path / "q3.md").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(lint_paths(tmp_path).files) == 1
