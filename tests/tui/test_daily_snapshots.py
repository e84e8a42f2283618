"""Snapshots of the screens used all day, at a small terminal (80x24) and a wide one (200x60):
the article list, a reading pane (its column capped and centred when wide) and the quote
dialog. Review the report before ``--snapshot-update``."""

from __future__ import annotations

import pytest

from tests.tui.conftest import wait_for
from tests.tui.test_quoting import open_article
from tests.tui.test_snapshots import steady
from tui.screens.note_editor import NoteEditor

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((200, 60), id="200x60")]


@pytest.mark.parametrize("size", SIZES)
def test_article_list(snap_compare, steady_app, size):
    assert snap_compare(steady_app, terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES)
def test_reading_pane(snap_compare, steady_app, size):
    async def run_before(pilot):
        await steady(pilot)
        await open_article(pilot, "Aliyev")
        await pilot.press("right", "right")
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_quote_dialog(snap_compare, steady_app, size):
    async def run_before(pilot):
        await steady(pilot)
        await open_article(pilot, "Aliyev")
        await pilot.press("right", "right", "s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteEditor))
        await pilot.press(*"Check against the ministry's figures")
        pilot.app.screen.query_one("TextArea").cursor_blink = False
        await pilot.pause()

    assert snap_compare(steady_app, terminal_size=size, run_before=run_before)
