"""The accuracy benchmark measures what it says: development rows never include the sealed third."""

from __future__ import annotations

import pytest

from tests.benchmark_modules import load_benchmark

split = load_benchmark("external_split")


@pytest.mark.skipif(not split.EXTERNAL_LABELS.exists(), reason="external labels not available")
def test_default_sets_leave_the_sealed_third_out() -> None:
    accuracy = load_benchmark("accuracy")
    sets = accuracy.label_sets(["seed", "constructed", "external-dev"], None)
    sealed_ids = {row["id"] for row in split.load_rows() if split.is_sealed(row)}
    assert sealed_ids, "the split seals a third of the sources"
    for rows in sets.values():
        assert not {row.id for row in rows} & sealed_ids


def test_scores_count_false_alarms_on_good_rows_only() -> None:
    accuracy = load_benchmark("accuracy")
    scores = accuracy.Scores()
    for flagged, bad in [(True, True), (True, False), (False, True), (False, False), (False, False)]:
        scores.add(flagged, bad)
    assert (scores.tp, scores.fp, scores.fn, scores.tn) == (1, 1, 1, 2)
    assert scores.false_alarm_rate == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(0.5)
