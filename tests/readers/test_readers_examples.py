"""The files in examples/ read as a person would count them; the "good" file uses only good statements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from readers_support import EXAMPLES, kr_counts, load

SEED_LABELS = EXAMPLES.parents[1] / "shared" / "eval" / "seed_labels.jsonl"


def test_marketing_example() -> None:
    doc, _ = load("marketing-q3.md", EXAMPLES)
    assert (doc.format, doc.period, doc.team) == ("markdown", "Q3 2024", "Marketing")
    assert kr_counts(doc) == [3, 4, 3]
    assert doc.objectives[0].statement.text == "Make our company go viral"
    assert [k.statement.text for k in doc.objectives[0].key_results] == [
        "Make videos for youtube",
        "Get more Instagram followers",
        "Improve SEO",
    ]
    assert doc.objectives[2].key_results[1].owner == "lena"


def test_sales_example() -> None:
    doc, _ = load("sales-q3.yaml", EXAMPLES)
    assert (doc.format, doc.period, doc.team) == ("yaml", "2024-Q3", "Sales")
    assert kr_counts(doc) == [3, 3]
    cycle = doc.objectives[1]
    assert cycle.statement.text == "Speed up our sales cycle"
    assert [(k.baseline, k.target) for k in cycle.key_results] == [(60, 31), (30, 60), (7, 21)]


def test_good_example_reads_with_front_matter_period() -> None:
    doc, _ = load(str(Path("good") / "product-q3.md"), EXAMPLES)
    assert (doc.period, doc.team) == ("2024-Q3", "Product")
    assert kr_counts(doc) == [3, 3]
    assert {o.period for o in doc.objectives} == {"2024-Q3"}


def test_good_example_uses_only_statements_labelled_good() -> None:
    if not SEED_LABELS.is_file():
        pytest.skip("shared/eval/seed_labels.jsonl is not beside the repository")
    rows = [json.loads(line) for line in SEED_LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    good = {row["text"] for row in rows if row["label"] == "good"}
    doc, _ = load(str(Path("good") / "product-q3.md"), EXAMPLES)
    texts = [st.text for st in doc.statements()]
    assert texts and [t for t in texts if t not in good] == []
