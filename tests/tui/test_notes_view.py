"""The notes view: the briefing's order under article headings, filter as you type, edit,
retag, delete and undo, reorder across articles, orphans listed apart, go to the quoted
passage, export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import OptionList

from briefings.store import BriefingStore
from tests.tui.conftest import ready, screen_text, wait_for
from tests.tui.notes_helpers import make_briefing, notices
from tui.app import make_app
from tui.screens.note_editor import NoteEditor
from tui.screens.notes import NotesScreen
from tui.widgets.reading.pane import ReadingPane


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return tmp_path / "notes"


@pytest.fixture
def briefing(notes: Path, seeds: Path):
    return make_briefing(notes, seeds)


def stored(notes: Path, slug: str):
    return BriefingStore(notes).load(slug)


async def open_notes(pilot) -> NotesScreen:
    await ready(pilot)
    await wait_for(pilot, lambda: pilot.app.briefing is not None)
    await pilot.press("ctrl+n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
    screen = pilot.app.screen
    await wait_for(pilot, lambda: screen.notes_list.option_count > 0)
    return screen


def highlight(screen: NotesScreen, text: str) -> None:
    """Highlight the note whose text is ``text``."""
    note = next(n for n in screen.briefing.notes if n.text == text)
    listing = screen.query_one("#notes", OptionList)
    listing.highlighted = listing.get_option_index(note.id)


async def test_notes_keep_the_briefing_order_under_a_heading_per_run_of_one_article(
    seeds, notes, briefing
):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_notes(pilot)
        text = screen_text(app)
        first_title = briefing.notes[0].article.title[:30]
        second_title = briefing.notes[1].article.title[:30]
        assert text.index(first_title) < text.index("opening claim") < text.index(second_title)
        assert text.index(second_title) < text.index("other view") < text.index("second point")
        # The first article heads the run of "second point" again.
        assert text.index(first_title, text.index("other view")) < text.index("second point")
        assert "Caucasus watch" in text and "3 notes" in text
        assert "#energy #gas" in text


async def test_typing_a_filter_keeps_only_matching_notes(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_notes(pilot)
        await pilot.press("slash", *"gas")
        await pilot.pause()
        text = screen_text(app)
        assert "second point" in text
        assert "opening claim" not in text and "other view" not in text
        await pilot.press("escape")  # clears the filter first
        await pilot.pause()
        assert "other view" in screen_text(app)
        assert isinstance(app.screen, NotesScreen)


async def test_delete_then_undo_puts_the_note_back_in_its_place(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, "other view")
        await pilot.press("d")
        await wait_for(pilot, lambda: len(stored(notes, briefing.slug).notes) == 2)
        await wait_for(pilot, lambda: "other view" not in screen_text(app))
        await pilot.press("u")
        await wait_for(pilot, lambda: len(stored(notes, briefing.slug).notes) == 3)
        assert [n.text for n in stored(notes, briefing.slug).notes] == [
            "opening claim",
            "other view",
            "second point",
        ]


async def test_edit_and_retag_are_saved(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, "opening claim")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press(*" *really*", "ctrl+s")
        await wait_for(pilot, lambda: stored(notes, briefing.slug).notes[0].text.endswith("*"))
        highlight(screen, "opening claim *really*")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        await pilot.press(*", oil", "enter")
        await wait_for(pilot, lambda: stored(notes, briefing.slug).notes[0].tags[-1:] == ("oil",))
        note = stored(notes, briefing.slug).notes[0]
        assert note.text == "opening claim *really*"
        assert note.tags == ("energy", "oil")


async def test_moving_a_note_down_crosses_into_the_next_article_run(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, "opening claim")
        await pilot.press("J")
        texts = lambda: [n.text for n in stored(notes, briefing.slug).notes]  # noqa: E731
        await wait_for(pilot, lambda: texts() == ["other view", "opening claim", "second point"])
        text = screen_text(app)
        assert text.index("other view") < text.index("opening claim")
        await pilot.press("J")
        await wait_for(pilot, lambda: texts()[-1] == "opening claim")


async def test_a_quote_not_found_in_the_article_is_listed_apart_as_orphaned(seeds, notes, briefing):
    store = BriefingStore(notes)
    lost = briefing.notes[1]
    gone = replace(lost.quote, exact="A sentence this article never held, not even close.")
    store.update_note(briefing.slug, lost.id, quote=gone)
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_notes(pilot)
        await wait_for(pilot, lambda: "Orphaned (1)" in screen_text(app))
        text = screen_text(app)
        assert text.index("second point") < text.index("Orphaned (1)") < text.index("other view")
        assert "✗ orphaned: the quoted passage is no longer in its article" in text
        assert "1 orphaned" in text


async def test_enter_opens_the_article_with_the_cursor_on_the_quote(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, "second point")
        await pilot.press("enter")
        await wait_for(pilot, lambda: bool(app.screen.query(ReadingPane)))
        pane = app.screen.query_one(ReadingPane)
        await wait_for(pilot, lambda: pane.cursor.active)
        quote = briefing.notes[2].quote
        assert pane.article.id == briefing.notes[2].article.id
        assert pane.cursor.sentence_span[0] == quote.start
        assert pane.layer("cursor")[0][:2] == (quote.start, quote.end)
        assert "❝ quoted" in pane.status_text


async def test_export_key_writes_markdown_and_says_where(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    seen: list = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_notes(pilot)
        await pilot.press("ctrl+o")
        target = notes / "exports" / f"{briefing.slug}.md"
        await wait_for(pilot, lambda: target.is_file())
        await wait_for(pilot, lambda: any(str(target) in n for n in notices(seen)))
        markdown = target.read_text(encoding="utf-8")
        assert markdown.startswith("# Caucasus watch")
        assert "opening claim" in markdown and briefing.notes[0].quote.exact[:20] in markdown


async def test_an_edit_to_a_note_deleted_elsewhere_adds_it_back(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_notes(pilot)
        highlight(screen, "other view")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor))
        gone = briefing.notes[1].id
        BriefingStore(notes).delete_note(briefing.slug, gone)  # another briefing process
        await pilot.press(*" kept", "ctrl+s")
        await wait_for(pilot, lambda: stored(notes, briefing.slug).note(gone) is not None)
        assert stored(notes, briefing.slug).note(gone).text == "other view kept"


async def test_the_palette_offers_the_notes_view_and_export(seeds, notes, briefing):
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app.briefing is not None)
        await pilot.press("ctrl+p", *"export briefing")
        await wait_for(pilot, lambda: "Export briefing" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: (notes / "exports" / f"{briefing.slug}.md").is_file())
        await pilot.press("ctrl+p", *"notes")
        await wait_for(pilot, lambda: "The current briefing's notes" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
