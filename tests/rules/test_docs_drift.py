"""docs/rules/ is generated from the rule YAML; this fails when someone edits one without the other."""

from __future__ import annotations

from okrlint.docsgen import render_pages
from tests.conftest import REPO


def test_rule_docs_match_the_rules() -> None:
    docs = REPO / "docs" / "rules"
    pages = render_pages()
    for name, text in pages.items():
        path = docs / name
        assert path.is_file(), f"{path} is missing: run `python -m okrlint.docsgen`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `python -m okrlint.docsgen`"
    assert {p.name for p in docs.glob("*.md")} == set(pages), (
        "docs/rules has pages for rules that do not exist"
    )
