"""Saved searches: ctrl+s names the query, F6 and the palette list them with what is new."""

from __future__ import annotations

from pathlib import Path
from shutil import copytree

import pytest
from textual.widgets import Input

from tests.tui.conftest import ready, screen_text, search, wait_for, wait_for_text
from tui.app import make_app
from tui.screens.saved_searches import SavedSearchesScreen, SaveSearchScreen

NEW_STORY = "China trade talks resume\n\nChina and the EU met again about trade today.\n"


@pytest.fixture
def corpus(seeds: Path, tmp_path: Path) -> Path:
    """A copy of the seeds, to add articles to."""
    return copytree(seeds, tmp_path / "corpus")


async def save_as(pilot, name: str | None = None) -> None:
    """Press ctrl+s and accept the offered name (or type ``name``)."""
    app = pilot.app
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, SaveSearchScreen))
    if name is not None:
        app.screen.query_one(Input).value = ""
        await pilot.press(*name)
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, SaveSearchScreen))
    await app.workers.wait_for_complete()


async def test_ctrl_s_saves_the_query_under_the_name_offered(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "China")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveSearchScreen))
        assert app.screen.query_one(Input).value == "China"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.remembered.saved_search("China") is not None)
        saved = app.remembered.saved_search("China")
        assert saved.query == "China"
        assert len(saved.seen) == 7  # every hit of it now counts as seen


async def test_escape_saves_nothing(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "China")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveSearchScreen))
        await pilot.press("escape")
        assert app.remembered.saved_searches == []


async def test_f6_lists_saved_searches_with_new_articles_and_running_one_marks_them_seen(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "China")
        await save_as(pilot, "china watch")
        (corpus / "new-story.txt").write_text(NEW_STORY, encoding="utf-8")
        await pilot.press("f5")
        await wait_for(pilot, lambda: "13 articles" in screen_text(app) or len(app.articles) == 13)

        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, SavedSearchesScreen))
        shown = await wait_for_text(pilot, "china watch")
        assert "(1 new)" in shown

        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, SavedSearchesScreen))
        view = app.screen.search_view
        await wait_for(pilot, lambda: view.answered_query == "China")
        assert "China trade talks resume" in screen_text(app)
        await app.workers.wait_for_complete()
        # The 8 China hits are seen now; the other articles were never its hits.
        saved = app.remembered.saved_search("china watch")
        assert saved.new_among([article.id for article in app.articles]) == len(app.articles) - 8

        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, SavedSearchesScreen))
        assert "(none new)" in await wait_for_text(pilot, "china watch")


async def test_d_in_the_list_forgets_a_saved_search(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Airbus")
        await save_as(pilot)
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, SavedSearchesScreen))
        await wait_for_text(pilot, "Airbus")
        await pilot.press("d")
        assert app.remembered.saved_searches == []
        assert "No saved searches yet" in screen_text(app)


async def test_the_palette_lists_saved_searches_with_their_new_count_and_runs_them(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Airbus")
        await save_as(pilot, "planes")
        app.screen.search_view.set_query("")
        await pilot.press("ctrl+p")
        await pilot.press(*"planes")
        shown = await wait_for_text(pilot, "Saved search: planes (none new)")
        assert "Saved search: planes" in shown
        await pilot.press("enter")
        view = app.screen.search_view
        await wait_for(pilot, lambda: view.answered_query == "Airbus")
        assert "No Airbus plane deal between EU and China" in screen_text(app)


async def test_saving_a_whole_word_while_typing_it_needs_no_warning(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Airbus")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveSearchScreen))
        assert "to keep matching them" not in await wait_for_text(pilot, "Save search")


async def test_saving_a_half_typed_word_says_the_saved_search_reads_it_as_typed(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "Paki")
        assert "1 hit" in screen_text(app)  # Pakistan, while typing
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveSearchScreen))
        assert "Save Paki* to keep matching them" in await wait_for_text(pilot, "Save search")
        await pilot.press("escape")
        await pilot.press("space")  # the word is finished: nothing to say
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveSearchScreen))
        assert "to keep matching them" not in await wait_for_text(pilot, "Save search")
