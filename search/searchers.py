"""One open Whoosh searcher per thread, reused until the index changes.

Opening a searcher opens every segment file, which cost more than the query itself on
small indexes. Following Whoosh's threading advice, a searcher is never shared between
threads: each thread keeps its own and reopens it when a commit (or a rebuild) has
changed the index's table of contents.
"""

from __future__ import annotations

import threading
from pathlib import Path

from search.index_store import generation_key, open_searcher


class SearcherCache:
    """Per-thread searchers over the index in ``folder``.

    Args:
        folder: The index folder of a corpus.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._local = threading.local()

    def get(self):
        """This thread's searcher over the current commit, or None when there is no index.

        Raises:
            DamagedIndex: the index cannot be opened.
        """
        key = generation_key(self.folder)
        if key is None:
            self.drop()
            return None
        if getattr(self._local, "key", None) != key:
            self.drop()
            self._local.searcher = open_searcher(self.folder)
            self._local.key = key
        return self._local.searcher

    def drop(self) -> None:
        """Close this thread's searcher (after a read error, or when the index is gone)."""
        searcher = getattr(self._local, "searcher", None)
        self._local.searcher = self._local.key = None
        if searcher is not None:
            searcher.close()
