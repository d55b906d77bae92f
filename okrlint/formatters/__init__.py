"""Formatters: pure functions from a LintReport to the text written out. One module per format.

Modules are imported on first use so that ``okrlint check`` in text mode never pays for jinja2 or XML.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from okrlint.models import LintReport

Formatter = Callable[[LintReport], str]

# Format name -> module under okrlint.formatters exposing ``render(report) -> str``; the order is the CLI's.
_MODULES = {
    "text": "text",
    "concise": "concise",
    "full": "full",
    "json": "json_",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}

FORMAT_NAMES: tuple[str, ...] = tuple(_MODULES)


def get_formatter(name: str) -> Formatter:
    """The render function of format ``name``; raises ``KeyError`` naming the known formats otherwise."""
    if name not in _MODULES:
        raise KeyError(f"unknown output format {name!r}; choose one of {', '.join(FORMAT_NAMES)}")
    module = importlib.import_module(f"okrlint.formatters.{_MODULES[name]}")
    render: Formatter = module.render
    return render


def render_for(name: str, report: LintReport, color: bool = False) -> str:
    """The report in format ``name``; the human formats (text, full) in colour when ``color``."""
    if color and name in ("text", "concise", "full"):
        from okrlint.formatters.style import COLOR

        module = importlib.import_module(f"okrlint.formatters.{_MODULES[name]}")
        return module.render(report, style=COLOR)
    return get_formatter(name)(report)
