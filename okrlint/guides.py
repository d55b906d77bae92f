"""The guides the rules rest on: citations name a seed file and line in data; people see the guide's title.

Titles come from the bibliography (``corpus/bibliography.yaml``: title, author or publisher, year, link).
"""

from __future__ import annotations

from okrlint.bibliography import guide_title as _bibliography_title
from okrlint.models import Citation


def guide_title(file: str) -> str:
    """The title of a cited guide (its file name when the guide is not listed)."""
    return _bibliography_title(file) or file


def cite(citation: Citation) -> str:
    """A citation as a reader wants it: the guide's title, and the line for whoever checks."""
    return f"{guide_title(citation.file)} (line {citation.line})"
