"""What the app puts back on the next launch: theme, tabs, the query, where each article was
read to, and what it says when the state file cannot be used."""

from __future__ import annotations

import json

from textual.notifications import Notify

from tests.tui.conftest import ready, screen_text, search, wait_for, wait_for_text
from tui.app import make_app
from tui.state import RememberedState, state_path
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.search.results_list import ResultsList
from tui.widgets.search.view import SearchView
from tui.widgets.workspace import SEARCH_TAB, Workspace


def workspace(app) -> Workspace:
    return app.screen.query_one(Workspace)


def reader(app, article_id: str) -> ReadingPane:
    pane = workspace(app).reader(article_id)
    assert pane is not None
    return pane


async def open_row(pilot, index: int) -> str:
    """Open the ``index``-th row of the list; returns its article id once its tab is in front."""
    results = pilot.app.screen.query_one(ResultsList)
    key = results.rows[index].key
    results.focus()
    results.cursor = index
    await pilot.press("enter")
    await wait_for(pilot, lambda: workspace(pilot.app).current_article_id() == key)
    return key


async def test_theme_tabs_query_and_scroll_come_back_on_the_next_launch(seeds):
    first = make_app(seeds)
    async with first.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("escape")  # into the list
        behind = await open_row(pilot, 1)
        await pilot.press("escape")
        await wait_for(pilot, lambda: workspace(first).active == SEARCH_TAB)
        await search(pilot, "Aliye")  # left half typed
        hits = [row.key for row in first.screen.query_one(ResultsList).rows]
        in_front = await open_row(pilot, 0 if hits[0] != behind else 1)
        await pilot.press(*"jjjjjjjj")
        scrolled = reader(first, in_front).scroll_position
        assert scrolled > 0
        first.theme = "nord"  # what choosing it in the palette does
        await pilot.press("ctrl+q")

    again = make_app(seeds)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: workspace(again).current_article_id() == in_front)
        assert again.theme == "nord"
        assert workspace(again).open_ids == [behind, in_front]
        await wait_for(pilot, lambda: reader(again, in_front).scroll_position == scrolled)
        view = again.screen.query_one(SearchView)
        assert view.query == "Aliye"
        await wait_for(pilot, lambda: view.answered_query == "Aliye")
        await pilot.press("escape")  # back to the search tab: the query's answer is shown
        shown = await wait_for_text(pilot, "Ilham Aliyev")
        assert "No article matches" not in shown


async def test_an_article_reopened_from_the_list_is_back_where_it_was_left(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("escape")
        article_id = await open_row(pilot, 0)
        await pilot.press(*"jjjjjj")
        left_at = reader(app, article_id).scroll_position
        await pilot.press("x")
        await wait_for(pilot, lambda: not workspace(app).is_open(article_id))
        await open_row(pilot, 0)
        await wait_for(pilot, lambda: reader(app, article_id).scroll_position == left_at)
        assert left_at > 0


async def test_a_tab_whose_article_is_gone_is_left_out_without_a_word(seeds):
    kept = make_app(seeds)
    async with kept.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("escape")
        article_id = await open_row(pilot, 0)
        await pilot.press("ctrl+q")
    RememberedState(seeds).set_tabs(["gone-from-the-corpus", article_id], article_id)

    again = make_app(seeds)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: workspace(again).current_article_id() == article_id)
        assert workspace(again).open_ids == [article_id]
        assert "no longer" not in screen_text(again)
    assert RememberedState(seeds).tabs == [article_id]


async def test_a_corrupt_state_file_is_set_aside_with_a_notice_and_the_app_starts_afresh(app):
    path = state_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": "nord", "corpora": ', encoding="utf-8")
    seen = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)
        notices = [str(m.notification.message) for m in seen if isinstance(m, Notify)]
        assert any(
            "Ignored the app's state file" in notice and "state.json.bad" in notice
            for notice in notices
        )
        assert app.theme != "nord"
        await pilot.press("escape")
        await open_row(pilot, 0)
        await pilot.press("ctrl+q")
    assert path.with_name("state.json.bad").read_text(encoding="utf-8").startswith('{"theme"')
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
