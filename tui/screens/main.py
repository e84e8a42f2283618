"""MainScreen: search view and reading tabs, and the background work that feeds them.

The screen routes: each message or key goes in a line to the screen's own search and
article work, to its :class:`~tui.controllers.entities.EntityController` or to its
:class:`~tui.controllers.notes.NoteController`. Background work is thin, as in Textual's
dictionary example: a call on the app's search service in a thread whose plain records
come back to a function on the UI thread (see :mod:`tui.background`). Getting the index
ready is one exclusive thread worker, with a cancel event and progress messages, that
walks the phases of :mod:`tui.controllers.startup`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, TabPane
from textual.worker import get_current_worker

from search.models import (
    NO_FILTERS,
    Hit,
    IndexBusyError,
    IndexUnwritable,
    QueryError,
    SearchFilters,
    SearchResults,
)
from search.models.articles import ArticleSummary
from search.models.indexing import IndexProgress, IndexReport
from tui.background import in_thread
from tui.controllers.articles import FoundArticle, fetch_article, path_label
from tui.controllers.entities import EntityController
from tui.controllers.explore import ExploreController
from tui.controllers.notes import NoteController
from tui.controllers.reading_marks import ReadingMarks
from tui.controllers.searches import SavedSearchController
from tui.controllers.session import SessionKeeper
from tui.controllers.startup import DRAW_WAIT_SECONDS, Phase, Startup
from tui.skipped_notice import skipped_notice
from tui.widgets.index_status import IndexStatus
from tui.widgets.search.facets import FacetPanel
from tui.widgets.search.results_list import ResultsList
from tui.widgets.search.view import SearchView
from tui.widgets.workspace import SEARCH_TAB, Workspace

if TYPE_CHECKING:
    from tui.note_status import Resolution
    from tui.widgets.entities.panel import EntityPanel
    from tui.widgets.reading.pane import ReadingPane

# Enough hits for a few screens; snippets cost time per hit, and a keystroke should not.
SEARCH_LIMIT = 30

WhenOpen = Callable[["ReadingPane"], object]


class MainScreen(Screen):
    """Search the corpus, open articles in tabs, read them."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", tooltip="Type a query"),
        # Priority: the search box would take them for scrolling sideways.
        Binding("ctrl+pagedown", "cycle_tab(1)", "Next tab", show=False, priority=True),
        Binding("ctrl+pageup", "cycle_tab(-1)", "Prev tab", show=False, priority=True),
        Binding("right_square_bracket", "cycle_tab(1)", "Next tab"),
        Binding("left_square_bracket", "cycle_tab(-1)", "Prev tab", show=False),
        Binding("f5", "reindex", "Re-index", tooltip="Update the index now (after corrections)"),
        Binding("f6", "saved_searches", "Saved searches", show=False,
                tooltip="Run a saved search; each says how many articles are new"),
        Binding("f7", "cycle_list_filter", "Unread/starred", show=False,
                tooltip="List only the unread articles, then only the starred, then all"),
        Binding("ctrl+n", "notes", "Notes", show=False, tooltip="The current briefing's notes"),
        Binding("ctrl+o", "export_briefing", "Export briefing", show=False,
                tooltip="Write the current briefing as Markdown"),
        Binding("T", "timeline", "Timeline", show=False,
                tooltip="The dated sentences of the results (or of the open article)"),
    ]  # fmt: skip

    @dataclass
    class Remembered(Message):
        """The articles the index held when last updated, to list before it is open."""

        articles: list[ArticleSummary]

    @dataclass
    class IndexProgressed(Message):
        """The index update has read ``progress.done`` of ``progress.total`` files."""

        progress: IndexProgress

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.IndexProgressed)

    @dataclass
    class IndexReady(Message):
        """The index is usable; ``articles`` lists every article, ``report`` what changed."""

        articles: list[ArticleSummary]
        report: IndexReport | None = None

    @dataclass
    class IndexFailed(Message):
        """The index could not be opened or updated; ``reason`` is one line for the user."""

        reason: str

    def __init__(self) -> None:
        super().__init__()
        self.search_view = SearchView()
        self.workspace = Workspace(id="workspace")
        self.startup = Startup()
        # How many files the running update's commits hold (0: none yet, or no update).
        self._indexed = 0
        self._terms: tuple[str, ...] = ()
        # What to do with an article's reading pane once it has opened: article id -> call.
        self._when_open: dict[str, WhenOpen] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield IndexStatus()
        with self.workspace, TabPane("Search", id=SEARCH_TAB):
            yield self.search_view
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        self.entities = EntityController(
            self, app.open_service, self.search_view, self.workspace, self.open_article
        )
        self.notes = NoteController(
            self, app.briefing_desk, app.corpus, lambda: app.resolution, self.open_article
        )
        self.explore = ExploreController(
            self, app.open_service, self.open_article, self.notes.write_note
        )
        self.saved_searches = SavedSearchController(
            self,
            app.remembered,
            app.open_service,
            self.search_view,
            self.action_focus_search,
            lambda: app.articles,
        )
        self.search_view.remember_in(app.remembered)
        self.search_view.focus_input()
        self.marks = ReadingMarks(
            self, app.remembered, self.search_view.results_list, self.workspace
        )
        self.marks.start()
        self.session = SessionKeeper(
            self, app.remembered, self.search_view, self.workspace, app.open_service, app.corpus
        )
        self.session.start()
        app.call_before_exit(self.session.leaving)
        self.watch(app, "reading_width", self._set_reading_width, init=False)
        remembered = app.last_articles.get(timeout=0)
        if remembered is not None:
            self._show_remembered(remembered)
        self.call_after_refresh(self.startup.screen_drawn.set)
        self.prepare_index()
        self.call_after_refresh(self.entities.check_corrections)
        self.watch(app, "resolution", self._show_resolution, init=False)

    def _set_reading_width(self, width: int) -> None:
        for article_id in self.workspace.open_ids:
            if (pane := self.workspace.reader(article_id)) is not None:
                pane.body.measure = width

    def _show_resolution(self, resolution: Resolution) -> None:
        """Hand the briefing's new resolution down to every open reading pane."""
        for article_id in self.workspace.open_ids:
            pane = self.workspace.reader(article_id)
            if pane is not None:
                pane.show_resolution(resolution)

    # Index: list what it held, open it, update if stale, list the articles.

    @work(thread=True, exclusive=True, group="index")
    def prepare_index(self) -> None:
        worker = get_current_worker()
        startup = self.startup
        if not startup.listed:
            self._list_before_opening()
        startup.wait_for_draw()
        # While the list is on screen and the folder is checked for changes, what the
        # first search needs is loaded beside: the first key is then answered at once.
        self.warm_search()
        run = startup.begin()
        report = None
        try:
            service = self.app.open_service()
            if service.needs_update() and startup.move_to(Phase.UPDATING, run):
                # The up-to-date list waits for the update; the current briefing need not.
                self.app.call_from_thread(self.app.listing_started)
                report = service.update(
                    progress=lambda p: self.post_message(self.IndexProgressed(p)),
                    cancel=worker.cancelled_event,
                )
            articles = service.articles()
        except IndexBusyError:
            # Another briefing is writing the index: read what is there.
            self.app.call_from_thread(
                self.notify,
                "Another briefing is updating this index.",
                severity="warning",
                markup=False,
            )
            articles = self._articles_or_failure(run)
        except IndexUnwritable as error:
            # A read-only cache or a full disk: an intact index is searched as it stands.
            if not error.usable:
                self._failed(run, f"{error}")
                return
            self.app.call_from_thread(self.notify, f"{error}", severity="warning", markup=False)
            articles = self._articles_or_failure(run)
        except Exception as error:  # noqa: BLE001 - any failure becomes a message, not a traceback
            self._failed(run, f"{error}")
            return
        if articles is None or worker.is_cancelled or not startup.move_to(Phase.READY, run):
            return
        self.post_message(self.IndexReady(articles, report))
        with contextlib.suppress(Exception):  # warming up is only ever a head start
            service.warm_up()

    @work(thread=True, exclusive=True, group="warm")
    def warm_search(self) -> None:
        with contextlib.suppress(Exception):  # warming up is only ever a head start
            self.app.open_service().warm_up()

    def _articles_or_failure(self, run: int) -> list[ArticleSummary] | None:
        try:
            return self.app.service.articles()
        except Exception as error:  # noqa: BLE001
            self._failed(run, f"{error}")
            return None

    def _failed(self, run: int, reason: str) -> None:
        if self.startup.move_to(Phase.FAILED, run):
            self.post_message(self.IndexFailed(reason))

    def _list_before_opening(self) -> None:
        """In the indexing worker: list the remembered articles if they are read in time."""
        articles = self.app.last_articles.get(timeout=DRAW_WAIT_SECONDS)
        if articles:
            self.startup.listed = True
            self.post_message(self.Remembered(articles))

    def on_main_screen_remembered(self, message: Remembered) -> None:
        self._show_remembered(message.articles)

    def _show_remembered(self, articles: list[ArticleSummary]) -> None:
        self.startup.listed = True
        if articles:
            self.app.articles = articles
            self.search_view.show_articles(articles)
            self.call_after_refresh(self.app.listing_started)
        self.call_after_refresh(self.startup.list_drawn.set)

    def on_main_screen_index_progressed(self, message: IndexProgressed) -> None:
        progress = message.progress
        self.query_one(IndexStatus).show_progress(progress)
        if progress.indexed > self._indexed:
            # The update committed more files: list and search them, the cursor and the
            # query left as they are.
            self._indexed = progress.indexed
            self.search_view.facets.show_filling((progress.indexed, progress.total))
            in_thread(
                self,
                self.app.service.articles,
                self._show_indexed,
                group="indexed",
                quit_waits=False,
            )

    def _show_indexed(self, articles: list[ArticleSummary]) -> None:
        if self.startup.phase is Phase.UPDATING:
            self.app.articles = articles
            self.search_view.set_articles(articles)

    def on_main_screen_index_ready(self, message: IndexReady) -> None:
        self._indexed = 0
        self.search_view.facets.show_filling(None)
        self.query_one(IndexStatus).show_done()
        self.app.articles = message.articles
        self.entities.index_updated()
        self.app.briefing_desk.index_updated()
        self.search_view.set_articles(message.articles)
        self.session.index_ready()
        self.call_after_refresh(self.app.listing_started)
        report = message.report
        if report is not None and report.skipped:
            self.notify(skipped_notice(report.skipped, self.app.corpus), markup=False)
        if report is not None and report.entity_warning:
            self.notify(
                report.entity_warning[0].upper() + report.entity_warning[1:] + ".",
                title="Entities missing",
                severity="warning",
                timeout=15,
                markup=False,
            )

    def on_main_screen_index_failed(self, message: IndexFailed) -> None:
        self.query_one(IndexStatus).show_failure(message.reason)
        self.app.listing_started()

    # Search as you type.

    def on_search_view_search(self, message: SearchView.Search) -> None:
        self.run_search(message.query, message.filters, message.partial)

    def on_search_view_save_requested(self, message: SearchView.SaveRequested) -> None:
        self.saved_searches.save(message.query, message.typing)

    def run_search(
        self, query: str, filters: SearchFilters = NO_FILTERS, partial: bool = False
    ) -> None:
        """Search in a thread; the answer (or why there is none) shows under the box.

        ``partial``: the last word is still being typed (it also matches longer words).
        """

        def call() -> SearchResults:
            service = self.app.service
            return service.search(
                query, filters=filters, limit=SEARCH_LIMIT, last_word_partial=partial
            )

        def done(results: SearchResults) -> None:
            if self.search_view.show_results(query, results, partial):
                self._terms = results.terms
                self.session.query_answered(query)

        def failed(error: Exception) -> None:
            # A query never crashes the app: its error shows inline under the box.
            reason = (
                str(error) if isinstance(error, QueryError) else f"{type(error).__name__}: {error}"
            )
            self.search_view.show_error(query, reason, filters)

        # A search only reads: quitting does not wait for one still running.
        in_thread(self, call, done, group="search", failed=failed, quit_waits=False)

    # Opening and closing articles.

    def open_article(self, article_id: str, when_open: WhenOpen | None = None) -> None:
        """Open (or show) an article in its own tab, then call ``when_open`` with its pane."""
        pane = self.workspace.reader(article_id)
        if pane is not None:
            self.workspace.focus_article(article_id)
            if when_open is not None:
                when_open(pane)
            return
        if when_open is not None:
            self._when_open[article_id] = when_open
        terms = self._terms if self.search_view.query else ()

        def call() -> FoundArticle:
            return fetch_article(self.app.service, article_id)

        async def done(found: FoundArticle) -> None:
            article, entities, copies = found
            if article is None:
                self._when_open.pop(article_id, None)
                self.notify("That article is no longer in the index.", markup=False)
                return
            label = path_label(self.app.corpus, article)
            await self.workspace.open_article(
                article, terms, path_label=label, entities=entities, copies=copies
            )

        def failed(error: Exception) -> None:
            self._when_open.pop(article_id, None)
            self.notify(f"Cannot open article: {error}", severity="error", markup=False)

        in_thread(
            self, call, done, group="article", exclusive=False, failed=failed, quit_waits=False
        )

    def on_reading_pane_opened(self, message: ReadingPane.Opened) -> None:
        pane = message.pane
        pane.show_resolution(self.app.resolution)
        pane.body.measure = self.app.reading_width
        when_open = self._when_open.pop(pane.article.id, None)
        self.session.opened(pane, back_to_place=when_open is None)
        self.marks.opened(pane.article.id)
        if when_open is not None:
            when_open(pane)

    def on_results_list_chosen(self, message: ResultsList.Chosen) -> None:
        self.open_article(message.key)

    @on(Workspace.TabActivated)
    def _focus_tab_content(self, event: Workspace.TabActivated) -> None:
        self.session.tab_activated()
        # A tab clicked with the mouse: put the keyboard in what it shows.
        focused = self.focused
        if focused is None or event.pane not in focused.ancestors_with_self:
            self.workspace.show_tab(event.pane.id or SEARCH_TAB)

    async def on_reading_pane_close_requested(self, message: ReadingPane.CloseRequested) -> None:
        await self.workspace.close_article(message.article_id)

    def on_reading_pane_star_requested(self, message: ReadingPane.StarRequested) -> None:
        self.marks.toggle_star(message.article_id)

    def on_results_list_star_requested(self, message: ResultsList.StarRequested) -> None:
        self.marks.toggle_star(message.key)

    def on_reading_pane_back_requested(self) -> None:
        self.workspace.show_tab(SEARCH_TAB)

    # Related articles.

    def on_reading_pane_related_requested(self, message: ReadingPane.RelatedRequested) -> None:
        article_id, title = message.article_id, message.title

        def done(hits: list[Hit]) -> None:
            from tui.screens.related import RelatedScreen

            def chosen(chosen_id: str | None) -> None:
                if chosen_id:
                    self.open_article(chosen_id)

            self.app.push_screen(RelatedScreen(title, hits), chosen)

        def failed(error: Exception) -> None:
            self.notify(f"Cannot find related articles: {error}", markup=False)

        call = lambda: list(self.app.service.related(article_id))  # noqa: E731
        in_thread(self, call, done, group="related", failed=failed, quit_waits=False)

    def on_reading_pane_versions_requested(self, message: ReadingPane.VersionsRequested) -> None:
        from tui.screens.related import RelatedScreen, as_hit

        def chosen(chosen_id: str | None) -> None:
            if chosen_id:
                self.open_article(chosen_id)

        hits = [as_hit(version) for version in message.versions]
        screen = RelatedScreen(message.title, hits, heading="Other versions", lead="Versions of: ")
        self.app.push_screen(screen, chosen)

    # Notes: from reading panes into the current briefing.

    def on_reading_pane_note_requested(self, message: ReadingPane.NoteRequested) -> None:
        self.notes.write_note(message.article, message.quote)

    def on_reading_pane_note_chosen(self, message: ReadingPane.NoteChosen) -> None:
        self.notes.show_note(message.note)

    # Entities and facets.

    def on_facet_panel_wanted(self, message: FacetPanel.Wanted) -> None:
        self.entities.count_facets(message.query, message.filters, message.partial)

    def on_entity_panel_chosen(self, message: EntityPanel.Chosen) -> None:
        if message.action == "context":
            self.entities.list_mentions(message.canonical, message.entity_type)
        elif message.action == "statements":
            self.explore.statements(message.canonical)
        elif message.action == "page":
            self.explore.entity_page(message.canonical, message.entity_type)
        else:
            self.entities.narrow_to(message.canonical, message.entity_type)

    def on_entity_panel_mark_requested(self, message: EntityPanel.MarkRequested) -> None:
        self.entities.ask_type(message.text)

    def on_entity_panel_ignore_requested(self, message: EntityPanel.IgnoreRequested) -> None:
        self.entities.write_correction("ignore", message.name, None)

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

    def action_saved_searches(self) -> None:
        self.saved_searches.choose()

    def action_cycle_list_filter(self) -> None:
        self.marks.cycle_filter()

    def action_reindex(self) -> None:
        self.notify("Updating the index…", markup=False, timeout=3)
        self.prepare_index()

    def action_timeline(self) -> None:
        article_id = self.workspace.current_article_id()
        pane = self.workspace.reader(article_id) if article_id is not None else None
        if pane is not None:
            title = f"“{pane.article.title or '(untitled)'}”"
            self.explore.timeline(title, article_id=pane.article.id)
            return
        view = self.search_view
        query, filters = view.query, view.filters
        subject = f"“{query}”" if query else "every article"
        if filters != NO_FILTERS:
            subject += " (filtered)"
        self.explore.timeline(subject, query or None, filters)

    def action_notes(self) -> None:
        self.notes.list_notes()

    def action_export_briefing(self) -> None:
        self.notes.export()
