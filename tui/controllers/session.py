"""The main screen as it was left: the query, the open tabs and where each article was read to.

At start the query goes back in the box (it runs once the index is open, as if typed) and,
once the index is open, the tabs are opened again in their order with the same one in
front; an article no longer in the index is left out without a word. Each article opened
again, from a tab put back or from the list, scrolls to where it was left.

What is kept is written at moments that matter, not on every scroll: when a tab is opened,
closed or changed to (with where each article is scrolled to), a little after a query is
answered, and when the screen goes away as the app quits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.background import in_thread
from tui.controllers.articles import FoundArticle, fetch_article, path_label
from tui.widgets.workspace import SEARCH_TAB

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from search.service import SearchService
    from tui.state import RememberedState
    from tui.widgets.reading.pane import ReadingPane
    from tui.widgets.search.view import SearchView
    from tui.widgets.workspace import Workspace

# A query is kept once answers stop coming for this long (typing answers every few keys).
QUERY_SAVE_DELAY = 1.0


class SessionKeeper:
    """Puts the main screen back as it was left, and keeps it for next time.

    Args:
        screen: owns the work and the timers; shows the state file's notice.
        state: what is remembered.
        search_view: the query box.
        workspace: the tabs.
        service: the search service (called in a worker thread).
        corpus: the corpus folder, to name an article's file.
    """

    def __init__(
        self,
        screen: Screen,
        state: RememberedState,
        search_view: SearchView,
        workspace: Workspace,
        service: Callable[[], SearchService],
        corpus: Path,
    ) -> None:
        self._screen = screen
        self._state = state
        self._search_view = search_view
        self._workspace = workspace
        self._service = service
        self._corpus = corpus
        self._tabs_restored = False
        # Until the tabs are back, the tabs on screen are not the ones to keep.
        self._restoring = True
        self._query_timer: Timer | None = None

    def start(self) -> None:
        """Put the last query back in the box, and say if the state file was ignored."""
        if notice := self._state.notice:
            self._screen.notify(
                notice,
                title="Starting afresh",
                severity="warning",
                timeout=15,
                markup=False,
            )
        if query := self._state.query:
            # As it was typed: a last word left half typed finds what it found then.
            self._search_view.set_query(query, finished=False)

    def index_ready(self) -> None:
        """Open the tabs that were open (the first time the index is ready only)."""
        if self._tabs_restored:
            return
        self._tabs_restored = True
        wanted = self._state.tabs
        if not wanted:
            self._restoring = False
            return

        def call() -> list[FoundArticle]:
            service = self._service()
            found = (fetch_article(service, article_id) for article_id in wanted)
            return [each for each in found if each.article is not None]

        def failed(error: Exception) -> None:
            self._restoring = False

        in_thread(
            self._screen, call, self._reopen, group="restore", failed=failed, quit_waits=False
        )

    async def _reopen(self, found: list[FoundArticle]) -> None:
        workspace = self._workspace
        try:
            for article, entities, copies in found:
                label = path_label(self._corpus, article)
                await workspace.open_article(
                    article, path_label=label, entities=entities, copies=copies, show=False
                )
            active = self._state.active_tab
            if active is not None and workspace.is_open(active):
                workspace.focus_article(active)
            else:
                workspace.show_tab(SEARCH_TAB)
        finally:
            self._restoring = False
        # Articles no longer in the index drop out of what is kept.
        self.keep_tabs()

    def opened(self, pane: ReadingPane, *, back_to_place: bool) -> None:
        """An article's pane has opened: scroll it to where it was left, if asked to."""
        if back_to_place and (position := self._state.scroll(pane.article.id)):
            pane.scroll_back_to(position)

    def tab_activated(self) -> None:
        """A tab was opened, closed or changed to."""
        if not self._restoring:
            self.keep_tabs()

    def keep_tabs(self) -> None:
        """Keep the open tabs, the one in front, and where each article is scrolled to."""
        workspace = self._workspace
        self._state.set_tabs(
            workspace.open_ids, workspace.current_article_id(), workspace.take_scroll_positions()
        )

    def query_answered(self, query: str) -> None:
        """Keep ``query`` as the last one, once answers have stopped coming for a moment."""
        if self._query_timer is not None:
            self._query_timer.stop()
        self._query_timer = self._screen.set_timer(QUERY_SAVE_DELAY, lambda: self._keep(query))

    def _keep(self, query: str) -> None:
        if query != self._state.query:
            self._state.set_query(query)

    def leaving(self) -> None:
        """The app is quitting: keep the query in the box and the tabs as they are."""
        if self._query_timer is not None:
            self._query_timer.stop()
        self._keep(self._search_view.query)
        if not self._restoring:
            self.keep_tabs()
