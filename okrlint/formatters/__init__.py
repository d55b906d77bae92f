"""Formatters: pure functions from a LintReport to the text written out. One module per format."""

from __future__ import annotations

from collections.abc import Callable

from okrlint.models import LintReport

Formatter = Callable[[LintReport], str]


def get_formatter(name: str) -> Formatter:
    from okrlint.formatters import json_, text

    formatters: dict[str, Formatter] = {"text": text.render, "json": json_.render}
    return formatters[name]


FORMAT_NAMES = ("text", "json")
