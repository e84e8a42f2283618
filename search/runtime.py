"""The process's garbage-collector policy, in one place, for every phase it goes through.

Python's collector walks every tracked object on a full pass. Four moments of this
program build many long-lived objects and would pay for it again and again:

* **start-up** of the app (:func:`starting_up`): modules, classes and styles, about a
  tenth of a second before the first screen; the collector is off until the articles
  are listed, when the app hands memory to the :class:`IdleCollector`;
* **typing** (:class:`IdleCollector`): with 10,000 articles listed and an index open a
  full pass took 40-60 ms, and one falling between a keystroke and its results delayed
  them; automatic full passes are made rare and one runs when the keyboard is quiet;
* **bulk indexing** (:func:`bulk_indexing`): a build keeps millions of small posting
  tuples alive until its commit (about a sixth of a large build went to the collector);
* **a parallel build's worker** (:func:`worker_started`): what it inherited stays alive
  to its end.

No Textual here: the app, the CLI and the indexer all follow this one policy.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from time import monotonic

# Thresholds while indexing in bulk: young passes much rarer, full ones rarer.
BULK_THRESHOLDS = (100_000, 50, 100)
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


def starting_up() -> None:
    """The app is about to start: no collection until the articles are listed."""
    gc.disable()


@contextmanager
def bulk_indexing() -> Iterator[None]:
    """Run the collector less often for the duration of an index update."""
    before = gc.get_threshold()
    gc.set_threshold(*BULK_THRESHOLDS)
    try:
        yield
    finally:
        # Unless someone else (the app, say) has set its own thresholds meanwhile.
        if gc.get_threshold() == BULK_THRESHOLDS:
            gc.set_threshold(*before)


def worker_started() -> None:
    """A forked indexing worker starts: keep the collector off what it inherited."""
    gc.freeze()
