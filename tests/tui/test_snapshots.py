"""Snapshots of the main screens on the seeds, built by the same factory as the CLI.

Query times are fixed by ``SteadyClockService`` and the text cursor does not blink, so the
pictures only change when the screens do. Review the report before ``--snapshot-update``.
"""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import facets_settled, ready, search, wait_for
from tui.screens.related import RelatedScreen
from tui.widgets.workspace import Workspace


async def steady(pilot) -> None:
    """Wait for the article list and its facets, and stop the text cursors blinking."""
    await ready(pilot)
    await facets_settled(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


async def open_best_hit(pilot, query: str) -> None:
    await search(pilot, query)
    await facets_settled(pilot)
    await pilot.press("enter")
    workspace = pilot.app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def test_first_screen_lists_the_seeds(snap_compare, steady_app):
    assert snap_compare(steady_app, terminal_size=(120, 40), run_before=steady)


def test_search_results_with_snippets(snap_compare, steady_app):
    async def run_before(pilot):
        await steady(pilot)
        await search(pilot, "Aliyev")
        await facets_settled(pilot)

    assert snap_compare(steady_app, terminal_size=(120, 40), run_before=run_before)


def test_reading_pane_on_the_second_hit(snap_compare, steady_app):
    async def run_before(pilot):
        await steady(pilot)
        await open_best_hit(pilot, "Aliyev")
        await pilot.press("n", "n")
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=(120, 40), run_before=run_before)


def test_related_articles(snap_compare, steady_app):
    async def run_before(pilot):
        await steady(pilot)
        await open_best_hit(pilot, "Aliyev")
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, RelatedScreen))

    assert snap_compare(steady_app, terminal_size=(120, 40), run_before=run_before)


def test_light_theme_reading_with_find(snap_compare, steady_app):
    async def run_before(pilot):
        pilot.app.theme = "textual-light"
        await steady(pilot)
        await open_best_hit(pilot, "Karabakh")
        await pilot.press("f", *"peace", "enter")
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=(120, 40), run_before=run_before)


def test_small_terminal_search(snap_compare, steady_app):
    async def run_before(pilot):
        await steady(pilot)
        await search(pilot, "China")
        await facets_settled(pilot)

    assert snap_compare(steady_app, terminal_size=(60, 20), run_before=run_before)
