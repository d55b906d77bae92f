"""The imperative parse frame, pinned on statements the small model mis-reads without it (DESIGN.md)."""

from __future__ import annotations

import pytest

from okrlint.api import Linter
from okrlint.nlp import FRAME_PREFIX, frame_for, parse_statements


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Publish 4 posts a week", "publish"),
        ("Contact 100% of eligible customers to welcome them on board", "contact"),
        ("Migrate users to new system", "migrate"),
        ("Design, create, and launch a new feature", "design"),
        ("Brainstorm ideas for LinkedIn marketing", "brainstorm"),
        ("Partner up with thought leaders to promote our product", "partner up"),
        # work verbs the model's dictionary lacks, known from okrlint's own classes of output
        ("Refactor the billing module", "refactor"),
        ("Upskill the support team", "upskill"),
    ],
)
def test_imperatives_get_their_verb_as_main_predicate(linter: Linter, text: str, verb: str) -> None:
    analysis = linter.analyze([text])[text]
    assert analysis.framed and analysis.main is not None and analysis.main.verb == verb


@pytest.mark.parametrize(
    "text",
    [
        "80% of employees have answered the communication survey",
        "Feature usage increased from 10% to 35%",
        "Tom closes 3 enterprise deals",
        "15% increase of Q1 revenue for the German Market",
    ],
)
def test_statements_that_do_not_open_with_a_verb_are_parsed_as_written(linter: Linter, text: str) -> None:
    assert not linter.analyze([text])[text].framed


def test_frame_offsets_map_back_to_the_text(linter: Linter) -> None:
    text = "Publish 4 posts a week"
    (parsed,) = parse_statements(linter.nlp, [text])
    assert parsed.frame_shift == len(FRAME_PREFIX)
    for token in parsed.doc[1:]:
        start = token.idx - parsed.frame_shift
        assert text[start : start + len(token.text)].lower() == token.text.lower()


def test_frame_is_not_used_for_determiners_or_numbers() -> None:
    assert frame_for("The number of users grows") is None
    assert frame_for("15% more sign-ups") is None
