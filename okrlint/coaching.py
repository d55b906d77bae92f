"""The question a coach would ask the author about a finding: the first one its rewrites carry. Front ends show
it beside the rewrite; a finding without one shows none."""

from __future__ import annotations

from okrlint.models import Finding


def coaching_question(finding: Finding) -> str | None:
    return next((s.question.strip() for s in finding.suggestions if s.question and s.question.strip()), None)
