"""Versioned JSON: the LintReport as an object with ``"version": 1`` (parsed documents left out)."""

from __future__ import annotations

import json

from okrlint.models import LintReport


def render(report: LintReport) -> str:
    data = report.model_dump(mode="json", exclude={"documents"})
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
