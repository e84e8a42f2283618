"""The keys a first-time user presses on the search view: `/`, Escape, `q`, ctrl+q."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import ready, screen_text, wait_for
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
