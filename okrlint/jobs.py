"""Linting batches in worker processes (``--jobs``).

Workers are forked from a process whose Linter has already loaded its pipeline, so no worker loads the model
again; each returns plain findings. Where fork is unavailable, linting stays in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from okrlint.api import Linter, SourceDocument
    from okrlint.models import Finding

# The work the forked workers inherit; set only around a parallel run. Workers get a task's index, not its data:
# pickling the documents to send them kept the parent busy (about 0.26 s per 4,000 statements) while the workers
# waited.
_WORKER_TASK: Callable[[int], Any] | None = None
T = TypeVar("T")


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's process group: workers leave it to the parent, which
    stops them, so that the user sees one line and no traceback from each worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_task(index: int) -> Any:
    assert _WORKER_TASK is not None
    return _WORKER_TASK(index)  # a worker's Linter runs with jobs=1: it never forks again


# "One per CPU" stops here: each worker holds its own copy of whatever pages of the model it touches (measured
# peak: under 300 MiB per worker), which adds up on a large build machine.
MAX_AUTO_WORKERS = 8


# A container's CPU quota (cgroup v2): a build container limited to 2 CPUs on a 64-core host still sees 64.
CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def worker_count(jobs: int, cpu_max: Path = CGROUP_CPU_MAX) -> int:
    """``jobs`` workers, or with 0 one per CPU this process may use: the CPUs it may run on, within the
    container's CPU quota if it has one, and at most MAX_AUTO_WORKERS."""
    if jobs > 0:
        return jobs
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    quota = _cpu_quota(cpu_max)
    if quota is not None:
        cpus = min(cpus, quota)
    return max(1, min(cpus, MAX_AUTO_WORKERS))


def _cpu_quota(cpu_max: Path) -> int | None:
    """Whole CPUs allowed by a cgroup v2 ``cpu.max`` ("200000 100000" -> 2), or None when unlimited or unknown."""
    try:
        quota, period = cpu_max.read_text(encoding="ascii").split()[:2]
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if quota == "max" or not quota.isdigit() or not period.isdigit() or int(period) == 0:
        return None
    return max(1, int(quota) // int(period))


def parallel_findings(linter: Linter, batches: list[list[SourceDocument]], jobs: int) -> list[Finding]:
    """Findings of every batch, in order, computed by ``jobs`` forked workers."""
    results = parallel_map(linter, lambda index: linter.findings(batches[index]), len(batches), jobs)
    return [f for found in results for f in found]


def parallel_map(linter: Linter, work: Callable[[int], T], count: int, jobs: int) -> list[T]:
    """``[work(0), …, work(count - 1)]`` computed by ``jobs`` forked workers. ``work`` and what it reads are
    inherited by the fork, not pickled; only its results travel back."""
    global _WORKER_TASK
    if "fork" not in multiprocessing.get_all_start_methods():
        return [work(i) for i in range(count)]
    linter.nlp  # noqa: B018 - load the pipeline before forking, so that the workers share it
    linter.analyzer  # noqa: B018
    _WORKER_TASK = work
    # Objects alive at fork time are left out of the workers' garbage collections, which would otherwise touch
    # (and so copy) every page of the inherited model (the gc module's documented advice for forking servers).
    gc.freeze()
    try:
        # A Pool, not a ProcessPoolExecutor: on Ctrl-C the parent must stop the workers at once (terminate),
        # where an executor's shutdown would wait for every queued batch. Leaving the `with` terminates them.
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_interrupts) as pool:
            return pool.map(_run_task, range(count), chunksize=1)
    finally:
        gc.unfreeze()
        _WORKER_TASK = None
