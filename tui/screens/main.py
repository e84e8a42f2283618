"""MainScreen: search view and reading tabs, and the background work that feeds them.

Workers are thin, as in Textual's dictionary example: each calls the app's search service
in a thread and posts a message with plain records; handlers on the UI thread update the
widgets. Indexing is one exclusive worker with a cancel event and progress messages.

At start the screen lists the articles the index last held (see :mod:`tui.remembered`);
the indexing worker waits until that list is on screen, and only then opens, checks and
if need be updates the index (importing Whoosh would compete with drawing it); searching
starts once the index is open.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, TabPane
from textual.worker import get_current_worker

from search.models import NO_FILTERS, ArticleSummary, IndexBusyError, QueryError, SearchFilters
from tui.messages import (
    ArticleLoaded,
    IndexFailed,
    IndexProgressed,
    IndexReady,
    OpenArticle,
    RelatedFound,
    SearchAnswered,
    SearchFailed,
)
from tui.screens.briefing_actions import BriefingActionsMixin
from tui.screens.entity_actions import EntityActions
from tui.widgets.index_status import IndexStatus
from tui.widgets.search.results_list import ResultsList
from tui.widgets.search.view import SearchView
from tui.widgets.workspace import SEARCH_TAB, Workspace

if TYPE_CHECKING:
    from tui.note_status import Resolution
    from tui.widgets.reading.pane import ReadingPane


# Enough hits for a few screens; snippets cost time per hit, and a keystroke should not.
SEARCH_LIMIT = 30
# How long opening the index waits for the first screen to be drawn before going ahead.
DRAW_WAIT_SECONDS = 2.0


@dataclass
class ArticlesRemembered(Message):
    """The articles the index held when last updated, to list before it is open.

    ``drawn`` is set once they are on screen.
    """

    articles: list[ArticleSummary]
    drawn: threading.Event


class MainScreen(BriefingActionsMixin, EntityActions, Screen):
    """Search the corpus, open articles in tabs, read them."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", tooltip="Type a query"),
        Binding("ctrl+pagedown,ctrl+right_square_bracket", "cycle_tab(1)", "Next tab", show=False),
        Binding("ctrl+pageup,ctrl+left_square_bracket", "cycle_tab(-1)", "Prev tab", show=False),
        Binding("right_square_bracket", "cycle_tab(1)", "Next tab"),
        Binding("left_square_bracket", "cycle_tab(-1)", "Prev tab", show=False),
        Binding("f5", "reindex", "Re-index", tooltip="Update the index now (after corrections)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._terms: tuple[str, ...] = ()
        self._first_drawn = threading.Event()
        self._listed_early = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield IndexStatus()
        with Workspace(id="workspace"), TabPane("Search", id=SEARCH_TAB):
            yield SearchView()
        yield Footer()

    @property
    def search_view(self) -> SearchView:
        return self.query_one(SearchView)

    @property
    def workspace(self) -> Workspace:
        return self.query_one(Workspace)

    def on_mount(self) -> None:
        self.search_view.focus_input()
        remembered = self.app.remembered.get(timeout=0)
        if remembered is not None:
            self._listed_early = True
            self._show_remembered(remembered, self._first_drawn)
        self.call_after_refresh(self._first_drawn.set)
        self.prepare_index()
        self.call_after_refresh(self.check_corrections)
        self.watch(self.app, "resolution", self._show_resolution, init=False)

    def _show_resolution(self, resolution: Resolution) -> None:
        """Hand the briefing's new resolution down to every open reading pane."""
        # Imported here: the reading pane loads only once an article is opened.
        from tui.widgets.reading.pane import ReadingPane

        for pane in self.query(ReadingPane):
            pane.show_resolution(resolution)

    # Index: list what it held, open it, update if stale, list the articles.

    @work(thread=True, exclusive=True, group="index")
    def prepare_index(self) -> None:
        worker = get_current_worker()
        report = None
        try:
            service = self.app.open_service()
            if not self._listed_early:
                self._listed_early = True
                self._list_before_opening()
            else:
                self._first_drawn.wait(DRAW_WAIT_SECONDS)
            if service.needs_update():
                # The up-to-date list waits for the update; the current briefing need not.
                self.app.call_from_thread(self.app.listing_started)
                report = service.update(
                    progress=lambda p: self.post_message(IndexProgressed(p)),
                    cancel=worker.cancelled_event,
                )
        except IndexBusyError:
            # Another briefing is writing the index: read what is there.
            self.app.call_from_thread(
                self.notify,
                "Another briefing is updating this index.",
                severity="warning",
                markup=False,
            )
        except Exception as error:  # noqa: BLE001 - any failure becomes a message, not a traceback
            self.post_message(IndexFailed(f"{error}"))
            return
        if worker.is_cancelled:
            return
        try:
            articles = self.app.service.articles()
        except Exception as error:  # noqa: BLE001
            self.post_message(IndexFailed(f"{error}"))
            return
        self.post_message(IndexReady(articles, report))
        with contextlib.suppress(Exception):  # warming up is only ever a head start
            self.app.service.warm_up()

    def _list_before_opening(self) -> None:
        """Show the remembered articles if read after mounting; wait until they are drawn.

        Runs in the indexing worker.
        """
        articles = self.app.remembered.get(timeout=DRAW_WAIT_SECONDS)
        drawn = self._first_drawn
        if articles:
            drawn = threading.Event()
            self.post_message(ArticlesRemembered(articles, drawn))
        drawn.wait(DRAW_WAIT_SECONDS)

    def on_articles_remembered(self, message: ArticlesRemembered) -> None:
        self._show_remembered(message.articles, message.drawn)

    def _show_remembered(self, articles: list[ArticleSummary], drawn: threading.Event) -> None:
        if articles:
            self.app.articles = articles
            self.search_view.show_articles(articles)
            self.call_after_refresh(self.app.listing_started)
        self.call_after_refresh(drawn.set)

    def on_index_progressed(self, message: IndexProgressed) -> None:
        self.query_one(IndexStatus).show_progress(message.progress)

    def on_index_ready(self, message: IndexReady) -> None:
        self.query_one(IndexStatus).show_done()
        self.app.articles = message.articles
        self.index_updated()
        self.app.other_corpora.forget()  # F5 brings other corpora up to date too
        self.app.resolve_notes()
        self.search_view.set_articles(message.articles)
        self.call_after_refresh(self.app.listing_started)
        report = message.report
        if report is not None and report.skipped:
            self.notify(f"{len(report.skipped)} files skipped (see `briefing index`)", markup=False)
        if report is not None and report.entity_warning:
            self.notify(
                report.entity_warning[0].upper() + report.entity_warning[1:] + ".",
                title="Entities missing",
                severity="warning",
                timeout=15,
                markup=False,
            )

    def on_index_failed(self, message: IndexFailed) -> None:
        self.query_one(IndexStatus).show_failure(message.reason)
        self.app.listing_started()

    # Search as you type.

    def on_search_view_search(self, message: SearchView.Search) -> None:
        self.run_search(message.query, message.filters)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str, filters: SearchFilters = NO_FILTERS) -> None:
        try:
            results = self.app.service.search(query, filters=filters, limit=SEARCH_LIMIT)
        except QueryError as error:
            self.post_message(SearchFailed(query, str(error), filters))
            return
        except Exception as error:  # noqa: BLE001 - a query never crashes the app
            self.post_message(SearchFailed(query, f"{type(error).__name__}: {error}", filters))
            return
        self.post_message(SearchAnswered(query, results))

    def on_search_answered(self, message: SearchAnswered) -> None:
        if self.search_view.show_results(message.query, message.results):
            self._terms = message.results.terms

    def on_search_failed(self, message: SearchFailed) -> None:
        self.search_view.show_error(message.query, message.reason, message.filters)

    # Opening and closing articles.

    def on_results_list_chosen(self, message: ResultsList.Chosen) -> None:
        self.post_message(OpenArticle(message.key))

    async def on_open_article(self, message: OpenArticle) -> None:
        workspace = self.workspace
        if workspace.is_open(message.article_id):
            workspace.focus_article(message.article_id)
        else:
            terms = self._terms if self.search_view.query else ()
            self.load_article(message.article_id, terms)

    @work(thread=True, group="article")
    def load_article(self, article_id: str, terms: tuple[str, ...]) -> None:
        try:
            article = self.app.service.article(article_id)
            entities = tuple(self.app.service.entities(article_id)) if article else ()
        except Exception as error:  # noqa: BLE001
            self.app.call_from_thread(
                self.notify, f"Cannot open article: {error}", severity="error", markup=False
            )
            return
        if article is None:
            self.app.call_from_thread(
                self.notify, "That article is no longer in the index.", markup=False
            )
            return
        self.post_message(ArticleLoaded(article, terms, entities))

    async def on_article_loaded(self, message: ArticleLoaded) -> None:
        article = message.article
        await self.workspace.open_article(
            article,
            message.terms,
            path_label=self._path_label(article.path),
            entities=message.entities,
        )
        self.article_opened(article.id)

    def _path_label(self, path: str) -> str:
        # Shown from the corpus folder's name down: short, and the same on every machine.
        return f"{self.app.corpus.resolve().name}/{path}"

    @on(Workspace.TabActivated)
    def _focus_tab_content(self, event: Workspace.TabActivated) -> None:
        # A tab clicked with the mouse: put the keyboard in what it shows.
        focused = self.focused
        if focused is None or event.pane not in focused.ancestors_with_self:
            self.workspace.show_tab(event.pane.id or SEARCH_TAB)

    async def on_reading_pane_close_requested(self, message: ReadingPane.CloseRequested) -> None:
        await self.workspace.close_article(message.article_id)

    def on_reading_pane_back_requested(self) -> None:
        self.workspace.show_tab(SEARCH_TAB)

    # Related articles.

    def on_reading_pane_related_requested(self, message: ReadingPane.RelatedRequested) -> None:
        self.find_related(message.article_id, message.title)

    @work(thread=True, exclusive=True, group="related")
    def find_related(self, article_id: str, title: str) -> None:
        try:
            hits = self.app.service.related(article_id)
        except Exception as error:  # noqa: BLE001
            self.app.call_from_thread(
                self.notify, f"Cannot find related articles: {error}", markup=False
            )
            return
        self.post_message(RelatedFound(article_id, title, list(hits)))

    def on_related_found(self, message: RelatedFound) -> None:
        from tui.screens.related import RelatedScreen

        def chosen(article_id: str | None) -> None:
            if article_id:
                self.post_message(OpenArticle(article_id))

        self.app.push_screen(RelatedScreen(message.title, message.hits), chosen)

    # Actions.

    def action_focus_search(self) -> None:
        self.workspace.show_tab(SEARCH_TAB)

    def action_cycle_tab(self, step: int) -> None:
        self.workspace.cycle(step)

    def action_close_tab(self) -> None:
        article_id = self.workspace.current_article_id()
        if article_id is not None:
            self.run_worker(self.workspace.close_article(article_id))

    def action_sort(self, key: str) -> None:
        self.search_view.sort(key)
