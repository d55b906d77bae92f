"""The pipeline multiplies matrices on numpy's BLAS in one thread while it parses, and restores the limit after.

That its annotations are spaCy's own is tested token for token in ``test_pipeline_components.py`` (a stock
pipeline on thinc's BLIS against the loaded one)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import spacy
from threadpoolctl import OpenBLASController, ThreadpoolController

from okrlint import blas
from okrlint.nlp import _resolve_model, load_pipeline, parse_statements


def _blas_threads() -> list[int]:
    return [info["num_threads"] for info in ThreadpoolController().select(user_api="blas").info()]


@pytest.fixture(autouse=True)
def two_threads() -> Iterator[None]:
    """numpy's BLAS at two threads in each test, so that a limit of one shows, and no thread holding a limit (as
    in a program that sets none)."""
    limiter = ThreadpoolController().select(user_api="blas").limit(limits=2)
    _release_control()
    if _blas_threads() != [2]:
        pytest.skip("numpy's BLAS cannot run two threads here")
    yield
    limiter.restore_original_limits()
    _release_control()


def _release_control() -> None:
    """Let any thread set OpenBLAS's thread count again (recent threadpoolctl gives it to one thread at a time;
    a version without that control needs nothing)."""
    release = getattr(OpenBLASController, "clear_controlling_thread", None)
    if release is not None:
        release(force=True)


def test_the_loaded_pipeline_multiplies_on_numpy_and_a_stock_one_on_blis() -> None:
    assert blas.uses_numpy_blas(load_pipeline(None))
    assert not blas.uses_numpy_blas(spacy.load(_resolve_model(None), exclude=["ner", "parser"]))


def test_parsing_uses_one_blas_thread_and_restores_the_limit() -> None:
    assert _blas_threads() == [2]
    seen = [_blas_threads() for _ in parse_statements(load_pipeline(None), ["Launch the site", "Grow NPS"])]
    assert seen == [[1], [1]]
    assert _blas_threads() == [2]


def test_nested_blocks_and_a_parse_in_another_thread_use_one_thread() -> None:
    with blas.one_blas_thread():
        with blas.one_blas_thread():
            assert _blas_threads() == [1]
        assert _blas_threads() == [1]  # the inner block's end does not lift the outer limit
    assert _blas_threads() == [2]
    seen: list[list[int]] = []

    def other() -> None:  # a thread that parses after the main one did (as a language server does)
        seen.extend(_blas_threads() for _ in parse_statements(load_pipeline(None), ["Ship the app"]))
        seen.append(_blas_threads())

    worker = threading.Thread(target=other)
    worker.start()
    worker.join(30)
    assert seen == [[1], [2]]


def test_without_a_blas_to_limit_the_pipeline_keeps_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blas, "_numpy_blas", lambda: None)
    nlp = spacy.load(_resolve_model(None), exclude=["ner", "parser"])
    assert blas.use_numpy_blas(nlp) is False
    assert not blas.uses_numpy_blas(nlp)
    with blas.one_blas_thread():
        assert _blas_threads() == [2]
