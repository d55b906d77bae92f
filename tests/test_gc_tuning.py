"""okrlint raises the collection threshold only while it lints, and always puts the caller's back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from okrlint.api import Linter, okr_document
from okrlint.gc_tuning import LINT_GEN0_THRESHOLD, fewer_collections


@pytest.fixture
def default_threshold() -> Iterator[tuple[int, ...]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_raised_inside_and_restored_after(default_threshold: tuple[int, ...]) -> None:
    with fewer_collections():
        assert gc.get_threshold() == (LINT_GEN0_THRESHOLD, 10, 10)
        with fewer_collections():
            assert gc.get_threshold()[0] == LINT_GEN0_THRESHOLD
        assert gc.get_threshold()[0] == LINT_GEN0_THRESHOLD  # the outer block still runs
    assert gc.get_threshold() == default_threshold


def test_restored_when_the_block_raises(default_threshold: tuple[int, ...]) -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == default_threshold


def test_a_process_that_turned_collection_off_is_left_alone(default_threshold: tuple[int, ...]) -> None:
    gc.set_threshold(0)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0


def test_concurrent_threads_restore_the_callers_threshold(default_threshold: tuple[int, ...]) -> None:
    barrier = threading.Barrier(4)

    def work() -> None:
        with fewer_collections():
            barrier.wait(timeout=10)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.get_threshold() == default_threshold


def test_linting_leaves_the_threshold_as_it_found_it(
    default_threshold: tuple[int, ...], linter: Linter
) -> None:
    seen = []
    sources = [okr_document("Delight our customers", ["Launch the new website", "Improve SEO"])]
    for _, found in linter.iter_findings(sources):
        seen.append(gc.get_threshold())  # the caller's code runs with the caller's threshold
        assert found
    assert seen == [default_threshold]
    assert gc.get_threshold() == default_threshold


def test_collections_paused_restores_collection_and_nests() -> None:
    import gc

    from okrlint.gc_tuning import collections_paused

    assert gc.isenabled()
    with collections_paused():
        assert not gc.isenabled()
        with collections_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collections_paused_leaves_a_callers_choice_alone() -> None:
    import gc

    from okrlint.gc_tuning import collections_paused

    gc.disable()
    try:
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_a_file_leaves_collection_on() -> None:
    import gc

    from okrlint.readers import read_document

    read_document("## Grow our community\n\n- Launch the new website\n", path="x.md")
    assert gc.isenabled()
