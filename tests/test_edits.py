"""A rewrite typed into a JSON, YAML or CSV file reads back as the rewrite, whatever quoting the statement had."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from okrlint.edits import source_text
from okrlint.readers import read_document

ORIGINAL = "Improve the SEO"
# (format, file template): {kr} is the statement as the file spells it.
CONTEXTS = [
    (
        "yaml",
        "objectives:\n  - title: Grow Q4 2024\n    key_results:\n      - {kr}\n      - Raise NPS from 1 to 2\n",
    ),
    ("yaml", 'objectives:\n  - title: Grow Q4 2024\n    key_results:\n      - "{kr}"\n'),
    ("yaml", 'objectives:\n  - title: Grow Q4 2024\n    key_results:\n      - "Improve \\"the\\" SEO"\n'),
    ("yaml", "objectives:\n  - title: Grow Q4 2024\n    key_results:\n      - '{kr}'\n"),
    ("yaml", "objectives:\n  - title: Grow Q4 2024\n    key_results:\n      - 'Improve ''the'' SEO'\n"),
    (
        "yaml",
        "objectives:\n  - title: Grow Q4 2024\n    key_results:\n      - title: >-\n          Improve the\n          SEO\n",
    ),
    ("yaml", "objectives:\n  - title: Grow Q4 2024\n    key_results: [{kr}, Raise NPS from 1 to 2]\n"),
    ("json", '{{"objectives": [{{"title": "Grow Q4 2024", "key_results": ["{kr}"]}}]}}\n'),
    ("json", '{{"objectives": [{{"title": "Grow Q4 2024", "key_results": ["Improve \\"the\\" SEO"]}}]}}\n'),
    ("csv", "objective,key_result\nGrow Q4 2024,{kr}\n"),
    ("csv", 'objective,key_result\nGrow Q4 2024,"{kr}"\n'),
    ("csv", 'objective,key_result\nGrow Q4 2024,"Improve ""the"" SEO"\n'),
    ("csv", "objective;key_result\nGrow Q4 2024;{kr}\n"),
]
WORDS = st.sampled_from(
    [
        "Increase",
        "NPS",
        "from",
        "<baseline>",
        "to",
        "<target>",
        "x%",
        "customers'",
        '"active"',
        "users:",
        "#1",
        "[beta]",
        "{team}",
        "a,b",
        "- c",
        "& d",
        "50%",
        "per week",
        "'q'",
        "\\n",
        "é",
    ]
)


def _key_result(text: str, format: str) -> tuple[str, int, int]:
    document = read_document(text, path=f"okrs.{format}", format=format)
    (statement,) = [s for o in document.objectives for s in [k.statement for k in o.key_results]][:1]
    return statement.text, statement.span.start, statement.span.end


@pytest.mark.parametrize(("format", "template"), CONTEXTS)
@settings(max_examples=40, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=6))
@example(words=["a,b", '"active"', "users:", "#1", "customers'"])
def test_a_rewrite_reads_back_as_itself(format: str, template: str, words: list[str]) -> None:
    rewrite = "Increase " + " ".join(words) + " per week"
    source = template.format(kr=ORIGINAL)
    text, start, end = _key_result(source, format)
    assert text.replace('"', "").replace("'", "") == ORIGINAL.replace('"', "")
    edited = source[:start] + source_text(source, start, end, rewrite, format) + source[end:]
    assert _key_result(edited, format)[0] == rewrite, edited
