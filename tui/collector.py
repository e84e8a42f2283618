"""Keeping the garbage collector's full passes out of the way of typing.

A full collection walks every tracked object: with 10,000 articles listed and an index
open it took 40-60 ms, and when one fell between a keystroke and its results the user
waited that much longer. Once the articles are listed, :class:`IdleCollector` makes
automatic full passes rare and runs one itself when the keyboard has been quiet for a
moment after some activity: it collects everything (so cyclic garbage is still freed)
and moves what survives out of the collector's sight until the next one. Young
generations are still collected as usual.
"""

from __future__ import annotations

import gc
from time import monotonic

QUIET_SECONDS = 1.0
# Automatic full passes wait for this many middle-generation ones (Python's default: 10).
RARE_FULL_PASSES = 1000


class IdleCollector:
    """Full collections at quiet moments instead of in the middle of typing."""

    def __init__(self) -> None:
        self._last_input = monotonic()
        self._pending = False
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Hide the heap built so far and make automatic full passes rare."""
        gc.freeze()
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, RARE_FULL_PASSES)
        gc.enable()

    def stop(self) -> None:
        """Give the collector back its heap and its thresholds."""
        if self._thresholds is not None:
            gc.unfreeze()
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
        gc.enable()

    def input_seen(self) -> None:
        """The user pressed a key or moved the mouse: a collection is due once they stop."""
        self._last_input = monotonic()
        self._pending = True

    def collect_if_quiet(self) -> bool:
        """Run the due full collection if the user has been quiet long enough.

        Returns:
            Whether a collection ran.
        """
        if not self._pending or self._thresholds is None:
            return False
        if monotonic() - self._last_input < QUIET_SECONDS:
            return False
        self._pending = False
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        return True
