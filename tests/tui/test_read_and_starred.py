"""Read and starred articles: a dot marks the unread, `*` stars, F7 lists only the unread or
the starred; all kept per corpus for the next launch."""

from __future__ import annotations

import shutil

from tests.tui.conftest import ready, screen_text, search, wait_for, wait_for_text
from tui.app import make_app
from tui.widgets.search.results_list import ResultsList
from tui.widgets.workspace import SEARCH_TAB, Workspace


def results(app) -> ResultsList:
    return app.screen.query_one(ResultsList)


def workspace(app) -> Workspace:
    return app.screen.query_one(Workspace)


def mark_of(app, index: int) -> str:
    """The mark drawn before the ``index``-th row's title: "•" unread, "★" starred, " " read."""
    title = next(a.title for a in app.articles if a.id == results(app).rows[index].key)
    line = next(line for line in screen_text(app).splitlines() if title[:25] in line)
    return line[0]


async def to_row(pilot, index: int) -> str:
    """Put the list's cursor on row ``index`` (keyboard in the list); returns its key."""
    results(pilot.app).focus()
    results(pilot.app).cursor = index
    await pilot.pause()
    return results(pilot.app).rows[index].key


async def open_and_come_back(pilot, index: int) -> str:
    key = await to_row(pilot, index)
    await pilot.press("enter")
    await wait_for(pilot, lambda: workspace(pilot.app).current_article_id() == key)
    await pilot.press("escape")
    await wait_for(pilot, lambda: workspace(pilot.app).active == SEARCH_TAB)
    return key


async def test_an_article_is_unread_until_opened(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert {mark_of(app, i) for i in range(len(results(app).rows))} == {"•"}
        opened = await open_and_come_back(pilot, 2)
        await wait_for(pilot, lambda: results(app).rows[2].key == opened)
        assert mark_of(app, 2) == " "
        assert mark_of(app, 1) == "•"


async def test_a_star_from_the_list_and_from_the_article_shows_in_both(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_row(pilot, 1)
        await pilot.press("asterisk")
        await wait_for(pilot, lambda: mark_of(app, 1) == "★")

        key = await to_row(pilot, 3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: workspace(app).current_article_id() == key)
        await pilot.press("asterisk")
        tab = workspace(app).get_tab(workspace(app).pane_id(key))
        await wait_for(pilot, lambda: str(tab.label).startswith("★ "))
        await pilot.press("escape")
        await wait_for(pilot, lambda: mark_of(app, 3) == "★")

        await to_row(pilot, 1)
        await pilot.press("asterisk")  # unstar: read articles show no mark, unread a dot
        await wait_for(pilot, lambda: mark_of(app, 1) == "•")


async def test_f7_lists_the_unread_then_the_starred_then_all(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        total = len(results(app).rows)
        read = await open_and_come_back(pilot, 0)
        starred = await to_row(pilot, 4)
        await pilot.press("asterisk")

        await pilot.press("f7")
        await wait_for_text(pilot, f"Only unread: {total - 1} of {total}")
        assert read not in [row.key for row in results(app).rows]
        await pilot.press("f7")
        await wait_for_text(pilot, f"Only starred: 1 of {total}")
        assert [row.key for row in results(app).rows] == [starred]

        # The filter holds for search answers too.
        await pilot.press("slash")
        shown = await search(pilot, "Azerbaijan")
        assert "Only starred: 1 of" in shown or "No starred articles here" in shown

        await pilot.press("f7")
        await wait_for(pilot, lambda: "Only " not in screen_text(app))


async def test_read_and_starred_are_kept_per_corpus(seeds, tmp_path):
    first = make_app(seeds)
    async with first.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        read = await open_and_come_back(pilot, 0)
        starred = await to_row(pilot, 2)
        await pilot.press("asterisk")
        await pilot.press("ctrl+q")

    again = make_app(seeds)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: workspace(again).open_ids == [read])
        keys = [row.key for row in results(again).rows]
        assert mark_of(again, keys.index(read)) == " "
        assert mark_of(again, keys.index(starred)) == "★"

    other = tmp_path / "other-corpus"
    shutil.copytree(seeds, other)
    elsewhere = make_app(other)
    async with elsewhere.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert {mark_of(elsewhere, i) for i in range(len(results(elsewhere).rows))} == {"•"}
