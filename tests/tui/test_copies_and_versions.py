"""The reading pane's header names an article's copies and versions; v opens a version."""

from __future__ import annotations

from tests.duplicate_stories import OTHER, REPORT, VERSION, write
from tests.tui.conftest import ready, screen_text, wait_for, wait_for_text
from tui.app import make_app
from tui.screens.related import RelatedScreen
from tui.widgets.workspace import Workspace

FILES = {"a.txt": REPORT, "b.txt": REPORT, "refiled.txt": VERSION, "other.txt": OTHER}


async def _open(pilot, path: str) -> None:
    app = pilot.app
    article_id = next(a.id for a in app.articles if a.path == path)
    app.screen.open_article(article_id)
    workspace = app.screen.query_one(Workspace)
    await wait_for(pilot, lambda: workspace.current_article_id() == article_id)


async def test_the_header_shows_the_copies_and_versions_of_an_article(tmp_path):
    app = make_app(write(tmp_path / "corpus", FILES))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await _open(pilot, "a.txt")
        shown = await wait_for_text(pilot, "Copies  1 other copy: b.txt")
        assert "Version Baku signs twenty-year harbour deal · refiled.txt" in shown
        assert "1 other version: v opens one" in shown


async def test_an_article_with_neither_shows_no_such_lines(tmp_path):
    app = make_app(write(tmp_path / "corpus", FILES))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await _open(pilot, "other.txt")
        shown = await wait_for_text(pilot, "Path    corpus/other.txt")
        assert "Copies" not in shown and "Version" not in shown


async def test_v_lists_the_versions_and_enter_opens_the_chosen_one(tmp_path):
    app = make_app(write(tmp_path / "corpus", FILES))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await _open(pilot, "refiled.txt")
        await wait_for_text(pilot, "2 other versions: v opens one")
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, RelatedScreen))
        shown = screen_text(app)
        assert "Other versions" in shown
        assert "Versions of: Baku signs twenty-year harbour deal" in shown
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        first = next(a.id for a in app.articles if a.path == "a.txt")
        await wait_for(pilot, lambda: workspace.current_article_id() == first)
        assert await wait_for_text(pilot, "Path    corpus/a.txt")
