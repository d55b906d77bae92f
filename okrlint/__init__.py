"""okrlint: lint drafted OKRs like an OKR coach, and suggest rewrites.

Public API: ``lint_text``, ``lint_paths``, ``lint_statement``, ``Linter``, ``Config``. Heavy modules (spaCy)
load on first use, so importing okrlint is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from okrlint.api import Linter, lint_paths, lint_statement, lint_text
    from okrlint.config import Config
    from okrlint.models import Category, Finding, LintReport, Severity

__all__ = [
    "Category",
    "Config",
    "Finding",
    "LintReport",
    "Linter",
    "Severity",
    "__version__",
    "lint_paths",
    "lint_statement",
    "lint_text",
]

_LAZY = {
    "Linter": "okrlint.api",
    "lint_paths": "okrlint.api",
    "lint_statement": "okrlint.api",
    "lint_text": "okrlint.api",
    "Config": "okrlint.config",
    "Category": "okrlint.models",
    "Finding": "okrlint.models",
    "LintReport": "okrlint.models",
    "Severity": "okrlint.models",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'okrlint' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
