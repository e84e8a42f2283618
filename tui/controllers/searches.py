"""Saved searches for the main screen: keep the box's query under a name, list the kept
ones with how many articles are new since each last ran, run one.

A saved search remembers the articles it found when last run (``RememberedState``), so
"3 new" is the number of articles it finds now that it did not find then. Finding them
is a search off the UI thread; what a query finds is remembered until the index changes
(the app's article list is replaced), so the palette can say "(3 new)" without searching
again each time it opens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from search.models import NO_FILTERS, QueryError
from tui.background import in_thread
from tui.screens.saved_searches import SavedSearchEntry, SavedSearchesScreen, SaveSearchScreen
from tui.state.remembered_state import SEEN_LIMIT

if TYPE_CHECKING:
    from textual.screen import Screen

    from search.service import SearchService
    from tui.state import RememberedState
    from tui.widgets.search.view import SearchView


class SavedSearchController:
    """Saving, listing and running saved searches.

    Args:
        screen: shows the dialogs and notices.
        state: where saved searches are kept.
        open_service: the corpus's search service (safe to call from a worker thread).
        search_view: the search box a saved search runs in.
        show_search: brings the search tab to the front.
        index_stamp: changes whenever the index does (what a query finds is then found again).
    """

    def __init__(
        self,
        screen: Screen,
        state: RememberedState,
        open_service: Callable[[], SearchService],
        search_view: SearchView,
        show_search: Callable[[], object],
        index_stamp: Callable[[], object],
    ) -> None:
        self._screen = screen
        self._state = state
        self._open_service = open_service
        self._search_view = search_view
        self._show_search = show_search
        self._index_stamp = index_stamp
        self._lock = threading.Lock()
        self._found: dict[str, list[str]] = {}
        self._found_stamp: object = None

    def found(self, query: str) -> list[str]:
        """Ids of the articles ``query`` finds (at most ``SEEN_LIMIT``); any thread."""
        stamp = self._index_stamp()
        with self._lock:
            if stamp is not self._found_stamp:
                self._found, self._found_stamp = {}, stamp
            if query in self._found:
                return self._found[query]
        hits = self._open_service().search(query, limit=SEEN_LIMIT).hits
        ids = [hit.id for hit in hits]
        with self._lock:
            self._found[query] = ids
        return ids

    def entries(self) -> list[SavedSearchEntry]:
        """The saved searches with how many of their hits are new (None: the query fails)."""
        entries = []
        for search in self._state.saved_searches:
            try:
                new = search.new_among(self.found(search.query))
            except QueryError:
                new = None
            entries.append(SavedSearchEntry(search.name, search.query, new))
        return entries

    def save(self, query: str, typing: bool = False) -> None:
        """Ask a name for ``query`` and keep it, its current hits counting as seen.

        ``typing``: the box read its last word as still being typed (see the dialog).
        """
        taken = {search.name for search in self._state.saved_searches}

        def named(name: str | None) -> None:
            if not name:
                return

            def kept(ids: list[str]) -> None:
                self._state.save_search(name, query, ids)
                self._screen.notify(
                    f"Saved search {name!r}: F6 or the palette runs it.", markup=False
                )

            in_thread(
                self._screen,
                lambda: self.found(query),
                kept,
                group="saved-search",
                failed=lambda error: self._failed("save", error),
            )

        def ask(loses_words: bool) -> None:
            screen = SaveSearchScreen(query, taken, typing=loses_words)
            self._screen.app.push_screen(screen, named)

        if not typing:
            ask(False)
            return
        # Saved, the query's last word matches only itself: warn when that finds fewer
        # articles than the box did while the word was being typed ('Paki', not 'Aliyev').
        in_thread(
            self._screen,
            lambda: self._finds_fewer_when_finished(query),
            ask,
            group="saved-search",
            failed=lambda error: self._failed("save", error),
        )

    def _finds_fewer_when_finished(self, query: str) -> bool:
        service = self._open_service()
        as_typed = service.search(query, limit=1, last_word_partial=True).total
        return service.search(query, limit=1).total < as_typed

    def choose(self) -> None:
        """List the saved searches, counted; run the one chosen."""

        def listed(entries: list[SavedSearchEntry]) -> None:
            screen = SavedSearchesScreen(entries, self._state.delete_search)
            self._screen.app.push_screen(screen, lambda name: self.run(name) if name else None)

        in_thread(
            self._screen,
            self.entries,
            listed,
            group="saved-search",
            failed=lambda error: self._failed("list", error),
            quit_waits=False,
        )

    def run(self, name: str) -> None:
        """Search the saved query in the search tab; its hits stop being new."""
        search = self._state.saved_search(name)
        if search is None:
            self._screen.notify(f"There is no saved search {name!r}.", markup=False)
            return
        view = self._search_view
        self._show_search()
        if view.filters:
            view.set_filters(NO_FILTERS)
        view.set_query(search.query)

        def seen(ids: list[str]) -> None:
            self._state.mark_seen(name, ids)

        in_thread(
            self._screen,
            lambda: self.found(search.query),
            seen,
            group="saved-search",
            failed=lambda error: self._failed("run", error),
        )

    def _failed(self, what: str, error: Exception) -> None:
        self._screen.notify(
            f"Cannot {what} saved searches: {error}", severity="error", markup=False
        )
