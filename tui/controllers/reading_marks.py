"""Read and starred articles, per corpus: marked in the article list, starred with ``*``.

An article is read once it is opened. The list shows a dot before an unread article and
a star before a starred one, and F7 narrows it to the unread, then the starred, then all
again; a starred article's tab title starts with a star too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.widgets.search.results_list import LIST_FILTERS

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.state import RememberedState
    from tui.widgets.search.results_list import ResultsList
    from tui.widgets.workspace import Workspace


class ReadingMarks:
    """What the main screen does with read and starred articles.

    Args:
        screen: shows what a key did.
        state: where read and starred articles are kept.
        results_list: the article list that shows the marks.
        workspace: the tabs, whose titles show stars.
    """

    def __init__(
        self,
        screen: Screen,
        state: RememberedState,
        results_list: ResultsList,
        workspace: Workspace,
    ) -> None:
        self._screen = screen
        self._state = state
        self._list = results_list
        self._workspace = workspace

    def start(self) -> None:
        """Mark the list's rows from what was read and starred before."""
        self._show()

    def opened(self, article_id: str) -> None:
        """An article was opened: it is read now."""
        if article_id not in self._state.read:
            self._state.mark_read(article_id)
            self._show()

    def toggle_star(self, article_id: str) -> None:
        """Star the article, or unstar it."""
        starred = article_id not in self._state.starred
        self._state.set_starred(article_id, starred)
        self._show()
        said = "Starred (F7 lists the starred)." if starred else "No longer starred."
        self._screen.notify(said, markup=False, timeout=3)

    def cycle_filter(self) -> None:
        """Show only the unread articles, then only the starred, then all again."""
        now = LIST_FILTERS.index(self._list.list_filter)
        shown = LIST_FILTERS[(now + 1) % len(LIST_FILTERS)]
        after = LIST_FILTERS[(now + 2) % len(LIST_FILTERS)]
        self._list.set_filter(shown, hint=f"F7: {after}")

    def _show(self) -> None:
        self._list.set_marks(self._state.read, self._state.starred)
        self._workspace.show_starred(self._state.starred)
