"""Snapshots of a reading pane with a quoted passage marked and the cursor shown, and of
the notes view; notes are dated by the helpers so the pictures only change with the screens."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.service import open_search_service
from tests.tui.conftest import SteadyClockService, ready, wait_for
from tests.tui.notes_helpers import WHEN, make_briefing
from tests.tui.test_notes_provenance import corpus, edit, quote_note  # noqa: F401 - fixture
from tests.tui.test_quoting import open_article, write_note
from tests.tui.test_snapshots import steady
from tui.app import make_app
from tui.screens.notes import NotesScreen


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return tmp_path / "notes"


def steady_notes_app(seeds: Path, notes: Path):
    return make_app(seeds, notes_dir=notes, service=SteadyClockService(open_search_service(seeds)))


def test_reading_pane_with_a_quote_marked_and_the_cursor_on_the_next_sentence(
    snap_compare, seeds, notes
):
    async def run_before(pilot):
        await steady(pilot)
        pane = await open_article(pilot, "Aliyev")
        await pilot.press("right", "right", "s")
        await write_note(pilot, "The claim to check")
        await wait_for(pilot, lambda: pane.marks != [])
        await pilot.press("right")
        pilot.app.clear_notifications()
        await pilot.pause()

    app = steady_notes_app(seeds, notes)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_notes_view_grouped_by_article(snap_compare, seeds, notes):
    make_briefing(notes, seeds, "Caucasus watch")

    async def run_before(pilot):
        await ready(pilot)
        await wait_for(pilot, lambda: pilot.app.briefing is not None)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = steady_notes_app(seeds, notes)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_notes_view_after_the_corpus_changed(snap_compare, corpus, notes):  # noqa: F811
    quote_note(corpus, notes, "Pipeline talks stall", "Work stops for now.", "moved", WHEN)
    quote_note(
        corpus, notes, "Pipeline talks stall", "shot down by the finance ministry", "c", WHEN
    )
    quote_note(corpus, notes, "Grain exports rise", "Prices held steady", "lost", WHEN)
    edit(corpus / "feed.txt", "shot down by", "downed by")
    (corpus / "report.txt").unlink()

    async def run_before(pilot):
        await ready(pilot)
        await wait_for(pilot, lambda: pilot.app.briefing is not None)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
        await wait_for(pilot, lambda: pilot.app.screen.resolution.done)
        await pilot.press("down", "w")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = make_app(corpus, notes_dir=notes, service=SteadyClockService(open_search_service(corpus)))
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
