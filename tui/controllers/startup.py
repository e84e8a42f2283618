"""The main screen's start-up, as a small state machine: list, open, update, ready.

At start the screen lists the articles the index last held (see :mod:`tui.remembered`)
without opening it; only once that list is drawn is the index opened and checked
(importing Whoosh would compete with drawing it), updated if the corpus changed, and
searched. F5 goes round again from opening.

    LISTING ─▶ OPENING ─▶ (UPDATING ─▶) READY     any step may end in FAILED
    any phase ─(F5)─▶ OPENING

While UPDATING, the update commits as it goes (a first build after its first 500 files,
then after runs that double): each commit refreshes the list and the search on screen,
so a new folder is searched long before READY.

Each round is one run of the indexing worker, which sets the phases from its thread.
F5 during a round cancels it and starts another: the older run's moves are ignored
from then on, so it cannot report an index it did not finish.
"""

from __future__ import annotations

import threading
from enum import Enum

# How long opening the index waits for the first screen to be drawn before going ahead.
DRAW_WAIT_SECONDS = 2.0


class Phase(Enum):
    LISTING = "listing the articles the index last held"
    OPENING = "opening the index"
    UPDATING = "updating the index"
    READY = "ready"
    FAILED = "index unavailable"


NEXT = {
    Phase.LISTING: set(),
    Phase.OPENING: {Phase.UPDATING, Phase.READY, Phase.FAILED},
    Phase.UPDATING: {Phase.READY, Phase.FAILED},
    Phase.READY: set(),
    Phase.FAILED: set(),
}


class PhaseError(RuntimeError):
    """A move the start-up does not make (a bug, not a user's mistake)."""


class Startup:
    """Which phase the screen is in, and the draws the indexing worker waits for."""

    def __init__(self) -> None:
        self.phase = Phase.LISTING
        self.history = [Phase.LISTING]
        # The remembered articles are on screen (or are being put there).
        self.listed = False
        # Set once the first screen is drawn, and once the remembered list is drawn.
        self.screen_drawn = threading.Event()
        self.list_drawn = threading.Event()
        self._lock = threading.Lock()
        self._run = 0

    def begin(self) -> int:
        """Start a round (at start, or F5) in ``OPENING``; returns the round's number."""
        with self._lock:
            self._run += 1
            self._enter(Phase.OPENING)
            return self._run

    def move_to(self, phase: Phase, run: int) -> bool:
        """Enter ``phase`` for round ``run``; False (and nothing changes) if a newer round
        has begun. Raises :class:`PhaseError` for a move not in ``NEXT``."""
        with self._lock:
            if run != self._run:
                return False
            if phase not in NEXT[self.phase]:
                raise PhaseError(f"start-up cannot go from {self.phase.name} to {phase.name}")
            self._enter(phase)
            return True

    def _enter(self, phase: Phase) -> None:
        self.phase = phase
        self.history.append(phase)

    def wait_for_draw(self) -> None:
        """In the worker: wait (a little) until what is listed is on screen."""
        drawn = self.list_drawn if self.listed else self.screen_drawn
        drawn.wait(DRAW_WAIT_SECONDS)
