"""Query hits in the article: highlighted, walked with n/N and counted; find in the article."""

from __future__ import annotations

import re

from tests.tui.conftest import ready, screen_text, search, styles_of, wait_for
from tui.widgets.reading.pane import ArticleBody, FindBar, ReadingPane
from tui.widgets.workspace import Workspace


async def open_best_hit(pilot, query: str) -> ReadingPane:
    app = pilot.app
    await search(pilot, query)
    await pilot.press("enter")
    workspace = app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() is not None)
    return workspace.active_pane.query_one(ReadingPane)


def occurrences(body: str, word: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}\w*", body, re.IGNORECASE))


async def test_hits_are_counted_and_n_and_N_walk_them(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        total = occurrences(reader.article.body, "Aliyev")
        assert total > 2
        assert f"{total} hits · n next" in screen_text(app)
        await pilot.press("n")
        await wait_for(pilot, lambda: f"hit 1 of {total}" in screen_text(app))
        await pilot.press("n")
        await wait_for(pilot, lambda: f"hit 2 of {total}" in screen_text(app))
        await pilot.press("N", "N")
        await wait_for(pilot, lambda: f"hit {total} of {total}" in screen_text(app))


async def test_hits_are_highlighted_without_relying_on_colour(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_best_hit(pilot, "Aliyev")
        await pilot.pause()
        styled = [s for s in styles_of(app, "aliyev") if s.underline]
        assert styled and all(s.bold for s in styled)


async def test_the_current_hit_is_scrolled_into_view_and_marked(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        body = reader.query_one(ArticleBody)
        await pilot.press("N")
        await wait_for(pilot, lambda: body.scroll_y > 0)
        # The last hit is on screen, drawn reversed as well as bold and underlined.
        await wait_for(
            pilot, lambda: any(s.reverse and s.underline for s in styles_of(app, "aliyev"))
        )


async def test_find_in_article_counts_and_walks_its_matches(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        word = "Karabakh"
        total = reader.article.body.lower().count(word.lower())
        assert total > 1
        await pilot.press("f")
        assert reader.query_one(FindBar).has_focus
        await pilot.press(*word)
        await wait_for(pilot, lambda: f"{total} matches" in screen_text(app))
        await pilot.press("enter")
        await wait_for(pilot, lambda: f"find “{word}” 1 of {total}" in screen_text(app))
        assert reader.query_one(ArticleBody).has_focus
        await pilot.press("n")
        await wait_for(pilot, lambda: f"find “{word}” 2 of {total}" in screen_text(app))
        # Escape closes the find; n walks the query hits again.
        await pilot.press("f", "escape")
        await wait_for(pilot, lambda: not reader.query_one(FindBar).display)
        await pilot.press("n")
        await wait_for(pilot, lambda: "hit 1 of" in screen_text(app))


async def test_find_with_no_match_says_so(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_best_hit(pilot, "Aliyev")
        await pilot.press("ctrl+f", *"zzqx")
        await wait_for(pilot, lambda: "No matches for “zzqx”" in screen_text(app))


async def test_escape_goes_back_to_the_search_with_the_query_kept(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await open_best_hit(pilot, "Aliyev")
        await pilot.press("escape")
        workspace = app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() is None)
        assert " hits in " in screen_text(app)


async def test_a_notice_does_not_cover_the_find_box_or_the_status_line(app):
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        reader = await open_best_hit(pilot, "Aliyev")
        await pilot.press("f", *"Baku")
        app.notify("A notice long enough to reach well into the find box from the right\n" * 2)
        await wait_for(pilot, lambda: app.screen.query("Toast"))
        find = reader.query_one(FindBar).region
        for toast in app.screen.query("Toast"):
            assert not toast.region.overlaps(find)
            assert toast.region.bottom <= find.y - 1, "the status line above the box shows"
