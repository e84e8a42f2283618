"""The keys a first-time user presses on the search view: `/`, Escape, `q`, ctrl+q."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tests.tui.conftest import ready, screen_text, wait_for
from tui.screens.timeline import TimelineScreen
from tui.widgets.search.results_list import ResultsList


async def test_slash_in_the_empty_box_is_the_search_key_not_text(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", "c", "h", "i", "n", "a")
        box = app.screen.query_one("#query", Input)
        assert box.value == "china"
        await pilot.press("slash")
        assert box.value == "china/"


async def test_escape_from_the_empty_box_reaches_the_list_and_q_quits(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("x", "escape")
        assert app.screen.query_one("#query", Input).value == ""
        await pilot.press("escape")
        assert app.screen.query_one(ResultsList).has_focus
        await pilot.press("q")
        await wait_for(pilot, lambda: app._exit_renderables is not None or not app.is_running)
    assert app.return_code == 0


async def test_footer_offers_a_quit_key_while_typing(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.screen.query_one("#query", Input).has_focus
        assert "^q Quit" in screen_text(app)


async def test_keys_typed_ahead_of_down_go_where_down_went(app):
    """A fast typist's query, Down and T all arrive before the box has handled any of
    them: the T opens the timeline of the results instead of landing in the query."""
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for key in [*"Aliyev", "down", "T"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
        assert app.screen_stack[0].query_one("#query", Input).value == "Aliyev"
        assert "Timeline: “Aliyev”" in screen_text(app)


async def test_keys_typed_ahead_of_escape_go_to_the_list(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        listing = app.screen.query_one(ResultsList)
        for key in ["escape", "j", "j"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for(pilot, lambda: listing.has_focus and listing.cursor == 2)
        assert app.screen.query_one("#query", Input).value == ""
