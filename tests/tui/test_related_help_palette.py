"""Related articles, the help screen for the current context, and the command palette."""

from __future__ import annotations

from tests.tui.conftest import ready, screen_text, wait_for
from tui.screens.help import HelpScreen, binding_rows
from tui.screens.related import RelatedScreen
from tui.widgets.reading.pane import ReadingPane
from tui.widgets.search.results_list import ResultsList
from tui.widgets.workspace import Workspace

# What Textual's own widgets call their scrolling keys: known to all, listed by none.
GENERIC_TEXTUAL_KEYS = {
    "Scroll Up",
    "Scroll Down",
    "Scroll Left",
    "Scroll Right",
    "Scroll Home",
    "Scroll End",
    "Page Left",
    "Page Right",
    "Move cursor left",
}


async def open_first(pilot) -> ReadingPane:
    app = pilot.app
    await pilot.press("enter")
    workspace = app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    return workspace.active_pane.query_one(ReadingPane)


async def test_related_lists_similar_articles_and_opens_the_chosen_one(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_first(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, RelatedScreen))
        listed = app.screen.query_one(ResultsList).rows
        assert listed, "the seeds share enough words for related articles"
        assert reader.article.id not in [row.key for row in listed]
        chosen = listed[0].key
        title = next(a.title for a in app.articles if a.id == chosen)
        assert "Most like:" in screen_text(app)
        assert title[:30] in screen_text(app)
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() == chosen)
        assert workspace.open_ids == [reader.article.id, chosen]


async def test_escape_closes_the_related_list(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_first(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, RelatedScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, RelatedScreen))
        assert len(app.screen.query_one(Workspace).open_ids) == 1


async def test_help_shows_the_keys_of_the_search_view(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        shown = screen_text(app)
        for words in ("Search", "Sort", "Quit", "Command palette", "Briefings"):
            assert words in shown
        assert "Next hit" not in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))


async def test_help_in_an_article_shows_the_reading_keys(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_first(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        shown = screen_text(app)
        for words in ("Reading an article", "Next hit", "Find", "Related", "Close tab"):
            assert words in shown
        # The app-wide keys come last: the help scrolls down to them.
        await pilot.press("end")
        await wait_for(pilot, lambda: "Quit" in screen_text(app))
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))


async def test_palette_opens_an_article_by_title(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        target = next(a for a in app.articles if a.title == "China EU Summit")
        await pilot.press("ctrl+p")
        await pilot.press(*"china eu summit")
        await wait_for(pilot, lambda: "Open: China EU Summit" in screen_text(app))
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() == target.id)


async def test_palette_offers_the_keyed_commands_and_runs_them(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"sort articles by title")
        await wait_for(pilot, lambda: "Sort articles by title" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "sorted by title" in screen_text(app))


async def test_light_theme_from_the_palette(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.current_theme.dark
        await pilot.press("ctrl+p")
        await pilot.press(*"light theme")
        await wait_for(pilot, lambda: "Light theme" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.current_theme.dark)


async def test_palette_entries_for_articles_match_on_the_word_open(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        target = next(a for a in app.articles if a.title == "China EU Summit")
        await pilot.press("ctrl+p")
        await pilot.press(*"open china")
        await wait_for(pilot, lambda: "Open: China EU Summit" in screen_text(app))
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() == target.id)


async def test_palette_starts_with_the_app_s_commands_not_generic_scrolling(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_first(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: "Close tab" in screen_text(app))
        shown = screen_text(app)
        for generic in GENERIC_TEXTUAL_KEYS:
            assert generic not in shown


async def test_help_lists_no_generic_scroll_keys_nor_escape_as_a_tab_key(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for opened in (False, True):
            if opened:
                await open_first(pilot)
            rows = binding_rows(app.screen)
            described = [what for _, _, what in rows]
            keys = " / ".join(key for _, key, _ in rows)
            assert "Search" in described and "Next tab" in described
            assert not set(described) & GENERIC_TEXTUAL_KEYS
            assert "^[" not in keys
        assert "Close tab" in described and "Quote paragraph" in described
