"""Start-up indexing with visible progress while the app stays usable; small and large terminals."""

from __future__ import annotations

import threading
from pathlib import Path

from search.service import open_search_service
from tests.tui.conftest import SteadyClockService, ready, screen_text, search, wait_for
from tui.app import make_app
from tui.controllers.startup import Phase
from tui.screens.main import MainScreen
from tui.widgets.search.view import SearchView
from tui.widgets.workspace import Workspace


class GatedService(SteadyClockService):
    """The real service whose update waits for the test to let it run."""

    def __init__(self, inner) -> None:
        super().__init__(inner)
        self.gate = threading.Event()

    def update(self, **kwargs):
        self.gate.wait(timeout=30)
        return self.inner.update(**kwargs)


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"story-{n:02}.txt").write_text(
            f"Story number {n} about harbours\n\nThe harbour at place {n} reopened today.\n",
            encoding="utf-8",
        )
    return folder


async def test_the_index_is_built_with_progress_and_the_list_fills(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 12)
    seen = []
    app = make_app(corpus)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)
        progress = [m.progress for m in seen if isinstance(m, MainScreen.IndexProgressed)]
        assert progress and progress[-1].total == 12
        ready_messages = [m for m in seen if isinstance(m, MainScreen.IndexReady)]
        assert ready_messages[0].report is not None and ready_messages[0].report.articles == 12
        assert "12 articles" in screen_text(app)
        assert "Indexing" not in screen_text(app)
        # A new folder: nothing to list first, so the index is opened, built, then searched.
        startup = app.screen.startup
        assert startup.history == [Phase.LISTING, Phase.OPENING, Phase.UPDATING, Phase.READY]


async def test_typing_while_indexing_searches_once_the_index_is_ready(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 6)
    service = GatedService(open_search_service(corpus))
    app = make_app(corpus, service=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Opening the index" in screen_text(app))
        await pilot.press(*"harbour")
        view = app.screen.query_one(SearchView)
        assert view.query == "harbour"
        assert "harbour" in screen_text(app)
        service.gate.set()
        await wait_for(pilot, lambda: view.answered_query == "harbour")
        assert "6 hits" in screen_text(app)


async def test_a_small_terminal_keeps_search_and_reading_usable(app):
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        shown = await search(pilot, "Aliyev")
        assert " hits in " in shown and "Aliyev" in shown
        await pilot.press("enter")
        workspace = app.screen.query_one(Workspace)
        await wait_for(pilot, lambda: workspace.current_article_id() is not None)
        await pilot.press("n")
        await wait_for(pilot, lambda: "hit 1 of" in screen_text(app))
        assert "Next hit" in screen_text(app)


async def test_resizing_to_a_large_terminal_and_back_keeps_the_layout(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.resize_terminal(250, 70)
        await pilot.pause()
        shown = screen_text(app)
        for article in app.articles:
            assert article.title[:60] in shown
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert "articles · sorted by" in screen_text(app)


async def test_an_extractor_failure_is_shown_not_hidden(tmp_path, monkeypatch):
    from search.index import indexer
    from tests.tui.notes_helpers import notices

    def broken(body: str):
        raise RuntimeError("gazetteer file is missing")

    monkeypatch.setattr(indexer, "extract_entities", broken)
    corpus = write_corpus(tmp_path / "corpus", 3)
    seen: list = []
    app = make_app(corpus)
    async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
        await ready(pilot)
        warned = lambda: [n for n in notices(seen) if "could not be found in" in n]  # noqa: E731
        await wait_for(pilot, lambda: bool(warned()))
        assert "3 articles" in warned()[0] and "gazetteer file is missing" in warned()[0]
