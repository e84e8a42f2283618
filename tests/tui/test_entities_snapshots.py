"""Snapshots of entities: a reading pane with its entities, legend and panel; the entity view.

Built like the other snapshots (``steady_app``: the CLI's factory, fixed query times, no
blinking cursor). Review the report before ``--snapshot-update``.
"""

from __future__ import annotations

from tests.tui.conftest import wait_for
from tests.tui.test_snapshots import open_best_hit, steady
from tui.screens.entity_view import EntityViewScreen
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.workspace import Workspace


def reader(pilot) -> ReadingPane:
    return pilot.app.screen.query_one(Workspace).active_pane.query_one(ReadingPane)


async def open_panel_on(pilot, canonical: str, entity_type: str) -> None:
    await steady(pilot)
    await open_best_hit(pilot, "Aliyev")
    await pilot.press("E")
    panel = reader(pilot).entity_panel
    await wait_for(pilot, lambda: panel.entity_list.has_focus)
    panel.select(canonical, entity_type)
    await pilot.pause()


def test_reading_pane_with_entities_legend_and_panel(snap_compare, steady_app):
    async def run_before(pilot):
        await open_panel_on(pilot, "Nikol Pashinyan", "PERSON")

    assert snap_compare(steady_app, terminal_size=(120, 40), run_before=run_before)


def test_entity_view_lists_mentions_in_context(snap_compare, steady_app):
    async def run_before(pilot):
        await open_panel_on(pilot, "Nikol Pashinyan", "PERSON")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EntityViewScreen))

    assert snap_compare(steady_app, terminal_size=(120, 40), run_before=run_before)
