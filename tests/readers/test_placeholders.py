"""A rewrite okrlint offers, pasted into a file, reads back as offered: its placeholders are not markup."""

from __future__ import annotations

import pytest

from okrlint.placeholders import NAMES
from okrlint.readers import read_document

FILES = {
    "okrs.md": "## Objective: Be great\n\n- {kr}\n",
    "okrs.yaml": "objectives:\n  - title: Be great\n    key_results:\n      - {kr}\n",
    "okrs.txt": "Objective: Be great\nKR: {kr}\n",
}


@pytest.mark.parametrize("path", sorted(FILES))
@pytest.mark.parametrize("name", NAMES)
def test_placeholders_survive_reading(path: str, name: str) -> None:
    kr = f"Grow weekly active teams from <{name}> to <target>"
    document = read_document(FILES[path].format(kr=kr), path=path)
    assert document.statements()[1].text == kr


def test_real_tags_are_still_dropped() -> None:
    document = read_document(FILES["okrs.md"].format(kr="Grow <b>revenue</b> to <target>"), path="okrs.md")
    assert document.statements()[1].text == "Grow revenue to <target>"


@pytest.mark.parametrize("path", sorted(FILES))
@pytest.mark.parametrize(
    "phrase",
    ["<the change in what customers do>", "<what you need to learn>", "<the result you expect from …>"],
)
def test_phrase_placeholders_survive_reading(path: str, phrase: str) -> None:
    kr = f"Increase {phrase} from <baseline> to <target>"
    document = read_document(FILES[path].format(kr=kr), path=path)
    assert document.statements()[1].text == kr


def test_a_link_tag_is_still_markup() -> None:
    kr = 'Grow <a href="https://example.com">signups</a> to <target>'
    document = read_document(FILES["okrs.md"].format(kr=kr), path="okrs.md")
    assert document.statements()[1].text == "Grow signups to <target>"
