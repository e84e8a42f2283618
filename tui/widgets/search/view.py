"""SearchView: the query input, a status line and the results list.

Typing is throttled here: a key searches at once unless a search set out less than
``SEARCH_INTERVAL`` ago, in which case the text as it is when that interval ends is
searched (a burst of keys searches every interval and once after its last key). The
view posts :class:`SearchView.Search`; the screen runs the query off the UI thread and
hands back the answer, which the view drops if the input has moved on. An empty query
lists every article, sortable by date, title or source. The list can be shown
(``show_articles``) before the index is open; queries typed meanwhile run once it is
(``set_articles``).
Beside the results, facets (top people, organisations, places, sources) narrow the search:
choosing one adds it to the search's filters (shown under the box; choosing it again,
backspace in an empty box or F4 takes filters off). Filters travel beside the typed
text as :class:`~search.models.SearchFilters`; the view never writes query syntax.

While a word is being typed (the box does not end with a space), its last word also
matches as the start of longer words (``Search.partial``); text the app put in the box
(a query from the history, a saved search) is a finished query. Enter acts on the text in
the box: with its answer on screen it opens the row under the cursor, otherwise it runs
that text at once and opens its best hit when the answer comes. A query is remembered in
the history when it is used that way (Enter, or a hit of it opened); up and down in the
empty box walk that history, newest first.
"""

from __future__ import annotations

from time import monotonic

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input, Static

from search.models import NO_FILTERS, SearchFilters, SearchResults
from search.models.articles import ArticleSummary
from tui.literal import content
from tui.plural import counted
from tui.widgets.focus import focus_now
from tui.widgets.search.facets import FacetPanel
from tui.widgets.search.history import HistoryWalk, QueryMemory
from tui.widgets.search.query_input import QueryInput
from tui.widgets.search.results_list import LazyRows, ResultsList
from tui.widgets.search.rows import DATE_WIDTH, SOURCE_WIDTH, article_key, hit_row, summary_row

# At most one search sets out per interval; keys typed faster wait for the next one.
SEARCH_INTERVAL = 0.12
# Below this width the results need the whole screen: facets are hidden.
FACETS_MIN_WIDTH = 100
SORT_KEYS = ("date", "title", "source")


def _sorted(articles: list[ArticleSummary], key: str) -> list[ArticleSummary]:
    if key == "date":
        # Newest first; undated articles last, in title order.
        dated = sorted((a for a in articles if a.date), key=lambda a: a.date or "", reverse=True)
        undated = sorted((a for a in articles if not a.date), key=lambda a: a.title.casefold())
        return dated + undated
    if key == "source":
        return sorted(
            articles, key=lambda a: ((a.source or "\uffff").casefold(), a.title.casefold())
        )
    return sorted(articles, key=lambda a: a.title.casefold())


