"""Open Whoosh searchers, lent to one thread at a time and reused until the index changes.

A fresh searcher opens every segment file and starts with cold caches (field lengths,
term tables): on 10,000 articles its first query took about 35 ms more than the next
ones. The app runs each search in a new worker thread, so searchers are not tied to
threads: a thread borrows an idle searcher over the current commit (opening one only
when none is idle) and gives it back when done. Following Whoosh's threading advice,
a searcher is never used by two threads at once. Searchers over an older commit are
closed as they come back; one whose files failed to read is closed instead of kept.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from search.index.store import generation_key, open_searcher

# Idle searchers kept: enough for the app's search, facet and reading workers at once.
MAX_IDLE = 3


class SearcherPool:
    """Searchers over the index in ``folder``.

    Args:
        folder: The index folder of a corpus.
        broken: The exceptions after which a searcher is closed instead of kept.
    """

    def __init__(self, folder: Path, broken: tuple[type[BaseException], ...] = (OSError,)) -> None:
        self.folder = folder
        self._broken = broken
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._idle: list = []

    @contextmanager
    def borrow(self) -> Iterator:
        """A searcher over the current commit for this thread's use, or None without an index.

        Raises:
            DamagedIndex: the index cannot be opened.
        """
        key = generation_key(self.folder)
        if key is None:
            self.close()
            yield None
            return
        searcher = self._take(key)
        try:
            yield searcher
        except self._broken:
            searcher.close()
            raise
        except BaseException:
            self._give_back(key, searcher)
            raise
        else:
            self._give_back(key, searcher)

    def _take(self, key: tuple):
        with self._lock:
            if key != self._key:
                stale, self._idle, self._key = self._idle, [], key
            else:
                stale = []
            searcher = self._idle.pop() if self._idle else None
        for old in stale:
            old.close()
        return searcher if searcher is not None else open_searcher(self.folder)

    def _give_back(self, key: tuple, searcher) -> None:
        with self._lock:
            if key == self._key and len(self._idle) < MAX_IDLE:
                self._idle.append(searcher)
                return
        searcher.close()

    def close(self) -> None:
        """Close the idle searchers (lent ones are closed when they come back)."""
        with self._lock:
            idle, self._idle, self._key = self._idle, [], None
        for searcher in idle:
            searcher.close()
