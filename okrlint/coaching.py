"""The question a coach would ask the author about a finding, when the finding or one of its rewrites carries
one. Front ends show it beside the rewrite; a finding without one shows none."""

from __future__ import annotations

from okrlint.models import Finding

_FIELDS = ("coaching_question", "question")


def coaching_question(finding: Finding) -> str | None:
    for holder in (finding, *finding.suggestions):
        for name in _FIELDS:
            value = getattr(holder, name, None)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None
