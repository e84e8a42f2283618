"""The reading column: about 100 characters, centred, on a wide terminal; a key changes it."""

from __future__ import annotations

from tests.tui.conftest import ready, screen_text, wait_for
from tui.state import RememberedState
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.search.results_list import ResultsList
from tui.widgets.workspace import Workspace


async def open_first(pilot) -> ReadingPane:
    app = pilot.app
    await ready(pilot)
    results = app.screen.query_one(ResultsList)
    results.focus()
    await pilot.press("enter")
    workspace = app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    pane = workspace.reader(workspace.current_article_id())
    await wait_for(pilot, lambda: pane.paragraphs and pane.paragraphs[0].size.width > 0)
    return pane


def text_columns(pane: ReadingPane) -> set[tuple[int, int]]:
    """Where each paragraph's text starts on screen and how wide it runs."""
    return {(p.content_region.x, p.content_region.width) for p in pane.paragraphs}


async def test_at_200_columns_the_text_runs_100_characters_wide_in_the_middle(app):
    async with app.run_test(size=(200, 50)) as pilot:
        pane = await open_first(pilot)
        ((left, width),) = text_columns(pane)
        assert 96 <= width <= 100
        right = 200 - (left + width)
        assert abs(left - right) <= 2
        body = pane.body.region
        rows = screen_text(pilot.app).splitlines()[body.y : body.bottom]
        drawn = [row[body.x : body.right - 1].strip() for row in rows]
        assert max(len(row) for row in drawn) <= 100
        assert sum(len(row) > 80 for row in drawn) > 5  # the text does fill the column


async def test_an_80_column_terminal_keeps_its_small_margin(app):
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_first(pilot)
        ((left, width),) = text_columns(pane)
        assert left == 2
        assert width >= 74


async def test_w_widens_the_column_for_every_tab_and_it_is_remembered(app, seeds):
    async with app.run_test(size=(200, 50)) as pilot:
        pane = await open_first(pilot)
        await pilot.press("w")  # 100 -> 120
        await wait_for(pilot, lambda: {w for _, w in text_columns(pane)} == {120})
        await pilot.press("w")  # the whole width
        await wait_for(pilot, lambda: min(w for _, w in text_columns(pane)) >= 190)
    assert RememberedState(seeds).reading_width == 0
