"""Corrections from the app: mark text as an entity, ignore one, re-index, broken files."""

from __future__ import annotations

from textual.geometry import Offset
from textual.notifications import Notify
from textual.selection import Selection

from search.entities import corrections_path
from tests.tui.conftest import ready, screen_text, search, wait_for
from tui.app import make_app
from tui.screens.entity_type import EntityTypeScreen
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.workspace import Workspace


async def open_best_hit(pilot, query: str) -> ReadingPane:
    await search(pilot, query)
    await pilot.press("enter")
    workspace = pilot.app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    return workspace.active_pane.query_one(ReadingPane)


def told(seen: list, words: str) -> bool:
    """Whether a notification holding ``words`` was shown."""
    return any(isinstance(m, Notify) and words in m.notification.message for m in seen)


async def test_marking_the_found_text_as_a_place_applies_after_f5(seeds):
    seen: list = []
    app = make_app(seeds)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Unmasking")
        assert not any(s.text == "False Narratives" for s in reader.entities)
        await pilot.press("f", *"False Narratives", "enter", "m")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityTypeScreen))
        assert "Mark “False Narratives” as:" in screen_text(app)
        await pilot.press("l")
        await wait_for(pilot, lambda: told(seen, "saved in"))
        assert told(seen, "Marked “False Narratives” as")
        text = corrections_path().read_text(encoding="utf-8")
        assert "add: False Narratives" in text and "type: PLACE" in text
        await wait_for(pilot, lambda: told(seen, "applies on the next index update"))
        assert told(seen, "press F5 to re-index now")
        # Not applied until the index is updated; F5 does it and the pane follows.
        assert not any(s.text == "False Narratives" for s in reader.entities)
        await pilot.press("f5")
        await wait_for(
            pilot,
            lambda: any((s.text, s.type) == ("False Narratives", "PLACE") for s in reader.entities),
            timeout=30,
        )


async def test_a_mouse_selection_is_what_gets_marked(seeds):
    app = make_app(seeds)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Unmasking")
        paragraph = reader.paragraphs[0]
        body = reader.article.body
        at = body.index("False Narratives") - paragraph.start
        assert at >= 0 and "\n" not in body[paragraph.start : paragraph.end]
        app.screen.selections = {
            paragraph: Selection(Offset(at, 0), Offset(at + len("False Narratives"), 0))
        }
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityTypeScreen))
        assert app.screen.entity_name == "False Narratives"
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, EntityTypeScreen))
        assert not corrections_path().exists()


async def test_mark_with_nothing_selected_says_how(seeds):
    seen: list = []
    app = make_app(seeds)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)
        await open_best_hit(pilot, "Unmasking")
        await pilot.press("m")
        await wait_for(pilot, lambda: told(seen, "Select text with the mouse"))
        assert not isinstance(app.screen, EntityTypeScreen)


async def test_ignoring_the_entity_chosen_in_the_panel_drops_it_after_f5(seeds):
    seen: list = []
    app = make_app(seeds)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Minsk Group")
        assert any(s.canonical == "Minsk Group" for s in reader.entities)
        await pilot.press("E")
        panel = reader.entity_panel
        await wait_for(pilot, lambda: panel.entity_list.has_focus)
        panel.select("Minsk Group", "ORG")
        await pilot.press("i")
        await wait_for(pilot, lambda: told(seen, "saved in"))
        assert told(seen, "“Minsk Group” will no longer be marked")
        assert "ignore: Minsk Group" in corrections_path().read_text(encoding="utf-8")
        await wait_for(pilot, lambda: told(seen, "will no longer be marked"))
        await pilot.press("f5")
        await wait_for(
            pilot,
            lambda: not any(s.canonical == "Minsk Group" for s in reader.entities),
            timeout=30,
        )
        assert ("Minsk Group", "ORG") not in panel.entries


async def test_a_broken_corrections_file_is_reported_at_start_and_never_overwritten(seeds):
    path = corrections_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = "# my notes\n- add: [unclosed\n  type: ORG\n"
    path.write_text(broken, encoding="utf-8")
    seen: list = []
    app = make_app(seeds)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await wait_for(pilot, lambda: told(seen, "Entity corrections not in force"))
        await ready(pilot)
        await open_best_hit(pilot, "Unmasking")
        await pilot.press("f", *"False Narratives", "enter", "m")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityTypeScreen))
        await pilot.press("o")
        await wait_for(pilot, lambda: told(seen, "Corrections file not changed"))
        assert not told(seen, "saved in")
    assert path.read_text(encoding="utf-8") == broken
