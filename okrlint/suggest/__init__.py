"""Rewrite suggestions: on the author's subject, in the author's words, honest when unsure, always re-linted.

For each finding, a generator (chosen by the rule's ``suggestion.template``) proposes candidate rewrites from the
StatementAnalysis. Work ("Launch the new website", "Hire 2 senior backend engineers") is mapped by its *class*
of output (``okrlint.outcome_map``: content, a site, a release, hiring, training, research, a migration,
documentation, outreach, a process, a purchase) to the outcome that class is for, named with the author's own
object ("Increase the conversion rate of the new website from <baseline> to <target>"). When no class fits, the
rewrite says so: "Increase <the result> of keeping the office clean from <baseline> to <target>",
with the coach's question "Why keep the office clean? ..." beside it. Unknown numbers are visible placeholders,
never invented. Every candidate is linted again (placeholders filled with samples) and kept only when it raises
no warning or error. A worked example from ``corpus/`` is cited only when it is about the same class of work.
"""

from okrlint.suggest.candidate import Candidate, Context
from okrlint.suggest.objectives import problem_turned_round
from okrlint.suggest.suggester import Suggester
from okrlint.suggest.text import fill, has_placeholder, numbers_in, templatize

__all__ = [
    "Candidate",
    "Context",
    "Suggester",
    "fill",
    "has_placeholder",
    "numbers_in",
    "problem_turned_round",
    "templatize",
]
