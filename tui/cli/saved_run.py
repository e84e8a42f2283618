"""``briefing search --saved NAME``: the search saved in the app that the command runs.

Apart from :mod:`tui.cli.cmd_search`, so that a search given as a QUERY imports none of
it (creating a record's class costs a one-shot command about a millisecond).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.cli.common import EXIT_USAGE, fail
from tui.state import RememberedState, SavedSearch
from tui.state.remembered_state import SEEN_LIMIT


@dataclass(frozen=True)
class SavedRun:
    """A saved search to run, with the app's state that remembers what it has seen."""

    state: RememberedState
    search: SavedSearch
    # Every hit is looked at (up to what a saved search remembers), to tell the new ones.
    limit: int


def saved_run(corpus: Path, name: str) -> SavedRun:
    """The search saved under ``name`` for ``corpus``; exits 2 naming the saved searches
    there are when there is none of that name."""
    state = RememberedState(corpus)
    search = state.saved_search(name)
    if search is None:
        names = ", ".join(repr(s.name) for s in state.saved_searches)
        known = f"saved searches: {names}" if names else "there are no saved searches yet"
        fail(f"no saved search named {name!r} for {corpus} ({known})", EXIT_USAGE)
    return SavedRun(state, search, SEEN_LIMIT)
