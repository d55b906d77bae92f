"""A long read-only sequence held as compressed chunks and decoded one chunk at a time.

A statement read from a file is five or six pydantic instances, about 2.3 KB; pickled and compressed, a chunk of
them takes about a sixtieth of that. A very large file's objectives, and its findings between the parts it is
linted in, are held this way, so what a run holds grows with the compressed size. A pass over the sequence
decodes one chunk at a time.

Only okrlint's own objects go in: the bytes are made and read by this process (or a worker it forked), never
read from a file.
"""

from __future__ import annotations

import heapq
import pickle
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice
from typing import Any, TypeVar, overload

T = TypeVar("T")

# zlib's fastest level: on okrlint's objects it already shrinks pickles about eightfold.
_LEVEL = 1


def pack(items: Sequence[Any]) -> bytes:
    """``items`` as one compressed chunk (objects shared between items stay shared when unpacked)."""
    return zlib.compress(pickle.dumps(tuple(items), protocol=pickle.HIGHEST_PROTOCOL), _LEVEL)


def unpack(chunk: bytes) -> tuple[Any, ...]:
    """The items of a chunk made by ``pack``."""
    return pickle.loads(zlib.decompress(chunk))  # only ever chunks this process (or its fork) packed


class _TupleLike(Sequence[T]):
    """What the sequences below share with the tuple they stand for: equality with a tuple or list of the same
    items (so a model holding one compares with a model holding the plain tuple), its hash, and ``+``."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (_TupleLike, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[T, ...]:
        # As a tuple adds: ``document.objectives + (more,)`` works whether or not the objectives are packed.
        if isinstance(other, (_TupleLike, tuple)):
            return (*self, *other)
        return NotImplemented

    def __radd__(self, other: object) -> tuple[T, ...]:
        if isinstance(other, tuple):
            return (*other, *self)
        return NotImplemented


class PackedSequence(_TupleLike[T]):
    """An immutable sequence stored as packed chunks, which behaves as the tuple of its items (``_TupleLike``)."""

    __slots__ = ("_cached", "_chunks", "_ends", "_tally")

    def __init__(self, chunks: Iterable[bytes], lengths: Iterable[int], tally: int | None = None) -> None:
        self._chunks = tuple(chunks)
        self._ends = tuple(accumulate(lengths))
        if len(self._ends) != len(self._chunks):
            raise ValueError("one length per chunk")
        self._tally = tally
        self._cached: tuple[int, tuple[T, ...]] | None = None

    @classmethod
    def build(
        cls, parts: Iterable[Sequence[T]], tally: Callable[[T], int] | None = None
    ) -> PackedSequence[T]:
        """Pack each of ``parts`` as one chunk. ``tally(item)``, summed over every item, is kept as ``tally``
        (say, the statements under each objective) so that it is known without decoding."""
        chunks: list[bytes] = []
        lengths: list[int] = []
        total: int | None = 0 if tally is not None else None
        for part in parts:
            if not part:
                continue
            chunks.append(pack(part))
            lengths.append(len(part))
            if tally is not None and total is not None:
                total += sum(tally(item) for item in part)
        return cls(chunks, lengths, total)

    @property
    def tally(self) -> int | None:
        """What ``build`` was asked to count, or None when it counted nothing."""
        return self._tally

    def _chunk(self, k: int) -> tuple[T, ...]:
        cached = self._cached
        if cached is not None and cached[0] == k:
            return cached[1]
        items = unpack(self._chunks[k])
        self._cached = (k, items)
        return items

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __iter__(self) -> Iterator[T]:
        # One chunk decoded at a time, and not cached: a pass over the sequence holds one chunk's objects.
        for chunk in self._chunks:
            yield from unpack(chunk)

    def __reversed__(self) -> Iterator[T]:
        for chunk in reversed(self._chunks):
            yield from reversed(unpack(chunk))

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return self._slice(index)
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("PackedSequence index out of range")
        k = bisect_right(self._ends, index)
        start = self._ends[k - 1] if k else 0
        return self._chunk(k)[index - start]

    def _slice(self, index: slice) -> tuple[T, ...]:
        start, stop, step = index.indices(len(self))
        if step != 1:
            return tuple(self)[index]
        out: list[T] = []
        # Only the chunks the slice overlaps are decoded (a worker's part of a packed document).
        for k, end in enumerate(self._ends):
            begin = self._ends[k - 1] if k else 0
            if end > start and begin < stop:
                out.extend(self._chunk(k)[max(start, begin) - begin : min(stop, end) - begin])
        return tuple(out)

    def __repr__(self) -> str:
        return f"PackedSequence({len(self)} items in {len(self._chunks)} chunks)"

    def __reduce__(self) -> tuple[Any, ...]:
        lengths = [b - a for a, b in zip((0, *self._ends), self._ends, strict=False)]
        return (PackedSequence, (self._chunks, lengths, self._tally))


class FilteredView(_TupleLike[T]):
    """The items of ``items`` that ``keep`` accepts, found as they are iterated: a filter over a packed sequence
    that never holds the kept items all at once. Length and indexing cost a pass each."""

    __slots__ = ("_items", "_keep", "_length")

    def __init__(self, items: Sequence[T], keep: Callable[[T], bool]) -> None:
        self._items = items
        self._keep = keep
        self._length: int | None = None

    def __iter__(self) -> Iterator[T]:
        return (item for item in self._items if self._keep(item))

    def __reversed__(self) -> Iterator[T]:
        return (item for item in reversed(self._items) if self._keep(item))

    def __len__(self) -> int:
        if self._length is None:
            self._length = sum(1 for _ in self)
        return self._length

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice) or index < 0:
            return tuple(self)[index]
        for k, item in enumerate(self):
            if k == index:
                return item
        raise IndexError("FilteredView index out of range")


def packed_if_long(items: Iterable[T], threshold: int, chunk: int) -> tuple[T, ...] | PackedSequence[T]:
    """A tuple of ``items``, or when there are more than ``threshold`` of them, a PackedSequence of chunks of
    ``chunk`` items (never holding more than ``threshold`` of them at once)."""
    it = iter(items)
    head = list(islice(it, threshold + 1))
    if len(head) <= threshold:
        return tuple(head)
    return PackedSequence.build(_chunked(chain(drain(head), it), chunk))


def drain(items: list[T]) -> Iterator[T]:
    """``items`` in order, emptying the list as it goes: each item is let go once the consumer is done with it."""
    items.reverse()
    while items:
        yield items.pop()


def _chunked(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    it = iter(items)
    while chunk := tuple(islice(it, size)):
        yield chunk


def sorted_or_packed(
    items: Iterable[T], key: Callable[[T], Any], threshold: int, chunk: int = 2048
) -> tuple[T, ...] | PackedSequence[T]:
    """``tuple(sorted(items, key=key))``, or when there are more than ``threshold`` items, the same order as a
    PackedSequence, sorted without holding more than about ``threshold`` items at once: runs of ``threshold``
    items are sorted and packed in small chunks, then merged (a stable merge sort, like ``sorted``)."""
    it = iter(items)
    head = list(islice(it, threshold + 1))
    if len(head) <= threshold:
        return tuple(sorted(head, key=key))
    runs: list[PackedSequence[T]] = []
    run = head
    del head  # the first run is let go once packed, like the others
    while run:
        run.sort(key=key)
        # Small chunks: the merge below holds one decoded chunk of each run at a time.
        runs.append(PackedSequence.build(_chunked(run, _MERGE_CHUNK)))
        run = list(islice(it, threshold))
    # heapq.merge takes equal keys from earlier runs first, so the order is the stable sort's.
    return PackedSequence.build(_chunked(heapq.merge(*runs, key=key), chunk))


_MERGE_CHUNK = 256
