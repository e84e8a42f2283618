"""Workspace: the tab bar holding the search view and one reading tab per open article.

Opening an article that is already open focuses its tab instead of adding another. A
starred article's tab title starts with a star. The workspace keeps where each article
closed since ``take_scroll_positions`` was last called was scrolled to, so that closing a
tab never loses the place it was read to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import TabbedContent, TabPane

from search.models.articles import Article, ArticleCopies, EntitySpan
from tui.literal import content

if TYPE_CHECKING:
    from tui.widgets.reading.pane import ReadingPane

SEARCH_TAB = "search-tab"
TAB_TITLE_WIDTH = 24
STAR = "★ "


class Workspace(TabbedContent):
    """Tabs: "Search" first, then the open articles in the order they were opened."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pane_ids: dict[str, str] = {}
        self._titles: dict[str, Content] = {}
        self._starred: frozenset[str] = frozenset()
        self._closed_scrolls: dict[str, float] = {}
        self._serial = 0

    @property
    def open_ids(self) -> list[str]:
        """Ids of the open articles, in tab order."""
        return list(self._pane_ids)

    def is_open(self, article_id: str) -> bool:
        return article_id in self._pane_ids

    def pane_id(self, article_id: str) -> str | None:
        return self._pane_ids.get(article_id)

    def reader(self, article_id: str) -> ReadingPane | None:
        """The reading pane of an open article (None if it is not open)."""
        from tui.widgets.reading.pane import ReadingPane

        pane_id = self._pane_ids.get(article_id)
        if pane_id is None:
            return None
        return self.get_pane(pane_id).query_one(ReadingPane)

    async def open_article(
        self,
        article: Article,
        terms: tuple[str, ...] = (),
        *,
        path_label: str | None = None,
        entities: Sequence[EntitySpan] = (),
        copies: ArticleCopies | None = None,
        show: bool = True,
    ) -> None:
        """Show ``article`` in its own tab (focusing the tab if it is already open).

        Args:
            article: the article to read.
            terms: query words to mark as hits.
            path_label: the file path as shown in the pane.
            entities: the article's entity mentions.
            copies: where else its text is (copies and versions).
            show: whether to bring the tab to the front (False: add it behind).
        """
        from tui.widgets.reading.pane import ReadingPane

        if article.id not in self._pane_ids:
            self._serial += 1
            pane_id = f"article-{self._serial}"
            title = content(article.title or "(untitled)", one_line=True)
            pane = TabPane(
                self._tab_label(title, article.id in self._starred),
                ReadingPane(
                    article, terms, path_label=path_label, entities=entities, copies=copies
                ),
                id=pane_id,
            )
            await self.add_pane(pane)
            self._pane_ids[article.id] = pane_id
            self._titles[article.id] = title
        if show:
            self.focus_article(article.id)

    def show_starred(self, starred: frozenset[str]) -> None:
        """Start the tab titles of these articles with a star (now, and when they open)."""
        changed = starred ^ self._starred
        self._starred = starred
        for article_id in changed & self._pane_ids.keys():
            label = self._tab_label(self._titles[article_id], article_id in starred)
            self.get_tab(self._pane_ids[article_id]).label = label

    @staticmethod
    def _tab_label(title: Content, starred: bool) -> Content:
        if starred:
            title = Content(STAR).append(title.truncate(TAB_TITLE_WIDTH - len(STAR), ellipsis=True))
        return title.truncate(TAB_TITLE_WIDTH, ellipsis=True)

    def take_scroll_positions(self) -> dict[str, float]:
        """Where each open article is scrolled to, and each article closed since last asked."""
        positions = self._closed_scrolls
        self._closed_scrolls = {}
        for article_id in self._pane_ids:
            reader = self.reader(article_id)
            if reader is not None:
                positions[article_id] = reader.scroll_position
        return positions

    def focus_article(self, article_id: str) -> None:
        """Make the article's tab current and put the keyboard in its text."""
        from tui.widgets.reading.pane import ReadingPane

        pane_id = self._pane_ids[article_id]
        self.active = pane_id
        self.get_pane(pane_id).query_one(ReadingPane).focus_body()

    async def close_article(self, article_id: str) -> None:
        """Close the article's tab and show its neighbour: the next tab, else the one before."""
        order = [SEARCH_TAB, *self._pane_ids.values()]
        reader = self.reader(article_id)
        if reader is not None:
            self._closed_scrolls[article_id] = reader.scroll_position
        pane_id = self._pane_ids.pop(article_id, None)
        self._titles.pop(article_id, None)
        if pane_id is None:
            return
        at = order.index(pane_id)
        neighbour = order[at + 1] if at + 1 < len(order) else order[at - 1]
        await self.remove_pane(pane_id)
        self.show_tab(neighbour)

    def show_tab(self, pane_id: str) -> None:
        """Make ``pane_id`` current and focus what the user works in there."""
        from tui.widgets.reading.pane import ReadingPane

        self.active = pane_id
        pane = self.get_pane(pane_id)
        readers = pane.query(ReadingPane)
        if readers:
            readers.first().focus_body()
        else:
            from tui.widgets.search.view import SearchView

            pane.query_one(SearchView).focus_input()

    def cycle(self, step: int) -> None:
        """Move to the next (``step`` 1) or previous (-1) tab, wrapping around."""
        order = [SEARCH_TAB, *self._pane_ids.values()]
        current = self.active if self.active in order else SEARCH_TAB
        self.show_tab(order[(order.index(current) + step) % len(order)])

    def current_article_id(self) -> str | None:
        """The article in the current tab, or None on the search tab."""
        for article_id, pane_id in self._pane_ids.items():
            if pane_id == self.active:
                return article_id
        return None
