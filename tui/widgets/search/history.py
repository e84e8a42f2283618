"""Walking the queries run before, newest first, as a shell's up and down arrows do."""

from __future__ import annotations

from typing import Protocol


class QueryMemory(Protocol):
    """Where used queries are kept (the app's remembered state)."""

    @property
    def history(self) -> list[str]:
        """Queries used, oldest first."""
        ...

    def add_history(self, query: str) -> None:
        """Keep ``query`` as the newest."""
        ...


class HistoryWalk:
    """Where the search box stands in the query history.

    A walk starts with up in an empty box and goes on while the box holds the query the
    walk put there; typing ends it. Down past the newest query leaves the box empty.
    """

    def __init__(self) -> None:
        self._newest_first: list[str] = []
        # Index of the query shown, newest first; -1 when not walking.
        self._at = -1

    def set_queries(self, oldest_first: list[str]) -> None:
        """The history as kept (oldest first); any walk starts again."""
        self._newest_first = list(reversed(oldest_first))
        self._at = -1

    def _walking(self, text: str) -> bool:
        return self._at >= 0 and text == self._newest_first[self._at]

    def older(self, text: str) -> str | None:
        """The query to show for up with ``text`` in the box; None: up is not a history key now."""
        if self._walking(text):
            self._at = min(self._at + 1, len(self._newest_first) - 1)
        elif not text and self._newest_first:
            self._at = 0
        else:
            return None
        return self._newest_first[self._at]

    def newer(self, text: str) -> str | None:
        """The query to show for down with ``text`` in the box ("" past the newest); None:
        down is not a history key now."""
        if not self._walking(text):
            self._at = -1
            return None
        self._at -= 1
        return self._newest_first[self._at] if self._at >= 0 else ""
