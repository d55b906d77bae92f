"""Shared fixtures: one Linter per test session (the spaCy model loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.api import Linter

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter()
