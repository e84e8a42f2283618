"""Briefings from the app: the current one at start, switch, create, rename, delete, and a
corrupt file reported with its path and line, never written, while the others keep working."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from briefings.store import BriefingStore
from tests.tui.conftest import ready, screen_text, wait_for
from tests.tui.notes_helpers import make_briefing, notices
from tests.tui.test_quoting import open_article, write_note
from tui.app import make_app
from tui.screens.briefing_picker import BriefingPicker
from tui.screens.confirm import ConfirmScreen
from tui.screens.notes import NotesScreen

BROKEN = "title: Broken\nslug: broken\nnotes:\n  - id: [unclosed\n"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return tmp_path / "notes"


async def open_picker(pilot) -> BriefingPicker:
    if not isinstance(pilot.app.screen, NotesScreen):
        await ready(pilot)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, BriefingPicker))
    picker = pilot.app.screen
    await wait_for(pilot, lambda: picker._summaries != [])
    return picker


def choose(picker: BriefingPicker, slug: str) -> None:
    listing = picker.query_one(OptionList)
    listing.highlighted = listing.get_option_index(slug)


async def test_the_most_recently_updated_briefing_is_current_at_start(seeds, notes):
    store = BriefingStore(notes)
    older = store.create("Older")
    make_briefing(notes, seeds, "Newer")
    assert store.load(older.slug).updated <= store.load("newer").updated
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: app.briefing is not None)
        assert app.briefing.title == "Newer"
        assert "briefing: Newer" in screen_text(app)


async def test_create_switch_rename_and_delete_from_the_picker(seeds, notes):
    make_briefing(notes, seeds, "Caucasus watch")
    app = make_app(seeds, notes_dir=notes)
    async with app.run_test(size=(120, 40)) as pilot:
        picker = await open_picker(pilot)
        await pilot.press("n", *"Energy desk", "enter")
        await wait_for(
            pilot, lambda: app.briefing is not None and app.briefing.title == "Energy desk"
        )
        assert (notes / "energy-desk.yaml").is_file()

        await wait_for(pilot, lambda: len(picker._summaries) == 2)
        choose(picker, "caucasus-watch")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.briefing.title == "Caucasus watch")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        assert "opening claim" in screen_text(app)

        picker = await open_picker(pilot)
        choose(picker, "energy-desk")
        await pilot.press("r")
        box = picker.query_one("#title-input", Input)
        box.value = "Energy and power"
        await pilot.press("enter")
        await wait_for(pilot, lambda: (notes / "energy-and-power.yaml").is_file())
        assert not (notes / "energy-desk.yaml").exists()

        await wait_for(pilot, lambda: "energy-and-power" in [s.slug for s in picker._summaries])
        choose(picker, "energy-and-power")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: not (notes / "energy-and-power.yaml").exists())
        assert list(notes.glob("energy-and-power.yaml.deleted-*"))
        assert app.briefing.title == "Caucasus watch"


async def test_a_corrupt_briefing_is_listed_with_its_line_and_never_written(seeds, notes):
    make_briefing(notes, seeds, "Caucasus watch")
    broken = notes / "broken.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    app = make_app(seeds, notes_dir=notes)
    seen: list = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        about_broken = lambda: [n for n in notices(seen) if f"{broken}:" in n]  # noqa: E731
        await wait_for(pilot, lambda: len(about_broken()) == 1)
        assert "cannot be read" in about_broken()[0]
        picker = await open_picker(pilot)
        assert app.briefing.title == "Caucasus watch"
        text = screen_text(app)
        assert "unreadable" in text and "broken.yaml:" in text
        choose(picker, "broken")
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(about_broken()) == 2)
        assert app.briefing.title == "Caucasus watch"
        assert broken.read_text(encoding="utf-8") == BROKEN


async def test_a_note_whose_briefing_was_corrupted_meanwhile_is_kept_and_saved_elsewhere(
    seeds, notes
):
    briefing = make_briefing(notes, seeds, "Caucasus watch")
    path = notes / f"{briefing.slug}.yaml"
    app = make_app(seeds, notes_dir=notes)
    seen: list = []
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await open_article(pilot, "Aliyev")
        await wait_for(pilot, lambda: app.briefing is not None)
        path.write_text(BROKEN, encoding="utf-8")  # a bad hand edit while the app runs
        await pilot.press("a")
        await write_note(pilot, "do not lose me")
        await wait_for(pilot, lambda: any(f"{path}:" in n for n in notices(seen)))
        assert path.read_text(encoding="utf-8") == BROKEN
        assert [n.text for n in app.briefing_desk.unsaved] == ["do not lose me"]

        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, BriefingPicker))
        await pilot.press("n", *"Rescue", "enter")
        await wait_for(pilot, lambda: (notes / "rescue.yaml").is_file())
        await wait_for(pilot, lambda: len(BriefingStore(notes).load("rescue").notes) == 1)
        assert BriefingStore(notes).load("rescue").notes[0].text == "do not lose me"
        assert app.briefing_desk.unsaved == []
