"""The guides the rules rest on: citations name a seed file and line in data; people see the guide's title."""

from __future__ import annotations

from functools import cache

from okrlint.models import Citation
from okrlint.resources import rules_dir
from okrlint.yamlio import load_yaml


@cache
def _titles() -> dict[str, str]:
    data = load_yaml((rules_dir() / "guides.yaml").read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def guide_title(file: str) -> str:
    """The title of a cited guide (its file name when the guide is not listed)."""
    return _titles().get(file, file)


def cite(citation: Citation) -> str:
    """A citation as a reader wants it: the guide's title, and the line for whoever checks."""
    return f"{guide_title(citation.file)} (line {citation.line})"
