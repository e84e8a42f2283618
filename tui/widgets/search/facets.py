"""FacetPanel: the top people, organisations, places and sources among the current results.

A column beside the results. When the search view shows an answer it tells the panel
which query and filters are on screen (``expect``); the panel asks for their facets
(posts ``Wanted``), the screen counts them off the UI thread, and ``show`` drops any
answer for a search that is no longer on screen. Enter (or a click) on a value asks to
narrow the search by it, or to stop if it already does (``Chosen``); values in use are
ticked.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from search.models import NO_FILTERS, Facet, SearchFilters
from tui.literal import content
from tui.widgets.entities.panel import counted_row
from tui.widgets.focus import focus_now

FACET_HEADINGS = {
    "person": "People",
    "org": "Organisations",
    "place": "Places",
    "source": "Sources",
}
FACET_LIMIT = 5
# Facets are asked for once the query on screen has stayed for this long: counting them
# takes far longer than a search, and mid-typing it would hold back the next keystroke's.
FACET_DELAY = 0.3
# The column is 32 cells wide: a border, a scrollbar, and this for each row.
ROW_WIDTH = 28


class FacetPanel(Vertical):
    """Facet values with their article counts; ``expected`` is the query they should be for."""

    DEFAULT_CSS = """
    FacetPanel {
        dock: right;
        width: 32;
        height: 1fr;
        border-left: vkey $foreground 30%;
        #facet-title { height: auto; padding: 0 1; color: $text-muted; }
        OptionList { height: 1fr; border: none; padding: 0; }
        OptionList:focus { border: none; }
    }
    FacetPanel.-narrow { display: none; }
    """

    class Wanted(Message):
        """Count the facets of ``query`` narrowed by ``filters`` (the search on screen)."""

        def __init__(
            self, query: str, filters: SearchFilters = NO_FILTERS, partial: bool = False
        ) -> None:
            super().__init__()
            self.query = query
            self.filters = filters
            self.partial = partial

    class Chosen(Message):
        """Narrow the search to results with ``value`` in ``field`` (or stop narrowing)."""

        def __init__(self, field: str, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.expected: tuple[str, SearchFilters, bool] | None = None
        self.shown_query: str | None = None
        self.shown_filters = NO_FILTERS
        self._values: list[tuple[str, str]] = []
        self._pending: Timer | None = None
        # (files indexed, files in all) while the first build still commits, else None.
        self._filling: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static("Facets", id="facet-title")
        yield OptionList(markup=False)

    @property
    def values(self) -> list[tuple[str, str]]:
        """The ``(field, value)`` pairs listed, in order."""
        return list(self._values)

    @property
    def option_list(self) -> OptionList:
        return self.query_one(OptionList)

    def expect(
        self, query: str, filters: SearchFilters = NO_FILTERS, partial: bool = False
    ) -> None:
        """The search view now shows ``query`` narrowed by ``filters`` (its last word
        ``partial``, still being typed): ask for their facets once they stay there."""
        if (query, filters, partial) == self.expected:
            return
        self.expected = (query, filters, partial)
        self._wait_then_ask()

    def postpone(self) -> None:
        """A key was typed: wait for a quiet moment again before asking for facets."""
        if self._pending is not None:
            self._wait_then_ask()

    def _wait_then_ask(self) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(FACET_DELAY, self._ask)

    def _ask(self) -> None:
        self._pending = None
        if self.expected is not None:
            self.post_message(self.Wanted(*self.expected))

    def show(
        self, query: str, facets: Sequence[Facet], filters: SearchFilters = NO_FILTERS
    ) -> bool:
        """List ``facets`` if they are for the search expected; returns whether they were."""
        if self.expected is None or (query, filters) != self.expected[:2]:
            return False
        self.shown_query = query
        self.shown_filters = filters
        in_use = set(filters.items())
        options: list[Option] = []
        self._values = []
        for facet in facets:
            values = [(v, n) for v, n in facet.values if v][:FACET_LIMIT]
            if not values or facet.field not in FACET_HEADINGS:
                continue
            options.append(
                Option(
                    Content(FACET_HEADINGS[facet.field]).stylize("bold $text-muted"), disabled=True
                )
            )
            for value, count in values:
                mark = "✓ " if (facet.field, value) in in_use else ""
                label = counted_row(content(mark + value, one_line=True), count, ROW_WIDTH)
                options.append(Option(label, id=str(len(self._values))))
                self._values.append((facet.field, value))
        self.option_list.set_options(options)
        self._show_title()
        return True

    def show_filling(self, filling: tuple[int, int] | None) -> None:
        """Say the counts cover only the files indexed so far: (indexed, in all), or None
        once the index is complete."""
        self._filling = filling
        self._show_title()

    def _show_title(self) -> None:
        scope = (
            "all articles" if not self.shown_query and not self.shown_filters else "these results"
        )
        title = f"Facets of {scope}" if self._values else "No facets"
        if self._filling is not None:
            # Counts grow with each commit of the first build: say they are partial.
            title += f"\nstill indexing: {self._filling[0]}/{self._filling[1]}"
        self.query_one("#facet-title", Static).update(Content(title))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            field, value = self._values[int(event.option.id)]
            self.post_message(self.Chosen(field, value))

    def focus_values(self) -> None:
        """Put the keyboard in the list of values (the first one under the cursor)."""
        listing = self.option_list
        focus_now(listing)
        if listing.highlighted is None:
            for index in range(listing.option_count):
                if not listing.get_option_at_index(index).disabled:
                    listing.highlighted = index
                    break
