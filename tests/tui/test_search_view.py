"""Search as you type: the article list, hits with count and snippets, stale answers, errors,
"did you mean" and sorting."""

from __future__ import annotations

import dataclasses

from search.models import SearchResults
from search.service import open_search_service
from tests.tui.conftest import (
    SteadyClockService,
    ready,
    screen_text,
    search,
    styles_of,
    wait_for,
    wait_for_text,
)
from tui.app import make_app
from tui.widgets.search.results_list import ResultsList
from tui.widgets.search.view import SearchView

SEED_TITLES = (
    "Relations between Russia and Azerbaijan",
    "China EU Summit",
    "Armenia's arms spree is a dangerous game of escalation",
)


def rows(app) -> list[str]:
    return [row.key for row in app.screen.query_one(ResultsList).rows]


async def test_first_screen_lists_every_article_with_date_and_source(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        shown = screen_text(app)
        for title in SEED_TITLES:
            assert title in shown
        for article in app.articles:
            assert article.title[:40] in shown
            assert (article.source or "—")[:12] in shown
            assert (article.date or "—")[:7] in shown
        assert f"{len(app.articles)} articles" in shown
        assert len(rows(app)) == len(app.articles) > 5


async def test_typing_searches_and_shows_hits_count_time_and_snippets(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        shown = await search(pilot, "Aliyev")
        view = app.screen.query_one(SearchView)
        assert view.query == "Aliyev"
        assert "ms" in shown
        assert "Ilham Aliyev" in shown
        assert "Key Takeaways from Q&A session" in shown
        # Hits are fewer than the articles: the list is the ranked answer, not the listing.
        assert 0 < len(rows(app)) < len(app.articles)


async def test_snippet_highlights_are_bold_and_underlined(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Aliyev")
        styled = styles_of(app, "aliyev")
        assert any(style.bold and style.underline for style in styled)


async def test_answers_for_an_older_query_are_dropped(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Aliyev")
        before = rows(app)
        stale = SearchResults("China", (), 0, 0.001)
        assert not app.screen.search_view.show_results("China", stale)
        await pilot.pause()
        assert rows(app) == before
        assert "0 hits" not in screen_text(app)


async def test_a_bad_query_shows_an_inline_message(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        shown = await search(pilot, "date:>someday")
        assert "Cannot search" in shown
        assert "date" in shown
        # The app still answers: fixing the query searches again.
        for _ in "date:>someday":
            await pilot.press("backspace")
        await search(pilot, "China")


async def test_did_you_mean_is_one_key_away(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Azerbajan")
        assert "Did you mean Azerbaijan?" in screen_text(app)
        await pilot.press("ctrl+y")
        view = app.screen.query_one(SearchView)
        await wait_for(pilot, lambda: view.answered_query == "Azerbaijan")
        assert view.query == "Azerbaijan"
        assert len(rows(app)) > 0
        assert "Did you mean" not in screen_text(app)


async def test_clearing_the_query_lists_every_article_again(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "China")
        await pilot.press("escape")
        await wait_for_text(pilot, "articles · sorted by")
        assert len(rows(app)) == len(app.articles)


async def test_the_list_sorts_by_title_source_and_date(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        by_id = {a.id: a for a in app.articles}
        await pilot.press("f2")
        await wait_for_text(pilot, "sorted by title")
        titles = [by_id[key].title.casefold() for key in rows(app)]
        assert titles == sorted(titles)
        await pilot.press("f2")
        await wait_for_text(pilot, "sorted by source")
        sources = [by_id[key].source for key in rows(app)]
        named = [s.casefold() for s in sources if s]
        assert named == sorted(named) and sources[-1] is None
        await pilot.press("f2")
        await wait_for_text(pilot, "sorted by date")
        dates = [by_id[key].date for key in rows(app) if by_id[key].date]
        assert dates == sorted(dates, reverse=True)


async def test_sorting_with_a_query_shown_says_what_it_sorts(app):
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        await search(pilot, "China")
        hits = rows(app)
        await pilot.press("f2")
        await wait_for_text(pilot, "search hits stay ranked by relevance")
        assert rows(app) == hits
        await pilot.press("escape")
        await wait_for_text(pilot, "articles · sorted by title")


async def test_clicking_a_column_heading_sorts_by_it(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.click("#columns", offset=(40, 0))
        await wait_for_text(pilot, "sorted by title")


async def test_hits_answer_replaces_results_only_for_the_current_query(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "China")
        view = app.screen.query_one(SearchView)
        current = view.query
        answer = SearchResults(current, (), 0, 0.001)
        assert view.show_results(current, dataclasses.replace(answer)) is True
        assert "0 hits" in screen_text(app) or "No article matches" in screen_text(app)


class CountingService(SteadyClockService):
    """The real service, counting the searches the app asks for."""

    def __init__(self, inner) -> None:
        super().__init__(inner)
        self.queries: list[str] = []

    def search(self, query, **options):
        self.queries.append(query)
        return super().search(query, **options)


async def test_fast_typing_searches_less_often_than_keys_and_ends_on_the_full_query(seeds):
    service = CountingService(open_search_service(seeds))
    app = make_app(seeds, service=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        service.queries.clear()
        typed = "Azerbaijan relations"
        await search(pilot, typed)
        assert service.queries[-1] == typed
        assert len(service.queries) < len(typed)
        assert "Relations between Russia and Azerbaijan" in screen_text(app)


async def test_a_query_longer_than_the_box_keeps_the_typing_end_in_view(app):
    async with app.run_test(size=(70, 24)) as pilot:
        await ready(pilot)
        words = "aliyev azerbaijan pashinyan armenia washington partnership charter yerevan"
        await pilot.press("slash", *["space" if c == " " else c for c in words])
        shown = await wait_for_text(pilot, "yerevan")
        box_line = next(line for line in shown.splitlines() if "yerevan" in line)
        assert "aliyev" not in box_line
        await pilot.press("home")
        await wait_for_text(pilot, "aliyev azerbaijan")


async def test_the_list_scrolls_to_its_end_after_an_empty_answer(app):
    # The list's length changes without a layout of the screen: scrolling must follow it.
    async with app.run_test(size=(100, 16)) as pilot:
        await ready(pilot)
        await search(pilot, "zzzqqq")
        await wait_for_text(pilot, "No article matches")
        await pilot.press("escape")
        await wait_for_text(pilot, "articles · sorted by")
        results = app.screen.query_one(ResultsList)
        results.focus()
        await pilot.press("G")
        last = {a.id: a for a in app.articles}[rows(app)[-1]].title
        await wait_for_text(pilot, last[:30])
        assert results.scroll_y == results.max_scroll_y > 0
