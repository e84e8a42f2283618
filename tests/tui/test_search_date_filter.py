"""A date range in the search's filters is shown under the box like the other filters and
comes off the same way (backspace in an empty box, F4)."""

from __future__ import annotations

from search.models import NO_FILTERS, SearchFilters
from tests.tui.conftest import ready, screen_text, wait_for
from tui.widgets.search.view import SearchView


async def test_a_date_range_is_shown_under_the_box_and_comes_off_with_backspace(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(SearchView)
        dated = SearchFilters(place=("Baku",), date_from="2020-01", date_to="2024-06")
        view.set_filters(dated)
        await wait_for(pilot, lambda: view.answered_filters == dated)
        text = screen_text(app)
        assert "Only: place Baku · date 2020-01 to 2024-06" in text
        total = app.service.search("", filters=dated).total
        assert f"{total} hit" in text
        await pilot.press("backspace")
        await wait_for(pilot, lambda: view.answered_filters == SearchFilters(place=("Baku",)))
        assert "2024-06" not in screen_text(app).split("Only:")[1].splitlines()[0]
        view.set_filters(SearchFilters(date_from="2024"))
        await wait_for(pilot, lambda: view.answered_filters == SearchFilters(date_from="2024"))
        assert "Only: date from 2024" in screen_text(app)
        await pilot.press("f4")
        await wait_for(pilot, lambda: "articles · sorted by" in screen_text(app))
        assert view.filters == NO_FILTERS
