"""Packed sequences: a very large file's objectives and findings, held compressed, behave as the tuples they stand
for."""

from __future__ import annotations

import pickle
from operator import add

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.packed import FilteredView, PackedSequence, packed_if_long, sorted_or_packed

_chunks = st.lists(st.lists(st.integers(-5, 5), max_size=7), max_size=8)


def _packed(chunks: list[list[int]]) -> tuple[PackedSequence[int], list[int]]:
    return PackedSequence.build(chunks, tally=lambda n: abs(n)), [n for chunk in chunks for n in chunk]


@settings(max_examples=200, deadline=None)
@given(_chunks, st.integers(-60, 60), st.integers(-60, 60), st.sampled_from([None, 1, 2, -1]))
def test_a_packed_sequence_indexes_and_slices_as_its_items_do(chunks, start, stop, step) -> None:
    packed, items = _packed(chunks)
    assert len(packed) == len(items)
    assert list(packed) == items
    assert packed[start:stop:step] == tuple(items[start:stop:step])
    for i in range(-len(items), len(items)):
        assert packed[i] == items[i]
    with pytest.raises(IndexError):
        packed[len(items)]
    assert packed.tally == sum(abs(n) for n in items)


@settings(max_examples=100, deadline=None)
@given(_chunks, _chunks)
def test_a_packed_sequence_equals_the_tuple_of_its_items_whichever_side_it_is_on(left, right) -> None:
    packed, items = _packed(left)
    other, other_items = _packed(right)
    assert packed == tuple(items) and tuple(items) == packed and packed == items
    assert (packed == other) == (items == other_items)
    assert (packed == tuple(other_items)) == (items == other_items)
    assert hash(packed) == hash(tuple(items))
    assert pickle.loads(pickle.dumps(packed)) == packed


def test_a_packed_sequence_reverses_and_adds_as_a_tuple() -> None:
    packed, items = _packed([[1, 2, 3], [], [4, 5]])
    assert list(reversed(packed)) == items[::-1]
    # `+` as a caller writes it on a tuple field (operator.add: the concatenation itself is what is tested)
    assert add(packed, (6,)) == (1, 2, 3, 4, 5, 6) and add((0,), packed) == (0, 1, 2, 3, 4, 5)
    assert packed + packed == tuple(items + items)
    view = FilteredView(packed, lambda n: n % 2 == 1)
    assert list(reversed(view)) == [5, 3, 1] and add(view, (7,)) == (1, 3, 5, 7)


def test_a_sequence_packed_without_a_tally_says_so() -> None:
    assert PackedSequence.build([[1, 2]]).tally is None
    assert PackedSequence.build([[1, 2]], tally=lambda n: n).tally == 3


def test_items_sharing_an_object_still_share_it_when_unpacked() -> None:
    shared = ("a long explanation that every finding of one rule points at",)
    packed = PackedSequence.build([[(1, shared), (2, shared)]])
    first, second = packed
    assert first[1] is second[1]


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.lists(st.tuples(st.integers(0, 4), st.integers()), max_size=60),
        # Runs longer than the merge's chunk: a run is decoded a chunk at a time while merging.
        st.lists(st.tuples(st.integers(0, 9), st.integers()), min_size=600, max_size=900),
    ),
    st.sampled_from([1, 2, 5, 9, 300, 700]),
)
def test_sorting_past_the_threshold_gives_the_stable_sort(items, threshold) -> None:
    # Equal keys keep their order (the second field tells them apart), as `sorted` keeps them.
    ordered = sorted_or_packed(iter(items), key=lambda pair: pair[0], threshold=threshold, chunk=3)
    assert list(ordered) == sorted(items, key=lambda pair: pair[0])
    assert isinstance(ordered, PackedSequence) == (len(items) > threshold)


@given(st.lists(st.integers(), max_size=30), st.integers(0, 10))
def test_packed_only_past_the_threshold(items, threshold) -> None:
    held = packed_if_long(iter(items), threshold, chunk=4)
    assert list(held) == items
    assert isinstance(held, tuple) == (len(items) <= threshold)


@given(st.lists(st.integers(-3, 3), max_size=30))
def test_a_filtered_view_holds_what_the_filter_keeps(items) -> None:
    view = FilteredView(PackedSequence.build([items[:10], items[10:]]), lambda n: n > 0)
    kept = [n for n in items if n > 0]
    assert list(view) == kept and len(view) == len(kept) and bool(view) == bool(kept)
    assert view == tuple(kept)
    for i, n in enumerate(kept):
        assert view[i] == n
    with pytest.raises(IndexError):
        view[len(kept)]
