"""The format registry: names in CLI order, one render function each, a helpful error for unknown names."""

from __future__ import annotations

import pytest

from okrlint.formatters import FORMAT_NAMES, get_formatter
from tests.formatters.sample import empty_report, sample_report


def test_format_names_in_documented_order() -> None:
    assert FORMAT_NAMES == ("text", "concise", "full", "json", "sarif", "github", "junit", "html")


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_every_format_renders_sample_and_empty_report(name: str) -> None:
    render = get_formatter(name)
    for report in (sample_report(), empty_report()):
        output = render(report)
        assert isinstance(output, str)
        assert output == "" or output.endswith("\n")


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="sarif"):
        get_formatter("xml")
