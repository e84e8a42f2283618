"""Snapshots of the explore views on the seeds: the timeline of a search, an entity page
and an entity's statements, at a small terminal and a wide one. Review the report
before ``--snapshot-update``."""

from __future__ import annotations

import pytest

from tests.tui.conftest import search, wait_for
from tests.tui.test_explore_views import entity_panel_on
from tests.tui.test_snapshots import steady
from tui.screens.entity_page import EntityPageScreen
from tui.screens.statements import StatementsScreen
from tui.screens.timeline import TimelineScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.mark.parametrize("size", SIZES)
def test_timeline_of_a_search(snap_compare, steady_app, size):
    async def run_before(pilot):
        await steady(pilot)
        await search(pilot, "Aliyev")
        await pilot.press("down", "T")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimelineScreen))
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_entity_page(snap_compare, steady_app, size):
    async def run_before(pilot):
        await steady(pilot)
        await entity_panel_on(pilot, "Ilham Aliyev")
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, EntityPageScreen))
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=size, run_before=run_before)


def test_statements_of_an_entity(snap_compare, steady_app):
    async def run_before(pilot):
        await steady(pilot)
        await entity_panel_on(pilot, "Ilham Aliyev")
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, StatementsScreen))
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=(120, 36), run_before=run_before)
