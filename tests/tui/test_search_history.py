"""Up and down in the empty search box walk the queries used before, newest first."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import ready, screen_text, search, wait_for
from tui.app import make_app
from tui.widgets.search.results_list import ResultsList


async def use(pilot, query: str) -> None:
    """Type ``query``, open its best hit with Enter, and come back to an empty box."""
    app = pilot.app
    await search(pilot, query)
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.screen.workspace.current_article_id() is not None)
    await pilot.press("slash")
    app.screen.query_one("#query", Input).value = ""
    await pilot.pause()


async def test_up_and_down_walk_the_queries_used_newest_first(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for query in ("Airbus", "scorpions", "Albanese"):
            await use(pilot, query)
        box = app.screen.query_one("#query", Input)
        await pilot.press("up")
        assert box.value == "Albanese"
        await pilot.press("up", "up")
        assert box.value == "Airbus"
        await pilot.press("up")  # the oldest stays
        assert box.value == "Airbus"
        await pilot.press("down")
        assert box.value == "scorpions"
        await pilot.press("down", "down")
        assert box.value == ""  # past the newest: the empty box again
        assert box.has_focus
        await pilot.press("down")  # and down goes on to the list, as before
        assert app.screen.query_one(ResultsList).has_focus


async def test_keystrokes_are_not_history_only_queries_used(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Yerevan")  # answered, but neither Enter nor a hit opened
        app.screen.query_one("#query", Input).value = ""
        await use(pilot, "Airbus")
        assert app.remembered.history == ["Airbus"]


async def test_opening_a_hit_from_the_list_keeps_its_query(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "China")
        await pilot.press("down", "down", "enter")
        await wait_for(pilot, lambda: app.screen.workspace.current_article_id() is not None)
        assert app.remembered.history == ["China"]


async def test_a_recalled_query_runs_as_a_finished_query(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await use(pilot, "Airbus")
        view = app.screen.search_view
        await pilot.press("up")
        await wait_for(pilot, lambda: view.answered_query == "Airbus")
        assert not view.partial
        await pilot.press("x")  # typing again: the last word is being typed
        assert view.partial


async def test_the_history_is_there_after_a_relaunch(seeds):
    first = make_app(seeds)
    async with first.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await use(pilot, "Airbus")
    again = make_app(seeds)
    async with again.run_test(size=(120, 40)) as pilot:
        # The last query may be back in the box: wait for the index, not for the list.
        await wait_for(pilot, lambda: again.screen.search_view.searchable)
        again.screen.action_focus_search()  # tabs reopened at launch may have the keyboard
        box = again.screen.query_one("#query", Input)
        box.value = ""
        await pilot.pause()
        await pilot.press("up")
        assert box.value == "Airbus"


async def test_a_query_put_back_unfinished_reads_its_last_word_as_typed(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.search_view
        view.set_query("Paki", finished=False)
        await wait_for(pilot, lambda: view.answered_query == "Paki")
        assert view.partial
        assert "1 hit" in screen_text(app)
