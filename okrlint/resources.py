"""Where the packaged data lives: ``rules/`` and ``corpus/``.

An installed wheel carries them as ``okrlint/_data/{rules,corpus}``; a source checkout (editable install) has
them at the repository root. Both are found the same way, so tests prove the installed layout too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Directory of packaged data ``name`` (``"rules"`` or ``"corpus"``)."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    source = _PACKAGE_DIR.parent / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"okrlint data folder {name!r} is missing from the installation")


def rules_dir() -> Path:
    return data_dir("rules")


def corpus_dir() -> Path:
    return data_dir("corpus")
