"""Every format's output for the sample report, compared byte for byte with tests/golden/.

After an intended change, rewrite them with ``pytest tests/formatters --update-golden`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.formatters import FORMAT_NAMES, get_formatter
from tests.formatters.sample import sample_report

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FILES = {
    "text": "report.txt",
    "concise": "report.concise.txt",
    "full": "report.full.txt",
    "json": "report.json",
    "sarif": "report.sarif.json",
    "github": "report.github.txt",
    "junit": "report.junit.xml",
    "html": "report.html",
}


def test_every_format_has_a_golden_file() -> None:
    assert set(FILES) == set(FORMAT_NAMES)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_output_matches_golden(name: str, update_golden: bool) -> None:
    output = get_formatter(name)(sample_report())
    path = GOLDEN / FILES[name]
    if update_golden:
        path.write_bytes(output.encode("utf-8"))
    assert path.is_file(), f"{path} is missing: run pytest tests/formatters --update-golden"
    # Bytes, not read_text(): universal newlines would hide a stray \r.
    assert output == path.read_bytes().decode("utf-8")