class ColumnHeader(Static):
    """Column names over the article list; clicking one sorts by it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sort_key = "date"

    def show(self, sort_key: str) -> None:
        self.sort_key = sort_key

        def name(label: str, key: str, width: int) -> Content:
            text = f"{label} {'▼' if key == sort_key else ' '}"
            style = "bold underline" if key == sort_key else "$text-muted"
            return Content(text).stylize(style).truncate(width, pad=True)

        self.update(
            Content.assemble(
                name("Date", "date", DATE_WIDTH),
                Content("  "),
                name("Source", "source", SOURCE_WIDTH),
                Content("  "),
                name("Title", "title", 12),
            )
        )

    def on_click(self, event: events.Click) -> None:
        if event.x < DATE_WIDTH + 1:
            key = "date"
        elif event.x < DATE_WIDTH + SOURCE_WIDTH + 3:
            key = "source"
        else:
            key = "title"
        self.post_message(SearchView.SortRequested(key))


class SearchView(Vertical):
    """Search as you type over the corpus; Enter on a row opens the article."""

    BINDINGS = [
        Binding("f2", "cycle_sort", "Sort", tooltip="Sort the article list by date, title, source"),
        # Not in the Footer: the status line offers it with its key. Showing and hiding it
        # there as suggestions came and went rebuilt the Footer between keystrokes.
        Binding(
            "ctrl+y",
            "use_suggestion",
            "Did you mean",
            tooltip="Search the suggested query",
            show=False,
        ),
        Binding("f3", "focus_facets", "Facets", tooltip="Narrow by person, organisation, place"),
        Binding("f4", "clear_filters", "Clear filters", tooltip="Search without filters"),
        Binding(
            "ctrl+s",
            "save_search",
            "Save search",
            tooltip="Keep the query under a name (F6 lists saved searches)",
            show=False,
        ),
    ]
    DEFAULT_CSS = """
    SearchView {
        height: 1fr;
        #query { margin: 0 0; }
        #search-status { height: 1; width: 1fr; padding: 0 1; color: $text-muted; }
        #search-status.-error { color: $text-error; text-style: bold; }
        #search-filters { height: auto; padding: 0 1; display: none; }
        #search-filters.-shown { display: block; }
        #columns { height: 1; padding: 0 0; background: $surface; }
        #columns.-hidden { display: none; }
    }
    """

    sort_key: reactive[str] = reactive("date", init=False)

    class Search(Message):
        """Run this query, narrowed by these filters (already debounced); ``partial``: its
        last word is still being typed."""

        def __init__(
            self, query: str, filters: SearchFilters = NO_FILTERS, partial: bool = False
        ) -> None:
            super().__init__()
            self.query = query
            self.filters = filters
            self.partial = partial

    class SaveRequested(Message):
        """Keep ``query`` as a saved search (the user names it); ``typing``: its last word
        was read as still being typed."""

        def __init__(self, query: str, typing: bool = False) -> None:
            super().__init__()
            self.query = query
            self.typing = typing

    class SortRequested(Message):
        """Sort the article list by ``key``."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._articles: list[ArticleSummary] = []
        self._listing: dict[str, list[ArticleSummary]] = {}
        self._listed = False
        self._ready = False
        self._timer: Timer | None = None
        self._last_sent = 0.0
        self._suggestion: str | None = None
        self._shown_query: str | None = None
        self._shown_partial = False
        self._filters = NO_FILTERS
        self._shown_filters = NO_FILTERS
        # What was last sent to search, and what Enter waits for, as (query, partial, filters).
        self._sent: tuple[str, bool, SearchFilters] | None = None
        self._open_when_answered: tuple[str, bool, SearchFilters] | None = None
        # Text the app put in the box: a finished query until the user edits it.
        self._finished_text: str | None = None
        self._history = HistoryWalk()
        self._memory: QueryMemory | None = None

    def compose(self) -> ComposeResult:
        yield QueryInput(
            self._box_key,
            placeholder='Search: words, "a phrase", AND OR NOT, title:, source:, person:, fuzzy~',
            id="query",
        )
        yield Static(id="search-filters")
        yield Static(id="search-status")
        yield ColumnHeader(id="columns")
        yield ResultsList(id="results", empty_text="Opening the index…")
        # Docked to the right; after the results in the focus chain (tab: box, results, facets).
        yield FacetPanel(id="facets")

    @property
    def query(self) -> str:
        """The query as typed, trimmed."""
        return self.query_one("#query", Input).value.strip()

    @property
    def partial(self) -> bool:
        """Whether the box's last word is still being typed (no space after it yet)."""
        value = self.query_one("#query", Input).value
        return bool(value) and not value[-1].isspace() and value != self._finished_text

    def _wanted(self) -> tuple[str, bool, SearchFilters]:
        return self.query, self.partial, self._filters

    def remember_in(self, memory: QueryMemory) -> None:
        """Keep the queries used in ``memory`` and walk its history with up and down."""
        self._memory = memory
        self._history.set_queries(memory.history)

    @property
    def filters(self) -> SearchFilters:
        """The filters the search is narrowed by (chosen facets or entities)."""
        return self._filters

    @property
    def answered_filters(self) -> SearchFilters:
        """The filters of the answer on screen."""
        return self._shown_filters

    @property
    def searchable(self) -> bool:
        """Whether typed queries run (the index is open), not just the list shown."""
        return self._ready

    @property
    def answered_query(self) -> str | None:
        """The query whose answer is on screen ("" for the article list, None before any)."""
        return self._shown_query

    @property
    def results_list(self) -> ResultsList:
        return self.query_one(ResultsList)

    def show_articles(self, articles: list[ArticleSummary]) -> None:
        """List the corpus's articles while the index is not open yet (no searching)."""
        self._articles = list(articles)
        self._listing = {}
        self._listed = True
        if not self.query:
            self._show_listing()

    def set_articles(self, articles: list[ArticleSummary]) -> None:
        """Every article of the corpus, the index open: shown while the query is empty."""
        unchanged = self._listed and list(articles) == self._articles
        if not unchanged:
            self._articles = list(articles)
            self._listing = {}
        self._listed = self._ready = True
        if self.query or self._filters:
            self._send(self.query)
        elif unchanged and self._shown_query == "":
            # The list on screen is this one: keep its cursor, just offer the facets now.
            self.facets.expect("")
        else:
            self._show_listing(keep_cursor=True)

    def show_results(self, query: str, results: SearchResults, partial: bool | None = None) -> bool:
        """Show an answer unless the input has moved on; returns whether it was shown.

        Args:
            query: the query answered.
            results: its answer.
            partial: whether the answer read the last word as still being typed (None:
                as the box reads it now).
        """
        partial = self.partial if partial is None else partial
        if (query, partial, results.filters) != self._wanted():
            return False
        # The same query answered again (the index grew): the cursor stays on its hit.
        again = (query, partial, results.filters) == (
            self._shown_query,
            self._shown_partial,
            self._shown_filters,
        )
        self._shown_query = query
        self._shown_partial = partial
        self._shown_filters = results.filters
        self._set_suggestion(results.suggestion)
        self.facets.expect(query, results.filters, partial)
        self.query_one("#columns").add_class("-hidden")
        self.results_list.set_rows(
            [hit_row(hit) for hit in results.hits],
            spacing=1,
            empty_text="No article matches.",
            keep_cursor=again,
        )
        count = f"{results.total} hit{'s' if results.total != 1 else ''}"
        if results.total > len(results.hits):
            count += f" (best {len(results.hits)} shown)"
        status = Content.assemble(
            Content(count).stylize("bold"), Content(f" in {results.elapsed * 1000:.0f} ms")
        )
        if results.suggestion:
            status = Content.assemble(
                status,
                Content("  ·  Did you mean "),
                content(results.suggestion, "bold underline", one_line=True),
                Content("?  (ctrl+y)"),
            )
        self._set_status(status)
        if self._open_when_answered == self._wanted():
            self._open_when_answered = None
            self._open_current()
        return True

    def show_error(self, query: str, reason: str, filters: SearchFilters = NO_FILTERS) -> None:
        """Show why a query cannot run, inline, if it is still the one typed."""
        if query != self.query or filters != self._filters:
            return
        self._open_when_answered = None
        self._set_suggestion(None)
        self._set_status(content(f"Cannot search: {reason}", one_line=True), error=True)

    def _set_suggestion(self, suggestion: str | None) -> None:
        self._suggestion = suggestion

    @property
    def facets(self) -> FacetPanel:
        return self.query_one(FacetPanel)

    def set_query(self, query: str, *, finished: bool = True) -> None:
        """Replace the query (it runs) and put the keyboard in the box.

        Args:
            query: the new text of the box.
            finished: whether its last word is complete (False: it reads as still being
                typed, as text typed into the box does).
        """
        query_input = self.query_one("#query", Input)
        self._put(query, finished=finished)
        query_input.focus()

    def _put(self, query: str, *, finished: bool = True) -> None:
        """The box holds ``query`` (a finished one unless told), the cursor after it."""
        query_input = self.query_one("#query", Input)
        self._finished_text = query if finished else None
        query_input.value = query
        query_input.cursor_position = len(query)

    def on_facet_panel_chosen(self, event: FacetPanel.Chosen) -> None:
        event.stop()
        self.set_filters(self._filters.toggled(event.field, event.value))
        # Back to typing after the text, not with it selected (a key would replace it).
        query_input = self.query_one("#query", Input)
        query_input.focus()
        self.call_after_refresh(query_input.action_end)

    def set_filters(self, filters: SearchFilters) -> None:
        """Narrow the search by ``filters`` (replacing the ones it had) and run it again."""
        self._filters = filters
        line = self.query_one("#search-filters", Static)
        line.set_class(bool(filters), "-shown")
        if filters:
            shown = [
                Content.assemble(
                    Content(f"{field} ").stylize("$text-muted"),
                    content(value, "bold", one_line=True),
                )
                for field, value in filters.items()
            ]
            line.update(
                Content.assemble(
                    Content("Only: ").stylize("$text-muted"),
                    Content(" · ").join(shown),
                    Content("  (F4 clears, backspace takes the last off)").stylize("$text-muted"),
                )
            )
        self._rerun()

    def action_clear_filters(self) -> None:
        self.set_filters(NO_FILTERS)

    def _rerun(self) -> None:
        self._cancel_pending()
        if not self.query and not self._filters:
            self._show_listing()
        elif self._ready:
            self._send(self.query)
        else:
            self._set_status(Content("Opening the index…"))

    def action_focus_facets(self) -> None:
        self.facets.remove_class("-narrow")
        self.facets.focus_values()

    def on_resize(self) -> None:
        self.facets.set_class(self.size.width < FACETS_MIN_WIDTH, "-narrow")

    def focus_input(self) -> None:
        focus_now(self.query_one("#query", Input))

    def _set_status(self, text: Content, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.set_class(error, "-error")
        # One line of fixed size: no layout pass needed on every keystroke.
        status.update(text, layout=False)

    def _show_listing(self, *, keep_cursor: bool = False) -> None:
        again = self._shown_query == "" and keep_cursor
        self._shown_query = ""
        self._shown_partial = False
        self._shown_filters = NO_FILTERS
        self._set_suggestion(None)
        columns = self.query_one("#columns", ColumnHeader)
        columns.remove_class("-hidden")
        columns.show(self.sort_key)
        if not self._listed:
            self._set_status(Content("Opening the index…"))
            return
        if self._ready:
            self.facets.expect("", NO_FILTERS)
        self._open_when_answered = None
        ordered = self._listing.get(self.sort_key)
        if ordered is None:
            ordered = self._listing[self.sort_key] = _sorted(self._articles, self.sort_key)
        rows = LazyRows(ordered, summary_row, key=article_key)
        self.results_list.set_rows(rows, empty_text="No articles.", keep_cursor=again)
        self._set_status(
            Content(
                f"{counted(len(ordered), 'article')} · sorted by {self.sort_key}"
                " (F2 or click a column)"
            )
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.facets.postpone()
        # Typing on: Enter waits for no earlier text.
        self._open_when_answered = None
        query = self.query
        if not query and not self._filters:
            self._cancel_pending()
            self._show_listing()
            return
        if not self._ready:
            # The query runs once the index is open (``set_articles``).
            self._cancel_pending()
            self._set_status(Content("Opening the index…"))
            return
        wait = SEARCH_INTERVAL - (monotonic() - self._last_sent)
        if wait <= 0:
            self._cancel_pending()
            self._send(query)
        elif self._timer is None:
            self._timer = self.set_timer(wait, self._send_current)

    def _cancel_pending(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _send_current(self) -> None:
        self._timer = None
        if (self.query or self._filters) and self._wanted() != self._answered():
            self._send(self.query)

    def _answered(self) -> tuple[str | None, bool, SearchFilters]:
        return self._shown_query, self._shown_partial, self._shown_filters

    def _send(self, query: str) -> None:
        self._last_sent = monotonic()
        self._sent = (query, self.partial, self._filters)
        self.post_message(self.Search(query, self._filters, self.partial))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter acts on the text in the box: the answer on screen when it is that text's,
        # else the text's own answer, run now if it has not set out yet.
        event.stop()
        wanted = self._wanted()
        if wanted == self._answered() or (not self.query and not self._filters):
            self._open_current()
            return
        self._open_when_answered = wanted
        if self._ready and self._sent != wanted:
            self._cancel_pending()
            self._send(self.query)

    def _open_current(self) -> None:
        """Open the row under the cursor (the best hit, until moved)."""
        # Posted from this view: a message stops bubbling at the node that sent it.
        if (row := self.results_list.current) is not None:
            self.post_message(ResultsList.Chosen(row.key))

    def on_results_list_chosen(self, event: ResultsList.Chosen) -> None:
        # A hit of the query on screen was opened: the query was worth running.
        if self._shown_query and self._memory is not None:
            self._memory.add_history(self._shown_query)
            self._history.set_queries(self._memory.history)

    def _box_key(self, key: str) -> bool:
        """Act on ``key`` pressed in the query box; whether it was this view's to act on."""
        query_input = self.query_one("#query", Input)
        if key == "up":
            older = self._history.older(query_input.value)
            if older is not None:
                self._put(older)
            return older is not None
        if key == "down":
            newer = self._history.newer(query_input.value)
            if newer is not None:
                self._put(newer)
            else:
                focus_now(self.results_list)
            return True
        if key == "backspace" and not query_input.value and self._filters:
            field, value = self._filters.items()[-1]
            self.set_filters(self._filters.toggled(field, value))
            return True
        if key == "escape" and query_input.value:
            query_input.value = ""
            return True
        if key == "escape":
            # Out of the empty box into the list, where single keys (q, ?) act again.
            focus_now(self.results_list)
            return True
        return False

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and (
            self.results_list.has_focus or self.facets.option_list.has_focus
        ):
            event.stop()
            focus_now(self.query_one("#query", Input))

    def on_search_view_sort_requested(self, event: SortRequested) -> None:
        event.stop()
        self.sort(event.key)

    def sort(self, key: str) -> None:
        """Sort the article list by ``key`` ("date", "title" or "source")."""
        self.sort_key = key

    def watch_sort_key(self) -> None:
        if not self.query and not self._filters:
            self._show_listing()

    def action_cycle_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        if self.query or self._filters:
            # Hits stay in relevance order; say what the key changed instead of nothing.
            self.notify(
                f"The article list (empty search box) will be sorted by {self.sort_key}; "
                "search hits stay ranked by relevance.",
                title="Sort",
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Offer "did you mean" (key, palette) only while there is a suggestion.
        if action == "use_suggestion":
            return self._suggestion is not None
        if action == "clear_filters":
            return bool(self._filters)
        return True

    def action_save_search(self) -> None:
        if self.query:
            self.post_message(self.SaveRequested(self.query, self.partial))
        else:
            self.notify("Type a query to save first.", markup=False)

    def action_use_suggestion(self) -> None:
        if self._suggestion:
            self._put(self._suggestion)
