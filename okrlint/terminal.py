"""What the command does differently on a terminal: colour and a progress bar, never in a pipe or a file.

Colour follows the conventions tools share: ``--color always|never`` wins; under ``auto``, a non-empty
``NO_COLOR`` turns it off (no-color.org), a non-empty ``FORCE_COLOR`` other than ``0`` turns it on, and otherwise
it is on when the stream is a terminal that is not ``TERM=dumb``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TextIO

COLOR_CHOICES = ("auto", "always", "never")
# A run shorter than this never shows a bar (most runs: one model load and a few files).
PROGRESS_DELAY_SECONDS = 2.0


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never":
        return False
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") and env.get("FORCE_COLOR") != "0":
        return True
    return _is_terminal(stream) and env.get("TERM") != "dumb"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress_bar(stream: TextIO, unit: str = "statement") -> Iterator[Callable[[int, int], None]]:
    """A callback ``(done, total)`` that draws a bar on ``stream`` once the run has taken a few seconds, only
    when ``stream`` is a terminal; the bar is cleared when the run ends."""
    from tqdm import tqdm

    if not _is_terminal(stream):
        yield lambda done, total: None
        return
    delay = PROGRESS_DELAY_SECONDS
    bar = tqdm(total=0, unit=unit, file=stream, delay=delay, leave=False, dynamic_ncols=True)

    def update(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        if done >= total and bar.format_dict["elapsed"] >= delay:
            bar.refresh()  # tqdm skips draws closer than its minimum interval; the last one matters

    try:
        yield update
    finally:
        bar.close()
