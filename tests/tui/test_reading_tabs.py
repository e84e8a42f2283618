"""Reading articles in tabs: open, open again, switch, close, scroll, go back, quit."""

from __future__ import annotations

from textual import events

from tests.tui.conftest import ready, screen_text, search, wait_for
from tui.widgets.reading.pane import ArticleBody, ReadingPane
from tui.widgets.search.results_list import ResultsList
from tui.widgets.workspace import SEARCH_TAB, Workspace


def workspace(app) -> Workspace:
    return app.screen.query_one(Workspace)


def current_reader(app) -> ReadingPane:
    pane = workspace(app).active_pane
    return pane.query_one(ReadingPane)


async def open_row(pilot, index: int) -> ReadingPane:
    """Choose the ``index``-th row of the results list and wait for its tab."""
    app = pilot.app
    before = len(workspace(app).open_ids)
    results = app.screen.query_one(ResultsList)
    key = results.rows[index].key
    results.focus()
    results.cursor = index
    await pilot.press("enter")
    await wait_for(
        pilot,
        lambda: (
            workspace(app).current_article_id() == key
            and (workspace(app).is_open(key) and len(workspace(app).open_ids) >= before)
        ),
    )
    return current_reader(app)


async def test_enter_in_the_search_box_opens_the_best_hit_with_its_metadata(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Aliyev")
        best = app.screen.query_one(ResultsList).rows[0].key
        await pilot.press("enter")
        await wait_for(pilot, lambda: workspace(app).current_article_id() == best)
        article = current_reader(app).article
        shown = screen_text(app)
        assert article.title[:60] in shown
        assert "Path" in shown and article.path[-30:] in shown
        if article.source:
            assert article.source in shown
        assert "hits · n next" in shown
        assert current_reader(app).query_one(ArticleBody).has_focus


async def test_several_articles_open_in_tabs_and_reopening_focuses_the_tab(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        first = await open_row(pilot, 0)
        await pilot.press("escape")
        await wait_for(pilot, lambda: workspace(app).active == SEARCH_TAB)
        second = await open_row(pilot, 1)
        assert first.article.id != second.article.id
        assert workspace(app).open_ids == [first.article.id, second.article.id]
        assert second.article.title[:20] in screen_text(app)

        await pilot.press("escape")
        await wait_for(pilot, lambda: workspace(app).active == SEARCH_TAB)
        again = await open_row(pilot, 0)
        assert again is first
        assert workspace(app).open_ids == [first.article.id, second.article.id]


async def test_tabs_switch_by_key_and_mouse(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        first = await open_row(pilot, 0)
        await pilot.press("escape")
        second = await open_row(pilot, 1)
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: workspace(app).current_article_id() == first.article.id)
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: workspace(app).current_article_id() == second.article.id)
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: workspace(app).active == SEARCH_TAB)
        tab = workspace(app).get_tab(workspace(app).pane_id(first.article.id))
        await pilot.click(tab)
        await wait_for(pilot, lambda: workspace(app).current_article_id() == first.article.id)
        assert first.query_one(ArticleBody).has_focus


async def test_closing_a_tab_shows_its_neighbour_not_the_search(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        first = await open_row(pilot, 0)
        await pilot.press("escape")
        second = await open_row(pilot, 1)
        await pilot.press("escape")
        third = await open_row(pilot, 2)
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: workspace(app).current_article_id() == second.article.id)
        await pilot.press("x")
        await wait_for(pilot, lambda: not workspace(app).is_open(second.article.id))
        assert workspace(app).current_article_id() == third.article.id
        await pilot.press("x")
        await wait_for(pilot, lambda: not workspace(app).is_open(third.article.id))
        assert workspace(app).current_article_id() == first.article.id
        await pilot.press("ctrl+w")
        await wait_for(pilot, lambda: workspace(app).open_ids == [])
        assert workspace(app).active == SEARCH_TAB


async def test_reading_keys_scroll_the_article(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        longest = max(app.articles, key=lambda a: len(app.service.article(a.id).body))
        rows = [row.key for row in app.screen.query_one(ResultsList).rows]
        reader = await open_row(pilot, rows.index(longest.id))
        body = reader.query_one(ArticleBody)
        assert body.max_scroll_y > 0
        await pilot.press("j", "j")
        await wait_for(pilot, lambda: body.scroll_y == 2)
        await pilot.press("k")
        await wait_for(pilot, lambda: body.scroll_y == 1)
        await pilot.press("space")
        await wait_for(pilot, lambda: body.scroll_y > 10)
        await pilot.press("G")
        await wait_for(pilot, lambda: body.scroll_y == body.max_scroll_y)
        await pilot.press("g")
        await wait_for(pilot, lambda: body.scroll_y == 0)
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: body.scroll_y > 10)
        paged = body.scroll_y
        wheel = events.MouseScrollUp(body, 5, 5, 0, -1, 0, False, False, False)
        body.post_message(wheel)
        await wait_for(pilot, lambda: body.scroll_y < paged)


async def test_q_quits_from_a_reading_tab(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_row(pilot, 0)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
