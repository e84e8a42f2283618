"""The articles the index held when last updated, read in the background as the app starts.

The search service lists them without opening the index (the Whoosh service reads the
manifest kept beside it, and imports no Whoosh to do so), so they can be read while
Textual builds the first screen: the screen lists them at once if they are there by then,
otherwise as soon as they are. Searching still waits for the index to open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from search.models.articles import ArticleSummary


class RememberedArticles:
    """One background read of a corpus's article list.

    Args:
        read: returns the articles (the search service's ``articles``, usually); any
            error counts as "nothing remembered".
    """

    def __init__(self, read: Callable[[], list[ArticleSummary]]) -> None:
        self._articles: list[ArticleSummary] = []
        self._done = threading.Event()
        thread = threading.Thread(
            target=self._read, args=(read,), name="remembered-articles", daemon=True
        )
        thread.start()

    def _read(self, read: Callable[[], list[ArticleSummary]]) -> None:
        try:
            self._articles = list(read())
        except Exception:  # noqa: BLE001 - the list then waits for the index to open
            self._articles = []
        finally:
            self._done.set()

    def get(self, timeout: float | None = 0) -> list[ArticleSummary] | None:
        """The articles read, waiting at most ``timeout`` seconds for them.

        Args:
            timeout: seconds to wait; 0 only looks, None waits until the read ends.

        Returns:
            The articles ([] when there were none or they could not be read), or None
            when the read has not ended in time.
        """
        if not self._done.wait(timeout):
            return None
        return self._articles
