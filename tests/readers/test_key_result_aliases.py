"""Key-result aliases are tried in a fixed order, and a string where the list belongs is one clear error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from okrlint.readers import ReadError, read_document
from okrlint.readers.values import KR_LIST

BOTH = (
    "objectives:\n  - title: Grow our community\n    key_results: Launch the new website\n"
    "    krs:\n      - Reach 500 weekly active members\n      - Publish 4 posts a week\n"
)


_COMMAND = (sys.executable, "-m", "okrlint.cli", "check", "--isolated", "-j", "1", "--output-format", "json")


def test_aliases_iterate_in_the_order_written() -> None:
    assert list(KR_LIST)[:3] == ["keyresults", "krs", "results"]
    assert "krs" in KR_LIST and {"krs", "x"} & KR_LIST == {"krs"}


def test_a_string_under_key_results_is_the_documented_error() -> None:
    with pytest.raises(ReadError) as caught:
        read_document(BOTH, "okrs.yaml")
    assert caught.value.message == "expected a list under 'key_results', found a string"
    assert (caught.value.line, caught.value.column) == (3, 18)


def test_an_empty_string_is_no_key_results() -> None:
    document = read_document("objectives:\n  - title: Grow our community\n    key_results: ''\n", "okrs.yaml")
    assert [len(o.key_results) for o in document.objectives] == [0]


def test_same_output_under_every_hash_seed(tmp_path: Path) -> None:
    path = tmp_path / "both.yaml"
    path.write_text(BOTH.replace("key_results: Launch", "krs_note: Launch"), encoding="utf-8")
    swapped = tmp_path / "swapped.yaml"
    swapped.write_text(BOTH, encoding="utf-8")
    outputs = set()
    for seed in range(6):
        proc = subprocess.run(
            [*_COMMAND, str(path), str(swapped)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        )
        assert proc.returncode == 2, proc.stderr  # swapped.yaml is the one-line error
        outputs.add(proc.stdout)
    assert len(outputs) == 1
