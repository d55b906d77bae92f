"""The pipeline's matrix products on numpy's BLAS, in one thread.

thinc multiplies matrices with its bundled BLIS unless told otherwise (``NumpyOps(use_blis=False)``, a thinc
option). Which is faster depends on the CPU: on an AMD EPYC (Zen 4), BLIS reached 16 GFLOP/s on the tok2vec
layer's product (2,000 x 288 by 288 x 288) and numpy's OpenBLAS 67 GFLOP/s in one thread, so parsing took
less than half the CPU time. The model, its weights and its decisions are the same; only the order of
floating-point sums differs, which left every tag, head, dependency and lemma unchanged on the statements
okrlint is tested on (``tests/test_pipeline_components.py`` compares them with a stock pipeline).

numpy's BLAS would use a thread per CPU, which cost more than it saved on these small products (and okrlint
lints in one thread unless asked for workers): parsing runs with it limited to one thread
(:func:`one_blas_thread`), and the previous limit is restored afterwards. When numpy's BLAS cannot be limited
(threadpoolctl does not find it), the pipeline keeps BLIS.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language
    from threadpoolctl import ThreadpoolController


@lru_cache(maxsize=1)
def _numpy_blas() -> ThreadpoolController | None:
    """numpy's BLAS libraries, when threadpoolctl can set their thread count."""
    import numpy  # noqa: F401  (loads the BLAS that is looked for)
    from threadpoolctl import ThreadpoolController

    controller = ThreadpoolController().select(user_api="blas")
    return controller if controller.lib_controllers else None


def _models(nlp: Language) -> Iterator[Any]:
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            yield model


def use_numpy_blas(nlp: Language) -> bool:
    """Make the components of ``nlp`` multiply matrices with numpy (True), or leave them on BLIS (False)."""
    if _numpy_blas() is None:
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for model in _models(nlp):
        if type(model.ops) is NumpyOps:  # a model on another device keeps its own
            for node in model.walk():
                node.ops = ops
    return True


def uses_numpy_blas(nlp: Language) -> bool:
    return any(getattr(model.ops, "use_blis", True) is False for model in _models(nlp))


def one_blas_thread() -> AbstractContextManager[Any]:
    """A block in which numpy's BLAS uses one thread; the previous count is restored at its end.

    threadpoolctl's limit is process-wide for OpenBLAS's own threads: while one thread holds a limit, another
    thread's limit is ignored, and the first one's end restores the count for both. okrlint parses under one
    lock per pipeline, so this only matters to two pipelines parsing at once in two threads.
    """
    controller = _numpy_blas()
    return controller.limit(limits=1) if controller is not None else nullcontext()
