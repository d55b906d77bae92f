"""Fewer garbage collections while a batch of statements is linted.

Linting allocates many short-lived container objects (spaCy tokens, analyses, findings), and at CPython's default
threshold of 700 the young generation is collected hundreds of times per thousand statements, each time also
walking whatever survived. Measured on 4,000 statements: 0.37 s of 4.5 s went to collections; with a young-
generation threshold of 20,000, 0.04 s. The threshold is raised only while okrlint is linting and restored
afterwards; nested and concurrent users share one raise. A process that turned collection off (threshold 0) is
left alone.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

LINT_GEN0_THRESHOLD = 20_000

_LOCK = threading.Lock()
_depth = 0
_saved: tuple[int, ...] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the young-generation threshold for the duration of the block (restored by the last one out)."""
    global _depth, _saved
    with _LOCK:
        if _depth == 0:
            current = gc.get_threshold()
            if 0 < current[0] < LINT_GEN0_THRESHOLD:
                _saved = current
                gc.set_threshold(LINT_GEN0_THRESHOLD, *current[1:])
        _depth += 1
    try:
        yield
    finally:
        with _LOCK:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


_paused = 0


@contextmanager
def collections_paused() -> Iterator[None]:
    """No cyclic garbage collection for the duration of the block (restored by the last one out).

    For reading a file: everything a reader builds (the Markdown tree, tokens, the document) stays alive until it
    returns, so a collection frees nothing and only walks it. On a 32,000-line Markdown file the full
    collections that the growing heap triggered made reading super-linear (measured in the docs).
    """
    global _paused
    with _LOCK:
        disabled_here = _paused == 0 and gc.isenabled()
        if disabled_here:
            gc.disable()
        _paused += 1 if (disabled_here or _paused) else 0
    try:
        yield
    finally:
        with _LOCK:
            if _paused:
                _paused -= 1
                if _paused == 0:
                    gc.enable()
