"""Exploring for the main screen: timelines, statements and entity pages.

Each view's data comes from the search service in a thread (see :mod:`tui.background`);
the view shown opens an article at a passage with the reading cursor on it, and quotes a
passage the way the reading pane's ``s`` does: a new note on it in the current briefing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from search.models import NO_FILTERS, SearchFilters, entity_query
from tui.background import in_thread
from tui.controllers import ArticleOpener
from tui.passage import Passage

if TYPE_CHECKING:
    from textual.screen import Screen

    from briefings.models import Quote
    from search.models.articles import Article
    from search.models.explore import EntityProfile
    from search.service import SearchService
    from tui.screens.passage_list import PassageView

# Writes a new note on an article (on a quote, or the whole article when None).
NoteWriter = Callable[["Article", "Quote | None"], None]


class ExploreController:
    """What the main screen does to explore: the three views, and their passages.

    Args:
        screen: owns the work; shows notices and the views.
        service: the search service (called in worker threads).
        open_article: opens (or shows) an article, then calls its second argument with
            the article's reading pane.
        write_note: opens the note editor on an article's quote.
    """

    def __init__(
        self,
        screen: Screen,
        service: Callable[[], SearchService],
        open_article: ArticleOpener,
        write_note: NoteWriter,
    ) -> None:
        self._screen = screen
        self._service = service
        self._open_article = open_article
        self._write_note = write_note

    @property
    def _width(self) -> int:
        # The views are 95% of the screen, less a border, the list's padding and a scrollbar.
        return self._screen.app.size.width * 95 // 100 - 6

    def timeline(
        self,
        subject: str,
        query: str | None = None,
        filters: SearchFilters = NO_FILTERS,
        article_id: str | None = None,
    ) -> None:
        """The timeline of ``query``'s results narrowed by ``filters``, or of one article."""

        width = self._width

        def call() -> PassageView | None:
            from tui.screens.timeline import timeline_view

            events = self._service().timeline(query, filters=filters, article_id=article_id)
            # The rows are made here too: thousands of them would hold up the screen.
            return timeline_view(subject, events, width) if events else None

        def done(view: PassageView | None) -> None:
            from tui.screens.timeline import TimelineScreen

            if view is None:
                self._screen.notify(f"No dated sentences in {subject}.", markup=False)
                return
            self._screen.app.push_screen(TimelineScreen(view, self.open_at, self.quote))

        self._run(call, done, "explore", "Cannot show the timeline")

    def entity_timeline(self, canonical: str, entity_type: str) -> None:
        """The timeline of the articles that name the entity."""
        self.timeline(f"articles naming {canonical}", entity_query(canonical, entity_type))

    def statements(self, canonical: str) -> None:
        """What the entity said, each statement ready to open or quote."""

        width = self._width

        def call() -> PassageView:
            from tui.screens.statements import statements_view

            return statements_view(canonical, self._service().statements(canonical), width)

        def done(view: PassageView) -> None:
            from tui.screens.statements import StatementsScreen

            self._screen.app.push_screen(StatementsScreen(view, self.open_at, self.quote))

        self._run(call, done, "explore", "Cannot list the statements")

    def entity_page(self, canonical: str, entity_type: str) -> None:
        """The entity's page: names, articles, months, companions with their evidence."""

        width = self._width

        def call() -> tuple[PassageView, EntityProfile] | None:
            from tui.screens.entity_page import entity_view

            profile = self._service().entity(canonical)
            return None if profile is None else (entity_view(profile, width), profile)

        def done(found: tuple[PassageView, EntityProfile] | None) -> None:
            from tui.screens.entity_page import EntityPageScreen

            if found is None:
                self._screen.notify(f"{canonical} is not in the index.", markup=False)
                return
            view, profile = found
            screen = EntityPageScreen(
                view,
                profile,
                self.open_at,
                self.quote,
                lambda: self.statements(profile.name),
                lambda: self.entity_timeline(profile.name, profile.type or entity_type),
            )
            self._screen.app.push_screen(screen)

        self._run(call, done, "explore", "Cannot show the entity")

    def open_at(self, passage: Passage) -> None:
        """Open the passage's article with the reading cursor on it, in mid-view."""
        from tui.screens.passage_list import PassageListScreen

        # A timeline opened from an entity page: the page closes too, to show the article.
        app = self._screen.app
        while isinstance(app.screen, PassageListScreen):
            app.pop_screen()
        if passage.in_title:
            self._open_article(passage.article_id, None)
            return
        start, end = passage.start, passage.end
        self._open_article(passage.article_id, lambda pane: pane.show_span(start, end))

    def quote(self, passage: Passage) -> None:
        """A new note in the current briefing on the passage (the whole article for a title)."""

        def call() -> Article | None:
            return self._service().article(passage.article_id)

        def done(article: Article | None) -> None:
            from briefings.anchoring import quote_article

            if article is None:
                self._screen.notify("That article is no longer in the index.", markup=False)
                return
            quote = None if passage.in_title else quote_article(article, passage.start, passage.end)
            self._write_note(article, quote)

        self._run(call, done, "explore-quote", "Cannot quote it")

    def _run(self, call: Callable, done: Callable, group: str, failing: str) -> None:
        def failed(error: Exception) -> None:
            self._screen.notify(f"{failing}: {error}", severity="error", markup=False)

        in_thread(self._screen, call, done, group=group, failed=failed, quit_waits=False)
