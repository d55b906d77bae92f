"""A quick fix applied to a JSON, YAML or CSV buffer leaves a file okrlint still reads, with the rewrite in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from okrlint.lsp.present import LintedText
from okrlint.readers import read_document
from okrlint.session import LintSession

BUFFERS = {
    "okrs.json": '{"period": "Q4 2024", "objectives": [{"title": "Delight our customers", '
    '"key_results": ["Improve the \\"NPS\\" score", "Launch the new help centre"]}]}\n',
    "okrs.yaml": "period: Q4 2024\nobjectives:\n  - title: Delight our customers\n    key_results:\n"
    '      - \'Improve the customers\'\' "NPS" score\'\n      - "Launch the \\"new\\" help centre"\n',
    "okrs.csv": 'objective,key_result\nDelight our customers,"Improve the ""NPS"" score"\n'
    "Delight our customers,Launch the new help centre\n",
}


def _apply(text: str, linted: LintedText, edit: types.TextEdit) -> str:
    start, end = linted.offset(edit.range.start), linted.offset(edit.range.end)
    return text[:start] + edit.new_text + text[end:]


@pytest.mark.parametrize("name", sorted(BUFFERS))
def test_every_quick_fix_keeps_the_file_readable(tmp_path: Path, name: str) -> None:
    text = BUFFERS[name]
    path = str(tmp_path / name)
    linted = LintedText(text, LintSession().lint_text(text, path=path).report, "utf-16")
    uri = Path(path).as_uri()
    everything = types.Range(start=linted.position(0), end=linted.position(len(text)))
    actions = linted.code_actions(uri, everything)
    assert actions, "the draft has key results with rewrites"
    for action in actions:
        (edit,) = action.edit.changes[uri]
        fixed = _apply(text, linted, edit)
        rewrite = action.title.split(": ", 1)[1]
        statements = [s.text for s in read_document(fixed, path=path).statements()]
        assert rewrite in statements, fixed
