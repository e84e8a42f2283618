"""Facets beside the search results: counted off the UI thread, for the search on screen,
and choosing one narrows it by a filter (never by writing query syntax into the box)."""

from __future__ import annotations

from search.models import NO_FILTERS, Facet, SearchFilters
from tests.tui.conftest import ready, screen_text, search, wait_for
from tui.widgets.search.facets import FacetPanel
from tui.widgets.search.view import SearchView


async def test_facets_of_the_results_are_listed_beside_them(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        panel = app.screen.query_one(FacetPanel)
        await wait_for(pilot, lambda: panel.shown_query == "")
        assert "Facets of all articles" in screen_text(app)
        await search(pilot, "Aliyev")
        await wait_for(pilot, lambda: panel.shown_query == "Aliyev")
        text = screen_text(app)
        for heading in ("Facets of these results", "People", "Places", "Sources"):
            assert heading in text
        expected = {f.field: f.values for f in app.service.facets("Aliyev", limit=5)}
        top_person, count = expected["person"][0]
        assert ("person", top_person) in panel.values
        assert any(
            top_person in line and line.split()[-1] == str(count) for line in text.splitlines()
        )


async def choose_facet(pilot, panel: FacetPanel, field: str, value: str) -> None:
    await pilot.press("f3")
    assert panel.option_list.has_focus
    while panel.values[int(panel.option_list.highlighted_option.id)] != (field, value):
        await pilot.press("down")
    await pilot.press("enter")


async def test_choosing_a_facet_narrows_the_search_by_a_filter(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(SearchView)
        panel = view.facets
        await search(pilot, "Aliyev")
        await wait_for(pilot, lambda: panel.shown_query == "Aliyev")
        place = next(value for field, value in panel.values if field == "place")
        await choose_facet(pilot, panel, "place", place)
        narrowed = SearchFilters(place=(place,))
        await wait_for(pilot, lambda: view.answered_filters == narrowed)
        assert view.query == "Aliyev", "the typed text is left as it was"
        total = app.service.search("Aliyev", filters=narrowed).total
        assert 1 <= total <= app.service.search("Aliyev").total
        text = screen_text(app)
        assert f"{total} hit" in text and f"Only: place {place}" in text
        # The facets follow the narrowed results, the value in use ticked.
        await wait_for(pilot, lambda: panel.shown_filters == narrowed)
        assert f"✓ {place}" in screen_text(app)

        # Choosing it again takes the filter off.
        await choose_facet(pilot, panel, "place", place)
        await wait_for(pilot, lambda: view.answered_filters == NO_FILTERS)
        assert "Only:" not in screen_text(app)


async def test_filters_come_off_with_backspace_in_an_empty_box_or_f4(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(SearchView)
        panel = view.facets
        await wait_for(pilot, lambda: panel.shown_query == "")
        person = next(value for field, value in panel.values if field == "person")
        source = next(value for field, value in panel.values if field == "source")
        await choose_facet(pilot, panel, "person", person)
        await wait_for(pilot, lambda: panel.shown_filters == SearchFilters(person=(person,)))
        await choose_facet(pilot, panel, "source", source)
        both = SearchFilters(person=(person,), source=(source,))
        await wait_for(pilot, lambda: view.answered_filters == both)
        assert "articles · sorted by" not in screen_text(app), "filtered: not the whole list"
        await pilot.press("backspace")
        await wait_for(pilot, lambda: view.answered_filters == SearchFilters(person=(person,)))
        await pilot.press("f4")
        await wait_for(pilot, lambda: "articles · sorted by" in screen_text(app))
        assert view.filters == NO_FILTERS


async def test_facets_for_a_query_no_longer_on_screen_are_dropped(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        panel = app.screen.query_one(FacetPanel)
        await search(pilot, "Aliyev")
        await wait_for(pilot, lambda: panel.shown_query == "Aliyev")
        shown = panel.values
        stale = [Facet("person", (("Somebody Stale", 9),))]
        panel.show("Aliye", stale, NO_FILTERS)
        await pilot.pause()
        assert panel.values == shown
        assert "Somebody Stale" not in screen_text(app)


async def test_facets_give_way_to_the_results_in_a_narrow_terminal(app):
    async with app.run_test(size=(80, 30)) as pilot:
        await ready(pilot)
        await search(pilot, "Aliyev")
        assert "Facets of" not in screen_text(app)
        await pilot.press("f3")
        await wait_for(pilot, lambda: "Facets of" in screen_text(app))


async def test_after_choosing_a_facet_typing_adds_to_the_query(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.query_one(SearchView)
        panel = view.facets
        await search(pilot, "Aliyev")
        await wait_for(pilot, lambda: panel.shown_query == "Aliyev")
        place = next(value for field, value in panel.values if field == "place")
        await choose_facet(pilot, panel, "place", place)
        await wait_for(pilot, lambda: view.answered_filters == SearchFilters(place=(place,)))
        await pilot.press("space", "B", "a", "k", "u")
        await wait_for(pilot, lambda: view.query == "Aliyev Baku")


async def test_a_half_typed_word_counts_the_facets_of_what_it_found(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        panel = app.screen.query_one(FacetPanel)
        await search(pilot, "Paki")
        await wait_for(pilot, lambda: panel.shown_query == "Paki")
        assert "Facets of these results" in screen_text(app)
        as_a_whole_word = app.service.facets("Paki", limit=5)
        assert not any(facet.values for facet in as_a_whole_word)
        typed = {f.field: f.values for f in app.service.facets("Paki", last_word_partial=True)}
        assert typed["person"] and ("person", typed["person"][0][0]) in panel.values
